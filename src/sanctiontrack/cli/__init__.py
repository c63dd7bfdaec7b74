"""The command line: typer commands and rich rendering."""
