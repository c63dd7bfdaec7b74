"""The semantics, stated once: when each action and prohibition is operative, and for whom.

Relations apply in this order:

1. an action's own period is ``[effective, ended)``; without ``effective`` it never took effect;
2. ``extends``: an action is also in force during the periods of the actions that extend it
   (renewals may overlap or leave gaps);
3. ``revokes``, ``lifts``, ``supersedes``: end the related action (or only the listed prohibitions,
   or only the listed targets) from the relation's effective date, or the terminating action's;
4. ``implements``: an implementing action ends when the action it implements ends;
5. ``enjoins``, ``stays``, ``suspends``: suspend the related action's prohibitions (all, or those
   listed; for all targets, or those listed) while the suspending action is in force;
6. ``exempts``: carve a purpose, prohibitions or targets out of the related action while the exempting
   action is in force; the restriction stays operative and the carve-out is reported with it.

An entity is restricted at a time if a binding, restricting action names it (or, with
``scope: with_subsidiaries``, an owner it is linked to by an ownership link valid then) and one of
that action's prohibitions that applies to the target is operative: inside its period, not ended
for that target, and not suspended. A target recorded with ``confidence: unconfirmed`` (the record
cannot say whether the instrument named it) is reported as possibly named and never counted.
``on=`` a day asks about the whole calendar day in each action's own zone: an action that takes
effect at 16:15 applies on that day.

Items and destinations. A target can name a controlled item (an ECCN, a described class of items,
a catalogue entry) instead of a party, with the destinations it covers (listed countries and named
groups, or every destination but those excepted; none stated means every destination) and, if
given, the countries of export it covers. An export of an item to a destination (from a country of
export, if asked) is restricted at a time if a binding, restricting action targets the item and one
of the prohibitions that apply to the target is operative then, read by steps 1 to 6 as for a party
(so renewals and lapses of a temporary control apply), and, as a seventh step, the target reaches
that export: a destination excepted from "all destinations except ..." gives ``destination_excepted``;
a destination outside a list gives ``destination_not_covered``, or ``destination_unconfirmed`` when the
list also names a group whose members the data does not list (never counted, like a possibly named
party); a country of export outside ``exported_from`` gives ``origin_not_covered``. A rule that does
not reach the export restricts nothing there, whatever its period.

Charges. Charging kinds (indictments, superseding indictments) never restrict. A target with role
``defendant`` is charged from the first of the instrument's ``signed`` (returned), ``published``
(unsealed, on the docket) and ``announced`` dates until its ``ended`` date (dismissal) or until a
charging instrument that ``supersedes`` it is first dated (returned), whichever comes first; the
superseded instrument's charges stand on every day before that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from ..model.clock import seconds
from ..model.dates import DateValue
from ..model.intervals import FOREVER, NEVER, Intervals, clip, first_start, intersect, intersects, last_end, subtract, union
from ..model.records import Action, Dataset, Entity, Link, Prohibition, Target
from ..model.vocabulary import Effect, Reason, RelationType, Role, Scope, State

__all__ = ["Cause", "ChargePeriod", "Compiled", "Engine", "Item", "PState", "binding", "charge_periods", "operative", "reaches"]

_NO_ENTITY = ""  # the target key of an item target: no relation limited to some entities reaches it

Window = Callable[[str], tuple[int, int]]


@attrs.frozen(slots=True)
class Cause:
    """What ended something at ``ts``: an expiry, a termination by ``by``, its parent ending."""

    ts: int
    reason: Reason
    by: str | None = None


@attrs.frozen(slots=True)
class RelationWindow:
    """A relation's effect window with its scope (``None`` means all prohibitions or all targets)."""

    window: Intervals
    by: str
    type: RelationType
    prohibitions: frozenset[str] | None
    entities: frozenset[str] | None
    purpose: str | None = None

    def applies(self, pid: str | None, entity: str | None) -> bool:
        """Whether this window covers prohibition ``pid`` for target ``entity``."""
        return (self.prohibitions is None or pid is None or pid in self.prohibitions) and (
            self.entities is None or entity is None or entity in self.entities
        )


@attrs.frozen(slots=True)
class EntityCut:
    """A termination limited to some targets (and possibly some prohibitions)."""

    cause: Cause
    prohibitions: frozenset[str] | None
    entities: frozenset[str]


