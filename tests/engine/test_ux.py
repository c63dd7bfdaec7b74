"""A CLI and API that never mislead: each test is a question a new user asked, and what the answer must say."""

from __future__ import annotations

import csv
import importlib.metadata
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

import sanctiontrack
from sanctiontrack import QueryError
from sanctiontrack.cli.app import app
from sanctiontrack.cli.render import make_console, render_action, render_actions, render_diff, render_entities, render_restrictions

runner = CliRunner()


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


# -- 1. wrong input is an error, never an empty answer ------------------------------------------------


@pytest.mark.parametrize("alias", ["UK", "uk", "gb", "GB"])
def test_huawei_in_the_uk_on_2023_01_01_is_answered_for_gb(alias: str) -> None:
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2023-01-01", "-j", alias, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["restricted"] is True
    assert {r["jurisdiction"] for r in data["restrictions"]} == {"GB"}


def test_lower_case_us_is_us_and_eu_stays_eu(tracker: sanctiontrack.Tracker) -> None:
    assert tracker.restrictions("Huawei", on="2020-02-20", jurisdiction="us") == tracker.restrictions(
        "Huawei", on="2020-02-20", jurisdiction="US"
    )
    assert tracker.restrictions("Huawei", on="2020-02-20", jurisdiction="us").restricted
    assert tracker.restrictions("Huawei", on="2020-02-20", jurisdiction="eu").jurisdiction == "EU"


def test_an_unknown_jurisdiction_on_the_command_line_names_the_option_and_the_accepted_codes() -> None:
    code, out, err = invoke("restrictions", "Huawei", "--on", "2023-01-01", "-j", "XX")
    assert code == 1 and out == ""
    assert err.startswith("error: --jurisdiction: unknown jurisdiction 'XX'")
    assert "ISO 3166-1 alpha-2" in err and "EU" in err and "UK means GB" in err


@pytest.mark.parametrize("command", [["in-force", "--on", "2020-01-01"], ["item", "0D521", "--to", "CN", "--on", "2020-01-06"]])
def test_every_command_with_a_jurisdiction_refuses_an_unknown_one(command: list[str]) -> None:
    code, _, err = invoke(*command, "-j", "XX")
    assert code == 1 and "unknown jurisdiction 'XX'" in err


def test_an_unknown_jurisdiction_in_python_is_a_query_error(tracker: sanctiontrack.Tracker) -> None:
    with pytest.raises(QueryError, match=r"'jurisdiction': unknown jurisdiction 'XX'.*UK means GB"):
        tracker.restrictions("Huawei", on="2023-01-01", jurisdiction="XX")
    with pytest.raises(QueryError, match="unknown jurisdiction 'XX'"):
        tracker.in_force(on="2020-01-01", jurisdiction="XX")
    with pytest.raises(QueryError, match="did you mean 'CN'"):
        tracker.item_restrictions("0D521", to="CN", on="2020-01-06", jurisdiction="China")


def test_an_unknown_kind_is_an_error_in_the_cli_and_in_python(tracker: sanctiontrack.Tracker) -> None:
    code, _, err = invoke("in-force", "--on", "2020-01-01", "--kind", "ban")
    assert code == 1 and err.startswith("error: --kind: unknown action kind 'ban'")
    with pytest.raises(QueryError, match="unknown action kind 'ban'"):
        tracker.in_force(on="2020-01-01", kind="ban")


@pytest.mark.parametrize(("option", "args"), [("--from", ["2020-13-01", "2021-01-01"]), ("--to", ["2020-01-01", "2021-02-30"])])
def test_a_bad_day_in_diff_blames_the_option_it_came_from(option: str, args: list[str]) -> None:
    code, _, err = invoke("diff", "Huawei", "--from", args[0], "--to", args[1])
    assert code == 1
    assert err.startswith(f"error: '{option}' must be a date like 2019-10-09")
    assert "'on'" not in err


def test_a_bad_day_in_python_diff_names_the_parameter(tracker: sanctiontrack.Tracker) -> None:
    with pytest.raises(QueryError, match="'start' must be a date"):
        tracker.diff("Huawei", "2020-13-01", "2021-01-01")


