"""The per-entity day index: restricted days as interval sets, and the days where answers change.

Built in one pass over the actions. A point query is two bisections; the explanation for a span of
days with the same answer is computed once, on first use, by the engine itself.
"""

from __future__ import annotations

from collections import defaultdict

import attrs

from ._clock import day_ceil, day_of
from ._engine import Engine
from ._intervals import FOREVER, Intervals, subtract, union

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
    descendants: dict[str, list[tuple[str, tuple[object, ...]]]] = {}
    for owner in engine.owned:
        found: list[tuple[str, tuple[object, ...]]] = []
        stack = [(owner, ())]
        seen = {owner}
        while stack:
            current, chain = stack.pop()
            for child, link in engine.owned.get(current, ()):
                if child not in seen and len(chain) < 8:
                    seen.add(child)
                    found.append((child, (*chain, link)))
                    stack.append((child, (*chain, link)))
        descendants[owner] = found
    for aid, c in engine.compiled.items():
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
            reach: list[tuple[str, tuple[object, ...]]] = [(entity, ())]
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
            for who, chain in reach:
                points[who].update(own)
                if chain:
                    validity = engine.chain_validity(chain, tz)  # type: ignore[arg-type]
                    _points(validity, tz, points[who])
                    if operative:
                        from ._intervals import intersect

                        restricted[who].append(_days(intersect(operative, validity), tz))
                elif operative:
                    restricted[who].append(_days(operative, tz))
    index: dict[str, DayIndex] = {}
    for entity in set(points) | set(restricted):
        index[entity] = DayIndex(union(*restricted.get(entity, ())), sorted(points.get(entity, ())))
    return index
