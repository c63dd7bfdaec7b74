"""The vocabulary, declared once: every kind of action, relation, date, entity and answer, with its traits.

Each enumeration below is the one table for its words. A member's value is the code written in
action files; its traits (family, effect, description, phrasing) are declared beside it, and the
schema, the engine's dispatch, the explanations, the checks and the generated docs all read them
from here. Adding an action kind or a relation type is one row (ARCHITECTURE.md has the checklist).

>>> ActionKind("indictment").family.value, ActionKind.INDICTMENT.is_binding
('non_binding', False)
>>> RelationType.REVOKES.effect.value, RelationType.REVOKES.reason
('terminates', <Reason.REVOKED: 'revoked'>)
"""

from __future__ import annotations

import enum
import re

__all__ = [
    "ActionKind",
    "Basis",
    "Category",
    "ChangeKind",
    "DateKind",
    "Effect",
    "EntityKind",
    "Family",
    "InstrumentType",
    "ItemKind",
    "LinkRelation",
    "OfficialList",
    "Reason",
    "RelationType",
    "Role",
    "Scope",
    "SourceKind",
    "SpanState",
    "State",
    "Status",
]


class _Words(enum.Enum):
    """Members are codes written in action files (``value``), each with a one-line ``description``."""

    _value_: str
    description: str

    @property
    def value(self) -> str:
        """The code as written in action files and JSON output."""
        return self._value_

    def __str__(self) -> str:
        return self._value_


class EntityKind(_Words):
    """What an entity is."""

    def __new__(cls, value: str, description: str = "") -> EntityKind:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    COMPANY = ("company", "A company or other business.")
    APP = ("app", "A mobile or web application (whose developer may change over time).")
    PRODUCT = ("product", "A product or service other than an app.")
    PERSON = ("person", "A natural person.")
    GOVERNMENT_BODY = ("government_body", "A government body: a ministry, bureau, agency or public institute.")
    ORGANIZATION = ("organization", "Any other organization: a university, an association, a research institute.")


class LinkRelation(_Words):
    """How one entity relates to another; ownership links carry restrictions ``with_subsidiaries``."""

    ownership: bool

    def __new__(cls, value: str, ownership: bool = False, description: str = "") -> LinkRelation:
        member = object.__new__(cls)
        member._value_, member.ownership, member.description = value, ownership, description
        return member

    SUBSIDIARY_OF = ("subsidiary_of", True, "A subsidiary of the other entity.")
    OWNED_BY = ("owned_by", True, "Owned or controlled by the other entity (an app by its developer, say).")
    BRAND_OF = ("brand_of", True, "A brand or trading name of the other entity.")
    PART_OF = ("part_of", True, "A unit or division of the other entity.")
    AFFILIATE_OF = ("affiliate_of", False, "Affiliated with the other entity (as a rule describes it); no ownership established.")
    ASSOCIATED_WITH = ("associated_with", False, "Associated in some other way, said in the link's note.")

    @property
    def is_ownership(self) -> bool:
        """True when a restriction on the owner can reach the owned entity through this link."""
        return self.ownership


class SourceKind(_Words):
    """Where a source stands; ``authority`` orders citations (the instrument first, then notices, then reports)."""

    authority: int

    def __new__(cls, value: str, authority: int = 9, description: str = "") -> SourceKind:
        member = object.__new__(cls)
        member._value_, member.authority, member.description = value, authority, description
        return member

    PRIMARY = ("primary", 0, "The legal text itself: the rule, order, statute or judgment.")
    OFFICIAL = ("official", 1, "The issuing authority's own notice or release, or an official list.")
    SEED = ("seed", 2, "One of the project's seed documents (news roundups), quoted verbatim.")
    SECONDARY = ("secondary", 3, "A report: news, law-firm notes, trade press.")


class Family(_Words):
    """What an action kind can do by itself."""

    def __new__(cls, value: str, description: str = "") -> Family:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    RESTRICTING = ("restricting", "Restricts its targets while one of its prohibitions is operative.")
    MODIFIER = ("modifier", "Changes other actions (at least one relation); restricts no one by itself.")
    NON_BINDING = ("non_binding", "Tracked for timelines and explanations; never a restriction.")


