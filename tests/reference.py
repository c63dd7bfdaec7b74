"""A brute-force reading of the documented semantics, written independently of the engine.

It evaluates instants one at a time straight from the records (no interval sets, no index): the
answer at a day is the answer at any instant of that day, checked at every instant where
something can change. Slow and simple on purpose; property tests compare the engine with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pendulum

from sanctiontrack import Action, Dataset, DateValue, RelationType, Scope, Target

TERMINATES = {RelationType.REVOKES, RelationType.LIFTS, RelationType.SUPERSEDES}
SUSPENDS = {RelationType.ENJOINS, RelationType.STAYS, RelationType.SUSPENDS}


def _ts(value: DateValue, zone: str) -> int:
    if value.at is not None:
        return int(value.at.timestamp())
    return int(pendulum.datetime(value.date.year, value.date.month, value.date.day, tz=zone).timestamp())


class Reference:
    """Point-in-time answers computed from first principles."""

    def __init__(self, dataset: Dataset) -> None:
        self.actions = {a.id: a for a in dataset.actions}
        self.entities = {e.id: e for e in dataset.entities}
        self.instants = sorted(self._all_instants(dataset))
        self.alive = cache(self._alive)
        self.extended = cache(self._extended)
        self.last_end = cache(self._last_end)

    def _all_instants(self, dataset: Dataset) -> set[int]:
        out: set[int] = set()
        zones = {a.zone for a in dataset.actions} | {"UTC"}

        def add(value: DateValue | None) -> None:
            if value is not None:
                for zone in zones:
                    out.add(_ts(value, zone))

        for action in dataset.actions:
            for _, value in action.dates.items():
                add(value)
            for p in action.restricts:
                add(p.effective)
                add(p.ended)
            for r in action.relations:
                add(r.effective)
                add(r.until)
        for entity in dataset.entities:
            for link in entity.links:
                add(link.start)
                add(link.until)
        return out

    # -- actions ------------------------------------------------------------------------------

    def _own(self, action: Action, t: int) -> bool:
        d = action.dates
        if d.effective is None:
            return False
        return _ts(d.effective, action.zone) <= t and (d.ended is None or t < _ts(d.ended, action.zone))

    def _extended(self, aid: str, t: int) -> bool:
        """In force by its own dates or through any action that extends it (transitively)."""
        action = self.actions[aid]
        if self._own(action, t):
            return True
        return any(
            self.extended(other.id, t)
            for other in self.actions.values()
            for r in other.relations
            if r.type is RelationType.EXTENDS and r.action == aid
        )

    def _terminations(self, aid: str) -> Iterable[tuple[int, frozenset[str], frozenset[str]]]:
        """(when, prohibitions, entities) of every termination of ``aid`` by an action that took effect."""
        target = self.actions[aid]
        for other in self.actions.values():
            for r in other.relations:
                if r.action == aid and r.type in TERMINATES:
                    when = r.effective or other.dates.effective
                    if when is not None:
                        yield _ts(when, target.zone), frozenset(r.prohibitions), frozenset(r.entities)

    def _alive(self, aid: str, t: int) -> bool:
        if not self.extended(aid, t):
            return False
        if any(t >= when for when, pids, ents in self._terminations(aid) if not pids and not ents):
            return False
        for r in self.actions[aid].relations:
            if r.type is RelationType.IMPLEMENTS and r.action in self.actions:
                end = self.last_end(r.action)
                if end is not None and t >= end:
                    return False
        return True

    def _last_end(self, aid: str) -> int | None:
        """The instant after which ``aid`` is never alive again, or None if it stays alive."""
        if not self.instants:
            return None
        if self.alive(aid, self.instants[-1]):
            return None
        alive_at = [i for i in self.instants if self.alive(aid, i)]
        if not alive_at:
            return None
        last = alive_at[-1]
        later = [i for i in self.instants if i > last]
        return later[0] if later else None

    def _window_alive(self, aid: str, t: int) -> bool:
        return self.alive(aid, t)

    def operative(self, action: Action, pid: str, target_entity: str, t: int) -> bool:
        """Whether prohibition ``pid`` of ``action`` binds ``target_entity`` at instant ``t``."""
        if not self.alive(action.id, t):
            return False
        prohibition = next(p for p in action.restricts if p.id == pid)
        if prohibition.effective is not None and t < _ts(prohibition.effective, action.zone):
            return False
        if prohibition.ended is not None and t >= _ts(prohibition.ended, action.zone):
            return False
        for when, pids, ents in self._terminations(action.id):
            if ents and target_entity not in ents:
                continue
            if pids and pid not in pids:
                continue
            if (pids or ents) and t >= when:
                return False
        for other in self.actions.values():
            for r in other.relations:
                if r.action != action.id or r.type not in SUSPENDS:
                    continue
                if r.prohibitions and pid not in r.prohibitions:
                    continue
                if r.entities and target_entity not in r.entities:
                    continue
                if not self.alive(other.id, t):
                    continue
                if r.effective is not None and t < _ts(r.effective, action.zone):
                    continue
                if r.until is not None and t >= _ts(r.until, action.zone):
                    continue
                return False
        return True

    # -- entities -----------------------------------------------------------------------------

    def owners_at(self, entity_id: str, t: int, zone: str) -> set[str]:
        """Every entity owning ``entity_id`` at ``t`` through ownership links valid then."""
        found: set[str] = set()
        frontier = [entity_id]
        while frontier:
            current = frontier.pop()
            entity = self.entities.get(current)
            if entity is None:
                continue
            for link in entity.links:
                if not link.relation.is_ownership or link.entity in found or link.entity == entity_id:
                    continue
                if link.start is not None and t < _ts(link.start, zone):
                    continue
                if link.until is not None and t >= _ts(link.until, zone):
                    continue
                found.add(link.entity)
                frontier.append(link.entity)
        return found

    def operative_actions_at(self, entity_id: str, t: int) -> set[str]:
        """Ids of binding restrictions operative on ``entity_id`` at instant ``t``."""
        out: set[str] = set()
        for action in self.actions.values():
            if not action.kind.is_restricting or not action.restricts:
                continue
            owners = self.owners_at(entity_id, t, action.zone)
            for target in action.targets:
                if target.entity is None or not target.counted:
                    continue
                reaches = target.entity == entity_id or (target.scope is Scope.WITH_SUBSIDIARIES and target.entity in owners)
                if not reaches:
                    continue
                pids = target.prohibitions or tuple(p.id for p in action.restricts)
                if any(self.operative(action, pid, target.entity, t) for pid in pids):
                    out.add(action.id)
        return out

    def operative_actions_on(self, entity_id: str, day: pendulum.Date) -> set[str]:
        """Ids of restrictions operative at some instant of ``day`` (each action read in its own zone)."""
        out: set[str] = set()
        for action in self.actions.values():
            zone = action.zone
            start = int(pendulum.datetime(day.year, day.month, day.day, tz=zone).timestamp())
            end = int(pendulum.datetime(day.year, day.month, day.day, tz=zone).add(days=1).timestamp())
            probes = [start, *(i for i in self.instants if start < i < end)]
            for t in probes:
                if action.id in self.operative_actions_at(entity_id, t):
                    out.add(action.id)
                    break
        return out

    # -- items --------------------------------------------------------------------------------

    @staticmethod
    def covers(target: Target, destination: str, origin: str | None) -> bool:
        """Whether an item target reaches an export to ``destination`` (from ``origin``), read from the docstring's step 7.

        A group whose members are not recorded never counts; no destinations stated means every one.
        """
        d = target.destinations
        listed = set(d.countries)
        if d.everywhere:
            ok = destination not in d.excepted
        elif listed or d.groups:
            ok = destination in listed
        else:
            ok = True
        if origin is not None and target.exported_from:
            ok = ok and origin in target.exported_from
        return ok

    def operative_item_actions_on(self, item_id: str, destination: str, origin: str | None, day: pendulum.Date) -> set[str]:
        """Ids of restrictions on exports of ``item_id`` to ``destination`` operative at some instant of ``day``."""
        out: set[str] = set()
        for action in self.actions.values():
            if not action.kind.is_restricting or not action.restricts:
                continue
            zone = action.zone
            start = int(pendulum.datetime(day.year, day.month, day.day, tz=zone).timestamp())
            end = int(pendulum.datetime(day.year, day.month, day.day, tz=zone).add(days=1).timestamp())
            probes = [start, *(i for i in self.instants if start < i < end)]
            for target in action.targets:
                if target.item != item_id or not target.counted or not self.covers(target, destination, origin):
                    continue
                pids = target.prohibitions or tuple(p.id for p in action.restricts)
                # An item target is never among a relation's entities: "" matches no entity id.
                if any(self.operative(action, pid, "", t) for pid in pids for t in probes):
                    out.add(action.id)
        return out
