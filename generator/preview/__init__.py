"""`statusblog serve`: the site kept in memory, rebuilt on each save, served on 127.0.0.1."""