class ActionKind(_Words):
    """The kind of a policy action; its family decides whether it can restrict anyone by itself."""

    family: Family
    phrase: str
    issued: str
    charges: bool

    def __new__(
        cls,
        value: str,
        family: Family = Family.RESTRICTING,
        description: str = "",
        phrase: str = "",
        issued: str = "signed",
        charges: bool = False,
    ) -> ActionKind:
        member = object.__new__(cls)
        member._value_, member.family, member.description, member.phrase, member.issued = value, family, description, phrase, issued
        member.charges = charges
        return member

    ENTITY_LIST_ADDITION = ("entity_list_addition", Family.RESTRICTING, "Parties added to the U.S. Entity List (or a similar list).")
    ENTITY_LIST_REMOVAL = (
        "entity_list_removal",
        Family.MODIFIER,
        "Parties removed from a list; ``revokes`` the listing for those entities.",
    )
    EXECUTIVE_ORDER = (
        "executive_order",
        Family.RESTRICTING,
        "An executive order; empty ``restricts`` when it only directs an agency.",
        "directs agencies to act; restricts nothing by itself",
    )
    DEVICE_BAN = ("device_ban", Family.RESTRICTING, "A ban on government devices or in government procurement.")
    APP_BAN = ("app_ban", Family.RESTRICTING, "A ban on an app's distribution, services or use.")
    EXEMPTION = ("exemption", Family.MODIFIER, "A license or exemption carving something out of another action while it stays in force.")
    EXPORT_RULE = ("export_rule", Family.RESTRICTING, "A change to what needs an export license (may target items rather than parties).")
    DESIGNATION = ("designation", Family.RESTRICTING, "A designation (national-security threat, debtor list, ...).")
    LEGISLATION = ("legislation", Family.RESTRICTING, "A statute or a section of one; prohibitions may take effect on different dates.")
    COURT_RULING = (
        "court_ruling",
        Family.RESTRICTING,
        "A court order: injunction, stay, ruling upholding or lifting, or an order restricting by itself.",
        "",
        "issued",
    )
    REVOCATION = ("revocation", Family.MODIFIER, "An instrument that revokes other actions.")
    INDICTMENT = (
        "indictment",
        Family.NON_BINDING,
        "Criminal charges: tracked for timelines, never a restriction; its targets with role ``defendant`` are charged.",
        "an indictment: criminal charges, not a restriction on trade",
        "returned",
        True,
    )
    SUPERSEDING_INDICTMENT = (
        "superseding_indictment",
        Family.NON_BINDING,
        "A superseding indictment: replaces an earlier charging instrument in the same case (``supersedes`` it); never a restriction.",
        "a superseding indictment: criminal charges, not a restriction on trade",
        "returned",
        True,
    )
    POLICY_RECOMMENDATION = (
        "policy_recommendation",
        Family.NON_BINDING,
        "A non-binding recommendation (such as the EU 5G toolbox).",
        "a non-binding recommendation",
        "adopted",
    )
    STATEMENT = (
        "statement",
        Family.NON_BINDING,
        "A statement of intent or position: never a restriction.",
        "a statement, not a binding measure",
        "made",
    )
    SANCTIONS_DESIGNATION = (
        "sanctions_designation",
        Family.RESTRICTING,
        "Parties designated on a Treasury (OFAC) sanctions list: the SDN list or a non-SDN list (SSI, FSE, PLC, CAPTA, NS-MBS).",
    )
    DENIAL_ORDER = (
        "denial_order",
        Family.RESTRICTING,
        "A BIS order denying a party's export privileges (the Denied Persons List), usually with an expiration date.",
    )
    UNVERIFIED_LIST_ADDITION = (
        "unverified_list_addition",
        Family.RESTRICTING,
        "Parties added to the BIS Unverified List (end-use checks could not be completed; no license exceptions).",
    )
    MILITARY_END_USER_LISTING = (
        "military_end_user_listing",
        Family.RESTRICTING,
        "Parties added to the BIS Military End-User List (a license for listed items going to them).",
    )
    CMIC_LISTING = (
        "cmic_listing",
        Family.RESTRICTING,
        "Companies on Treasury's Non-SDN Chinese Military-Industrial Complex Companies List (securities purchases prohibited).",
    )
    DEBARMENT = (
        "debarment",
        Family.RESTRICTING,
        "A State Department (DDTC) debarment under the ITAR: no part in exports of defense articles and services.",
    )
    NONPROLIFERATION_SANCTION = (
        "nonproliferation_sanction",
        Family.RESTRICTING,
        "State Department nonproliferation sanctions (ISN) on a party; the measures vary by statute.",
    )
    LIST_REMOVAL = (
        "list_removal",
        Family.MODIFIER,
        "A party found absent from an official list between two complete snapshots; ``revokes`` its listing from a day in that range.",
    )

    @property
    def is_charging(self) -> bool:
        """Indictments: their defendants are charged from the day the instrument was returned (never restricted by it)."""
        return self.charges

    @property
    def is_restricting(self) -> bool:
        """Kinds that restrict their targets when they carry operative prohibitions."""
        return self.family is Family.RESTRICTING

    @property
    def is_binding(self) -> bool:
        """False for indictments, recommendations and statements, which never restrict."""
        return self.family is not Family.NON_BINDING

    @property
    def no_prohibitions(self) -> str:
        """How an answer describes this kind when the action carries no prohibitions of its own."""
        return self.phrase if self.family is Family.RESTRICTING and self.phrase else "restricts nothing by itself"


