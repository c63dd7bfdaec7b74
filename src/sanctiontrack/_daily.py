"""The per-entity day index: on which days an entity was restricted, as one flat sorted list.

Built in one pass over the actions. ``restricted on day D`` is a single bisection: ``bounds`` holds
the start and end ordinals of every restricted run of days, so D is restricted when an odd number
of bounds lie at or before it. The days on which the explanation changes, and the explanations
themselves, are worked out per entity only when asked for (see ``Tracker``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING, Protocol

from ._clock import DAY_FOREVER, day_ceil, day_of, midnight
from ._dates import DateValue
from ._engine import Compiled, Engine
from ._intervals import FOREVER, Intervals, intersect, subtract, union
from ._model import Action, Entity, Link, Scope

if TYPE_CHECKING:
    from pendulum import Date

    from ._results import NotOperative, Restriction

    Parts = tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]

__all__ = ["DayIndex", "build_daily", "restricted_on"]


class DayIndex:
    """One entity's restricted days, and its explanations by span of days (worked out on demand).

    ``explainer`` is attached by the tracker that owns the index; it turns a day ordinal into the
    explanation and, once, the list of days where explanations can change.
    """

    __slots__ = ("answers", "bounds", "days", "entity", "explainer")

    def __init__(self, bounds: list[int]) -> None:
        self.bounds = bounds
        self.days: list[int] | None = None
        self.answers: dict[int, Parts] = {}
        self.entity: Entity = None  # type: ignore[assignment]  # set by the tracker before first use
        self.explainer: Explainer | None = None

    def __getstate__(self) -> list[int]:
        return self.bounds

    def __setstate__(self, bounds: list[int]) -> None:
        self.__init__(bounds)  # type: ignore[misc]

    def verdict(self, when: Date) -> bool:
        """Whether the entity was restricted on day ``when``."""
        return restricted_on(self.bounds, when.toordinal())

    def parts(self, when: Date) -> Parts:
        """The explanation for day ``when``: operative restrictions and what did not apply."""
        assert self.explainer is not None
        ordinal = when.toordinal()
        days = self.days
        if days is None:
            days = self.days = self.explainer.segments(self.entity.id, self.bounds)
        segment = bisect_right(days, ordinal)
        found = self.answers.get(segment)
        if found is None:
            found = self.answers[segment] = self.explainer.explain_day(self.entity.id, ordinal)
        return found


class Explainer(Protocol):
    """What a :class:`DayIndex` needs from its tracker."""

    def segments(self, entity_id: str, bounds: list[int]) -> list[int]: ...

    def explain_day(self, entity_id: str, ordinal: int) -> Parts: ...


def restricted_on(bounds: list[int], ordinal: int) -> bool:
    """Whether ``ordinal`` falls inside the runs described by the flat ``bounds`` list.

    >>> restricted_on([10, 20, 30, 40], 15), restricted_on([10, 20, 30, 40], 20), restricted_on([10, 20], 9)
    (True, False, False)
    """
    return bisect_right(bounds, ordinal) & 1 == 1


def _days(span: Intervals, tz: str) -> list[tuple[int, int]]:
    """The local days (ordinals, half-open) that intersect a set of instants."""
    return [(day_of(s, tz), day_ceil(e, tz)) for s, e in span]


def _operative(c: Compiled, pids: tuple[str, ...], entity: str) -> Intervals:
    """When any of ``pids`` binds target ``entity``: periods minus that target's cuts and suspensions."""
    spans = []
    for pid in pids:
        period = c.prohibitions.get(pid, ())
        for cut in c.entity_cuts:
            if entity in cut.entities and (cut.prohibitions is None or pid in cut.prohibitions):
                period = subtract(period, ((cut.cause.ts, FOREVER),))
        suspended = [w.window for w in c.suspensions if w.applies(pid, entity)]
        if suspended:
            period = subtract(period, union(*suspended))
        spans.append(period)
    return spans[0] if len(spans) == 1 else union(*spans)


def _has_instant(action: Action) -> bool:
    dates = (action.dates.effective, action.dates.ended, *(d for p in action.restricts for d in (p.effective, p.ended)))
    return any(value is not None and value.at is not None for value in dates)


def _ordinal(value: DateValue | None, default: int) -> int:
    return default if value is None else value.date.toordinal()


