"""Screening scores names in bulk; it must give what scoring every pair one by one gives."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sanctiontrack
from sanctiontrack import QueryError
from sanctiontrack.model.names import name_key
from sanctiontrack.screen import _charindex
from sanctiontrack.screen import score as score_module
from sanctiontrack.screen.score import CONTAINED, Screener, score

TRACKER = sanctiontrack.load()
KEYS = TRACKER.entities._name_keys()
NAMES = [name for entity in TRACKER.entities for name in entity.names]
SCREENER = Screener(KEYS)
THRESHOLDS = st.sampled_from([0.5, 40.0, 60.0, 80.0, 85.0, 87.5, 90.0, 95.0, 100.0])


def one_by_one(query: str, keys: list[str], threshold: float) -> dict[str, float]:
    """The reference: every key scored on its own."""
    return {key: s for key in set(keys) if (s := score(query, key)) >= threshold}


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


@settings(max_examples=8, deadline=None)  # each example scores every bundled key one by one (about 1 s)
@given(st.lists(screened_names(), min_size=1, max_size=6), THRESHOLDS)
def test_bulk_scores_equal_one_by_one_on_the_bundled_names(names: list[str], threshold: float) -> None:
    queries = [name_key(n) for n in names]
    for query, hits in zip(queries, SCREENER.scores(queries, threshold), strict=True):
        assert {key: s for key, (s, _) in hits.items()} == one_by_one(query, KEYS, threshold) if query else hits == {}


@settings(max_examples=30, deadline=None)
@given(st.lists(screened_names(), min_size=1, max_size=12), st.sampled_from([60.0, 70.0, 75.0, 80.0, 85.0, 87.5, 90.0, 95.0, 100.0]))
def test_indexed_scores_equal_exhaustive_scores_on_the_bundled_names(names: list[str], threshold: float) -> None:
    """The character index's candidates, rescored, give every hit and every score of the whole length window.

    Lower thresholds are left to the small vocabularies: below 60 most of the 45,000 keys are hits.
    """
    queries = [name_key(n) for n in names]
    assert SCREENER._scores(queries, threshold, indexed=True) == SCREENER._scores(queries, threshold, indexed=False)


WORDS = st.sampled_from(["ab", "ba", "abc", "acb", "hua", "wei", "huawei", "tech", "x", "华为", "技术", "zz9"])
KEYLIKE = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)


@pytest.mark.parametrize("bisect_below", [0, 10**9], ids=["postings bisected", "postings intersected"])
@settings(max_examples=300, deadline=None)
@given(st.lists(KEYLIKE, min_size=1, max_size=40), st.lists(KEYLIKE, min_size=1, max_size=5), THRESHOLDS)
def test_bulk_scores_equal_one_by_one_on_crowded_vocabularies(
    bisect_below: int, keys: list[str], queries: list[str], threshold: float
) -> None:
    """Few words, many repeats: ties, reorderings, containment both ways and lengths at the window's edge.

    Both ways of choosing the pairs to score, the character index (in tiers of four keys, so that a
    window spans several) and the whole length window, must give the reference's answer; and so must
    both ways of finding the keys that hold all of a name's words (each candidate bisected in a
    word's posting, or the candidates intersected with it).
    """
    expected = [one_by_one(query, keys, threshold) for query in queries]
    with mock.patch.object(_charindex, "_TIER_KEYS", 4), mock.patch.object(score_module, "_BISECT_BELOW", bisect_below):
        screener = Screener(keys)
        indexed = screener._scores(queries, threshold, indexed=True)
    assert indexed == screener._scores(queries, threshold, indexed=False)
    assert [{key: s for key, (s, _) in hits.items()} for hits in indexed] == expected


@given(st.lists(KEYLIKE, max_size=40))
def test_keys_are_arranged_words_in_order_first_then_by_length_and_text(keys: list[str]) -> None:
    """Scoring relies on it: below ``in_order`` a key's words are in order (its word-order ratio is its ratio), each part by length."""
    screener = Screener(keys)
    arranged, cut = screener.keys, screener.in_order
    assert sorted(arranged) == sorted(set(keys))
    assert all(k == o for k, o in zip(arranged[:cut], screener.sorted_keys[:cut], strict=True))
    assert all(k != o for k, o in zip(arranged[cut:], screener.sorted_keys[cut:], strict=True))
    for part in (arranged[:cut], arranged[cut:]):
        assert part == sorted(part, key=lambda k: (len(k), k))


