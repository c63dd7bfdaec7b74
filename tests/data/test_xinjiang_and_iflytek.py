"""The October 2019 Entity List additions over Xinjiang, and iFlyTek's medical-supplies carve-out."""

from __future__ import annotations

import pytest

from sanctiontrack import Reason
from tests.data.facts import assert_exempted, assert_not_applied, assert_not_exempted, assert_not_restricted, assert_restricted, tracker

LISTING = "us-bis-2019-xinjiang-entity-list"
COMPANIES = ["iFlyTek", "SenseTime", "Hikvision", "Dahua", "Megvii", "Yitu Technologies", "Meiya Pico", "Yixin"]


def test_iflytek_announced_then_effective() -> None:
    assert_not_applied("iFlyTek", on="2019-10-07", action=LISTING, reason=Reason.NOT_YET_EFFECTIVE, mentions="effective 2019-10-09")
    assert_not_applied("iFlyTek", on="2019-10-08", action=LISTING, reason=Reason.NOT_YET_EFFECTIVE)
    assert_restricted("iFlyTek", on="2019-10-09", by=LISTING)


@pytest.mark.parametrize("company", COMPANIES)
def test_every_company_in_the_rule(company: str) -> None:
    # Hikvision and Dahua were already under NDAA sec. 889 the day before; the listing was not.
    day_before = tracker().restrictions(company, on="2019-10-08")
    assert LISTING not in {r.action.id for r in day_before.restrictions}
    assert_restricted(company, on="2019-10-09", by=LISTING)


@pytest.mark.parametrize("company", [c for c in COMPANIES if c not in ("Hikvision", "Dahua")])
def test_companies_unrestricted_in_the_us_before_the_listing(company: str) -> None:
    assert_not_restricted(company, on="2019-10-08", jurisdiction="US")


def test_government_bodies_listed() -> None:
    assert_not_restricted("xinjiang-psb", on="2019-10-08")
    assert_restricted("xinjiang-psb", on="2019-10-09", by=LISTING)
    assert_restricted("xpcc-psb", on="2019-10-09", by=LISTING)


def test_medical_supplies_exemption_carves_out_but_the_listing_stays() -> None:
    assert_not_exempted("iFlyTek", on="2020-02-23", restriction=LISTING, by="us-bis-2020-iflytek-medical-exemption")
    assert_exempted("iFlyTek", on="2020-02-24", restriction=LISTING, by="us-bis-2020-iflytek-medical-exemption", purpose_mentions="medical")
    assert_restricted("iFlyTek", on="2020-02-25", by=LISTING)


def test_exemption_is_for_iflytek_only() -> None:
    assert_not_exempted("Megvii", on="2020-03-01", restriction=LISTING, by="us-bis-2020-iflytek-medical-exemption")


def test_sensetime_group_is_only_associated() -> None:
    assert_not_restricted("sensetime-group", on="2019-10-09")
