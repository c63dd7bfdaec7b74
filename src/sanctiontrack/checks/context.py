"""What every check sees: the records read, where each stands, the seeds, and a place to report problems.

A check is a function of a :class:`Context` that reports located problems; :func:`rule` declares the
problem codes it can report, so the codes, the checks and the docs stay in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from ..io.read import Origin, ReadResult
from ..io.seeds import SeedLibrary
from ..model.dates import DateValue
from ..model.errors import Problem, ProblemCode, Severity
from ..model.names import did_you_mean

__all__ = ["Check", "Context", "order", "rule"]


@attrs.define
class Context:
    """The records of one validation run, indexed by id, and the problems found so far."""

    read: ReadResult
    seeds: SeedLibrary
    problems: list[Problem] = attrs.field(factory=list)
    entities: set[str] = attrs.field(init=False)
    sources: dict[str, Any] = attrs.field(init=False)
    source_ids: set[str] = attrs.field(init=False)
    actions: dict[str, Any] = attrs.field(init=False)
    action_ids: set[str] = attrs.field(init=False)
    item_ids: set[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        data = self.read.dataset
        declared = self.read.declared
        self.entities = {e.id for e in data.entities} | set(declared["entities"])
        self.sources = {s.id: s for s in data.sources}
        self.source_ids = set(self.sources) | set(declared["sources"])
        self.actions = {a.id: a for a in data.actions}
        self.action_ids = set(self.actions) | set(declared["actions"])
        self.item_ids = {i.id for i in data.items} | set(declared.get("items", {}))

    def origin(self, collection: str, record_id: str) -> Origin:
        """Where a valid record stands."""
        return self.read.origins[(collection, record_id)]

    def add(
        self,
        origin: Origin,
        rel: Sequence[str | int],
        record: str,
        message: str,
        code: ProblemCode,
        severity: Severity = "error",
        *,
        key: bool = False,
    ) -> None:
        """Report a problem at field ``rel`` of the record at ``origin``."""
        path, line, col = origin.where(rel, key=key)
        self.problems.append(Problem(path, line, col, record, message, severity, code))

    def reference(self, origin: Origin, rel: Sequence[str | int], record: str, kind: str, ref: str, known: set[str]) -> bool:
        """True if ``ref`` names a known record; else report it, with the closest id as a hint."""
        if ref in known:
            return True
        hint = did_you_mean(ref, sorted(known))
        suffix = f"; did you mean {hint!r}?" if hint else ""
        self.add(origin, rel, record, f"unknown {kind} {ref!r}{suffix}", ProblemCode.UNKNOWN_REFERENCE)
        return False

    def invalid_records(self) -> Iterator[tuple[str, str, Origin, dict[str, Any]]]:
        """(collection, id, origin, raw mapping) of every record that failed the schema but has an id."""
        valid = set(self.read.origins)
        for collection, declared in self.read.declared.items():
            for record_id, origin in declared.items():
                if (collection, record_id) in valid:
                    continue
                record: Any = origin.file.data
                for part in origin.prefix:
                    record = record[part]
                if isinstance(record, dict):
                    yield collection, record_id, origin, record


Check = Callable[[Context], None]


def rule(*codes: ProblemCode) -> Callable[[Check], Check]:
    """Declare the problem codes a check reports (read by the tests and the docs)."""

    def mark(check: Check) -> Check:
        check.codes = codes  # type: ignore[attr-defined]
        return check

    return mark


def order(a: DateValue, b: DateValue, tz: str) -> int:
    """Compare two date values by their first instant: -1, 0 or 1."""
    x, y = a.start(tz).timestamp(), b.start(tz).timestamp()
    return (x > y) - (x < y)