def _own_days(action: Action, pids: tuple[str, ...]) -> list[tuple[int, int]]:
    """Operative days of an action no relation touches, from its day-precision dates alone.

    A day-precision date means midnight in the action's zone, so its local day is the date itself:
    no time-zone arithmetic is needed.
    """
    dates = action.dates
    start = _ordinal(dates.effective, DAY_FOREVER)
    end = _ordinal(dates.ended, DAY_FOREVER)
    spans = []
    for prohibition in action.restricts:
        if prohibition.id in pids:
            first = max(start, _ordinal(prohibition.effective, -DAY_FOREVER))
            last = min(end, _ordinal(prohibition.ended, DAY_FOREVER))
            if first < last:
                spans.append((first, last))
    return spans if len(spans) <= 1 else list(union(spans))


def _chain_days(chains: tuple[tuple[Link, ...], ...]) -> list[tuple[int, int]] | None:
    """Days on which at least one ownership chain holds, or None if a link is dated to the minute."""
    spans = []
    for chain in chains:
        first, last = -DAY_FOREVER, DAY_FOREVER
        for link in chain:
            if (link.start is not None and link.start.at is not None) or (link.until is not None and link.until.at is not None):
                return None
            first = max(first, _ordinal(link.start, -DAY_FOREVER))
            last = min(last, _ordinal(link.until, DAY_FOREVER))
        if first < last:
            spans.append((first, last))
    return spans if len(spans) <= 1 else list(union(spans))


def build_daily(engine: Engine) -> dict[str, DayIndex]:
    """Index the restricted days of every entity some restriction reaches."""
    runs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    descendants: dict[str, list[tuple[str, tuple[tuple[Link, ...], ...]]]] = defaultdict(list)
    for record in engine.dataset.entities:
        if any(link.relation.is_ownership for link in record.links):
            for owner, chains in engine.ownership(record.id):
                descendants[owner].append((record.id, chains))
    involved = engine.involved
    for action in engine.dataset.actions:
        if not action.restricts or not action.kind.is_restricting:
            continue
        if action.id in involved or _has_instant(action):
            _compiled_runs(engine, engine.compiled[action.id], descendants, runs)
            continue
        if action.dates.effective is None:  # never took effect, and nothing extends it
            continue
        every = tuple(p.id for p in action.restricts)
        shared: list[tuple[int, int]] | None = None
        for target in action.targets:
            entity = target.entity
            if entity is None:
                continue
            if target.prohibitions:
                days = _own_days(action, target.prohibitions)
            else:
                if shared is None:
                    shared = _own_days(action, every)
                days = shared
            if not days:
                continue
            runs[entity].extend(days)
            if target.scope is Scope.WITH_SUBSIDIARIES:
                for child, chains in descendants.get(entity, ()):
                    valid = _chain_days(chains)
                    if valid is None:
                        tz = action.zone
                        reach = intersect(_seconds_of(days, tz), engine.validity(chains, tz))
                        runs[child].extend(_days(reach, tz))
                    else:
                        runs[child].extend(intersect(tuple(days), tuple(valid)))
    index: dict[str, DayIndex] = {}
    for entity_id, spans in runs.items():
        merged = union(spans) if len(spans) > 1 else spans
        index[entity_id] = DayIndex([edge for run in merged for edge in run])
    return index


def _seconds_of(days: list[tuple[int, int]], tz: str) -> Intervals:
    return tuple((midnight(a, tz) if a > -DAY_FOREVER else -FOREVER, midnight(b, tz) if b < DAY_FOREVER else FOREVER) for a, b in days)


def _compiled_runs(
    engine: Engine,
    c: Compiled,
    descendants: dict[str, list[tuple[str, tuple[tuple[Link, ...], ...]]]],
    runs: dict[str, list[tuple[int, int]]],
) -> None:
    """Operative days of an action whose periods depend on relations (or on instants)."""
    if not c.life:
        return
    action = c.action
    tz = c.zone
    every = tuple(p.id for p in action.restricts)
    targeted = bool(c.entity_cuts) or any(w.entities is not None for w in c.suspensions)
    shared: Intervals | None = None
    shared_days: list[tuple[int, int]] = []
    for target in action.targets:
        entity = target.entity
        if entity is None:
            continue
        if target.prohibitions or targeted:
            operative = _operative(c, target.prohibitions or every, entity)
            days = _days(operative, tz)
        else:
            if shared is None:
                shared = _operative(c, every, entity)
                shared_days = _days(shared, tz)
            operative, days = shared, shared_days
        if not operative:
            continue
        runs[entity].extend(days)
        if target.scope is Scope.WITH_SUBSIDIARIES:
            for child, chains in descendants.get(entity, ()):
                reach = intersect(operative, engine.validity(chains, tz))
                if reach:
                    runs[child].extend(_days(reach, tz))
