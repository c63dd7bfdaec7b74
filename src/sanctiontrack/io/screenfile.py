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

__all__ = ["MAX_NAME", "MAX_SCREEN_BYTES", "ScreenColumnError", "ScreenFileError", "read_names"]

#: The longest name screened, in characters (the longest known entity name is under 300).
MAX_NAME = 1_000
#: The largest screening file read, in bytes.
MAX_SCREEN_BYTES = 64 * 1024 * 1024


_LINE_END = re.compile(r"\r\n|\r|\n")


class ScreenFileError(SanctionTrackError, ValueError):
    """A screening file that cannot be read as one name a row; the message starts with ``file:line:col``."""


class ScreenColumnError(ScreenFileError):
    """A screening file of several columns with none of the header asked for (``name`` by default)."""


def read_names(raw: bytes, label: str, column: str | None = None) -> list[str]:
    """The names in a CSV screening file: the ``column`` (default ``name``) under its header, or every row of a one-column file.

    A file of several columns without that header, or with it twice, is a :class:`ScreenColumnError`
    naming the headers it has (``id,Company Name`` once had its ids screened). Blank lines are skipped;
    a row with no name in the column is an error, never dropped.

    Line endings may be LF, CRLF or CR. A quoted field that runs over a line end (an unbalanced
    quote, mostly), a name over ``MAX_NAME`` characters and a file over ``MAX_SCREEN_BYTES`` are
    errors located as ``file:line:col``.

    >>> read_names(b"name,country\\r\\nHuawei,CN\\rZTE,CN\\n", "f.csv")
    ['Huawei', 'ZTE']
    >>> read_names(b"id,Company Name\\n1,Huawei\\n", "f.csv", column="company name")
    ['Huawei']
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
    wanted = (column or "name").strip().casefold()
    if header.count(wanted) > 1:  # which one holds the names is a guess: the others would go unscreened
        where = " and ".join(str(i + 1) for i, h in enumerate(header) if h == wanted)
        raise ScreenColumnError(f"{label}:{rows[0][0]}:1: the header row names {wanted!r} twice (columns {where}); keep one")
    if wanted in header:
        index, body = header.index(wanted), rows[1:]
    elif column is None and max(len(fields) for _, fields in rows) == 1:
        index, body = 0, rows  # one column and no header: every row is a name
    else:
        shown = ", ".join(repr(h.strip()) for h in rows[0][1])
        hint = "pick the column with --column NAME" if column is None else "check the spelling of --column"
        raise ScreenColumnError(f"{label}:{rows[0][0]}:1: no {wanted!r} column: the header row names {shown}; {hint}")
    names: list[str] = []
    for number, fields in body:
        name = fields[index].strip() if len(fields) > index else ""
        if len(name) > MAX_NAME:
            raise ScreenFileError(f"{label}:{number}:1: a name of {len(name):,} characters; at most {MAX_NAME:,} are screened")
        if not name:  # a row with something on it but no name: screening it as nothing would lose it silently
            column_of = f" in column {wanted!r}" if wanted in header else ""
            raise ScreenFileError(f"{label}:{number}:1: no name{column_of} on this row; write one or delete the row")
        names.append(name)
    if not names:
        raise ScreenFileError(f"{label}:1:1: no names in column {wanted!r}" if wanted in header else f"{label}:1:1: no names")
    return names
