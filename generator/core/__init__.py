"""The model and the facts every stage shares: items, times, problems, public keys, the published names.

Frozen dataclasses only, no reading and no writing: every stage above builds on these and none of them
knows any stage."""
