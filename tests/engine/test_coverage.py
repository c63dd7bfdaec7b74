"""Coverage in every answer: what data an answer covers, and "not in the data" never worded as "not restricted"."""

from __future__ import annotations

import csv
import io
import json
import pickle
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import sanctiontrack
from sanctiontrack import Coverage, ListSnapshot, Timeline, Tracker, UnknownEntityError
from sanctiontrack.cli.app import NOT_COVERED, app
from sanctiontrack.model.names import name_key
from sanctiontrack.query.entities import SUGGEST_CUTOFF, closeness
from tests.data.facts import tracker

runner = CliRunner()
WORLD = Path(__file__).parent / "world.yaml"

# Entities whose names share letters with "SMIC" but are not it: the suggestions once offered for SMIC.
MUSIC_WORLD = """
entities:
  - {id: qq-music, name: QQ Music, kind: app}
  - {id: musically, name: Musical.ly, kind: app}
  - {id: acme, name: "Acme Co., Ltd.", kind: company}
sources:
  - {id: fr-test, kind: primary, publisher: Office of the Federal Register, title: Invented rules}
actions:
  - id: listing
    kind: entity_list_addition
    title: Acme listed
    jurisdiction: US
    authority: BIS
    dates: {published: 2019-10-09, effective: 2019-10-09}
    targets: [{entity: acme, role: listed, scope: entity}]
    restricts: [{id: ear, category: exports, summary: License required.}]
    evidence: [{source: fr-test, locator: DATES}]
"""


SNAPSHOTS = """
snapshots:
  - {id: csl-2022-04, lists: [EL, SDN, MEU, DPL, UVL], as_of: 2022-04-21}
  - {id: csl-2023-11, lists: [EL, SDN], as_of: 2023-11-16, partial: true}
"""


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def world() -> Tracker:
    return sanctiontrack.load(WORLD, cache=False)


@pytest.fixture
def music(write: Callable[..., Path]) -> Path:
    return write(MUSIC_WORLD)


# -- what the coverage says ----------------------------------------------------------------------


def test_the_bundled_data_covers_its_files_the_span_of_its_curated_actions_and_its_list_snapshots() -> None:
    coverage = tracker().coverage
    curated = sanctiontrack.load(official=False)
    days = [value.date for action in curated.actions for _, value in action.dates.items()]
    assert (coverage.first, coverage.last) == (min(days), max(days))
    assert coverage.actions == len(curated.actions) and coverage.entities == len(curated.entities)
    assert "actions.yaml" in coverage.files and "entity-list/huawei-affiliates.yaml" in coverage.files
    assert [(s.id, s.as_of, s.partial) for s in coverage.snapshots] == [
        ("dpl-2019-06", "2019-06-29", False),
        ("csl-2022-04", "2022-04-21", False),
    ]
    assert {"EL", "SDN", "DPL", "MEU", "UVL"} <= set(coverage.lists)
    expected = f"curated data {min(days)} to {max(days)} ({coverage.actions} actions, {len(coverage.files)} files)"
    expected += "; snapshot dpl-2019-06 as of 2019-06-29 (DPL); snapshot csl-2022-04 as of 2022-04-21 (EL, SDN, DPL, SSI, …)"
    assert coverage.line() == f"Covers: {expected}"


def test_a_store_says_what_it_covers_as_the_parsed_files_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONTRACK_CACHE_DIR", str(tmp_path))
    parsed = sanctiontrack.load(WORLD, cache=False).coverage
    built = sanctiontrack.load(WORLD)  # parses, writes the store
    opened = sanctiontrack.load(WORLD)  # answers from the store
    assert opened._store is not None
    assert parsed == built.coverage == opened.coverage
    assert parsed.files == ("world.yaml",)


def test_every_answer_carries_the_coverage() -> None:
    t = tracker()
    coverage = t.coverage
    assert t.restrictions("Huawei", on="2020-02-20").coverage == coverage
    assert t.restrictions("Huawei", at="2019-05-16T09:00-04:00").coverage == coverage
    assert t.restrictions("Huawei", on="2020-02-20", jurisdiction="US").coverage == coverage
    assert t.item_restrictions("0D521", to="CN", on="2020-01-06").coverage == coverage
    timeline = t.timeline("iFlyTek")
    assert isinstance(timeline, Timeline) and timeline.coverage == coverage
    assert t.item_timeline("0D521", to="CN").coverage == coverage
    assert t.diff("iFlyTek", "2019-10-08", "2019-10-09").coverage == coverage
    assert all(r.coverage == coverage for r in t.screen(["iFlyTek", "Acme Widgets"], on="2020-03-01"))


