"""Find action files and seed folders on disk (no parsing here, so it stays cheap to import)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model.errors import Problem, ProblemCode
from .bundle import bundled_seeds

__all__ = ["collect_files", "display_path", "seed_folders"]


def display_path(path: Path) -> str:
    """A path as users wrote it: relative to the working directory when it lies below it."""
    text = str(path)
    if not path.is_absolute():
        return text
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return text
    return text if relative.startswith("..") else relative


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders into their YAML files (sorted, recursive); report paths that do not exist."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            named = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml"))  # ACTS.YAML too
            for broken in [p for p in named if p.is_symlink() and not p.exists()]:
                problems.append(Problem(display_path(broken), 1, 1, None, "a link to nothing (broken symlink)", code=ProblemCode.USAGE))
            found = [p for p in named if p.is_file()]
            inside = path.resolve()
            for leaving in [p for p in found if not p.resolve().is_relative_to(inside)]:
                problems.append(
                    Problem(display_path(leaving), 1, 1, None, f"refused: a link that leaves the folder {path}", code=ProblemCode.USAGE)
                )
                found.remove(leaving)
            if not found:
                problems.append(Problem(display_path(path), 1, 1, None, "no .yaml or .yml files in this folder", code=ProblemCode.USAGE))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():  # a device, a pipe, a socket: nothing a file of records is read from
            problems.append(Problem(display_path(path), 1, 1, None, "not a regular file or a folder", code=ProblemCode.USAGE))
        else:
            problems.append(Problem(display_path(path), 1, 1, None, "no such file or folder", code=ProblemCode.USAGE))
    return files, problems


def seed_folders(paths: Iterable[Path], extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """Folders searched for seed files: those given, ``seeds/`` beside or above each file, the bundled ones."""
    folders: list[Path] = list(extra)
    for path in paths:
        base = path if path.is_dir() else path.parent
        folders.extend([base / "seeds", base.parent / "seeds"])
    folders.append(bundled_seeds())
    unique: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in seen:
            seen.add(folder.resolve())
            unique.append(folder)
    return tuple(unique)