def test_at_without_an_offset_asks_for_one_and_suggests_no_tz_option() -> None:
    code, _, err = invoke("restrictions", "Huawei", "--at", "2020-01-01T09:00")
    assert code == 1 and "'--at': a time needs an offset" in err and "tz" not in err
    code, _, err = invoke("restrictions", "Huawei", "--at", "2020-01-01")
    assert code == 1 and "for the whole day ask with '--on'" in err and "tz" not in err


# -- 4. sources by authority, with URLs; times only where a source gives one ---------------------------


def test_the_huawei_listing_cites_the_legal_text_before_official_releases_and_news() -> None:
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2020-02-20", "--format", "json")
    assert code == 0
    for restriction in json.loads(out)["restrictions"]:
        ranks = [sanctiontrack.SourceKind(s["kind"]).authority for s in restriction["sources"]]
        assert ranks == sorted(ranks), restriction["action"]
    listing = next(r for r in json.loads(out)["restrictions"] if r["action"] == "us-bis-2019-huawei-entity-list")
    assert listing["sources"][0]["kind"] == "primary" and listing["sources"][0]["url"].startswith("https://")
    assert listing["instruments"][0]["citation"] == "84 FR 22961"


def test_the_table_output_prints_the_instrument_and_source_urls() -> None:
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2020-02-20")
    assert code == 0
    assert "instrument: 84 FR 22961" in out
    assert "https://www.govinfo.gov/" in out
    listing = out[out.index("[us-bis-2019-huawei-entity-list]") :]
    assert listing.index("source (primary)") < listing.index("source (secondary)")


def test_sources_of_actions_that_did_not_apply_are_in_the_json_by_authority() -> None:
    code, out, _ = invoke("restrictions", "WeChat", "--on", "2020-10-01", "--format", "json")
    assert code == 0
    for entry in json.loads(out)["not_operative"]:
        ranks = [sanctiontrack.SourceKind(s["kind"]).authority for s in entry["sources"]]
        assert ranks == sorted(ranks)


def test_the_wechat_injunction_is_dated_by_its_day_not_a_time_no_source_gives() -> None:
    answer = sanctiontrack.load().restrictions("WeChat", on="2020-10-01")
    suspended = next(n for n in answer.not_operative if n.action.id == "us-commerce-2020-wechat-identification")
    assert "since 2020-09-19" in suspended.explanation
    assert "03:00" not in suspended.explanation and "America/New_York" not in suspended.explanation


def test_a_time_a_source_gives_is_still_shown() -> None:
    answer = sanctiontrack.load().restrictions("Huawei", on="2020-02-20")
    listing = next(r for r in answer.restrictions if r.action.id == "us-bis-2019-huawei-entity-list")
    assert "in force since 2019-05-16 16:15 America/New_York" in listing.explanation


# -- 3. restrictions say what they restrict; in-force lists what is operative ---------------------------


def test_tiktok_on_a_day_of_government_device_policies_only_says_so() -> None:
    code, out, _ = invoke("restrictions", "TikTok", "--on", "2020-01-10")
    assert code == 0
    assert out.splitlines()[0] == "TikTok [tiktok] on 2020-01-10: RESTRICTED (government devices only)"
    code, out, _ = invoke("restrictions", "TikTok", "--on", "2020-01-10", "--format", "json")
    data = json.loads(out)
    assert data["scope"] == ["government devices only"]
    assert all(r["scope"] == ["government devices only"] for r in data["restrictions"])


def test_each_restriction_says_what_it_restricts_in_text_and_json() -> None:
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2020-02-20", "--format", "json")
    assert code == 0
    listing = next(r for r in json.loads(out)["restrictions"] if r["action"] == "us-bis-2019-huawei-entity-list")
    assert listing["scope"] == ["exports of controlled items"]
    assert {"category", "reach", "summary", "state"} <= set(listing["prohibitions"][0])
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2020-02-20")
    assert code == 0
    assert "restricts: exports of controlled items" in out and "restricts: government procurement only" in out


