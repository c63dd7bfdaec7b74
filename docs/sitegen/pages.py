"""The pages generated from the data: one per entity, action and seed, plus catalogs and indexes.

Every fact on these pages comes from the library's own API on the loaded dataset (``history``,
``timeline``, ``restrictions``, the records themselves), so the site cannot disagree with it.
Nothing here knows any record id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from sanctiontrack import (
    Action,
    ActionHistory,
    ControlledItem,
    DateKind,
    DateValue,
    Entity,
    Instrument,
    Link,
    Note,
    Relation,
    Source,
)
from sanctiontrack.model.countries import country_name

from .common import (
    SOURCES_PAGE,
    Page,
    action_path,
    entity_path,
    esc,
    fmt_date,
    href,
    item_path,
    md,
    md_link,
    prose,
    seed_path,
    source_link,
    table,
)
from .context import Context
from .timeline import STATES, render_timeline

__all__ = ["generate"]

ENTITIES_INDEX = "entities/index.md"
ITEMS_INDEX = "items/index.md"
ACTIONS_INDEX = "actions/index.md"
SEEDS_INDEX = "seeds/index.md"


def _url(url: str) -> str:
    """A URL safe inside a Markdown link."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _notes(notes: tuple[Note, ...]) -> str:
    if not notes:
        return ""
    lines = ["## Notes", ""]
    lines.extend(f"- **{md(note.date)}** — {prose(note.text)}" for note in notes)
    return "\n".join(lines) + "\n"


def _kind(action: Action) -> str:
    if not action.kind.is_binding:
        return f"{action.kind.value} (non-binding)"
    return action.kind.value


def _entity_ref(ctx: Context, entity_id: str, page: str) -> str:
    entity = ctx.tracker.entities.get(entity_id)
    if entity is None:
        return f"`{md(entity_id)}`"
    return md_link(md(entity.name), page, entity_path(entity_id))


def _action_ref(ctx: Context, action_id: str, page: str, *, short: bool = False) -> str:
    action = next((a for a in ctx.tracker.actions if a.id == action_id), None)
    if action is None:
        return f"`{md(action_id)}`"
    title = _short(action.title) if short else action.title
    return md_link(md(title), page, action_path(action_id))


def _sources_cell(ctx: Context, action: Action, page: str, limit: int = 4) -> str:
    ids: list[str] = []
    for evidence in action.evidence:
        if evidence.source not in ids:
            ids.append(evidence.source)
    rank = {"primary": 0, "official": 1, "seed": 2, "secondary": 3}
    ids.sort(key=lambda sid: rank.get(ctx.tracker.sources[sid].kind.value, 9) if sid in ctx.tracker.sources else 9)
    shown = [source_link(sid, page) for sid in ids[:limit]]
    if len(ids) > limit:
        shown.append(md_link(f"{len(ids) - limit} more", page, action_path(action.id), "evidence"))
    return ", ".join(shown)


def _basis(ctx: Context, row: ActionHistory, page: str) -> str:
    """How an action reaches an entity: named, or through the links of its ``via`` chain."""
    if not row.via:
        return row.basis.value
    return f"{row.basis.value}, via " + " → ".join(_entity_ref(ctx, link.entity, page) for link in row.via)


def _link_row(ctx: Context, other: str, link: Link, page: str, notes: dict[str, int]) -> list[str]:
    """A row of an entity's links table; a note shared by several links is numbered once in ``notes``."""
    note = ""
    if link.note:
        number = notes.setdefault(link.note, len(notes) + 1)
        note = md_link(f"note {number}", page, page, f"link-note-{number}")
    return [
        _entity_ref(ctx, other, page),
        link.relation.value.replace("_", " ") + (" (ownership)" if link.relation.is_ownership else ""),
        fmt_date(link.start) if link.start else "—",
        fmt_date(link.until) if link.until else "—",
        ", ".join(source_link(sid, page) for sid in link.sources),
        note,
    ]


def _in_div(css_class: str, markdown: str) -> str:
    """Markdown inside a ``<div>`` of a class (the stylesheet sizes the tables of entity pages by it)."""
    return "\n".join([f'<div class="{css_class}" markdown="1">', "", markdown, "</div>", ""])


