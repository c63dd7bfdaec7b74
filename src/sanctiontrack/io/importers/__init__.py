"""Importers of official lists (the Consolidated Screening List, the Denied Persons List) into the model's records."""
