"""The one evaluation every command shares: read or keep a site, check it, prove it, derive it at now.

It produces outputs in memory and writes nothing; the build and the dev server decide what to write or
serve."""
