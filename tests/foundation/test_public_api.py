"""The public API is small, sorted and explicit; errors are the builtins they resemble."""

from __future__ import annotations

import inspect

import sanctiontrack
from sanctiontrack import DataError, QueryError, SanctionTrackError, UnknownActionError, UnknownEntityError

LAYERS = {"model", "io", "checks", "engine", "store", "query", "screen", "cli"}  # internal layout, see ARCHITECTURE.md


def test_all_is_sorted_and_complete() -> None:
    assert sanctiontrack.__all__ == sorted(sanctiontrack.__all__)
    public = {name for name in dir(sanctiontrack) if not name.startswith("_")}
    assert set(sanctiontrack.__all__) == public - {"annotations", "Any", "TYPE_CHECKING"} - LAYERS


def test_everything_public_is_documented() -> None:
    for name in sanctiontrack.__all__:
        obj = getattr(sanctiontrack, name)
        assert inspect.getdoc(obj), f"{name} has no docstring"


def test_public_functions_carry_examples() -> None:
    for name in ("load", "validate", "json_schema"):
        assert ">>>" in (getattr(sanctiontrack, name).__doc__ or ""), name
    for method in (
        "restrictions",
        "timeline",
        "history",
        "diff",
        "in_force",
        "action",
        "screen",
        "restricted",
        "item_restrictions",
        "item_timeline",
        "charges",
    ):
        assert ">>>" in (getattr(sanctiontrack.Tracker, method).__doc__ or ""), method


def test_one_root_and_builtin_parents() -> None:
    assert issubclass(DataError, SanctionTrackError) and issubclass(DataError, ValueError)
    assert issubclass(UnknownEntityError, SanctionTrackError) and issubclass(UnknownEntityError, LookupError)
    assert issubclass(UnknownActionError, LookupError) and issubclass(QueryError, ValueError)


def test_library_code_never_asks_for_today() -> None:
    import pathlib

    package = pathlib.Path(sanctiontrack.__file__).parent
    modules = [m for m in package.rglob("*.py") if m.relative_to(package).parts[0] != "cli"]  # the CLI may default to today
    assert len(modules) > 20
    for module in modules:
        text = module.read_text()
        for forbidden in ("today(", "now(", "date.today", "datetime.now"):
            assert forbidden not in text, f"{module.relative_to(package)} uses {forbidden}"
