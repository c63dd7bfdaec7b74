"""The timeline chart of an entity page: an inline SVG drawn from ``Tracker.history(entity)``.

One row (``<g class="bar" data-action="...">``) per action in the history, in the history's order:
the action's full title on its own line(s) (``<text class="label">``, wrapped to the chart's width,
never shortened), and below it the bar. Each span is a rectangle coloured by its state; spans with no end run to the right edge and end in
an arrow. Markers show the action's own announced / signed / published dates, so the gap between
the news and the legal effect is visible. Times are days: a span's ``end`` is exclusive.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence

from sanctiontrack import ActionHistory, DateKind, SpanState

from .common import esc

__all__ = ["STATES", "render_timeline"]

#: state -> (label in the legend, fill colour). Distinct in hue and lightness, readable in both themes.
STATES: dict[SpanState, tuple[str, str]] = {
    state: (state.label, colour)
    for state, colour in (
        (SpanState.IN_FORCE, "#c62828"),
        (SpanState.IN_FORCE_WITH_EXEMPTION, "#ef9a00"),
        (SpanState.SUSPENDED, "#1e88e5"),
        (SpanState.LAPSED, "#9e9e9e"),
    )
}
_MARKER = "#5e35b1"

WIDTH = 760
PLOT_X = 10
PLOT_W = WIDTH - PLOT_X - 20
LABEL_X = 4
LABEL_SIZE = 14
LINE_H = 17
TOP = 34
BAR_H = 14
BAR_ROW_H = BAR_H + 12
#: The width a label line may take, in chart units, with a margin for fonts wider than the estimate.
LABEL_ROOM = WIDTH - 2 * LABEL_X - 40


def _day(value: dt.date) -> dt.date:
    return dt.date(value.year, value.month, value.day)


def _bounds(histories: Sequence[ActionHistory]) -> tuple[dt.date, dt.date]:
    days: list[dt.date] = []
    for history in histories:
        for span in history.spans:
            days.append(_day(span.start))
            if span.end is not None:
                days.append(_day(span.end))
        for _name, value in history.action.dates.items():
            days.append(_day(value.date))
    if not days:
        return dt.date(2000, 1, 1), dt.date(2001, 1, 1)
    first, last = min(days), max(days)
    return dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)


def _char_width(char: str) -> float:
    """A generous estimate of a character's advance in a sans-serif font, in em."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char == " ":
        return 0.3
    if char in "il.,:;'|!()[]":
        return 0.34
    if char.isupper() or char in "mwMW@%&—":
        return 0.78
    return 0.6


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    """The estimated width of ``text`` set at ``size``.

    >>> text_width("ab") == 2 * 0.6 * LABEL_SIZE
    True
    """
    return size * sum(_char_width(char) for char in text)