class Compiled:
    """An action with its relations resolved into periods (epoch seconds)."""

    __slots__ = (
        "action",
        "base",
        "carves",
        "entity_cuts",
        "extended_by",
        "first_seen",
        "implemented_by",
        "life",
        "life_causes",
        "prohibition_causes",
        "prohibitions",
        "related_by",
        "suspensions",
        "zone",
    )

    def __init__(self, action: Action) -> None:
        self.action = action
        self.zone = action.zone
        self.base: Intervals = NEVER
        self.life: Intervals = NEVER
        self.life_causes: list[Cause] = []
        self.prohibitions: dict[str, Intervals] = {}
        self.prohibition_causes: dict[str, list[Cause]] = {}
        self.entity_cuts: list[EntityCut] = []
        self.suspensions: list[RelationWindow] = []
        self.carves: list[RelationWindow] = []
        self.first_seen = FOREVER
        self.implemented_by: list[str] = []
        self.extended_by: list[str] = []
        self.related_by: list[str] = []

    def __getstate__(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            setattr(self, name, value)


@attrs.frozen(slots=True)
class ChargePeriod:
    """A charging instrument's period for one defendant: ``[start, end)``, and what ended it (``by`` supersedes it)."""

    action: str
    target: int
    start: int
    end: int
    by: str | None = None


@attrs.frozen(slots=True)
class PState:
    """One prohibition's state for one target: since or until when, and which action caused it."""

    pid: str
    state: State
    ts: int | None = None
    by: tuple[str, ...] = ()
    reason: Reason | None = None


@attrs.frozen(slots=True)
class Item:
    """An action as it bears on one entity at the time asked (the engine's raw answer)."""

    action: str
    target: int
    via: tuple[Link, ...]
    states: tuple[PState, ...]
    reason: Reason | None
    carves: tuple[RelationWindow, ...] = ()
    ts: int | None = None
    by: tuple[str, ...] = ()

    @property
    def operative(self) -> bool:
        """True when at least one prohibition is operative."""
        return self.reason is None


def _zone_seconds(value: DateValue | None, tz: str) -> int | None:
    return None if value is None else seconds(value, tz)


def _related_groups(ordered: Sequence[Action], actions: dict[str, Action]) -> dict[str, list[str]]:
    """Actions joined by relations (either way), grouped; each id maps to its group, sorted by id.

    >>> from sanctiontrack import load
    >>> actions = load().actions
    >>> groups = _related_groups(actions, {a.id: a for a in actions})
    >>> "us-bis-2019-huawei-tgl" in groups["us-bis-2019-huawei-entity-list"]
    True
    """
    parent: dict[str, str] = {}

    def root(aid: str) -> str:
        parent.setdefault(aid, aid)
        while parent[aid] != aid:
            parent[aid] = parent[parent[aid]]
            aid = parent[aid]
        return aid

    for action in ordered:
        if action.relations:
            own = root(action.id)
            for relation in action.relations:
                if relation.action in actions:
                    other = root(relation.action)
                    if other != own:
                        parent[other] = own
    members: dict[str, list[str]] = defaultdict(list)
    for aid in sorted(parent):
        members[root(aid)].append(aid)
    return {aid: group for group in members.values() for aid in group}


class _Compiled(dict[str, Compiled]):
    """Compiled actions by id, each compiled on first use (with the group of actions related to it)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    def __missing__(self, aid: str) -> Compiled:
        engine = self.engine
        action = engine.actions[aid]  # KeyError for an unknown id, as a dict would raise
        group = engine.groups.get(aid)
        if group is not None:
            engine._compile_group(group)
            return dict.__getitem__(self, aid)
        c = self[aid] = engine._own(action)
        engine._prohibitions(c)
        return c

    def get(self, aid: str, default: Compiled | None = None) -> Compiled | None:  # type: ignore[override]
        return self[aid] if aid in self.engine.actions else default

    def __contains__(self, aid: object) -> bool:
        return aid in self.engine.actions

    def __iter__(self) -> Iterator[str]:
        return iter(self.engine.actions)

    def __len__(self) -> int:
        return len(self.engine.actions)

    def values(self) -> Iterator[Compiled]:  # type: ignore[override]
        return (self[aid] for aid in self.engine.actions)

    def items(self) -> Iterator[tuple[str, Compiled]]:  # type: ignore[override]
        return ((aid, self[aid]) for aid in self.engine.actions)

    def keys(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.engine.actions)

    def __reduce__(self) -> tuple[object, ...]:
        return (dict, (dict(super().items()),))


def _target_index(action: Action) -> dict[str, tuple[int, ...]]:
    """The positions among the action's targets of each entity it names."""
    found: dict[str, list[int]] = defaultdict(list)
    for index, target in enumerate(action.targets):
        if target.entity is not None:
            found[target.entity].append(index)
    return {entity: tuple(indexes) for entity, indexes in found.items()}


class Engine:
    """Compiled actions plus the indexes needed to evaluate any entity at any time.

    Actions are compiled when first needed. Those joined by relations depend on each other, so each
    group of them (a connected part of the relation graph) is compiled together; an action no
    relation touches is compiled on its own.
    """

    def __init__(self, dataset: Dataset, target_indexes: dict[str, dict[str, tuple[int, ...]]] | None = None) -> None:
        self.dataset = dataset
        self._target_indexes = target_indexes
        self.actions: dict[str, Action] = {a.id: a for a in dataset.actions}
        self.entities: dict[str, Entity] = {e.id: e for e in dataset.entities}
        self.compiled: dict[str, Compiled] = _Compiled(self)
        self._by_target: dict[str, list[tuple[str, int]]] | None = None
        self._by_item: dict[str, list[tuple[str, int]]] | None = None
        self._charges: dict[str, list[ChargePeriod]] | None = None
        self._operative: dict[tuple[str, int | None], Intervals] = {}
        self.owned: dict[str, list[tuple[str, Link]]] = defaultdict(list)
        for entity in dataset.entities:
            for link in entity.links:
                if link.relation.is_ownership:
                    self.owned[link.entity].append((entity.id, link))
        self.groups: dict[str, list[str]] = _related_groups(dataset.actions, self.actions)
        self.involved: frozenset[str] = frozenset(self.groups)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["compiled"] = dict(dict.items(self.compiled))
        state["_by_target"] = None
        state["_target_indexes"] = None  # shared with other engines; this one indexes its own actions again
        state["_by_item"] = None
        state["_charges"] = None
        state["_operative"] = {}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        compiled = state.pop("compiled")
        self.__dict__.update(state)
        self.compiled = _Compiled(self)
        dict.update(self.compiled, compiled)  # type: ignore[call-overload]

    @property
    def by_target(self) -> dict[str, list[tuple[str, int]]]:
        """(action id, target index) for every entity some action names, built on first use."""
        if self._by_target is None:
            found: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for action in self.dataset.actions:
                for index, target in enumerate(action.targets):
                    if target.entity is not None:
                        found[target.entity].append((action.id, index))
            self._by_target = found
        return self._by_target

    def targeting(self, entity_id: str) -> Sequence[tuple[str, int]]:
        """(action id, target index) for every target naming ``entity_id``, in the order of the actions.

        An engine over a few actions (one entity's closure, opened from a store) looks each action's
        targets up in ``target_indexes``, shared between such engines, instead of indexing every target
        of every action again: a list's listing action can have thousands of them.
        """
        indexes = self._target_indexes
        if indexes is None:
            return self.by_target.get(entity_id, ())
        out: list[tuple[str, int]] = []
        for action in self.dataset.actions:
            index = indexes.get(action.id)
            if index is None:
                index = indexes[action.id] = _target_index(action)
            out.extend((action.id, i) for i in index.get(entity_id, ()))
        return out

    @property
    def by_item(self) -> dict[str, list[tuple[str, int]]]:
        """(action id, target index) for every controlled item some action names, built on first use."""
        if self._by_item is None:
            found: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for action in self.dataset.actions:
                for index, target in enumerate(action.targets):
                    if target.item is not None:
                        found[target.item].append((action.id, index))
            self._by_item = found
        return self._by_item

    @property
    def charges(self) -> dict[str, list[ChargePeriod]]:
        """Every defendant's charge periods (see :func:`charge_periods`), built on first use."""
        if self._charges is None:
            found: dict[str, list[ChargePeriod]] = defaultdict(list)
            for charge in charge_periods(self.dataset.actions):
                entity = self.actions[charge.action].targets[charge.target].entity
                if entity is not None:
                    found[entity].append(charge)
            self._charges = found
        return self._charges

    # -- compilation -----------------------------------------------------------------------------

    def _own(self, action: Action) -> Compiled:
        """An action with its own period (step 1), before any relation is applied."""
        c = Compiled(action)
        tz = c.zone
        dates = action.dates
        first = FOREVER
        for value in (dates.announced, dates.signed, dates.published, dates.effective):
            if value is not None:
                ts = seconds(value, tz)
                if ts < first:
                    first = ts
        if dates.effective is not None:
            start = seconds(dates.effective, tz)
            end = seconds(dates.ended, tz) if dates.ended is not None else FOREVER
            c.base = c.life = ((start, end),) if end > start else NEVER
            if dates.ended is not None:
                c.life_causes.append(Cause(end, Reason.EXPIRED))
        c.first_seen = first
        return c

    def _compile_group(self, ids: list[str]) -> None:
        """Compile a group of related actions together (their periods depend on each other)."""
        actions = self.actions
        compiled = self.compiled
        group = [self._own(actions[aid]) for aid in ids]
        for c in group:
            dict.__setitem__(compiled, c.action.id, c)
        for c in group:
            for relation in c.action.relations:
                other = dict.get(compiled, relation.action)
                if other is None:
                    continue
                other.related_by.append(c.action.id)
                if relation.type.effect is Effect.EXTENDS:
                    other.extended_by.append(c.action.id)
                elif relation.type.effect is Effect.IMPLEMENTS:
                    other.implemented_by.append(c.action.id)
        self._relate(group)
        for c in group:
            self._prohibitions(c)

    def _prohibitions(self, c: Compiled) -> None:
        """Each prohibition's period: the action's life, narrowed by its own dates and terminations."""
        restricts = c.action.restricts
        if not restricts:
            return
        tz = c.zone
        causes_by_pid = c.prohibition_causes
        for prohibition in restricts:
            period = c.life
            if prohibition.effective is not None or prohibition.ended is not None:
                p_end = _zone_seconds(prohibition.ended, tz)
                period = clip(period, _zone_seconds(prohibition.effective, tz), p_end)
                if p_end is not None:
                    causes_by_pid.setdefault(prohibition.id, []).append(Cause(p_end, Reason.EXPIRED))
            if causes_by_pid:
                for cause in causes_by_pid.get(prohibition.id, ()):
                    period = clip(period, None, cause.ts)
            c.prohibitions[prohibition.id] = period

    def _relate(self, involved: list[Compiled]) -> None:
        """Steps 2 to 6 for the actions that relate to others or are related to."""
        compiled = self.compiled
        # 2. extensions (transitively)
        extended: dict[str, Intervals] = {}

        def extended_life(aid: str, seen: frozenset[str]) -> Intervals:
            if aid in extended:
                return extended[aid]
            c = compiled[aid]
            if not c.extended_by:
                return c.base
            parts = [c.base]
            for child in c.extended_by:
                if child not in seen:
                    parts.append(extended_life(child, seen | {aid}))
            extended[aid] = union(*parts)
            return extended[aid]

        for c in involved:
            if c.extended_by:
                c.life = extended_life(c.action.id, frozenset())
                if c.life:
                    c.first_seen = min(c.first_seen, c.life[0][0])  # an extension may reach back before the action's own dates
        # 3. terminations
        for c in involved:
            for relation in c.action.relations:
                reason = relation.type.reason
                if relation.type.effect is not Effect.TERMINATES or reason is None or relation.action not in compiled:
                    continue
                when = relation.effective or c.action.dates.effective
                if when is None:
                    continue
                other = compiled[relation.action]
                cause = Cause(seconds(when, other.zone), reason, c.action.id)
                pids = frozenset(relation.prohibitions) or None
                if relation.entities:
                    other.entity_cuts.append(EntityCut(cause, pids, frozenset(relation.entities)))
                elif pids is not None:
                    for pid in pids:
                        other.prohibition_causes.setdefault(pid, []).append(cause)
                else:
                    other.life_causes.append(cause)
                    other.life = clip(other.life, None, cause.ts)
        # 4. implementations end with what they implement (parents first)
        done: set[str] = set()

        def cap(aid: str, seen: frozenset[str]) -> None:
            if aid in done:
                return
            c = compiled[aid]
            for relation in c.action.relations:
                if relation.type.effect is Effect.IMPLEMENTS and relation.action in compiled and relation.action not in seen:
                    cap(relation.action, seen | {aid})
                    parent = compiled[relation.action]
                    end = last_end(parent.life)
                    if end is not None and end < FOREVER and (last_end(c.life) or -FOREVER) > end:
                        c.life = clip(c.life, None, end)
                        c.life_causes.append(Cause(end, Reason.PARENT_ENDED, parent.action.id))
            done.add(aid)

        for c in involved:
            cap(c.action.id, frozenset())
        # 5-6. suspensions and carve-outs
        for c in involved:
            for relation in c.action.relations:
                effect = relation.type.effect
                if relation.action not in compiled or effect not in (Effect.SUSPENDS, Effect.CARVES_OUT):
                    continue
                other = compiled[relation.action]
                tz = other.zone
                window = clip(c.life, _zone_seconds(relation.effective, tz), _zone_seconds(relation.until, tz))
                entry = RelationWindow(
                    window,
                    c.action.id,
                    relation.type,
                    frozenset(relation.prohibitions) or None,
                    frozenset(relation.entities) or None,
                    relation.purpose,
                )
                (other.suspensions if effect is Effect.SUSPENDS else other.carves).append(entry)

    # -- evaluation ------------------------------------------------------------------------------

    def ownership(self, entity_id: str) -> list[tuple[str, tuple[tuple[Link, ...], ...]]]:
        """Every entity owning ``entity_id`` through ownership links, with every chain that leads there.

        Chains are simple paths of at most eight links; a restriction reaches the owned entity while
        at least one chain holds.
        """
        chains: dict[str, list[tuple[Link, ...]]] = {}
        stack: list[tuple[str, tuple[Link, ...], frozenset[str]]] = [(entity_id, (), frozenset({entity_id}))]
        while stack:
            current, chain, visited = stack.pop()
            entity = self.entities.get(current)
            if entity is None or len(chain) >= 8:
                continue
            for link in entity.links:
                if link.relation.is_ownership and link.entity not in visited:
                    path = (*chain, link)
                    chains.setdefault(link.entity, []).append(path)
                    stack.append((link.entity, path, visited | {link.entity}))
        return [(owner, tuple(paths)) for owner, paths in chains.items()]

    def chain_validity(self, chain: Sequence[Link], tz: str) -> Intervals:
        """When every link of an ownership chain holds, in epoch seconds read in ``tz``."""
        valid: Intervals = ((-FOREVER, FOREVER),)
        for link in chain:
            valid = clip(valid, _zone_seconds(link.start, tz), _zone_seconds(link.until, tz))
        return valid

    def validity(self, chains: Sequence[Sequence[Link]], tz: str) -> Intervals:
        """When at least one of the chains holds."""
        return union(*(self.chain_validity(chain, tz) for chain in chains))

    def candidates(self, entity_id: str) -> list[tuple[str, int, tuple[tuple[Link, ...], ...]]]:
        """(action id, target index, ownership chains) for every action that could bear on the entity.

        Direct targets come with no chains; owners' restrictions with ``scope: with_subsidiaries``
        come with the chains linking the entity to that owner.
        """
        out: list[tuple[str, int, tuple[tuple[Link, ...], ...]]] = [(aid, index, ()) for aid, index in self.targeting(entity_id)]
        for owner, chains in self.ownership(entity_id):
            for aid, index in self.targeting(owner):
                if self.actions[aid].targets[index].scope is Scope.WITH_SUBSIDIARIES:
                    out.append((aid, index, chains))
        return out

    def evaluate(self, entity_id: str, window: Window, jurisdiction: str | None = None) -> list[Item]:
        """How every action concerning ``entity_id`` stands in the window (given per zone)."""
        items: list[Item] = []
        seen: set[tuple[str, str]] = set()
        for aid, index, chains in self.candidates(entity_id):
            c = self.compiled[aid]
            action = c.action
            if jurisdiction is not None and action.jurisdiction != jurisdiction:
                continue
            start, end = window(action.zone)
            if end <= c.first_seen:
                continue
            owner = chains[0][-1].entity if chains else entity_id
            key = (aid, owner)
            if key in seen:
                continue
            seen.add(key)
            item = self._item(c, index, chains, start, end)
            if item is not None:
                items.append(item)
        return items

    def evaluate_item(
        self, item_id: str, window: Window, destination: str, origin: str | None = None, jurisdiction: str | None = None
    ) -> list[Item]:
        """How every action targeting controlled item ``item_id`` stands for an export to ``destination`` in the window.

        Steps 1 to 6 as for a party (:meth:`evaluate`), then step 7 (:func:`reaches`): an action
        whose target does not reach the export is not operative, with the reason. An action naming
        the item in several targets is answered once: by a target that restricts the export, if any.
        """
        items: list[Item] = []
        for aid, index in self.by_item.get(item_id, ()):
            if any(i.action == aid and (i.operative or not i.states) for i in items):
                continue
            c = self.compiled[aid]
            action = c.action
            if jurisdiction is not None and action.jurisdiction != jurisdiction:
                continue
            start, end = window(action.zone)
            if end <= c.first_seen:
                continue
            found = self._item(c, index, (), start, end)
            if found is None:
                continue
            if action.kind.is_binding:
                reason = reaches(action.targets[index], destination, origin)
                if reason is not None:
                    found = attrs.evolve(found, reason=reason, carves=(), ts=None, by=())
            earlier = next((n for n, i in enumerate(items) if i.action == aid), None)
            if earlier is None:
                items.append(found)
            elif found.operative:
                items[earlier] = found
        return items

    def _item(self, c: Compiled, index: int, chains: tuple[tuple[Link, ...], ...], start: int, end: int) -> Item | None:
        action = c.action
        target = action.targets[index]
        chain: tuple[Link, ...] = ()
        if chains:
            holding = [ch for ch in chains if intersects(self.chain_validity(ch, action.zone), start, end)]
            chain = (holding or list(chains))[0]
        if not action.kind.is_binding:
            return Item(action.id, index, chain, (), Reason.NON_BINDING)
        if not action.kind.is_restricting:
            return None
        if not target.counted:
            return Item(action.id, index, chain, (), Reason.POSSIBLY_NAMED)
        if not action.restricts:
            informational = bool(action.relations) and all(r.type.effect is Effect.INFORMATIONAL for r in action.relations)
            if not c.life:
                never = action.dates.effective is None and not informational  # a ruling that upholds has nothing to take effect
                return Item(action.id, index, chain, (), Reason.NEVER_EFFECTIVE if never else Reason.NO_PROHIBITIONS)
            if end <= c.life[0][0]:  # not yet in force: judged against its start as much as its end
                return Item(action.id, index, chain, (), Reason.NOT_YET_EFFECTIVE, ts=c.life[0][0])
            if start >= (last_end(c.life) or FOREVER):
                cause = _cause_at(c.life_causes, last_end(c.life))
                return Item(
                    action.id,
                    index,
                    chain,
                    (),
                    cause.reason if cause else Reason.EXPIRED,
                    ts=last_end(c.life),
                    by=(cause.by,) if cause and cause.by else (),
                )
            if not intersects(c.life, start, end):  # between two periods of an extended action
                following = next(s for s, _ in c.life if s >= end)
                return Item(action.id, index, chain, (), Reason.LAPSED, ts=following)
            return Item(action.id, index, chain, (), Reason.NO_PROHIBITIONS, by=tuple(c.implemented_by))
        validity: Intervals | None = self.validity(chains, action.zone) if chains else None
        if validity is not None and not intersects(validity, start, end):
            if end <= (first_start(validity) or FOREVER):
                return None
            return Item(action.id, index, chain, (), Reason.NOT_AFFILIATED, ts=last_end(validity))
        pids = target.prohibitions or tuple(p.id for p in action.restricts)
        states = tuple(self._pstate(c, pid, target, validity, start, end) for pid in pids)
        if any(s.state is State.OPERATIVE for s in states):
            operative = {s.pid for s in states if s.state is State.OPERATIVE}
            carves = [
                w
                for w in c.carves
                if intersects(w.window, start, end)
                and (w.entities is None or target.entity in w.entities)
                and (w.prohibitions is None or w.prohibitions & operative)
            ]
            # A license renewed by an extension that carries its own carve-out is reported once, as renewed.
            givers = {w.by for w in carves}
            carves = [w for w in carves if not (self.extenders(w.by) & givers)]
            # Renewals in force then, when the action's own period does not cover the window.
            renewed = () if intersects(c.base, start, end) else self._renewals(action.id, start, end)
            return Item(action.id, index, chain, states, None, tuple(carves), by=renewed)
        return Item(action.id, index, chain, states, _overall(states), ts=_overall_ts(states), by=_overall_by(states))

    def _pstate(self, c: Compiled, pid: str, target: Target, validity: Intervals | None, start: int, end: int) -> PState:
        period, cuts, suspended = binding(c, pid, target.entity if target.entity is not None else _NO_ENTITY)
        causes = [*c.prohibition_causes.get(pid, ()), *c.life_causes, *cuts]
        if validity is not None:
            period = intersect(period, validity)
            vend = last_end(validity)
            if vend is not None and vend < FOREVER:
                causes.append(Cause(vend, Reason.NOT_AFFILIATED))
        operative = subtract(period, union(*(w.window for w in suspended))) if suspended else period
        if intersects(operative, start, end):
            since = max(s for s, e in operative if s < end and e > start)
            return PState(pid, State.OPERATIVE, since)
        if intersects(period, start, end):
            by = tuple(w.by for w in suspended if intersects(w.window, start, end))
            return PState(pid, State.SUSPENDED, _suspension_start(suspended, by, start, end), by)
        if not period:
            return PState(pid, State.NEVER, None, (), _never_reason(c, causes))
        if end <= period[0][0]:
            return PState(pid, State.PENDING, period[0][0])
        last = period[-1][1]
        if start >= last:
            cause = _cause_at(causes, last)
            return PState(pid, State.ENDED, last, (cause.by,) if cause and cause.by else (), cause.reason if cause else Reason.EXPIRED)
        following = next(s for s, _ in period if s >= end)
        return PState(pid, State.LAPSED, following)

    def target_operative(self, aid: str, index: int) -> Intervals:
        """When target ``index`` of restriction ``aid`` is bound by one of its prohibitions (before any ownership chain).

        The same reading as a point query's (:func:`binding`, then suspensions), over all time: the
        day index is this, projected onto days. Shared by the targets the action treats alike.
        """
        c = self.compiled[aid]
        target = c.action.targets[index]
        alike = not target.prohibitions and not c.entity_cuts and all(w.entities is None for w in c.suspensions)
        key = (aid, None if alike else index)  # targets the action treats alike share one period
        found = self._operative.get(key)
        if found is None:
            pids = target.prohibitions or tuple(p.id for p in c.action.restricts)
            found = self._operative[key] = operative(c, pids, target.entity)
        return found

    def restricted_spans(self, entity_id: str) -> list[tuple[Intervals, str]]:
        """Every period (instants, with the action's zone) in which a restriction binds ``entity_id``.

        Direct targets and, through ownership chains valid at the time, owners' targets with
        ``scope: with_subsidiaries``; unconfirmed targets never count.
        """
        return [(span, zone) for _, _, span, zone in self.restricting(entity_id)]

    def restricting(self, entity_id: str) -> list[tuple[str, bool, Intervals, str]]:
        """:meth:`restricted_spans` with the action behind each period and whether it reaches the entity through an owner."""
        out: list[tuple[str, bool, Intervals, str]] = []
        actions = self.actions
        for aid, index, chains in self.candidates(entity_id):
            action = actions[aid]
            if not (action.restricts and action.kind.is_restricting and action.targets[index].counted):
                continue
            span = self.target_operative(aid, index)
            if span:
                zone = self.compiled[aid].zone
                if chains:
                    span = intersect(span, self.validity(chains, zone))
                    if not span:
                        continue
                out.append((aid, bool(chains), span, zone))
        return out

    def prohibition(self, aid: str, pid: str) -> Prohibition:
        """Prohibition ``pid`` of action ``aid``."""
        return next(p for p in self.actions[aid].restricts if p.id == pid)

    def extenders(self, aid: str) -> set[str]:
        """Every action that extends ``aid``, directly or through other extensions."""
        found: set[str] = set()
        stack = list(self.compiled[aid].extended_by) if aid in self.compiled else []
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self.compiled[current].extended_by)
        return found

    def _renewals(self, aid: str, start: int, end: int) -> tuple[str, ...]:
        """The actions extending ``aid`` whose own period covers part of ``[start, end)``."""
        return tuple(sorted(x for x in self.extenders(aid) if intersects(self.compiled[x].base, start, end)))

    def in_force(self, aid: str, start: int, end: int) -> bool:
        """Whether an action is in force in the window: for restrictions, some prohibition operative for all targets."""
        c = self.compiled[aid]
        if not c.action.kind.is_binding:
            return False
        if not c.action.restricts:
            return intersects(c.life, start, end)
        for pid, period in c.prohibitions.items():
            suspended = [w.window for w in c.suspensions if w.applies(pid, None) and w.entities is None]
            if intersects(subtract(period, union(*suspended)) if suspended else period, start, end):
                return True
        return False

    def breakpoints(self, entity_id: str) -> set[tuple[int, str]]:
        """Every instant (with its zone) at which the answer for ``entity_id`` can change."""
        points: set[tuple[int, str]] = set()
        add = points.add
        for aid, _index, chains in self.candidates(entity_id):
            c = self.compiled[aid]
            tz = c.zone
            add((c.first_seen, tz))
            # its own base too: where it ends inside a renewal, the answer starts naming the renewal
            spans: list[Intervals] = [c.life, c.base, *c.prohibitions.values()]
            spans.extend(w.window for w in c.suspensions)
            spans.extend(w.window for w in c.carves)
            spans.extend(self.chain_validity(chain, tz) for chain in chains)
            for span in spans:
                for s, e in span:
                    add((s, tz))
                    add((e, tz))
            for cut in c.entity_cuts:
                add((cut.cause.ts, tz))
            for renewal in self.extenders(aid):  # an explanation names the renewal in force
                for s, e in self.compiled[renewal].base:
                    add((s, tz))
                    add((e, tz))
        return {(ts, tz) for ts, tz in points if -FOREVER < ts < FOREVER}


