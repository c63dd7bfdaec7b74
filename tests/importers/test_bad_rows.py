"""Bad input in list files: each class located as file:row:column, counted, the row kept or skipped as documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctiontrack import DataError, import_csl
from sanctiontrack.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("fixture", "where", "says", "skipped", "imported"),
    [
        ("malformed-row.csv", ":3:5:", "expected 7 fields as in the header (got 4); row skipped", 1, 2),
        ("unknown-list.csv", ":2:2:", "expected the name of a known list", 1, 1),
        ("impossible-date.csv", ":2:6:", "expected a date after 1900 (got '0017-05-26'); the row is kept without its start date", 0, 2),
        ("wrong-encoding.csv", ":3:", "expected UTF-8 text (got the byte 0xe9); the row is kept", 0, 2),
    ],
)
def test_a_bad_row_is_located_and_counted(fixture: str, where: str, says: str, skipped: int, imported: int) -> None:
    dataset, report = import_csl(FIXTURES / fixture)
    (problem,) = report.problems
    assert where in str(problem) and says in problem.message
    assert (report.skipped, report.imported, report.rows_read) == (skipped, imported, skipped + imported)
    assert len(dataset.entities) == imported


def test_the_wrong_encoding_keeps_the_party_with_a_replacement_character() -> None:
    dataset, _ = import_csl(FIXTURES / "wrong-encoding.csv")
    assert "Caf\ufffd Co." in {e.name for e in dataset.entities}


def test_a_missing_column_stops_the_file_with_what_was_expected() -> None:
    with pytest.raises(DataError) as caught:
        import_csl(FIXTURES / "missing-column.csv")
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{FIXTURES / 'missing-column.csv'}:1:5:") or ":1:5:" in str(problem)
    assert "missing column 'name'" in problem.message and "got _id, source, addresses, start_date" in problem.message


def test_the_cli_reports_bad_input_in_one_line_each_and_never_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["import", "csl", str(FIXTURES / "missing-column.csv"), "--no-curated"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "missing column 'name'" in result.output
    result = CliRunner().invoke(app, ["import", "csl", str(FIXTURES / "malformed-row.csv"), "--no-curated"])
    assert result.exit_code == 1 and "skipped 1: malformed row" in result.output  # rows left out: not a clean import
    assert "error: 1 error(s) above: 1 row(s) left out of the import" in result.output
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(app, ["import", "csl", str(FIXTURES / "malformed-row.csv"), "--no-curated", "-o", str(out), "-f", "json"])
    assert result.exit_code == 1 and out.is_file()  # what could be read is still written, and the report says what was not
    assert json.loads(result.stdout)["skipped"] == 1


def test_a_partial_file_that_is_not_imported_is_a_usage_error(tmp_path: Path) -> None:
    """`--partial` naming a file not imported was accepted silently, so the file it was meant for could yield removals."""
    argv = ["import", "csl", str(FIXTURES / "malformed-row.csv"), "--partial", str(tmp_path / "x.csv"), "--no-curated"]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 2 and f"--partial names a file that is not imported: {tmp_path / 'x.csv'}" in result.output
