"""The action file's schema: pydantic models that validate YAML input and convert it to records.

Strict types, unknown fields forbidden, one model per action kind (a discriminated union on
``kind``). The JSON Schema shipped in ``data/actions.schema.json`` is generated from these models.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    Strict,
    StrictBool,
    StringConstraints,
    TypeAdapter,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..model.countries import check_country
from ..model.dates import Confidence, DateValue, zone
from ..model.names import name_key
from ..model.records import (
    Action,
    Alias,
    ControlledItem,
    Dates,
    Destinations,
    Entity,
    Evidence,
    Identifier,
    Instrument,
    Link,
    Note,
    Prohibition,
    Relation,
    Snapshot,
    Source,
    Target,
)
from ..model.vocabulary import (
    ActionKind,
    Category,
    DateKind,
    EntityKind,
    Family,
    InstrumentType,
    ItemKind,
    LinkRelation,
    OfficialList,
    RelationType,
    Role,
    Scope,
    SourceKind,
)
from .dump import dump_destinations
from .messages import describe_value

__all__ = ["ACTION", "ENTITY", "FILE", "ITEM", "KIND_MODELS", "SNAPSHOT", "SOURCE", "ActionFileIn", "json_schema"]

E = TypeVar("E")
T = TypeVar("T")

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
Text = Annotated[str, StringConstraints(pattern=r"\S", max_length=5000)]


def _findable(value: str) -> str:
    if not name_key(value):
        raise ValueError(f"{value!r} has no letter or digit, so no lookup by name could ever find it")
    return value


#: An entity's name or alias: text whose lookup key (``name_key``) is not empty.
Name = Annotated[Text, AfterValidator(_findable)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Jurisdiction = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{2}|EU)$")]
LangTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Acknowledgement = Literal["effective-before-published", "effective-before-signed", "published-before-signed"]
Fact = Literal[
    "announced", "signed", "published", "effective", "ended", "targets", "restricts", "relations", "instruments", "title", "links"
]

DATE_TEXT = r"^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
_DATE_KEYS = ("date", "at", "tz", "confidence", "note")


def _date_value(value: Any) -> DateValue:
    """Accept a date string or a mapping with ``date``/``at``, ``tz``, ``confidence``, ``note``."""
    if isinstance(value, DateValue):
        return value
    if isinstance(value, str):
        return DateValue.parse(value)
    if isinstance(value, bool) or value is None:
        raise ValueError(f"expected a date like 2019-10-09 (got {value!r})")
    if isinstance(value, int):
        raise ValueError(f'expected a date as text; write a bare year in quotes, "{value}" (got the number {value})')
    if isinstance(value, dict):
        unknown = [k for k in value if k not in _DATE_KEYS]
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r} in a date (expected 'date' or 'at', then 'tz', 'confidence', 'note')")
        if ("date" in value) == ("at" in value):
            raise ValueError("a date mapping needs exactly one of 'date' (a day, month or year) or 'at' (a time with 'tz')")
        confidence = value.get("confidence", "confirmed")
        try:
            level = Confidence(confidence)
        except ValueError:
            raise ValueError(f"'confidence' must be one of {', '.join(c.value for c in Confidence)} (got {confidence!r})") from None
        note = value.get("note")
        if note is not None and (not isinstance(note, str) or not note.strip()):
            raise ValueError(f"'note' must be text (got {note!r})")
        tz = value.get("tz")
        if tz is not None and not isinstance(tz, str):
            raise ValueError(f"'tz' must be an IANA zone name like America/New_York (got {tz!r})")
        if "date" in value:
            text = value["date"]
            if isinstance(text, int) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                raise ValueError(f"'date' must be text like 2019-10-09 (got {text!r})")
            if tz is not None:
                raise ValueError("'tz' goes with 'at' (a time of day), not with 'date'")
            if "T" in text or " " in text.strip():
                raise ValueError(f"'date' takes a day, month or year; put a time in 'at' (got {text!r})")
            return DateValue.parse(text, confidence=level, note=note)
        at = value["at"]
        if not isinstance(at, str):
            raise ValueError(f"'at' must be text like 2019-05-16T16:15 (got {at!r})")
        if "T" not in at and " " not in at.strip():
            raise ValueError(f"'at' needs a time of day; use 'date' for a day (got {at!r})")
        return DateValue.parse(at, tz=tz, confidence=level, note=note)
    raise ValueError(f"expected a date like 2019-10-09 or a mapping with 'date' or 'at' (got {type(value).__name__})")


def _dump_date(value: DateValue) -> Any:
    return value.dump()


_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": DATE_TEXT, "description": "YYYY-MM-DD, YYYY-MM or YYYY"},
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "date": {"type": "string", "pattern": r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"},
                "at": {"type": "string", "pattern": DATE_TEXT, "description": "YYYY-MM-DDTHH:MM[:SS], with 'tz' or an offset"},
                "tz": {"type": "string", "description": "IANA zone name, e.g. America/New_York"},
                "confidence": {"enum": [c.value for c in Confidence]},
                "note": {"type": "string"},
            },
        },
    ],
    "description": "A date (day, month or year precision) or an instant with its zone, with confidence and note.",
}


def _as_date_error(check: Callable[[Any], T]) -> Callable[[Any], T]:
    """Report a validator's ``ValueError`` as a ``date`` error, so its problem code says a date is wrong."""

    def run(value: Any) -> T:
        try:
            return check(value)
        except ValueError as exc:
            raise PydanticCustomError("date", "{error}", {"error": str(exc)}) from None

    return run


