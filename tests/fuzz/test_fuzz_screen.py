"""The screening CSV reader: any bytes give the names row by row, or one error located as ``file:line:col``.

Generated files mix names, commas, balanced and unbalanced quotes, LF, CRLF and CR-only line ends,
a byte-order mark, bytes that are not UTF-8, control characters and fields over the ``csv``
module's 131,072-character limit. ``screen`` must answer each without a traceback; a name holding a
line end (rows merged) or more names than lines is a silent acceptance.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctiontrack.io.screenfile import ScreenFileError, read_names
from tests.fuzz.harness import SEEDS, cli, silent, tried, under_seed

pytestmark = pytest.mark.fuzz
CATEGORY = "screening CSV"
_LOCATED = re.compile(r"^error: [^\n]+:\d+:\d+: ")

PIECES = st.sampled_from(
    [
        b"Huawei",
        b"ZTE",
        b"name",
        b"Name,country",
        b",",
        b'"',
        b'""',
        b"\n",
        b"\r\n",
        b"\r",
        b"\xef\xbb\xbf",
        b"\xff",
        b"\x00",
        b"\x1b[31m",
        b" ",
    ]
)
LONG = st.sampled_from([b"", b"a" * 131_073, b"b" * 1_001])


@st.composite
def screening_file(draw: st.DrawFn) -> bytes:
    parts = draw(st.lists(PIECES | st.binary(max_size=4), max_size=30))
    return b"".join(parts) + draw(LONG)


def check_screen(raw: bytes) -> None:
    """``read_names`` returns one name a row or raises a located error; ``screen`` answers without a traceback."""
    tried(CATEGORY)
    names: list[str] | None = None
    problem = ""
    try:
        names = read_names(raw, "f.csv")
    except ScreenFileError as err:
        problem = str(err)
    assert names is not None or re.match(r"^f\.csv:\d+:\d+: ", problem), problem
    if names is not None:
        lines = [line for line in re.split(rb"\r\n|\r|\n", raw) if line.strip()]
        if len(names) > len(lines) or any("\n" in n or "\r" in n for n in names):
            silent(CATEGORY, f"{len(names)} names from {len(lines)} lines: {names!r}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "names.csv"
        path.write_bytes(raw)
        code, _, err = cli(CATEGORY, "screen", str(path), "--on", "2020-01-01", "--format", "json")
        if code != 0:
            assert _LOCATED.match(err) or err.startswith("Usage") or "Error" in err, err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], database=None)
@given(screening_file())
def _screen(raw: bytes) -> None:
    check_screen(raw)


@pytest.mark.parametrize("seed", SEEDS, ids=["fixed", "rotating"])
def test_screening_files_never_lose_rows(seed: int) -> None:
    under_seed(seed, _screen)


CORPUS = Path(__file__).parent / "corpus" / "screen"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.csv")), ids=lambda p: p.name)
def test_corpus_of_past_screening_crashers(path: Path) -> None:
    check_screen(path.read_bytes())