def _links_table(css_class: str, rows: list[list[str]]) -> str:
    return _in_div(f"entity-links {css_class}", table(["Entity", "Relation", "From", "Until", "Sources", "Note"], rows))


# -- entities ------------------------------------------------------------------------------------


def entity_page(ctx: Context, entity: Entity) -> Page:
    """One entity: names, tables of its restrictions and links, timeline chart, what applied when, the dated events."""
    page = entity_path(entity.id)
    tracker = ctx.tracker
    history = ctx.histories[entity.id]
    out = [f"# {md(entity.name)}", ""]
    facts = [f"`{entity.id}`", entity.kind.value.replace("_", " ")]
    if entity.country:
        facts.append(entity.country)
    out += [" · ".join(facts), ""]

    out += ["## Names", ""]
    rows = [[f"**{md(entity.name)}**", "", "canonical name"]]
    for alias in entity.aliases:
        name = f'<span lang="{esc(alias.lang)}">{md(alias.name)}</span>' if alias.lang else md(alias.name)
        rows.append([name, f"`{alias.lang}`" if alias.lang else "", prose(alias.note or "")])
    out += [table(["Name", "Language", "Note"], rows)]

    applied = [row for row in history if row.spans]
    if applied:
        out += [
            "## Restrictions",
            "",
            "The actions that ever applied to this entity: its own dates (half-open: no longer in force on *ended*), "
            "and whether the entity is named or reached through a link. The days each one applied are under "
            "[What applied when](#what-applied-when).",
            "",
        ]
        rows = [
            [
                _action_ref(ctx, row.action.id, page),
                _kind(row.action),
                fmt_date(row.action.dates.effective) if row.action.dates.effective else "never effective",
                fmt_date(row.action.dates.ended) if row.action.dates.ended else "—",
                _basis(ctx, row, page),
            ]
            for row in applied
        ]
        out += [_in_div("entity-restrictions", table(["Action", "Kind", "Effective", "Ended", "Basis"], rows))]

    parents = list(entity.links)
    members = ctx.linked_from.get(entity.id, [])
    if parents or members:
        out += [
            "## Ownership and affiliation",
            "",
            "Links are dated and half-open: a link holds from its start and no longer holds on its *until* day. "
            "Only ownership links (*subsidiary of*, *owned by*, *brand of*, *part of*) carry a restriction "
            "whose target has `scope: with_subsidiaries`. A dash: no date recorded.",
            "",
        ]
        notes: dict[str, int] = {}
        if parents:
            out += ["### This entity's parents and owners", ""]
            rows = [_link_row(ctx, link.entity, link, page, notes) for link in parents]
            out += [_links_table("entity-parents", rows)]
        if members:
            out += [f"### Linked to this entity ({len(members)})", ""]
            ordered = sorted(members, key=lambda pair: (not pair[1].relation.is_ownership, pair[0].name.casefold()))
            rows = [_link_row(ctx, other.id, link, page, notes) for other, link in ordered]
            out += [_links_table("entity-affiliates", rows)]
        if notes:
            out += ["Notes on the links:", ""]
            out += [f'{number}. <span id="link-note-{number}"></span>{prose(text)}' for text, number in notes.items()]
            out.append("")

    out += ["## Timeline", ""]
    if history:
        svg = render_timeline(
            history,
            lambda aid: href(page, action_path(aid), directory_urls=ctx.directory_urls),
            title=f"Actions concerning {entity.name}, by state over time",
        )
        out += [
            '<div class="timeline-wrap" markdown="0">',
            svg,
            "</div>",
            "",
            "One row per action that concerns this entity (named, or reached through an ownership link: ◦). "
            "*Suspended*: enjoined or stayed by a court; *lapsed*: between a licence and its renewal; "
            "a triangle marks a span with no end recorded. Hover a bar for its dates and details.",
            "",
        ]
    else:
        out += ["No action concerns this entity directly or through its links.", ""]

    spans = [(row, span) for row in history for span in row.spans]
    if spans:
        spans.sort(key=lambda pair: (pair[1].start, pair[0].action.id))
        out += ["## What applied when", "", "Each row is a span of days over which one action stood the same way for this entity.", ""]
        rows = []
        for row, span in spans:
            label = STATES.get(span.state, (span.state, ""))[0]
            until = span.end.to_date_string() if span.end is not None else "no end recorded"
            detail = prose(span.detail)
            if row.via:
                detail += " (as an affiliate, via " + " → ".join(_entity_ref(ctx, link.entity, page) for link in row.via) + ")"
            rows.append(
                [
                    span.start.to_date_string(),
                    until,
                    _action_ref(ctx, row.action.id, page, short=True),
                    f'<span class="state state-{span.state}">{md(label)}</span>',
                    detail,
                    _sources_cell(ctx, row.action, page, limit=3),
                ]
            )
        out += [table(["From", "Until (first day not)", "Action", "State", "Detail", "Sources"], rows)]
    never = [row for row in history if not row.spans]
    if never:
        out += ["## Concerning, never in force", ""]
        out += [
            table(
                ["Action", "Kind", "Why"],
                [[_action_ref(ctx, r.action.id, page), _kind(r.action), md(ctx.why_never(entity.id, r.action))] for r in never],
            )
        ]

    events = tracker.timeline(entity.id)
    if events:
        out += [
            "## Events",
            "",
            "Every dated event of the actions above, with whether the entity was restricted the day before and on the day.",
            "",
        ]
        rows = []
        for event in events:
            change = f"{'yes' if event.restricted_before else 'no'} → {'**yes**' if event.restricted_after else 'no'}"
            rows.append([md(event.date), md(event.label), _action_ref(ctx, event.action.id, page), change])
        out += [table(["Date", "Event", "Action", "Restricted (day before → on the day)"], rows)]
    out += [_notes(entity.notes)]
    return Page(page, "\n".join(out))


