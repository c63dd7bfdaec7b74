"""What a party's question returns: frozen records that say what applied, on what basis, and what did not and why.

The other questions' results (items, timelines, diffs, matches, screening) are in :mod:`.reports`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Protocol

import attrs
import pendulum

from ..model.dates import DateValue
from ..model.records import Action, ControlledItem, Entity, Evidence, Link, Prohibition, Source, Target
from ..model.vocabulary import Basis, Category, Reason, State, Status
from .coverage import Coverage

__all__ = [
    "Basis",
    "CarveOut",
    "Charge",
    "Citation",
    "Coverage",
    "NotOperative",
    "ProhibitionStatus",
    "Restriction",
    "Restrictions",
    "Status",
    "scope_of",
]


def _brief(value: object) -> str:
    """A value as a short repr shows it: records by their id, long text cut, long tuples counted."""
    if isinstance(value, (Action, Entity, Source, Prohibition, ControlledItem)):
        return value.id
    if isinstance(value, Target):
        return value.entity or value.item or "?"
    if isinstance(value, Evidence):
        return value.source
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        shown = [_key(v) for v in value[:3]]
        more = [f"+{len(value) - 3} more"] if len(value) > 3 else []
        return "(" + ", ".join([*shown, *more]) + ")"
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    return str(value)


def _key(value: object) -> str:
    """An item of a tuple in a short repr: a nested result by what it is about (its action, prohibition or entity)."""
    if isinstance(value, ProhibitionStatus):
        return f"{value.prohibition.id}: {value.state.value}"
    named = value._item_name() if isinstance(value, _Plain) else None
    if named is not None:
        return named
    for name in ("action", "entity", "source", "prohibition"):
        inner = getattr(value, name, None) if isinstance(value, _Plain) else None
        if inner is not None:
            return _brief(inner)
    if isinstance(value, _Plain):
        return type(value).__name__
    return _brief(value)


class _Plain:
    """What every result can do: become plain data (``to_dict``) or JSON text (``to_json``), and show a short ``repr``.

    The plain data is the CLI's ``--format json`` (``query/jsonify.py``), so scripts see one shape.
    A ``repr`` names records by id and counts long lists, so printing a timeline event shows one line
    rather than the whole action it belongs to.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """This result as plain data: dicts, lists, text, numbers, booleans and None (JSON-ready)."""
        from .jsonify import plain

        return plain(self)

    def to_json(self, indent: int | None = 2) -> str:
        """This result as JSON text (UTF-8 characters kept as they are)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def _item_name(self) -> str | None:
        """How an item of a tuple names this result in a short ``repr``; None: by what it is about."""
        return None

    def _shown(self) -> list[tuple[str, object]]:
        fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(type(self))  # type: ignore[arg-type]
        return [(f.name, getattr(self, f.name)) for f in fields if f.repr and not f.name.startswith("_")]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{name}={_brief(value)}" for name, value in self._shown()) + ")"


@attrs.frozen(slots=True, repr=False)
class Citation(_Plain):
    """A source behind an action, with the quote or locator the action's evidence gives."""

    source: Source
    evidence: Evidence


@attrs.frozen(slots=True, repr=False)
class CarveOut(_Plain):
    """An exemption or license in force that carves something out of a restriction."""

    action: Action
    purpose: str | None
    prohibitions: tuple[str, ...]
    entities: tuple[str, ...]


@attrs.frozen(slots=True, repr=False)
class ProhibitionStatus(_Plain):
    """One prohibition of a restriction and how it stands: operative, suspended, pending, ended."""

    prohibition: Prohibition
    state: State
    date: str | None = None
    by: tuple[str, ...] = ()


@attrs.frozen(slots=True, repr=False)
class Restriction(_Plain):
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

    @property
    def scope(self) -> tuple[str, ...]:
        """What the operative prohibitions restrict, in words (``government devices only``, ``exports of controlled items``)."""
        return scope_of(self.operative)


@attrs.frozen(slots=True, repr=False)
class NotOperative(_Plain):
    """An action that concerns the entity but did not restrict it then, with the reason."""

    action: Action
    reason: Reason
    explanation: str
    basis: Basis
    via: tuple[Link, ...] = ()
    date: str | None = None
    by: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()


@attrs.frozen(slots=True, repr=False)
class Charge(_Plain):
    """A criminal case in which the entity was a named defendant at the time asked (never a restriction).

    ``document`` says which charging instrument (``indictment`` or ``superseding indictment``);
    ``case`` and ``court`` come from its court docket; ``returned`` is the day the grand jury
    returned it, ``unsealed`` the day it reached the public docket (or was announced); ``since`` the
    first day the defendant counts as charged under it.
    """

    action: Action
    document: str
    case: str | None
    court: str | None
    returned: DateValue | None
    unsealed: DateValue | None
    since: str | None
    target: Target
    sources: tuple[Citation, ...] = ()


def scope_of(prohibitions: Iterable[Prohibition]) -> tuple[str, ...]:
    """What some prohibitions restrict, in words, each once and in order: a category's ``reach``, or the summary for ``other``.

    >>> from sanctiontrack.model.records import Prohibition
    >>> scope_of([Prohibition("a", Category.GOVERNMENT_DEVICES, "No TikTok on agency phones.")])
    ('government devices only',)
    """
    return tuple(dict.fromkeys(p.summary.strip() if p.category is Category.OTHER else p.category.reach for p in prohibitions))


