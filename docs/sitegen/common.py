"""Shared helpers for the generated pages: page paths, links, escaping and date formatting."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from typing import Protocol

import attrs

__all__ = [
    "Page",
    "action_path",
    "entity_path",
    "esc",
    "fmt_date",
    "href",
    "md",
    "md_link",
    "prose",
    "seed_path",
    "source_link",
    "table",
]

SOURCES_PAGE = "sources.md"


@attrs.frozen
class Page:
    """One generated page: where it goes (relative to docs/) and its Markdown."""

    path: str
    content: str


class DateLike(Protocol):
    """What the pages need from :class:`sanctiontrack.DateValue`."""

    @property
    def note(self) -> str | None: ...

    def text(self) -> str: ...


def entity_path(entity_id: str) -> str:
    """The generated page of an entity."""
    return f"entities/{entity_id}.md"


def item_path(item_id: str) -> str:
    """The generated page of a controlled item."""
    return f"items/{item_id}.md"


def action_path(action_id: str) -> str:
    """The generated page of an action."""
    return f"actions/{action_id}.md"


def seed_path(seed_file: str) -> str:
    """The generated page of a seed document (``000_x.txt`` -> ``seeds/000_x.md``)."""
    return f"seeds/{posixpath.splitext(seed_file)[0]}.md"


def quote_anchor(index: int) -> str:
    """The anchor of the ``index``-th distinct quoted passage on a seed page."""
    return f"q{index}"


def _url_dir(page: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) a page is served at."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(source: str, target: str, anchor: str | None = None, *, directory_urls: bool = True) -> str:
    """A relative URL from page ``source`` to page ``target``, for raw HTML (where MkDocs rewrites nothing).

    >>> href("entities/iflytek.md", "actions/x.md")
    '../../actions/x/'
    >>> href("actions/index.md", "actions/x.md", "q1")
    'x/#q1'
    """
    here = _url_dir(source, directory_urls)
    there = _url_dir(target, directory_urls)
    base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    rel = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


def md_link(text: str, source: str, target: str, anchor: str | None = None) -> str:
    """A Markdown link between two pages (MkDocs checks it and rewrites it for the site).

    >>> md_link("x", "entities/a.md", "actions/b.md", "q1")
    '[x](../actions/b.md#q1)'
    """
    rel = posixpath.relpath(target, posixpath.dirname(source) or ".")
    return f"[{text}]({rel}{'#' + anchor if anchor else ''})"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#+!])")


def md(text: object) -> str:
    """Text safe inside Markdown (including table cells): specials escaped, newlines folded.

    >>> print(md("a|b *c* <d>"))
    a\\|b \\*c\\* &lt;d&gt;
    """
    folded = re.sub(r"\s+", " ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", folded).replace("<", "&lt;").replace(">", "&gt;")


_CODE = re.compile(r"``(.+?)``|`([^`]+)`")


def prose(text: object) -> str:
    """Like :func:`md`, but keeps reST (````x````) and Markdown (```x```) code spans as code.

    >>> print(prose("A tag (``zh-Hans``) or `en`, *not* emphasis"))
    A tag (`zh-Hans`) or `en`, \\*not\\* emphasis
    """
    out: list[str] = []
    cursor = 0
    source = str(text)
    for match in _CODE.finditer(source):
        out.append(md(source[cursor : match.start()]) if cursor < match.start() else "")
        out.append(f"`{match.group(1) or match.group(2)}`")
        cursor = match.end()
    out.append(md(source[cursor:]))
    return "".join(out)


def esc(text: object) -> str:
    """Text safe inside raw HTML."""
    return html.escape(str(text), quote=True)


def fmt_date(value: DateLike | None, *, long: bool = False) -> str:
    """A date value as text: its written form, plus precision and confidence when not exact.

    ``long`` adds the note. Returns an em dash for a missing value.
    """
    if value is None:
        return "—"
    precision = getattr(value, "precision", None)
    confidence = getattr(value, "confidence", None)
    marks = []
    if precision is not None and precision.value not in ("day", "instant"):
        marks.append(f"{precision.value} only")
    if confidence is not None and confidence.value != "confirmed":
        marks.append(confidence.value)
    text = str(value)
    if marks:
        text += f" ({', '.join(marks)})"
    if long and value.note:
        text += f" — {value.note}"
    return text


def source_link(source_id: str, page: str, label: str | None = None) -> str:
    """A Markdown link to a source's entry on the sources page."""
    return md_link(md(label or source_id), page, SOURCES_PAGE, f"src-{source_id}")


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines.extend("| " + " | ".join(cell if cell else " " for cell in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"
