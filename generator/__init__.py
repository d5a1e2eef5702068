"""statusblog: a static site generator for incident status blogs."""

__version__ = "0.1.0"
