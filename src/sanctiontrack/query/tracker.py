"""The query API: what applied to an entity on a day, its timeline, diffs, everything in force, screening."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pendulum

from ..engine.daily import Daily, restricted_on
from ..engine.semantics import Engine
from ..model._pause import paused_gc
from ..model.clock import DAY_FOREVER, day_ceil, day_of, day_window, seconds
from ..model.countries import check_country, check_jurisdiction
from ..model.dates import parse_day, zone
from ..model.errors import QueryError, UnknownActionError
from ..model.intervals import intersects
from ..model.names import did_you_mean, name_key
from ..model.records import Action, ControlledItem, Dataset, Entity, Link, Snapshot, Source
from ..model.vocabulary import ActionKind, Basis, ChangeKind, DateKind, Reason, SpanState
from .coverage import Coverage, coverage_of
from .entities import Entities
from .explain import Explainer
from .items import Items
from .results import (
    Charge,
    NotOperative,
    Restriction,
    Restrictions,
    _answer,
    _Fixed,
)

if TYPE_CHECKING:
    import numpy as np

    from ..screen.score import Screener
    from ..store.store import Store
    from .reports import ActionHistory, Diff, ItemRestrictions, ScreenResult, Timeline

__all__ = ["Tracker"]


Parts = tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]
_FEW_ASKED = 4  # restricted_many searches the asked entities' days alone when they are under a quarter of the store's
_PAUSED = {Reason.SUSPENDED: SpanState.SUSPENDED, Reason.LAPSED: SpanState.LAPSED}  # shown in histories; other reasons are gaps


class _EntityAnswers:
    """One entity's day answers: the verdict from its day index, the explanation worked out per span of days on demand.

    Every answer about the same span of days (between two days where something changes) shares one
    explanation, so it is worked out once.
    """

    __slots__ = ("answers", "bounds", "days", "entity", "tracker")

    def __init__(self, tracker: Tracker, entity: Entity, bounds: tuple[int, ...]) -> None:
        self.tracker = tracker
        self.entity = entity
        self.bounds = bounds
        self.days: list[int] | None = None
        self.answers: dict[int, Parts] = {}

    def verdict(self, when: pendulum.Date | pendulum.DateTime) -> bool:
        return bisect_right(self.bounds, when.toordinal()) & 1 == 1  # restricted_on, inlined: this runs for every answer's verdict

    def parts(self, when: pendulum.Date | pendulum.DateTime) -> Parts:
        ordinal = when.toordinal()
        segment = bisect_right(self.segments(), ordinal)
        found = self.answers.get(segment)
        if found is None:
            found = self.answers[segment] = self.tracker.explain_day(self.entity.id, ordinal)
        return found

    def segments(self) -> list[int]:
        """The days on which the explanation can change."""
        if self.days is None:
            self.days = self.tracker.segments(self.entity.id, self.bounds)
        return self.days

    def charges(self, when: pendulum.Date | pendulum.DateTime) -> tuple[Charge, ...]:
        ordinal = when.toordinal()
        return self.tracker._charges(self.entity.id, lambda tz: day_window(ordinal, tz))


def _kind(kind: str | ActionKind | None) -> ActionKind | None:
    """An action kind given by its code or as a member; a wrong code is a :class:`QueryError` with a hint."""
    if kind is None or isinstance(kind, ActionKind):
        return kind
    try:
        return ActionKind(kind)
    except ValueError:
        codes = [k.value for k in ActionKind]
        hint = did_you_mean(str(kind), codes)
        suffix = f"; did you mean {hint!r}?" if hint else f" (one of: {', '.join(codes)})"
        raise QueryError(f"unknown action kind {kind!r}{suffix}") from None


def _jurisdiction(value: str | None) -> str | None:
    """A jurisdiction filter as its code (``uk`` and ``UK`` are ``GB``); an unknown code is a :class:`QueryError`, never an empty answer."""
    if value is None:
        return None
    try:
        return check_jurisdiction(value)
    except ValueError as exc:
        raise QueryError(f"'jurisdiction': {exc}") from None


def _instant(value: object, field: str = "at", day_field: str = "on") -> pendulum.DateTime:
    """An aware instant from ``value``; errors name the parameter ``field`` (and ``day_field`` for a whole day)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise QueryError(f"{field!r} must carry a time zone; a naive time names no instant (got {value.isoformat()!r})")
        return pendulum.instance(value)
    if isinstance(value, str):
        from ..model.dates import parse_instant

        try:
            return parse_instant(value)
        except ValueError as exc:
            raise QueryError(f"{field!r}: {_instant_problem(value, exc, day_field)}") from None
    raise QueryError(f"{field!r} must be an aware datetime or ISO text with an offset (got {value!r})")


def _instant_problem(text: str, exc: ValueError, day_field: str) -> str:
    """Why ``text`` is no instant, in terms of what a query takes: an offset in the text (queries have no ``tz`` option)."""
    from ..model.dates import parse_instant

    example = "e.g. 2019-05-16T09:00-04:00 or 2019-05-16T13:00Z"
    try:
        parse_day(text)
    except ValueError:
        pass
    else:
        return f"an instant needs a time with an offset, {example}; for the whole day ask with {day_field!r} (got {text!r})"
    try:
        parse_instant(text, "UTC")
    except ValueError:
        return str(exc)
    return f"a time needs an offset from UTC, {example} (got {text!r})"