def entities_index(ctx: Context) -> Page:
    """All entities, with their kind, country and how many actions concern them."""
    page = ENTITIES_INDEX
    rows = []
    for entity in sorted(ctx.tracker.entities, key=lambda e: e.name.casefold()):
        history = ctx.histories[entity.id]
        operative = sum(1 for row in history if row.spans)
        aliases = ", ".join(f'<span lang="{esc(a.lang)}">{md(a.name)}</span>' if a.lang else md(a.name) for a in entity.aliases)
        rows.append(
            [
                md_link(md(entity.name), page, entity_path(entity.id)),
                entity.kind.value,
                entity.country or "",
                aliases,
                str(len(history)),
                str(operative),
            ]
        )
    body = [
        "# Entities",
        "",
        f"{len(rows)} companies, apps, people and bodies that actions name or reach. "
        "*Concerning* counts every action that bears on the entity; *in force* those that ever applied to it.",
        "",
        table(["Entity", "Kind", "Country", "Also known as", "Concerning", "In force"], rows),
    ]
    return Page(page, "\n".join(body))


# -- controlled items ----------------------------------------------------------------------------


def _item_ref(ctx: Context, item_id: str, page: str) -> str:
    item = ctx.tracker.items.get(item_id)
    if item is None:
        return f"`{md(item_id)}`"
    return md_link(md(_item_title(item)), page, item_path(item_id))


def _item_title(item: ControlledItem) -> str:
    return f"{', '.join(item.codes)}: {_short(item.name, 70)}" if item.codes else _short(item.name, 80)


def item_destinations(ctx: Context, item: ControlledItem) -> list[str]:
    """The destinations an item's page shows answers for: those its rules list or except, then one they all cover."""
    named: list[str] = []
    for action in ctx.tracker.actions:
        for target in action.targets:
            if target.item == item.id:
                named += [*target.destinations.excepted, *target.destinations.countries]
    chosen = list(dict.fromkeys(named))[:3]
    fallback = "CN" if item.jurisdiction != "CN" else "US"
    if fallback not in chosen:
        chosen.append(fallback)
    return chosen