def test_a_pickled_answer_keeps_its_coverage_and_still_compares_by_what_it_says() -> None:
    answer = tracker().restrictions("iFlyTek", on="2020-03-01")
    copied = pickle.loads(pickle.dumps(answer))
    assert copied == answer and hash(copied) == hash(answer)
    assert copied.coverage == answer.coverage
    timeline = tracker().timeline("iFlyTek")
    again = pickle.loads(pickle.dumps(timeline))
    assert again == timeline and again.coverage == timeline.coverage


@pytest.mark.parametrize("cached", [False, True], ids=["parsed", "from a store"])
def test_each_list_snapshot_is_named_with_its_lists_day_and_partiality(
    write: Callable[..., Path], cached: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANCTIONTRACK_CACHE_DIR", str(tmp_path / "cache"))
    path = write(MUSIC_WORLD + SNAPSHOTS)
    if cached:
        sanctiontrack.load(path)
    t = sanctiontrack.load(path, cache=cached)
    assert (t._store is not None) == cached
    coverage = t.coverage
    assert [(s.id, s.lists, s.as_of, s.partial) for s in coverage.snapshots] == [
        ("csl-2022-04", ("EL", "SDN", "MEU", "DPL", "UVL"), "2022-04-21", False),
        ("csl-2023-11", ("EL", "SDN"), "2023-11-16", True),
    ]
    assert coverage.lists == ("EL", "SDN", "MEU", "DPL", "UVL")
    assert coverage.text() == (
        "curated data 2019-10-09 to 2019-10-09 (1 actions, 1 file); "
        "snapshot csl-2022-04 as of 2022-04-21 (EL, SDN, MEU, DPL, …); snapshot csl-2023-11 as of 2023-11-16 (EL, SDN), partial"
    )
    with pytest.raises(UnknownEntityError, match=r"searched: .*csl-2022-04 as of 2022-04-21 .*csl-2023-11 as of 2023-11-16"):
        t.restrictions("SMIC", on="2023-01-01")
    assert t.restrictions("Acme", on="2023-01-01").outside is None  # the snapshots carry the span past the curated dates
    assert t.restrictions("Acme", on="2023-11-17").outside == (
        "2023-11-17 is after the latest date the data covers (2023-11-16): later actions are not in it"
    )


def test_a_day_after_the_latest_snapshot_but_within_the_curated_span_is_flagged() -> None:
    coverage = Coverage(
        (),
        pendulum.date(2018, 1, 1),
        pendulum.date(2024, 12, 3),
        1,
        1,
        (ListSnapshot("csl", ("EL",), "2022-04-21", pendulum.date(2022, 4, 21)),),
    )
    assert coverage.position(pendulum.date(2023, 1, 1)) == "after_snapshots"
    assert coverage.outside(pendulum.date(2023, 1, 1)) == (
        "2023-01-01 is after the latest list snapshot (csl, 2022-04-21):"
        " later listings and removals on the official lists are not in the data"
    )


# -- a day outside the data ----------------------------------------------------------------------


def test_a_day_after_the_data_is_flagged_as_after_it() -> None:
    last = tracker().coverage.last
    assert last is not None
    later = last.add(days=1)
    answer = tracker().restrictions("Huawei", on=later.to_date_string())
    assert answer.outside == f"{later} is after the latest date the data covers ({last}): later actions are not in it"
    on_the_last_day = tracker().restrictions("Huawei", on=last.to_date_string()).outside
    assert on_the_last_day == (
        f"{last} is after the latest list snapshot (csl-2022-04, 2022-04-21):"
        " later listings and removals on the official lists are not in the data"
    )
    assert tracker().restrictions("Huawei", on="2022-04-21").outside is None


def test_a_day_before_the_data_is_flagged_as_before_it() -> None:
    first = tracker().coverage.first
    assert first is not None
    earlier = first.subtract(days=1)
    assert tracker().restrictions("Huawei", on=earlier.to_date_string()).outside.startswith(f"{earlier} is before the earliest date")  # type: ignore[union-attr]
    assert tracker().restrictions("Huawei", on=first.to_date_string()).outside is None


def test_the_json_says_where_the_day_lies_in_the_coverage() -> None:
    for day, position in (("1999-01-01", "before"), ("2020-02-20", "within"), ("2099-01-01", "after")):
        code, out, _ = invoke("restrictions", "Huawei", "--on", day, "--format", "json")
        assert code == 0
        data = json.loads(out)["coverage"]
        assert data["position"] == position and (data["outside"] is None) == (position == "within")
        assert data["first"] == tracker().coverage.first.to_date_string()  # type: ignore[union-attr]


def test_text_answers_end_with_the_coverage_line_and_a_note_when_outside() -> None:
    line = tracker().coverage.line()
    for args in (
        ("restrictions", "Huawei", "--on", "2020-02-20"),
        ("item", "0D521", "--to", "CN", "--on", "2020-01-06"),
        ("timeline", "iFlyTek"),
        ("diff", "iFlyTek", "--from", "2019-10-08", "--to", "2019-10-09"),
    ):
        code, out, _ = invoke(*args, stdin=None)
        assert code == 0, args
        assert " ".join(out.split()).endswith(line), args
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2099-01-01")
    assert "Note: 2099-01-01 is after the latest date the data covers" in " ".join(out.split())


def test_what_was_in_force_says_what_data_it_covers() -> None:
    code, out, _ = invoke("in-force", "--on", "2099-01-01")
    flat = " ".join(out.split())
    assert code == 0 and flat.endswith(tracker().coverage.line()) and "Note: 2099-01-01 is after the latest date" in flat
    code, out, _ = invoke("in-force", "--on", "2020-02-20", "--format", "json")
    assert json.loads(out)["coverage"]["position"] == "within"


# -- known but not restricted, and not covered -----------------------------------------------------


def test_a_known_entity_with_nothing_in_force_is_not_restricted_in_the_data_covered() -> None:
    answer = tracker().restrictions("Huawei", on="2019-05-15")
    assert answer.status == "not_restricted"
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2019-05-15")
    assert code == 0
    assert "on 2019-05-15: not restricted in the data covered" in " ".join(out.split())
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2019-05-15", "--format", "json")
    assert json.loads(out)["status"] == "not_restricted"


def test_an_unknown_name_says_it_is_not_covered_never_that_it_is_unrestricted() -> None:
    with pytest.raises(UnknownEntityError) as caught:
        tracker().restrictions("Acme Widgets", on="2020-02-20")
    message = str(caught.value)
    assert message.startswith("no entity matches 'Acme Widgets': the name is in no loaded list or curated record")
    assert f"(searched: {tracker().coverage.text()})" in message
    assert "not covered, which does not mean not restricted" in message
    assert message.endswith("no close name") and caught.value.suggestions == ()
    assert caught.value.coverage == tracker().coverage


def test_an_unknown_name_on_the_command_line_exits_3_with_status_not_covered() -> None:
    code, out, err = invoke("restrictions", "Acme Widgets", "--on", "2020-02-20")
    assert code == NOT_COVERED == 3 and out == ""
    assert err.startswith("error: no entity matches 'Acme Widgets': the name is in no loaded list or curated record")
    assert "Traceback" not in err
    code, out, err = invoke("restrictions", "Acme Widgets", "--on", "2020-02-20", "--format", "json")
    assert code == 3
    data = json.loads(out)
    assert data["status"] == "not_covered" and data["restricted"] is None
    assert data["coverage"]["summary"] == tracker().coverage.text()
    for command in (("timeline", "Acme Widgets"), ("diff", "Acme Widgets", "--from", "2020-01-01", "--to", "2020-02-01")):
        code, out, _ = invoke(*command, "--format", "json")
        assert code == 3 and json.loads(out)["status"] == "not_covered", command


def test_a_batch_names_each_row_not_covered_and_the_data_searched_once(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("name,date\nHuawei,2020-01-01\nNobody Widgets,2020-01-01\nAcme Widgets,2020-01-01\n", encoding="utf-8")
    code, out, err = invoke("restrictions", "--batch", str(rows))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == f"{rows}:3:1: no entity matches 'Nobody Widgets' (not covered, which does not mean not restricted); no close name"
    assert lines[2] == f"2 name(s) not covered; the data searched: {tracker().coverage.text()}"
    assert err.count(tracker().coverage.text()) == 1


def test_smic_in_data_without_it_suggests_no_music_apps(music: Path) -> None:
    t = sanctiontrack.load(music, cache=False)
    with pytest.raises(UnknownEntityError) as caught:
        t.restrictions("SMIC", on="2021-01-01")
    assert caught.value.suggestions == ()
    assert str(caught.value).endswith("no close name")
    assert "(searched: curated data 2019-10-09 to 2019-10-09 (1 actions, 1 file); no official list loaded)" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("Hauwei", "Huawei"), ("Hikvison Digital", "Hangzhou Hikvision Digital Technology"), ("ByteDanse", "ByteDance"), ("Megvi", "Megvii")],
)
def test_a_misspelt_name_suggests_the_name_meant(typed: str, suggested: str) -> None:
    with pytest.raises(UnknownEntityError) as caught:
        tracker().restrictions(typed, on="2021-01-01")
    assert caught.value.suggestions[0].startswith(suggested)


