"""The screening layer: bulk fuzzy scoring of names against known name keys."""