def wrap_label(text: str, room: float = LABEL_ROOM, size: float = LABEL_SIZE) -> list[str]:
    """``text`` split at spaces into lines of at most ``room`` (estimated); a word wider than that gets a line of its own.

    >>> wrap_label("one two three", room=text_width("one two"))
    ['one two', 'three']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def render_timeline(histories: Sequence[ActionHistory], link: Callable[[str], str], *, title: str) -> str:
    """The SVG (one line per element, no blank lines, so Markdown keeps it as one HTML block).

    ``histories`` are :class:`sanctiontrack.ActionHistory` records; ``link(action_id)`` gives the
    URL of an action's page.
    """
    start, end = _bounds(histories)
    total = (end - start).days or 1

    def x(day: dt.date) -> float:
        return round(PLOT_X + PLOT_W * (day - start).days / total, 1)

    rows = len(histories)
    labels = [wrap_label(history.action.title + (" ◦" if history.via else "")) for history in histories]
    tops = [TOP]
    for lines in labels:
        tops.append(tops[-1] + len(lines) * LINE_H + BAR_ROW_H)
    bottom = tops[-1]
    legend_y = bottom + 18
    height = legend_y + 30
    out: list[str] = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="timeline-title" data-actions="{rows}">',
        f'<title id="timeline-title">{esc(title)}</title>',
    ]
    # year grid and labels
    for year in range(start.year, end.year + 1):
        gx = x(dt.date(year, 1, 1))
        out.append(f'<line class="grid" x1="{gx}" y1="{TOP - 6}" x2="{gx}" y2="{bottom}" stroke="currentColor" stroke-opacity="0.15"/>')
        if year < end.year:
            label_x = x(dt.date(year, 7, 1))
            out.append(
                f'<text class="year" x="{label_x}" y="{TOP - 12}" text-anchor="middle" font-size="13" fill="currentColor">{year}</text>'
            )
    for row, history in enumerate(histories):
        action = history.action
        y, lines = tops[row], labels[row]
        row_h = tops[row + 1] - y
        bar_y = y + len(lines) * LINE_H + (BAR_ROW_H - BAR_H) / 2
        basis = history.basis.value
        via = " → ".join(link_.entity for link_ in history.via)
        out.append(f'<g class="bar" data-action="{esc(action.id)}" data-basis="{esc(basis)}" data-spans="{len(history.spans)}">')
        out.append(
            f'<rect class="row" x="0" y="{y}" width="{WIDTH}" height="{row_h}" fill="currentColor" '
            f'fill-opacity="{0.04 if row % 2 else 0}"/>'
        )
        suffix = f" (via {via})" if via else ""
        tspans = "".join(f'<tspan x="{LABEL_X}" y="{y + LINE_H * (n + 1) - 2}">{esc(line)}</tspan>' for n, line in enumerate(lines))
        out.append(
            f'<a href="{esc(link(action.id))}"><text class="label" font-size="{LABEL_SIZE}" fill="currentColor">'
            f"<title>{esc(action.title + suffix)} [{esc(action.id)}]</title>{tspans}</text></a>"
        )
        for span in history.spans:
            x1 = x(_day(span.start))
            open_end = span.end is None
            x2 = x(_day(span.end)) if span.end is not None else PLOT_X + PLOT_W - 6
            label_, colour = STATES.get(span.state, (span.state, "#616161"))
            until = span.end.to_date_string() if span.end is not None else "no end recorded"
            tip = f"{label_}: {span.start.to_date_string()} – {until}" + (f" ({span.detail})" if span.detail else "")
            out.append(
                f'<rect class="span span-{esc(span.state)}" data-state="{esc(span.state)}" x="{x1}" y="{bar_y}" '
                f'width="{max(round(x2 - x1, 1), 1.5)}" height="{BAR_H}" rx="2" fill="{colour}"><title>{esc(tip)}</title></rect>'
            )
            if open_end:
                points = f"{x2},{bar_y - 2} {x2 + 8},{bar_y + BAR_H / 2} {x2},{bar_y + BAR_H + 2}"
                out.append(f'<polygon class="open-end" points="{points}" fill="{colour}"><title>no end recorded</title></polygon>')
        for name, value in action.dates.items():
            if name in (DateKind.ANNOUNCED, DateKind.SIGNED, DateKind.PUBLISHED):
                mx = x(_day(value.date))
                out.append(
                    f'<circle class="event" data-event="{name}" cx="{mx}" cy="{bar_y + BAR_H / 2}" r="3.2" fill="{_MARKER}" '
                    f'stroke="white" stroke-width="1"><title>{name}: {esc(value)}</title></circle>'
                )
        if not history.spans:
            out.append(
                f'<text x="{PLOT_X + PLOT_W}" y="{bar_y + BAR_H / 2 + 4}" text-anchor="end" font-size="11" font-style="italic" '
                f'fill="currentColor" fill-opacity="0.7">never in force for this entity</text>'
            )
        out.append("</g>")
    # legend
    lx = 4
    out.append(f'<g class="legend" transform="translate(0,{legend_y})">')
    for state, (label_, colour) in STATES.items():
        out.append(
            f'<g class="legend-item" data-state="{state}"><rect x="{lx}" y="0" width="14" height="12" rx="2" fill="{colour}"/>'
            f'<text x="{lx + 19}" y="10" font-size="12" fill="currentColor">{esc(label_)}</text></g>'
        )
        lx += 26 + 7 * len(label_)
    out.append(
        f'<g class="legend-item" data-state="event"><circle cx="{lx + 6}" cy="6" r="4" fill="{_MARKER}"/>'
        f'<text x="{lx + 15}" y="10" font-size="12" fill="currentColor">announced / signed / published</text></g>'
    )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
