"""Writing source files for people: new incidents, updates, postmortems and new sites, each checked by the
same pipeline as a build before a byte is written."""
