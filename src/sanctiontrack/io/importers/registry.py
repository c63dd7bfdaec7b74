"""The one registry of list formats: which reader reads a file, found by its header, and imports of many files at once.

``load()`` uses :func:`import_snapshots` for the snapshots an action file declares with a ``file``
(the bundled ``data/official/``); the CLI's ``import`` commands name the format themselves.

>>> sorted(FORMATS)
['csl', 'dpl']
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ...model.errors import DataError, Problem, ProblemCode
from ...model.records import Dataset, Snapshot
from ..files import display_path
from . import csl, dpl
from ._build import Builder
from .report import ImportReport
from .snapshots import diff_snapshots

__all__ = ["FORMATS", "detect", "import_snapshots"]

Reader = Callable[[Path, Builder, Snapshot | None], Snapshot]


def _csl(path: Path, builder: Builder, snapshot: Snapshot | None) -> Snapshot:
    return csl.read_csl(path, builder, snapshot, partial=bool(snapshot and snapshot.partial))


FORMATS: dict[str, tuple[Reader, tuple[str, ...], str]] = {
    "csl": (_csl, csl.REQUIRED, ","),
    "dpl": (dpl.read_dpl, dpl.REQUIRED, "\t"),
}


def detect(path: Path) -> str:
    """The format of a list file, from its first line; ``DataError`` when it is neither a CSL nor a DPL file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as handle:
            first = handle.readline(4096).decode("utf-8", errors="replace")
    except OSError as exc:
        raise DataError([Problem(display_path(path), 1, 1, None, f"cannot read the file: {exc}", code=ProblemCode.IO)]) from None
    for name, (_, required, delimiter) in FORMATS.items():
        header = [h.strip().strip('"').lstrip("\ufeff") for h in first.rstrip("\r\n").split(delimiter)]
        if all(column in header for column in required):
            return name
    expected = "; ".join(f"{name}: {', '.join(req)}" for name, (_, req, _) in FORMATS.items())
    raise DataError(
        [
            Problem(
                display_path(path),
                1,
                1,
                None,
                f"not a list file this library reads (expected a header with {expected})",
                code=ProblemCode.MISSING_FIELD,
            )
        ]
    )


def import_snapshots(files: Sequence[tuple[Path, Snapshot | None]], curated: Dataset | None = None) -> tuple[Dataset, ImportReport]:
    """Import list files of any known format (oldest snapshot first) into records merged with ``curated``; with the report."""
    report = ImportReport()
    builder = Builder(curated, report)
    ordered = sorted(files, key=lambda f: f[1].as_of.date.toordinal() if f[1] is not None else sys.maxsize)
    for path, snapshot in ordered:
        reader = FORMATS[detect(path)][0]
        reader(path, builder, snapshot)
    return diff_snapshots(builder.dataset(), builder), report