class _Source(Protocol):
    """Where a :class:`Restrictions` gets its verdict and explanation for the time asked."""

    entity: Entity

    def verdict(self, when: pendulum.Date | pendulum.DateTime) -> bool: ...

    def parts(self, when: pendulum.Date | pendulum.DateTime) -> tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]: ...

    def charges(self, when: pendulum.Date | pendulum.DateTime) -> tuple[Charge, ...]: ...


class _Fixed:
    """An answer worked out in full (instant and jurisdiction queries, and answers that were pickled or copied)."""

    __slots__ = ("_charges", "_parts", "_restricted", "entity")

    def __reduce__(self) -> tuple[object, ...]:
        return (_Fixed, (self.entity, self._restricted, self._parts, self._charges))

    def __init__(
        self,
        entity: Entity,
        restricted: bool,
        parts: tuple[tuple[Restriction, ...], tuple[NotOperative, ...]],
        charges: tuple[Charge, ...] = (),
    ) -> None:
        self.entity = entity
        self._restricted = restricted
        self._parts = parts
        self._charges = charges

    def verdict(self, when: pendulum.Date | pendulum.DateTime) -> bool:
        return self._restricted

    def parts(self, when: pendulum.Date | pendulum.DateTime) -> tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]:
        return self._parts

    def charges(self, when: pendulum.Date | pendulum.DateTime) -> tuple[Charge, ...]:
        return self._charges


@attrs.frozen(slots=True, eq=False, repr=False)
class Restrictions(_Plain):
    """The answer to "what restrictions applied to this entity on this day (or at this instant), and why?".

    ``restricted`` is true only if a binding restriction was operative. ``restrictions`` lists those
    restrictions with their basis, carve-outs and sources; ``not_operative`` lists the actions that
    concern the entity but did not apply, each with its reason. ``charges`` lists the criminal cases in
    which the entity was a named defendant then, apart from ``restricted`` (charges restrict nothing).
    For day queries the explanation is worked out on first access and shared by every answer about
    the same span of days.

    Answers compare by what they say (entity, time, jurisdiction, verdict and explanation), and a
    pickled or copied answer carries its explanation with it. ``coverage`` says what data the answer
    covers (it travels with a pickled answer but takes no part in comparisons); ``outside`` flags a
    time before or after it.
    """

    _source: _Source = attrs.field(repr=False, alias="source")
    when: pendulum.Date | pendulum.DateTime
    matched: str | None
    jurisdiction: str | None = None
    coverage: Coverage | None = attrs.field(default=None, repr=False)

    # Comparison and pickling are written out because the explanation is computed on demand from a
    # shared source: attrs would compare (and pickle) the source object, not what the answer says.
    def _content(self) -> tuple[object, ...]:
        return (
            self.entity.id,
            self.when,
            self.matched,
            self.jurisdiction,
            self.restricted,
            self.restrictions,
            self.not_operative,
            self.charges,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Restrictions):
            return NotImplemented
        return self._content() == other._content()

    def __hash__(self) -> int:
        return hash((self.entity.id, self.when, self.matched, self.jurisdiction, self.restricted))

    def __reduce__(self) -> tuple[object, ...]:
        settled = _Fixed(self.entity, self.restricted, (self.restrictions, self.not_operative), self.charges)
        return (Restrictions, (settled, self.when, self.matched, self.jurisdiction, self.coverage))

    @property
    def status(self) -> str:
        """``restricted`` or ``not_restricted`` (in the data covered); a name the data does not know raises instead."""
        return "restricted" if self.restricted else "not_restricted"

    @property
    def outside(self) -> str | None:
        """Why the time asked lies before or after what the data covers, or None when it lies within."""
        return self.coverage.outside(self.when) if self.coverage is not None else None

    def _shown(self) -> list[tuple[str, object]]:
        when = self.when.isoformat() if isinstance(self.when, pendulum.DateTime) else self.when.to_date_string()
        shown: list[tuple[str, object]] = [("entity", self.entity), ("when", when), ("restricted", self.restricted)]
        if self.jurisdiction:
            shown.append(("jurisdiction", self.jurisdiction))
        return [*shown, ("restrictions", self.restrictions), ("not_operative", self.not_operative), ("charges", self.charges)]

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

    @property
    def charges(self) -> tuple[Charge, ...]:
        """The criminal cases in which the entity was a named defendant then (they never count as restrictions)."""
        return self._source.charges(self.when)

    @property
    def scope(self) -> tuple[str, ...]:
        """What the operative restrictions restrict, together (empty when nothing is restricted).

        ``("government devices only",)`` says a restricted entity is restricted on government devices
        and nowhere else.
        """
        return scope_of(tuple(p for r in self.restrictions for p in r.operative))


_SET_SOURCE, _SET_WHEN, _SET_MATCHED, _SET_JURISDICTION, _SET_COVERAGE = (
    Restrictions.__dict__[name].__set__ for name in ("_source", "when", "matched", "jurisdiction", "coverage")
)


def _answer(source: _Source, when: pendulum.Date, matched: str | None, coverage: Coverage | None) -> Restrictions:
    """``Restrictions(source, when, matched, None, coverage)``, made by setting its slots directly: the fast path of a day query.

    attrs' frozen ``__init__`` sets each field through ``object.__setattr__``; the class has no
    validators, converters or post-init, so setting the slots gives the same answer in less time.
    """
    answer: Restrictions = object.__new__(Restrictions)
    _SET_SOURCE(answer, source)
    _SET_WHEN(answer, when)
    _SET_MATCHED(answer, matched)
    _SET_JURISDICTION(answer, None)
    _SET_COVERAGE(answer, coverage)
    return answer