def test_in_force_lists_what_restricts_not_revocations_removals_or_court_orders() -> None:
    code, out, _ = invoke("in-force", "--on", "2021-06-01", "--format", "json")
    assert code == 0
    kinds = {a["kind"] for a in json.loads(out)["actions"]}
    assert not kinds & {"revocation", "entity_list_removal", "court_ruling"}
    assert all(a["scope"] or a["kind"] == "exemption" for a in json.loads(out)["actions"])
    code, out, _ = invoke("in-force", "--on", "2021-06-01", "--all", "--format", "json")
    assert {"revocation", "entity_list_removal", "court_ruling"} <= {a["kind"] for a in json.loads(out)["actions"]}


def test_in_force_in_python_keeps_every_binding_action_unless_asked_for_the_operative_only(tracker: sanctiontrack.Tracker) -> None:
    everything = {a.id for a in tracker.in_force(on="2021-06-01")}
    operative = {a.id for a in tracker.in_force(on="2021-06-01", operative_only=True)}
    assert operative < everything
    assert all(tracker.action(a).restricts or tracker.action(a).kind.value == "exemption" for a in operative)


# -- 5. output that fits the terminal -------------------------------------------------------------------


def rendered(width: int, draw: Callable[[Console], None]) -> str:
    out = io.StringIO()
    draw(make_console(width, out))
    return out.getvalue()


def assert_fits(text: str, width: int) -> None:
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert "…" not in text.replace(" …", "")  # an ellipsis only ends a cut sentence, never a word or a column
    assert not any(line.strip() == "" for line in lines[1:-1] if line), "no empty rows in a table"


def words_of(text: str, longest: int) -> set[str]:
    return {w for w in text.split() if len(w) <= longest}


@pytest.mark.parametrize("width", [80, 120])
def test_huawei_diff_reads_at_80_and_120_columns(tracker: sanctiontrack.Tracker, width: int) -> None:
    diff = tracker.diff("Huawei", "2019-05-15", "2020-09-01")
    text = rendered(width, lambda c: render_diff(c, diff))
    assert_fits(text, width)
    table_lines = text[text.index("Timeline of") : text.rindex("Covers:")].rstrip().splitlines()  # the coverage line follows a blank line
    assert not any(set(line) <= {" ", "│"} for line in table_lines), "no empty rows"
    flat = " ".join(text.split())
    for change in diff.came_into_force:  # every explanation is printed whole, no word cut in half
        assert " ".join(change.explanation.split()) in flat
    for event in diff.events:
        for word in words_of(event.description[:150].rsplit(" ", 1)[0], 30):  # descriptions are cut at a space near 200 characters
            assert word in text.split(), word


@pytest.mark.parametrize("width", [80, 120])
def test_in_force_and_entities_tables_fit(tracker: sanctiontrack.Tracker, width: int) -> None:
    actions = tracker.in_force(on="2020-02-20", operative_only=True)
    text = rendered(width, lambda c: render_actions(c, actions, "In force on 2020-02-20"))
    assert_fits(text, width)
    for action in actions:
        for word in words_of(action.title, 12):
            assert word in text.split(), word
    rows = [(m.entity, m.name, m.score) for m in tracker.entities.search("huawei", limit=20)]
    text = rendered(width, lambda c: render_entities(c, rows))
    assert_fits(text, width)
    assert all(word in text.split() for e, _, _ in rows for word in words_of(e.name, 20))


@pytest.mark.parametrize("width", [80, 120])
def test_a_restrictions_answer_wraps_to_the_width(tracker: sanctiontrack.Tracker, width: int) -> None:
    answer = tracker.restrictions("Huawei", on="2020-02-20")
    text = rendered(width, lambda c: render_restrictions(c, answer))
    assert all(len(line) <= width or line.lstrip().startswith("http") for line in text.splitlines())
    assert "[us-bis-2019-huawei-entity-list]" in text  # ids in brackets are printed, not read as markup


