"""The exception hierarchy: one root, subclasses that are also the builtin they resemble."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from .text import shown

__all__ = [
    "AmbiguousEntityError",
    "DataError",
    "Problem",
    "ProblemCode",
    "QueryError",
    "SanctionTrackError",
    "Severity",
    "StoreError",
    "UnknownActionError",
    "UnknownEntityError",
    "UnknownItemError",
]

Severity = Literal["error", "warning"]


class ProblemCode(enum.Enum):
    """What kind of problem a validation message reports; each code has a fixture in the tests.

    ``stage`` says which part of the validator finds it: reading the file (``read``), checking a
    record's shape against the schema (``shape``) or checking what the records say (``check``).

    >>> ProblemCode("date-order").stage, ProblemCode.DATE_ORDER.description
    ('check', 'Dates in the wrong order (ended before effective, a relation ending before it starts).')
    """

    _value_: str
    stage: str
    description: str

    def __new__(cls, value: str, stage: str = "check", description: str = "") -> ProblemCode:
        member = object.__new__(cls)
        member._value_, member.stage, member.description = value, stage, description
        return member

    @property
    def value(self) -> str:
        """The code as printed (``--format json``, GitHub annotations)."""
        return self._value_

    def __str__(self) -> str:
        return self._value_

    # reading files
    USAGE = ("usage", "read", "A path that is not a file or folder of action files.")
    IO = ("io", "read", "A file that cannot be read.")
    SIZE = ("size", "read", "A file larger than the limit.")
    ENCODING = ("encoding", "read", "A file that is not UTF-8 text.")
    SYNTAX = ("syntax", "read", "Invalid YAML.")
    DOCUMENTS = ("documents", "read", "More than one YAML document in a file.")
    DUPLICATE_KEY = ("duplicate-key", "read", "A mapping key given twice.")
    KEY = ("key", "read", "A mapping key that is not a plain scalar.")
    TAG = ("tag", "read", "An explicit YAML tag (object construction is refused).")
    DEPTH = ("depth", "read", "Nesting deeper than the limit.")
    YAML_ALIAS = ("yaml-alias", "read", "An unknown, recursive or exploding YAML alias.")
    # record shapes
    NOT_A_MAPPING = ("not-a-mapping", "shape", "A file, collection or record of the wrong shape.")
    UNKNOWN_FIELD = ("unknown-field", "shape", "A field the schema does not know.")
    MISSING_FIELD = ("missing-field", "shape", "A required field left out.")
    WRONG_TYPE = ("wrong-type", "shape", "A value of the wrong type (text where a list belongs, a number for a date).")
    NOT_ONE_OF = ("not-one-of", "shape", "A value outside its list of allowed values (a kind, a role, a category).")
    BAD_FORMAT = ("bad-format", "shape", "Text that does not have the required form (an id, a country code, a URL).")
    BAD_DATE = ("bad-date", "shape", "A date, time or zone that cannot be read or does not exist.")
    BAD_VALUE = ("bad-value", "shape", "A value the schema refuses for another reason (stated in the message).")
    TOO_FEW = ("too-few", "shape", "A list with fewer items than required (an action without evidence).")
    TOO_LONG = ("too-long", "shape", "Text longer than the limit.")
    # what the records say
    DUPLICATE_ID = ("duplicate-id", "check", "An id used twice in one collection, or a prohibition id used twice in an action.")
    UNKNOWN_REFERENCE = (
        "unknown-reference",
        "check",
        "A reference to an entity, source, action, prohibition or target that does not exist.",
    )
    SELF_REFERENCE = ("self-reference", "check", "An entity linked to itself, or an action related to itself.")
    DATE_ORDER = ("date-order", "check", "Dates in the wrong order (ended before effective, a relation ending before it starts).")
    EFFECTIVE_BEFORE_PUBLISHED = (
        "effective-before-published",
        "check",
        "Effective before published: legal but unusual; acknowledge it once checked.",
    )
    PUBLISHED_BEFORE_SIGNED = ("published-before-signed", "check", "Published before signed: check, then acknowledge it.")
    EFFECTIVE_BEFORE_SIGNED = ("effective-before-signed", "check", "Effective before signed (retroactive): check, then acknowledge it.")
    INSTRUMENT_FORMAT = ("instrument-format", "check", "An instrument identifier that does not have its type's form.")
    RELATION_PERIOD = ("relation-period", "check", "A relation that starts before the related action exists, or after it ended.")
    CYCLE = ("cycle", "check", "Relations that loop back on themselves.")
    QUOTE_REQUIRED = ("quote-required", "check", "Evidence from a seed document without its verbatim quote.")
    QUOTE_FORBIDDEN = ("quote-forbidden", "check", "A quote from a source other than a seed document.")
    QUOTE_NOT_FOUND = ("quote-not-found", "check", "A quote that is not in its seed document.")
    LOCATOR_REQUIRED = ("locator-required", "check", "Evidence from a non-seed source without a locator.")
    UNCONFIRMED_BASIS = ("unconfirmed-basis", "check", "Dates marked confirmed with no primary or official source cited.")
    SEED_MISSING = ("seed-missing", "check", "A seed source whose file is in no seed folder.")
    UNUSED_SOURCE = ("unused-source", "check", "A source no record cites.")
    ALIAS = ("alias", "check", "An alias that repeats the canonical name or another alias.")


@attrs.frozen(slots=True, order=True)
class Problem:
    """One located problem in an action file: where, in which record, and what is wrong.

    >>> str(Problem("data/actions.yaml", 12, 5, "us-x", "'effective' must be a date (got 'soon')"))
    "data/actions.yaml:12:5: us-x: 'effective' must be a date (got 'soon')"
    """

    path: str
    line: int
    col: int
    record: str | None
    message: str
    severity: Severity = "error"
    code: ProblemCode = attrs.field(default=ProblemCode.BAD_VALUE, order=False)

    def __str__(self) -> str:
        where = f"{shown(self.path, None, newlines=False)}:{self.line}:{self.col}"
        who = f" {shown(self.record, 200, newlines=False)}:" if self.record else ""
        warn = " warning:" if self.severity == "warning" else ""
        return f"{where}:{warn}{who} {shown(self.message, newlines=False)}"


class SanctionTrackError(Exception):
    """Catch-all for errors raised by sanctiontrack."""


class DataError(SanctionTrackError, ValueError):
    """An action file is invalid; ``problems`` lists every located problem found.

    >>> err = DataError([Problem("a.yaml", 1, 1, None, "expected a mapping (got a list)")])
    >>> str(err)
    'a.yaml:1:1: expected a mapping (got a list)'
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors (not warnings)."""
        return tuple(p for p in self.problems if p.severity == "error")


class UnknownEntityError(SanctionTrackError, LookupError):
    """No entity matches a name or id: the name is *not covered* by the data, which is not "not restricted".

    ``suggestions`` holds the closest names, best first (none when no name is close); ``coverage``
    what data was searched (a tracker's :class:`~sanctiontrack.query.coverage.Coverage`, whose text
    the message names).

    >>> str(UnknownEntityError("Hauwei", ("Huawei", "Hytera")))
    "no entity matches 'Hauwei'; did you mean: Huawei, Hytera?"
    >>> str(UnknownEntityError("Acme Widgets", (), coverage="curated data 2018-04-16 to 2024-12-03"))
    "no entity matches 'Acme Widgets': the name is in no loaded list or curated record (searched: curated data 2018-04-16 to \
2024-12-03); not covered, which does not mean not restricted; no close name"
    """

    def __init__(self, query: str, suggestions: Sequence[str] = (), *, coverage: object = None) -> None:
        self.query = query
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        self.coverage = coverage
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        if coverage is None:
            super().__init__(f"no entity matches {query!r}{hint}")
            return
        searched = f": the name is in no loaded list or curated record (searched: {coverage})"
        searched += "; not covered, which does not mean not restricted"
        super().__init__(f"no entity matches {query!r}{searched}{hint or '; no close name'}")

    @property
    def short(self) -> str:
        """The message without the data searched, for one row of many (a batch names the data once).

        >>> UnknownEntityError("Acme Widgets", (), coverage="curated data").short
        "no entity matches 'Acme Widgets' (not covered, which does not mean not restricted); no close name"
        """
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else "; no close name"
        return f"no entity matches {self.query!r} (not covered, which does not mean not restricted){hint}"

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousEntityError(UnknownEntityError):
    """A name that denotes several entities: ``candidates`` holds them (``name [id]``), in name order.

    Either the name is no entity's but begins the names of several, or several bear it (``shared``):
    an a.k.a. two listed parties have in common.

    >>> str(AmbiguousEntityError("Huawei Cloud", ("Huawei Cloud Chile [hc-chile]", "Huawei Cloud Peru [hc-peru]")))
    "'Huawei Cloud' is not one entity: 2 entities' names begin with it: Huawei Cloud Chile [hc-chile], Huawei Cloud Peru [hc-peru]"
    >>> str(AmbiguousEntityError("Acme", ("Acme Ltd [acme-1]", "Acme Inc [acme-2]"), shared=True))
    "'Acme' is not one entity: 2 entities bear this name: Acme Ltd [acme-1], Acme Inc [acme-2]; name one by its full name or id"
    """

    SHOWN = 30  # candidates named in the message; ``candidates`` keeps them all

    def __init__(self, query: str, candidates: Sequence[str], *, coverage: object = None, shared: bool = False) -> None:
        super().__init__(query, (), coverage=coverage)
        self.candidates: tuple[str, ...] = tuple(candidates)
        self.shared = shared
        shown = ", ".join(self.candidates[: self.SHOWN])
        more = len(self.candidates) - self.SHOWN
        if more > 0:
            shown += f" and {more} more"
        if shared:
            self.args = (
                f"{query!r} is not one entity: {len(self.candidates)} entities bear this name: {shown}; name one by its full name or id",
            )
        else:
            self.args = (f"{query!r} is not one entity: {len(self.candidates)} entities' names begin with it: {shown}",)

    @property
    def short(self) -> str:
        """The message itself: an ambiguous name is covered, it only names several entities."""
        return str(self.args[0])


class UnknownActionError(SanctionTrackError, LookupError):
    """No action has the given id; ``suggestions`` holds the closest ids, best first.

    >>> str(UnknownActionError("us-eo-1394", ("us-eo-13942-tiktok",)))
    "no action has id 'us-eo-1394'; did you mean: us-eo-13942-tiktok?"
    """

    def __init__(self, action_id: str, suggestions: Sequence[str] = ()) -> None:
        self.action_id = action_id
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no action has id {action_id!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownItemError(SanctionTrackError, LookupError):
    """No controlled item matches an ECCN, catalogue number, description or id; ``suggestions`` holds the closest.

    >>> str(UnknownItemError("0D52", ("0D521",)))
    "no controlled item matches '0D52'; did you mean: 0D521?"
    """

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no controlled item matches {query!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class QueryError(SanctionTrackError, ValueError):
    """A query's arguments are malformed (a bad date, both ``on`` and ``at``, ...).

    >>> str(QueryError("'on' must be a date like 2019-10-09 (got '2019-13-01')"))
    "'on' must be a date like 2019-10-09 (got '2019-13-01')"
    """


class StoreError(SanctionTrackError, ValueError):
    """A compiled store that cannot be answered from: not a store, another format, cut short or damaged.

    :func:`sanctiontrack.load` rebuilds such a store; the message names the file and what is wrong.

    >>> str(StoreError("cache/x.store: damaged or foreign store: page 3 checksum mismatch"))
    'cache/x.store: damaged or foreign store: page 3 checksum mismatch'
    """


for _error in (SanctionTrackError, DataError, UnknownEntityError, UnknownActionError, UnknownItemError, QueryError, StoreError):
    _error.__module__ = "sanctiontrack"  # tracebacks name the public path
