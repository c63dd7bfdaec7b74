"""Two dated snapshots of one list: a party gone from the later one was removed between their days, never earlier."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sanctiontrack import ActionKind, Confidence, DateValue, OfficialList, Reason, Snapshot, Tracker, import_csl
from sanctiontrack.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
EARLY, LATE = FIXTURES / "snapshot-2021-01.csv", FIXTURES / "snapshot-2021-06.csv"


def snapshots(partial: bool = False) -> list[Snapshot | None]:
    return [
        Snapshot("el-2021-01", (OfficialList.EL,), DateValue.parse("2021-01-15")),
        Snapshot("el-2021-06", (OfficialList.EL,), DateValue.parse("2021-06-15"), partial=partial),
    ]


def test_a_party_absent_from_the_later_complete_snapshot_is_removed_from_its_day() -> None:
    dataset, report = import_csl([EARLY, LATE], snapshots=snapshots())
    (removal,) = [a for a in dataset.actions if a.kind is ActionKind.LIST_REMOVAL]
    assert report.removals == 1 and [t.entity for t in removal.targets] == [e.id for e in dataset.entities if e.name == "Delta Optics Ltd."]
    effective = removal.dates.effective
    assert effective is not None and effective.confidence is Confidence.INFERRED and "[2021-01-15, 2021-06-15)" in (effective.note or "")
    tracker = Tracker(dataset)
    assert tracker.restrictions("Delta Optics Ltd.", on="2021-06-14").restricted  # still listed until seen gone
    answer = tracker.restrictions("Delta Optics Ltd.", on="2021-06-15")
    assert not answer.restricted and answer.not_operative[0].reason is Reason.REVOKED
    assert tracker.restrictions("Gamma Optics Ltd.", on="2021-06-15").restricted


def test_the_same_later_snapshot_declared_partial_removes_no_one() -> None:
    dataset, report = import_csl([EARLY, LATE], snapshots=snapshots(partial=True))
    assert report.removals == 0 and not [a for a in dataset.actions if a.kind is ActionKind.LIST_REMOVAL]
    assert Tracker(dataset).restrictions("Delta Optics Ltd.", on="2021-07-01").restricted


def test_the_cli_writes_an_action_file_validate_strict_accepts(tmp_path: Path) -> None:
    out = tmp_path / "imported.yaml"
    runner = CliRunner()
    result = runner.invoke(
        app, ["import", "csl", str(EARLY), str(LATE), "--as-of", "2021-01-15", "--as-of", "2021-06-15", "--no-curated", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "removals between snapshots 1" in result.output
    checked = runner.invoke(app, ["validate", "--strict", str(out)])
    assert checked.exit_code == 0, checked.output