ASCII_NAMES = sorted({n for e in tracker().entities for n in e.names if n.isascii()})


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(ASCII_NAMES), st.integers(0, 40), st.sampled_from("aeiouxz"))
def test_every_name_suggested_is_close_to_what_was_typed(name: str, at: int, letter: str) -> None:
    typed = name[:at] + letter + name[at + 1 :]
    key = name_key(typed)
    for score, _, suggested in tracker().entities._close(typed, 5, SUGGEST_CUTOFF):
        assert score >= SUGGEST_CUTOFF and score == closeness(key, name_key(suggested)), (typed, suggested)


def test_a_misspelt_name_in_a_small_world_suggests_the_entity(world: Tracker) -> None:
    with pytest.raises(UnknownEntityError) as caught:
        world.restrictions("Acmee Cloud", on="2020-01-01")
    assert caught.value.suggestions[0].startswith("Acme Cloud")


# -- screening ------------------------------------------------------------------------------------


def test_screening_tells_no_match_from_a_clean_result() -> None:
    results = tracker().screen(["Huawei", "Huawei Device USA", "Acme Widgets"], on="2019-05-15")
    assert [r.status for r in results] == ["not_restricted", "not_restricted", "not_covered"]
    results = tracker().screen(["Huawei"], on="2019-05-16")
    assert results[0].status == "restricted"


