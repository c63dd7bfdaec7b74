"""Rich tables for the command line; JSON output lives in ``_jsonify``."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..model.records import Action, Entity
from ..query.coverage import Coverage, not_found
from ..query.results import Charge, Citation, Diff, ItemRestrictions, Restrictions, ScreenResult, Timeline, TimelineEvent

__all__ = [
    "render_action",
    "render_actions",
    "render_coverage",
    "render_diff",
    "render_entities",
    "render_item_restrictions",
    "render_restrictions",
    "render_screen",
    "render_timeline",
]


def render_restrictions(console: Console, answer: Restrictions) -> None:
    """A point answer: verdict, operative restrictions, then what did not apply and why."""
    entity = answer.entity
    via = f" (matched {answer.matched!r})" if answer.matched and answer.matched != entity.name else ""
    verdict = Text("RESTRICTED", style="bold red") if answer.restricted else Text("not restricted", style="bold green")
    scope = "" if answer.restricted or answer.coverage is None else " in the data covered (below)"
    console.print(Text.assemble(f"{entity.name} [{entity.id}]{via} on {answer.when}: ", verdict, scope))
    if answer.restrictions:
        console.print(Text(f"\nOperative restrictions ({len(answer.restrictions)})", style="bold"))
    for r in answer.restrictions:
        console.print(Text.assemble("  • ", (r.action.title, "bold"), f"  [{r.action.id}]"))
        basis = r.basis.value + (f", listed as {r.target.listed_as!r}" if r.target.listed_as else "")
        console.print(f"    {r.action.kind.value}, {r.action.jurisdiction}; status: {r.status.value}; basis: {basis}", highlight=False)
        console.print(Padding(r.explanation, (0, 0, 0, 4)), highlight=False)
        _sources(console, r.sources)
    if answer.not_operative:
        console.print(Text(f"\nConcerning actions that did not apply ({len(answer.not_operative)})", style="bold"))
    for n in answer.not_operative:
        console.print(Text.assemble("  • ", (n.action.title, "bold"), f"  [{n.action.id}]"))
        console.print(Padding(f"{n.reason.value}: {n.explanation}", (0, 0, 0, 4)), highlight=False)
    _charges(console, answer.charges)
    if not answer.restrictions and not answer.not_operative and not answer.charges:
        console.print("No action in the data concerns this entity on that day.")
    render_coverage(console, answer.coverage, answer.outside)


def render_coverage(console: Console, coverage: Coverage | None, outside: str | None = None) -> None:
    """The line every answer ends with: what data it covers (and a warning when the time asked lies outside it)."""
    if outside:
        console.print(Text(f"\nNote: {outside}.", style="bold yellow"), highlight=False)
    if coverage is not None:
        console.print(Text(("" if outside else "\n") + coverage.line(), style="dim"), highlight=False)


def _charges(console: Console, charges: Sequence[Charge]) -> None:
    if charges:
        console.print(Text(f"\nCharges ({len(charges)}): a named defendant in these cases (charges restrict nothing)", style="bold"))
    for c in charges:
        console.print(Text.assemble("  • ", (c.action.title, "bold"), f"  [{c.action.id}]"))
        where = ", ".join(x for x in (c.case, c.court) if x)
        dates = ", ".join(x for x in (f"returned {c.returned}" if c.returned else "", f"unsealed {c.unsealed}" if c.unsealed else "") if x)
        console.print(Padding(f"{c.document}; {where}; {dates}; charged since {c.since}", (0, 0, 0, 4)), highlight=False)


def render_item_restrictions(console: Console, answer: ItemRestrictions) -> None:
    """An item answer: verdict for the export, the rules that reach it, then the rules that do not and why."""
    names = "; ".join(f"{i.name} [{i.id}]" for i in answer.items)
    origin = f" from {answer.origin}" if answer.origin else ""
    verdict = Text("LICENCE REQUIRED", style="bold red") if answer.restricted else Text("not restricted", style="bold green")
    asked = f"{names}\n(matched {answer.matched!r}) exported to {answer.destination}{origin} on {answer.when}: "
    console.print(Text.assemble(asked, verdict))
    if answer.restrictions:
        console.print(Text(f"\nOperative restrictions ({len(answer.restrictions)})", style="bold"))
    for r in answer.restrictions:
        console.print(Text.assemble("  • ", (r.action.title, "bold"), f"  [{r.action.id}]"))
        kind = f"{r.action.kind.value}, {r.action.jurisdiction}"
        console.print(f"    {kind}; status: {r.status.value}; basis: {r.basis.value}", highlight=False)
        console.print(Padding(r.explanation, (0, 0, 0, 4)), highlight=False)
        _sources(console, r.sources)
    if answer.not_operative:
        console.print(Text(f"\nActions controlling the item that did not apply ({len(answer.not_operative)})", style="bold"))
    for n in answer.not_operative:
        console.print(Text.assemble("  • ", (n.action.title, "bold"), f"  [{n.action.id}]"))
        console.print(Padding(f"{n.reason.value}: {n.explanation}", (0, 0, 0, 4)), highlight=False)
    if not answer.restrictions and not answer.not_operative:
        console.print("No action in the data controls this item on that day.")
    render_coverage(console, answer.coverage, answer.outside)


def _sources(console: Console, citations: Sequence[Citation]) -> None:
    for c in citations[:4]:
        detail = f'"{c.evidence.quote}"' if c.evidence.quote else (c.evidence.locator or "")
        console.print(Padding(f"source: {c.source.publisher}, {c.source.title} — {detail}", (0, 0, 0, 4)), style="dim", highlight=False)
    if len(citations) > 4:
        console.print(Padding(f"... and {len(citations) - 4} more sources (use --format json)", (0, 0, 0, 4)), style="dim")


def render_timeline(console: Console, entity: Entity, events: Sequence[TimelineEvent]) -> None:
    """An entity's dated events, with the restricted state before and after each."""
    table = Table(title=f"Timeline of {entity.name} [{entity.id}]", expand=True)
    table.add_column("date")
    table.add_column("event")
    table.add_column("action", ratio=3)
    table.add_column("restricted before → after")
    for e in events:
        state = f"{_yes(e.restricted_before)} → {_yes(e.restricted_after)}"
        if e.charged:
            state += "\ncharged (" + ", ".join(e.charged) + ")"
        table.add_row(e.date, e.label, f"{e.description}\n[{e.action.id}]", state)
    console.print(table)
    if isinstance(events, Timeline):
        render_coverage(console, events.coverage)


