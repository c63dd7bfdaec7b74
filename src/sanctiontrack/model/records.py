"""The records the library hands back: frozen, slotted attrs classes mirroring the action file.

These carry validated data only; the action file's schema (and its error messages) lives in
``io.schema``. Their vocabulary (kinds, roles, relation types) lives in ``model.vocabulary``.
"""

from __future__ import annotations

import attrs

from .dates import DEFAULT_TIMEZONES, Confidence, DateValue
from .vocabulary import (
    ActionKind,
    Category,
    DateKind,
    EntityKind,
    InstrumentType,
    ItemKind,
    LinkRelation,
    OfficialList,
    RelationType,
    Role,
    Scope,
    SourceKind,
)


@attrs.frozen(slots=True)
class Note:
    """A dated note recording a judgement call or what was tried."""

    date: DateValue
    text: str


@attrs.frozen(slots=True)
class Alias:
    """Another name of an entity, with its language or script tag and where it is used."""

    name: str
    lang: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Link:
    """A dated ownership or affiliation link from an entity to another (``entity``)."""

    relation: LinkRelation
    entity: str
    start: DateValue | None = None
    until: DateValue | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(slots=True)
class Identifier:
    """An identifier a list or registry gives an entity: ``scheme`` says whose (``csl`` for a CSL row's ``_id``).

    >>> Identifier("csl", "986d3f15a6adf1e1e6b5674715ad657adbf8d048").scheme
    'csl'
    """

    scheme: str
    value: str
    sources: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Entity:
    """A company, app, product, person or body that actions can name.

    ``addresses`` are as a list gives them (one line each); ``identifiers`` the list's own row ids and
    registry numbers, so that a later import can find the same party again.
    """

    id: str
    name: str
    kind: EntityKind
    country: str | None = None
    aliases: tuple[Alias, ...] = ()
    links: tuple[Link, ...] = ()
    notes: tuple[Note, ...] = ()
    sources: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *(a.name for a in self.aliases))


@attrs.frozen(slots=True)
class Source:
    """A document the data relies on."""

    id: str
    kind: SourceKind
    publisher: str
    title: str
    published: DateValue | None = None
    url: str | None = None
    seed: str | None = None
    retrieved: DateValue | None = None


@attrs.frozen(slots=True)
class Instrument:
    """A typed identifier of the legal instrument behind an action (``84 FR 22961``)."""

    type: InstrumentType
    value: str
    url: str | None = None
    court: str | None = None

    def __str__(self) -> str:
        return self.type.format(self.value)


@attrs.frozen(slots=True)
class Dates:
    """The five dates of an action, kept apart."""

    announced: DateValue | None = None
    signed: DateValue | None = None
    published: DateValue | None = None
    effective: DateValue | None = None
    ended: DateValue | None = None

    def get(self, kind: DateKind) -> DateValue | None:
        """The date of this kind, if set.

        >>> str(Dates(effective=DateValue.parse("2019-10-09")).get(DateKind.EFFECTIVE))
        '2019-10-09'
        """
        value: DateValue | None = getattr(self, kind.value)
        return value

    def items(self) -> tuple[tuple[DateKind, DateValue], ...]:
        """The dates that are set, in life-cycle order.

        >>> [(kind.value, str(value)) for kind, value in Dates(announced=DateValue.parse("2019-10-07")).items()]
        [('announced', '2019-10-07')]
        """
        return tuple((kind, value) for kind in DateKind if (value := getattr(self, kind.value)) is not None)


