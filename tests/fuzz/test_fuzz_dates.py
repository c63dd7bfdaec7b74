"""One rule for dates: whatever ``validate --strict`` accepts, every command answers without a traceback.

Generated action files carry valid-looking extreme dates (years 1 to 9999, the first and last days,
times up to 24:60), offsets (up to ±99:99, with and without a colon, ``Z``) and zones (IANA names and
fixed offsets in ``timezone:``); each is validated, and when ``validate --strict`` accepts it,
``restrictions``, ``timeline``, ``diff`` and ``in-force`` are asked about it on extreme days.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.harness import SEEDS, STATS, assert_located, cli, tried, under_seed

pytestmark = pytest.mark.fuzz
CATEGORY = "validator (dates)"

YEARS = st.sampled_from([1, 999, 1000, 1970, 2019, 2038, 9998, 9999]) | st.integers(0, 9999)
MONTHS = st.sampled_from([1, 12]) | st.integers(0, 13)
DAYS = st.sampled_from([1, 28, 29, 31]) | st.integers(0, 32)
OFFSETS = st.one_of(
    st.none(),
    st.just("Z"),
    st.builds(
        lambda sign, h, m, colon: f"{sign}{h:02d}{':' if colon else ''}{m:02d}",
        st.sampled_from("+-"),
        st.sampled_from([0, 5, 12, 14, 18, 23, 24, 99]) | st.integers(0, 99),
        st.sampled_from([0, 30, 45, 59, 60, 99]),
        st.booleans(),
    ),
)
ZONES = st.none() | st.sampled_from(["UTC", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12", "+05:30", "-12:00", "+14:00", "+18:00"])


@st.composite
def day_text(draw: st.DrawFn) -> str:
    year, month, day = draw(YEARS), draw(MONTHS), draw(DAYS)
    form = draw(st.sampled_from(["day", "day", "month", "year"]))
    return f"{year:04d}" if form == "year" else f"{year:04d}-{month:02d}" if form == "month" else f"{year:04d}-{month:02d}-{day:02d}"


@st.composite
def date_text(draw: st.DrawFn) -> str:
    day = draw(day_text())
    if day.count("-") != 2 or draw(st.booleans()):
        return day
    hour, minute = draw(st.sampled_from([0, 23, 24]) | st.integers(0, 24)), draw(st.sampled_from([0, 59, 60]))
    return f"{day}T{hour:02d}:{minute:02d}{draw(OFFSETS) or ''}"


def action_file(published: str, effective: str, timezone: str | None) -> str:
    zone = f"\n    timezone: {timezone!r}" if timezone else ""
    return f"""entities:
  - id: acme
    name: Acme Co., Ltd.
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
    jurisdiction: US
    authority: BIS{zone}
    dates: {{published: {published!r}, effective: {effective!r}}}
    targets: [{{entity: acme, role: listed}}]
    restricts: [{{id: ear, category: exports, summary: License required.}}]
    evidence: [{{source: fr-test, locator: DATES}}]
"""


def check_dates(published: str | None, effective: str, timezone: str | None, on: str, at: str) -> None:
    """Validate the file; if ``--strict`` accepts it, every query command answers it without a traceback."""
    tried(CATEGORY)
    published = published or effective
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actions.yaml"
        path.write_text(action_file(published, effective, timezone), encoding="utf-8")
        code, _, err = cli(CATEGORY, "validate", "--strict", str(path))
        assert_located(CATEGORY, err)
        if code != 0:
            return
        STATS[CATEGORY]["accepted by validate --strict"] += 1
        data = ("--data-only", "--data", str(path))
        cli(CATEGORY, "restrictions", "Acme", "--on", on, *data)
        cli(CATEGORY, "restrictions", "Acme", "--at", at, *data)
        cli(CATEGORY, "timeline", "Acme", *data)
        cli(CATEGORY, "diff", "Acme", "--from", on, "--to", effective[:10], *data)
        cli(CATEGORY, "in-force", "--on", on, *data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.none() | date_text(), date_text(), ZONES, day_text(), date_text())
def _dates(published: str | None, effective: str, timezone: str | None, on: str, at: str) -> None:
    check_dates(published, effective, timezone, on, at)


@pytest.mark.parametrize("seed", SEEDS, ids=["fixed", "rotating"])
def test_accepted_dates_answer_everywhere(seed: int) -> None:
    under_seed(seed, _dates)


# The dates of issue 14, item 2 and 3: each once crashed a command after validate passed it (or crashed validate).
CORPUS = [
    ("2019-10-09", "2019-10-09T00:00+24:00", None, "2019-10-10", "2019-10-10T00:00Z"),
    ("2019-10-09", "2019-10-09T00:00+99:99", None, "2019-10-10", "2019-10-10T00:00Z"),
    ("2019-10-09", "0001-01-01T00:00+14:00", None, "2019-10-10", "2019-10-10T00:00Z"),
    ("2019-10-09", "9999-12-31T23:59-12:00", None, "2019-10-10", "2019-10-10T00:00Z"),
    ("9999-12-31", "9999-12-31", None, "2019-10-10", "2019-10-10T00:00Z"),
    ("0001-01-01", "0001-01-01", None, "2019-10-10", "2019-10-10T00:00Z"),
    ("2019-10-09", "2019-10-09", "+05:30", "2019-10-10", "2019-10-10T00:00Z"),
    ("2019-10-09", "2019-10-09", "+24:00", "2019-10-10", "2019-10-10T00:00Z"),
    ("2019-10-09", "2019-10-09", None, "9999-12-31", "2019-10-10T00:00+24:00"),
    ("2019-10-09", "2019-10-09", None, "0001-01-01", "9998-12-31T23:59-18:00"),
    ("1000-01-01", "1000-01-01T00:00+18:00", "-18:00", "1000-01-01", "1000-01-01T00:00+18:00"),
    ("9998-12-31", "9998-12-31T23:59-18:00", "+18:00", "9998-12-31", "9998-12-31T23:59-18:00"),
]


@pytest.mark.parametrize("case", CORPUS, ids=[f"{c[1]}|{c[2]}|{c[3]}" for c in CORPUS])
def test_corpus_of_past_date_crashers(case: tuple[str, str, str | None, str, str]) -> None:
    check_dates(*case)
