"""Outputs: one module per family of published files, each a pure function of the derived state.

`families.OUTPUTS` is the table of them; `common` holds what several share (absolute addresses, JSON and
XML text, the site's wording).
"""
