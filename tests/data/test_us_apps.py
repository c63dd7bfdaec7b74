"""U.S. measures on Chinese apps: device bans, the August 2020 orders, identifications, injunctions and revocation."""

from __future__ import annotations

from sanctiontrack import Reason
from tests.data.facts import assert_not_applied, assert_not_restricted, assert_restricted, tracker


def test_tiktok_device_bans_from_december_2019() -> None:
    assert_not_restricted("TikTok", on="2019-11-30")
    assert_restricted("TikTok", on="2019-12-17", by="us-navy-2019-tiktok-device-ban")
    assert_restricted("TikTok", on="2020-01-03", by="us-dhs-2020-tiktok-device-policy")


def test_tsa_stopped_using_tiktok_in_february_2020() -> None:
    assert_restricted("TikTok", on="2020-02-23", by="us-tsa-2020-tiktok-content-halt")


def test_statements_are_not_bans() -> None:
    assert_not_applied("TikTok", on="2020-07-31", action="us-potus-2020-trump-tiktok-ban-remark", reason=Reason.NON_BINDING)
    assert_not_applied("WeChat", on="2020-08-02", action="us-state-2020-pompeo-chinese-apps-statement", reason=Reason.NON_BINDING)


def test_executive_order_13942_only_directed_commerce() -> None:
    assert_not_applied(
        "ByteDance",
        on="2020-08-06",
        action="us-eo-13942-tiktok",
        reason=Reason.NO_PROHIBITIONS,
        mentions="us-commerce-2020-tiktok-identification",
    )
    assert_not_restricted("ByteDance", on="2020-08-13")


def test_divestment_order_from_august_14_2020() -> None:
    assert_restricted("ByteDance", on="2020-08-14", by="us-potus-2020-musically-divestment-order")
    assert_restricted("Musical.ly", on="2020-08-14", by="us-potus-2020-musically-divestment-order")


def test_wechat_identification_enjoined_before_it_started() -> None:
    assert_not_restricted("WeChat", on="2020-09-20", jurisdiction="US")
    assert_not_applied(
        "WeChat",
        on="2020-09-21",
        action="us-commerce-2020-wechat-identification",
        reason=Reason.SUSPENDED,
        mentions="us-court-2020-wechat-users-alliance-pi",
    )


def test_tiktok_app_store_ban_enjoined_hours_before_it_began() -> None:
    answer = tracker().restrictions("TikTok", on="2020-09-28", jurisdiction="US")
    assert "us-commerce-2020-tiktok-identification" not in {r.action.id for r in answer.restrictions}


def test_tiktok_identification_never_took_effect() -> None:
    for day in ("2020-10-01", "2020-11-12", "2020-12-08", "2021-03-01"):
        answer = tracker().restrictions("TikTok", on=day)
        assert "us-commerce-2020-tiktok-identification" not in {r.action.id for r in answer.restrictions}, day


def test_eight_apps_order_never_operated() -> None:
    for app in ("Alipay", "CamScanner", "QQ Wallet", "SHAREit", "Tencent QQ", "VMate", "WeChat Pay", "WPS Office"):
        assert_not_applied(app, on="2021-02-20", action="us-eo-13971-chinese-apps", reason=Reason.NO_PROHIBITIONS)
    assert_not_restricted("Alipay", on="2021-02-20", jurisdiction="US")  # India's ban of 2020-09-02 applies there


def test_revocation_of_june_9_2021() -> None:
    assert_not_applied(
        "Alipay", on="2021-06-09", action="us-eo-13971-chinese-apps", reason=Reason.REVOKED, mentions="us-eo-14034-revocation"
    )
    assert_not_applied("WeChat", on="2021-06-09", action="us-eo-13943-wechat", reason=Reason.REVOKED)
    assert_not_applied("WeChat", on="2021-06-09", action="us-commerce-2020-wechat-identification", reason=Reason.PARENT_ENDED)


def test_government_device_statute_through_omb_guidance() -> None:
    answer = tracker().restrictions("TikTok", on="2023-03-28", jurisdiction="US")
    assert "us-omb-2023-m-23-13-tiktok-removal" not in {r.action.id for r in answer.restrictions}
    assert_restricted("TikTok", on="2023-03-29", by="us-omb-2023-m-23-13-tiktok-removal")


def test_divest_or_ban_act_took_effect_january_19_2025() -> None:
    assert_not_applied("TikTok", on="2025-01-18", action="us-congress-2024-pafaca", reason=Reason.NOT_YET_EFFECTIVE)
    assert_restricted("TikTok", on="2025-01-19", by="us-congress-2024-pafaca")
    assert_restricted("ByteDance", on="2025-01-19", by="us-congress-2024-pafaca")


def test_enforcement_delays_are_carve_outs_not_repeal() -> None:
    from tests.data.facts import assert_exempted

    assert_exempted("TikTok", on="2025-01-21", restriction="us-congress-2024-pafaca", by="us-eo-14166-tiktok-enforcement-delay")
    assert_restricted("TikTok", on="2025-09-25", by="us-congress-2024-pafaca")


def test_act_stopped_applying_to_the_app_after_the_divestiture() -> None:
    assert_restricted("TikTok", on="2026-01-21", by="us-congress-2024-pafaca")
    assert_not_applied("TikTok", on="2026-01-22", action="us-congress-2024-pafaca", reason=Reason.LIFTED)
    assert_restricted("TikTok", on="2026-01-22", by="us-omb-2023-m-23-13-tiktok-removal")
