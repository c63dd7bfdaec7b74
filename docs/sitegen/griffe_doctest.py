"""A Griffe extension that makes the library's docstrings render well in mkdocstrings.

The library's docstrings carry runnable ``>>>`` examples as bare doctest blocks (no ``Examples:``
section) and Sphinx roles such as :func:`load`. Rendered as Markdown, ``>>>`` lines would become
nested block quotes and roles would show their markup. This extension rewrites each docstring
before it is parsed:

- a doctest block (from a ``>>>`` line to the next blank line) becomes a fenced ``pycon`` block,
  with ``# doctest:`` directives removed;
- ``:role:`name``` becomes a cross-reference when ``name`` is a public member of the package (its
  ``__all__``), and inline code otherwise.

Loaded from mkdocs.yml as ``docs/sitegen/griffe_doctest.py:DoctestBlocks``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["DoctestBlocks", "rewrite"]

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|attr|exc|mod|data|obj|const):`~?([^`]+)`")
_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$")


def _fence(out: list[str], lines: list[str]) -> None:
    """Append ``lines`` to ``out`` as a fenced pycon block set off by blank lines."""
    indent = re.match(r"\s*", lines[0]).group(0)  # type: ignore[union-attr]
    if out and out[-1].strip():
        out.append("")
    out.extend([f"{indent}```pycon", *(_DIRECTIVE.sub("", line) for line in lines), f"{indent}```"])


def _doctest_blocks(text: str) -> str:
    out: list[str] = []
    block: list[str] = []
    in_fence = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
        if block:
            if stripped:
                block.append(line)
                continue
            _fence(out, block)
            block = []
        if not in_fence and stripped.startswith(">>>"):
            block = [line]
            continue
        out.append(line)
    if block:
        _fence(out, block)
    return "\n".join(out).strip("\n")


def rewrite(text: str, resolve: Any = None) -> str:
    """Rewrite one docstring: doctest blocks to ``pycon`` fences, roles to references or code.

    ``resolve(name)`` returns the identifier to link to, or None for plain code.

    >>> rewrite("Load it.\\n\\n>>> 1 + 1  # doctest: +SKIP\\n2\\n\\nSee :func:`load`.").splitlines()
    ['Load it.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'See `load`.']
    """

    def role(match: re.Match[str]) -> str:
        name = match.group(1)
        target = resolve(name) if resolve is not None else None
        return f"[`{name}`][{target}]" if target else f"`{name}`"

    return _ROLE.sub(role, _doctest_blocks(text))


class DoctestBlocks(griffe.Extension):
    """Rewrite every docstring of the loaded package (see the module docstring)."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite every docstring once the whole package is loaded, so references can be checked."""
        exports = {str(name) for name in (pkg.exports or ())}

        def resolve(name: str) -> str | None:
            local = name.removeprefix(f"{pkg.name}.")
            if local.split(".")[0] not in exports:
                return None
            try:
                pkg[local]
            except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
                return None
            return f"{pkg.name}.{local}"

        seen: set[int] = set()

        def visit(obj: griffe.Object | griffe.Alias) -> None:
            if obj.is_alias or id(obj) in seen:
                return
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = rewrite(obj.docstring.value, resolve)
            for member in obj.members.values():
                visit(member)

        visit(pkg)