def item_page(ctx: Context, item: ControlledItem) -> Page:
    """One controlled item: names and codes, the rules that control it (for which destinations), and its timeline."""
    page = item_path(item.id)
    tracker = ctx.tracker
    out = [f"# {md(_item_title(item))}", ""]
    facts = [f"`{item.id}`", item.kind.value.replace("_", " ")]
    if item.jurisdiction:
        facts.append(f"{item.jurisdiction} list")
    out += [" · ".join(facts), "", prose(item.name), ""]
    out += ["## Names and codes", ""]
    rows = [[f"`{md(code)}`", "", "list number"] for code in item.codes]
    rows.append([f"**{md(item.name)}**", "`en`", "description"])
    for alias in item.aliases:
        name = f'<span lang="{esc(alias.lang)}">{md(alias.name)}</span>' if alias.lang else md(alias.name)
        note = prose(alias.note or "")
        if alias.sources:
            note += (" · " if note else "") + ", ".join(source_link(sid, page) for sid in alias.sources)
        rows.append([name, f"`{alias.lang}`" if alias.lang else "", note])
    out += [table(["Name or code", "Language", "Note"], rows), ""]

    controlling = [(a, t) for a in tracker.actions for t in a.targets if t.item == item.id]
    out += ["## Rules controlling it", ""]
    rows = []
    for action, target in controlling:
        period = f"{fmt_date(action.dates.effective)} – {fmt_date(action.dates.ended) if action.dates.ended else 'no end recorded'}"
        rows.append(
            [
                _action_ref(ctx, action.id, page),
                _kind(action),
                md(target.destinations.text()),
                md(", ".join(target.exported_from) or "any"),
                period if action.dates.effective else "never took effect",
                _sources_cell(ctx, action, page, limit=3),
            ]
        )
    out += [table(["Action", "Kind", "Destinations", "Exported from", "Own period", "Sources"], rows), ""]

    destinations = item_destinations(ctx, item)
    events = {to: tracker.item_timeline(item.id, to=to) for to in destinations}
    first = events[destinations[0]]
    if first:
        out += [
            "## Timeline",
            "",
            "Every dated event of the rules above (and of the actions that change them), with whether an export "
            "to each destination needed a licence the day before and on the day. Renewals of a temporary control "
            "and the gaps between them are applied as the [semantics](../concepts.md) state.",
            "",
        ]
        rows = []
        for index, event in enumerate(first):
            cells = [md(event.date), md(event.label), _action_ref(ctx, event.action.id, page)]
            for to in destinations:
                other = events[to][index]
                cells.append(f"{'yes' if other.restricted_before else 'no'} → {'**yes**' if other.restricted_after else 'no'}")
            rows.append(cells)
        header = ["Date", "Event", "Action", *(f"To {to} ({country_name(to)})" for to in destinations)]
        out += [table(header, rows), ""]
    out += [_notes(item.notes)]
    return Page(page, "\n".join(out))


def items_index(ctx: Context) -> Page:
    """All controlled items, with their kind, codes and the rules that control them."""
    page = ITEMS_INDEX
    rows = []
    for item in ctx.tracker.items:
        rules = sorted({a.id for a in ctx.tracker.actions for t in a.targets if t.item == item.id})
        rows.append(
            [
                md_link(md(_short(item.name, 90)), page, item_path(item.id)),
                item.kind.value.replace("_", " "),
                item.jurisdiction or "",
                md(", ".join(item.codes)),
                str(len(rules)),
            ]
        )
    body = [
        "# Controlled items",
        "",
        f"{len(rows)} items that export rules (and a few other measures) control without naming a party: list "
        "entries (ECCNs), described classes of items and technology-catalogue entries. Ask about one with "
        "`sanctiontrack item QUERY --to COUNTRY --on DATE`.",
        "",
        table(["Item", "Kind", "List of", "Codes", "Rules"], rows),
    ]
    return Page(page, "\n".join(body))


# -- actions -------------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def instrument_url(ctx: Context, action: Action, instrument: Instrument) -> str | None:
    """The primary text of an instrument: its own URL, else a primary or official source the action
    cites whose id, title or URL carries the instrument's identifier."""
    if instrument.url:
        return instrument.url
    key = _normal(instrument.value)
    if len(key) < 4:
        return None
    for evidence in action.evidence:
        source = ctx.tracker.sources.get(evidence.source)
        if source is None or source.url is None or source.kind.value not in ("primary", "official"):
            continue
        if key in _normal(f"{source.id} {source.title} {source.url}"):
            return source.url
    return None


def _date_rows(action: Action) -> list[list[str]]:
    rows = []
    for kind in DateKind:
        name, value = kind.value, action.dates.get(kind)
        if value is None:
            rows.append([f"**{name}**", "not recorded", "", "", ""])
            continue
        rows.append([f"**{name}**", md(value), value.precision.value, value.confidence.value, md(value.note or "")])
    return rows


