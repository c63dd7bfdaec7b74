"""The per-entity day index: restricted days as interval sets, and the days where answers change.

Built in one pass over the actions. A point query is two bisections; the explanation for a span of
days with the same answer is computed once, on first use, by the engine itself.
"""

from __future__ import annotations

from collections import defaultdict

import attrs

from ._clock import day_ceil, day_of
from ._engine import Engine
from ._intervals import FOREVER, Intervals, intersect, subtract, union
from ._model import Link

__all__ = ["DayIndex", "build_daily"]


@attrs.define(slots=True)
class DayIndex:
    """One entity's answers by day ordinal."""

    restricted: Intervals
    days: list[int]
    details: dict[int, object] = attrs.Factory(dict)


def _days(span: Intervals, tz: str) -> Intervals:
    """The local days (ordinals, half-open) that intersect a set of instants."""
    return union([(day_of(s, tz), day_ceil(e, tz)) for s, e in span])


def _points(span: Intervals, tz: str, out: set[int]) -> None:
    for s, e in span:
        if -FOREVER < s < FOREVER:
            out.add(day_of(s, tz))
            out.add(day_ceil(s, tz))
        if -FOREVER < e < FOREVER:
            out.add(day_of(e, tz))
            out.add(day_ceil(e, tz))


def build_daily(engine: Engine) -> dict[str, DayIndex]:
    """Index every entity that some action could bear on."""
    restricted: dict[str, list[Intervals]] = defaultdict(list)
    points: dict[str, set[int]] = defaultdict(set)
    descendants: dict[str, list[tuple[str, tuple[tuple[Link, ...], ...]]]] = defaultdict(list)
    linked = {e.id for e in engine.dataset.entities if any(link.relation.is_ownership for link in e.links)}
    for entity_id in linked:
        for owner, chains in engine.ownership(entity_id):
            descendants[owner].append((entity_id, chains))
    for c in engine.compiled.values():
        action = c.action
        if not action.targets:
            continue
        tz = action.zone
        own: set[int] = set()
        if c.first_seen < FOREVER:
            own.add(day_of(c.first_seen, tz))
        _points(c.life, tz, own)
        for period in c.prohibitions.values():
            _points(period, tz, own)
        for window in (*c.suspensions, *c.carves):
            _points(window.window, tz, own)
        for cut in c.entity_cuts:
            _points(((cut.cause.ts, FOREVER),), tz, own)
        restricting = action.kind.is_restricting and bool(action.restricts)
        for target in action.targets:
            entity = target.entity
            if entity is None:
                continue
            reach: list[tuple[str, tuple[tuple[Link, ...], ...]]] = [(entity, ())]
            if target.scope.value == "with_subsidiaries":
                reach.extend(descendants.get(entity, ()))
            operative: Intervals = ()
            if restricting:
                pids = target.prohibitions or tuple(p.id for p in action.restricts)
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
                operative = union(*spans)
            for who, chains in reach:
                points[who].update(own)
                if chains:
                    for chain in chains:
                        _points(engine.chain_validity(chain, tz), tz, points[who])
                    if operative:
                        restricted[who].append(_days(intersect(operative, engine.validity(chains, tz)), tz))
                elif operative:
                    restricted[who].append(_days(operative, tz))
    index: dict[str, DayIndex] = {}
    for entity in set(points) | set(restricted):
        index[entity] = DayIndex(union(*restricted.get(entity, ())), sorted(points.get(entity, ())))
    return index
