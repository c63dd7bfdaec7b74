"""The records the library hands back: frozen, slotted attrs classes mirroring the action file.

These carry validated data only; the action file's schema (and its error messages) lives in
``_schema``. Enumerations are shared by both.
"""

from __future__ import annotations

import enum

import attrs

from ._dates import DEFAULT_TIMEZONES, Confidence, DateValue

__all__ = [
    "Action",
    "ActionKind",
    "Alias",
    "Category",
    "Dataset",
    "Dates",
    "Entity",
    "EntityKind",
    "Evidence",
    "Instrument",
    "InstrumentType",
    "Link",
    "LinkRelation",
    "Note",
    "Prohibition",
    "Relation",
    "RelationType",
    "Role",
    "Scope",
    "Source",
    "SourceKind",
    "Target",
]


class EntityKind(enum.Enum):
    """What an entity is."""

    COMPANY = "company"
    APP = "app"
    PRODUCT = "product"
    PERSON = "person"
    GOVERNMENT_BODY = "government_body"
    ORGANIZATION = "organization"


class LinkRelation(enum.Enum):
    """How one entity relates to another; the first four carry ownership."""

    SUBSIDIARY_OF = "subsidiary_of"
    OWNED_BY = "owned_by"
    BRAND_OF = "brand_of"
    PART_OF = "part_of"
    AFFILIATE_OF = "affiliate_of"
    ASSOCIATED_WITH = "associated_with"

    @property
    def is_ownership(self) -> bool:
        """True when a restriction on the owner can reach the owned entity through this link."""
        return self in _OWNERSHIP


_OWNERSHIP = frozenset({LinkRelation.SUBSIDIARY_OF, LinkRelation.OWNED_BY, LinkRelation.BRAND_OF, LinkRelation.PART_OF})


class SourceKind(enum.Enum):
    """Where a source stands: a seed document, the legal text, the authority's notice, or a report."""

    SEED = "seed"
    PRIMARY = "primary"
    OFFICIAL = "official"
    SECONDARY = "secondary"


class ActionKind(enum.Enum):
    """The kind of a policy action; decides whether it can restrict anyone by itself."""

    ENTITY_LIST_ADDITION = "entity_list_addition"
    ENTITY_LIST_REMOVAL = "entity_list_removal"
    EXECUTIVE_ORDER = "executive_order"
    DEVICE_BAN = "device_ban"
    APP_BAN = "app_ban"
    EXEMPTION = "exemption"
    EXPORT_RULE = "export_rule"
    DESIGNATION = "designation"
    LEGISLATION = "legislation"
    COURT_RULING = "court_ruling"
    REVOCATION = "revocation"
    INDICTMENT = "indictment"
    POLICY_RECOMMENDATION = "policy_recommendation"
    STATEMENT = "statement"

    @property
    def is_restricting(self) -> bool:
        """Kinds that restrict their targets when they carry operative prohibitions."""
        return self in RESTRICTING_KINDS

    @property
    def is_binding(self) -> bool:
        """False for indictments, recommendations and statements, which never restrict."""
        return self not in NON_BINDING_KINDS


RESTRICTING_KINDS = frozenset(
    {
        ActionKind.ENTITY_LIST_ADDITION,
        ActionKind.EXECUTIVE_ORDER,
        ActionKind.DEVICE_BAN,
        ActionKind.APP_BAN,
        ActionKind.EXPORT_RULE,
        ActionKind.DESIGNATION,
        ActionKind.LEGISLATION,
        ActionKind.COURT_RULING,
    }
)
NON_BINDING_KINDS = frozenset({ActionKind.INDICTMENT, ActionKind.POLICY_RECOMMENDATION, ActionKind.STATEMENT})


class Role(enum.Enum):
    """A target's part in an action."""

    LISTED = "listed"
    NAMED = "named"
    SUBJECT = "subject"
    OWNER = "owner"
    OPERATOR = "operator"
    PRODUCT = "product"
    BENEFICIARY = "beneficiary"


