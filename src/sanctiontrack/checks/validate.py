"""Validate action files: shape, references, dates and seed quotes, all problems in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..io.files import seed_folders
from ..io.seeds import SeedLibrary
from ..model.errors import Problem
from ..model.records import Dataset

if TYPE_CHECKING:
    from ..io.read import ReadResult

__all__ = ["Report", "seed_folders", "validate", "validate_read"]


@attrs.frozen(slots=True)
class Report:
    """What validation found: every problem (sorted by place), the records that were valid, and every file validated (read or not)."""

    problems: tuple[Problem, ...]
    dataset: Dataset
    files: tuple[str, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that make the files invalid."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems that are unusual but legal."""
        return tuple(p for p in self.problems if p.severity == "warning")

    def ok(self, *, strict: bool = False) -> bool:
        """True when there are no errors (and, if ``strict``, no warnings).

        >>> Report((), Dataset(), ()).ok(strict=True)
        True
        """
        return not self.problems if strict else not self.errors


def validate_read(read: ReadResult, seeds: SeedLibrary) -> Report:
    """Run the semantic checks on files already read."""
    from .run import check

    seen = attrs.evolve(read, dataset=read.checked())  # records that failed the schema are checked for everything else too
    problems = sorted([*read.problems, *check(seen, seeds)], key=lambda p: (p.path, p.line, p.col, p.message))
    return Report(tuple(problems), read.dataset, tuple(read.listed))


def validate(paths: str | Path | Sequence[str | Path], *, seeds: Sequence[str | Path] = ()) -> Report:
    """Validate an action file, a folder of them, or several; never raises for bad data.

    >>> from sanctiontrack import validate
    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "a.yaml"
    >>> _ = bad.write_text("actions:\\n  - id: x\\n    kind: ban\\n")
    >>> validate(bad) == validate([bad])
    True
    >>> problem = validate([bad]).errors[0]
    >>> problem.line, problem.col, problem.record, problem.message.endswith("(got 'ban')")
    (3, 11, 'x', True)
    """
    from ..io.read import paused_gc, read_paths

    resolved = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    with paused_gc():
        read = read_paths(resolved)
        library = SeedLibrary(seed_folders(resolved, [Path(s) for s in seeds]))
        return validate_read(read, library)