def action_page(ctx: Context, action: Action) -> Page:
    """One action: dates, instruments, targets, prohibitions, relations both ways, evidence, notes."""
    page = action_path(action.id)
    out = [f"# {md(action.title)}", ""]
    facts = [
        f"`{action.id}`",
        _kind(action),
        action.jurisdiction,
        md(action.authority),
        f"dates read in `{action.zone}`",
    ]
    out += [" · ".join(facts), ""]
    if action.summary:
        out += [prose(action.summary), ""]
    if not action.kind.is_binding:
        out += ['!!! note "Non-binding"', "    Tracked for timelines and explanations; never counted as a restriction.", ""]
    if action.confidence:
        out += [f"Confidence in the record as a whole: **{md(action.confidence)}**.", ""]

    out += ["## Dates", "", "Periods are half-open: in force from *effective*; no longer in force on *ended*.", ""]
    out += [table(["Date", "Value", "Precision", "Confidence", "Note"], _date_rows(action))]

    if action.instruments:
        out += ["## Instruments", ""]
        for instrument in action.instruments:
            url = instrument_url(ctx, action, instrument)
            text = md(instrument)
            out.append(f"- {f'[{text}]({_url(url)})' if url else text} ({instrument.type.value})")
        out.append("")

    if action.targets:
        out += ["## Targets", ""]
        rows = []
        for target in action.targets:
            if target.entity is not None:
                who = _entity_ref(ctx, target.entity, page)
            else:
                who = _item_ref(ctx, target.item or "", page)
                who += f" (to {md(target.destinations.text())}"
                who += f"; exported from {md(', '.join(target.exported_from))})" if target.exported_from else ")"
            rows.append(
                [who, target.role.value, target.scope.value, md(target.listed_as or ""), ", ".join(f"`{p}`" for p in target.prohibitions)]
            )
        out += [table(["Target", "Role", "Scope", "Listed as", "Only prohibitions"], rows)]

    if action.restricts:
        out += ["## Prohibitions", ""]
        rows = [[f"`{p.id}`", p.category.value, prose(p.summary), fmt_date(p.effective), fmt_date(p.ended)] for p in action.restricts]
        out += [table(["Id", "Category", "Summary", "Effective", "Ended"], rows)]

    incoming = ctx.incoming.get(action.id, [])
    if action.relations or incoming:
        out += ["## Relations", ""]

        def limits(relation: Relation) -> str:
            parts = []
            if relation.prohibitions:
                parts.append("prohibitions " + ", ".join(f"`{p}`" for p in relation.prohibitions))
            if relation.entities:
                parts.append("for " + ", ".join(_entity_ref(ctx, e, page) for e in relation.entities))
            if relation.effective:
                parts.append(f"from {fmt_date(relation.effective)}")
            if relation.until:
                parts.append(f"until {fmt_date(relation.until)}")
            return "; ".join(parts) or "the whole action"

        def purpose(relation: Relation) -> str:
            return "; ".join(prose(t) for t in (relation.purpose, relation.note) if t)

        if action.relations:
            out += ["### This action → others", ""]
            rows = [[f"**{r.type.value}**", _action_ref(ctx, r.action, page), limits(r), purpose(r)] for r in action.relations]
            out += [table(["Relation", "Action", "Limited to", "Purpose / note"], rows)]
        if incoming:
            out += ["### Others → this action", ""]
            rows = [[_action_ref(ctx, other.id, page), f"**{r.type.value}**", limits(r), purpose(r)] for other, r in incoming]
            out += [table(["Action", "Relation", "Limited to", "Purpose / note"], rows)]

    bears = ctx.bears_on.get(action.id, [])
    if bears:
        out += [
            "## Entities it bears on",
            "",
            "As the query engine sees it: named targets, and entities reached through ownership links.",
            "",
        ]
        rows = []
        for entity, row in sorted(bears, key=lambda pair: pair[0].name.casefold()):
            states = Counter(span.state for span in row.spans)
            summary = ", ".join(f"{STATES.get(s, (s, ''))[0]} ×{n}" for s, n in states.items()) or "never in force"
            via = " via " + " → ".join(_entity_ref(ctx, link.entity, page) for link in row.via) if row.via else ""
            rows.append([_entity_ref(ctx, entity.id, page), row.basis.value + via, summary])
        out += [table(["Entity", "Basis", "Spans"], rows)]

    out += ["## Evidence", ""]
    quotes = [(n, e) for n, e in enumerate(action.evidence) if e.quote is not None]
    others = [(n, e) for n, e in enumerate(action.evidence) if e.quote is None]
    if quotes:
        out += ["### Seed quotes", ""]
        for number, evidence in quotes:
            source = ctx.tracker.sources.get(evidence.source)
            ref = ctx.quotes.get((action.id, number))
            publisher = source.publisher if source else evidence.source
            out += [f'!!! quote "{esc(publisher)}"', "", f"    “{md(evidence.quote or '')}”", ""]
            if ref is not None:
                link = md_link(f"seed {ref.seed}, line {ref.line}", page, seed_path(ref.seed), ref.anchor)
                out += [f"    — {link}{{ .seed-quote-link }}", ""]
            else:
                out += [f"    — {source_link(evidence.source, page)} (quote not located in a seed text)", ""]
            if evidence.note:
                out += [f"    *{prose(evidence.note)}*", ""]
    if others:
        out += ["### Other sources", ""]
        for _, evidence in others:
            source = ctx.tracker.sources.get(evidence.source)
            if source is None:
                out.append(f"- `{md(evidence.source)}`")
                continue
            title = f"[{md(source.title)}]({_url(source.url)})" if source.url else md(source.title)
            line = f"- {source_link(source.id, page)} ({source.kind.value}) — {md(source.publisher)}, {title}"
            if source.published:
                line += f", published {fmt_date(source.published)}"
            out.append(line)
            facts = []
            if evidence.locator:
                facts.append(f"*at* {md(evidence.locator)}")
            if evidence.supports:
                facts.append("*supports* " + ", ".join(evidence.supports))
            if facts:
                out += ["", "    " + " · ".join(facts)]
            if evidence.note:
                out += ["", f"    {prose(evidence.note)}"]
            out.append("")
        out.append("")
    out += [_notes(action.notes)]
    return Page(page, "\n".join(out))


