"""Answers behave like values: they compare by what they say, survive pickling and copying, and refuse wrong questions."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import attrs
import pytest

import sanctiontrack
from sanctiontrack import QueryError, Reason, Restrictions, SanctionTrackError, Tracker
from tests.data.facts import tracker


def test_answers_with_different_verdicts_are_not_equal() -> None:
    everywhere = tracker().restrictions("huawei", on="2023-01-01")
    in_china = tracker().restrictions("huawei", on="2023-01-01", jurisdiction="CN")
    assert everywhere.restricted != in_china.restricted
    assert everywhere != in_china


def test_the_same_question_gives_equal_answers_with_equal_hashes() -> None:
    first = tracker().restrictions("iflytek", on="2020-03-01")
    again = tracker().restrictions("iflytek", on="2020-03-01", jurisdiction=None)
    assert first == again and hash(first) == hash(again)
    assert first != tracker().restrictions("iflytek", on="2019-10-08")


@pytest.mark.parametrize(("name", "day"), [("Huawei", "2019-06-01"), ("科大讯飞", "2019-10-08"), ("huawei-device", "2019-05-15")])
def test_a_day_answer_made_on_the_fast_path_is_the_answer_attrs_makes(name: str, day: str) -> None:
    """A day question's answer is made by setting its slots directly; it must be the same value the class's own __init__ makes."""
    fast = tracker().restrictions(name, on=day)
    made = Restrictions(fast._source, fast.when, fast.matched, None, fast.coverage)
    assert [getattr(fast, f.name) for f in attrs.fields(Restrictions)] == [getattr(made, f.name) for f in attrs.fields(Restrictions)]
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert pickle.loads(pickle.dumps(fast)) == made
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.matched = "something else"  # type: ignore[misc]


@pytest.mark.parametrize("clone", [copy.copy, copy.deepcopy, lambda a: pickle.loads(pickle.dumps(a))], ids=["copy", "deepcopy", "pickle"])
def test_a_copied_or_pickled_answer_keeps_its_explanation(clone: object) -> None:
    answer = tracker().restrictions("iFlyTek", on="2020-03-01")
    copied = clone(answer)  # type: ignore[operator]
    assert copied == answer
    assert copied.restricted and [r.action.id for r in copied.restrictions] == [r.action.id for r in answer.restrictions]
    assert copied.restrictions[0].exemptions == answer.restrictions[0].exemptions


def test_an_unknown_kind_is_a_query_error_with_a_hint() -> None:
    with pytest.raises(QueryError, match="unknown action kind 'ban'; did you mean 'device_ban'") as caught:
        tracker().in_force(on="2020-01-01", kind="ban")
    assert isinstance(caught.value, SanctionTrackError) and isinstance(caught.value, ValueError)


def test_screening_one_string_is_refused_not_screened_letter_by_letter() -> None:
    with pytest.raises(QueryError, match=r"write \['Huawei'\]"):
        tracker().screen("Huawei", on="2020-01-01")
    [result] = tracker().screen(["Huawei"], on="2020-01-01")
    assert result.matches[0].entity.id == "huawei"


def test_an_order_without_prohibitions_is_not_yet_effective_before_its_start() -> None:
    """FCC 19-121's designations took effect on 2020-01-03: on the day before it was not yet effective."""
    fcc = "us-fcc-2019-usf-rule-initial-designation-huawei-zte"

    def reason_on(day: str) -> Reason:
        return next(n.reason for n in tracker().restrictions("Huawei", on=day).not_operative if n.action.id == fcc)

    assert reason_on("2020-01-02") is Reason.NOT_YET_EFFECTIVE
    assert reason_on("2020-01-03") is Reason.NO_PROHIBITIONS


LOCAL_TIMES = """\
entities:
  - {{id: acme, name: "Acme Co., Ltd.", kind: company}}
sources:
  - {{id: fr-test, kind: primary, publisher: Office of the Federal Register, title: A rule}}
actions:
  - id: listing
    kind: entity_list_addition
    title: Acme listed
    jurisdiction: US
    authority: BIS
    dates: {{effective: {{at: "{at}", tz: America/New_York}}}}
    targets: [{{entity: acme, role: listed}}]
    restricts: [{{id: ear, category: exports, summary: License required.}}]
    evidence: [{{source: fr-test, locator: DATES}}]
"""


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("2019-03-10T02:30", "2019-03-10T02:30 does not exist in America/New_York"),
        (
            "2019-11-03T01:30",
            "2019-11-03T01:30 occurs twice in America/New_York (the clocks were put back); give the offset: -04:00 or -05:00",
        ),
    ],
    ids=["skipped", "repeated"],
)
def test_local_times_a_clock_change_skips_or_repeats_are_refused(tmp_path: Path, at: str, message: str) -> None:
    path = tmp_path / "actions.yaml"
    path.write_text(LOCAL_TIMES.format(at=at))
    [problem] = sanctiontrack.validate([path]).errors
    assert message in problem.message and problem.code.value == "bad-date" and (problem.line, problem.col) == (11, 24)


def test_a_local_time_away_from_clock_changes_is_read_in_its_zone(tmp_path: Path) -> None:
    path = tmp_path / "actions.yaml"
    path.write_text(LOCAL_TIMES.format(at="2019-11-03T03:30"))
    world: Tracker = sanctiontrack.load(path, cache=False)
    assert world.action("listing").dates.effective is not None
    assert world.action("listing").dates.effective.at.isoformat() == "2019-11-03T03:30:00-05:00"  # type: ignore[union-attr]
