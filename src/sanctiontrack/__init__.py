"""sanctiontrack: what restrictions applied to a company on a given day, and why.

Typed models of regulatory actions, a curated dataset of the U.S.–China technology conflict with
its sources, a validator for action files, and point-in-time queries with explanations.

>>> import sanctiontrack
>>> tracker = sanctiontrack.load()
>>> tracker.restrictions("Huawei", on="2019-05-16").restricted
True
"""

from __future__ import annotations

from typing import Any

from .checks.validate import Report, validate
from .io.seeds import locate_quote, normalize_quote
from .model.dates import Confidence, DateValue, Precision
from .model.errors import (
    DataError,
    Problem,
    ProblemCode,
    QueryError,
    SanctionTrackError,
    UnknownActionError,
    UnknownEntityError,
    UnknownItemError,
)
from .model.records import (
    Action,
    Alias,
    ControlledItem,
    Dataset,
    Dates,
    Destinations,
    Entity,
    Evidence,
    Instrument,
    Link,
    Note,
    Prohibition,
    Relation,
    Source,
    Target,
)
from .model.vocabulary import (
    ActionKind,
    Basis,
    Category,
    ChangeKind,
    DateKind,
    Effect,
    EntityKind,
    Family,
    InstrumentType,
    ItemKind,
    LinkRelation,
    Reason,
    RelationType,
    Role,
    Scope,
    SourceKind,
    SpanState,
    State,
    Status,
)
from .query.entities import Entities
from .query.items import Items
from .query.load import load
from .query.results import (
    ActionHistory,
    CarveOut,
    Change,
    Charge,
    Citation,
    Diff,
    EntityMatch,
    ItemRestrictions,
    NotOperative,
    ProhibitionStatus,
    Restriction,
    Restrictions,
    ScreenMatch,
    ScreenResult,
    Span,
    TimelineEvent,
)
from .query.tracker import Tracker

__version__ = "0.1.0"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an action file, generated from the validating models.

    >>> json_schema()["title"]
    'sanctiontrack action file'
    """
    from .io.schema import json_schema as build

    return build()


__all__ = [
    "Action",
    "ActionHistory",
    "ActionKind",
    "Alias",
    "Basis",
    "CarveOut",
    "Category",
    "Change",
    "ChangeKind",
    "Charge",
    "Citation",
    "Confidence",
    "ControlledItem",
    "DataError",
    "Dataset",
    "DateKind",
    "DateValue",
    "Dates",
    "Destinations",
    "Diff",
    "Effect",
    "Entities",
    "Entity",
    "EntityKind",
    "EntityMatch",
    "Evidence",
    "Family",
    "Instrument",
    "InstrumentType",
    "ItemKind",
    "ItemRestrictions",
    "Items",
    "Link",
    "LinkRelation",
    "NotOperative",
    "Note",
    "Precision",
    "Problem",
    "ProblemCode",
    "Prohibition",
    "ProhibitionStatus",
    "QueryError",
    "Reason",
    "Relation",
    "RelationType",
    "Report",
    "Restriction",
    "Restrictions",
    "Role",
    "SanctionTrackError",
    "Scope",
    "ScreenMatch",
    "ScreenResult",
    "Source",
    "SourceKind",
    "Span",
    "SpanState",
    "State",
    "Status",
    "Target",
    "TimelineEvent",
    "Tracker",
    "UnknownActionError",
    "UnknownEntityError",
    "UnknownItemError",
    "json_schema",
    "load",
    "locate_quote",
    "normalize_quote",
    "validate",
]