def reaches(target: Target, destination: str, origin: str | None = None) -> Reason | None:
    """Step 7: None if an item target reaches an export to ``destination`` (from ``origin``, if given); else why not.

    >>> from sanctiontrack import Destinations, Target
    >>> rule = Target(item="eccn-0d521", destinations=Destinations(everywhere=True, excepted=("CA",)))
    >>> reaches(rule, "CN"), reaches(rule, "CA").value
    (None, 'destination_excepted')
    """
    wanted = target.destinations
    if wanted.stated:
        if wanted.everywhere:
            if destination in wanted.excepted:
                return Reason.DESTINATION_EXCEPTED
        elif destination not in wanted.countries:
            return Reason.DESTINATION_UNCONFIRMED if wanted.groups else Reason.DESTINATION_NOT_COVERED
    if origin is not None and target.exported_from and origin not in target.exported_from:
        return Reason.ORIGIN_NOT_COVERED
    return None


def charge_periods(actions: Iterable[Action]) -> list[ChargePeriod]:
    """Every defendant's charge period, by the rule stated in this module's docstring (charges).

    >>> from sanctiontrack import load
    >>> [c.action for c in charge_periods(load().actions) if c.by][:1]
    ['us-doj-2019-huawei-edny-superseding-indictment']
    """
    charging = [a for a in actions if a.kind.is_charging]
    starts: dict[str, int] = {}
    for action in charging:
        known = [seconds(v, action.zone) for v in (action.dates.signed, action.dates.published, action.dates.announced) if v is not None]
        if known:
            starts[action.id] = min(known)
    ends: dict[str, tuple[int, str | None]] = {}
    for action in charging:
        if action.id in starts and action.dates.ended is not None:
            ends[action.id] = (seconds(action.dates.ended, action.zone), None)
    for action in charging:
        for relation in action.relations:
            if relation.type is not RelationType.SUPERSEDES or relation.action not in starts:
                continue
            when = seconds(relation.effective, action.zone) if relation.effective is not None else starts.get(action.id)
            if when is not None and when < ends.get(relation.action, (FOREVER, None))[0]:
                ends[relation.action] = (when, action.id)
    out: list[ChargePeriod] = []
    for action in charging:
        start = starts.get(action.id)
        if start is None:
            continue
        end, by = ends.get(action.id, (FOREVER, None))
        for index, target in enumerate(action.targets):
            if target.entity is not None and target.role is Role.DEFENDANT and target.counted and end > start:
                out.append(ChargePeriod(action.id, index, start, end, by))
    return out


