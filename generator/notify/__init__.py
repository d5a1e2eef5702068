"""`statusblog notify`: push each new feed entry, once, to where subscribers already are.

A static site cannot run a server, but the CI job that publishes it can push.
The feeds already give every update a stable id, so what is new is exactly
the entries of the output just built that the previously published feed
lacks (previous.py). Each is turned into one message (messages.py), sent to
every channel that wants it (channels.py, over Apprise or as Statuspage's
webhook body, statuspage.py) with bounded retries, and the WebSub hub is
pinged for every feed that changed (websub.py). run.py ties these together.
"""