class Tracker:
    """A loaded dataset ready for questions; build one with :func:`sanctiontrack.load`.

    >>> from sanctiontrack import load
    >>> tracker = load()
    >>> tracker.restrictions("iFlyTek", on="2019-10-09").restricted
    True
    """

    _files: tuple[str, ...]  # the data files read, named in the coverage
    _curated: Dataset | None  # the records as curated, before lists were imported (None: every record is curated)

    def __init__(self, dataset: Dataset, *, files: Sequence[str] = (), curated: Dataset | None = None) -> None:
        self._store: Store | None = None
        self._reset()
        self._files = tuple(files)
        self._curated = curated
        self._adopt(dataset)
        self.entities = Entities(dataset.entities)
        self.entities._covered = lambda: self.coverage

    @classmethod
    def _open(cls, store: Store) -> Tracker:
        """A tracker answering from a compiled store: records are decoded, and engines built, only for what is asked."""
        from ..store.store import EntitiesById, NamesByKey

        tracker = cls.__new__(cls)
        tracker._store = store
        tracker._reset()
        names = NamesByKey(store)
        tracker.entities = Entities._over(EntitiesById(store), names, store.linked_from(), names)
        tracker.entities._covered = lambda: tracker.coverage
        return tracker

    def _reset(self) -> None:
        self._dataset: Dataset | None = None
        self._engine: Engine | None = None
        self._daily: Daily | None = None
        self._sources: dict[str, Source] | None = None
        self._explainer: Explainer | None = None
        self._answers: dict[str, _EntityAnswers] = {}
        self._days: dict[object, pendulum.Date] = {}
        self._fast: dict[str, tuple[_EntityAnswers, str, tuple[int, ...]]] = {}
        self._verdicts: dict[str, tuple[int, ...]] = {}  # question text -> restricted runs of days, for verdicts alone
        self._ordinals: dict[object, int] = {}
        self._screener: Screener | None = None
        self._locals: dict[str, tuple[Engine, Explainer]] = {}
        self._target_indexes: dict[str, dict[str, tuple[int, ...]]] = {}
        self._items: Items | None = None
        self._day_keys: tuple[Any, Any, dict[str, int]] | None = None
        self._coverage: Coverage | None = None
        self._files = ()
        self._curated = None

    def _adopt(self, dataset: Dataset) -> None:
        with paused_gc():
            engine = Engine(dataset)
            engine.by_target  # noqa: B018  # every entity's first query needs it
        self._dataset, self._engine = dataset, engine
        self._daily = Daily(engine)
        self._sources = {s.id: s for s in dataset.sources}
        self._explainer = Explainer(engine, self._sources)

    def _whole(self) -> None:
        """Decode every record of the store (for questions about all actions at once)."""
        store = self._store
        assert store is not None
        with paused_gc():
            dataset = Dataset(
                tuple(store.entity(i) for i in range(store.entity_count)),
                tuple(store.source(i) for i in range(store.source_count)),
                tuple(store.action(i) for i in range(store.action_count)),
                tuple(store.item(i) for i in range(store.item_count)),
                store.snapshots(),
            )
        self._adopt(dataset)

    @property
    def dataset(self) -> Dataset:
        """Every record (from a store: decoded on first use)."""
        if self._dataset is None:
            self._whole()
        assert self._dataset is not None
        return self._dataset

    @property
    def coverage(self) -> Coverage:
        """What data the answers cover: the curated files and their span of dates, and each official-list snapshot.

        Every answer carries it. From a store it is read from the store's header, not from the records.

        >>> from sanctiontrack import load
        >>> load().coverage.actions > 50
        True
        """
        if self._coverage is None:
            store = self._store
            found = None
            if store is not None and "coverage" in store.meta:
                try:
                    found = Coverage.from_plain(store.meta["coverage"])
                except ValueError as exc:
                    raise store.damaged(str(exc)) from None
            if found is None:
                found = coverage_of(self.dataset, self._files, self._curated)
            self._coverage = found
        return self._coverage

    @property
    def engine(self) -> Engine:
        """The engine over every action (from a store: built on first use; single-entity questions do not need it)."""
        if self._engine is None:
            self._whole()
        assert self._engine is not None
        return self._engine

    @property
    def sources(self) -> dict[str, Source]:
        """Every source by id."""
        if self._sources is None:
            self._whole()
        assert self._sources is not None
        return self._sources

    @property
    def snapshots(self) -> tuple[Snapshot, ...]:
        """The dated snapshots of official lists loaded (from a store: read from its header, no records decoded)."""
        if self._dataset is None and self._store is not None:
            return self._store.snapshots()
        return self.dataset.snapshots

    @property
    def items(self) -> Items:
        """The controlled items, resolvable by ECCN, catalogue number, description or alias (from a store: decoded on first use)."""
        if self._items is None:
            store = self._store
            if store is not None and self._dataset is None:
                self._items = Items(store.item(i) for i in range(store.item_count))
            else:
                self._items = Items(self.dataset.items)
        return self._items

    def _local(self, entity_id: str) -> tuple[Engine, Explainer]:
        """The engine and explainer for questions about one entity.

        From a store: an engine over the entity's closure only (the actions bearing on it and every
        action related to those, the entity and its owners, their sources), which evaluates as the
        whole one does. Its day index is checked against the store's, so a verdict and its
        explanation can never disagree.
        """
        store = self._store
        if store is None or self._engine is not None:
            assert self._engine is not None and self._explainer is not None
            return self._engine, self._explainer
        found = self._locals.get(entity_id)
        if found is None:
            number = store.entity_number(entity_id)
            if number is None:
                raise store.damaged(f"no entity {entity_id!r}")
            actions, entities, sources = store.closure(number)
            dataset = Dataset(
                tuple(store.entity(i) for i in entities), tuple(store.source(i) for i in sources), tuple(store.action(i) for i in actions)
            )
            engine = Engine(dataset, self._target_indexes)
            if Daily(engine).bounds(entity_id) != store.bounds(number):
                raise store.damaged(f"the days stored for {entity_id!r} disagree with its records")
            found = (engine, Explainer(engine, {s.id: s for s in dataset.sources}))
            if len(self._locals) >= 512:
                del self._locals[next(iter(self._locals))]
            self._locals[entity_id] = found
        return found

    def _bounds(self, entity_id: str) -> tuple[int, ...]:
        """The flat bounds of the entity's restricted runs of days."""
        store = self._store
        if store is None:
            assert self._daily is not None
            return self._daily.bounds(entity_id)
        number = store.entity_number(entity_id)
        if number is None:
            raise store.damaged(f"no entity {entity_id!r}")
        return store.bounds(number)

    def _build_all(self) -> None:
        """Compile every action and build every entity's day index now, rather than when first asked (before a store is written)."""
        assert self._daily is not None
        with paused_gc():
            self._daily.build_all()

    # -- lookups -----------------------------------------------------------------------------

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every action, in file order."""
        return self.dataset.actions

    def action(self, action_id: str) -> Action:
        """The action with this id; raises :class:`UnknownActionError` with suggestions.

        >>> from sanctiontrack import load
        >>> load().action("us-eo-13942-tiktok").dates.signed.text()
        '2020-08-06'
        """
        store = self._store
        if store is not None and self._engine is None:
            number = store.action_number(action_id) if isinstance(action_id, str) else None
            if number is not None:
                return store.action(number)
            ids = store.action_ids()
        else:
            found = self.engine.actions.get(action_id)
            if found is not None:
                return found
            ids = list(self.engine.actions)
        hint = did_you_mean(action_id, ids, cutoff=60)
        raise UnknownActionError(action_id, (hint,) if hint else ())

    def _day(self, value: object, field: str = "on") -> pendulum.Date:
        """Parse a query day (``field`` names the parameter in errors), remembering the answer for the next query with the same value."""
        try:
            day = parse_day(value, field)
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        if isinstance(value, (str, dt.date)) and len(self._days) < 100_000:
            self._days[value] = day
        return day

    # -- point queries -----------------------------------------------------------------------

    def restrictions(
        self,
        entity: str,
        *,
        on: str | dt.date | None = None,
        at: str | dt.datetime | None = None,
        jurisdiction: str | None = None,
    ) -> Restrictions:
        """What restricted ``entity`` on day ``on`` (or at instant ``at``), and what did not and why.

        ``entity`` is an id, a name or an alias in any script. Exactly one of ``on`` (a date or
        ``YYYY-MM-DD``; the whole calendar day in each action's own zone) or ``at`` (an aware instant)
        is required: there is no implicit "today".

        >>> from sanctiontrack import load
        >>> answer = load().restrictions("科大讯飞", on="2019-10-08")
        >>> answer.restricted, [n.reason.value for n in answer.not_operative]
        (False, ['not_yet_effective'])
        """
        if at is None and jurisdiction is None and on is not None:
            hit = self._fast.get(entity)
            if hit is None:
                hit = self._remember(entity)
            try:
                day = self._days.get(on)
            except TypeError:  # unhashable: let _day say what is wrong with it
                day = None
            if day is None:
                day = self._day(on)
            coverage = self._coverage
            return _answer(hit[0], day, hit[1], coverage if coverage is not None else self.coverage)
        if (on is None) == (at is None):
            raise QueryError("give exactly one of 'on' (a day) or 'at' (an instant)")
        jurisdiction = _jurisdiction(jurisdiction)
        found, matched = self.entities.resolve(entity)
        engine, explainer = self._local(found.id)
        if at is not None:
            instant = _instant(at)
            point = int(instant.timestamp())
            items = engine.evaluate(found.id, lambda tz: (point, point + 1), jurisdiction)
            parts = explainer.explain(found.id, items)
            charges = self._charges(found.id, lambda tz: (point, point + 1), jurisdiction)
            fixed = _Fixed(found, any(i.operative for i in items), parts, charges)
            return Restrictions(fixed, instant, matched, jurisdiction, self.coverage)
        day = self._day(on)
        ordinal = day.toordinal()
        items = engine.evaluate(found.id, lambda tz: day_window(ordinal, tz), jurisdiction)
        parts = explainer.explain(found.id, items)
        charges = self._charges(found.id, lambda tz: day_window(ordinal, tz), jurisdiction)
        return Restrictions(_Fixed(found, any(i.operative for i in items), parts, charges), day, matched, jurisdiction, self.coverage)

    def group_restrictions(
        self,
        entity: str,
        *,
        on: str | dt.date | None = None,
        at: str | dt.datetime | None = None,
        jurisdiction: str | None = None,
    ) -> tuple[Restrictions, ...]:
        """The answer of :meth:`restrictions` for every member of ``entity``'s group (see :meth:`Entities.members`), the entity first.

        Each member is answered on its own: a restriction reaches a member named by it, or through
        the ownership links valid that day when it covers subsidiaries.

        >>> from sanctiontrack import load
        >>> [(a.entity.id, a.restricted) for a in load().group_restrictions("Ant Group", on="2020-06-01")]
        [('ant-group', False), ('alipay', False)]
        >>> [(a.entity.id, a.scope) for a in load().group_restrictions("Ant Group", on="2021-01-06")][1]
        ('alipay', ('access to the app', 'app-store distribution'))
        """
        found, _ = self.entities.resolve(entity)
        if (on is None) == (at is None):
            raise QueryError("give exactly one of 'on' (a day) or 'at' (an instant)")
        day = self._day(on) if on is not None else None
        members = self.entities.members(found.id)
        if at is not None:
            return tuple(self.restrictions(m.id, at=at, jurisdiction=jurisdiction) for m in members)
        return tuple(self.restrictions(m.id, on=day, jurisdiction=jurisdiction) for m in members)

    def restricted_members(self, entity: str, *, on: str | dt.date) -> tuple[Entity, ...]:
        """The other members of ``entity``'s group that were restricted on day ``on`` (what a parent's answer names).

        >>> from sanctiontrack import load
        >>> [e.id for e in load().restricted_members("Ant Group", on="2021-01-06")]
        ['alipay']
        """
        found, _ = self.entities.resolve(entity)
        day = self._day(on)
        return tuple(m for m in self.entities.members(found.id)[1:] if self._restricted_on(m.id, day))

    def _charges(self, entity_id: str, window: Callable[[str], tuple[int, int]], jurisdiction: str | None = None) -> tuple[Charge, ...]:
        """The cases in which ``entity_id`` was a named defendant in the window (by the engine's charge periods)."""
        engine, explainer = self._local(entity_id)
        out = []
        for period in engine.charges.get(entity_id, ()):
            action = engine.actions[period.action]
            if jurisdiction is not None and action.jurisdiction != jurisdiction:
                continue
            start, end = window(action.zone)
            if intersects(((period.start, period.end),), start, end):
                out.append(explainer.charge(action, action.targets[period.target], period.start))
        return tuple(sorted(out, key=lambda c: (c.since or "", c.action.id)))

    def charges(self, entity: str, *, on: str | dt.date) -> tuple[Charge, ...]:
        """The criminal cases in which ``entity`` was a named defendant on day ``on`` (the ``charges`` of :meth:`restrictions`).

        A superseding indictment takes over from the one it supersedes on the day it was returned;
        charges never count as restrictions.

        >>> from sanctiontrack import load
        >>> [c.case for c in load().charges("Futurewei", on="2020-02-13")]
        ['Cr. No. 18-457 (S-3) (AMD)']
        """
        return self.restrictions(entity, on=on).charges

    # -- items -------------------------------------------------------------------------------

    def item_restrictions(
        self,
        query: str,
        *,
        to: str,
        on: str | dt.date | None = None,
        at: str | dt.datetime | None = None,
        from_: str | None = None,
        jurisdiction: str | None = None,
    ) -> ItemRestrictions:
        """Whether exporting the item ``query`` to country ``to`` on day ``on`` (or at instant ``at``) needed a licence, and why.

        ``query`` is an ECCN (``0D521``), a catalogue number, an item's description or an alias in any
        script, or an item id; ``to`` (and ``from_``, the country of export, when given) are ISO 3166-1
        alpha-2 codes. The answer has the shape of :meth:`restrictions`: a rule in force that excepts the
        destination is listed under ``not_operative`` with the reason ``destination_excepted``.

        >>> from sanctiontrack import load
        >>> tracker = load()
        >>> [tracker.item_restrictions("0D521", to="CN", on=day).restricted for day in ("2020-01-05", "2020-01-06")]
        [False, True]
        >>> [n.reason.value for n in tracker.item_restrictions("0D521", to="CA", on="2020-01-06").not_operative]
        ['destination_excepted']
        """
        from .reports import ItemRestrictions

        if (on is None) == (at is None):
            raise QueryError("give exactly one of 'on' (a day) or 'at' (an instant)")
        destination = self._country("to", to)
        origin = self._country("from", from_) if from_ is not None else None
        jurisdiction = _jurisdiction(jurisdiction)
        found, matched = self.items.resolve(query)
        window: Callable[[str], tuple[int, int]]
        when: pendulum.Date | pendulum.DateTime
        if at is not None:
            when = _instant(at)
            point = int(when.timestamp())
            window = lambda tz: (point, point + 1)  # noqa: E731
        else:
            when = self._day(on)
            ordinal = when.toordinal()
            window = lambda tz: day_window(ordinal, tz)  # noqa: E731
        raw = []
        seen: set[tuple[str, int]] = set()
        for item in found:
            for entry in self.engine.evaluate_item(item.id, window, destination, origin, jurisdiction):
                if (entry.action, entry.target) not in seen:
                    seen.add((entry.action, entry.target))
                    raw.append(entry)
        by_id: dict[str, ControlledItem] = {item.id: item for item in found}
        explainer = self._explainer
        assert explainer is not None  # built with self.engine
        restrictions, others = explainer.explain_item(by_id, raw, destination, origin)
        return ItemRestrictions(
            found, matched, destination, origin, when, bool(restrictions), restrictions, others, jurisdiction, self.coverage
        )

    @staticmethod
    def _country(name: str, value: object) -> str:
        if not isinstance(value, str):
            raise QueryError(f"'{name}' must be a country code like CN (got {value!r})")
        try:
            return check_country(value)
        except ValueError as exc:
            raise QueryError(f"'{name}': {exc}") from None

    def item_timeline(self, query: str, *, to: str, from_: str | None = None) -> Timeline:
        """Dated events of the actions controlling item ``query``, with whether an export to ``to`` was restricted before and after.

        >>> from sanctiontrack import load
        >>> [(e.date, e.restricted_after) for e in load().item_timeline("0D521", to="CN")][:2]
        [('2020-01-06', True), ('2020-01-06', True)]
        """
        from .reports import Timeline, TimelineEvent

        found, _ = self.items.resolve(query)
        aids: set[str] = set()
        for item in found:
            for aid, _index in self.engine.by_item.get(item.id, ()):
                aids.add(aid)
                aids.update(self.engine.compiled[aid].related_by)
        raw = self._dated(self.engine, sorted(aids))
        events: list[TimelineEvent] = []
        for _ts, text, kind, pid, action, description in raw:
            day = pendulum.from_timestamp(_ts, tz=action.zone).date()
            before = self.item_restrictions(query, to=to, on=day.subtract(days=1), from_=from_)
            after = self.item_restrictions(query, to=to, on=day, from_=from_)
            events.append(
                TimelineEvent(
                    text,
                    day,
                    kind,
                    action,
                    description,
                    before.restricted,
                    after.restricted,
                    tuple(r.action.id for r in before.restrictions),
                    tuple(r.action.id for r in after.restrictions),
                    pid,
                )
            )
        return Timeline(events, self.coverage)

    def _remember(self, query: str) -> tuple[_EntityAnswers, str, tuple[int, ...]]:
        """Resolve a name once; later queries with the same text go straight to the entity's index."""
        found, matched = self.entities.resolve(query)
        index = self._index(found.id)
        hit = (index, matched, index.bounds)
        if len(self._fast) < 100_000:
            self._fast[query] = hit
        return hit

    def _index(self, entity_id: str) -> _EntityAnswers:
        found = self._answers.get(entity_id)
        if found is None:
            found = self._answers[entity_id] = _EntityAnswers(self, self.entities[entity_id], self._bounds(entity_id))
        return found

    def segments(self, entity_id: str, bounds: tuple[int, ...]) -> list[int]:
        """The days on which the explanation for ``entity_id`` can change."""
        points = set(bounds)
        for ts, tz in self._local(entity_id)[0].breakpoints(entity_id):
            points.add(day_of(ts, tz))
            points.add(day_ceil(ts, tz))
        return sorted(p for p in points if -DAY_FOREVER < p < DAY_FOREVER)

    def explain_day(self, entity_id: str, ordinal: int) -> tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]:
        """The explanation for one entity on one day, evaluated directly."""
        engine, explainer = self._local(entity_id)
        items = engine.evaluate(entity_id, lambda tz: day_window(ordinal, tz))
        return explainer.explain(entity_id, items)

    def restricted(self, entity: str, *, on: str | dt.date | None = None, at: str | dt.datetime | None = None) -> bool:
        """Whether ``entity`` was restricted on day ``on`` (or at instant ``at``): the verdict of :meth:`restrictions` alone.

        >>> from sanctiontrack import load
        >>> load().restricted("Huawei", on="2019-05-15")
        False
        >>> [load().restricted("Huawei", at=t) for t in ("2019-05-16T16:14-04:00", "2019-05-16T16:15-04:00")]
        [False, True]
        """
        if at is not None or on is None:
            if (on is None) == (at is None):
                raise QueryError("give exactly one of 'on' (a day) or 'at' (an instant)")
            return self.restrictions(entity, at=at).restricted
        bounds = self._verdicts.get(entity)
        if bounds is None:
            bounds = self._id_bounds(entity)
        try:
            ordinal = self._ordinals.get(on)
        except TypeError:  # unhashable: let _day say what is wrong with it
            ordinal = None
        if ordinal is None:
            ordinal = self._day(on).toordinal()
            if isinstance(on, (str, dt.date)) and len(self._ordinals) < 100_000:
                self._ordinals[on] = ordinal
        return bisect_right(bounds, ordinal) & 1 == 1

    def _id_bounds(self, query: str) -> tuple[int, ...]:
        """The restricted runs of days of the entity ``query`` denotes, for a verdict alone.

        From a store, an exact id is answered from the day index without decoding the entity's
        record (an exact id is what :meth:`Entities.resolve` tries first); anything else is resolved.
        """
        store = self._store
        found = store.id_bounds(query) if store is not None and isinstance(query, str) else None
        bounds = self._remember(query)[2] if found is None else found
        if len(self._verdicts) < 100_000:
            self._verdicts[query] = bounds
        return bounds

    def restricted_many(self, entities: Sequence[str], days: Sequence[str | dt.date] | np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Verdicts for many questions at once: ``entities[i]`` on ``days[i]``, as a NumPy array of booleans.

        Each verdict is :meth:`restricted`'s. ``entities`` holds ids, names or aliases; ``days``
        holds dates or ``YYYY-MM-DD`` text, or is a NumPy ``datetime64`` array. Each distinct name
        and day is resolved once, then every question is one vectorised ``searchsorted`` over the
        entities' restricted days (the asked entities' days alone when they are a few of many). An
        unknown name raises :class:`UnknownEntityError` noting its position.

        >>> from sanctiontrack import load
        >>> load().restricted_many(["Huawei", "huawei", "科大讯飞"], ["2019-05-15", "2019-05-16", "2019-10-09"]).tolist()
        [False, True, True]
        """
        import numpy as np

        from ..model.errors import UnknownEntityError
        from ..store.build import OFFSET, SHIFT

        if isinstance(entities, (str, bytes)) or isinstance(days, (str, bytes)):
            raise QueryError("'entities' and 'days' must be sequences of the same length, not single values")
        count = len(entities)
        if len(days) != count:
            raise QueryError(f"'entities' has {count} items but 'days' has {len(days)}")
        store = self._store
        numbers: dict[str, int] = {}
        local: list[tuple[int, ...]] = []

        def number(query: str) -> int:
            found = numbers.get(query)
            if found is None:
                entity, _ = self.entities.resolve(query)
                if store is not None:
                    found = store.entity_number(entity.id)
                    if found is None:
                        raise store.damaged(f"no entity {entity.id!r}")
                else:
                    found = len(local)
                    local.append(self._bounds(entity.id))
                numbers[query] = found
            return found

        try:
            distinct = dict.fromkeys(entities)
        except TypeError:
            raise QueryError("'entities' must hold names or ids (text)") from None
        for query in distinct:
            try:
                number(query)
            except UnknownEntityError as err:
                err.add_note(f"at position {list(entities).index(query)} of 'entities'")
                raise
        ordinals = self._ordinals_of(days, count)
        if store is not None:
            keys, offsets = store.day_keys()
            asked = np.unique(np.fromiter(numbers.values(), dtype=np.int64, count=len(numbers)))
            if len(asked) * _FEW_ASKED < len(offsets) - 1:  # a few of many entities: search their days alone, which stay in cache
                lengths = offsets[asked + 1] - offsets[asked]
                kept = np.zeros(len(asked) + 1, dtype=np.int64)
                np.cumsum(lengths, out=kept[1:])
                picked = np.repeat(offsets[asked] - kept[:-1], lengths) + np.arange(kept[-1], dtype=np.int64)
                keys = keys[picked] + (np.repeat(np.arange(len(asked), dtype=np.int64) - asked, lengths) << SHIFT)  # renumbered 0..
                offsets = kept
                renumbered = dict(zip(asked.tolist(), range(len(asked)), strict=True))
                numbers = {query: renumbered[found] for query, found in numbers.items()}
        else:
            lengths = np.fromiter((len(b) for b in local), dtype=np.int64, count=len(local))
            offsets = np.zeros(len(local) + 1, dtype=np.int64)
            np.cumsum(lengths, out=offsets[1:])
            flat = np.fromiter((b for bounds in local for b in bounds), dtype=np.int64, count=int(offsets[-1]))
            keys = (np.repeat(np.arange(len(local), dtype=np.int64), lengths) << SHIFT) + flat + OFFSET
        codes = np.fromiter(map(numbers.__getitem__, entities), dtype=np.int64, count=count)  # each name resolved once, above
        needles = (codes << SHIFT) + ordinals + OFFSET
        order = np.argsort(needles, kind="stable")  # sorted needles walk the keys in order: far fewer cache misses
        at = np.empty(count, dtype=np.int64)
        at[order] = np.searchsorted(keys, needles[order], side="right")
        verdicts: np.ndarray[Any, Any] = ((at - offsets[codes]) & 1).astype(bool)
        return verdicts

    def _ordinals_of(self, days: Sequence[str | dt.date] | np.ndarray[Any, Any], count: int) -> np.ndarray[Any, Any]:
        """Day ordinals of query days given as a ``datetime64`` array or as dates or ISO text."""
        import numpy as np

        if isinstance(days, np.ndarray) and days.dtype.kind == "M":
            raw = days.astype("datetime64[D]")
            if np.isnat(raw).any():
                raise QueryError(f"'days' holds no date at position {int(np.argmax(np.isnat(raw)))}")
            ordinals: np.ndarray[Any, Any] = raw.astype(np.int64) + dt.date(1970, 1, 1).toordinal()
            bad = (ordinals < 1) | (ordinals > dt.date.max.toordinal())
            if bad.any():
                raise QueryError(f"'days' holds a date outside years 1-9999 at position {int(np.argmax(bad))}")
            return ordinals
        seen: dict[object, int] = {}
        try:
            distinct = dict.fromkeys(days)
        except TypeError:
            raise QueryError("'days' must hold dates or YYYY-MM-DD text") from None
        for value in distinct:
            try:
                seen[value] = self._day(value).toordinal()
            except QueryError as err:
                raise QueryError(f"'days'[{list(days).index(value)}]: {err}") from None
        return np.fromiter(map(seen.__getitem__, days), dtype=np.int64, count=count)

    # -- histories ---------------------------------------------------------------------------

    def timeline(self, entity: str) -> Timeline:
        """Dated events concerning ``entity``, oldest first, with the state before and after each.

        >>> from sanctiontrack import load
        >>> events = load().timeline("iFlyTek")
        >>> [(e.date, e.label) for e in events][:2]
        [('2019-10-07', 'announced'), ('2019-10-09', 'effective')]
        """
        from .reports import Timeline, TimelineEvent

        found, _ = self.entities.resolve(entity)
        engine = self._local(found.id)[0]
        related: set[str] = set()
        for aid, _index, _chains in engine.candidates(found.id):
            related.add(aid)
            related.update(engine.compiled[aid].related_by)
        for period in engine.charges.get(found.id, ()):
            related.add(period.action)
        raw = self._dated(engine, sorted(related))
        events: list[TimelineEvent] = []
        for ts, text, kind, pid, action, description in raw:
            tz = action.zone
            day = pendulum.instance(dt.datetime.fromtimestamp(ts, zone(tz))).date()
            before = self.restrictions(found.id, on=day.subtract(days=1))
            after = self.restrictions(found.id, on=day)
            events.append(
                TimelineEvent(
                    text,
                    day,
                    kind,
                    action,
                    description,
                    before.restricted,
                    after.restricted,
                    tuple(r.action.id for r in before.restrictions),
                    tuple(r.action.id for r in after.restrictions),
                    pid,
                    tuple(c.action.id for c in before.charges),
                    tuple(c.action.id for c in after.charges),
                )
            )
        return Timeline(events, self.coverage)

    @staticmethod
    def _dated(engine: Engine, aids: Iterable[str]) -> list[tuple[int, str, DateKind, str | None, Action, str]]:
        """Every dated event (action dates, prohibitions' own dates) of these actions, oldest first."""
        raw: list[tuple[int, str, DateKind, str | None, Action, str]] = []
        for aid in aids:
            action = engine.actions[aid]
            tz = action.zone
            for kind, value in action.dates.items():
                raw.append((seconds(value, tz), str(value), kind, None, action, Tracker._describe(action, kind)))
            for prohibition in action.restricts:
                for kind, maybe in ((DateKind.EFFECTIVE, prohibition.effective), (DateKind.ENDED, prohibition.ended)):
                    if maybe is not None:
                        raw.append(
                            (seconds(maybe, tz), str(maybe), kind, prohibition.id, action, f"{prohibition.id}: {prohibition.summary}")
                        )
        raw.sort(key=lambda r: (r[0], r[4].id, r[3] is not None, r[2].value, r[3] or ""))
        return raw

    def history(self, entity: str) -> tuple[ActionHistory, ...]:
        """For each action concerning ``entity``, the spans of days it was in force, suspended or lapsed.

        States: ``in_force``, ``in_force_with_exemption`` (a carve-out applied), ``suspended``
        (enjoined or stayed), ``lapsed`` (between renewals). Days outside every span: not yet in
        force, ended, or never binding. Non-binding actions appear with no spans.

        >>> from sanctiontrack import load
        >>> [(s.start.to_date_string(), s.state.value) for h in load().history("iflytek") for s in h.spans][:2]
        [('2019-10-09', 'in_force'), ('2020-02-24', 'in_force_with_exemption')]
        """
        from .reports import ActionHistory, Span

        found, _ = self.entities.resolve(entity)
        days = self._index(found.id).segments()
        rows: dict[str, dict[str, object]] = {}
        order: list[str] = []
        for position, day in enumerate(days):
            end = days[position + 1] if position + 1 < len(days) else None
            answer = self.restrictions(found.id, on=pendulum.Date.fromordinal(day))
            seen: set[str] = set()
            for r in answer.restrictions:
                state = SpanState.IN_FORCE_WITH_EXEMPTION if r.exemptions else SpanState.IN_FORCE
                operative = ", ".join(p.id for p in r.operative)
                detail = "; ".join(c.purpose or c.action.title for c in r.exemptions) if r.exemptions else f"operative: {operative}"
                self._extend(rows, order, r.action, r.basis, r.via, day, end, state, detail)
                seen.add(r.action.id)
            for n in answer.not_operative:
                if n.action.id in seen:
                    continue
                paused = _PAUSED.get(n.reason)
                self._extend(rows, order, n.action, n.basis, n.via, day, end, paused, n.explanation)
        out = []
        for aid in order:
            row = rows[aid]
            spans = tuple(
                Span(pendulum.Date.fromordinal(a), pendulum.Date.fromordinal(b) if b is not None else None, state, detail)
                for a, b, state, detail in row["spans"]  # type: ignore[attr-defined]
            )
            out.append(ActionHistory(row["action"], row["basis"], row["via"], spans))  # type: ignore[arg-type]
        return tuple(out)

    @staticmethod
    def _extend(
        rows: dict[str, dict[str, object]],
        order: list[str],
        action: Action,
        basis: Basis,
        via: tuple[Link, ...],
        day: int,
        end: int | None,
        state: SpanState | None,
        detail: str,
    ) -> None:
        row = rows.get(action.id)
        if row is None:
            row = rows[action.id] = {"action": action, "basis": basis, "via": via, "spans": []}
            order.append(action.id)
        if state is None:
            return
        spans: list[list[object]] = row["spans"]  # type: ignore[assignment]
        if spans and spans[-1][1] == day and spans[-1][2] == state and spans[-1][3] == detail:
            spans[-1][1] = end
        else:
            spans.append([day, end, state, detail])

    @staticmethod
    def _describe(action: Action, kind: DateKind) -> str:
        verb = action.kind.issued if kind is DateKind.SIGNED else kind.verb
        rel = "; ".join(f"{r.type.value} {r.action}" for r in action.relations)
        return f"{action.title} {verb}" + (f" ({rel})" if rel and kind is DateKind.EFFECTIVE else "")

    def diff(self, entity: str, start: str | dt.date, end: str | dt.date) -> Diff:
        """What came into and went out of force for ``entity`` between two days.

        >>> from sanctiontrack import load
        >>> change = load().diff("iFlyTek", "2019-10-08", "2019-10-09")
        >>> change.restricted_before, change.restricted_after, [c.action.id for c in change.came_into_force]
        (False, True, ['us-bis-2019-xinjiang-entity-list'])
        """
        from .reports import Change, Diff

        first, last = self._day(start, "start"), self._day(end, "end")
        if last < first:
            raise QueryError(f"'end' ({last}) must not be before 'start' ({first})")
        before = self.restrictions(entity, on=first)
        after = self.restrictions(entity, on=last)
        old = {r.action.id: r for r in before.restrictions}
        new = {r.action.id: r for r in after.restrictions}
        came = tuple(Change(r.action, ChangeKind.CAME_INTO_FORCE, r.explanation) for aid, r in new.items() if aid not in old)
        left_reasons = {n.action.id: n.explanation for n in after.not_operative}
        went = tuple(
            Change(r.action, ChangeKind.WENT_OUT_OF_FORCE, left_reasons.get(aid, "no longer concerns this entity"))
            for aid, r in old.items()
            if aid not in new
        )
        events = tuple(e for e in self.timeline(before.entity.id) if first < e.day <= last)
        return Diff(before.entity, first, last, before.restricted, after.restricted, came, went, events, self.coverage)

    def in_force(
        self,
        *,
        on: str | dt.date,
        jurisdiction: str | None = None,
        kind: str | ActionKind | None = None,
        authority: str | None = None,
        operative_only: bool = False,
    ) -> tuple[Action, ...]:
        """Every binding action operative on day ``on``, optionally filtered.

        ``authority`` matches case-insensitively anywhere in the authority's name. With
        ``operative_only``, only what restricts or carves out that day: actions with a prohibition in
        force and exemptions in force, not the revocations, removals, court orders and directives that
        restrict nothing by themselves.

        >>> from sanctiontrack import load
        >>> ids = [a.id for a in load().in_force(on="2020-02-20", jurisdiction="US", kind="entity_list_addition")]
        >>> "us-bis-2019-huawei-entity-list" in ids
        True
        """
        day = self._day(on).toordinal()
        wanted_kind = _kind(kind)
        jurisdiction = _jurisdiction(jurisdiction)
        out = []
        for action in self.dataset.actions:
            if jurisdiction is not None and action.jurisdiction != jurisdiction:
                continue
            if wanted_kind is not None and action.kind is not wanted_kind:
                continue
            if authority is not None and authority.casefold() not in action.authority.casefold():
                continue
            if operative_only and not (action.restricts or action.kind is ActionKind.EXEMPTION):
                continue
            if self.engine.in_force(action.id, *day_window(day, action.zone)):
                out.append(action)
        return tuple(out)

    # -- screening ---------------------------------------------------------------------------

    def screen(self, names: Iterable[str], *, on: str | dt.date, threshold: float = 85.0, limit: int = 3) -> tuple[ScreenResult, ...]:
        """For each name, the best-matching entities (score 0–100) and whether each was restricted on ``on``.

        Names are compared by their normalized keys. A known name scores the highest of its whole-name
        similarity (misspellings), the same with the words of each in order, and 90 when every word of
        one name is a word of the other; an exact match scores 100. Each entity counts once, with its
        best name; entities rank by score, then whole-name similarity, then id. ``threshold`` is the
        lowest score kept (above 0, at most 100).

        >>> from sanctiontrack import load
        >>> [(r.query, [m.entity.id for m in r.matches]) for r in load().screen(["IFLYTEK CO LTD", "Acme Widgets"], on="2020-03-01")]
        [('IFLYTEK CO LTD', ['iflytek']), ('Acme Widgets', [])]
        """
        if not 0 < threshold <= 100:
            raise QueryError(f"threshold must be above 0 and at most 100, got {threshold!r}")
        if limit < 1:
            raise QueryError(f"limit must be at least 1, got {limit!r}")
        if isinstance(names, (str, bytes)):
            raise QueryError(f"'names' must be a list of names, not one name (got {names!r}; write [{names!r}] to screen it)")
        day = self._day(on)
        with paused_gc():  # hundreds of thousands of acyclic containers: collections over them would find nothing
            return self._screened(list(names), day, threshold, limit)

    def _screened(self, names: list[str], day: pendulum.Date, threshold: float, limit: int) -> tuple[ScreenResult, ...]:
        """:meth:`screen` of checked arguments."""
        from .reports import ScreenMatch, ScreenResult

        keys = [name_key(n) for n in names]
        if self._screener is None:
            if self._store is not None:  # arranged when the store was built
                self._screener = self._store.screener()
            else:
                from ..screen.score import Screener  # numpy and the scorer, loaded by the first screening only

                self._screener = Screener(self.entities._name_keys())
        distinct = list(dict.fromkeys(key for key in keys if key))
        scored = dict(zip(distinct, self._screener.scores(distinct, threshold), strict=True))
        # Each known key that matched is looked up once, in bulk; each entity found once; each screened key ranked once.
        choices = list(dict.fromkeys(choice for hits in scored.values() for choice in hits))
        named = dict(zip(choices, self.entities._named_many(choices), strict=True))
        found: dict[str, tuple[Entity, bool]] = {}  # entity id -> (entity, restricted on the day)
        answers: dict[str, tuple[ScreenMatch, ...]] = {}
        coverage = self.coverage
        results: list[ScreenResult] = []
        for query, key in zip(names, keys, strict=True):
            matches = answers.get(key)
            if matches is None:
                best: dict[str, tuple[float, float, str]] = {}  # entity id -> (score, closeness, name)
                for choice, (score, closeness) in scored.get(key, {}).items():
                    for _, entity_id, name in named[choice]:
                        prior = best.get(entity_id)
                        if prior is None or (score, closeness, prior[2]) > (prior[0], prior[1], name):
                            best[entity_id] = (score, closeness, name)
                ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))[:limit]
                picked = []
                for entity_id, (score, _, name) in ranked:
                    entity = found.get(entity_id)
                    if entity is None:
                        entity = found[entity_id] = (self.entities[entity_id], self._restricted_on(entity_id, day))
                    picked.append(ScreenMatch(entity[0], name, score, entity[1]))
                matches = answers[key] = tuple(picked)
            results.append(ScreenResult(query, matches, coverage))
        return tuple(results)

    def _restricted_on(self, entity_id: str, day: pendulum.Date) -> bool:
        return restricted_on(self._bounds(entity_id), day.toordinal())
