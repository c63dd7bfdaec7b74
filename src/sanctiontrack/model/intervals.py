"""Half-open interval sets over integers (epoch seconds or day ordinals), kept sorted and disjoint."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["FOREVER", "NEVER", "Intervals", "clip", "first_start", "intersect", "intersects", "last_end", "subtract", "union"]

Intervals = tuple[tuple[int, int], ...]
FOREVER = 2**62
NEVER: Intervals = ()


def union(*sets: Iterable[tuple[int, int]]) -> Intervals:
    """Merge interval sets; touching intervals join.

    >>> union(((1, 3),), ((3, 5), (7, 8)))
    ((1, 5), (7, 8))
    """
    if len(sets) == 1:
        only = tuple(sets[0])
        if len(only) == 1 and only[0][0] < only[0][1]:
            return only  # the common case: one interval, nothing to merge
        items = sorted(i for i in only if i[0] < i[1])
    else:
        items = sorted(i for s in sets for i in s if i[0] < i[1])
    out: list[tuple[int, int]] = []
    for start, end in items:
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(out)


def intersect(a: Intervals, b: Intervals) -> Intervals:
    """The instants in both sets.

    >>> intersect(((1, 5), (7, 9)), ((4, 8),))
    ((4, 5), (7, 8))
    """
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def subtract(a: Intervals, b: Intervals) -> Intervals:
    """The instants in ``a`` but not in ``b``.

    >>> subtract(((1, 10),), ((3, 4), (6, 8)))
    ((1, 3), (4, 6), (8, 10))
    """
    out: list[tuple[int, int]] = []
    for start, end in a:
        cursor = start
        for bs, be in b:
            if be <= cursor or bs >= end:
                continue
            if bs > cursor:
                out.append((cursor, bs))
            cursor = max(cursor, be)
            if cursor >= end:
                break
        if cursor < end:
            out.append((cursor, end))
    return tuple(out)


def clip(a: Intervals, start: int | None, end: int | None) -> Intervals:
    """``a`` limited to ``[start, end)``; ``None`` leaves that side open.

    >>> clip(((1, 10),), 3, None)
    ((3, 10),)
    """
    return intersect(a, ((-FOREVER if start is None else start, FOREVER if end is None else end),))


def intersects(a: Intervals, start: int, end: int) -> bool:
    """Whether any instant of ``a`` lies in ``[start, end)``.

    >>> intersects(((1, 3),), 3, 5), intersects(((1, 3),), 2, 5)
    (False, True)
    """
    index = bisect_right(a, (start, FOREVER)) - 1
    if index >= 0 and a[index][1] > start:
        return True
    index += 1
    return index < len(a) and a[index][0] < end


def first_start(a: Intervals) -> int | None:
    """The earliest instant of ``a``, if any."""
    return a[0][0] if a else None


def last_end(a: Intervals) -> int | None:
    """The end of the last interval of ``a``, if any."""
    return a[-1][1] if a else None
