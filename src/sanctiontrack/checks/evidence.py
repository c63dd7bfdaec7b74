"""Evidence: seed quotes are verbatim, other sources are located and never quoted, every source is used."""

from __future__ import annotations

from collections.abc import Iterator

from ..io.seeds import MAX_QUOTE, MIN_QUOTE, normalize_quote
from ..model.dates import Confidence
from ..model.errors import ProblemCode
from ..model.vocabulary import SourceKind
from .context import Context, rule
from .references import raw_references

__all__ = ["confirmed_dates_cite_a_primary_source", "other_evidence", "seed_files", "seed_quotes", "unused_sources"]


@rule(ProblemCode.QUOTE_REQUIRED, ProblemCode.QUOTE_NOT_FOUND)
def seed_quotes(ctx: Context) -> None:
    """Evidence from a seed document carries a quote found verbatim in it (the closest passage is shown if not)."""
    for action in ctx.read.dataset.actions:
        origin = ctx.origin("actions", action.id)
        for i, evidence in enumerate(action.evidence):
            source = ctx.sources.get(evidence.source)
            if source is None or source.kind is not SourceKind.SEED:
                continue
            if not evidence.quote:
                ctx.add(
                    origin,
                    ("evidence", i),
                    action.id,
                    f"evidence from seed {source.id!r} needs a verbatim 'quote'",
                    ProblemCode.QUOTE_REQUIRED,
                )
            elif not MIN_QUOTE <= len(normalize_quote(evidence.quote)) <= MAX_QUOTE:
                ctx.add(
                    origin,
                    ("evidence", i, "quote"),
                    action.id,
                    f"a quote has {MIN_QUOTE} to {MAX_QUOTE:,} characters (got {len(normalize_quote(evidence.quote)):,}): "
                    "a shorter one proves nothing, a longer one is a paste",
                    ProblemCode.QUOTE_REQUIRED,
                )
            elif source.seed and ctx.seeds.text(source.seed) is not None:
                found = ctx.seeds.check(source.seed, evidence.quote)
                if not found.found:
                    closest = f"; closest passage ({found.score:.0f}% similar): {found.closest!r}" if found.closest else ""
                    ctx.add(
                        origin,
                        ("evidence", i, "quote"),
                        action.id,
                        f"quote not found in seed {source.seed}{closest}",
                        ProblemCode.QUOTE_NOT_FOUND,
                    )


@rule(ProblemCode.QUOTE_FORBIDDEN, ProblemCode.LOCATOR_REQUIRED)
def other_evidence(ctx: Context) -> None:
    """Evidence from any other source is located and states what it establishes, never pasting a passage."""
    for action in ctx.read.dataset.actions:
        origin = ctx.origin("actions", action.id)
        for i, evidence in enumerate(action.evidence):
            source = ctx.sources.get(evidence.source)
            if source is None or source.kind is SourceKind.SEED:
                continue
            if evidence.quote:
                ctx.add(
                    origin,
                    ("evidence", i, "quote"),
                    action.id,
                    f"quotes come only from seed documents; for {source.kind.value} source {source.id!r} "
                    "give a 'locator' and say what it establishes in a 'note'",
                    ProblemCode.QUOTE_FORBIDDEN,
                )
            if not evidence.locator:
                ctx.add(
                    origin,
                    ("evidence", i),
                    action.id,
                    f"evidence from {source.kind.value} source {source.id!r} needs a 'locator' (section, page or paragraph)",
                    ProblemCode.LOCATOR_REQUIRED,
                    "warning",
                )


@rule(ProblemCode.UNCONFIRMED_BASIS)
def confirmed_dates_cite_a_primary_source(ctx: Context) -> None:
    """A date marked confirmed needs a primary or official source among the action's evidence."""
    authoritative = (SourceKind.PRIMARY, SourceKind.OFFICIAL)
    for action in ctx.read.dataset.actions:
        confirmed = [kind.value for kind, value in action.dates.items() if value.confidence is Confidence.CONFIRMED]
        if not confirmed:
            continue
        if any((source := ctx.sources.get(e.source)) is not None and source.kind in authoritative for e in action.evidence):
            continue
        ctx.add(
            ctx.origin("actions", action.id),
            ("dates",),
            action.id,
            f"dates marked confirmed ({', '.join(confirmed)}) but no primary or official source is cited; cite one or set 'confidence'",
            ProblemCode.UNCONFIRMED_BASIS,
            "warning",
        )


@rule(ProblemCode.SEED_MISSING)
def seed_files(ctx: Context) -> None:
    """A seed source names a file that one of the seed folders holds."""
    for source in ctx.read.dataset.sources:
        if source.kind is SourceKind.SEED and source.seed and ctx.seeds.text(source.seed) is None:
            refused = ctx.seeds.refused.get(source.seed)
            if refused is not None:
                ctx.add(
                    ctx.origin("sources", source.id),
                    ("seed",),
                    source.id,
                    f"seed file {source.seed!r} refused: {refused}",
                    ProblemCode.SEED_MISSING,
                )
                continue
            folders = ", ".join(str(f) for f in ctx.seeds.folders) or "no seed folder"
            ctx.add(
                ctx.origin("sources", source.id),
                ("seed",),
                source.id,
                f"seed file {source.seed!r} not found (looked in {folders})",
                ProblemCode.SEED_MISSING,
            )


@rule(ProblemCode.UNUSED_SOURCE)
def unused_sources(ctx: Context) -> None:
    """Every source is cited by some record (an entity, a name, a link, an item or an action's evidence)."""
    cited = set(_citations(ctx))
    for source in ctx.read.dataset.sources:
        if source.id not in cited:
            ctx.add(
                ctx.origin("sources", source.id),
                ("id",),
                source.id,
                f"source {source.id!r} is never cited",
                ProblemCode.UNUSED_SOURCE,
                "warning",
            )


def _citations(ctx: Context) -> Iterator[str]:
    for entity in ctx.read.dataset.entities:
        yield from entity.sources
        for alias in entity.aliases:
            yield from alias.sources
        for link in entity.links:
            yield from link.sources
    for action in ctx.read.dataset.actions:
        for evidence in action.evidence:
            yield evidence.source
    for item in ctx.read.dataset.items:
        yield from item.sources
        for alias in item.aliases:
            yield from alias.sources
    for snapshot in ctx.read.dataset.snapshots:
        yield from snapshot.sources
    for collection, _, _, record in ctx.invalid_records():
        for _, kind, ref in raw_references(collection, record):
            if kind == "source":
                yield ref
