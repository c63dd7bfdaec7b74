"""Rich tables for the command line; JSON output lives in ``_jsonify``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text

from ..model.records import Action, Entity, Source
from ..model.text import shown
from ..query.coverage import Coverage, not_found
from ..query.results import Charge, Citation, Restrictions, scope_of

if TYPE_CHECKING:
    from rich.table import Table  # imported by the renders that draw a table: an answer prints none (a few ms of each start)

    from ..query.reports import Diff, ItemRestrictions, Related, ScreenResult, TimelineEvent

__all__ = [
    "make_console",
    "render_action",
    "render_actions",
    "render_coverage",
    "render_diff",
    "render_entities",
    "render_group",
    "render_item_restrictions",
    "render_members",
    "render_related",
    "render_restrictions",
    "render_screen",
    "render_timeline",
]


def render_restrictions(console: Console, answer: Restrictions, members: Sequence[Entity] = ()) -> None:
    """A point answer: verdict, operative restrictions, what did not apply and why, restricted group ``members``, then the coverage."""
    entity = answer.entity
    via = f" (matched {answer.matched!r})" if answer.matched and answer.matched != entity.name else ""
    verdict = Text("RESTRICTED", style="bold red") if answer.restricted else Text("not restricted", style="bold green")
    if answer.restricted:
        scope = Text(f" ({'; '.join(answer.scope)})", style="red")
    else:
        scope = Text("" if answer.coverage is None else " in the data covered (below)")
    console.print(Text.assemble(f"{entity.name} [{entity.id}]{via} on {answer.when}: ", verdict, scope))
    if answer.restrictions:
        console.print(Text(f"\nOperative restrictions ({len(answer.restrictions)})", style="bold"))
    for r in answer.restrictions:
        console.print(_bullet((r.action.title, "bold"), f"  [{r.action.id}]"))
        basis = r.basis.value + (f", listed as {r.target.listed_as!r}" if r.target.listed_as else "")
        console.print(_pad(f"{r.action.kind.value}, {r.action.jurisdiction}; status: {r.status.value}; basis: {basis}"))
        console.print(_pad(f"restricts: {'; '.join(r.scope)}"), highlight=False)
        console.print(_pad(r.explanation), highlight=False)
        _instruments(console, r.action)
        _sources(console, r.sources)
    if answer.not_operative:
        console.print(Text(f"\nConcerning actions that did not apply ({len(answer.not_operative)})", style="bold"))
    for n in answer.not_operative:
        console.print(_bullet((n.action.title, "bold"), f"  [{n.action.id}]"))
        console.print(_pad(f"{n.reason.value}: {n.explanation}"), highlight=False)
    _charges(console, answer.charges)
    if not answer.restrictions and not answer.not_operative and not answer.charges:
        console.print("No action in the data concerns this entity on that day.")
    if members and answer.on is not None:
        render_members(console, answer.entity, members, answer.on.to_date_string())
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
        console.print(_bullet((c.action.title, "bold"), f"  [{c.action.id}]"))
        where = ", ".join(x for x in (c.case, c.court) if x)
        dates = ", ".join(x for x in (f"returned {c.returned}" if c.returned else "", f"unsealed {c.unsealed}" if c.unsealed else "") if x)
        console.print(_pad(f"{c.document}; {where}; {dates}; charged since {c.since}"), highlight=False)


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
        console.print(_bullet((r.action.title, "bold"), f"  [{r.action.id}]"))
        kind = f"{r.action.kind.value}, {r.action.jurisdiction}"
        console.print(_pad(f"{kind}; status: {r.status.value}; basis: {r.basis.value}"))
        console.print(_pad(f"restricts: {'; '.join(r.scope)}"), highlight=False)
        console.print(_pad(r.explanation), highlight=False)
        _instruments(console, r.action)
        _sources(console, r.sources)
    if answer.not_operative:
        console.print(Text(f"\nActions controlling the item that did not apply ({len(answer.not_operative)})", style="bold"))
    for n in answer.not_operative:
        console.print(_bullet((n.action.title, "bold"), f"  [{n.action.id}]"))
        console.print(_pad(f"{n.reason.value}: {n.explanation}"), highlight=False)
    if not answer.restrictions and not answer.not_operative:
        console.print("No action in the data controls this item on that day.")
    render_coverage(console, answer.coverage, answer.outside)


def _instruments(console: Console, action: Action) -> None:
    """The legal instrument behind an action (its citation first: the most authoritative reference an answer gives)."""
    if action.instruments:
        console.print(_pad("instrument: " + "; ".join(str(i) for i in action.instruments)), highlight=False)
    for i in action.instruments:
        if i.url:
            console.print(f"      {i.url}", style="dim", highlight=False, overflow="ignore", crop=False, soft_wrap=True)


def _sources(console: Console, citations: Sequence[Citation]) -> None:
    """Sources as the answer orders them (by authority), each with its kind and, when it has one, its URL on a line of its own."""
    for c in citations[:4]:
        detail = f'"{c.evidence.quote}"' if c.evidence.quote else (c.evidence.locator or "")
        text = f"source ({c.source.kind.value}): {c.source.publisher}, {c.source.title} — {detail}"
        console.print(_pad(text), style="dim", highlight=False)
        if c.source.url:
            console.print(f"      {c.source.url}", style="dim", highlight=False, overflow="ignore", crop=False, soft_wrap=True)
    if len(citations) > 4:
        console.print(_pad(f"... and {len(citations) - 4} more sources (use --format json)"), style="dim")


def _table(title: str, console: Console) -> Table:
    """A table that fits the console: light rules, no outer box, cells wrapped at spaces."""
    from rich import box
    from rich.table import Table

    return Table(title=title, box=box.SIMPLE_HEAD, expand=True, padding=(0, 1), show_edge=False, title_justify="left", width=console.width)


def render_timeline(console: Console, entity: Entity, events: Sequence[TimelineEvent]) -> None:
    """An entity's dated events, with whether it was restricted before and after each (``no → yes``)."""
    table = _table(f"Timeline of {entity.name} [{entity.id}] ({len(events)} events)", console)
    table.add_column("day", no_wrap=True)
    table.add_column("event", max_width=12)
    table.add_column("what happened", ratio=1, overflow="fold")
    table.add_column("restricted", no_wrap=True)
    for e in events:
        state = f"{_short(e.restricted_before)} → {_short(e.restricted_after)}" + ("\ncharged" if e.charged else "")
        day = e.day.to_date_string()
        text = _brief(e.description, 200)
        if e.date != day:  # a time the source gives: say it, in its zone
            text += f" (at {e.date.partition('T')[2] or e.date})"
        if e.charged:
            text += f"; charged under {', '.join(e.charged)}"
        table.add_row(day, e.label, Group(Text(text), Text(e.action.id, style="dim", overflow="fold")), state)
    console.print(table)
    from ..query.reports import Timeline

    if isinstance(events, Timeline):
        render_coverage(console, events.coverage)