def test_names_with_brackets_are_printed_as_they_are(tracker: sanctiontrack.Tracker) -> None:
    action = tracker.action("us-bis-2019-huawei-entity-list")
    text = rendered(120, lambda c: render_action(c, action))
    assert "[us-bis-2019-huawei-entity-list]" in text


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (the CI image can apt-get install tmux)")
@pytest.mark.parametrize("width", [80, 120])
def test_diff_in_a_real_terminal_fits_its_width(width: int, tmp_path: Path) -> None:
    session = f"sanctiontrack-ux-{os.getpid()}-{width}"
    done = tmp_path / "done"
    command = (
        f"{shlex.quote(sys.executable)} -m sanctiontrack diff Huawei --from 2019-05-15 --to 2020-09-01 | head -40;"
        f" touch {shlex.quote(str(done))}; sleep 30"
    )
    env = {**os.environ, "COLUMNS": ""}
    env.pop("COLUMNS")
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(width), "-y", "50", command], check=True, env=env)
    try:
        for _ in range(600):
            if done.exists():
                break
            time.sleep(0.1)
        screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], check=True, capture_output=True, text=True).stdout
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    assert done.exists(), screen
    assert "Came into force (7)" in screen
    assert "…" not in screen.replace(" …", "")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= width


# -- 5. --format everywhere, help for every argument, --version -----------------------------------------