class DateKind(_Words):
    """The five dates of an action, in life-cycle order; never merged."""

    verb: str

    def __new__(cls, value: str, description: str = "", verb: str = "") -> DateKind:
        member = object.__new__(cls)
        member._value_, member.description, member.verb = value, description, verb
        return member

    ANNOUNCED = ("announced", "First public statement; usually no legal effect.", "announced")
    SIGNED = ("signed", "Signed, adopted, decided or issued.", "signed")
    PUBLISHED = ("published", "Published in the official journal, gazette or docket.", "published")
    EFFECTIVE = ("effective", "First moment it binds; without it the action never took effect.", "takes effect")
    ENDED = ("ended", "First day (or instant) it no longer binds (half-open period).", "ends")


class ItemKind(_Words):
    """What an export rule controls when it names no party."""

    def __new__(cls, value: str, description: str = "") -> ItemKind:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    ECCN = ("eccn", "An entry of a control list with a classification number (an ECCN such as 0D521 on the U.S. Commerce Control List).")
    ITEM_CLASS = ("item_class", "A class of items a rule describes in words (no list number of its own).")
    CATALOGUE_ENTRY = ("catalogue_entry", "An entry of a technology catalogue (China's catalogue of technologies restricted from export).")


class Role(_Words):
    """A target's part in an action."""

    def __new__(cls, value: str, description: str = "") -> Role:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    LISTED = ("listed", "Added to a list (the Entity List, a debtor list).")
    NAMED = ("named", "Named in the instrument.")
    SUBJECT = ("subject", "The subject of a ruling or an order (a party to the case).")
    OWNER = ("owner", "The person that owns or develops what the instrument names (an app's developer).")
    OPERATOR = ("operator", "The person that operates or controls what the instrument names.")
    PRODUCT = ("product", "A product or app the instrument names.")
    BENEFICIARY = ("beneficiary", "The party a license or exemption benefits.")
    DEFENDANT = ("defendant", "A defendant an indictment charges (listed under ``charges`` in answers, never as a restriction).")


class Scope(_Words):
    """Whether a restriction on a target also reaches what the target owns."""

    def __new__(cls, value: str, description: str = "") -> Scope:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    ENTITY = ("entity", "The named target only.")
    WITH_SUBSIDIARIES = ("with_subsidiaries", "The target and what it owns through ownership links valid at the time asked.")


