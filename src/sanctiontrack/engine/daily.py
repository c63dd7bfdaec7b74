"""The day index: on which days each entity was restricted, as one flat sorted tuple of bounds.

It reads no rule itself: it projects the engine's operative periods
(:meth:`Engine.restricted_spans <sanctiontrack.engine.semantics.Engine.restricted_spans>`) onto
each action's local calendar days. ``restricted on day D`` is then a single bisection: ``bounds``
holds the start and end ordinals of every restricted run of days, so D is restricted when an odd
number of bounds lie at or before it.
"""

from __future__ import annotations

from bisect import bisect_right

from ..model.clock import day_ceil, day_of
from ..model.intervals import Intervals, union
from .semantics import Engine

__all__ = ["Daily", "project", "restricted_on"]


def restricted_on(bounds: tuple[int, ...], ordinal: int) -> bool:
    """Whether ``ordinal`` falls inside the runs described by the flat ``bounds``.

    >>> restricted_on((10, 20, 30, 40), 15), restricted_on((10, 20, 30, 40), 20), restricted_on((10, 20), 9)
    (True, False, False)
    """
    return bisect_right(bounds, ordinal) & 1 == 1


def project(span: Intervals, tz: str) -> list[tuple[int, int]]:
    """The local days (ordinals, half-open) that intersect a set of instants: a day counts if any instant of it does.

    >>> from sanctiontrack.model.clock import midnight
    >>> import datetime
    >>> day, ny = datetime.date(2019, 5, 16).toordinal(), "America/New_York"
    >>> project(((midnight(day, ny) + 16 * 3600, midnight(day + 3, ny)),), ny) == [(day, day + 3)]
    True
    """
    return [(day_of(s, tz), day_ceil(e, tz)) for s, e in span]


class Daily:
    """Every entity's restricted days, each worked out the first time its entity is asked about.

    :meth:`build_all` does every entity up front (before a snapshot is written).
    """

    __slots__ = ("_built", "_engine")

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._built: dict[str, tuple[int, ...]] = {}

    def __getstate__(self) -> tuple[Engine, dict[str, tuple[int, ...]]]:
        return self._engine, self._built

    def __setstate__(self, state: tuple[Engine, dict[str, tuple[int, ...]]]) -> None:
        self._engine, self._built = state

    def bounds(self, entity_id: str) -> tuple[int, ...]:
        """The flat bounds of the entity's restricted runs of days (empty if never restricted)."""
        found = self._built.get(entity_id)
        if found is None:
            found = self._built[entity_id] = self._build(entity_id)
        return found

    def build_all(self) -> None:
        """Work out every entity's days now."""
        for entity_id in self._engine.entities:
            self.bounds(entity_id)

    def _build(self, entity_id: str) -> tuple[int, ...]:
        runs = [run for span, tz in self._engine.restricted_spans(entity_id) for run in project(span, tz)]
        merged = union(runs) if len(runs) > 1 else runs
        return tuple(edge for run in merged for edge in run)  # a tuple: one object to reach, not two
