"""The checks layer: one rule a function over what was read, each declaring its problem codes."""