def _brief(text: str, width: int) -> str:
    """``text`` cut at a space before ``width`` characters, marked with an ellipsis (no word is cut)."""
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"


def render_diff(console: Console, diff: Diff) -> None:
    """What changed for an entity between two days: a list of what came into and went out of force, then the events between."""
    console.print(
        Text(
            f"{diff.entity.name} [{diff.entity.id}]: {_yes(diff.restricted_before)} on {diff.start}"
            f" → {_yes(diff.restricted_after)} on {diff.end}"
        )
    )
    for title, changes in (("Came into force", diff.came_into_force), ("Went out of force", diff.went_out_of_force)):
        if changes:
            console.print(Text(f"\n{title} ({len(changes)})", style="bold"))
        for c in changes:
            console.print(_bullet((c.action.title, "bold"), f"  [{c.action.id}]"))
            console.print(_pad(c.explanation))
    if not diff.came_into_force and not diff.went_out_of_force:
        console.print("Nothing came into or went out of force between these days.")
    if diff.events:
        console.print()
        render_timeline(console, diff.entity, diff.events)
    render_coverage(console, diff.coverage, diff.outside)


def render_actions(console: Console, actions: Sequence[Action], title: str) -> None:
    """A list of actions: title and id, kind and jurisdiction, what each restricts, and its effective date."""
    table = _table(f"{title} ({len(actions)})", console)
    table.add_column("action", ratio=3, overflow="fold")
    longest = max((len(w) for a in actions for w in a.kind.value.split("_")), default=8)
    table.add_column("kind", width=max(12, longest))  # wide enough for its longest word (nonproliferation)
    table.add_column("restricts", ratio=2)
    table.add_column("effective", min_width=10, max_width=16)
    if not actions:
        console.print(f"{title}: nothing.")
        return
    for a in actions:
        reach = "; ".join(scope_of(a.restricts))
        what = Group(Text(a.title), Text(a.id, style="dim", overflow="fold"))
        effective = str(a.dates.effective or "").replace("T", " ")
        table.add_row(what, f"{a.kind.value.replace('_', ' ')}, {a.jurisdiction}", reach or _restricts_nothing(a), effective)
    console.print(table)