DateField = Annotated[
    DateValue,
    PlainValidator(_as_date_error(_date_value)),
    PlainSerializer(_dump_date),
    WithJsonSchema(_DATE_SCHEMA),
]


def _zone_name(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected an IANA zone name like America/New_York (got {value!r})")
    zone(value)
    return value


ZoneName = Annotated[str, PlainValidator(_as_date_error(_zone_name)), WithJsonSchema({"type": "string", "description": "IANA zone name"})]


_LEGACY_EXCEPT = "all except "


def _destinations(value: Any) -> Destinations:
    """Destinations as written: ``all``, a list of country codes and named groups, or ``{all_except: [CA]}``.

    A list entry of two capital letters is a country code (checked); ``all`` means every destination;
    ``all except CA`` (the older spelling) means every destination but those listed after it; any
    other entry names a group whose members the record does not list (``Country Group D:1``).
    """
    if isinstance(value, Destinations):
        return value
    if value == "all":
        return Destinations(everywhere=True)
    if isinstance(value, dict):
        unknown = [k for k in value if k != "all_except"]
        if unknown or not isinstance(value.get("all_except"), list):
            raise ValueError("destinations as a mapping take one field, 'all_except', a list of country codes, e.g. {all_except: [CA]}")
        return Destinations(everywhere=True, excepted=tuple(_code(c) for c in value["all_except"]))
    if not isinstance(value, list):
        raise ValueError(f"destinations are 'all', a list of country codes, or {{all_except: [CA]}} (got {value!r})")
    countries: list[str] = []
    groups: list[str] = []
    everywhere = False
    excepted: list[str] = []
    for entry in value:
        if not isinstance(entry, str) or not entry.strip():
            raise ValueError(f"each destination is text: a country code like CN, 'all', or a group's name (got {entry!r})")
        if entry == "all":
            everywhere = True
        elif entry.startswith(_LEGACY_EXCEPT):
            everywhere = True
            excepted.extend(_code(c.strip()) for c in entry[len(_LEGACY_EXCEPT) :].replace(" and ", ",").split(",") if c.strip())
        elif len(entry) <= 3 and entry.isalpha():
            countries.append(_code(entry))
        else:
            groups.append(entry)
    if everywhere and (countries or groups):
        raise ValueError("destinations: 'all' leaves nothing to list beside it; write {all_except: [...]} for exceptions")
    return Destinations(tuple(countries), tuple(groups), everywhere, tuple(excepted))


def _code(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a country code like CN (got {value!r})")
    return check_country(value)


_DESTINATIONS_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"const": "all", "description": "every destination"},
        {
            "type": "array",
            "items": {"type": "string", "pattern": r"\S"},
            "description": "ISO 3166-1 alpha-2 codes (CN, HK, MO), or names of groups whose members are not listed",
        },
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["all_except"],
            "properties": {"all_except": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}$"}}},
            "description": "every destination except these",
        },
    ],
    "description": "Where an item target applies: 'all', a list of country codes and groups, or {all_except: [CA]}.",
}

