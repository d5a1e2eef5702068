"""Signed bylines: which parsed update or postmortem a signed commit introduced, under a trust root the
change being built cannot move."""