class Category(_Words):
    """What a prohibition restricts; ``reach`` says, in an answer, how far the restriction goes."""

    reach: str

    def __new__(cls, value: str, description: str = "", reach: str = "") -> Category:
        member = object.__new__(cls)
        member._value_, member.description, member.reach = value, description, reach
        return member

    EXPORTS = ("exports", "Items subject to export controls need a license.", "exports of controlled items")
    TECHNOLOGY_EXPORTS = ("technology_exports", "A country's own technology export licensing.", "technology exports")
    TRANSACTIONS = ("transactions", "Transactions with or involving the target.", "transactions")
    PROCUREMENT = ("procurement", "Government purchasing and contracting.", "government procurement only")
    GOVERNMENT_DEVICES = ("government_devices", "Use on government-issued devices.", "government devices only")
    SUBSIDIES = ("subsidies", "Use of public funds such as the Universal Service Fund.", "use of public subsidies only")
    APP_DISTRIBUTION = ("app_distribution", "Distribution through app stores.", "app-store distribution")
    INTERNET_SERVICES = ("internet_services", "Hosting, content delivery, peering and other services enabling an app.", "internet services")
    APP_ACCESS = ("app_access", "Blocking access to an app or site.", "access to the app")
    NETWORK_EQUIPMENT = ("network_equipment", "Use of equipment in telecommunications networks.", "network equipment")
    DIVESTMENT = ("divestment", "An order to divest.", "an order to divest")
    PERSONAL_CONDUCT = ("personal_conduct", "Travel, purchases and other restrictions on listed debtors.", "personal conduct")
    SECURITIES = ("securities", "Purchases and sales of publicly traded securities.", "securities transactions")
    DEFENSE_EXPORTS = (
        "defense_exports",
        "Taking part in exports of defense articles and defense services (ITAR).",
        "exports of defense articles and services",
    )
    OTHER = ("other", "Anything else (the prohibition's summary says what).", "other")


class State(_Words):
    """The state of one prohibition for one target at the time asked."""

    def __new__(cls, value: str, description: str = "") -> State:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    OPERATIVE = ("operative", "Binding at the time asked.")
    SUSPENDED = ("suspended", "In its period, but suspended (enjoined, stayed or suspended by a license).")
    PENDING = ("pending", "Not yet effective: its period starts later.")
    LAPSED = ("lapsed", "Between two periods (an extension left a gap).")
    ENDED = ("ended", "Its period is over (expired, ended for this target, or terminated).")
    NEVER = ("never_effective", "It never took effect.")


class Reason(_Words):
    """Why an action that concerns an entity did not restrict it at the time asked.

    ``precedence`` ranks what ended an action when several causes end it at the same instant
    (lower wins); ``terminal`` marks the reasons that end an action for good.
    """

    precedence: int
    terminal: bool

    def __new__(cls, value: str, description: str = "", precedence: int = 99, terminal: bool = False) -> Reason:
        member = object.__new__(cls)
        member._value_, member.description, member.precedence, member.terminal = value, description, precedence, terminal
        return member

    NOT_YET_EFFECTIVE = ("not_yet_effective", "It takes effect later than the time asked.")
    NEVER_EFFECTIVE = ("never_effective", "It never took effect (announced only, or enjoined before it started).")
    NO_PROHIBITIONS = ("no_prohibitions", "It restricts nothing by itself (it directs, amends or upholds).")
    SUSPENDED = ("suspended", "Its prohibitions were suspended then (an injunction, a stay, a suspending license).")
    LAPSED = ("lapsed", "It was between periods then (an extension came later).")
    EXPIRED = ("expired", "Its period had ended.", 5)
    REVOKED = ("revoked", "Another action revoked it (or its listing of this entity).", 0, True)
    LIFTED = ("lifted", "Another action lifted it.", 2, True)
    SUPERSEDED = ("superseded", "Another action replaced it.", 1, True)
    PARENT_ENDED = ("parent_ended", "It implements an action that ended.", 3, True)
    NOT_AFFILIATED = ("not_affiliated", "It reaches the entity through an owner, and that ownership did not hold then.", 4)
    NON_BINDING = ("non_binding", "It is not binding (charges, a recommendation, a statement).")
    POSSIBLY_NAMED = ("possibly_named", "The record cannot confirm that the action named this entity; never counted.")
    DESTINATION_EXCEPTED = ("destination_excepted", "It controls the item for every destination but some, and the one asked is excepted.")
    DESTINATION_NOT_COVERED = ("destination_not_covered", "It controls the item only for other destinations than the one asked.")
    DESTINATION_UNCONFIRMED = (
        "destination_unconfirmed",
        "It names a group of destinations whose members the data does not list; the destination asked may be one; never counted.",
    )
    ORIGIN_NOT_COVERED = ("origin_not_covered", "It controls exports from other countries than the country of export asked.")