DestinationsField = Annotated[
    Destinations,
    PlainValidator(_destinations),
    PlainSerializer(dump_destinations),
    WithJsonSchema(_DESTINATIONS_SCHEMA),
]


def _item_ref(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(ID_PATTERN, value) and len(value) <= 120:
        return value
    if isinstance(value, str):
        raise ValueError(
            f"'item' takes the id of a controlled item declared under 'items' (got {describe_value(value)}); "
            "a description here is the older form: move it to that item's 'name'"
        )
    raise ValueError(f"'item' takes the id of a controlled item (got {describe_value(value)})")


ItemRef = Annotated[str, PlainValidator(_item_ref), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
CountryCode = Annotated[str, PlainValidator(_code), WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$"})]


def _enum(kind: type[E]) -> Any:
    """An enum field that takes the enum's string values (strict mode would demand instances)."""
    return Annotated[kind, Strict(False)]


class _In(BaseModel):
    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, populate_by_name=False, use_enum_values=False, use_attribute_docstrings=True
    )


class NoteIn(_In):
    """A dated note: a judgement call, what was tried, what the record relies on."""

    date: DateField
    """When the note was written."""
    text: Text
    """The judgement call, what was tried, or what the record relies on."""

    def to_domain(self) -> Note:
        return Note(self.date, self.text)


class AliasIn(_In):
    """Another name, with a BCP 47 language/script tag (``zh-Hans``) and where it is used."""

    name: Name
    """The name as written, in any script."""
    lang: LangTag | None = None
    """BCP 47 language/script tag, e.g. en, zh-Hans, zh-Hant."""
    note: Text | None = None
    """Where this spelling is used, e.g. 'spelling on the Entity List'."""
    sources: list[Id] = []
    """Ids of sources where this name was seen."""

    def to_domain(self) -> Alias:
        return Alias(self.name, self.lang, self.note, tuple(self.sources))


class LinkIn(_In):
    """A dated ownership or affiliation link to another entity."""

    model_config = ConfigDict(populate_by_name=True)

    relation: _enum(LinkRelation)  # type: ignore[valid-type]
    """How this entity relates to the other; ownership links carry restrictions with scope with_subsidiaries."""
    entity: Id
    """Id of the owner or affiliated entity."""
    from_: DateField | None = Field(default=None, alias="from")
    """First day the link holds (optional)."""
    until: DateField | None = None
    """First day the link no longer holds (optional; half-open)."""
    sources: list[Id] = []
    """Ids of sources for the link."""
    note: Text | None = None
    """Free text."""

    def to_domain(self) -> Link:
        return Link(self.relation, self.entity, self.from_, self.until, tuple(self.sources), self.note)


class IdentifierIn(_In):
    """An identifier a list or registry gives the entity: ``{scheme: csl, value: 986d3f15…}``."""

    scheme: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=40)]
    """Whose identifier: csl (a Consolidated Screening List row's _id), ofac (an OFAC entity number), ..."""
    value: Text
    """The identifier as the list gives it."""
    sources: list[Id] = []
    """Ids of sources giving it."""

    def to_domain(self) -> Identifier:
        return Identifier(self.scheme, self.value, tuple(self.sources))


