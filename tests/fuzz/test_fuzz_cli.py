"""The query commands' arguments: names, days, instants, jurisdictions, limits and formats as anyone might type them.

Every combination must end in an answer or one ``error:`` line (or click's usage error), never a
traceback or a hang; a day that is not a real day in the supported range answered with exit status 0
is a silent acceptance.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.harness import SEEDS, STATS, cli, silent, tried, under_seed

pytestmark = pytest.mark.fuzz
CATEGORY = "query CLI args"

NAMES = st.sampled_from(["Huawei", "ZTE", "huawei", "HUAWEI TECHNOLOGIES CO., LTD", "iFlyTek", "China", "x", ""]) | st.text(max_size=40)
ODD = st.sampled_from(["\x1b[31mHuawei", "Huawei\x00", "a" * 5_000, "--on", "-", "[bold]x[/bold]", "\u202eiewauH"])
DAYS = st.sampled_from(
    ["2020-02-20", "9999-12-31", "0001-01-01", "1000-01-01", "9998-12-31", "2019-02-29", "2020-13-01", "２０２０-01-01", "2020-1-1", ""]
) | st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32))
DAYS = DAYS | st.dates(dt.date(1000, 1, 1), dt.date(9998, 12, 31)).map(dt.date.isoformat) | st.just("2020-02-20")
INSTANTS = st.sampled_from(["2019-05-16T09:00-04:00", "2020-01-01T00:00+24:00", "9998-12-31T23:59-18:00", "2020-01-01T00:00", "x"])
INSTANTS |= st.builds(
    lambda d, h, m, o: f"{d}T{h:02d}:{m:02d}{o}",
    DAYS,
    st.integers(0, 25),
    st.integers(0, 61),
    st.sampled_from(["Z", "+05:30", "-18:00", "+99:99", ""]),
)
JURISDICTIONS = st.sampled_from(["US", "us", "US", "CN", "ZZ", "UK", "EU", "", "USA", "\x1b"])
LIMITS = st.sampled_from(["1", "0", "-1", "10000", "10001", "99999999999999999999", "abc"])
FORMATS = st.sampled_from(["table", "json", "csv", "xml"])


def _real_day(text: str) -> bool:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        return dt.date(1000, 1, 1) <= dt.date.fromisoformat(text) <= dt.date(9998, 12, 31)
    except ValueError:
        return False


@st.composite
def command(draw: st.DrawFn) -> tuple[list[str], str | None]:
    """A command line, and the day in it that must be real for exit status 0 (None when no day is checked)."""
    name, day, fmt = draw(NAMES | ODD), draw(DAYS), draw(FORMATS)
    kind = draw(st.sampled_from(["restrictions", "restrictions-at", "diff", "in-force", "timeline", "entities", "item", "show"]))
    if kind == "restrictions":
        return ["restrictions", name, "--on", day, "-j", draw(JURISDICTIONS), "-f", fmt], day
    if kind == "restrictions-at":
        return ["restrictions", name, "--at", draw(INSTANTS), "-f", fmt], None
    if kind == "diff":
        return ["diff", name, "--from", day, "--to", draw(DAYS), "-f", fmt], day
    if kind == "in-force":
        return ["in-force", "--on", day, "-f", fmt], day
    if kind == "timeline":
        return ["timeline", name, "-f", fmt], None
    if kind == "entities":
        return ["entities", name, "--limit", draw(LIMITS), "-f", fmt], None
    if kind == "item":
        return ["item", name, "--to", draw(JURISDICTIONS), "--on", day], day
    return ["show", name, "-f", fmt], None


def check_command(args: list[str], day: str | None, columns: str = "") -> None:
    """The command answers or fails cleanly; a day that is no real day never gets exit status 0."""
    tried(CATEGORY)
    code, _, err = cli(CATEGORY, *args)
    assert "Traceback" not in err
    if code == 0:
        STATS[CATEGORY]["answered (exit 0)"] += 1
    if code == 0 and day is not None and not _real_day(day):
        silent(CATEGORY, f"{args!r} answered for the day {day!r}")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(command())
def _commands(case: tuple[list[str], str | None]) -> None:
    check_command(*case)


@pytest.mark.parametrize("seed", SEEDS, ids=["fixed", "rotating"])
def test_query_arguments_never_crash(seed: int) -> None:
    under_seed(seed, _commands)


# Past crashers (issue 14 items 3, 7, 11, 12): each once raised a traceback or answered wrongly.
CORPUS = [
    (["restrictions", "Huawei", "--on", "9999-12-31"], "9999-12-31"),
    (["diff", "Huawei", "--from", "2019-01-01", "--to", "9999-12-31"], "2019-01-01"),
    (["in-force", "--on", "9999-12-31"], "9999-12-31"),
    (["restrictions", "Huawei", "--at", "2020-01-01T00:00+24:00"], None),
    (["restrictions", "Huawei", "--on", "2020-02-20", "-j", "ZZ"], "2020-02-20"),
    (["entities", "hua", "--limit", "99999999999999999999"], None),
    (["restrictions", "\x1b[31mHuawei", "--on", "2020-02-20"], "2020-02-20"),
    (["restrictions", "a" * 5_000_000, "--on", "2020-02-20"], "2020-02-20"),
]


@pytest.mark.parametrize("case", CORPUS, ids=[" ".join(c[0])[:60] for c in CORPUS])
def test_corpus_of_past_argument_crashers(case: tuple[list[str], str | None]) -> None:
    check_command(*case)
