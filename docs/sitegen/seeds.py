"""Seed documents: find each quote in its seed's text, and render the text with anchors.

Quotes are found with :func:`sanctiontrack.locate_quote`, which compares them exactly as the
validator does (whitespace, quote marks and dashes folded) and maps the match back to the raw text,
so a quote can be marked where it really is.
"""

from __future__ import annotations

import attrs

from sanctiontrack import locate_quote, normalize_quote

from .common import esc, quote_anchor

__all__ = ["SeedText", "locate"]


def locate(raw: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` appears in ``raw`` (start, end) under the validator's folding, or None.

    >>> locate("He said “no”.\\nThen  left.", 'said "no". Then left')
    (3, 24)
    """
    return locate_quote(raw, quote)


@attrs.define
class SeedText:
    """A seed's raw text and the distinct quotes found in it, each with its anchor."""

    raw: str
    anchors: dict[str, str] = attrs.field(factory=dict)
    spans: dict[str, tuple[int, int]] = attrs.field(factory=dict)
    missing: list[str] = attrs.field(factory=list)

    def add(self, quote: str) -> str | None:
        """Register a quote; returns its anchor, or None if it is not in the text."""
        key = normalize_quote(quote)
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
        span = self.spans.get(normalize_quote(quote))
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