class EntityIn(_In):
    """A company, app, product, person, government body or organization."""

    id: Id
    """Stable id: lower-case letters, digits and hyphens; never reused."""
    name: Name
    """Canonical (full legal) name."""
    kind: _enum(EntityKind)  # type: ignore[valid-type]
    """What the entity is."""
    country: Country | None = None
    """ISO 3166-1 alpha-2 country code."""
    aliases: list[AliasIn] = []
    """Other names: English variants, listed spellings, Han-script names."""
    links: list[LinkIn] = []
    """Dated ownership and affiliation links to other entities."""
    notes: list[NoteIn] = []
    """Dated notes on judgement calls."""
    sources: list[Id] = []
    """Ids of sources for the entity's names and kind."""
    addresses: list[Text] = []
    """Addresses as a list gives them, one line each."""
    identifiers: list[IdentifierIn] = []
    """A list's own row ids and registry numbers (so later imports find the same party)."""

    def to_domain(self) -> Entity:
        return Entity(
            self.id,
            self.name,
            self.kind,
            self.country,
            tuple(a.to_domain() for a in self.aliases),
            tuple(link.to_domain() for link in self.links),
            tuple(n.to_domain() for n in self.notes),
            tuple(self.sources),
            tuple(self.addresses),
            tuple(i.to_domain() for i in self.identifiers),
        )


class SourceIn(_In):
    """A document the data relies on; seed documents name their file in ``seeds/``."""

    id: Id
    """Stable id, e.g. fr-2019-10616 or eo-13942."""
    kind: _enum(SourceKind)  # type: ignore[valid-type]
    """seed, primary (the legal text), official (the authority's notice) or secondary (reports)."""
    publisher: Text
    """Who published it."""
    title: Text
    """Its title."""
    published: DateField | None = None
    """When it was published."""
    url: Url | None = None
    """Where it can be read, if anywhere."""
    seed: Annotated[str, StringConstraints(pattern=r"^[\w.-]+\.txt$")] | None = None
    """For seed documents only: the file name in seeds/."""
    retrieved: DateField | None = None
    """When the copy that was checked was read."""

    @model_validator(mode="after")
    def _seed_file(self) -> SourceIn:
        if (self.kind is SourceKind.SEED) != (self.seed is not None):
            raise ValueError("'seed' (the file name in seeds/) is required for kind 'seed' and only for it")
        return self

    def to_domain(self) -> Source:
        return Source(self.id, self.kind, self.publisher, self.title, self.published, self.url, self.seed, self.retrieved)


class SnapshotIn(_In):
    """A dated copy of official lists: which lists, the day it shows, and whether it is complete."""

    id: Id
    """Stable id, e.g. csl-2022-04."""
    lists: Annotated[list[_enum(OfficialList)], Field(min_length=1)]  # type: ignore[valid-type]
    """Codes of the lists it covers: EL, SDN, DPL, MEU, CMIC, UVL, ISN, DTC, SSI, FSE, PLC, CAP, NS-MBS."""
    as_of: DateField
    """The day the copy shows: when it was downloaded or published, as its provenance says."""
    partial: StrictBool = False
    """True for a trimmed copy (a subset): it never shows a removal."""
    sources: list[Id] = []
    """Ids of sources describing the copy (where it came from)."""
    note: Text | None = None
    """Where the file came from, what its date means, anything else."""
    file: Annotated[str, StringConstraints(pattern=r"^official/[\w./-]+$", max_length=300)] | None = None
    """The list file (CSL CSV or DPL text, gzip or plain) relative to this action file, in an official/ folder; loading imports it."""

    @model_validator(mode="after")
    def _inside(self) -> SnapshotIn:
        if self.file is not None and ".." in self.file.split("/"):
            raise ValueError("'file' stays inside the official/ folder beside the action file (no '..')")
        return self

    def to_domain(self) -> Snapshot:
        return Snapshot(self.id, tuple(self.lists), self.as_of, self.partial, tuple(self.sources), self.note, self.file)


