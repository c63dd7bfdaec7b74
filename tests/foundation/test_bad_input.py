"""Bad input never produces a traceback from the CLI and always says where the problem is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sanctiontrack.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
VALID = (Path(__file__).parent / "problems" / "_valid.yaml").read_bytes()
runner = CliRunner()


def run_validate(path: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", str(path), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "random.yaml"
    path.write_bytes(raw)
    code, output = run_validate(path)
    assert code in (0, 1)
    assert "Traceback" not in output


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1, max_value=len(VALID) - 1))
def test_truncated_files(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "truncated.yaml"
    path.write_bytes(VALID[:cut])
    code, output = run_validate(path)
    assert code in (0, 1)
    assert "Traceback" not in output
    for line in output.splitlines():
        if line.startswith(str(path)):
            assert line.split(":")[1].isdigit()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, output = run_validate(tmp_path / "missing.yaml")
    assert code == 2
    assert "no such file" in output


def test_json_and_github_formats(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(VALID.replace(b"kind: company", b"kind: compnay"))
    code, output = run_validate(path, "--format", "json")
    assert code == 1
    report = json.loads(output)
    assert report["ok"] is False and report["errors"] == 1
    assert report["problems"][0]["line"] == 5 and report["problems"][0]["record"] == "acme"
    code, output = run_validate(path, "--format", "github")
    assert output.startswith(f"::error file={path},line=5,col=11,title=sanctiontrack not-one-of::acme: 'kind' must be one of")


def test_github_annotations_by_default_under_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(VALID.replace(b"kind: company", b"kind: compnay"))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, output = run_validate(path)
    assert code == 1 and output.startswith("::error file=")


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    path.write_bytes(VALID.replace(b"effective: 2019-10-09}", b"effective: 2019-10-08}"))
    assert run_validate(path)[0] == 0
    code, output = run_validate(path, "--strict")
    assert code == 1
    assert "effective (2019-10-08) before published (2019-10-09): unusual but legal" in output


def test_query_on_invalid_data_is_one_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(VALID.replace(b"entity: acme", b"entity: acmee"))
    result = subprocess.run(
        [sys.executable, "-m", "sanctiontrack", "restrictions", "acme", "--on", "2020-01-01", "--data", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{path}:18:24: us-test-listing: unknown entity 'acmee'" in result.stderr


def test_a_folder_is_read_whatever_the_case_of_its_extensions_and_a_broken_link_is_named(tmp_path: Path) -> None:
    """`b.Yaml` beside `a.yaml` was skipped without a word, and a folder of `ACTS.YAML` had "no .yaml files"."""
    (tmp_path / "ACTS.YAML").write_bytes(VALID)
    code, output = run_validate(tmp_path)
    assert code == 0 and "1 file(s): 0 error(s)" in output
    (tmp_path / "ACTS.YAML").unlink()
    (tmp_path / "x.yaml").symlink_to(tmp_path / "gone.yaml")
    code, output = run_validate(tmp_path)
    assert code == 1 and f"{tmp_path / 'x.yaml'}:1:1: a link to nothing (broken symlink)" in output


def test_seeds_that_are_not_a_folder_are_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "acts.yaml"
    path.write_bytes(VALID)
    for seeds in (tmp_path / "missing", path):
        code, output = run_validate(path, "--seeds", str(seeds))
        assert code == 2 and f"--seeds must name folders of seed documents: {seeds} is not one" in output


def test_a_file_that_cannot_be_read_as_yaml_is_counted_among_the_files_validated(tmp_path: Path) -> None:
    """A syntax error once ended in "0 file(s): 1 error(s)"."""
    path = tmp_path / "broken.yaml"
    path.write_text("entities: [\n", encoding="utf-8")
    code, output = run_validate(path)
    assert code == 1 and "1 file(s): 1 error(s), 0 warning(s)" in output
    code, output = run_validate(path, "--format", "json")
    assert json.loads(output)["files"] == [str(path)]
