"""China's export catalogue and data-security initiative; the EU toolbox and the UK's Huawei decisions."""

from __future__ import annotations

from sanctiontrack import Reason
from tests.data.facts import assert_in_force, assert_not_applied, assert_not_in_force, assert_not_restricted, assert_restricted, tracker


def test_china_catalogue_change_of_august_2020() -> None:
    action = tracker().action("cn-mofcom-most-2020-tech-export-catalogue")
    assert action.dates.effective is not None and action.dates.effective.text() == "2020-08-28"
    assert any(t.item and "recommendation" in t.item.lower() for t in action.targets)
    assert_not_in_force("cn-mofcom-most-2020-tech-export-catalogue", on="2020-08-27")
    assert_in_force("cn-mofcom-most-2020-tech-export-catalogue", on="2020-08-28")


def test_global_initiative_on_data_security_is_a_statement() -> None:
    assert_not_in_force("cn-mfa-2020-global-initiative-data-security", on="2020-09-08")


def test_eu_toolbox_never_restricts() -> None:
    for day in ("2020-01-29", "2020-05-01", "2021-12-31"):
        assert_not_applied("Huawei", on=day, action="eu-2020-5g-toolbox", reason=Reason.NON_BINDING)
    assert_not_restricted("Huawei", on="2020-05-01", jurisdiction="EU")


def test_uk_decisions_are_policy_until_the_2022_direction() -> None:
    assert_not_applied("Huawei", on="2020-01-28", action="gb-dcms-2020-high-risk-vendor-decision", reason=Reason.NON_BINDING)
    assert_not_restricted("Huawei", on="2021-01-01", jurisdiction="GB")
    assert_not_restricted("Huawei", on="2022-10-12", jurisdiction="GB")
    assert_restricted("Huawei", on="2022-10-13", by="gb-dcms-2022-huawei-designated-vendor-direction", jurisdiction="GB")