class InstrumentIn(_In):
    """A typed identifier: ``{type: fr_citation, value: 84 FR 22961}``."""

    type: _enum(InstrumentType)  # type: ignore[valid-type]
    """What kind of identifier it is; some kinds have a checked format."""
    value: Text
    """The identifier, e.g. 84 FR 22961."""
    url: Url | None = None
    """Link to the primary text, if known."""
    court: Text | None = None
    """For a court docket: the court, e.g. U.S. District Court for the Eastern District of New York."""

    def to_domain(self) -> Instrument:
        return Instrument(self.type, self.value, self.url, self.court)


class _DatesBase(_In):
    """The five dates, kept apart; each optional."""

    def to_domain(self) -> Dates:
        return Dates(**{kind.value: getattr(self, kind.value) for kind in DateKind})


if TYPE_CHECKING:
    DatesIn = _DatesBase
else:
    DatesIn = create_model(
        "DatesIn",
        __base__=_DatesBase,
        __doc__=_DatesBase.__doc__,
        **{kind.value: (DateField | None, Field(default=None, description=kind.description)) for kind in DateKind},
    )


class ItemIn(_In):
    """What an export rule controls when it names no party: an ECCN, a described class of items, or a catalogue entry."""

    id: Id
    """Stable id, e.g. eccn-0d521-geospatial-imagery-software."""
    kind: _enum(ItemKind)  # type: ignore[valid-type]
    """eccn (a control-list entry), item_class (described in words) or catalogue_entry (a technology catalogue)."""
    name: Text
    """The item's description in English."""
    jurisdiction: Jurisdiction | None = None
    """Whose control list or catalogue it belongs to (ISO 3166-1 alpha-2 code, or EU)."""
    codes: list[Text] = []
    """List numbers it is known by: ECCNs (0D521), catalogue numbers (086501X)."""
    aliases: list[AliasIn] = []
    """Its text in its own language (with a lang tag) and other wordings."""
    notes: list[NoteIn] = []
    """Dated notes on judgement calls."""
    sources: list[Id] = []
    """Ids of sources for its description, codes and names."""

    def to_domain(self) -> ControlledItem:
        return ControlledItem(
            self.id,
            self.kind,
            self.name,
            self.jurisdiction,
            tuple(self.codes),
            tuple(a.to_domain() for a in self.aliases),
            tuple(n.to_domain() for n in self.notes),
            tuple(self.sources),
        )


class TargetIn(_In):
    """An entity the action names (with role and scope), or a controlled item with its destinations."""

    entity: Id | None = None
    """Id of the entity named (give this or item)."""
    item: ItemRef | None = None
    """Id of the controlled item (in ``items``) an export rule covers, when it names no party (give this or entity)."""
    destinations: DestinationsField = Field(default_factory=Destinations)
    """Where an item target applies: 'all', a list of country codes and groups, or {all_except: [CA]} (default: not limited)."""
    exported_from: list[CountryCode] = []
    """Countries of export the item target covers (default: any; a country's own catalogue names that country)."""
    role: _enum(Role) = Role.NAMED  # type: ignore[valid-type]
    """The target's part in the action."""
    scope: _enum(Scope) = Scope.ENTITY  # type: ignore[valid-type]
    """entity, or with_subsidiaries to reach entities it owns through ownership links."""
    listed_as: Text | None = None
    """The name exactly as the instrument spells it."""
    prohibitions: list[Id] = []
    """Only these prohibitions apply to this target (default: all)."""
    confidence: _enum(Confidence) = Confidence.CONFIRMED  # type: ignore[valid-type]
    """Whether the instrument is known to name this target: confirmed, reported (secondary sources only), or
    unconfirmed (possibly named; reported with the answer but never counted as restricted)."""
    note: Text | None = None
    """Why this target's confidence is what it is, or anything else about it."""

    @model_validator(mode="after")
    def _one_kind(self) -> TargetIn:
        if (self.entity is None) == (self.item is None):
            raise ValueError("a target names exactly one of 'entity' (an entity id) or 'item' (the id of a controlled item)")
        if self.entity is not None and (self.destinations.stated or self.exported_from):
            raise ValueError("'destinations' and 'exported_from' go with 'item' targets, not with an entity")
        return self

    def to_domain(self) -> Target:
        return Target(
            self.entity,
            self.item,
            self.destinations,
            tuple(self.exported_from),
            self.role,
            self.scope,
            self.listed_as,
            tuple(self.prohibitions),
            self.confidence,
            self.note,
        )


