"""Issue 14's regressions, one test an item, each failing before its fix (the generated cases are in tests/fuzz/)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctiontrack.model.dates import DateValue, parse_day, parse_instant, zone


@pytest.mark.parametrize("text", ["２０１９-10-09", "٢٠١٩-10-09", "2019-１０-09"])
def test_only_ascii_digits_make_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="expected a date"):
        DateValue.parse(text)
    with pytest.raises(ValueError, match="must be a date"):
        parse_day(text)


@pytest.mark.parametrize("offset", ["+24:00", "+99:99", "-18:01", "+05:60"])
def test_offsets_of_a_day_or_more_are_refused(offset: str) -> None:
    with pytest.raises(ValueError, match="not a UTC offset"):
        zone(offset)
    with pytest.raises(ValueError, match="not a UTC offset"):
        parse_instant(f"2019-10-09T00:00{offset}")


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "0999-12-31", "0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00"])
def test_dates_at_the_calendar_edge_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="outside the supported dates"):
        DateValue.parse(text)


def test_the_supported_range_is_usable() -> None:
    assert DateValue.parse("1000-01-01T00:00+18:00").at is not None
    assert parse_day("9998-12-31").year == 9998
    assert zone("+18:00").utcoffset(None).total_seconds() == 18 * 3600


# Item 9: a character YAML forbids is located where it is, on one line.
@pytest.mark.parametrize(("raw", "col"), [(b'name: "Acme\x00"\n', 12), ("name: Acme\uffff co\n".encode(), 11)])
def test_forbidden_characters_are_located(raw: bytes, col: int) -> None:
    from sanctiontrack.io.yamlread import read_yaml

    _, problems = read_yaml(b"entities: []\n" + raw, "f.yaml")
    assert [(p.line, p.col) for p in problems] == [(2, col)]
    assert "\n" not in str(problems[0]) and str(problems[0]).startswith("f.yaml:2:")


# Item 12: escape codes from the data are shown escaped; a long message is cut.
def test_problems_escape_controls_and_cut_long_text() -> None:
    from sanctiontrack.model.errors import Problem
    from sanctiontrack.model.text import MESSAGE_LIMIT

    text = str(Problem("f.yaml", 1, 2, "id\x1b[2J", "got 'a\x1b]0;title\x07'\nsecond line"))
    assert "\x1b" not in text and "\x07" not in text and "\n" not in text
    assert text.startswith("f.yaml:1:2: id\\x1b[2J:")
    long = str(Problem("f.yaml", 1, 2, "x" * 5_000_000, "y" * 5_000_000))
    assert len(long) < 2 * MESSAGE_LIMIT + 100


def _cli(*args: str, stdout: object = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sanctiontrack", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=300,
    )


def test_tables_print_escape_codes_escaped() -> None:
    result = _cli("restrictions", "\x1b[31mHuawei\x1b]0;x\x07", "--on", "2020-01-01", stdout=subprocess.PIPE)
    assert result.returncode == 3
    assert "\x1b" not in result.stderr and "\\x1b[31mHuawei" in result.stderr


# Item 11: output that cannot be written, an absurd --limit, a COLUMNS that is no number.
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("schema",),
        ("validate", "--format", "json", str(Path(__file__).parents[2] / "data")),
        ("restrictions", "Huawei", "--on", "2020-01-01"),
    ],
)
def test_a_full_disk_is_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        result = _cli(*args, stdout=full)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and lines[0].endswith("No space left on device"), lines


def test_a_closed_stdout_is_one_line() -> None:
    code = "import os, sys; os.close(1); sys.stdout = None; from sanctiontrack.cli.app import main; main(['export'])"
    result = subprocess.run([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, check=False, timeout=300)
    assert result.returncode == 1 and result.stderr.strip() == "error: standard output is closed"


def test_limits_and_columns_that_are_no_numbers() -> None:
    from typer.testing import CliRunner

    from sanctiontrack.cli.app import app

    runner = CliRunner()
    result = runner.invoke(app, ["entities", "hua", "--limit", "99999999999999999999"])
    assert (result.exit_code == 2 and result.exception is None) or isinstance(result.exception, SystemExit)
    result = runner.invoke(app, ["restrictions", "Huawei", "--on", "2020-01-01"], env={"COLUMNS": "abc"})
    assert result.exit_code == 0, result.exception


# Item 6: a screening file never loses or merges rows silently, and never raises.
@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (b'name\nHuawei\n"ZTE\nDJI\nHikvision\nDahua\n', "f.csv:3:1:"),
        (b"name\n" + b"a" * 131_073 + b"\n", "f.csv:2:1:"),
        (b"name\nHuawei\nx" + b"\xff" + b"\n", "f.csv:3:2:"),
    ],
)
def test_screening_files_fail_located(raw: bytes, where: str) -> None:
    from sanctiontrack.io.screenfile import ScreenFileError, read_names

    with pytest.raises(ScreenFileError) as caught:
        read_names(raw, "f.csv")
    assert str(caught.value).startswith(where)


def test_screening_files_take_any_line_ending() -> None:
    from sanctiontrack.io.screenfile import read_names

    assert read_names(b"name\rHuawei\rZTE\r", "f.csv") == ["Huawei", "ZTE"]
    assert read_names(b"Huawei\r\nZTE\n", "f.csv") == ["Huawei", "ZTE"]


SEED_FILE = """\
entities:
  - id: acme
    name: Acme Co., Ltd.
    kind: company
sources:
  - id: seed-caixin
    kind: seed
    publisher: Caixin Global
    title: CX Tech
    seed: {seed}
