"""Every kind of problem in an action file is reported at its exact place, with its record id.

Each fixture in ``problems/`` starts with a ``# expect:`` line listing the problems it must produce
(severity, line:col, record, code, and a part of the message), separated by ``|``; nothing else may
be reported as an error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sanctiontrack
from sanctiontrack import ProblemCode
from sanctiontrack.checks.run import CHECKS, codes_of
from sanctiontrack.io.read import MAX_FILE_BYTES

HERE = Path(__file__).parent / "problems"
FIXTURES = sorted(p for p in HERE.glob("*.yaml") if not p.name.startswith("_"))


def expectations(path: Path) -> list[tuple[str, int, int, str | None, str, str]]:
    header = path.read_bytes().split(b"\n", 1)[0].decode("utf-8")
    assert header.startswith("# expect: "), f"{path.name} must start with '# expect:'"
    out = []
    for part in header.removeprefix("# expect: ").split("  |  "):
        severity, place, record, code, message = part.strip().split(" ", 4)
        line, col = (int(x) for x in place.split(":"))
        out.append((severity, line, col, None if record == "-" else record, code, message))
    return out


def built_cases(tmp: Path) -> dict[ProblemCode, list[Path]]:
    """Problems no fixture file can hold: a missing path, a file too large to read, a file that cannot be read."""
    huge = tmp / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: the size is refused before anything is read
    unreadable = tmp / "unreadable.yaml"
    unreadable.write_text("entities: []\n")
    return {ProblemCode.USAGE: [tmp / "missing.yaml"], ProblemCode.SIZE: [huge], ProblemCode.IO: [unreadable]}


def test_every_problem_code_has_a_fixture() -> None:
    covered = {ProblemCode(code) for path in FIXTURES for _, _, _, _, code, _ in expectations(path)}
    built = {ProblemCode.USAGE, ProblemCode.SIZE, ProblemCode.IO}
    assert set(ProblemCode) - covered - built == set(), "add a fixture in tests/foundation/problems/ for each new code"


@pytest.mark.parametrize("code", [ProblemCode.USAGE, ProblemCode.SIZE, ProblemCode.IO], ids=lambda c: c.value)
def test_problems_no_fixture_file_can_hold(code: ProblemCode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = built_cases(tmp_path)[code]
    if code is ProblemCode.IO:
        original = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self.name == "unreadable.yaml":
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    report = sanctiontrack.validate(paths)
    assert [p.code for p in report.errors] == [code], report.errors
    assert report.errors[0].line == 1 and report.errors[0].col == 1


def test_every_check_declares_its_codes_and_every_check_code_has_a_check() -> None:
    declared = {code for check in CHECKS for code in codes_of(check)}
    assert all(codes_of(check) for check in CHECKS)
    assert declared == {code for code in ProblemCode if code.stage == "check"}


def test_the_starting_point_is_valid() -> None:
    report = sanctiontrack.validate([HERE / "_valid.yaml"])
    assert report.problems == ()


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_problem_is_located(path: Path) -> None:
    report = sanctiontrack.validate([path])
    found = [(p.severity, p.line, p.col, p.record, p.code.value, p.message) for p in report.problems]
    wanted = expectations(path)
    for severity, line, col, record, code, message in wanted:
        matches = [f for f in found if f[:5] == (severity, line, col, record, code) and message in f[5]]
        assert matches, f"expected {severity} {line}:{col} {record} {code} {message!r}; got {found}"
    unexpected = [f for f in found if f[0] == "error" and not any(f[:5] == w[:5] and w[5] in f[5] for w in wanted)]
    assert not unexpected, f"unexpected errors: {unexpected}"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_message_names_the_place_first(path: Path) -> None:
    report = sanctiontrack.validate([path])
    for problem in report.problems:
        text = str(problem)
        assert text.startswith(f"{problem.path}:{problem.line}:{problem.col}: ")
        if problem.record:
            assert f" {problem.record}: " in text


def test_ten_distinct_problems_in_one_run(tmp_path: Path) -> None:
    text = """\
entities:
  - id: acme
    name: Acme Co., Ltd.
    kind: compnay
    country: China
  - id: acme
    name: Acme again
    kind: company
sources:
  - id: fr-test
    kind: primary
    publisher: Office of the Federal Register
    title: A rule
actions:
  - id: us-test-listing
    kind: entity_list_addition
    title: Acme listed
    jurisdiction: USA
    authority: BIS
    dates: {published: 2019-10-09, effective: 2019-02-30, ended: 2019-10-01}
    targets: [{entity: acmee, role: listed}]
    restricts: [{id: ear, category: exportz, summary: License required.}]
    evidence: [{source: fr-tset, locator: DATES}]
  - id: us-test-order
    kind: executive_order
    title: An order
    jurisdiction: US
    authority: The President
    dates: {signed: 2020-08-06, effective: 2020-08-06T12:00}
    targets: [{entity: acme}]
    evidence: [{source: fr-test, locator: sec. 1}]
    relations: [{type: revokes, action: us-test-listin}]
"""
    path = tmp_path / "ten.yaml"
    path.write_text(text)
    report = sanctiontrack.validate([path])
    errors = report.errors
    assert len(errors) == 10, "\n".join(map(str, errors))
    assert len({(p.line, p.col) for p in errors}) == 10
    assert {p.record for p in errors} == {"acme", "us-test-listing", "us-test-order"}
