"""Items, destinations and charges, as facts: the 0D521 control, China's technology catalogue, the Huawei cases."""

from __future__ import annotations

import pytest

from sanctiontrack import QueryError, Reason, UnknownItemError

from .facts import (
    assert_charged,
    assert_export_not_restricted,
    assert_export_restricted,
    assert_not_charged,
    assert_restricted,
    tracker,
)

ODS21 = "us-bis-2020-geospatial-software-0d521"
FIRST_EXTENSION = "us-bis-2021-geospatial-extension"
SECOND_EXTENSION = "us-bis-2022-geospatial-extension"
CATALOGUE = "cn-mofcom-most-2020-tech-export-catalogue"
EDNY_2019 = "us-doj-2019-huawei-edny-superseding-indictment"
EDNY_2020 = "us-doj-2020-huawei-superseding-indictment"
WDWA_2019 = "us-doj-2019-huawei-wdwa-indictment"


# -- ECCN 0D521: geospatial-imagery AI software, licence required to all destinations except Canada ------------------


def test_0d521_needs_no_licence_the_day_before_it_takes_effect() -> None:
    assert_export_not_restricted("0D521", to="CN", on="2020-01-05")


def test_0d521_needs_a_licence_to_china_from_2020_01_06() -> None:
    assert_export_restricted("0D521", to="CN", on="2020-01-06", by=ODS21)


def test_canada_is_excepted_while_the_rule_is_in_force() -> None:
    assert_export_not_restricted("0D521", to="CA", on="2020-01-06", action=ODS21, reason=Reason.DESTINATION_EXCEPTED)
    answer = tracker().item_restrictions("0D521", to="CA", on="2020-01-06")
    assert "CA (Canada) is excepted" in answer.not_operative[0].explanation


def test_the_one_year_control_runs_on_through_the_first_extension() -> None:
    assert_export_restricted("0D521", to="CN", on="2021-01-05", by=ODS21)
    assert_export_restricted("0D521", to="CN", on="2021-01-06", by=ODS21)
    restriction = tracker().item_restrictions("0D521", to="CN", on="2021-06-01").restrictions[0]
    assert FIRST_EXTENSION in restriction.explanation


def test_the_second_extension_carries_it_to_2023_01_06() -> None:
    answer = tracker().item_restrictions("0D521", to="CN", on="2022-01-06")
    assert answer.restricted and SECOND_EXTENSION in answer.restrictions[0].explanation
    assert_export_restricted("0D521", to="CN", on="2023-01-05", by=ODS21)
    assert_export_not_restricted("0D521", to="CN", on="2023-01-06", action=ODS21, reason=Reason.EXPIRED)


def test_canada_stays_excepted_after_each_extension() -> None:
    for day in ("2021-01-06", "2022-01-06"):
        assert_export_not_restricted("0D521", to="CA", on=day, action=ODS21, reason=Reason.DESTINATION_EXCEPTED)


def test_0d521_is_found_by_its_entry_number_and_its_description() -> None:
    for query in ("0D521", "ECCN 0D521 No. 1", "0d521 no 1", "eccn-0d521-geospatial-imagery-software"):
        assert [i.id for i in tracker().items.resolve(query)[0]] == ["eccn-0d521-geospatial-imagery-software"], query


# -- China's catalogue of technologies restricted from export -------------------------------------------------------


def test_recommendation_technology_was_freely_exportable_before_2020_08_28() -> None:
    assert_export_not_restricted("086501X", to="US", on="2020-08-27")


def test_recommendation_technology_needs_a_chinese_licence_from_2020_08_28() -> None:
    assert_export_restricted("086501X", to="US", on="2020-08-28", by=CATALOGUE, origin="CN")
    assert_export_restricted("基于数据分析的个性化信息推送服务技术", to="US", on="2020-08-28", by=CATALOGUE)


