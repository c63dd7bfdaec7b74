"""Names: aliases add something (a spelling, a script, a note) rather than repeat what is there."""

from __future__ import annotations

from ..model.errors import ProblemCode
from .context import Context, rule

__all__ = ["alias_repeats"]


@rule(ProblemCode.ALIAS)
def alias_repeats(ctx: Context) -> None:
    """An alias that repeats the canonical name without a note, or another alias, is flagged."""
    for entity in ctx.read.dataset.entities:
        origin = ctx.origin("entities", entity.id)
        names: dict[str, int] = {}
        for i, alias in enumerate(entity.aliases):
            # Case variants are harmless (lookups ignore case) and may document a listed spelling.
            if alias.name == entity.name and alias.note is None and alias.lang is None:
                ctx.add(
                    origin,
                    ("aliases", i, "name"),
                    entity.id,
                    f"alias {alias.name!r} repeats the canonical name without a note",
                    ProblemCode.ALIAS,
                    "warning",
                )
            if alias.name in names:
                ctx.add(
                    origin,
                    ("aliases", i, "name"),
                    entity.id,
                    f"alias {alias.name!r} is listed twice (first as aliases[{names[alias.name]}])",
                    ProblemCode.ALIAS,
                    "warning",
                )
            names.setdefault(alias.name, i)
