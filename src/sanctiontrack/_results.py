"""What queries return: frozen records that say what applied, on what basis, and what did not and why."""

from __future__ import annotations

import enum

import attrs
import pendulum

from ._engine import Reason, State
from ._model import Action, Entity, Evidence, Link, Prohibition, Source, Target

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


@attrs.define(slots=True)
class _Details:
    """Lazily built explanation of a segment (shared by every query that falls in it)."""

    restrictions: tuple[Restriction, ...]
    not_operative: tuple[NotOperative, ...]


@attrs.frozen(slots=True)
class Restrictions:
    """The answer to "what restrictions applied to this entity on this day (or at this instant), and why?".

    ``restricted`` is true only if a binding restriction was operative. ``restrictions`` lists those
    restrictions with their basis, carve-outs and sources; ``not_operative`` lists the actions that
    concern the entity but did not apply, each with its reason.
    """

    entity: Entity
    on: pendulum.Date | None
    at: pendulum.DateTime | None
    matched: str | None
    restricted: bool
    _details: _Details = attrs.field(repr=False, eq=False, alias="details")

    @property
    def restrictions(self) -> tuple[Restriction, ...]:
        """The operative restrictions."""
        return self._details.restrictions

    @property
    def not_operative(self) -> tuple[NotOperative, ...]:
        """Actions concerning the entity that did not restrict it, with the reason."""
        return self._details.not_operative

    @property
    def when(self) -> str:
        """The day or instant asked about, as text."""
        return self.on.to_date_string() if self.on is not None else self.at.isoformat() if self.at is not None else ""


@attrs.frozen(slots=True)
class TimelineEvent:
    """One dated event in an entity's history, with whether the entity was restricted before and after."""

    date: str
    day: pendulum.Date
    event: str
    action: Action
    description: str
    restricted_before: bool
    restricted_after: bool
    in_force_before: tuple[str, ...]
    in_force_after: tuple[str, ...]


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
