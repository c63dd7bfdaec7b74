"""The exception hierarchy: one root, subclasses that are also the builtin they resemble."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

Severity = Literal["error", "warning"]


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
    code: str = "invalid"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        who = f" {self.record}:" if self.record else ""
        warn = " warning:" if self.severity == "warning" else ""
        return f"{where}:{warn}{who} {self.message}"


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
    """No entity matches a name or id; ``suggestions`` holds the closest names, best first.

    >>> str(UnknownEntityError("Hauwei", ("Huawei", "Hytera")))
    "no entity matches 'Hauwei'; did you mean: Huawei, Hytera?"
    """

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no entity matches {query!r}{hint}")

    def __str__(self) -> str:
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


class QueryError(SanctionTrackError, ValueError):
    """A query's arguments are malformed (a bad date, both ``on`` and ``at``, ...).

    >>> str(QueryError("'on' must be a date like 2019-10-09 (got '2019-13-01')"))
    "'on' must be a date like 2019-10-09 (got '2019-13-01')"
    """


for _error in (SanctionTrackError, DataError, UnknownEntityError, UnknownActionError, QueryError):
    _error.__module__ = "sanctiontrack"  # tracebacks name the public path
