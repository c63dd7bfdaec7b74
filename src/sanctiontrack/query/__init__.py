"""The query layer: the Tracker and its results, explanations, entity lookup and loading."""
