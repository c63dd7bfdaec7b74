"""The I/O layer: reading action files with locations, the schema, seeds, the bundled data, dumping, importers."""
