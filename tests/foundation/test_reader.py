"""The YAML reader: safe, located, and stricter than PyYAML where PyYAML loses data silently."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from sanctiontrack.io.yamlread import read_yaml

BOMB = Path(__file__).parent / "problems" / "alias-bomb.yaml"


def test_pyyaml_keeps_the_last_duplicate_but_we_refuse() -> None:
    text = b"name: first\nname: second\n"
    assert yaml.safe_load(text) == {"name": "second"}
    _, problems = read_yaml(text, "f.yaml")
    assert [p.code.value for p in problems] == ["duplicate-key"]
    assert (problems[0].line, problems[0].col) == (2, 1)


def test_dates_and_country_codes_stay_text() -> None:
    located, problems = read_yaml(b"effective: 2019-10-09\ncountry: NO\nflag: yes\n", "f.yaml")
    assert problems == []
    assert located is not None
    assert located.data == {"effective": "2019-10-09", "country": "NO", "flag": "yes"}


def test_every_value_and_key_is_located() -> None:
    text = textwrap.dedent(
        """\
        actions:
          - id: x
            dates: {effective: 2019-10-09}
        """
    ).encode()
    located, _ = read_yaml(text, "f.yaml")
    assert located is not None
    assert located.values[("actions", 0, "dates", "effective")] == (3, 24)
    assert located.keys[("actions", 0, "dates")] == (3, 5)
    assert located.where(("actions", 0, "missing", "deeper")) == (2, 5)


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    located, problems = read_yaml("\ufeffname: 华为\n".encode(), "f.yaml")
    assert problems == [] and located is not None and located.data == {"name": "华为"}


def test_utf16_is_refused_with_a_reason() -> None:
    _, problems = read_yaml("name: x\n".encode("utf-16"), "f.yaml")
    assert "UTF-8" in problems[0].message


def test_aliases_within_limits_are_fine() -> None:
    located, problems = read_yaml(b"base: &b {kind: company}\ncopy: *b\n", "f.yaml")
    assert problems == [] and located is not None
    assert located.data["copy"] == {"kind": "company"}


def test_billion_laughs_exits_1_with_bounded_memory() -> None:
    """The CLI refuses the bomb; its peak memory stays under 100 MB (the hang guard is the timeout)."""
    probe = (
        "import resource, subprocess, sys;"
        "r = subprocess.run([sys.executable, '-m', 'sanctiontrack', 'validate', sys.argv[1]], capture_output=True, text=True, timeout=30);"
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "print(r.stdout + r.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(BOMB)], capture_output=True, text=True, timeout=60, check=True).stdout
    status, peak_kb = (int(x) for x in out.splitlines()[0].split())
    assert status == 1
    assert peak_kb < 100 * 1024
    assert "alias expansion bomb" in out
    assert "Traceback" not in out


@given(st.binary(max_size=400))
def test_random_bytes_never_raise(raw: bytes) -> None:
    located, problems = read_yaml(raw, "f.yaml")
    assert located is not None or problems


@given(st.text(alphabet=st.sampled_from(list("{}[]:,-&*!|>'\"#%@` \n\tabc123")), max_size=200))
def test_random_yamlish_text_never_raises(text: str) -> None:
    located, problems = read_yaml(text.encode(), "f.yaml")
    assert located is not None or problems
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1