COMMANDS = {
    "restrictions": ["restrictions", "TikTok", "--on", "2020-01-10"],
    "item": ["item", "0D521", "--to", "CN", "--on", "2020-01-07"],
    "timeline": ["timeline", "iFlyTek"],
    "diff": ["diff", "iFlyTek", "--from", "2019-10-01", "--to", "2019-10-10"],
    "in-force": ["in-force", "--on", "2020-02-20", "-j", "US"],
    "show": ["show", "us-eo-13942-tiktok"],
    "entities": ["entities", "huawei", "-n", "3"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_query_command_answers_as_table_json_and_csv(command: str) -> None:
    args = COMMANDS[command]
    for fmt in ("table", "json"):
        code, out, err = invoke(*args, "--format", fmt)
        assert code == 0 and out, err
    code, out, err = invoke(*args, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows, out
    assert all(None not in row for row in rows), "every row has the header's columns"


def test_the_csv_answer_for_tiktok_says_what_each_restriction_restricts() -> None:
    _, out, _ = invoke("restrictions", "TikTok", "--on", "2020-01-10", "--format", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["applies"] == "restricts"]
    assert rows and {r["scope"] for r in rows} == {"government devices only"}
    assert all(r["restricted"] == "true" and r["on"] == "2020-01-10" for r in rows)


def test_every_argument_and_option_of_every_command_has_help() -> None:
    command = typer.main.get_command(app)
    missing = [
        f"{name} {param.name}"
        for name, sub in command.commands.items()  # type: ignore[attr-defined]
        for param in sub.params
        if not getattr(param, "help", None)
    ]
    assert missing == []


def test_screen_help_describes_its_file_without_a_stray_backslash() -> None:
    code, out, _ = invoke("screen", "--help")
    assert code == 0
    assert "\\[" not in out
    assert "A CSV file" in " ".join(out.split())


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.strip() == f"sanctiontrack {importlib.metadata.version('sanctiontrack')}"


# -- 6. Python: restricted(at=), to_dict()/to_json() on every result, short reprs ----------------------


def test_restricted_at_an_instant_agrees_with_restrictions(tracker: sanctiontrack.Tracker) -> None:
    for at in ("2019-05-16T16:14-04:00", "2019-05-16T16:15-04:00", "2019-05-16T20:15Z"):
        assert tracker.restricted("Huawei", at=at) is tracker.restrictions("Huawei", at=at).restricted
    assert tracker.restricted("Huawei", at="2019-05-16T16:15-04:00") and not tracker.restricted("Huawei", at="2019-05-16T16:14-04:00")
    with pytest.raises(QueryError, match="exactly one"):
        tracker.restricted("Huawei", on="2019-05-16", at="2019-05-16T16:15-04:00")
    with pytest.raises(QueryError, match="exactly one"):
        tracker.restricted("Huawei")


def every_result(tracker: sanctiontrack.Tracker) -> list[object]:
    answer = tracker.restrictions("Huawei", on="2020-02-20")
    futurewei = tracker.restrictions("Futurewei", on="2020-02-13")
    item = tracker.item_restrictions("0D521", to="CA", on="2020-01-06")
    diff = tracker.diff("iFlyTek", "2019-10-08", "2019-10-09")
    history = tracker.history("iFlyTek")
    screened = tracker.screen(["Huawei"], on="2020-01-01")
    related = tracker.entities.related("alipay")
    restriction = next(r for r in answer.restrictions if r.exemptions)
    return [
        answer,
        item,
        restriction,
        answer.not_operative[0],
        futurewei.charges[0],
        restriction.sources[0],
        restriction.exemptions[0],
        restriction.prohibitions[0],
        tracker.timeline("iFlyTek")[0],
        tracker.timeline("iFlyTek"),
        tracker.coverage,
        diff,
        diff.came_into_force[0],
        history[0],
        history[0].spans[0],
        tracker.entities.search("hikvison")[0],
        screened[0],
        screened[0].matches[0],
        related[0],
    ]


def test_every_result_type_becomes_plain_json(tracker: sanctiontrack.Tracker) -> None:
    results = every_result(tracker)
    kinds = set(sanctiontrack.query.results.__all__) | set(sanctiontrack.query.reports.__all__)
    assert {type(r).__name__ for r in results} == kinds - {"Basis", "Status", "scope_of"}
    for result in results:
        data = result.to_dict()  # type: ignore[attr-defined]
        assert json.loads(result.to_json()) == data  # type: ignore[attr-defined]


def test_to_dict_is_the_cli_json(tracker: sanctiontrack.Tracker) -> None:
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2020-02-20", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data.pop("restricted_members")  # the CLI adds the group's restricted members to the answer
    assert data == tracker.restrictions("Huawei", on="2020-02-20").to_dict()


def test_printing_a_result_shows_one_short_line(tracker: sanctiontrack.Tracker) -> None:
    for result in every_result(tracker):
        shown = repr(result)
        assert len(shown) < 800 and "\n" not in shown, shown
    event = tracker.timeline("iFlyTek")[1]
    assert repr(event).startswith("TimelineEvent(date='2019-10-09', day=2019-10-09, event=effective, action=us-bis-2019-xinjiang-entity")


# -- 2. groups and ownership ----------------------------------------------------------------------------


def test_ant_group_and_alipay_are_linked_both_ways_with_dates_and_sources() -> None:
    code, out, _ = invoke("entities", "Ant Group", "--related", "--format", "json")
    assert code == 0
    alipay = next(r for r in json.loads(out)["related"] if r["id"] == "alipay")
    assert alipay["role"] == "subsidiary" and alipay["relation"] == "owned_by" and alipay["from"] == "2014-10"
    assert any(s.get("url") for s in alipay["sources"])
    code, out, _ = invoke("entities", "Alipay", "--related")
    assert code == 0 and "Parents (1)" in out and "alipay owned by ant-group; from 2014-10" in out and "https://" in out


def test_related_lists_parents_subsidiaries_and_affiliates(tracker: sanctiontrack.Tracker) -> None:
    roles = {r.role for r in tracker.entities.related("huawei")}
    assert "subsidiary" in roles or "affiliate" in roles
    child = next(r for r in tracker.entities.related("huawei") if r.role in ("subsidiary", "affiliate"))
    back = [r for r in tracker.entities.related(child.entity.id) if r.entity.id == "huawei"]
    assert back and back[0].role in ("parent", "affiliate"), "a link is seen from both of its ends"


def test_a_group_question_answers_for_every_member(tracker: sanctiontrack.Tracker) -> None:
    answers = tracker.group_restrictions("Huawei", on="2020-02-20")
    assert answers[0].entity.id == "huawei"
    assert [a.entity.id for a in answers] == [e.id for e in tracker.entities.members("huawei")]
    assert len(answers) > 50
    for answer in answers[:20]:
        assert answer == tracker.restrictions(answer.entity.id, on="2020-02-20")
    code, out, _ = invoke("restrictions", "Huawei", "--group", "--on", "2020-02-20", "--format", "json")
    assert code == 0 and len(json.loads(out)["members"]) == len(answers)


def test_a_parents_answer_names_its_restricted_members() -> None:
    code, out, _ = invoke("restrictions", "Ant Group", "--on", "2021-01-06")
    assert code == 0 and "Restricted members of its group on 2021-01-06 (1)" in out and "Alipay [alipay]" in out
    code, out, _ = invoke("restrictions", "Ant Group", "--on", "2021-01-06", "--format", "json")
    assert [m["id"] for m in json.loads(out)["restricted_members"]] == ["alipay"]
    code, out, _ = invoke("restrictions", "Ant Group", "--on", "2020-06-01", "--format", "json")
    assert json.loads(out)["restricted_members"] == []


def test_a_partial_name_lists_the_entities_it_could_mean(tracker: sanctiontrack.Tracker) -> None:
    code, out, err = invoke("restrictions", "Huawei Cloud", "--on", "2021-01-01")
    assert code == 1 and out == ""
    assert "'Huawei Cloud' is not one entity" in err and "Huawei Cloud Peru [huawei-cloud-peru]" in err
    with pytest.raises(sanctiontrack.AmbiguousEntityError) as caught:
        tracker.restrictions("Huawei Cloud", on="2021-01-01")
    assert len(caught.value.candidates) >= 11
    assert all(c.startswith("Huawei Cloud ") for c in caught.value.candidates)
    assert isinstance(caught.value, sanctiontrack.UnknownEntityError)


# -- 7. docs and behaviour agree ------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_export_csv_has_the_confidence_columns_news_promises() -> None:
    assert "`sanctiontrack export --format csv`" in (ROOT / "NEWS.md").read_text(encoding="utf-8")
    code, out, _ = invoke("export", "--format", "csv", "--what", "actions")
    assert code == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    huawei = rows["us-bis-2019-huawei-entity-list"]
    assert huawei["effective_confidence"] == "reported" and huawei["published_confidence"] == "confirmed"
    assert huawei["signed_confidence"] == ""  # no signed date, no confidence
    assert {r["confidence"] for r in rows.values()} <= {"confirmed", "reported", "unconfirmed"}


def test_the_acknowledged_field_the_validator_suggests_is_documented() -> None:
    from sanctiontrack.io.schema import Acknowledgement

    format_page = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert "acknowledged:" in format_page
    for value in Acknowledgement.__args__:
        assert f"`{value}`" in format_page, value


BROKEN = """\
entities:
  - {id: acme, name: "Acme Co., Ltd.", kind: company}
sources:
  - {id: fr-test, kind: primary, publisher: Office of the Federal Register, title: A rule}
actions:
  - id: us-test-listing
    kind: entity_list_addition
    title: Acme listed
    colour: red
    jurisdiction: US
    authority: BIS
    dates: {published: 2019-10-09, effective: 2019-10-01, ended: 2019-09-01}
    targets: [{entity: acme, role: listed}]
    restricts: [{id: ear, category: exports, summary: License required.}]
    relations: [{type: exempts, action: us-test-listing}]
    evidence: [{source: fr-test, locator: DATES}]
"""


def test_the_validator_reports_every_problem_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    first = sanctiontrack.validate([path])
    assert any("colour" in p.message for p in first.problems)
    path.write_text(BROKEN.replace("    colour: red\n", ""), encoding="utf-8")
    fixed = sanctiontrack.validate([path])
    assert fixed.problems, "the other problems remain"
    before = {(p.code, p.message) for p in first.problems}
    assert {(p.code, p.message) for p in fixed.problems} <= before, "fixing the schema error reveals nothing new"
    assert first.dataset.actions == (), "a record that failed the schema is checked, never answered from"


EXTRA = """\
sources:
  - {id: ux-extra-source, kind: primary, publisher: Office of the Federal Register, title: A rule}
actions:
  - id: us-ux-extra-listing
    kind: entity_list_addition
    title: Huawei listed again (a test file)
    jurisdiction: US
    authority: BIS
    dates: {published: 2030-01-02, effective: 2030-01-02}
    targets: [{entity: huawei, role: listed}]
    restricts: [{id: ear, category: exports, summary: License required.}]
    evidence: [{source: ux-extra-source, locator: DATES}]
"""


def test_data_adds_to_the_bundled_dataset_and_data_only_replaces_it(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    code, out, err = invoke("restrictions", "Huawei", "--on", "2030-01-02", "--data", str(extra), "--format", "json")
    assert code == 0, err
    actions = {r["action"] for r in json.loads(out)["restrictions"]}
    assert "us-ux-extra-listing" in actions and "us-bis-2019-huawei-entity-list" in actions
    code, _, err = invoke("restrictions", "Huawei", "--on", "2030-01-02", "--data", str(extra), "--data-only")
    assert code == 1 and "unknown entity 'huawei'" in err  # alone, the file names an entity it does not define


@pytest.mark.parametrize("command", [("restrictions", "Huawei", "--on", "2020-02-20"), ("timeline", "Huawei"), ("build",)])
def test_a_data_path_that_gives_no_file_is_an_error_never_an_answer_from_the_bundled_data_alone(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    assert invoke("restrictions", "Huawei", "--on", "2020-02-20")[0] == 0  # the bundled data's store is in the cache
    code, out, err = invoke(*command, "--data", str(tmp_path / "typo.yaml"))
    assert (code, out) == (1, "")
    assert "typo.yaml:1:1: no such file or folder" in err


@pytest.mark.parametrize(
    "command",
    [
        ("restrictions", "Huawei", "--on", "2020-02-20", "--data", ""),
        ("validate", ""),
        ("validate", "--seeds", " "),
        ("export", "--format", "parquet", "--output", ""),
        ("build", "--output", ""),
    ],
)
def test_an_empty_path_is_a_usage_error_never_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    """`--data "$UNSET"` read whatever folder the script ran in (an empty path is `.` to pathlib)."""
    (tmp_path / "acts.yaml").write_text(EXTRA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the folder an empty path would have meant
    code, out, err = invoke(*command)
    assert (code, out) == (2, "")
    assert "an empty path (a variable left unset?)" in " ".join(err.replace("│", " ").split())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acts.yaml"]


def test_show_lists_an_actions_sources_by_authority_with_urls() -> None:
    code, out, _ = invoke("show", "us-bis-2019-huawei-entity-list")
    assert code == 0
    kinds = [line.split("(", 1)[1].split(")", 1)[0] for line in out.splitlines() if line.startswith("  source ")]
    ranks = [sanctiontrack.SourceKind(k).authority for k in kinds]
    assert ranks and ranks == sorted(ranks)
    assert "https://www.govinfo.gov/" in out


# -- 9. a console-script run leaves as soon as its answer is written -------------------------------------


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    """``sanctiontrack ARGS`` as a user runs it: its own process, output to a pipe (``main()`` with no argv)."""
    return subprocess.run([sys.executable, "-m", "sanctiontrack", *args], capture_output=True, text=True, timeout=120, check=False)


def test_a_console_run_writes_all_its_output_and_keeps_its_exit_code_when_it_skips_teardown() -> None:
    listed = _console("entities", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) > 10_000  # megabytes through a pipe: nothing is lost to the early exit
    unknown = _console("restrictions", "Nobody Of This Name Ltd", "--on", "2019-06-01")
    assert unknown.returncode == 3
    assert "no entity matches 'Nobody Of This Name Ltd'" in unknown.stderr
    assert "does not mean not restricted" in unknown.stderr
    usage = _console("restrictions", "Huawei", "--on", "not-a-date")
    assert usage.returncode != 0 and "Traceback" not in usage.stderr and usage.stderr.strip()


def _command_names() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _command_names())
def test_a_run_built_with_only_its_own_command_answers_as_the_whole_app(command: str) -> None:
    from sanctiontrack.cli.app import _app_for

    runs = [[command, "--help"], [command, "--no-such-option"], [*COMMANDS.get(command, [command]), "--format", "json"]]
    for args in runs:
        whole, alone = runner.invoke(app, args), runner.invoke(_app_for(args), args)
        assert (alone.exit_code, alone.stdout, alone.stderr) == (whole.exit_code, whole.stdout, whole.stderr), args
    built = _app_for([command])
    if command == "import":  # a group of commands: the whole app runs it
        assert built is app
    else:
        assert len(built.registered_commands) == 1 and typer.main.get_command(built).commands.keys() == {command}  # type: ignore[attr-defined]


def test_importing_the_library_leaves_dateutils_parser_unloaded_until_it_is_used() -> None:
    code = (
        "import sys, sanctiontrack, pendulum; assert 'dateutil.parser._parser' not in sys.modules; "
        "print(pendulum.parse('June 1 2019', strict=False).date()); assert 'dateutil.parser._parser' in sys.modules"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "2019-06-01"
