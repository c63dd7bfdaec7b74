"""The per-entity day index: on which days an entity was restricted, as one flat sorted tuple.

Built per entity, the first time it is asked about. ``restricted on day D`` is a single bisection: ``bounds`` holds
the start and end ordinals of every restricted run of days, so D is restricted when an odd number
of bounds lie at or before it. The days on which the explanation changes, and the explanations
themselves, are worked out per entity only when asked for (see ``Tracker``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Protocol

from ..model.clock import DAY_FOREVER, day_ceil, day_of, midnight
from ..model.dates import DateValue
from ..model.intervals import FOREVER, Intervals, intersect, subtract, union
from ..model.records import Action, Entity, Link
from ..model.vocabulary import Scope
from .semantics import Compiled, Engine

if TYPE_CHECKING:
    from pendulum import Date

    from ..query.results import NotOperative, Restriction

    Parts = tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]

__all__ = ["Daily", "DayIndex", "restricted_on"]


class DayIndex:
    """One entity's restricted days, and its explanations by span of days (worked out on demand).

    ``explainer`` is attached by the tracker that owns the index; it turns a day ordinal into the
    explanation and, once, the list of days where explanations can change.
    """

    __slots__ = ("answers", "bounds", "days", "entity", "explainer")

    def __init__(self, bounds: tuple[int, ...]) -> None:
        self.bounds = bounds
        self.days: list[int] | None = None
        self.answers: dict[int, Parts] = {}
        self.entity: Entity = None  # type: ignore[assignment]  # set by the tracker before first use
        self.explainer: Explainer | None = None

    def __getstate__(self) -> tuple[int, ...]:
        return self.bounds

    def __setstate__(self, bounds: tuple[int, ...]) -> None:
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

    def segments(self, entity_id: str, bounds: tuple[int, ...]) -> list[int]: ...

    def explain_day(self, entity_id: str, ordinal: int) -> Parts: ...


def restricted_on(bounds: tuple[int, ...], ordinal: int) -> bool:
    """Whether ``ordinal`` falls inside the runs described by the flat ``bounds``.

    >>> restricted_on((10, 20, 30, 40), 15), restricted_on((10, 20, 30, 40), 20), restricted_on((10, 20), 9)
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


