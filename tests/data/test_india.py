"""India: the 2019 court-ordered TikTok block and its lifting, and the 2020 ban of 59 apps."""

from __future__ import annotations

from sanctiontrack import Reason
from tests.data.facts import assert_not_applied, assert_not_restricted, assert_restricted


def test_tiktok_blocked_by_the_madras_high_court() -> None:
    assert_not_restricted("TikTok", on="2019-04-02", jurisdiction="IN")
    assert_restricted("TikTok", on="2019-04-03", by="in-mhc-2019-tiktok-interim-order", jurisdiction="IN")
    assert_restricted("TikTok", on="2019-04-16", by="in-meity-2019-tiktok-app-store-direction", jurisdiction="IN")
    assert_restricted("TikTok", on="2019-04-23", by="in-mhc-2019-tiktok-interim-order", jurisdiction="IN")


def test_block_lifted_on_april_24_2019() -> None:
    assert_not_restricted("TikTok", on="2019-04-24", jurisdiction="IN")
    assert_not_applied("TikTok", on="2019-04-24", action="in-mhc-2019-tiktok-interim-order", reason=Reason.LIFTED)
    assert_not_restricted("TikTok", on="2019-05-01", jurisdiction="IN")


def test_fifty_nine_apps_banned_june_29_2020() -> None:
    assert_not_restricted("Helo", on="2020-06-28")
    for app in ("TikTok", "Helo", "UC Browser", "WeChat", "SHAREit", "CamScanner"):
        assert_restricted(app, on="2020-06-29", by="in-meity-2020-59-apps-block")
    assert_restricted("Weibo", on="2021-02-01", by="in-meity-2020-59-apps-block")


def test_app_ban_does_not_reach_the_owner() -> None:
    assert_not_restricted("ByteDance", on="2020-06-30", jurisdiction="IN")