def binding(c: Compiled, pid: str, entity: str | None) -> tuple[Intervals, list[Cause], list[RelationWindow]]:
    """Prohibition ``pid`` of ``c`` for target ``entity``: its period (own dates, terminations, cuts for that target),
    the cuts that applied, and the suspensions that cover it. The one reading of steps 1 to 5 per target."""
    period = c.prohibitions.get(pid, NEVER)
    cuts: list[Cause] = []
    for cut in c.entity_cuts:
        if entity in cut.entities and (cut.prohibitions is None or pid in cut.prohibitions):
            period = clip(period, None, cut.cause.ts)
            cuts.append(cut.cause)
    return period, cuts, [w for w in c.suspensions if w.applies(pid, entity)]


def operative(c: Compiled, pids: Sequence[str], entity: str | None) -> Intervals:
    """When any of ``pids`` binds target ``entity``: each period from :func:`binding`, less its suspensions."""
    spans = []
    for pid in pids:
        period, _, suspended = binding(c, pid, entity)
        spans.append(subtract(period, union(*(w.window for w in suspended))) if suspended else period)
    return spans[0] if len(spans) == 1 else union(*spans)


def _suspension_start(suspended: Iterable[RelationWindow], by: tuple[str, ...], start: int, end: int) -> int | None:
    """When the suspension in force during ``[start, end)`` began (the latest such start)."""
    starts = [s for w in suspended if w.by in by for s, e in w.window if s < end and e > start]
    return max(starts) if starts else None


