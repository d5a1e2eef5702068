"""Reading a site: files on disk -> front matter and registries -> parsed items -> the Site model.

Everything that decides what the bytes of a source file mean lives here, so a proof or a figure can only
be about the parsed result, never about lines. Reading is pure but for the parse cache and the parse
pool, which can make it faster and never different."""
