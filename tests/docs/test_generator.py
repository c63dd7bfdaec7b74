"""The page generator (docs/gen_pages.py and docs/sitegen/), checked without building the site."""

from __future__ import annotations

import doctest
import importlib
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
import typer

# conftest puts docs/ on sys.path
from sitegen import api, cli, common, griffe_doctest, schema, seeds, timeline
from sitegen import pages as pages_module
from sitegen.common import Page
from sitegen.context import Context
from sitegen.pages import catalog, entity_page, generate, instrument_url

import sanctiontrack
from sanctiontrack import SpanState

from .conftest import ROOT


@pytest.fixture(scope="module")
def ctx(tracker: sanctiontrack.Tracker) -> Context:
    return Context.build(tracker, ROOT / "seeds")


@pytest.fixture(scope="module")
def pages(ctx: Context) -> dict[str, Page]:
    return {page.path: page for page in generate(ctx)}


@pytest.mark.parametrize("module", [common, seeds, schema, griffe_doctest, timeline, pages_module], ids=lambda m: m.__name__)
def test_helper_doctests(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


def test_every_record_gets_a_page(tracker: sanctiontrack.Tracker, pages: dict[str, Page]) -> None:
    assert {f"entities/{e.id}.md" for e in tracker.entities} <= set(pages)
    assert {f"actions/{a.id}.md" for a in tracker.actions} <= set(pages)
    assert {common.seed_path(s.seed) for s in tracker.sources.values() if s.seed} <= set(pages)
    assert {common.item_path(i.id) for i in tracker.items} <= set(pages)
    for folder in ("entities", "actions", "seeds", "items"):
        assert f"{folder}/index.md" in pages and f"{folder}/SUMMARY.md" in pages


def test_an_item_page_shows_its_rules_and_each_destination(pages: dict[str, Page]) -> None:
    content = pages["items/eccn-0d521-geospatial-imagery-software.md"].content
    assert "| `0D521` |" in content and "all destinations except CA" in content
    assert "To CA (Canada)" in content and "To CN (China)" in content
    row = next(line for line in content.splitlines() if line.startswith("| 2023-01-06 | ended |"))
    assert row.endswith("| no → no | yes → no |")  # the control lapsed after its second extension


def test_generation_is_deterministic(ctx: Context, pages: dict[str, Page]) -> None:
    again = {page.path: page.content for page in generate(ctx)}
    assert again == {path: page.content for path, page in pages.items()}


def test_every_seed_quote_is_located(tracker: sanctiontrack.Tracker, ctx: Context) -> None:
    quoted = [
        (action.id, number)
        for action in tracker.actions
        for number, evidence in enumerate(action.evidence)
        if evidence.quote and (source := tracker.sources.get(evidence.source)) is not None and source.seed
    ]
    assert quoted, "the dataset should cite seed quotes"
    assert [key for key in quoted if key not in ctx.quotes] == []
    assert all(not text.missing for text in ctx.seed_texts.values())


def test_seed_text_anchors_are_unique_and_cover_every_line(ctx: Context) -> None:
    for name, text in ctx.seed_texts.items():
        rendered = text.html()
        ids = re.findall(r'id="([^"]+)"', rendered)
        assert len(ids) == len(set(ids)), name
        assert sum(1 for i in ids if re.fullmatch(r"L\d+", i)) == len(text.raw.splitlines())
        assert "\n\n" not in rendered, f"{name}: a blank line would end the HTML block"


def test_timeline_has_a_bar_group_per_history_row(tracker: sanctiontrack.Tracker, ctx: Context) -> None:
    checked = 0
    for entity in tracker.entities:
        history = ctx.histories[entity.id]
        if not history:
            continue
        svg = ET.fromstring(timeline.render_timeline(history, lambda aid: f"/actions/{aid}/", title=entity.name))
        ns = {"s": "http://www.w3.org/2000/svg"}
        groups = svg.findall("s:g[@class='bar']", ns)
        assert [g.get("data-action") for g in groups] == [row.action.id for row in history]
        for group, row in zip(groups, history, strict=True):
            spans = group.findall("s:rect[@data-state]", ns)
            assert [s.get("data-state") for s in spans] == [span.state.value for span in row.spans]
        checked += 1
    assert checked > 0


def test_timeline_states_have_distinct_colours() -> None:
    colours = [colour.lower() for _, colour in timeline.STATES.values()]
    assert len(set(colours)) == len(colours)
    assert set(SpanState) == set(timeline.STATES)  # every state a history can show has a colour


def test_catalog_row_per_action(tracker: sanctiontrack.Tracker, ctx: Context) -> None:
    content = catalog(ctx).content
    rows = re.findall(r'<tr data-id="([^"]+)" data-kind="([^"]+)" data-jurisdiction="([^"]+)" data-years="([^"]*)"', content)
    assert Counter(r[0] for r in rows) == Counter(a.id for a in tracker.actions)
    by_id = {a.id: a for a in tracker.actions}
    for action_id, kind, jurisdiction, years in rows:
        action = by_id[action_id]
        assert (kind, jurisdiction) == (action.kind.value, action.jurisdiction)
        assert set(years.split()) == {str(v.date.year) for _, v in action.dates.items()}


def test_instrument_links_point_at_cited_primary_text(tracker: sanctiontrack.Tracker, ctx: Context) -> None:
    for action in tracker.actions:
        cited = {tracker.sources[e.source].url for e in action.evidence if e.source in tracker.sources}
        for instrument in action.instruments:
            url = instrument_url(ctx, action, instrument)
            if url is not None:
                assert url.startswith(("http://", "https://"))
                assert url == instrument.url or url in cited


def test_api_page_lists_all_exactly_once() -> None:
    content = api.api_page(sanctiontrack)
    listed = re.findall(r"^::: sanctiontrack\.(\w+)$", content, flags=re.M)
    assert sorted(listed) == sorted(sanctiontrack.__all__)


def test_cli_page_covers_every_command() -> None:
    app = importlib.import_module("sanctiontrack.cli.app").app
    content = cli.cli_page(app)
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert commands
    for name, command in commands.items():
        assert f"## `{name}`" in content
        for param in command.params:
            assert param.opts[0] in content or (param.name or "").upper() in content.upper()


def test_schema_page_covers_every_definition() -> None:
    generated = sanctiontrack.json_schema()
    content = schema.schema_page(generated)
    for name in generated["$defs"]:
        assert f"### {name} {{ #def-" in content
    assert '"$defs"' in content  # the raw schema is included


def test_markdown_escaping_keeps_table_cells_intact() -> None:
    cell = common.md("a | b [c](d) *e* <f>")
    assert "|" not in cell.replace("\\|", "")
    assert "<" not in cell
    row = common.table(["x"], [[cell]])
    assert row.count(" | ") == 0


def _table_rows(content: str, css_class: str) -> list[list[str]]:
    """The body rows of the Markdown table inside ``<div class="... css_class ...">``."""
    match = re.search(rf'<div class="[^"]*\b{css_class}\b[^"]*" markdown="1">\n\n(.*?)\n</div>', content, flags=re.S)
    assert match, css_class
    lines = match.group(1).strip().splitlines()[2:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


def test_entity_page_tables_affiliates_and_restrictions(tracker: sanctiontrack.Tracker, ctx: Context) -> None:
    entity = max(tracker.entities, key=lambda e: len(ctx.linked_from.get(e.id, [])))
    members = ctx.linked_from[entity.id]
    assert len(members) > 30, "the test wants an entity with many affiliates"
    content = entity_page(ctx, entity).content
    rows = _table_rows(content, "entity-affiliates")
    assert len(rows) == len(members)
    linked = {re.search(r"\]\(([^)#]+)\.md\)", row[0]).group(1) for row in rows}  # type: ignore[union-attr]
    assert linked == {other.id for other, _ in members}
    # one sentence per link is gone, and a note shared by many links is written once
    assert "is **affiliate of** this entity" not in content
    shared = Counter(link.note for _, link in members if link.note).most_common(1)[0][0]
    assert content.count(common.prose(shared)) == 1
    applied = [row for row in ctx.histories[entity.id] if row.spans]
    restrictions = _table_rows(content, "entity-restrictions")
    assert [re.search(r"\(\.\./actions/([^)]+)\.md\)", r[0]).group(1) for r in restrictions] == [h.action.id for h in applied]  # type: ignore[union-attr]


def test_timeline_labels_are_whole_and_wrapped(tracker: sanctiontrack.Tracker, ctx: Context) -> None:
    ns = {"s": "http://www.w3.org/2000/svg"}
    longest = max(tracker.actions, key=lambda a: len(a.title))
    checked = 0
    for entity in tracker.entities:
        history = ctx.histories[entity.id]
        if not any(row.action.id == longest.id for row in history):
            continue
        svg = ET.fromstring(timeline.render_timeline(history, lambda aid: f"/actions/{aid}/", title=entity.name))
        for group, row in zip(svg.findall("s:g[@class='bar']", ns), history, strict=True):
            lines = [t.text or "" for t in group.findall("s:a/s:text[@class='label']/s:tspan", ns)]
            assert " ".join(lines) == row.action.title + (" ◦" if row.via else "")
            assert all(timeline.text_width(line) <= timeline.LABEL_ROOM for line in lines)
        checked += 1
    assert checked > 0
