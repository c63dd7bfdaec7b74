"""What the other questions return: an item's export, timelines, diffs, action histories, entity matches, links and screening.

Kept apart from :mod:`.results` (a party's answer for a day or an instant, the commonest question)
so that answering that one does not generate these classes at import.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from ..model.dates import DateValue
from ..model.records import Action, ControlledItem, Entity, Link
from ..model.vocabulary import Basis, ChangeKind, DateKind, LinkRelation, SpanState
from .coverage import Coverage
from .results import NotOperative, Restriction, _Plain

__all__ = [
    "ActionHistory",
    "Change",
    "Diff",
    "EntityMatch",
    "ItemRestrictions",
    "Related",
    "ScreenMatch",
    "ScreenResult",
    "Span",
    "Timeline",
    "TimelineEvent",
]


@attrs.frozen(slots=True, repr=False)
class ItemRestrictions(_Plain):
    """The answer to "may this item be exported to this destination on this day (or at this instant), and why?".

    Shaped like :class:`Restrictions`: ``restricted`` is true only if a binding restriction on the item
    reached the export then; ``restrictions`` lists those (basis ``controlled``), ``not_operative`` the
    actions controlling the item that did not, each with its reason (``destination_excepted`` for a
    rule that excepts the destination, ``lapsed`` between renewals, ...). ``items`` are the controlled
    items the query resolved to (one, unless an ECCN is shared).
    """

    items: tuple[ControlledItem, ...]
    matched: str
    destination: str
    origin: str | None
    when: pendulum.Date | pendulum.DateTime
    restricted: bool
    restrictions: tuple[Restriction, ...]
    not_operative: tuple[NotOperative, ...]
    jurisdiction: str | None = None
    coverage: Coverage | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def outside(self) -> str | None:
        """Why the time asked lies before or after what the data covers, or None when it lies within."""
        return self.coverage.outside(self.when) if self.coverage is not None else None

    @property
    def item(self) -> ControlledItem:
        """The first item the query resolved to."""
        return self.items[0]

    @property
    def on(self) -> pendulum.Date | None:
        """The day asked about (None for an instant query)."""
        return None if isinstance(self.when, pendulum.DateTime) else self.when

    @property
    def at(self) -> pendulum.DateTime | None:
        """The instant asked about (None for a day query)."""
        return self.when if isinstance(self.when, pendulum.DateTime) else None


@attrs.frozen(slots=True, repr=False)
class TimelineEvent(_Plain):
    """One dated event in an entity's history, with whether the entity was restricted before and after."""

    date: str
    day: pendulum.Date
    event: DateKind
    action: Action
    description: str
    restricted_before: bool
    restricted_after: bool
    in_force_before: tuple[str, ...]
    in_force_after: tuple[str, ...]
    prohibition: str | None = None
    charges_before: tuple[str, ...] = ()
    charges_after: tuple[str, ...] = ()

    @property
    def charged(self) -> tuple[str, ...]:
        """The charging instruments under which the entity became a defendant on this event's day."""
        return tuple(a for a in self.charges_after if a not in self.charges_before)

    @property
    def label(self) -> str:
        """The event as people read it: ``effective``, or ``prohibition effective`` for one prohibition's own date."""
        return f"prohibition {self.event.value}" if self.prohibition is not None else self.event.value

    def _item_name(self) -> str | None:
        return f"{self.date} {self.label} {self.action.id}"


class Timeline(_Plain, tuple[TimelineEvent, ...]):
    """An entity's (or an item's) dated events, oldest first: a tuple of :class:`TimelineEvent` that also says what data it covers.

    >>> Timeline((), None).coverage is None, Timeline(()) == ()
    (True, True)
    """

    coverage: Coverage | None

    def __new__(cls, events: Iterable[TimelineEvent], coverage: Coverage | None = None) -> Timeline:
        self = super().__new__(cls, events)
        self.coverage = coverage
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (Timeline, (tuple(self), self.coverage))

    def __repr__(self) -> str:
        first = f", first={self[0].date}" if self else ""
        return f"Timeline({len(self)} events{first})"


@attrs.frozen(slots=True, repr=False)
class Change(_Plain):
    """An action that came into or went out of force for an entity between two days."""

    action: Action
    change: ChangeKind
    explanation: str


@attrs.frozen(slots=True, repr=False)
class Diff(_Plain):
    """What changed for an entity between two days: restrictions added and removed, and the events between."""

    entity: Entity
    start: pendulum.Date
    end: pendulum.Date
    restricted_before: bool
    restricted_after: bool
    came_into_force: tuple[Change, ...]
    went_out_of_force: tuple[Change, ...]
    events: tuple[TimelineEvent, ...]
    coverage: Coverage | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def outside(self) -> str | None:
        """Why either day lies before or after what the data covers, or None when both lie within."""
        if self.coverage is None:
            return None
        notes = [n for n in (self.coverage.outside(self.start), self.coverage.outside(self.end)) if n]
        return "; ".join(dict.fromkeys(notes)) or None


@attrs.frozen(slots=True, repr=False)
class Span(_Plain):
    """A run of days over which an action stood the same way for an entity (``end`` is exclusive)."""

    start: pendulum.Date
    end: pendulum.Date | None
    state: SpanState
    detail: str


@attrs.frozen(slots=True, repr=False)
class ActionHistory(_Plain):
    """How one action bore on an entity over time: spans in force, suspended, carved out or lapsed."""

    action: Action
    basis: Basis
    via: tuple[Link, ...]
    spans: tuple[Span, ...]


@attrs.frozen(slots=True, repr=False)
class EntityMatch(_Plain):
    """An entity found by a name search, with the name that matched and the score (0–100)."""

    entity: Entity
    name: str
    score: float


@attrs.frozen(slots=True, repr=False)
class Related(_Plain):
    """Another entity linked to the one asked about: what it is to it (``role``), the link's relation, dates, sources and note.

    ``direction`` says whose link it is: ``from`` the entity asked about (it is a subsidiary,
    brand, part or affiliate of ``entity``), or ``to`` it (``entity`` is its subsidiary, ...).
    ``sources`` are source ids.
    """

    entity: Entity
    role: str
    relation: LinkRelation
    direction: str
    start: DateValue | None
    until: DateValue | None
    sources: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(slots=True, repr=False)
class ScreenMatch(_Plain):
    """A candidate entity for a screened name, and whether it was restricted on the day asked."""

    entity: Entity
    name: str
    score: float
    restricted: bool


@attrs.frozen(slots=True, repr=False)
class ScreenResult(_Plain):
    """The best matches for one screened name, and what data they were sought in.

    ``status`` tells a clean result from a name the data does not cover: ``restricted`` (a match
    was restricted on the day), ``not_restricted`` (matches, none restricted) or ``not_covered`` (no
    match in the data covered: not the same as not restricted).
    """

    query: str
    matches: tuple[ScreenMatch, ...]
    coverage: Coverage | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def hit(self) -> bool:
        """True if any match was restricted on the day asked."""
        return any(m.restricted for m in self.matches)

    @property
    def status(self) -> str:
        """``restricted``, ``not_restricted`` (matched, none restricted) or ``not_covered`` (no match in the data covered)."""
        return "restricted" if self.hit else "not_restricted" if self.matches else "not_covered"