class ProhibitionIn(_In):
    """One prohibition, with an id relations can name and its own dates where they differ."""

    id: Id
    """Id within the action, used by relations (e.g. ear-license)."""
    category: _enum(Category)  # type: ignore[valid-type]
    """What it restricts: exports, transactions, procurement, app_distribution, ..."""
    summary: Text
    """One sentence in our own words."""
    effective: DateField | None = None
    """When this prohibition starts, if not with the action."""
    ended: DateField | None = None
    """When this prohibition stops, if not with the action."""

    def to_domain(self) -> Prohibition:
        return Prohibition(self.id, self.category, self.summary, self.effective, self.ended)


class RelationIn(_In):
    """How this action changes another, limited to some prohibitions, targets or a period."""

    type: _enum(RelationType)  # type: ignore[valid-type]
    """How this action changes the related one (its effect and the order effects apply in are in the vocabulary)."""
    action: Id
    """Id of the related action."""
    prohibitions: list[Id] = []
    """Only these prohibitions of the related action (default: all)."""
    entities: list[Id] = []
    """Only for these targets of the related action (default: all)."""
    effective: DateField | None = None
    """When the relation starts, if not with this action."""
    until: DateField | None = None
    """When the relation stops, if not with this action."""
    purpose: Text | None = None
    """For carve-outs: the purpose exempted."""
    note: Text | None = None
    """Free text."""

    def to_domain(self) -> Relation:
        return Relation(
            self.type, self.action, tuple(self.prohibitions), tuple(self.entities), self.effective, self.until, self.purpose, self.note
        )


class EvidenceIn(_In):
    """A source reference: a verbatim seed ``quote``, or a ``locator`` and the facts it ``supports``."""

    source: Id
    """Id of the source."""
    quote: Text | None = None
    """Seed sources only: a short verbatim quote (checked against the seed)."""
    locator: Text | None = None
    """Non-seed sources: section, page or paragraph."""
    supports: list[Fact] = []
    """Which facts the source establishes."""
    note: Text | None = None
    """What the source establishes, in our own words."""

    def to_domain(self) -> Evidence:
        return Evidence(self.source, self.quote, self.locator, tuple(self.supports), self.note)


class _ActionIn(_In):
    kind: str
    """The kind of action; decides which fields apply."""
    id: Id
    """Stable id, e.g. us-bis-2019-huawei-entity-list."""
    title: Text
    """Short title."""
    jurisdiction: Jurisdiction
    """ISO 3166-1 alpha-2 code, or EU."""
    authority: Text
    """The issuing authority."""
    timezone: ZoneName | None = None
    """IANA zone its dates are read in (default: the jurisdiction's)."""
    summary: Text | None = None
    """What it does, in our own words."""
    instruments: list[InstrumentIn] = []
    """Typed identifiers of the legal instrument."""
    dates: DatesIn = DatesIn()
    """The five dates, kept apart."""
    targets: list[TargetIn] = []
    """Entities (or items) it names."""
    relations: list[RelationIn] = []
    """How it changes other actions."""
    evidence: Annotated[list[EvidenceIn], Field(min_length=1)]
    """At least one source reference."""
    confidence: Literal["confirmed", "reported", "unconfirmed"] | None = None
    """Confidence in the record as a whole."""
    notes: list[NoteIn] = []
    """Dated notes on judgement calls."""
    acknowledged: list[Acknowledgement] = []
    """Unusual date orders checked against the source (silences their warnings)."""

    def _restricts(self) -> tuple[Prohibition, ...]:
        return ()

    def to_domain(self) -> Action:
        return Action(
            id=self.id,
            kind=ActionKind(self.kind),
            title=self.title,
            jurisdiction=self.jurisdiction,
            authority=self.authority,
            dates=self.dates.to_domain(),
            timezone=self.timezone,
            summary=self.summary,
            instruments=tuple(i.to_domain() for i in self.instruments),
            targets=tuple(t.to_domain() for t in self.targets),
            restricts=self._restricts(),
            relations=tuple(r.to_domain() for r in self.relations),
            evidence=tuple(e.to_domain() for e in self.evidence),
            confidence=self.confidence,
            notes=tuple(n.to_domain() for n in self.notes),
            acknowledged=tuple(self.acknowledged),
        )


