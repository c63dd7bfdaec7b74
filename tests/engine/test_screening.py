"""Screening narrows candidates with an n-gram index; it must find what a full WRatio scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

import sanctiontrack
from sanctiontrack._names import name_key
from sanctiontrack._screen import Screener

TRACKER = sanctiontrack.load()
KEYS = TRACKER.entities._all_keys()
NAMES = [name for entity in TRACKER.entities for name in entity.names]
SCREENER = Screener(KEYS)


@st.composite
def screened_names(draw: st.DrawFn) -> str:
    """Known names, misspelt, cased, reordered, padded, or replaced by something unrelated."""
    name = draw(st.sampled_from(NAMES))
    change = draw(st.sampled_from(["none", "upper", "typo", "drop", "reorder", "pad", "other"]))
    if change == "upper":
        return name.upper()
    if change == "typo" and len(name) > 2:
        at = draw(st.integers(0, len(name) - 1))
        return name[:at] + draw(st.sampled_from(list("aeiouxyz"))) + name[at + 1 :]
    if change == "drop" and len(name) > 2:
        at = draw(st.integers(0, len(name) - 1))
        return name[:at] + name[at + 1 :]
    if change == "reorder":
        return " ".join(reversed(name.split()))
    if change == "pad":
        return f"{name} {draw(st.sampled_from(['Ltd', 'Trading', 'Holdings', '2021']))}"
    if change == "other":
        return draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30))
    return name


@settings(max_examples=400, deadline=None)
@given(screened_names(), st.sampled_from([60.0, 80.0, 85.0, 90.0, 95.0]))
def test_index_finds_what_a_full_scan_finds(name: str, threshold: float) -> None:
    key = name_key(name)
    full = {(c, s) for c, s, _ in process.extract(key, KEYS, scorer=fuzz.WRatio, limit=None, score_cutoff=threshold)}
    fast = set(SCREENER.best(key, threshold, len(KEYS)))
    assert fast == full


def test_screen_marks_restricted_matches() -> None:
    results = TRACKER.screen(["HUAWEI TECHNOLOGIES CO LTD", "Hikvison", "Totally Unrelated Bakery"], on="2020-03-01")
    assert results[0].matches[0].entity.id == "huawei" and results[0].hit
    assert results[1].matches[0].entity.id == "hikvision"
    assert results[2].matches == () and not results[2].hit