def _breakable(identifier: str) -> str:
    """An identifier escaped for HTML, allowed to wrap after its underscores (``entity_list_addition``).

    >>> _breakable("entity_list_addition")
    'entity_<wbr>list_<wbr>addition'
    """
    return esc(identifier).replace("_", "_<wbr>")


def catalog(ctx: Context) -> Page:
    """Every action in one table, with data attributes the catalog filter (javascripts/catalog.js) reads."""
    page = ACTIONS_INDEX
    actions = sorted(ctx.tracker.actions, key=lambda a: (ctx.first_day(a) or DateValue.parse("9999").date, a.id))
    kinds = sorted({a.kind.value for a in actions})
    jurisdictions = sorted({a.jurisdiction for a in actions})
    years = sorted({str(value.date.year) for a in actions for _, value in a.dates.items()})

    def options(name: str, label: str, values: list[str]) -> str:
        items = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
        return f'<label>{label} <select id="filter-{name}" data-filter="{name}"><option value="">all</option>{items}</select></label>'

    out = [
        # The catalog has no sections: its table gets the table-of-contents column's width too.
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Actions",
        "",
        f"All {len(actions)} actions in the dataset, oldest first (by their earliest recorded date). "
        "Filter by kind, jurisdiction, or a year in which any of the action's five dates falls. "
        "Dates shown are effective dates; see each action's page for all five.",
        "",
        '<div class="catalog-filters" id="catalog-filters">',
        options("kind", "Kind", kinds),
        options("jurisdiction", "Jurisdiction", jurisdictions),
        options("year", "Year", years),
        f'<span class="catalog-count">showing <b id="catalog-count">{len(actions)}</b> of {len(actions)}</span>',
        "</div>",
        "",
        '<div class="catalog-wrap">',
        '<table class="catalog" id="catalog">',
        "<thead><tr><th>Effective</th><th>Action</th><th>Kind</th><th>Jurisdiction</th><th>Authority</th><th>Ended</th></tr></thead>",
        "<tbody>",
    ]
    for action in actions:
        year_set = sorted({str(value.date.year) for _, value in action.dates.items()})
        effective = fmt_date(action.dates.effective) if action.dates.effective else "—" if not action.kind.is_binding else "never effective"
        ended = fmt_date(action.dates.ended) if action.dates.ended else ""
        link = href(page, action_path(action.id), directory_urls=ctx.directory_urls)
        out.append(
            f'<tr data-id="{esc(action.id)}" data-kind="{esc(action.kind.value)}" data-jurisdiction="{esc(action.jurisdiction)}" '
            f'data-years="{" ".join(year_set)}" data-binding="{str(action.kind.is_binding).lower()}">'
            f'<td class="date">{esc(effective)}</td><td class="action"><a href="{esc(link)}">{esc(action.title)}</a>'
            f'<code class="action-id">{esc(action.id)}</code></td><td class="kind">{_breakable(_kind(action))}</td>'
            f'<td>{esc(action.jurisdiction)}</td><td class="authority">{esc(action.authority)}</td><td class="date">{esc(ended)}</td></tr>'
        )
    out += ["</tbody>", "</table>", "</div>", ""]
    return Page(page, "\n".join(out))


