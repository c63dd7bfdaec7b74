"""What an import did with every row: read, imported, merged with curated records, skipped and why.

Every row an importer reads is counted once: ``rows_read == imported + merged + skipped``. Problems
are located as ``file:row:column`` (the row is the file's line number, the column the field's
position, counting from 1); merge decisions that were not certain are listed apart.

>>> report = ImportReport()
>>> report.skip("malformed row")
>>> report.rows_read, report.skipped, dict(report.reasons)
(1, 1, {'malformed row': 1})
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from ...model.errors import Problem, ProblemCode, Severity

__all__ = ["ImportReport"]


@attrs.define
class ImportReport:
    """Counts and located problems of one import (one or more files)."""

    files: list[str] = attrs.field(factory=list)
    imported: int = 0
    merged: int = 0
    skipped: int = 0
    reasons: Counter[str] = attrs.field(factory=Counter)
    problems: list[Problem] = attrs.field(factory=list)
    ambiguous: list[str] = attrs.field(factory=list)
    entities: int = 0
    actions: int = 0
    removals: int = 0

    @property
    def errors(self) -> int:
        """How many problems are errors (rows left out), not warnings."""
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def rows_read(self) -> int:
        """Every data row read (header lines not counted)."""
        return self.imported + self.merged + self.skipped

    def skip(self, reason: str) -> None:
        """Count one row left out, with why."""
        self.skipped += 1
        self.reasons[reason] += 1

    def problem(
        self, path: str, row: int, column: int, record: str | None, message: str, code: ProblemCode, severity: Severity = "error"
    ) -> None:
        """Record a located problem (the row's fate is counted separately)."""
        self.problems.append(Problem(path, row, column, record, message, severity, code))

    def summary(self) -> str:
        """The report as a few lines of text.

        >>> print(ImportReport(imported=3, merged=1).summary().splitlines()[0])
        rows read 4: imported 3, merged with curated records 1, skipped 0
        """
        lines = [f"rows read {self.rows_read}: imported {self.imported}, merged with curated records {self.merged}, skipped {self.skipped}"]
        lines += [f"  skipped {count}: {reason}" for reason, count in sorted(self.reasons.items())]
        lines.append(f"entities {self.entities}, listing actions {self.actions}, removals between snapshots {self.removals}")
        if self.ambiguous:
            lines.append(f"merge decisions to check: {len(self.ambiguous)}")
        if self.problems:
            lines.append(f"problems: {self.errors} error(s), {len(self.problems) - self.errors} warning(s)")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "files": list(self.files),
            "rows_read": self.rows_read,
            "imported": self.imported,
            "merged": self.merged,
            "skipped": self.skipped,
            "skipped_by_reason": dict(sorted(self.reasons.items())),
            "entities": self.entities,
            "actions": self.actions,
            "removals": self.removals,
            "ambiguous": list(self.ambiguous),
            "problems": [str(p) for p in self.problems],
        }
