"""sanctiontrack: what restrictions applied to a company on a given day, and why.

Typed models of regulatory actions, a curated dataset of the U.S.–China technology conflict with
its sources, a validator for action files, and point-in-time queries with explanations.

>>> import sanctiontrack
>>> tracker = sanctiontrack.load()
>>> tracker.restrictions("Huawei", on="2019-05-16").restricted
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model._lazy import defer_dateutil_parser as _defer_dateutil_parser

_defer_dateutil_parser()  # pendulum's eager import of dateutil.parser, deferred to its first use

if TYPE_CHECKING:  # the names below are imported when first used, so that `import sanctiontrack` costs little
    from .checks.validate import Report, validate
    from .io.importers.csl import import_csl
    from .io.importers.dpl import import_dpl
    from .io.importers.report import ImportReport
    from .io.seeds import locate_quote, normalize_quote
    from .model.dates import Confidence, DateValue, Precision
    from .model.errors import (
        AmbiguousEntityError,
        DataError,
        Problem,
        ProblemCode,
        QueryError,
        SanctionTrackError,
        StoreError,
        UnknownActionError,
        UnknownEntityError,
        UnknownItemError,
    )
    from .model.names import name_key
    from .model.records import (
        Action,
        Alias,
        ControlledItem,
        Dataset,
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
        OfficialList,
        Reason,
        RelationType,
        Role,
        Scope,
        SourceKind,
        SpanState,
        State,
        Status,
    )
    from .query.coverage import Coverage, ListSnapshot
    from .query.entities import Entities
    from .query.items import Items
    from .query.load import load
    from .query.reports import (
        ActionHistory,
        Change,
        Diff,
        EntityMatch,
        ItemRestrictions,
        Related,
        ScreenMatch,
        ScreenResult,
        Span,
        Timeline,
        TimelineEvent,
    )
    from .query.results import CarveOut, Charge, Citation, NotOperative, ProhibitionStatus, Restriction, Restrictions
    from .query.tracker import Tracker

__version__ = "0.1.0"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an action file, generated from the validating models.

    >>> json_schema()["title"]
    'sanctiontrack action file'
    """
    from .io.schema import json_schema as build

    return build()


# Where each public name lives; imported on first use (PEP 562), so the CLI starts without pydantic.
_EXPORTS = {
    "Action": "model.records",
    "ActionHistory": "query.reports",
    "ActionKind": "model.vocabulary",
    "AmbiguousEntityError": "model.errors",
    "Alias": "model.records",
    "Basis": "model.vocabulary",
    "CarveOut": "query.results",
    "Category": "model.vocabulary",
    "Change": "query.reports",
    "ChangeKind": "model.vocabulary",
    "Charge": "query.results",
    "Citation": "query.results",
    "Confidence": "model.dates",
    "ControlledItem": "model.records",
    "Coverage": "query.coverage",
    "DataError": "model.errors",
    "Dataset": "model.records",
    "DateKind": "model.vocabulary",
    "DateValue": "model.dates",
    "Dates": "model.records",
    "Destinations": "model.records",
    "Diff": "query.reports",
    "Effect": "model.vocabulary",
    "Entities": "query.entities",
    "Entity": "model.records",
    "EntityKind": "model.vocabulary",
    "EntityMatch": "query.reports",
    "Evidence": "model.records",
    "Family": "model.vocabulary",
    "Identifier": "model.records",
    "ImportReport": "io.importers.report",
    "Instrument": "model.records",
    "InstrumentType": "model.vocabulary",
    "ItemKind": "model.vocabulary",
    "ItemRestrictions": "query.reports",
    "Items": "query.items",
    "Link": "model.records",
    "LinkRelation": "model.vocabulary",
    "ListSnapshot": "query.coverage",
    "NotOperative": "query.results",
    "Note": "model.records",
    "OfficialList": "model.vocabulary",
    "Precision": "model.dates",
    "Problem": "model.errors",
    "ProblemCode": "model.errors",
    "Prohibition": "model.records",
    "ProhibitionStatus": "query.results",
    "QueryError": "model.errors",
    "Reason": "model.vocabulary",
    "Relation": "model.records",
    "RelationType": "model.vocabulary",
    "Report": "checks.validate",
    "Related": "query.reports",
    "Restriction": "query.results",
    "Restrictions": "query.results",
    "Role": "model.vocabulary",
    "SanctionTrackError": "model.errors",
    "Scope": "model.vocabulary",
    "ScreenMatch": "query.reports",
    "ScreenResult": "query.reports",
    "Snapshot": "model.records",
    "Source": "model.records",
    "SourceKind": "model.vocabulary",
    "Span": "query.reports",
    "SpanState": "model.vocabulary",
    "State": "model.vocabulary",
    "Status": "model.vocabulary",
    "StoreError": "model.errors",
    "Target": "model.records",
    "Timeline": "query.reports",
    "TimelineEvent": "query.reports",
    "Tracker": "query.tracker",
    "UnknownActionError": "model.errors",
    "UnknownEntityError": "model.errors",
    "UnknownItemError": "model.errors",
    "import_csl": "io.importers.csl",
    "import_dpl": "io.importers.dpl",
    "load": "query.load",
    "locate_quote": "io.seeds",
    "name_key": "model.names",
    "normalize_quote": "io.seeds",
    "validate": "checks.validate",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sanctiontrack' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"sanctiontrack.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Action",
    "ActionHistory",
    "ActionKind",
    "Alias",
    "AmbiguousEntityError",
    "Basis",
    "CarveOut",
    "Category",
    "Change",
    "ChangeKind",
    "Charge",
    "Citation",
    "Confidence",
    "ControlledItem",
    "Coverage",
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
    "Identifier",
    "ImportReport",
    "Instrument",
    "InstrumentType",
    "ItemKind",
    "ItemRestrictions",
    "Items",
    "Link",
    "LinkRelation",
    "ListSnapshot",
    "NotOperative",
    "Note",
    "OfficialList",
    "Precision",
    "Problem",
    "ProblemCode",
    "Prohibition",
    "ProhibitionStatus",
    "QueryError",
    "Reason",
    "Related",
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
    "Snapshot",
    "Source",
    "SourceKind",
    "Span",
    "SpanState",
    "State",
    "Status",
    "StoreError",
    "Target",
    "Timeline",
    "TimelineEvent",
    "Tracker",
    "UnknownActionError",
    "UnknownEntityError",
    "UnknownItemError",
    "import_csl",
    "import_dpl",
    "json_schema",
    "load",
    "locate_quote",
    "name_key",
    "normalize_quote",
    "validate",
]