# -- seeds and sources ---------------------------------------------------------------------------


def seed_page(ctx: Context, seed: str, sources: list[Source]) -> Page:
    """One seed document: what it is, the actions it supports, and its full text with anchors."""
    page = seed_path(seed)
    meta = ctx.seed_meta.get(seed, {})
    text = ctx.seed_texts[seed]
    title = sources[0].title if sources else seed
    out = [f"# {md(title)}", "", f"Seed document `{seed}`.", ""]
    rows = [
        [source_link(s.id, page), md(s.publisher), fmt_date(s.published, long=True), f"[{md(s.url)}]({_url(s.url)})" if s.url else ""]
        for s in sources
    ]
    out += [table(["Source", "Publisher", "Published", "URL"], rows)]
    if meta.get("headlines"):
        out += ["**Headlines on the page:**", ""] + [f"- {md(h)}" for h in meta["headlines"]] + [""]
    covers = meta.get("covers")
    if isinstance(covers, dict):
        out += [f"Items on the page are dated from {md(covers.get('from', '?'))} to {md(covers.get('to', '?'))}.", ""]

    supported: list[tuple[Action, int]] = []
    source_ids = {s.id for s in sources}
    for action in ctx.tracker.actions:
        count = sum(1 for e in action.evidence if e.source in source_ids and e.quote)
        if count or any(e.source in source_ids for e in action.evidence):
            supported.append((action, count))
    out += ["## Actions it supports", ""]
    if supported:
        rows = []
        for action, count in supported:
            refs = sorted({(ref.line, ref.anchor) for (aid, _), ref in ctx.quotes.items() if aid == action.id and ref.seed == seed})
            anchors = ", ".join(md_link(f"line {line}", page, page, anchor) for line, anchor in refs)
            rows.append([_action_ref(ctx, action.id, page), action.kind.value, str(count), anchors])
        out += [table(["Action", "Kind", "Quotes", "Quoted at"], rows)]
    else:
        out += ["No action cites this seed yet.", ""]
    if text.missing:
        out += ['!!! warning "Quotes not located"', "    These quotes could not be found in the text below:", ""]
        out += [f"    - {md(q)}" for q in text.missing] + [""]
    out += [
        "## Full text",
        "",
        "The seed exactly as stored (a copy of a news page). Quoted passages are highlighted; every line has an anchor (`#L12`).",
        "",
        text.html(),
        "",
    ]
    return Page(page, "\n".join(out))


def seeds_index(ctx: Context) -> Page:
    """The seed documents, with what each covers and how many actions it supports."""
    page = SEEDS_INDEX
    rows = []
    for seed, sources in ctx.seed_sources().items():
        meta = ctx.seed_meta.get(seed, {})
        ids = {s.id for s in sources}
        actions = sum(1 for a in ctx.tracker.actions if any(e.source in ids for e in a.evidence))
        covers = meta.get("covers") if isinstance(meta.get("covers"), dict) else {}
        span = f"{md(covers.get('from', ''))} – {md(covers.get('to', ''))}" if covers else ""
        title = sources[0].title if sources else seed
        rows.append([md_link(md(title), page, seed_path(seed)), md(sources[0].publisher if sources else ""), span, str(actions)])
    body = [
        "# Seed documents",
        "",
        "The news pages the dataset starts from. Quotes in the data are copied verbatim from them "
        "(the validator checks each one); each page below shows the full text with every quoted passage marked.",
        "",
        table(["Seed", "Publisher", "Items dated", "Actions citing it"], rows),
    ]
    return Page(page, "\n".join(body))