def render_action(console: Console, action: Action, sources: Mapping[str, Source] | None = None) -> None:
    """One action in full; with ``sources``, its evidence by the authority of each source (the legal text first), with URLs."""
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
    known = sources or {}
    for e in sorted(action.evidence, key=lambda e: known[e.source].kind.authority if e.source in known else 9):
        detail = f'"{e.quote}"' if e.quote else (e.locator or "")
        source = known.get(e.source)
        standing = f" ({source.kind.value})" if source is not None else ""
        console.print(_pad(f"source {e.source}{standing}: {detail}", 2))
        if source is not None and source.url:
            console.print(f"    {source.url}", style="dim", overflow="ignore", crop=False, soft_wrap=True)
    for n in action.notes:
        console.print(f"  note ({n.date}): {n.text}")


def render_entities(console: Console, rows: Sequence[tuple[Entity, str, float | None]], total: int | None = None) -> None:
    """Entities found by a search (or the first of all): name and id, kind, country, the name that matched and its score.

    ``total``: how many there were before the rows were cut to a limit; the table then says how many more there are.
    """
    total = len(rows) if total is None else total
    table = _table(f"Entities ({len(rows)})" if total == len(rows) else f"Entities ({len(rows):,} of {total:,})", console)
    table.add_column("entity", ratio=3, overflow="fold")
    table.add_column("kind", width=12)
    table.add_column("country", no_wrap=True)
    table.add_column("matched", ratio=2, overflow="fold")
    table.add_column("score", no_wrap=True, justify="right")
    for entity, name, score in rows:
        table.add_row(
            Group(Text(entity.name), Text(entity.id, style="dim", overflow="fold")),
            entity.kind.value,
            entity.country or "",
            name if name != entity.name else "",
            f"{score:.0f}" if score is not None else "",
        )
    console.print(table)
    if total > len(rows):
        console.print(f"{total - len(rows):,} more: --limit N shows more, --format csv or json lists them all.")


def render_related(console: Console, entity: Entity, links: Sequence[Related], sources: Mapping[str, Source]) -> None:
    """An entity's parents, subsidiaries and affiliates: each link with its relation, dates, note and sources (with URLs)."""
    console.print(Text(f"{entity.name} [{entity.id}]: {len(links)} link(s) to other entities", style="bold"))
    if not links:
        console.print("No links to or from this entity in the data.")
    for role, title in (("parent", "Parents"), ("subsidiary", "Subsidiaries, brands and parts"), ("affiliate", "Affiliates")):
        chosen = [r for r in links if r.role == role]
        if chosen:
            console.print(Text(f"\n{title} ({len(chosen)})", style="bold"))
        for r in chosen:
            span = ", ".join(x for x in (f"from {r.start}" if r.start else "", f"until {r.until}" if r.until else "") if x)
            child, parent = (entity, r.entity) if r.direction == "from" else (r.entity, entity)
            console.print(_bullet((r.entity.name, "bold"), f"  [{r.entity.id}]"))
            console.print(_pad(f"{child.id} {r.relation.value.replace('_', ' ')} {parent.id}; {span or 'dates not given'}"))
            if r.note:
                console.print(_pad(r.note), style="dim")
            for sid in sorted(r.sources, key=lambda sid: sources[sid].kind.authority if sid in sources else 9):
                source = sources.get(sid)
                shown = f"source ({source.kind.value}): {source.publisher}, {source.title}" if source else f"source: {sid}"
                console.print(_pad(shown), style="dim")
                if source is not None and source.url:
                    console.print(f"      {source.url}", style="dim", overflow="ignore", crop=False, soft_wrap=True)


