"""The indexed answers equal a brute-force reading of the documented semantics, for random worlds."""

from __future__ import annotations

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctiontrack import Dataset, SpanState, Tracker
from tests.reference import Reference
from tests.strategies import COUNTRIES, DAYS, ITEMS, datasets

QUERY_DAYS = [DAYS[0].subtract(days=1), *DAYS, *(d.add(days=1) for d in DAYS), DAYS[-1].add(days=30)]


@settings(max_examples=150, deadline=None)
@given(datasets(), st.lists(st.sampled_from(QUERY_DAYS), min_size=1, max_size=6))
def test_day_answers_match_the_reference(dataset: Dataset, days: list[pendulum.Date]) -> None:
    tracker = Tracker(dataset)
    reference = Reference(dataset)
    for entity in dataset.entities:
        for day in days:
            answer = tracker.restrictions(entity.id, on=day)
            expected = reference.operative_actions_on(entity.id, day)
            assert {r.action.id for r in answer.restrictions} == expected, (entity.id, day)
            assert answer.restricted == bool(expected)


@settings(max_examples=100, deadline=None)
@given(datasets(), st.sampled_from(DAYS), st.sampled_from([0, 9 * 3600, 16 * 3600 + 15 * 60, 20 * 3600, 23 * 3600 + 59 * 60]))
def test_instant_answers_match_the_reference(dataset: Dataset, day: pendulum.Date, offset: int) -> None:
    tracker = Tracker(dataset)
    reference = Reference(dataset)
    instant = pendulum.datetime(day.year, day.month, day.day, tz="America/New_York").add(seconds=offset)
    for entity in dataset.entities:
        answer = tracker.restrictions(entity.id, at=instant)
        expected = reference.operative_actions_at(entity.id, int(instant.timestamp()))
        assert {r.action.id for r in answer.restrictions} == expected, (entity.id, instant)


@settings(max_examples=60, deadline=None)
@given(datasets(), st.lists(st.sampled_from(QUERY_DAYS), min_size=1, max_size=4))
def test_index_and_direct_evaluation_explain_the_same(dataset: Dataset, days: list[pendulum.Date]) -> None:
    """The day index (explanations shared by a span of days) agrees with evaluating each day afresh."""
    tracker = Tracker(dataset)
    for entity in dataset.entities:
        for day in days:
            indexed = tracker.restrictions(entity.id, on=day)
            # A jurisdiction filter takes the direct path; together the three cover every action.
            parts = [tracker.restrictions(entity.id, on=day, jurisdiction=j) for j in ("US", "CN", "IN")]
            assert indexed.restricted == any(p.restricted for p in parts)
            direct_restrictions = {(r.action.id, r.explanation) for p in parts for r in p.restrictions}
            direct_others = {(n.action.id, n.reason, n.explanation) for p in parts for n in p.not_operative}
            assert {(r.action.id, r.explanation) for r in indexed.restrictions} == direct_restrictions
            assert {(n.action.id, n.reason, n.explanation) for n in indexed.not_operative} == direct_others


@settings(max_examples=60, deadline=None)
@given(datasets(), st.sampled_from(QUERY_DAYS))
def test_fast_verdict_equals_the_full_answer(dataset: Dataset, day: pendulum.Date) -> None:
    tracker = Tracker(dataset)
    for entity in dataset.entities:
        assert tracker.restricted(entity.id, on=day) == tracker.restrictions(entity.id, on=day).restricted


@settings(max_examples=60, deadline=None)
@given(datasets())
def test_history_spans_agree_with_point_answers(dataset: Dataset) -> None:
    tracker = Tracker(dataset)
    for entity in dataset.entities:
        for history in tracker.history(entity.id):
            for span in history.spans:
                answer = tracker.restrictions(entity.id, on=span.start)
                ids = {r.action.id for r in answer.restrictions}
                if span.state in (SpanState.IN_FORCE, SpanState.IN_FORCE_WITH_EXEMPTION):
                    assert history.action.id in ids
                else:
                    assert history.action.id not in ids


@settings(max_examples=150, deadline=None)
@given(
    datasets(),
    st.lists(st.sampled_from(QUERY_DAYS), min_size=1, max_size=4),
    st.sampled_from(COUNTRIES),
    st.none() | st.sampled_from(COUNTRIES),
)
def test_item_answers_match_the_reference(dataset: Dataset, days: list[pendulum.Date], destination: str, origin: str | None) -> None:
    """Exports of an item to a destination: the engine's step 7 and periods agree with the independent reading."""
    tracker = Tracker(dataset)
    reference = Reference(dataset)
    for item in ITEMS:
        for day in days:
            answer = tracker.item_restrictions(item.id, to=destination, on=day, from_=origin)
            expected = reference.operative_item_actions_on(item.id, destination, origin, day)
            assert {r.action.id for r in answer.restrictions} == expected, (item.id, destination, origin, day)
            assert answer.restricted == bool(expected)
            assert not {n.action.id for n in answer.not_operative} & expected
