"""Dates make sense: nothing ends before it starts; unusual but legal orders are flagged until acknowledged."""

from __future__ import annotations

from ..model.errors import ProblemCode
from .context import Context, order, rule

__all__ = ["action_dates", "link_dates", "unusual_date_orders"]


@rule(ProblemCode.DATE_ORDER)
def action_dates(ctx: Context) -> None:
    """An action ends after it takes effect; its prohibitions end after they start, and never start before it."""
    for action in ctx.read.dataset.actions:
        origin = ctx.origin("actions", action.id)
        aid, tz, dates = action.id, action.zone, action.dates
        if dates.effective and dates.ended and order(dates.ended, dates.effective, tz) <= 0:
            ctx.add(
                origin,
                ("dates", "ended"),
                aid,
                f"'ended' ({dates.ended}) must be after 'effective' ({dates.effective}); 'ended' is the first day no longer in force",
                ProblemCode.DATE_ORDER,
            )
        if dates.ended and not dates.effective:
            ctx.add(
                origin,
                ("dates", "ended"),
                aid,
                "'ended' is set but 'effective' is not: an action that never took effect cannot end",
                ProblemCode.DATE_ORDER,
            )
        for i, prohibition in enumerate(action.restricts):
            if prohibition.effective and prohibition.ended and order(prohibition.ended, prohibition.effective, tz) <= 0:
                ctx.add(
                    origin,
                    ("restricts", i, "ended"),
                    aid,
                    f"'ended' ({prohibition.ended}) must be after 'effective' ({prohibition.effective})",
                    ProblemCode.DATE_ORDER,
                )
            if prohibition.effective and dates.effective and order(prohibition.effective, dates.effective, tz) < 0:
                ctx.add(
                    origin,
                    ("restricts", i, "effective"),
                    aid,
                    f"prohibition effective ({prohibition.effective}) before the action itself ({dates.effective})",
                    ProblemCode.DATE_ORDER,
                )


@rule(ProblemCode.EFFECTIVE_BEFORE_PUBLISHED, ProblemCode.PUBLISHED_BEFORE_SIGNED, ProblemCode.EFFECTIVE_BEFORE_SIGNED)
def unusual_date_orders(ctx: Context) -> None:
    """Legal but unusual orders (effective before published, ...) warn until the record acknowledges them."""
    for action in ctx.read.dataset.actions:
        origin = ctx.origin("actions", action.id)
        aid, tz, dates = action.id, action.zone, action.dates
        quiet = set(action.acknowledged)
        on_signing = (
            dates.signed is not None and dates.effective is not None and dates.signed.local_day(tz) == dates.effective.local_day(tz)
        )
        code = ProblemCode.EFFECTIVE_BEFORE_PUBLISHED
        if (
            dates.effective
            and dates.published
            and not on_signing
            and order(dates.effective, dates.published, tz) < 0
            and code.value not in quiet
        ):
            ctx.add(
                origin,
                ("dates", "effective"),
                aid,
                f"effective ({dates.effective}) before published ({dates.published}): unusual but legal; "
                f"check the source, then add '{code.value}' to 'acknowledged'",
                code,
                "warning",
            )
        code = ProblemCode.PUBLISHED_BEFORE_SIGNED
        if dates.published and dates.signed and order(dates.published, dates.signed, tz) < 0 and code.value not in quiet:
            ctx.add(
                origin,
                ("dates", "published"),
                aid,
                f"published ({dates.published}) before signed ({dates.signed}); "
                f"check the source, then add '{code.value}' to 'acknowledged'",
                code,
                "warning",
            )
        code = ProblemCode.EFFECTIVE_BEFORE_SIGNED
        if dates.effective and dates.signed and order(dates.effective, dates.signed, tz) < 0 and code.value not in quiet:
            ctx.add(
                origin,
                ("dates", "effective"),
                aid,
                f"effective ({dates.effective}) before signed ({dates.signed}): retroactive; "
                f"check the source, then add '{code.value}' to 'acknowledged'",
                code,
                "warning",
            )


@rule(ProblemCode.DATE_ORDER)
def link_dates(ctx: Context) -> None:
    """An ownership or affiliation link ends after it starts."""
    for entity in ctx.read.dataset.entities:
        for i, link in enumerate(entity.links):
            if link.start and link.until and order(link.until, link.start, "UTC") <= 0:
                ctx.add(
                    ctx.origin("entities", entity.id),
                    ("links", i, "until"),
                    entity.id,
                    f"'until' ({link.until}) must be after 'from' ({link.start})",
                    ProblemCode.DATE_ORDER,
                )