def test_the_catalogue_licenses_exports_from_china_only() -> None:
    assert_export_not_restricted("086501X", to="US", on="2020-09-01", action=CATALOGUE, reason=Reason.ORIGIN_NOT_COVERED, origin="US")


# -- destinations the data cannot resolve ---------------------------------------------------------------------------


def test_a_country_group_whose_members_are_not_recorded_is_never_counted() -> None:
    answer = tracker().item_restrictions("3A090", to="RU", on="2024-01-01")
    reasons = {n.action.id: n.reason for n in answer.not_operative}
    assert reasons["us-bis-2023-advanced-computing-rule"] is Reason.DESTINATION_UNCONFIRMED
    assert not answer.restricted


def test_an_ecnn_two_rules_describe_resolves_to_both_items() -> None:
    answer = tracker().item_restrictions("3A090", to="CN", on="2023-12-01")
    assert {i.id for i in answer.items} == {"us-advanced-computing-items-2022", "us-advanced-computing-items-2023"}


def test_unknown_items_and_countries_are_errors_with_suggestions() -> None:
    with pytest.raises(UnknownItemError, match="did you mean: eccn-0d521"):
        tracker().item_restrictions("0D52", to="CN", on="2020-02-01")
    with pytest.raises(QueryError, match="did you mean 'CA' \\(Canada\\)"):
        tracker().item_restrictions("0D521", to="Canada", on="2020-02-01")
    with pytest.raises(QueryError, match="'from'"):
        tracker().item_restrictions("0D521", to="CN", on="2020-02-01", from_="XX")


# -- charges: who was a named defendant when ------------------------------------------------------------------------


def test_futurewei_was_not_charged_before_the_february_2020_superseding_indictment() -> None:
    assert_not_charged("Futurewei", on="2020-01-31")
    assert_not_charged("Futurewei", on="2020-02-11")


def test_futurewei_is_a_defendant_from_the_day_the_indictment_was_returned() -> None:
    assert_charged("Futurewei", on="2020-02-12", by=EDNY_2020)
    charge = tracker().restrictions("Futurewei", on="2020-02-13").charges[0]
    assert (charge.case, charge.court, charge.document) == (
        "Cr. No. 18-457 (S-3) (AMD)",
        "U.S. District Court for the Eastern District of New York",
        "superseding indictment",
    )
    assert (str(charge.returned), str(charge.unsealed)) == ("2020-02-12", "2020-02-13")


def test_charges_never_change_whether_futurewei_was_restricted() -> None:
    for day in ("2020-01-31", "2020-02-13"):
        answer = tracker().restrictions("Futurewei", on=day)
        assert answer.restricted  # the Huawei listings reach it as a subsidiary; the charges do not count
        assert all(r.action.kind.value != "superseding_indictment" for r in answer.restrictions)
    assert_restricted("Futurewei", on="2020-02-13")


def test_the_earlier_superseding_indictment_stands_until_it_is_superseded() -> None:
    assert_not_charged("Huawei", on="2019-01-23", by=EDNY_2019)
    assert_charged("Huawei", on="2019-01-24", by=EDNY_2019)
    assert_charged("Huawei", on="2020-02-11", by=EDNY_2019)
    assert_not_charged("Huawei", on="2020-02-12", by=EDNY_2019)
    assert_charged("Huawei", on="2020-02-12", by=EDNY_2020)


def test_the_seattle_case_charges_huawei_device_not_the_parent() -> None:
    assert_charged("Huawei Device Co., Ltd.", on="2019-02-01", by=WDWA_2019)
    assert_charged("Huawei Device USA", on="2019-02-01", by=WDWA_2019)
    assert_not_charged("Huawei", on="2019-02-01", by=WDWA_2019)


def test_the_timeline_shows_when_futurewei_was_charged() -> None:
    charged = [(e.date, e.event.value) for e in tracker().timeline("Futurewei") if e.charged]
    assert charged == [("2020-02-12", "signed")]