class Basis(_Words):
    """Why a restriction reaches an entity: named in the action, or owned by a named target."""

    def __new__(cls, value: str, description: str = "") -> Basis:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    NAMED = ("named", "The action names the entity as a target.")
    AFFILIATE = ("affiliate", "The action names an owner, with subsidiaries, and an ownership chain links the entity to it then.")
    CONTROLLED = ("controlled", "The action controls the item asked about, for the destination (and country of export) asked.")


class Status(_Words):
    """How an operative restriction stands."""

    def __new__(cls, value: str, description: str = "") -> Status:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    IN_FORCE = ("in_force", "Every prohibition that applies is operative (carve-outs aside).")
    PARTLY_SUSPENDED = ("in_force_partly_suspended", "Operative, but some of its prohibitions are suspended.")


class SpanState(_Words):
    """How an action stood for an entity over a span of days (in an entity's history)."""

    label: str

    def __new__(cls, value: str, description: str = "", label: str = "") -> SpanState:
        member = object.__new__(cls)
        member._value_, member.description, member.label = value, description, label
        return member

    IN_FORCE = ("in_force", "In force, with no carve-out.", "in force")
    IN_FORCE_WITH_EXEMPTION = (
        "in_force_with_exemption",
        "In force, with a carve-out (a license or exemption) applying.",
        "in force with a carve-out",
    )
    SUSPENDED = ("suspended", "Suspended (enjoined, stayed or suspended by a license).", "suspended")
    LAPSED = ("lapsed", "Between two periods (before a renewal).", "lapsed")


class ChangeKind(_Words):
    """How an action changed for an entity between two days (in a diff)."""

    def __new__(cls, value: str, description: str = "") -> ChangeKind:
        member = object.__new__(cls)
        member._value_, member.description = value, description
        return member

    CAME_INTO_FORCE = ("came_into_force", "Restricted the entity on the later day, not on the earlier one.")
    WENT_OUT_OF_FORCE = ("went_out_of_force", "Restricted the entity on the earlier day, not on the later one.")


class Effect(_Words):
    """What a relation does to the related action; ``step`` is its place in the order relations apply in."""

    step: int

    def __new__(cls, value: str, step: int = 0, description: str = "") -> Effect:
        member = object.__new__(cls)
        member._value_, member.step, member.description = value, step, description
        return member

    EXTENDS = ("extends", 2, "The related action is also in force during this action's periods (renewals may overlap or leave gaps).")
    TERMINATES = ("terminates", 3, "Ends the related action (or the listed prohibitions or targets) from the relation's effective date.")
    IMPLEMENTS = ("implements", 4, "This action carries out the related one and ends when it ends.")
    SUSPENDS = ("suspends", 5, "Suspends the related action's prohibitions (all, or those listed) while this action is in force.")
    CARVES_OUT = ("carves_out", 6, "Carves a purpose, prohibitions or targets out of the related action while this one is in force.")
    INFORMATIONAL = ("informational", 0, "Recorded for timelines; changes nothing in force by itself.")