ODD_WORDS = st.sampled_from(["ab", "ba", "a" * 70, "a" * 69 + "b", "é", "ß", "华为", "\U0001f600", "zz9", "x"])
ODD_KEYS = st.lists(ODD_WORDS, min_size=1, max_size=4).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "  ", "\t"]), min_size=len(words) - 1, max_size=len(words) - 1).map(
        lambda gaps: "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True))
    )
)


@settings(max_examples=150, deadline=None)
@given(st.lists(ODD_KEYS, min_size=1, max_size=30), st.lists(ODD_KEYS, min_size=1, max_size=5), THRESHOLDS)
def test_indexed_scores_equal_exhaustive_scores_on_odd_keys(keys: list[str], queries: list[str], threshold: float) -> None:
    """Spaces doubled or tabs (no character bound: scored in full), long runs of one letter (past the levels), characters no key has."""
    with (
        mock.patch.object(_charindex, "_TIER_KEYS", 3),
        mock.patch.object(_charindex, "_LEVEL_SHARE", 0.5),
        mock.patch.object(_charindex, "_MOST_LEVELS", 8),
    ):
        screener = Screener(keys)
        assert screener._scores(queries, threshold, indexed=True) == screener._scores(queries, threshold, indexed=False)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(ODD_KEYS, KEYLIKE), max_size=30), st.lists(st.one_of(ODD_KEYS, KEYLIKE), min_size=1, max_size=5), THRESHOLDS)
def test_a_screener_made_again_from_its_parts_scores_as_the_one_it_came_from(keys: list[str], queries: list[str], threshold: float) -> None:
    """What a store keeps (``parts()``: the arrangement and the character index's arrays) must make the same screener again."""
    with mock.patch.object(_charindex, "_TIER_KEYS", 3), mock.patch.object(_charindex, "_MOST_LEVELS", 8):
        made = Screener(keys)
        again = Screener.from_parts(*made.parts())
        assert (again.keys, again.sorted_keys, again.in_order, again.postings, again.word_sets) == (
            made.keys,
            made.sorted_keys,
            made.in_order,
            made.postings,
            made.word_sets,
        )
        assert all(type(row) is list for rows in (again.postings, again.word_sets) for row in rows.values())
        for indexed in (True, False):
            assert again._scores(queries, threshold, indexed=indexed) == made._scores(queries, threshold, indexed=indexed)


def test_a_long_name_finds_the_known_names_inside_it() -> None:
    """Past ten distinct words the word sets are not enumerated; the answer must not change."""
    long_key = "beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    keys = ["alpha beta", "gamma", "delta epsilon zeta", "omega", "alpha omega", long_key]
    query = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"
    [hits] = Screener(keys).scores([query], 85.0)
    assert {key: s for key, (s, _) in hits.items()} == one_by_one(query, keys, 85.0)
    assert set(hits) == {"alpha beta", "gamma", "delta epsilon zeta", long_key}


@settings(max_examples=200, deadline=None)
@given(KEYLIKE, KEYLIKE)
def test_the_score_is_symmetric_and_bounded(a: str, b: str) -> None:
    assert score(a, b) == score(b, a)
    assert 0 <= score(a, b) <= 100
    assert score(a, a) == 100


