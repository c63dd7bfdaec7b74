"""Generate the data pages and reference pages of the site (run by mkdocs-gen-files at build time).

Pages come from the library's own API on the bundled dataset, so the site cannot disagree with
``sanctiontrack`` itself:

- ``entities/<id>.md``, ``actions/<id>.md``, ``seeds/<file>.md``, the action catalog, the entity and
  seed indexes, the sources page and the literate-nav ``SUMMARY.md`` of each data folder
  (``sitegen.pages``);
- ``reference/cli.md`` from the Typer app, ``reference/schema.md`` from ``json_schema()``,
  ``reference/vocabulary.md`` from the vocabulary table and ``reference/api.md`` from ``__all__``.

Run it by hand to see what it would write: ``python docs/gen_pages.py --list``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from sitegen.api import api_page  # noqa: E402
from sitegen.cli import cli_page  # noqa: E402
from sitegen.common import Page  # noqa: E402
from sitegen.context import Context  # noqa: E402
from sitegen.pages import generate  # noqa: E402
from sitegen.schema import schema_page  # noqa: E402
from sitegen.vocabulary import vocabulary_page  # noqa: E402

import sanctiontrack  # noqa: E402
from sanctiontrack.cli.app import app  # noqa: E402  (the Typer app is the CLI's public surface)


def all_pages(root: Path, *, directory_urls: bool = True) -> Iterator[Page]:
    """Every generated page, for the checkout at ``root`` (its ``seeds/`` folder holds the seed texts)."""
    tracker = sanctiontrack.load(official=False)  # pages for the curated records only, not one per listed party
    ctx = Context.build(tracker, root / "seeds", directory_urls=directory_urls)
    yield from generate(ctx)
    yield Page("reference/cli.md", cli_page(app))
    yield Page("reference/schema.md", schema_page(sanctiontrack.json_schema()))
    yield Page("reference/vocabulary.md", vocabulary_page())
    yield Page("reference/api.md", api_page(sanctiontrack))


def _write_with_mkdocs() -> None:
    import mkdocs_gen_files
    from mkdocs.structure.files import InclusionLevel

    config = mkdocs_gen_files.config
    root = Path(config.config_file_path).resolve().parent
    nav_files: list[str] = []
    for page in all_pages(root, directory_urls=config.use_directory_urls):
        with mkdocs_gen_files.open(page.path, "w") as handle:
            handle.write(page.content)
        if page.path.endswith("/SUMMARY.md"):
            nav_files.append(page.path)
    # The SUMMARY.md files only feed literate-nav (which reads them later in the same event);
    # excluded, they are not built as pages of their own or indexed by the search.
    for name in nav_files:
        generated = mkdocs_gen_files.files.get_file_from_path(name)
        if generated is not None:
            generated.inclusion = InclusionLevel.EXCLUDED


if __name__ == "__main__" and "--list" in sys.argv:
    for generated in all_pages(HERE.parent):
        print(f"{generated.path}\t{len(generated.content)}")
else:
    _write_with_mkdocs()
