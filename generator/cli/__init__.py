"""The command line: one module per family of commands, and how every command speaks."""
