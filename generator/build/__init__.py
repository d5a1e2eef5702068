"""`statusblog build`: the outputs written over every core into a new tree, checked against the host's
limits, and swapped in whole, under the output's lock, or nothing at all."""