def test_screen_json_csv_and_table_say_not_covered(tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text("name\nHuawei\nAcme Widgets\n", encoding="utf-8")
    code, out, _ = invoke("screen", str(names), "--on", "2019-05-15", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [r["status"] for r in data["results"]] == ["not_restricted", "not_covered"]
    assert data["results"][1]["note"].startswith("no match in the data covered (curated data ")
    assert data["results"][1]["note"].endswith("not covered, which does not mean not restricted")
    assert data["coverage"]["summary"] == tracker().coverage.text()

    code, out, _ = invoke("screen", str(names), "--on", "2019-05-15", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["query"]: r["status"] for r in rows} == {"Huawei": "not_restricted", "Acme Widgets": "not_covered"}
    assert {r["coverage"] for r in rows} == {tracker().coverage.text()}

    code, out, _ = invoke("screen", str(names), "--on", "2019-05-15")
    flat = " ".join(out.split())
    assert "no match in the data covered" in flat and "not covered" in flat
    assert flat.endswith(tracker().coverage.line())


# -- the plain form -----------------------------------------------------------------------------

days = st.dates(min_value=pendulum.date(1990, 1, 1), max_value=pendulum.date(2040, 12, 31)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)
snapshots = st.builds(
    ListSnapshot,
    st.from_regex(r"[a-z]{3}-[0-9]{4}", fullmatch=True),
    st.lists(st.sampled_from(["EL", "SDN", "DPL", "MEU", "UVL"]), unique=True).map(tuple),
    st.just("x"),
    days,
    st.booleans(),
).map(lambda s: ListSnapshot(s.id, s.lists, s.day.to_date_string(), s.day, s.partial))
coverages = st.builds(
    lambda files, span, counts, snaps: Coverage(tuple(files), min(span), max(span), counts[0], counts[1], tuple(snaps)),
    st.lists(st.text(min_size=1, max_size=20), max_size=3),
    st.lists(days, min_size=2, max_size=2),
    st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)),
    st.lists(snapshots, max_size=3),
)


@given(coverages)
def test_the_plain_form_reads_back_as_the_same_coverage(coverage: Coverage) -> None:
    assert Coverage.from_plain(json.loads(json.dumps(coverage.to_plain()))) == coverage


@given(coverages, days)
def test_a_day_is_flagged_exactly_when_it_lies_outside_the_span(coverage: Coverage, day: pendulum.Date) -> None:
    start, end = coverage.start, coverage.end
    assert start is not None and end is not None
    latest = max((s.day for s in coverage.snapshots), default=None)
    inside = start <= day <= end and (latest is None or day <= latest)
    assert (coverage.outside(day) is None) == inside
    assert (coverage.position(day) == "within") == inside


@pytest.mark.parametrize(
    "plain",
    [
        None,
        [],
        {"curated": {}, "snapshots": []},
        {"curated": {"files": ["a"], "first": "2019-13-01", "last": None, "actions": 1, "entities": 1}, "snapshots": []},
        {"curated": {"files": ["a"], "first": None, "last": None, "actions": -1, "entities": 1}, "snapshots": []},
        {"curated": {"files": ["a"], "first": None, "last": None, "actions": 1, "entities": 1}, "snapshots": [{"id": 1}]},
        {"curated": {"files": [{"__class__": "os.system"}], "first": None, "last": None, "actions": 1, "entities": 1}, "snapshots": []},
    ],
)
def test_a_coverage_of_the_wrong_shape_is_refused_with_the_field_named(plain: object) -> None:
    with pytest.raises(ValueError, match=r"^coverage"):
        Coverage.from_plain(plain)
