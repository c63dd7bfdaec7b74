"""Reading list files: gzip or plain, UTF-8 checked line by line, rows with their line numbers.

A line that is not UTF-8 is decoded with U+FFFD in place of the bad bytes and reported at the
column of the first one (the row is kept: dropping it would drop a listed party). A row with the
wrong number of fields is reported and skipped. A header without a required column stops the file.
"""

from __future__ import annotations

import csv
import gzip
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import pendulum

from ...model.dates import DAY_MAX
from ...model.errors import DataError, Problem, ProblemCode
from ..files import display_path
from .report import ImportReport

__all__ = ["Row", "parse_day", "read_rows"]

MAX_BYTES = 256 * 1024 * 1024  # after decompression
_GZIP = b"\x1f\x8b"


@attrs.frozen(slots=True)
class Row:
    """One data row: its fields by column name, where it is, and the column positions for locating problems."""

    path: str
    line: int
    fields: dict[str, str]
    columns: dict[str, int]

    def get(self, column: str) -> str:
        """The field's text, stripped ('' when the file has no such column)."""
        return self.fields.get(column, "").strip()

    def column(self, name: str) -> int:
        """The 1-based position of a column (1 when the file has no such column)."""
        return self.columns.get(name, 1)


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as handle:
        head = handle.read(2)
    if head == _GZIP:
        try:
            with gzip.open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise DataError([Problem(display_path(path), 1, 1, None, f"not a readable gzip file ({exc})", code=ProblemCode.IO)]) from None
    else:
        data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise DataError([Problem(display_path(path), 1, 1, None, f"larger than {MAX_BYTES // 2**20} MiB", code=ProblemCode.SIZE)])
    return data


def _decode(data: bytes, shown: str, report: ImportReport) -> str:
    """UTF-8 text; each line that is not UTF-8 is reported at its first bad byte and decoded with replacement characters."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    out: list[str] = []
    for number, raw in enumerate(lines, start=1):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            column = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
            report.problem(
                shown,
                number,
                column,
                None,
                f"expected UTF-8 text (got the byte 0x{raw[exc.start]:02x}); the row is kept with U+FFFD in its place",
                ProblemCode.ENCODING,
                "warning",
            )
            out.append(raw.decode("utf-8", errors="replace"))
    return "\n".join(out)


def read_rows(path: Path, report: ImportReport, *, required: Sequence[str], delimiter: str = ",") -> tuple[Iterator[Row], list[str]]:
    """The rows of a delimited list file and its header; ``DataError`` when a required column is missing or the file unreadable."""
    shown = display_path(path)
    text = _decode(_read_bytes(path), shown, report)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataError([Problem(shown, 1, 1, None, "empty file (expected a header line)", code=ProblemCode.MISSING_FIELD)]) from None
    except csv.Error as exc:
        raise DataError([Problem(shown, 1, 1, None, f"unreadable header line ({exc})", code=ProblemCode.SYNTAX)]) from None
    missing = [name for name in required if name not in header]
    if missing:
        raise DataError(
            [
                Problem(
                    shown,
                    1,
                    len(header) + 1,
                    None,
                    f"missing column {name!r} (expected a header with {', '.join(required)}; got {', '.join(header) or 'nothing'})",
                    code=ProblemCode.MISSING_FIELD,
                )
                for name in missing
            ]
        )
    columns = {name: i + 1 for i, name in enumerate(header)}
    report.files.append(shown)
    return _rows(reader, header, columns, shown, report), header


def _rows(reader: Iterator[list[str]], header: list[str], columns: dict[str, int], shown: str, report: ImportReport) -> Iterator[Row]:
    line = 1
    width = len(header)
    while True:
        start = line + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = reader.line_num  # type: ignore[attr-defined]
            report.problem(shown, start, 1, None, f"malformed row ({exc}); row skipped", ProblemCode.SYNTAX)
            report.skip("malformed row")
            continue
        line = reader.line_num  # type: ignore[attr-defined]
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        if len(fields) != width:
            column = min(len(fields), width) + 1
            report.problem(
                shown,
                start,
                column,
                None,
                f"malformed row: expected {width} fields as in the header (got {len(fields)}); row skipped",
                ProblemCode.NOT_A_MAPPING,
            )
            report.skip("malformed row")
            continue
        yield Row(shown, start, dict(zip(header, fields, strict=True)), columns)


_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")  # ASCII digits: \d would read full-width ones
_US = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_EARLIEST = 1900
_LATEST = DAY_MAX.year  # 9999-12-31 would overflow a day's end in any zone west of UTC


def parse_day(text: str, row: Row, column: str, report: ImportReport, *, what: str) -> pendulum.Date | None:
    """A list's date (``2019-05-21`` or ``05/21/2019``), or None and a located warning when it is impossible.

    The row is kept; only the date is left out (never guessed: ``0017-05-26`` is not read as 2017).
    """
    if not text:
        return None
    match = _ISO.match(text)
    parts: tuple[int, int, int] | None = None
    if match:
        parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    else:
        us = _US.match(text)
        if us:
            parts = (int(us.group(3)), int(us.group(1)), int(us.group(2)))
    problem = None
    if parts is None:
        problem = "expected a date like 2019-05-21"
    elif parts[0] < _EARLIEST:
        problem = f"expected a date after {_EARLIEST}"
    elif parts[0] > _LATEST:
        problem = f"expected a date before {_LATEST + 1}"
    else:
        try:
            return pendulum.date(*parts)
        except ValueError:
            problem = "expected a real date"
    report.problem(
        row.path,
        row.line,
        row.column(column),
        row.get("_id") or None,
        f"{column}: {problem} (got {text!r}); the row is kept without its {what}",
        ProblemCode.BAD_DATE,
        "warning",
    )
    return None
