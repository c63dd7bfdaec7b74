"""The names a screening file lists: one a row, read so that no row is lost or merged without a located error.

A screening file comes from outside the curated data and is not trusted: an unbalanced quote would
otherwise swallow the rows after it into one name, a field longer than the ``csv`` module's limit or
a CR-only line ending would raise, and a huge file would be read whole. Every such case is a
:class:`ScreenFileError` naming ``file:line:col``.
"""

from __future__ import annotations

import csv
import re

from ..model.errors import SanctionTrackError

__all__ = ["MAX_NAME", "MAX_SCREEN_BYTES", "ScreenFileError", "read_names"]

#: The longest name screened, in characters (the longest known entity name is under 300).
MAX_NAME = 1_000
#: The largest screening file read, in bytes.
MAX_SCREEN_BYTES = 64 * 1024 * 1024


_LINE_END = re.compile(r"\r\n|\r|\n")


class ScreenFileError(SanctionTrackError, ValueError):
    """A screening file that cannot be read as one name a row; the message starts with ``file:line:col``."""


def read_names(raw: bytes, label: str) -> list[str]:
    """The names in a CSV screening file: its ``name`` column, or the first column when no header names one.

    Line endings may be LF, CRLF or CR. A quoted field that runs over a line end (an unbalanced
    quote, mostly), a name over ``MAX_NAME`` characters and a file over ``MAX_SCREEN_BYTES`` are
    errors located as ``file:line:col``.

    >>> read_names(b"name,country\\r\\nHuawei,CN\\rZTE,CN\\n", "f.csv")
    ['Huawei', 'ZTE']
    >>> read_names(b'"Huawei\\nZTE\\nDJI\\n', "f.csv")
    Traceback (most recent call last):
    ...
    sanctiontrack.io.screenfile.ScreenFileError: f.csv:1:1: an unbalanced quote: a quoted field runs over the line end
    """
    if len(raw) > MAX_SCREEN_BYTES:
        raise ScreenFileError(f"{label}:1:1: the file has {len(raw):,} bytes; at most {MAX_SCREEN_BYTES:,} are screened")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise ScreenFileError(f"{label}:{line}:{col}: not UTF-8 text (byte {err.start})") from None
    lines = _LINE_END.split(text)
    rows: list[tuple[int, list[str]]] = []
    for number, row_text in enumerate(lines, 1):
        if not row_text.strip():
            continue
        if len(row_text) > MAX_NAME * 4:
            raise ScreenFileError(f"{label}:{number}:1: the line has {len(row_text):,} characters; a name has at most {MAX_NAME:,}")
        try:
            fields = next(csv.reader([row_text], strict=True))
        except csv.Error:
            col = row_text.find('"') + 1 or 1
            raise ScreenFileError(f"{label}:{number}:{col}: an unbalanced quote: a quoted field runs over the line end") from None
        rows.append((number, fields))
    if not rows:
        raise ScreenFileError(f"{label}:1:1: no names")
    header = [h.strip().casefold() for h in rows[0][1]]
    column = header.index("name") if "name" in header else 0
    body = rows[1:] if "name" in header else rows
    names: list[str] = []
    for number, fields in body:
        name = fields[column].strip() if len(fields) > column else ""
        if len(name) > MAX_NAME:
            raise ScreenFileError(f"{label}:{number}:1: a name of {len(name):,} characters; at most {MAX_NAME:,} are screened")
        if name:
            names.append(name)
    if not names:
        raise ScreenFileError(f"{label}:1:1: no names (expected a 'name' column or names in the first column)")
    return names
