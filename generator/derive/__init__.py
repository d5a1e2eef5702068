"""The site at one "now": each item's state, component timelines, uptime, handling figures, and the checks
that depend on the time. Pure functions of the model, the proofs and now."""
