"""The model layer: records, the vocabulary, dates, intervals, names and errors (imports no other layer)."""
