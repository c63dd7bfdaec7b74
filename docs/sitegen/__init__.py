"""Helpers of docs/gen_pages.py: the pages of the documentation site generated from the data.

Not part of the library and not a page of the site (mkdocs.yml excludes this folder).
"""
