"""Moving a team's history in from Statuspage, cState and Upptime.

Each source format has one module that reads its files into the imported
model (`imported.py`): plain, already-cleaned values, every one it could not
map noted with its file and field. `apply.py` alone turns that model into
source files: `planned.py` writes each file's text through the same serialisers
`statusblog new` uses, `record.py` keeps the record that makes a second import
write nothing and leave a person's edits alone, and `apply.py` checks the
whole site as `statusblog check` would before writing anything. The
`statusblog import` commands live with the other commands, in
`cli/import_command.py`. The data flows
one way: source files -> imported model -> site files.
"""
