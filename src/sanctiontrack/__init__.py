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

from ._dates import Confidence, DateValue, Precision
from ._engine import Reason, State
from ._entities import Entities
from ._errors import DataError, Problem, QueryError, SanctionTrackError, UnknownActionError, UnknownEntityError
from ._loader import load
from ._model import (
    Action,
    ActionKind,
    Alias,
    Category,
    Dataset,
    Dates,
    Entity,
    EntityKind,
    Evidence,
    Instrument,
    InstrumentType,
    Link,
    LinkRelation,
    Note,
    Prohibition,
    Relation,
    RelationType,
    Role,
    Scope,
    Source,
    SourceKind,
    Target,
)
from ._results import (
    ActionHistory,
    Basis,
    CarveOut,
    Change,
    Citation,
    Diff,
    EntityMatch,
    NotOperative,
    ProhibitionStatus,
    Restriction,
    Restrictions,
    ScreenMatch,
    ScreenResult,
    Span,
    Status,
    TimelineEvent,
)
from ._seeds import locate_quote, normalize_quote
from ._tracker import Tracker
from ._validate import Report, validate

__version__ = "0.1.0"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an action file, generated from the validating models.

    >>> json_schema()["title"]
    'sanctiontrack action file'
    """
    from ._schema import json_schema as build

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
    "Citation",
    "Confidence",
    "DataError",
    "Dataset",
    "DateValue",
    "Dates",
    "Diff",
    "Entities",
    "Entity",
    "EntityKind",
    "EntityMatch",
    "Evidence",
    "Instrument",
    "InstrumentType",
    "Link",
    "LinkRelation",
    "NotOperative",
    "Note",
    "Precision",
    "Problem",
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
    "State",
    "Status",
    "Target",
    "TimelineEvent",
    "Tracker",
    "UnknownActionError",
    "UnknownEntityError",
    "json_schema",
    "load",
    "locate_quote",
    "normalize_quote",
    "validate",
]