def render_diff(console: Console, diff: Diff) -> None:
    """What changed for an entity between two days."""
    console.print(
        f"{diff.entity.name} [{diff.entity.id}]: {diff.start} {_yes(diff.restricted_before)} → {diff.end} {_yes(diff.restricted_after)}"
    )
    for title, changes in (("Came into force", diff.came_into_force), ("Went out of force", diff.went_out_of_force)):
        if changes:
            table = Table(title=title, expand=True)
            table.add_column("action")
            table.add_column("explanation", ratio=3)
            for c in changes:
                table.add_row(f"{c.action.title}\n[{c.action.id}]", c.explanation)
            console.print(table)
    if diff.events:
        render_timeline(console, diff.entity, diff.events)
    render_coverage(console, diff.coverage, diff.outside)


def render_actions(console: Console, actions: Sequence[Action], title: str) -> None:
    """A list of actions with kind, jurisdiction and dates."""
    table = Table(title=f"{title} ({len(actions)})", expand=True)
    table.add_column("id")
    table.add_column("kind")
    table.add_column("jur.")
    table.add_column("title", ratio=2)
    table.add_column("effective")
    for a in actions:
        table.add_row(a.id, a.kind.value, a.jurisdiction, a.title, str(a.dates.effective or ""))
    console.print(table)


def render_action(console: Console, action: Action) -> None:
    """One action in full."""
    console.print(Text(action.title, style="bold"))
    console.print(f"[{action.id}] {action.kind.value}, {action.jurisdiction}, {action.authority}")
    for kind, value in action.dates.items():
        note = f" — {value.note}" if value.note else ""
        console.print(f"  {kind.value:>9}: {value} ({value.confidence.value}){note}")
    for i in action.instruments:
        console.print(f"  instrument: {i}")
    for t in action.targets:
        what = t.entity or f"item {t.item} to {t.destinations.text()}" + (f" from {', '.join(t.exported_from)}" if t.exported_from else "")
        console.print(f"  target: {what} ({t.role.value}, {t.scope.value})" + (f" listed as {t.listed_as!r}" if t.listed_as else ""))
    for p in action.restricts:
        span = " ".join(x for x in (f"from {p.effective}" if p.effective else "", f"until {p.ended}" if p.ended else "") if x)
        console.print(f"  prohibits [{p.id}] {p.category.value}: {p.summary} {span}".rstrip())
    for r in action.relations:
        scope = ", ".join(x for x in (", ".join(r.prohibitions), ", ".join(r.entities)) if x)
        console.print(f"  {r.type.value} {r.action}" + (f" ({scope})" if scope else "") + (f": {r.purpose}" if r.purpose else ""))
    for e in action.evidence:
        detail = f'"{e.quote}"' if e.quote else (e.locator or "")
        console.print(f"  source {e.source}: {detail}")
    for n in action.notes:
        console.print(f"  note ({n.date}): {n.text}")


def render_entities(console: Console, rows: Sequence[tuple[Entity, str, float | None]]) -> None:
    """Entities found by a search (or all of them)."""
    table = Table(title=f"Entities ({len(rows)})", expand=True)
    table.add_column("id")
    table.add_column("name", ratio=2)
    table.add_column("kind")
    table.add_column("country")
    table.add_column("matched")
    table.add_column("score")
    for entity, name, score in rows:
        table.add_row(
            entity.id,
            entity.name,
            entity.kind.value,
            entity.country or "",
            name if name != entity.name else "",
            f"{score:.0f}" if score is not None else "",
        )
    console.print(table)


def render_screen(console: Console, results: Sequence[ScreenResult], day: str) -> None:
    """Screening results, one row per match."""
    table = Table(title=f"Screening on {day}", expand=True)
    table.add_column("query")
    table.add_column("match")
    table.add_column("score")
    table.add_column("restricted")
    for r in results:
        if not r.matches:
            table.add_row(r.query, "— no match in the data covered", "", "not covered")
        for m in r.matches:
            table.add_row(
                r.query,
                f"{m.entity.name} [{m.entity.id}]" + (f" via {m.name!r}" if m.name != m.entity.name else ""),
                f"{m.score:.0f}",
                _yes(m.restricted),
            )
    console.print(table)
    coverage = next((r.coverage for r in results if r.coverage is not None), None)
    missed = sum(1 for r in results if not r.matches)
    if missed:
        console.print(f"{missed} name(s) with {not_found(None)}.", highlight=False)
    if coverage is not None:
        from ..model.dates import parse_day

        render_coverage(console, coverage, coverage.outside(parse_day(day)))


def _yes(flag: bool) -> str:
    return "restricted" if flag else "not restricted"