class RelationType(_Words):
    """How an action changes another one; ``effect`` says what the engine does with it."""

    effect: Effect
    reason: Reason | None

    def __new__(
        cls, value: str, effect: Effect = Effect.INFORMATIONAL, description: str = "", reason: Reason | None = None
    ) -> RelationType:
        member = object.__new__(cls)
        member._value_, member.effect, member.description, member.reason = value, effect, description, reason
        return member

    AMENDS = ("amends", Effect.INFORMATIONAL, "Changes the related action; informational unless it also carries its own restrictions.")
    EXTENDS = ("extends", Effect.EXTENDS, "The related action stays in force during this action's period too (renewals, extensions).")
    EXEMPTS = (
        "exempts",
        Effect.CARVES_OUT,
        "Carves a purpose, a prohibition or a target out of the related action while this action is in force; the restriction remains.",
    )
    ENJOINS = ("enjoins", Effect.SUSPENDS, "A court suspends the related action's prohibitions while this action is in force.")
    STAYS = ("stays", Effect.SUSPENDS, "A court stays the related action's prohibitions while this action is in force.")
    SUSPENDS = (
        "suspends",
        Effect.SUSPENDS,
        "The same by a non-judicial instrument: e.g. a general license restoring the policy that applied before a listing.",
    )
    LIFTS = (
        "lifts",
        Effect.TERMINATES,
        "Ends the related action from this action's effective date (a court lifting its own order).",
        Reason.LIFTED,
    )
    REVOKES = (
        "revokes",
        Effect.TERMINATES,
        "Ends the related action (or the listed targets) from this action's effective date.",
        Reason.REVOKED,
    )
    SUPERSEDES = ("supersedes", Effect.TERMINATES, "Replaces the related action from this action's effective date.", Reason.SUPERSEDED)
    UPHOLDS = ("upholds", Effect.INFORMATIONAL, "A court leaves the related action in force; changes nothing.")
    IMPLEMENTS = ("implements", Effect.IMPLEMENTS, "This action carries out the related one; it cannot outlive it.")

    @property
    def suspends(self) -> bool:
        """Injunctions, stays and suspending licenses suspend prohibitions for as long as they stand."""
        return self.effect is Effect.SUSPENDS

    @property
    def terminates(self) -> bool:
        """Lifts, revocations and supersessions end the related action."""
        return self.effect is Effect.TERMINATES


class InstrumentType(_Words):
    """Typed identifiers of legal instruments, with the format the validator checks where there is one."""

    label: str
    pattern: re.Pattern[str] | None
    example: str

    def __new__(cls, value: str, description: str = "", example: str = "", pattern: str | None = None, label: str = "") -> InstrumentType:
        member = object.__new__(cls)
        member._value_, member.description, member.example, member.label = value, description, example, label
        member.pattern = re.compile(pattern) if pattern else None
        return member

    FR_CITATION = ("fr_citation", "a Federal Register citation", "84 FR 22961", r"^\d{1,3} FR \d{1,6}$")
    FR_DOCUMENT = ("fr_document", "a Federal Register document number", "2019-10616", r"^(?:E\d-)?\d{4}-\d{4,6}$", "FR Doc. ")
    EXECUTIVE_ORDER = ("executive_order", "an executive order number", "13942", r"^\d{5}$", "E.O. ")
    PUBLIC_LAW = ("public_law", "a public law number", "115-232, sec. 889", r"^\d{2,3}-\d{1,3}\b.*$", "Pub. L. ")
    STATUTE = ("statute", "a statute or code citation", "50 U.S.C. 4801")
    CFR = ("cfr", "a Code of Federal Regulations citation", "15 CFR part 744")
    FAR_CASE = ("far_case", "a Federal Acquisition Regulation case number", "2019-009", None, "FAR Case ")
    COURT_DOCKET = ("court_docket", "a court docket number", "4:19-cv-00159")
    FCC_RECORD = ("fcc_record", "an FCC record or order number", "FCC 19-121")
    FCC_DOCKET = ("fcc_docket", "an FCC docket number", "PS Docket No. 19-351")
    GAZETTE = ("gazette", "an official gazette reference", "G.S.R. 1234(E)")
    NOTICE = ("notice", "any other official notice number", "MOFCOM Announcement 2020 No. 38")
    OTHER = ("other", "anything else", "")

    def format(self, value: str) -> str:
        """The identifier as cited, with its conventional prefix.

        >>> InstrumentType.EXECUTIVE_ORDER.format("13942")
        'E.O. 13942'
        """
        return self.label + value