class Daily:
    """Every entity's day index, each built the first time its entity is asked about.

    An entity's restricted days come from the actions that name it and, through ownership chains,
    from its owners' listings with ``scope: with_subsidiaries``. Building one entity needs only those
    actions (compiled on demand with the actions related to them), so a tracker is ready at once
    and pays per entity, once. :meth:`build_all` does every entity up front.
    """

    __slots__ = ("_built", "_engine", "_owner_days", "_plans", "_reaching", "_shared")

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._built: dict[str, DayIndex | None] = {}
        self._shared: dict[str, tuple[Intervals, list[tuple[int, int]]]] = {}
        self._plans: dict[str, tuple[bool, tuple[str, ...]] | None] = {}
        self._reaching: dict[str, list[tuple[Action, int]]] = {}
        self._owner_days: dict[tuple[str, int], tuple[Intervals | None, list[tuple[int, int]]]] = {}

    def __getstate__(self) -> tuple[Engine, dict[str, tuple[int, ...] | None]]:
        return self._engine, {e: None if i is None else i.bounds for e, i in self._built.items()}

    def __setstate__(self, state: tuple[Engine, dict[str, tuple[int, ...] | None]]) -> None:
        engine, built = state
        self.__init__(engine)  # type: ignore[misc]
        self._built = {e: None if b is None else DayIndex(b) for e, b in built.items()}

    def get(self, entity_id: str) -> DayIndex | None:
        """The entity's index, or None if no restriction ever reaches it."""
        try:
            return self._built[entity_id]
        except KeyError:
            found = self._built[entity_id] = self._build(entity_id)
            return found

    def ensure(self, entity_id: str) -> DayIndex:
        """The entity's index, an empty one if no restriction ever reaches it."""
        found = self.get(entity_id)
        if found is None:
            found = self._built[entity_id] = DayIndex(())
        return found

    def build_all(self) -> dict[str, DayIndex]:
        """Build every entity's index now; those some restriction reaches, by entity id."""
        out: dict[str, DayIndex] = {}
        for entity_id in self._engine.entities:
            found = self.get(entity_id)
            if found is not None:
                out[entity_id] = found
        return out

    def _build(self, entity_id: str) -> DayIndex | None:
        engine = self._engine
        actions = engine.actions
        runs: list[tuple[int, int]] = []
        for aid, index in engine.by_target.get(entity_id, ()):
            action = actions[aid]
            if self._plan(action) is not None and action.targets[index].counted:
                runs.extend(self._target_days(action, index)[1])
        record = engine.entities.get(entity_id)
        if record is not None and any(link.relation.is_ownership for link in record.links):
            for owner, chains in engine.ownership(entity_id):
                for action, index in self._reaching_from(owner):
                    runs.extend(self._reach(action, index, chains))
        if not runs:
            return None
        merged = union(runs) if len(runs) > 1 else runs
        return DayIndex(tuple(edge for run in merged for edge in run))  # a tuple: one object to reach, not two

    def _plan(self, action: Action) -> tuple[bool, tuple[str, ...]] | None:
        """None if the action restricts nothing; else whether it needs compiling, and its prohibition ids."""
        try:
            return self._plans[action.id]
        except KeyError:
            plan = None
            if action.restricts and action.kind.is_restricting:
                compile_it = action.id in self._engine.involved or _has_instant(action)
                plan = (compile_it, tuple(p.id for p in action.restricts))
            self._plans[action.id] = plan
            return plan

    def _reaching_from(self, owner: str) -> list[tuple[Action, int]]:
        """The owner's restricting targets with ``scope: with_subsidiaries``."""
        found = self._reaching.get(owner)
        if found is None:
            actions = self._engine.actions
            found = self._reaching[owner] = [
                (action, index)
                for aid, index in self._engine.by_target.get(owner, ())
                if (target := (action := actions[aid]).targets[index]).scope is Scope.WITH_SUBSIDIARIES
                and target.counted
                and self._plan(action) is not None
            ]
        return found

    def _target_days(self, action: Action, index: int) -> tuple[Intervals | None, list[tuple[int, int]]]:
        """When target ``index`` of ``action`` is restricted: instants (None on the day-only path) and days."""
        plan = self._plan(action)
        assert plan is not None
        compile_it, every = plan
        target = action.targets[index]
        if compile_it:
            c = self._engine.compiled[action.id]
            if not c.life:
                return (), []
            entity = target.entity
            assert entity is not None
            targeted = bool(c.entity_cuts) or any(w.entities is not None for w in c.suspensions)
            if target.prohibitions or targeted:
                operative = _operative(c, target.prohibitions or every, entity)
                return operative, _days(operative, c.zone)
            shared = self._shared.get(action.id)
            if shared is None:
                operative = _operative(c, every, entity)
                shared = self._shared[action.id] = (operative, _days(operative, c.zone))
            return shared
        if action.dates.effective is None:  # never took effect, and nothing extends it
            return None, []
        if target.prohibitions:
            return None, _own_days(action, target.prohibitions)
        shared = self._shared.get(action.id)
        if shared is None:
            shared = self._shared[action.id] = ((), _own_days(action, every))
        return None, shared[1]

    def _reach(self, action: Action, index: int, chains: tuple[tuple[Link, ...], ...]) -> list[tuple[int, int]]:
        """Days on which an owner's listing reaches an owned entity: the owner's days while a chain holds."""
        key = (action.id, index)
        found = self._owner_days.get(key)
        if found is None:
            found = self._owner_days[key] = self._target_days(action, index)
        operative, days = found
        if not days:
            return []
        engine = self._engine
        tz = action.zone
        if operative is not None:  # the compiled path: intersect in instants
            reach = intersect(operative, engine.validity(chains, tz))
            return _days(reach, tz) if reach else []
        valid = _chain_days(chains)
        if valid is None:
            reach = intersect(_seconds_of(days, tz), engine.validity(chains, tz))
            return _days(reach, tz)
        return list(intersect(tuple(days), tuple(valid)))


def _seconds_of(days: list[tuple[int, int]], tz: str) -> Intervals:
    return tuple((midnight(a, tz) if a > -DAY_FOREVER else -FOREVER, midnight(b, tz) if b < DAY_FOREVER else FOREVER) for a, b in days)