def _cause_at(causes: Iterable[Cause], ts: int | None) -> Cause | None:
    """What ended something at ``ts``; when several causes coincide, the reason with the lowest precedence wins."""
    matching = [c for c in causes if c.ts == ts]
    return min(matching, key=lambda c: c.reason.precedence) if matching else None


def _never_reason(c: Compiled, causes: Sequence[Cause]) -> Reason:
    if c.action.dates.effective is None:
        return Reason.NEVER_EFFECTIVE
    terminations = [x for x in causes if x.reason.terminal]
    return terminations[0].reason if terminations else Reason.NEVER_EFFECTIVE


_PRIORITY = [State.SUSPENDED, State.PENDING, State.LAPSED, State.ENDED, State.NEVER]
_STATE_REASON = {
    State.SUSPENDED: Reason.SUSPENDED,
    State.PENDING: Reason.NOT_YET_EFFECTIVE,
    State.LAPSED: Reason.LAPSED,
}


def _lead(states: Sequence[PState]) -> PState:
    return min(states, key=lambda s: _PRIORITY.index(s.state))


def _overall(states: Sequence[PState]) -> Reason:
    lead = _lead(states)
    if lead.state in _STATE_REASON:
        return _STATE_REASON[lead.state]
    return lead.reason or (Reason.EXPIRED if lead.state is State.ENDED else Reason.NEVER_EFFECTIVE)


def _overall_ts(states: Sequence[PState]) -> int | None:
    return _lead(states).ts


def _overall_by(states: Sequence[PState]) -> tuple[str, ...]:
    return _lead(states).by
