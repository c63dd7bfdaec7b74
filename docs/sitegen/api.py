"""The Python API page: one mkdocstrings block per name in ``sanctiontrack.__all__``, grouped by role."""

from __future__ import annotations

import inspect
from types import ModuleType

__all__ = ["GROUPS", "api_page", "grouped"]

#: (heading, intro, defining modules). Names are placed by the module that defines them.
GROUPS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "Loading and querying",
        "Load the bundled dataset (or your own action files) and ask questions. Every query needs an explicit day or instant.",
        ("_loader", "_tracker", "_entities"),
    ),
    (
        "Query results",
        "What queries return: frozen records that say what applied, on what basis, and what did not and why.",
        ("_results", "_engine"),
    ),
    (
        "Validation and schema",
        "Check action files and get their JSON Schema.",
        ("_validate", "__init__"),
    ),
    (
        "Records",
        "The validated records of an action file, mirroring [the action file format](../data-format.md).",
        ("_model", "_dates"),
    ),
    ("Errors", "Every exception derives from `SanctionTrackError`, and also from the builtin it resembles.", ("_errors",)),
]


def grouped(package: ModuleType) -> list[tuple[str, str, list[str]]]:
    """The public names of ``package`` (its ``__all__``) in their groups, plus an "Other" group if needed."""
    names: list[str] = list(package.__all__)
    placed: dict[str, list[str]] = {heading: [] for heading, _, _ in GROUPS}
    other: list[str] = []
    for name in names:
        obj = getattr(package, name)
        module = getattr(obj, "__module__", "") or ""
        if module == package.__name__:
            module += ".__init__"
        leaf = module.rsplit(".", 1)[-1]
        for heading, _, modules in GROUPS:
            if leaf in modules:
                placed[heading].append(name)
                break
        else:
            other.append(name)

    def order(name: str) -> tuple[int, int, str]:
        obj = getattr(package, name)
        kind = 0 if inspect.isfunction(obj) else 1 if inspect.isclass(obj) and not issubclass(obj, BaseException) else 2
        try:
            line = inspect.getsourcelines(obj)[1]
        except (OSError, TypeError):
            line = 0
        return kind, line, name

    out = [(heading, intro, sorted(placed[heading], key=order)) for heading, intro, _ in GROUPS if placed[heading]]
    if other:
        out.append(("Other", "", sorted(other)))
    return out


def api_page(package: ModuleType) -> str:
    """The Markdown of the API page: intro, then ``::: package.name`` per public name."""
    out = [
        "# Python API",
        "",
        f"Everything below is importable from `{package.__name__}` and listed in its `__all__`; "
        "the modules behind it are private. This page is generated from the docstrings at build time.",
        "",
    ]
    for heading, intro, names in grouped(package):
        out += [f"## {heading}", ""]
        if intro:
            out += [intro, ""]
        for name in names:
            out += [f"::: {package.__name__}.{name}", "    options:", "      heading_level: 3", "      show_root_heading: true", ""]
    return "\n".join(out)