@attrs.frozen(slots=True)
class ControlledItem:
    """What an export rule controls when it names no party: a list entry (ECCN), a described class, or a catalogue entry.

    ``name`` is the English description; ``aliases`` hold the item's text in its own language (with a
    language tag) and other wordings; ``codes`` the list numbers it is known by (``0D521``).
    """

    id: str
    kind: ItemKind
    name: str
    jurisdiction: str | None = None
    codes: tuple[str, ...] = ()
    aliases: tuple[Alias, ...] = ()
    notes: tuple[Note, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The description followed by every alias."""
        return (self.name, *(a.name for a in self.aliases))


@attrs.frozen(slots=True)
class Destinations:
    """Where an item target applies: listed countries and named groups, or every destination but those excepted.

    ``groups`` are groups the record names without listing their members (``Country Group D:1``).
    Nothing set at all means the record states no destination limit.

    >>> Destinations(everywhere=True, excepted=("CA",)).text()
    'all destinations except CA'
    """

    countries: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    everywhere: bool = False
    excepted: tuple[str, ...] = ()

    @property
    def stated(self) -> bool:
        """False when the record gives no destinations (the rule is read as applying to every destination)."""
        return bool(self.everywhere or self.countries or self.groups)

    def text(self) -> str:
        """The destinations as a phrase."""
        if self.everywhere:
            return "all destinations" + (f" except {', '.join(self.excepted)}" if self.excepted else "")
        if not self.stated:
            return "any destination (none stated)"
        return ", ".join((*self.countries, *self.groups))


@attrs.frozen(slots=True)
class Target:
    """Who or what an action names: an entity (with role and scope) or a controlled item with destinations."""

    entity: str | None = None
    item: str | None = None
    destinations: Destinations = Destinations()
    exported_from: tuple[str, ...] = ()
    role: Role = Role.NAMED
    scope: Scope = Scope.ENTITY
    listed_as: str | None = None
    prohibitions: tuple[str, ...] = ()
    confidence: Confidence = Confidence.CONFIRMED
    note: str | None = None

    @property
    def counted(self) -> bool:
        """False for an unconfirmed target: reported as possibly named, never counted as restricted."""
        return self.confidence is not Confidence.UNCONFIRMED


@attrs.frozen(slots=True)
class Prohibition:
    """One thing an action prohibits, with its own dates where they differ from the action's."""

    id: str
    category: Category
    summary: str
    effective: DateValue | None = None
    ended: DateValue | None = None


@attrs.frozen(slots=True)
class Relation:
    """How an action changes another, limited to some prohibitions or targets and a period if given."""

    type: RelationType
    action: str
    prohibitions: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    effective: DateValue | None = None
    until: DateValue | None = None
    purpose: str | None = None
    note: str | None = None


@attrs.frozen(slots=True)
class Evidence:
    """A source reference: a verbatim seed quote, or a locator and the facts it supports."""

    source: str
    quote: str | None = None
    locator: str | None = None
    supports: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(slots=True)
class Action:
    """A regulatory or policy action, with its five dates, targets, prohibitions and evidence."""

    id: str
    kind: ActionKind
    title: str
    jurisdiction: str
    authority: str
    dates: Dates = Dates()
    timezone: str | None = None
    summary: str | None = None
    instruments: tuple[Instrument, ...] = ()
    targets: tuple[Target, ...] = ()
    restricts: tuple[Prohibition, ...] = ()
    relations: tuple[Relation, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: str | None = None
    notes: tuple[Note, ...] = ()
    acknowledged: tuple[str, ...] = ()

    @property
    def zone(self) -> str:
        """The IANA zone in which this action's dates are read."""
        return self.timezone or DEFAULT_TIMEZONES.get(self.jurisdiction, "UTC")

    @property
    def entity_ids(self) -> tuple[str, ...]:
        """The ids of the entities this action names as targets."""
        return tuple(t.entity for t in self.targets if t.entity is not None)

    @property
    def item_ids(self) -> tuple[str, ...]:
        """The ids of the controlled items this action names as targets."""
        return tuple(t.item for t in self.targets if t.item is not None)


@attrs.frozen(slots=True)
class Snapshot:
    """One dated copy of one or more official lists: what they said on the day it was taken.

    ``lists`` are the lists it covers (a CSL download covers many), ``as_of`` the day it was
    downloaded or published as its provenance says, ``sources`` the ids of the sources describing
    it. A ``partial`` snapshot (trimmed, a subset) shows who was listed but never that anyone was
    removed: a party missing from it may still be listed. ``file`` names the list file itself, relative
    to the action file declaring the snapshot, inside an ``official/`` folder: loading imports it.

    >>> snap = Snapshot("csl-2022-04", (OfficialList.EL, OfficialList.SDN), DateValue.parse("2022-04-21"))
    >>> snap.covers(OfficialList.EL), snap.partial
    (True, False)
    """

    id: str
    lists: tuple[OfficialList, ...]
    as_of: DateValue
    partial: bool = False
    sources: tuple[str, ...] = ()
    note: str | None = None
    file: str | None = None

    def covers(self, official: OfficialList) -> bool:
        """True when the snapshot includes this list."""
        return official in self.lists


@attrs.frozen(slots=True)
class Dataset:
    """Everything read from one or more action files."""

    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    actions: tuple[Action, ...] = ()
    items: tuple[ControlledItem, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()