class _RestrictingIn(_ActionIn):
    targets: Annotated[list[TargetIn], Field(min_length=1)]
    """Entities (or items) it names; at least one."""
    restricts: list[ProhibitionIn] = []
    """Its prohibitions; empty when it only directs an agency."""

    def _restricts(self) -> tuple[Prohibition, ...]:
        return tuple(p.to_domain() for p in self.restricts)


class _ModifierIn(_ActionIn):
    relations: Annotated[list[RelationIn], Field(min_length=1)]
    """How it changes other actions; at least one."""


_FAMILY_BASE: dict[Family, type[_ActionIn]] = {
    Family.RESTRICTING: _RestrictingIn,
    Family.MODIFIER: _ModifierIn,
    Family.NON_BINDING: _ActionIn,
}


def _kind_model(kind: ActionKind) -> type[_ActionIn]:
    """The model of one action kind: its family's fields, with ``kind`` fixed to its code."""
    name = "".join(part.capitalize() for part in kind.value.split("_")) + "In"
    code: Any = Literal[kind.value]
    model: Any = create_model(name, __base__=_FAMILY_BASE[kind.family], __doc__=kind.description, kind=(code, ...))
    return cast("type[_ActionIn]", model)


#: One model per action kind, derived from the vocabulary.
KIND_MODELS: dict[ActionKind, type[_ActionIn]] = {kind: _kind_model(kind) for kind in ActionKind}

if TYPE_CHECKING:
    ActionIn = _ActionIn
else:
    ActionIn = Annotated[Union[tuple(KIND_MODELS.values())], Field(discriminator="kind")]  # noqa: UP007  (a union built at run time)


class ActionFileIn(_In):
    """An action file: entities, sources, actions, controlled items and snapshots of official lists."""

    model_config = ConfigDict(title="sanctiontrack action file")

    entities: list[EntityIn] = []
    """Companies, apps, products, persons and bodies."""
    sources: list[SourceIn] = []
    """Documents the data relies on."""
    actions: list[ActionIn] = []
    """Policy actions and the events that change them."""
    items: list[ItemIn] = []
    """What export rules control when they name no party: ECCNs, described item classes, catalogue entries."""
    snapshots: list[SnapshotIn] = []
    """Dated copies of official lists the records were imported from."""


ENTITY: TypeAdapter[EntityIn] = TypeAdapter(EntityIn)
ITEM: TypeAdapter[ItemIn] = TypeAdapter(ItemIn)
SOURCE: TypeAdapter[SourceIn] = TypeAdapter(SourceIn)
SNAPSHOT: TypeAdapter[SnapshotIn] = TypeAdapter(SnapshotIn)
ACTION: TypeAdapter[ActionIn] = TypeAdapter(ActionIn)
FILE: TypeAdapter[ActionFileIn] = TypeAdapter(ActionFileIn)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an action file, generated from the models.

    >>> json_schema()["title"]
    'sanctiontrack action file'
    """
    schema = FILE.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://sanctiontrack.readthedocs.io/schema/actions.schema.json"
    return schema
