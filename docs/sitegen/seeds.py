"""Seed documents: find each quote in its seed's text, and render the text with anchors.

The validator compares quotes after folding whitespace runs to one space and curly quotes, primes
and dashes to plain ones (see docs/data-format.md, Evidence). :func:`locate` applies the same
folding while keeping a map back to the raw text, so a quote can be marked where it really is.
"""

from __future__ import annotations

import attrs

from .common import esc, quote_anchor

__all__ = ["SeedText", "fold", "locate"]

_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2026": "...",
}


def fold(raw: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the raw character it came from.

    >>> fold("a\\u00a0 “b”")
    ('a "b"', [0, 1, 3, 4, 5])
    """
    chars: list[str] = []
    where: list[int] = []
    space = True  # drops leading whitespace, as the validator's strip() does
    for index, char in enumerate(raw):
        folded = _FOLD.get(char, char)
        if folded.isspace():
            if not space:
                chars.append(" ")
                where.append(index)
                space = True
            continue
        for piece in folded:
            chars.append(piece)
            where.append(index)
        space = False
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def locate(raw: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` appears in ``raw`` (start, end) under the validator's folding, or None.

    >>> locate("He said “no”.\\nThen  left.", 'said "no". Then left')
    (3, 24)
    """
    text, where = fold(raw)
    wanted, _ = fold(quote)
    if not wanted:
        return None
    at = text.find(wanted)
    if at < 0:
        return None
    return where[at], where[at + len(wanted) - 1] + 1


@attrs.define
class SeedText:
    """A seed's raw text and the distinct quotes found in it, each with its anchor."""

    raw: str
    anchors: dict[str, str] = attrs.field(factory=dict)
    spans: dict[str, tuple[int, int]] = attrs.field(factory=dict)
    missing: list[str] = attrs.field(factory=list)

    def add(self, quote: str) -> str | None:
        """Register a quote; returns its anchor, or None if it is not in the text."""
        key = fold(quote)[0]
        if key in self.anchors:
            return self.anchors[key]
        span = locate(self.raw, quote)
        if span is None:
            self.missing.append(quote)
            return None
        anchor = quote_anchor(len(self.anchors) + 1)
        self.anchors[key] = anchor
        self.spans[key] = span
        return anchor

    def line_of(self, quote: str) -> int | None:
        """The 1-based line a registered quote starts on."""
        span = self.spans.get(fold(quote)[0])
        return None if span is None else self.raw.count("\n", 0, span[0]) + 1

    def html(self) -> str:
        """The text as one ``<pre>`` block: a line anchor (``L12``) before every line, quoted passages marked.

        No line is left blank (each starts with its anchor), so Markdown keeps the block whole.
        """
        inserts: dict[int, list[tuple[int, str]]] = {}

        def put(pos: int, order: int, tag: str) -> None:
            inserts.setdefault(pos, []).append((order, tag))

        marks = sorted(self.spans.values())
        merged: list[list[int]] = []
        for a, b in marks:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        for a, b in merged:
            put(a, 3, '<mark class="quoted">')
            put(b, 0, "</mark>")
        for key, (a, _b) in self.spans.items():
            put(a, 2, f'<a class="quote-anchor" id="{self.anchors[key]}"></a>')
        line = 1
        put(0, 1, '<a class="ln" id="L1" href="#L1" data-line="1"></a>')
        for index, char in enumerate(self.raw):
            if char == "\n" and index + 1 < len(self.raw):
                line += 1
                put(index + 1, 1, f'<a class="ln" id="L{line}" href="#L{line}" data-line="{line}"></a>')
        out: list[str] = ['<pre class="seed-text" id="seed-text">']
        cursor = 0
        for pos in sorted(inserts):
            out.append(esc(self.raw[cursor:pos]))
            out.extend(tag for _, tag in sorted(inserts[pos]))
            cursor = pos
        out.append(esc(self.raw[cursor:]).rstrip("\n"))
        out.append("</pre>")
        return "".join(out)