def test_reported_ratio_is_the_plain_whole_name_ratio() -> None:
    [hits] = Screener(["beta alpha", "alpha beta"]).scores(["alpha beta"], 80.0)
    assert hits["alpha beta"] == (100.0, 100.0)
    assert hits["beta alpha"][0] == 100.0 and hits["beta alpha"][1] < 80


def test_a_known_name_inside_a_longer_one_scores_contained() -> None:
    [result] = TRACKER.screen(["Huawei Technologies (Dongguan) Co., Ltd."], on="2020-03-01")
    assert result.matches[0].entity.id == "huawei" and result.matches[0].score == CONTAINED and result.hit


def test_part_of_a_word_is_not_a_match() -> None:
    """Character substrings are noise in screening: 'hua' is not Huawei."""
    assert score("hua", "huawei") < 85
    [hits] = Screener(["shuda", "shudahai network technology"]).scores(["shudahai network technology beijing"], 85.0)
    assert set(hits) == {"shudahai network technology"}


def test_screen_marks_restricted_matches() -> None:
    results = TRACKER.screen(["HUAWEI TECHNOLOGIES CO LTD", "Hikvison", "Totally Unrelated Bakery"], on="2020-03-01")
    assert results[0].matches[0].entity.id == "huawei" and results[0].matches[0].score == 100 and results[0].hit
    assert results[1].matches[0].entity.id == "hikvision" and 90 < results[1].matches[0].score < 100
    assert results[2].matches == () and not results[2].hit


def test_a_match_names_the_entity_by_one_of_its_names_never_its_id() -> None:
    results = TRACKER.screen(["huawei-futurewei-technologies", "Futurewei", "HIKVISION DIGITAL"], on="2020-03-01", threshold=60, limit=10)
    for result in results:
        assert result.matches
        for match in result.matches:
            assert match.name in match.entity.names


def test_screen_keeps_each_entity_once_ranked_by_score_then_closeness_then_id() -> None:
    results = TRACKER.screen(["Huawei", "huawei technologies"], on="2020-03-01", threshold=50, limit=10)
    for result in results:
        ids = [m.entity.id for m in result.matches]
        assert len(ids) == len(set(ids))
        scores = [m.score for m in result.matches]
        assert scores == sorted(scores, reverse=True)


def test_screen_answers_in_input_order_with_duplicates_and_blanks() -> None:
    names = ["iFlyTek", "", "iFlyTek", "  ", "ZTE"]
    results = TRACKER.screen(names, on="2019-10-09")
    assert [r.query for r in results] == names
    assert results[0] == results[2]
    assert results[1].matches == () and results[3].matches == ()
    assert results[0].matches[0].entity.id == "iflytek" and results[0].hit


@pytest.mark.parametrize("threshold", [0, -5, 100.5])
def test_screen_refuses_a_threshold_outside_its_range(threshold: float) -> None:
    with pytest.raises(QueryError, match="threshold must be above 0 and at most 100"):
        TRACKER.screen(["ZTE"], on="2020-03-01", threshold=threshold)


def test_screen_refuses_a_limit_below_one() -> None:
    with pytest.raises(QueryError, match="limit must be at least 1"):
        TRACKER.screen(["ZTE"], on="2020-03-01", limit=0)


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u200f", "\u2060", "\ufeff", "\u200d"])
def test_an_invisible_character_pasted_inside_a_name_changes_nothing(invisible: str) -> None:
    """`Hua\\u200bwei` (a zero-width space from a web page) read as two words, 'hua wei', and was not found."""
    assert name_key(f"Hua{invisible}wei") == name_key("Huawei") == "huawei"
    tracker = sanctiontrack.load()
    assert tracker.restrictions(f"Hua{invisible}wei", on="2020-02-20").entity.id == "huawei"
    [result] = tracker.screen([f"Hua{invisible}wei Technologies"], on="2020-02-20")
    assert result.matches[0].entity.id == "huawei" and result.matches[0].score == 100
