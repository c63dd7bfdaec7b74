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
from sitegen.common import Page
from sitegen.context import Context
from sitegen.pages import catalog, generate, instrument_url

import sanctiontrack
from sanctiontrack import SpanState

from .conftest import ROOT


@pytest.fixture(scope="module")
def ctx(tracker: sanctiontrack.Tracker) -> Context:
    return Context.build(tracker, ROOT / "seeds")


@pytest.fixture(scope="module")
def pages(ctx: Context) -> dict[str, Page]:
    return {page.path: page for page in generate(ctx)}


@pytest.mark.parametrize("module", [common, seeds, schema, griffe_doctest], ids=lambda m: m.__name__)
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
