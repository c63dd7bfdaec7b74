"""The engine layer: the semantics (compile and evaluate), and the day index that projects it onto days."""
