"""Output families: each a pure function of the derived state and the theme."""
