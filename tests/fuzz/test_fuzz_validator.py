"""The validator on corrupted action files: every problem is one line located as ``file:line:col``, never a traceback.

Each input is the valid problem fixture with a few generated edits: bytes replaced, inserted or
deleted (control characters, quotes, colons, brackets, tabs, non-UTF-8 bytes, ``&a``/``*a`` aliases,
``!!python`` tags, keys such as ``1:`` and ``true:``) at random places.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.harness import SEEDS, STATS, assert_located, cli, tried, under_seed

pytestmark = pytest.mark.fuzz
CATEGORY = "validator (corrupted files)"
VALID = (Path(__file__).parents[1] / "foundation" / "problems" / "_valid.yaml").read_bytes()
PIECES = st.sampled_from(
    [
        b"\x00",
        b"\x1b[31m",
        b"\xef\xbf\xbf",
        b"\xff",
        b"\t",
        b'"',
        b"'",
        b":",
        b": ",
        b"[",
        b"{",
        b"-",
        b"\n",
        b"\r",
        b"&a ",
        b"*a",
        b"!!python/object:os.system ",
        b"1: x\n",
        b"true: y\n",
        b"e",
        b"9999-12-31",
        b"+24:00",
        b"\xe2\x80\xae",
    ]
) | st.binary(min_size=1, max_size=3)


@st.composite
def corrupted(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["insert", "replace", "delete"]))
        piece = draw(PIECES)
        if how == "insert":
            data[at:at] = piece
        elif how == "replace":
            data[at : at + len(piece)] = piece
        else:
            del data[at : at + draw(st.integers(1, 20))]
    return bytes(data)


def check_file(raw: bytes) -> None:
    """``validate --strict`` reports every problem located on one line; an accepted file answers a query."""
    tried(CATEGORY)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actions.yaml"
        path.write_bytes(raw)
        code, _, err = cli(CATEGORY, "validate", "--strict", str(path))
        assert_located(CATEGORY, err)
        if code == 0:
            STATS[CATEGORY]["accepted by validate --strict"] += 1
            cli(CATEGORY, "in-force", "--on", "2020-01-01", "--data-only", "--data", str(path))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(corrupted())
def _files(raw: bytes) -> None:
    check_file(raw)


@pytest.mark.parametrize("seed", SEEDS, ids=["fixed", "rotating"])
def test_corrupted_files_are_located(seed: int) -> None:
    under_seed(seed, _files)


CORPUS = Path(__file__).parent / "corpus" / "validator"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.yaml")), ids=lambda p: p.name)
def test_corpus_of_past_validator_crashers(path: Path) -> None:
    check_file(path.read_bytes())
