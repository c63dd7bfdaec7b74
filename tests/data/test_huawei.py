"""Huawei: the May 2019 listing, its affiliates, the temporary general license and the direct product rules."""

from __future__ import annotations

from sanctiontrack import Reason
from tests.data.facts import (
    assert_affiliate,
    assert_exempted,
    assert_not_applied,
    assert_not_exempted,
    assert_not_restricted,
    assert_restricted,
    tracker,
)

LISTING = "us-bis-2019-huawei-entity-list"


def test_not_restricted_before_the_listing() -> None:
    assert_not_restricted("Huawei", on="2019-05-14")


def test_listing_announced_on_may_15_effective_the_next_day() -> None:
    assert_not_applied("Huawei", on="2019-05-15", action=LISTING, reason=Reason.NOT_YET_EFFECTIVE, mentions="announced 2019-05-15")
    assert_restricted("Huawei", on="2019-05-16", by=LISTING)


def test_listing_applied_before_it_was_published() -> None:
    action = tracker().action(LISTING)
    assert action.dates.published is not None and action.dates.published.text() == "2019-05-21"
    assert_restricted("Huawei", on="2019-05-17", by=LISTING)


def test_listing_took_effect_at_4_15_pm_eastern() -> None:
    at_nine = tracker().restrictions("Huawei", at="2019-05-16T09:00-04:00", jurisdiction="US")
    at_five = tracker().restrictions("Huawei", at="2019-05-16T17:00-04:00", jurisdiction="US")
    assert LISTING not in {r.action.id for r in at_nine.restrictions}
    assert LISTING in {r.action.id for r in at_five.restrictions}


def test_executive_order_13873_names_no_company_and_restricts_nothing() -> None:
    order = tracker().action("us-eo-13873-ict-supply-chain")
    assert order.restricts == () and order.entity_ids == ()
    answer = tracker().restrictions("Huawei", on="2019-05-17", jurisdiction="US")
    assert [r.action.id for r in answer.restrictions] == [LISTING]  # the listing restricts; the order it cites does not
    assert "us-eo-13873-ict-supply-chain" not in {n.action.id for n in answer.not_operative}


def test_temporary_general_license_is_a_carve_out_not_a_lift() -> None:
    assert_restricted("Huawei", on="2019-05-20", by=LISTING)
    assert_exempted("Huawei", on="2019-05-20", restriction=LISTING, by="us-bis-2019-huawei-tgl")
    assert_not_exempted("Huawei", on="2019-05-19", restriction=LISTING, by="us-bis-2019-huawei-tgl")


def test_each_renewal_carries_the_license_forward() -> None:
    assert_exempted("Huawei", on="2019-08-19", restriction=LISTING, by="us-bis-2019-huawei-tgl-extension-aug")
    assert_exempted("Huawei", on="2019-11-18", restriction=LISTING, by="us-bis-2019-huawei-tgl-extension-nov")
    assert_exempted("Huawei", on="2020-03-10", restriction=LISTING, by="us-bis-2020-huawei-tgl-extension-mar")
    assert_exempted("Huawei", on="2020-08-13", restriction=LISTING, by="us-bis-2020-huawei-tgl-extension-may")


def test_license_lapsed_after_august_13_2020() -> None:
    answer = tracker().restrictions("Huawei", on="2020-08-15")
    listing = next(r for r in answer.restrictions if r.action.id == LISTING)
    assert listing.exemptions == ()
    assert_exempted("Huawei", on="2020-08-17", restriction=LISTING, by="us-bis-2020-huawei-security-research-authorization")


def test_august_2019_affiliate_listed_from_august_19() -> None:
    assert_not_restricted("Huawei New Zealand", on="2019-08-12")
    day_before = tracker().restrictions("Huawei New Zealand", on="2019-08-18")
    assert "us-bis-2019-huawei-affiliates-aug" not in {r.action.id for r in day_before.restrictions}
    assert_restricted("Huawei New Zealand", on="2019-08-19", by="us-bis-2019-huawei-affiliates-aug")


def test_subsidiary_reached_by_section_889_before_its_own_listing() -> None:
    assert_affiliate("Huawei New Zealand", on="2019-08-13", by="us-congress-2018-ndaa-sec-889", owner="huawei")


def test_august_2020_affiliates() -> None:
    assert_not_restricted("Huawei Cloud Brazil", on="2020-08-16")
    assert_restricted("Huawei Cloud Brazil", on="2020-08-17", by="us-bis-2020-huawei-affiliates-aug")
    assert_restricted("Huawei OpenLab Paris", on="2020-08-20", by="us-bis-2020-huawei-affiliates-aug")


def test_direct_product_rules() -> None:
    before = tracker().restrictions("Huawei", on="2020-05-14")
    assert "us-bis-2020-huawei-fdpr-may" not in {r.action.id for r in before.restrictions}
    assert_restricted("Huawei", on="2020-05-15", by="us-bis-2020-huawei-fdpr-may")
    assert_restricted("Huawei", on="2020-08-17", by="us-bis-2020-huawei-fdpr-aug")


def test_listing_still_in_force_today_as_recorded() -> None:
    assert_restricted("Huawei", on="2026-11-22", by=LISTING)


def test_indictments_never_restrict() -> None:
    assert_not_applied("Huawei", on="2020-02-13", action="us-doj-2020-huawei-superseding-indictment", reason=Reason.NON_BINDING)
    assert_not_applied("Huawei", on="2019-02-01", action="us-doj-2019-huawei-edny-superseding-indictment", reason=Reason.NON_BINDING)
    assert_not_restricted("Meng Wanzhou", on="2020-02-13")
