"""ZTE: listed in 2016, its licensing restored by a general license, removed in 2017, denied in 2018."""

from __future__ import annotations

from sanctiontrack import Reason
from tests.data.facts import assert_not_applied, assert_not_restricted, assert_restricted


def test_listed_march_8_2016() -> None:
    assert_not_restricted("ZTE", on="2016-03-07")
    assert_restricted("ZTE", on="2016-03-08", by="us-bis-2016-zte-entity-list")
    assert_restricted("ZTE Kangxun", on="2016-03-08", by="us-bis-2016-zte-entity-list")


def test_general_license_restored_pre_listing_rules_for_two_entities() -> None:
    assert_not_applied("ZTE", on="2016-03-24", action="us-bis-2016-zte-entity-list", reason=Reason.SUSPENDED)
    assert_restricted("beijing-8-star", on="2016-03-24", by="us-bis-2016-zte-entity-list")


def test_removal_is_entity_specific() -> None:
    assert_not_applied("ZTE", on="2017-03-29", action="us-bis-2016-zte-entity-list", reason=Reason.REVOKED)
    assert_restricted("beijing-8-star", on="2017-03-29", by="us-bis-2016-zte-entity-list")


def test_denial_order_april_to_july_2018() -> None:
    assert_not_restricted("ZTE", on="2018-04-14")
    assert_restricted("ZTE", on="2018-04-15", by="us-bis-2018-zte-denial-order")
    assert_restricted("ZTE", on="2018-07-12", by="us-bis-2018-zte-denial-order")
    assert_not_applied("ZTE", on="2018-07-13", action="us-bis-2018-zte-denial-order", reason=Reason.REVOKED)
