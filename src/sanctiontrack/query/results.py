"""What queries return: frozen records that say what applied, on what basis, and what did not and why."""

from __future__ import annotations

import enum
from typing import Protocol

import attrs
import pendulum

from ..model.records import Action, Entity, Evidence, Link, Prohibition, Source, Target
from ..model.vocabulary import DateKind, Reason, State

__all__ = [
    "ActionHistory",
    "Basis",
    "CarveOut",
    "Change",
    "Citation",
    "Diff",
    "EntityMatch",
    "NotOperative",
    "ProhibitionStatus",
    "Restriction",
    "Restrictions",
    "ScreenMatch",
    "ScreenResult",
    "Span",
    "Status",
    "TimelineEvent",
]


class Basis(enum.Enum):
    """Why a restriction reaches an entity: named in the action, or owned by a named target."""

    NAMED = "named"
    AFFILIATE = "affiliate"


class Status(enum.Enum):
    """How an operative restriction stands."""

    IN_FORCE = "in_force"
    PARTLY_SUSPENDED = "in_force_partly_suspended"


@attrs.frozen(slots=True)
class Citation:
    """A source behind an action, with the quote or locator the action's evidence gives."""

    source: Source
    evidence: Evidence


@attrs.frozen(slots=True)
class CarveOut:
    """An exemption or license in force that carves something out of a restriction."""

    action: Action
    purpose: str | None
    prohibitions: tuple[str, ...]
    entities: tuple[str, ...]


@attrs.frozen(slots=True)
class ProhibitionStatus:
    """One prohibition of a restriction and how it stands: operative, suspended, pending, ended."""

    prohibition: Prohibition
    state: State
    date: str | None = None
    by: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Restriction:
    """A binding restriction operative on the entity at the time asked."""

    action: Action
    status: Status
    basis: Basis
    target: Target
    via: tuple[Link, ...]
    prohibitions: tuple[ProhibitionStatus, ...]
    exemptions: tuple[CarveOut, ...]
    sources: tuple[Citation, ...]
    explanation: str

    @property
    def operative(self) -> tuple[Prohibition, ...]:
        """The prohibitions operative at the time asked."""
        return tuple(p.prohibition for p in self.prohibitions if p.state is State.OPERATIVE)


@attrs.frozen(slots=True)
class NotOperative:
    """An action that concerns the entity but did not restrict it then, with the reason."""

    action: Action
    reason: Reason
    explanation: str
    basis: Basis
    via: tuple[Link, ...] = ()
    date: str | None = None
    by: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()


class _Source(Protocol):
    """Where a :class:`Restrictions` gets its verdict and explanation for the time asked."""

    entity: Entity

    def verdict(self, when: pendulum.Date | pendulum.DateTime) -> bool: ...

    def parts(self, when: pendulum.Date | pendulum.DateTime) -> tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]: ...


class _Fixed:
    """An answer worked out in full at query time (instant and jurisdiction queries)."""

    __slots__ = ("_parts", "_restricted", "entity")

    def __init__(self, entity: Entity, restricted: bool, parts: tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]) -> None:
        self.entity = entity
        self._restricted = restricted
        self._parts = parts

    def verdict(self, when: pendulum.Date | pendulum.DateTime) -> bool:
        return self._restricted

    def parts(self, when: pendulum.Date | pendulum.DateTime) -> tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]:
        return self._parts


@attrs.frozen(slots=True)
class Restrictions:
    """The answer to "what restrictions applied to this entity on this day (or at this instant), and why?".

    ``restricted`` is true only if a binding restriction was operative. ``restrictions`` lists those
    restrictions with their basis, carve-outs and sources; ``not_operative`` lists the actions that
    concern the entity but did not apply, each with its reason. For day queries the explanation is
    worked out on first access and shared by every answer about the same span of days.
    """

    _source: _Source = attrs.field(repr=False, eq=False, alias="source")
    when: pendulum.Date | pendulum.DateTime
    matched: str | None

    @property
    def entity(self) -> Entity:
        """The entity the query resolved to."""
        return self._source.entity

    @property
    def restricted(self) -> bool:
        """True if a binding restriction was operative then."""
        return self._source.verdict(self.when)

    @property
    def on(self) -> pendulum.Date | None:
        """The day asked about (None for an instant query)."""
        return None if isinstance(self.when, pendulum.DateTime) else self.when

    @property
    def at(self) -> pendulum.DateTime | None:
        """The instant asked about (None for a day query)."""
        return self.when if isinstance(self.when, pendulum.DateTime) else None

    @property
    def restrictions(self) -> tuple[Restriction, ...]:
        """The operative restrictions."""
        return self._source.parts(self.when)[0]

    @property
    def not_operative(self) -> tuple[NotOperative, ...]:
        """Actions concerning the entity that did not restrict it, with the reason."""
        return self._source.parts(self.when)[1]


@attrs.frozen(slots=True)
class TimelineEvent:
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

    @property
    def label(self) -> str:
        """The event as people read it: ``effective``, or ``prohibition effective`` for one prohibition's own date."""
        return f"prohibition {self.event.value}" if self.prohibition is not None else self.event.value


@attrs.frozen(slots=True)
class Change:
    """An action that came into or went out of force for an entity between two days."""

    action: Action
    change: str
    explanation: str


@attrs.frozen(slots=True)
class Diff:
    """What changed for an entity between two days: restrictions added and removed, and the events between."""

    entity: Entity
    start: pendulum.Date
    end: pendulum.Date
    restricted_before: bool
    restricted_after: bool
    came_into_force: tuple[Change, ...]
    went_out_of_force: tuple[Change, ...]
    events: tuple[TimelineEvent, ...]


@attrs.frozen(slots=True)
class Span:
    """A run of days over which an action stood the same way for an entity (``end`` is exclusive)."""

    start: pendulum.Date
    end: pendulum.Date | None
    state: str
    detail: str


@attrs.frozen(slots=True)
class ActionHistory:
    """How one action bore on an entity over time: spans in force, suspended, carved out or lapsed."""

    action: Action
    basis: Basis
    via: tuple[Link, ...]
    spans: tuple[Span, ...]


@attrs.frozen(slots=True)
class EntityMatch:
    """An entity found by a name search, with the name that matched and the score (0–100)."""

    entity: Entity
    name: str
    score: float


@attrs.frozen(slots=True)
class ScreenMatch:
    """A candidate entity for a screened name, and whether it was restricted on the day asked."""

    entity: Entity
    name: str
    score: float
    restricted: bool


@attrs.frozen(slots=True)
class ScreenResult:
    """The best matches for one screened name."""

    query: str
    matches: tuple[ScreenMatch, ...]

    @property
    def hit(self) -> bool:
        """True if any match was restricted on the day asked."""
        return any(m.restricted for m in self.matches)
