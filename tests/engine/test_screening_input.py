"""What a screening file and a reader of the output can do: the column is named or asked for, and a closed pipe is quiet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import sanctiontrack
from sanctiontrack.cli.app import app
from sanctiontrack.screen.score import CONTAINED, score

runner = CliRunner()


def screen(path: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["screen", str(path), "--on", "2020-01-01", "--format", "csv", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def queries(out: str) -> set[str]:
    return {line.split(",", 1)[0] for line in out.splitlines()[1:]}


def test_a_file_without_a_name_column_is_an_error_naming_its_headers(tmp_path: Path) -> None:
    """`id,Company Name` once screened the ids (and the header) and exited 0: the list looked clean."""
    path = tmp_path / "customers.csv"
    path.write_text("id,Company Name\n1,Huawei\n2,Acme Widgets\n", encoding="utf-8")
    code, out, err = screen(path)
    assert code == 2 and out == ""
    assert f"{path}:1:1: no 'name' column" in err and "'id', 'Company Name'" in err and "--column" in err


def test_the_column_is_chosen_by_its_header_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("id,Company Name\n1,Huawei\n2,Acme Widgets\n", encoding="utf-8")
    code, out, _ = screen(path, "--column", "company name")
    assert code == 0 and queries(out) == {"Huawei", "Acme Widgets"}
    code, _, err = screen(path, "--column", "company")
    assert code == 2 and "no 'company' column" in err


def test_a_file_of_one_column_is_all_names_with_or_without_a_name_header(tmp_path: Path) -> None:
    bare, headed = tmp_path / "bare.csv", tmp_path / "headed.csv"
    bare.write_text("Huawei\nZTE\n", encoding="utf-8")
    headed.write_text("Name\nHuawei\nZTE\n", encoding="utf-8")
    assert queries(screen(bare)[1]) == queries(screen(headed)[1]) == {"Huawei", "ZTE"}


def test_a_lone_number_or_two_letters_is_not_a_name_inside_another() -> None:
    """A row number `1` matched `NOOR 1` and `ARGO 1`, and `id` matched `SA-ID`, at 90 by containment."""
    assert score("1", "noor 1") < CONTAINED and score("id", "sa id") < CONTAINED
    assert score("zte usa", "zte") == CONTAINED and score("hua industries", "hua") == CONTAINED  # three letters still count
    [result] = sanctiontrack.load().screen(["1"], on="2020-01-01")
    assert result.matches == () and result.status == "not_covered"


def test_a_closed_pipe_ends_quietly() -> None:
    """`sanctiontrack timeline Huawei | head -1` once printed "error: Broken pipe"."""
    for argv in (["timeline", "Huawei"], ["export", "--format", "json"], ["entities", "--format", "csv"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "sanctiontrack", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "COLUMNS": "80"},
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        process.wait(timeout=120)
        assert stderr == "", (argv, stderr)


def test_a_closed_pipe_ends_with_the_same_status_for_tables_as_for_json() -> None:
    """Rich's own handling exited 1 (bad input) for a table cut short by `| head`; JSON and CSV exit 141, as a killed writer does."""
    for argv in (["in-force", "--on", "2020-02-20"], ["export", "--format", "csv"]):  # both well over a pipe's 64 KiB
        command = [sys.executable, "-m", "sanctiontrack", *argv]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "80"})
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert (process.wait(timeout=120), stderr) == (141, ""), argv


def test_a_name_header_twice_is_an_error_naming_both_columns(tmp_path: Path) -> None:
    """`name,name` once screened the first column only, and the second's names were never screened."""
    path = tmp_path / "customers.csv"
    path.write_text("name,name\nHuawei,ZTE\n", encoding="utf-8")
    code, out, err = screen(path)
    assert code == 2 and out == ""
    assert f"{path}:1:1: the header row names 'name' twice (columns 1 and 2); keep one" in err


def test_a_row_with_no_name_is_an_error_never_dropped_and_a_blank_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("id,name\r\n1,Huawei\r\n\r\n2\r\n3,ZTE\r\n", encoding="utf-8")
    code, out, err = screen(path)
    assert code == 1 and out == ""
    assert f"{path}:4:1: no name in column 'name' on this row; write one or delete the row" in err
    path.write_text('Huawei\n\n""\n', encoding="utf-8")
    assert f"{path}:3:1: no name on this row" in screen(path)[2]
    path.write_text("id,name\n1,Huawei\n\n3,ZTE\n", encoding="utf-8")
    assert queries(screen(path)[1]) == {"Huawei", "ZTE"}


def test_a_threshold_out_of_range_is_a_usage_error_naming_the_option(tmp_path: Path) -> None:
    """0 and nan passed click's range check and failed later as bad input, without naming --threshold."""
    path = tmp_path / "names.csv"
    path.write_text("Huawei\n", encoding="utf-8")
    for value in ("0", "nan", "-1", "100.5"):
        code, out, err = screen(path, "--threshold", value)
        assert (code, out) == (2, ""), value
        assert "--threshold" in err, value
