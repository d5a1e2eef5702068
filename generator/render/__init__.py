"""The theme: templates, their engine, the site's words, charts, and the rules every page shares with the
host (the content security policy)."""
