"""Every check, in one list: what ``validate`` runs after reading, and what the docs list per problem code."""

from __future__ import annotations

from ..io.read import ReadResult
from ..io.seeds import SeedLibrary
from ..model.errors import Problem, ProblemCode
from . import dates, evidence, instruments, names, references, relations
from .context import Check, Context

__all__ = ["CHECKS", "check", "codes_of"]

CHECKS: tuple[Check, ...] = (
    references.entity_references,
    references.action_references,
    references.item_references,
    references.snapshot_references,
    references.prohibition_ids,
    references.invalid_record_references,
    dates.action_dates,
    dates.unusual_date_orders,
    dates.link_dates,
    instruments.instrument_formats,
    relations.relation_periods,
    relations.cycles,
    evidence.seed_quotes,
    evidence.other_evidence,
    evidence.confirmed_dates_cite_a_primary_source,
    evidence.seed_files,
    evidence.unused_sources,
    names.alias_repeats,
)


def codes_of(check: Check) -> tuple[ProblemCode, ...]:
    """The problem codes a check declares it can report.

    >>> [code.value for code in codes_of(relations.cycles)]
    ['cycle']
    """
    found: tuple[ProblemCode, ...] = getattr(check, "codes", ())
    return found


def check(read: ReadResult, seeds: SeedLibrary) -> list[Problem]:
    """All semantic problems in what was read."""
    ctx = Context(read, seeds)
    for run in CHECKS:
        run(ctx)
    return ctx.problems