class Scope(enum.Enum):
    """Whether a restriction on a target also reaches what the target owns."""

    ENTITY = "entity"
    WITH_SUBSIDIARIES = "with_subsidiaries"


class Category(enum.Enum):
    """What a prohibition restricts."""

    EXPORTS = "exports"
    TECHNOLOGY_EXPORTS = "technology_exports"
    TRANSACTIONS = "transactions"
    PROCUREMENT = "procurement"
    GOVERNMENT_DEVICES = "government_devices"
    SUBSIDIES = "subsidies"
    APP_DISTRIBUTION = "app_distribution"
    INTERNET_SERVICES = "internet_services"
    APP_ACCESS = "app_access"
    NETWORK_EQUIPMENT = "network_equipment"
    DIVESTMENT = "divestment"
    PERSONAL_CONDUCT = "personal_conduct"
    OTHER = "other"


class RelationType(enum.Enum):
    """How an action changes another one; see the Concepts page for the order they apply in."""

    AMENDS = "amends"
    EXTENDS = "extends"
    EXEMPTS = "exempts"
    ENJOINS = "enjoins"
    STAYS = "stays"
    SUSPENDS = "suspends"
    LIFTS = "lifts"
    REVOKES = "revokes"
    SUPERSEDES = "supersedes"
    UPHOLDS = "upholds"
    IMPLEMENTS = "implements"

    @property
    def suspends(self) -> bool:
        """Injunctions, stays and suspending licenses suspend prohibitions for as long as they stand."""
        return self in (RelationType.ENJOINS, RelationType.STAYS, RelationType.SUSPENDS)

    @property
    def terminates(self) -> bool:
        """Lifts, revocations and supersessions end the related action."""
        return self in (RelationType.LIFTS, RelationType.REVOKES, RelationType.SUPERSEDES)


class InstrumentType(enum.Enum):
    """Typed identifiers of legal instruments."""

    FR_CITATION = "fr_citation"
    FR_DOCUMENT = "fr_document"
    EXECUTIVE_ORDER = "executive_order"
    PUBLIC_LAW = "public_law"
    STATUTE = "statute"
    CFR = "cfr"
    FAR_CASE = "far_case"
    COURT_DOCKET = "court_docket"
    FCC_RECORD = "fcc_record"
    FCC_DOCKET = "fcc_docket"
    GAZETTE = "gazette"
    NOTICE = "notice"
    OTHER = "other"


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
class Entity:
    """A company, app, product, person or body that actions can name."""

    id: str
    name: str
    kind: EntityKind
    country: str | None = None
    aliases: tuple[Alias, ...] = ()
    links: tuple[Link, ...] = ()
    notes: tuple[Note, ...] = ()
    sources: tuple[str, ...] = ()

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

    def __str__(self) -> str:
        labels = {
            InstrumentType.EXECUTIVE_ORDER: "E.O. ",
            InstrumentType.PUBLIC_LAW: "Pub. L. ",
            InstrumentType.FR_DOCUMENT: "FR Doc. ",
            InstrumentType.FAR_CASE: "FAR Case ",
        }
        return labels.get(self.type, "") + self.value


@attrs.frozen(slots=True)
class Dates:
    """The five dates of an action, kept apart."""

    announced: DateValue | None = None
    signed: DateValue | None = None
    published: DateValue | None = None
    effective: DateValue | None = None
    ended: DateValue | None = None

    def items(self) -> tuple[tuple[str, DateValue], ...]:
        """The dates that are set, in life-cycle order."""
        pairs = (
            ("announced", self.announced),
            ("signed", self.signed),
            ("published", self.published),
            ("effective", self.effective),
            ("ended", self.ended),
        )
        return tuple((name, value) for name, value in pairs if value is not None)


@attrs.frozen(slots=True)
class Target:
    """Who or what an action names: an entity (with role and scope) or an item with destinations."""

    entity: str | None = None
    item: str | None = None
    destinations: tuple[str, ...] = ()
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


@attrs.frozen(slots=True)
class Dataset:
    """Everything read from one or more action files."""

    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    actions: tuple[Action, ...] = ()