def render_members(console: Console, entity: Entity, members: Sequence[Entity], day: str) -> None:
    """Under a parent's answer: the members of its group restricted that day (ask with --group for each one's answer)."""
    if not members:
        return
    names = ", ".join(f"{m.name} [{m.id}]" for m in members[:12]) + (f" and {len(members) - 12} more" if len(members) > 12 else "")
    console.print(Text(f"\nRestricted members of its group on {day} ({len(members)})", style="bold"))
    console.print(_pad(f"{names}. Ask with --group for each member's answer.", 2))


def render_group(console: Console, answers: Sequence[Restrictions]) -> None:
    """``restrictions NAME --group``: each member's verdict, what restricts it and by which actions."""
    head = answers[0]
    restricted = sum(1 for a in answers if a.restricted)
    console.print(Text(f"{head.entity.name} [{head.entity.id}] and its group on {head.when}: {restricted} of {len(answers)} restricted"))
    table = _table("", console)
    table.add_column("member", ratio=3, overflow="fold")
    table.add_column("restricted", no_wrap=True)
    table.add_column("restricts", ratio=2)
    table.add_column("by", ratio=3, overflow="fold")
    for a in answers:
        by = "\n".join(r.action.id for r in a.restrictions)
        table.add_row(Group(Text(a.entity.name), Text(a.entity.id, style="dim")), _short(a.restricted), "; ".join(a.scope), by)
    console.print(table)


def render_screen(console: Console, results: Sequence[ScreenResult], day: str) -> None:
    """Screening results, one row per match."""
    from rich.table import Table

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


def make_console(width: int | None = None, file: IO[str] | None = None) -> Console:
    """The console the CLI prints to: no markup (names and titles in the data may hold brackets), no guessed highlighting.

    ``width`` is the terminal's when None (rich reads ``COLUMNS`` and the terminal size; 80 when it
    cannot tell); tables and wrapped text adapt to it.
    """
    return _SafeConsole(file=file, width=width, soft_wrap=False, markup=False, highlight=False, emoji=False)


class _SafeConsole(Console):
    """A console that prints the data's control and escape characters escaped (``\\x1b``), never raw.

    Rich's own styling codes are added after this step, so colours still work on a terminal.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(s if s.control else Segment(shown(s.text, None), s.style) for s in buffer)

    def on_broken_pipe(self) -> None:
        """The reader went away (``| head``): let the CLI stop as it does for JSON and CSV (status 141), not rich's status 1."""
        raise BrokenPipeError


def _pad(text: str | Text, indent: int = 4) -> Padding:
    """Text indented under a bullet, wrapped to the console's width (no trailing spaces)."""
    return Padding(text, (0, 0, 0, indent), expand=False)


def _bullet(*parts: str | tuple[str, str]) -> Padding:
    """A bullet line whose wrapped lines stay indented."""
    return _pad(Text.assemble("• ", *parts), 2)


def _restricts_nothing(action: Action) -> str:
    return "carves out of restrictions" if action.kind.value == "exemption" else action.kind.no_prohibitions


def _short(flag: bool) -> str:
    return "yes" if flag else "no"


def _yes(flag: bool) -> str:
    return "restricted" if flag else "not restricted"