actions:
{actions}
"""
ACTION = """\
  - id: us-test-{n}
    kind: entity_list_addition
    title: Acme listed
    jurisdiction: US
    authority: BIS
    dates: {{effective: {{date: 2019-10-09, confidence: reported}}}}
    targets: [{{entity: acme, role: listed}}]
    restricts: [{{id: ear, category: exports, summary: License required.}}]
    evidence:
      - source: seed-caixin
        quote: {quote!r}
"""


def _seed_file(seed: str, quotes: list[str]) -> str:
    return SEED_FILE.format(seed=seed, actions="".join(ACTION.format(n=n, quote=q) for n, q in enumerate(quotes)))


def _problems(path: Path) -> list[str]:
    from sanctiontrack import validate

    return [str(p) for p in validate(path).problems]


# Item 4: quote matching is bounded: 50 unmatched quotes of the longest length allowed validate quickly.
def test_unmatched_long_quotes_are_bounded_work(write: Callable[..., Path]) -> None:
    import time

    from sanctiontrack.io.seeds import MAX_QUOTE

    quotes = [(f"zq{n} ") * (MAX_QUOTE // 5) for n in range(50)]
    path = write(_seed_file("000_0544f123a62bb703.txt", [q[:MAX_QUOTE] for q in quotes]))
    start = time.monotonic()
    problems = _problems(path)
    assert time.monotonic() - start < 20
    assert len([p for p in problems if "quote not found" in p]) == 50
    path = write(_seed_file("000_0544f123a62bb703.txt", ["x" * (MAX_QUOTE + 1)]), "long.yaml")
    assert any(":quote" not in p and "a quote has 12 to 2,000 characters (got 2,001)" in p for p in _problems(path))


# Item 10: a one-letter quote proves nothing.
def test_a_one_letter_quote_is_refused(write: Callable[..., Path]) -> None:
    problems = _problems(write(_seed_file("000_0544f123a62bb703.txt", ["e"])))
    assert any("a quote has 12 to 2,000 characters (got 1)" in p for p in problems), problems


# Item 5: a seed link that leaves its folder is refused, located, and its text never shown.
def test_seed_links_that_leave_the_folder_are_refused(write: Callable[..., Path], tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("SECRET_TOKEN=hunter2 and a long enough passage", encoding="utf-8")
    (tmp_path / "seeds" / "leak.txt").symlink_to(secret)
    problems = _problems(write(_seed_file("leak.txt", ["SECRET_TOKEN=hunter3 and a long passage"])))
    assert any("seed file 'leak.txt' refused: it is a link that leaves the seed folder" in p for p in problems), problems
    assert not any("hunter" in p.split("quote", 1)[0] or "closest passage" in p for p in problems), problems
    problems = _problems(write(_seed_file("../seeds/000_0544f123a62bb703.txt", ["In October 2019, the U.S."]), "b.yaml"))
    assert any("refused: a seed is named by its file name alone" in p or "'seed'" in p for p in problems), problems


def test_action_file_links_that_leave_the_folder_are_refused(tmp_path: Path) -> None:
    from sanctiontrack.io.files import collect_files

    outside = tmp_path / "outside.yaml"
    outside.write_text("entities: []\n", encoding="utf-8")
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.yaml").symlink_to(outside)
    files, problems = collect_files([folder])
    assert files == [] and next(p.message for p in problems).startswith("refused: a link that leaves the folder")


# Item 10: keys equal in Python but not in YAML are not duplicates.
def test_one_and_true_are_different_keys() -> None:
    from sanctiontrack.io.yamlread import read_yaml

    located, problems = read_yaml(b"a:\n  1: x\n  true: y\n  1.0: z\n", "f.yaml")
    assert problems == [] and located is not None
    assert sorted(map(str, located.data["a"].values())) == ["x", "y", "z"]
    _, problems = read_yaml(b"a:\n  1: x\n  1: y\n", "f.yaml")
    assert [p.code.value for p in problems] == ["duplicate-key"]


# Items 2 and 3 for the official lists: a list's date at the calendar edge (or in full-width digits) is a located warning.
@pytest.mark.parametrize(("end", "says"), [("9999-12-31", "expected a date before 9999"), ("２０２１-01-01", "expected a date like")])
def test_list_dates_at_the_calendar_edge_are_left_out(tmp_path: Path, end: str, says: str) -> None:
    from sanctiontrack.io.importers.csl import import_csl

    path = tmp_path / "csl.csv"
    path.write_text(
        "_id,source,name,addresses,federal_register_notice,start_date,end_date\n"
        f"r1,Entity List (EL) - Bureau of Industry and Security,Beta Co.,,85 FR 83420,2020-12-22,{end}\n",
        encoding="utf-8",
    )
    _, report = import_csl(path)
    (problem,) = report.problems
    assert str(problem).startswith(f"{path}:2:7:") and says in problem.message


def test_a_query_day_at_the_calendar_edge_names_its_option() -> None:
    from typer.testing import CliRunner

    from sanctiontrack.cli.app import app

    result = CliRunner().invoke(app, ["diff", "Huawei", "--from", "2019-01-01", "--to", "9999-12-31"])
    assert result.exit_code == 1 and "'--to' must be a day from 1000-01-01 to 9998-12-31" in result.stderr


def test_names_in_tables_show_escape_codes_escaped(write: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from sanctiontrack.cli.app import app

    valid = (Path(__file__).parent / "problems" / "_valid.yaml").read_text(encoding="utf-8")
    path = write(valid.replace("name: Acme Co., Ltd.", 'name: "Acme \\e[31mRed\\e]0;pwned\\a Co."'))
    result = CliRunner().invoke(app, ["restrictions", "Acme", "--on", "2020-01-01", "--data-only", "--data", str(path)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "Acme \\x1b[31mRed\\x1b]0;pwned" in result.stdout
