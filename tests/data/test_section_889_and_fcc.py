"""NDAA FY2019 sec. 889 (two prohibitions a year apart), its FAR rules, the court ruling, and the FCC designations."""

from __future__ import annotations

from sanctiontrack import Reason
from tests.data.facts import assert_affiliate, assert_not_applied, assert_not_restricted, assert_restricted, tracker

SECTION = "us-congress-2018-ndaa-sec-889"


def _states(name: str, on: str) -> dict[str, str]:
    answer = tracker().restrictions(name, on=on)
    section = next(r for r in answer.restrictions if r.action.id == SECTION)
    return {p.prohibition.id: p.state.value for p in section.prohibitions}


def test_enacted_2018_but_nothing_operative_for_a_year() -> None:
    assert_not_applied("Huawei", on="2018-08-13", action=SECTION, reason=Reason.NOT_YET_EFFECTIVE)
    assert_not_applied("ZTE", on="2019-08-12", action=SECTION, reason=Reason.NOT_YET_EFFECTIVE)


def test_procurement_ban_from_august_13_2019() -> None:
    for company in ("Huawei", "ZTE", "Hytera", "Hikvision", "Dahua"):
        assert_restricted(company, on="2019-08-13", by=SECTION)
    assert_restricted("ZTE", on="2019-08-13", by="us-far-2019-sec-889-a1a-interim-rule")


def test_second_prohibition_a_year_later() -> None:
    assert _states("Huawei", "2020-08-12") == {
        "a1a-procurement": "operative",
        "a1b-contracting-with-users": "pending",
        "b1-loan-grant-funds": "pending",
    }
    assert _states("Huawei", "2020-08-13")["a1b-contracting-with-users"] == "operative"
    assert_restricted("ZTE", on="2020-08-13", by="us-far-2020-sec-889-a1b-interim-rule")


def test_zte_free_of_export_controls_between_2018_and_section_889() -> None:
    assert_not_restricted("ZTE", on="2019-08-12")


def test_court_ruling_upholds_and_changes_nothing() -> None:
    assert_not_applied(
        "Huawei", on="2020-02-18", action="us-edtex-2020-huawei-v-us-sec-889-upheld", reason=Reason.NO_PROHIBITIONS, mentions="upholds"
    )
    assert_restricted("Huawei", on="2020-02-19", by=SECTION)


def test_honor_covered_as_part_of_huawei_until_its_sale() -> None:
    assert_affiliate("Honor", on="2020-02-20", by=SECTION, owner="huawei")
    assert_not_restricted("Honor", on="2020-11-17")
    assert_not_applied("Honor", on="2020-11-17", action=SECTION, reason=Reason.NOT_AFFILIATED)


def test_fcc_initial_designation_has_no_effect_until_final() -> None:
    initial = "us-fcc-2019-usf-rule-initial-designation-huawei-zte"
    assert_not_applied("Huawei", on="2020-01-03", action=initial, reason=Reason.NO_PROHIBITIONS)
    day_before = tracker().restrictions("ZTE", on="2020-06-29")
    assert "us-fcc-2020-zte-final-designation" not in {r.action.id for r in day_before.restrictions}
    assert_restricted("ZTE", on="2020-06-30", by="us-fcc-2020-zte-final-designation")
    assert_restricted("Huawei", on="2020-06-30", by="us-fcc-2020-huawei-final-designation")
