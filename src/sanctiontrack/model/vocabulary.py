"""The vocabulary of the model: what kinds of actions, relations, entities and answers exist."""

from __future__ import annotations

import enum


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


class State(enum.Enum):
    """The state of one prohibition for one target at the time asked."""

    OPERATIVE = "operative"
    SUSPENDED = "suspended"
    PENDING = "pending"
    LAPSED = "lapsed"
    ENDED = "ended"
    NEVER = "never_effective"


class Reason(enum.Enum):
    """Why an action that concerns an entity did not restrict it at the time asked."""

    NOT_YET_EFFECTIVE = "not_yet_effective"
    NEVER_EFFECTIVE = "never_effective"
    NO_PROHIBITIONS = "no_prohibitions"
    SUSPENDED = "suspended"
    LAPSED = "lapsed"
    EXPIRED = "expired"
    REVOKED = "revoked"
    LIFTED = "lifted"
    SUPERSEDED = "superseded"
    PARENT_ENDED = "parent_ended"
    NOT_AFFILIATED = "not_affiliated"
    NON_BINDING = "non_binding"
    POSSIBLY_NAMED = "possibly_named"
