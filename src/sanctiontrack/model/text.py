"""Text from the data made safe to print: control and escape characters shown escaped, long texts cut.

Names, ids, queries and messages come from files and users the terminal should not trust: an ESC
byte would let them recolour, move the cursor or retitle the window, a NUL or U+FFFF would garble a
line, and a 5 MB id would be echoed as one 5 MB line. :func:`shown` is applied wherever such text is
printed (problems, error messages, tables).
"""

from __future__ import annotations

import re

__all__ = ["MESSAGE_LIMIT", "shown"]

#: The longest message (or quoted value in one) printed, in characters; the rest is cut and counted.
MESSAGE_LIMIT = 2_000

# C0 and C1 controls (but tab and newline), DEL, the noncharacters U+FFFE/U+FFFF, and the bidi
# overrides and isolates that reorder what a terminal shows.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str, limit: int | None = MESSAGE_LIMIT, *, newlines: bool = True) -> str:
    """``text`` with control, escape and bidi characters escaped (``\\x1b``), cut to ``limit`` characters.

    Newlines are kept unless ``newlines`` is false (then they are escaped too: one line per message).

    >>> shown("Acme\\x1b[31m red\\x00")
    'Acme\\\\x1b[31m red\\\\x00'
    >>> shown("a" * 30, 10)
    'aaaaaaaaaa… (30 characters)'
    """
    if not newlines:
        text = text.replace("\r", "\\r").replace("\n", "\\n")
    text = _UNSAFE.sub(_escape, text)
    if limit is not None and len(text) > limit:
        return f"{text[:limit]}… ({len(text):,} characters)"
    return text