class OfficialList(_Words):
    """An official list a snapshot covers: its short code, the CSL ``source`` text, and how a listing on it reads.

    ``kind`` is the action kind a listing on it becomes, ``category`` what it restricts, ``authority``
    who keeps it.

    >>> OfficialList.from_csl("Entity List (EL) - Bureau of Industry and Security").kind.value
    'entity_list_addition'
    """

    csl: str
    kind: ActionKind
    category: Category
    authority: str

    def __new__(cls, value: str, csl: str, kind: ActionKind, category: Category, authority: str, description: str = "") -> OfficialList:
        member = object.__new__(cls)
        member._value_, member.csl, member.kind, member.category, member.authority = value, csl, kind, category, authority
        member.description = description
        return member

    EL = (
        "EL",
        "Entity List (EL) - Bureau of Industry and Security",
        ActionKind.ENTITY_LIST_ADDITION,
        Category.EXPORTS,
        "U.S. Department of Commerce, Bureau of Industry and Security",
        "The Entity List (15 CFR part 744, supplement 4): a license for all items subject to the EAR.",
    )
    SDN = (
        "SDN",
        "Specially Designated Nationals (SDN) - Treasury Department",
        ActionKind.SANCTIONS_DESIGNATION,
        Category.TRANSACTIONS,
        "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "The Specially Designated Nationals and Blocked Persons List: property blocked, dealings prohibited.",
    )
    SSI = (
        "SSI",
        "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
        ActionKind.SANCTIONS_DESIGNATION,
        Category.TRANSACTIONS,
        "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "The Sectoral Sanctions Identifications List: the transactions its directives name are prohibited.",
    )
    FSE = (
        "FSE",
        "Foreign Sanctions Evaders (FSE) - Treasury Department",
        ActionKind.SANCTIONS_DESIGNATION,
        Category.TRANSACTIONS,
        "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "The Foreign Sanctions Evaders List: transactions by U.S. persons prohibited.",
    )
    PLC = (
        "PLC",
        "Palestinian Legislative Council List (PLC) - Treasury Department",
        ActionKind.SANCTIONS_DESIGNATION,
        Category.TRANSACTIONS,
        "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "The Non-SDN Palestinian Legislative Council List.",
    )
    CAP = (
        "CAP",
        "Capta List (CAP) - Treasury Department",
        ActionKind.SANCTIONS_DESIGNATION,
        Category.TRANSACTIONS,
        "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "The CAPTA List (correspondent or payable-through accounts).",
    )
    NS_MBS = (
        "NS-MBS",
        "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department",
        ActionKind.SANCTIONS_DESIGNATION,
        Category.TRANSACTIONS,
        "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "The Non-SDN Menu-Based Sanctions List: the measures chosen from a menu.",
    )
    CMIC = (
        "CMIC",
        "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department",
        ActionKind.CMIC_LISTING,
        Category.SECURITIES,
        "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "The Non-SDN Chinese Military-Industrial Complex Companies List (E.O. 13959 as amended by E.O. 14032).",
    )
    DPL = (
        "DPL",
        "Denied Persons List (DPL) - Bureau of Industry and Security",
        ActionKind.DENIAL_ORDER,
        Category.EXPORTS,
        "U.S. Department of Commerce, Bureau of Industry and Security",
        "The Denied Persons List: parties whose export privileges a BIS order denies.",
    )
    UVL = (
        "UVL",
        "Unverified List (UVL) - Bureau of Industry and Security",
        ActionKind.UNVERIFIED_LIST_ADDITION,
        Category.EXPORTS,
        "U.S. Department of Commerce, Bureau of Industry and Security",
        "The Unverified List (15 CFR part 744, supplement 6).",
    )
    MEU = (
        "MEU",
        "Military End User (MEU) List - Bureau of Industry and Security",
        ActionKind.MILITARY_END_USER_LISTING,
        Category.EXPORTS,
        "U.S. Department of Commerce, Bureau of Industry and Security",
        "The Military End-User List (15 CFR part 744, supplement 7).",
    )
    DTC = (
        "DTC",
        "ITAR Debarred (DTC) - State Department",
        ActionKind.DEBARMENT,
        Category.DEFENSE_EXPORTS,
        "U.S. Department of State, Directorate of Defense Trade Controls",
        "The ITAR debarred parties (statutory and administrative debarments).",
    )
    ISN = (
        "ISN",
        "Nonproliferation Sanctions (ISN) - State Department",
        ActionKind.NONPROLIFERATION_SANCTION,
        Category.TRANSACTIONS,
        "U.S. Department of State, Bureau of International Security and Nonproliferation",
        "Nonproliferation sanctions imposed by the State Department.",
    )

    @classmethod
    def from_csl(cls, text: str) -> OfficialList:
        """The list a CSL ``source`` value names (``ValueError`` for one this table does not know)."""
        for member in cls:
            if member.csl == text:
                return member
        raise ValueError(f"unknown list {text!r}")