def sources_page(ctx: Context) -> Page:
    """Every source, by kind, with the actions that cite it (anchors ``#src-<id>``)."""
    page = SOURCES_PAGE
    order = ["seed", "primary", "official", "secondary"]
    sources = sorted(ctx.tracker.sources.values(), key=lambda s: (order.index(s.kind.value) if s.kind.value in order else 9, s.id))
    counts = Counter(s.kind.value for s in sources)
    out = [
        "# Sources",
        "",
        "Every document the data relies on. " + ", ".join(f"{n} {k}" for k, n in counts.items()) + ". "
        "*seed*: the seed news pages; *primary*: the legal text itself; *official*: the issuing authority's own notice; "
        "*secondary*: news, law-firm notes and reference works.",
        "",
        '<table class="sources" id="sources">',
        "<thead><tr><th>Id</th><th>Kind</th><th>Publisher</th><th>Title</th><th>Published</th><th>Cited by</th></tr></thead>",
        "<tbody>",
    ]
    for source in sources:
        title = esc(source.title)
        if source.url:
            title = f'<a href="{esc(source.url)}" rel="noopener">{title}</a>'
        if source.seed:
            title += f' (<a href="{esc(href(page, seed_path(source.seed), directory_urls=ctx.directory_urls))}">seed text</a>)'
        cited = ", ".join(
            f'<a href="{esc(href(page, action_path(a.id), directory_urls=ctx.directory_urls))}">{esc(a.id)}</a>'
            for a in ctx.cited_by.get(source.id, [])
        )
        out.append(
            f'<tr id="src-{esc(source.id)}" data-kind="{esc(source.kind.value)}">'
            f"<td><code>{esc(source.id)}</code></td><td>{esc(source.kind.value)}</td>"
            f"<td>{esc(source.publisher)}</td><td>{title}</td><td>{esc(fmt_date(source.published))}</td><td>{cited}</td></tr>"
        )
    out += ["</tbody>", "</table>", ""]
    return Page(page, "\n".join(out))


# -- navigation ----------------------------------------------------------------------------------


def _summary(folder: str, index_title: str, entries: list[tuple[str, str]]) -> Page:
    lines = [f"* [{index_title}](index.md)"]
    lines += [f"* [{title.replace('[', '(').replace(']', ')')}]({name})" for title, name in entries]
    return Page(f"{folder}/SUMMARY.md", "\n".join(lines) + "\n")


def generate(ctx: Context) -> Iterator[Page]:
    """Every data page, the catalogs and the literate-nav files of the data folders."""
    tracker = ctx.tracker
    entities = sorted(tracker.entities, key=lambda e: e.name.casefold())
    actions = sorted(tracker.actions, key=lambda a: (ctx.first_day(a) or DateValue.parse("9999").date, a.id))
    for entity in entities:
        yield entity_page(ctx, entity)
    for action in actions:
        yield action_page(ctx, action)
    items = list(tracker.items)
    for item in items:
        yield item_page(ctx, item)
    yield items_index(ctx)
    yield _summary("items", "All controlled items", [(_short(_item_title(i), 48), f"{i.id}.md") for i in items])
    seeds = ctx.seed_sources()
    for seed, sources in seeds.items():
        yield seed_page(ctx, seed, sources)
    yield entities_index(ctx)
    yield catalog(ctx)
    yield seeds_index(ctx)
    yield sources_page(ctx)
    yield _summary("entities", "All entities", [(_short(e.name, 48), f"{e.id}.md") for e in entities])
    yield _summary("actions", "Catalog", [(_short(a.title, 48), f"{a.id}.md") for a in actions])
    yield _summary(
        "seeds", "All seed documents", [(_short(s[0].title if s else f, 48), seed_path(f).removeprefix("seeds/")) for f, s in seeds.items()]
    )
