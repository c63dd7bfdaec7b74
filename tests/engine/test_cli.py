"""The command line: JSON shapes users script against, and one clear line for every error."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sanctiontrack
from sanctiontrack.cli.app import app

runner = CliRunner()


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_restrictions_json_shape() -> None:
    code, out, _ = invoke("restrictions", "Huawei", "--on", "2020-02-20", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"entity", "on", "restricted", "restrictions", "not_operative"}
    assert data["on"] == "2020-02-20" and data["restricted"] is True
    assert data["entity"]["id"] == "huawei"
    first = data["restrictions"][0]
    assert set(first) >= {"action", "kind", "status", "basis", "exemptions", "sources"}
    assert set(first["basis"]) >= {"type", "via"}
    for entry in data["not_operative"]:
        assert set(entry) >= {"action", "reason"}


def test_restrictions_at_an_instant() -> None:
    code, out, _ = invoke("restrictions", "Huawei", "--at", "2019-05-16T09:00-04:00", "--format", "json", "--jurisdiction", "US")
    assert code == 0
    data = json.loads(out)
    assert data["at"] == "2019-05-16T09:00:00-04:00"
    assert "us-bis-2019-huawei-entity-list" not in {r["action"] for r in data["restrictions"]}


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_without_a_date_the_cli_says_which_day_it_used(fmt: str) -> None:
    """In every format: `in-force -f csv` rows do not name their day, and once nothing else did either."""
    for command in (("restrictions", "Huawei"), ("in-force",)):
        code, _, err = invoke(*command, "--format", fmt)
        assert code == 0
        assert "(no --on given: using today, " in err, (command, fmt)


def test_unknown_entity_is_not_covered_with_suggestions_and_exit_3() -> None:
    code, out, err = invoke("restrictions", "Hauwei", "--on", "2020-02-20")
    assert code == 3
    assert err.startswith("error: no entity matches 'Hauwei': the name is in no loaded list or curated record")
    assert "does not mean not restricted; did you mean: Huawei" in err
    assert "Traceback" not in err and out == ""


def test_bad_date_is_one_line() -> None:
    code, _, err = invoke("restrictions", "Huawei", "--on", "2020-02-30")
    assert code == 1
    assert err.strip() == "error: '--on' must be a date like 2019-10-09 (got '2020-02-30')"


def test_naive_instant_is_refused() -> None:
    code, _, err = invoke("restrictions", "Huawei", "--at", "2019-05-16T09:00")
    assert code == 1
    assert "a time needs an offset" in err and "'tz'" not in err  # queries have no tz option to suggest


def test_unknown_action_id() -> None:
    code, _, err = invoke("show", "us-eo-1394-tiktok")
    assert code == 1
    assert err.startswith("error: no action has id 'us-eo-1394-tiktok'; did you mean: us-eo-13942-tiktok?")


def test_show_json_is_the_record() -> None:
    code, out, _ = invoke("show", "us-eo-13942-tiktok", "--format", "json")
    assert code == 0
    record = json.loads(out)
    assert record["id"] == "us-eo-13942-tiktok" and record["kind"] == "executive_order"


def test_unknown_kind_in_in_force() -> None:
    code, _, err = invoke("in-force", "--on", "2020-01-01", "--kind", "entity_list_add")
    assert code == 1 and "did you mean 'entity_list_addition'" in err


def test_in_force_json() -> None:
    code, out, _ = invoke("in-force", "--on", "2020-02-20", "--jurisdiction", "US", "--format", "json")
    assert code == 0
    ids = {a["id"] for a in json.loads(out)["actions"]}
    assert "us-bis-2019-huawei-entity-list" in ids


def test_timeline_and_diff_json() -> None:
    code, out, _ = invoke("timeline", "iFlyTek", "--format", "json")
    assert code == 0
    events = json.loads(out)["events"]
    assert events == sorted(events, key=lambda e: e["day"])
    code, out, _ = invoke("diff", "iFlyTek", "--from", "2019-10-08", "--to", "2019-10-09", "--format", "json")
    assert code == 0
    change = json.loads(out)
    assert change["restricted_before"] is False and change["restricted_after"] is True
    assert [c["action"] for c in change["came_into_force"]] == ["us-bis-2019-xinjiang-entity-list"]


def test_screen_csv_in_csv_out(tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text("name\nIFLYTEK CO LTD\nAcme Widgets Ltd\n华为技术有限公司\n", encoding="utf-8")
    code, out, _ = invoke("screen", str(names), "--on", "2020-03-01", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    by_query: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_query.setdefault(row["query"], []).append(row)
    assert by_query["IFLYTEK CO LTD"][0]["entity"] == "iflytek" and by_query["IFLYTEK CO LTD"][0]["restricted"] == "true"
    assert by_query["华为技术有限公司"][0]["entity"] == "huawei"
    assert by_query["Acme Widgets Ltd"][0]["entity"] == ""


def test_screen_reads_stdin_and_reports_missing_files(tmp_path: Path) -> None:
    code, out, _ = invoke("screen", "-", "--on", "2020-03-01", "--format", "json", stdin="TikTok\n")
    assert code == 0 and json.loads(out)["results"][0]["matches"][0]["entity"] == "tiktok"
    code, _, err = invoke("screen", str(tmp_path / "none.csv"), "--on", "2020-03-01")
    assert code == 1 and "No such file" in err


def test_export_formats() -> None:
    code, out, _ = invoke("export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"entities", "sources", "actions", "items", "snapshots"}
    code, out, _ = invoke("export", "--format", "csv", "--what", "entities")
    assert code == 0 and out.splitlines()[0] == "id,name,kind,country,aliases"


def test_entities_search() -> None:
    code, out, _ = invoke("entities", "hikvison", "--format", "json")
    assert code == 0 and json.loads(out)[0]["id"] == "hikvision"


def test_entities_without_a_name_lists_all_as_data_and_the_first_twenty_as_a_table(tracker: sanctiontrack.Tracker) -> None:
    code, out, _ = invoke("entities", "--format", "json")
    assert code == 0 and [e["id"] for e in json.loads(out)] == [e.id for e in tracker.entities]
    code, out, _ = invoke("entities", "--format", "csv", "--limit", "3")
    assert code == 0 and [row["id"] for row in csv.DictReader(io.StringIO(out))] == [e.id for e in tracker.entities][:3]
    code, out, _ = invoke("entities")
    more = len(tracker.entities) - 20
    assert code == 0 and f"Entities (20 of {len(tracker.entities):,})" in out
    assert f"{more:,} more: --limit N shows more, --format csv or json lists them all." in out


def test_item_json_answers_like_restrictions() -> None:
    code, out, _ = invoke("item", "0D521", "--to", "CN", "--on", "2020-01-06", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"items", "to", "on", "restricted", "restrictions", "not_operative"}
    assert data["restricted"] is True and data["to"] == "CN"
    first = data["restrictions"][0]
    assert first["action"] == "us-bis-2020-geospatial-software-0d521" and first["basis"]["type"] == "controlled"
    assert first["basis"]["destinations"] == {"all_except": ["CA"]}


def test_item_to_an_excepted_destination_says_why() -> None:
    code, out, _ = invoke("item", "0D521", "--to", "CA", "--on", "2020-01-06", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["restricted"] is False
    assert [n["reason"] for n in data["not_operative"]] == ["destination_excepted"]
    code, out, _ = invoke("item", "0D521", "--to", "CA", "--on", "2020-01-06")
    assert code == 0 and "destination_excepted" in out and "not restricted" in out


def test_item_from_a_country_of_export() -> None:
    code, out, _ = invoke("item", "086501X", "--to", "US", "--on", "2020-08-28", "--from", "CN", "--format", "json")
    assert code == 0 and json.loads(out)["restricted"] is True and json.loads(out)["from"] == "CN"


def test_item_errors_are_one_line_with_a_suggestion() -> None:
    code, _, err = invoke("item", "0D52", "--to", "CN", "--on", "2020-01-06")
    assert code == 1 and err.startswith("error: no controlled item matches '0D52'; did you mean")
    code, _, err = invoke("item", "0D521", "--to", "Chna", "--on", "2020-01-06")
    assert code == 1 and "did you mean 'CN' (China)" in err and "Traceback" not in err


def test_restrictions_json_lists_charges_apart() -> None:
    code, out, _ = invoke("restrictions", "Futurewei", "--on", "2020-02-13", "--format", "json")
    data = json.loads(out)
    assert code == 0 and [c["case"] for c in data["charges"]] == ["Cr. No. 18-457 (S-3) (AMD)"]
    assert data["charges"][0]["returned"] == "2020-02-12" and data["charges"][0]["unsealed"] == "2020-02-13"
    code, out, _ = invoke("restrictions", "Futurewei", "--on", "2020-01-31", "--format", "json")
    assert json.loads(out)["charges"] == []


def test_the_json_answer_has_the_same_keys_asked_on_a_day_or_at_an_instant() -> None:
    """`--at` answers had no `restricted_members` key; members are found by day, so at an instant it is null."""
    on = json.loads(invoke("restrictions", "Ant Group", "--on", "2021-01-06", "--format", "json")[1])
    at = json.loads(invoke("restrictions", "Ant Group", "--at", "2021-01-06T12:00-05:00", "--format", "json")[1])
    assert set(on) == set(at)
    assert [m["id"] for m in on["restricted_members"]] == ["alipay"] and at["restricted_members"] is None
