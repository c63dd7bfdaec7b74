"""The seeds' remaining actions: the app orders' reach to the apps' owners (EO 13942, EO 13943, EO 13971), the
Shanghai Stock Exchange's halt of Ant Group's listing, SAMR's investigation of Alibaba, Jia Yueting's further debtor
listings, ECRA, and the Secure Networks Act (Pub. L. 116-124) with FCC 20-176 (data/history/seed-remainder.yaml)."""

from __future__ import annotations

from sanctiontrack import Basis, LinkRelation, Reason, Role, Scope
from tests.data.facts import (
    assert_in_force,
    assert_not_applied,
    assert_not_in_force,
    assert_not_restricted,
    assert_restricted,
    tracker,
)

EO_13942 = "us-eo-13942-tiktok"
EO_13943 = "us-eo-13943-wechat"
EO_13971 = "us-eo-13971-chinese-apps"
EO_14034 = "us-eo-14034-revocation"
SSE_HALT = "cn-sse-2020-ant-group-listing-suspended"
SECURE_NETWORKS_ACT = "us-congress-2020-secure-networks-act"
FCC_20_176 = "us-fcc-2020-supply-chain-second-report-and-order"


def _operative_ids(name: str, on: str, jurisdiction: str | None = None) -> list[str]:
    return [r.action.id for r in tracker().restrictions(name, on=on, jurisdiction=jurisdiction).restrictions]


def _role(action: str, entity: str) -> tuple[Role, Scope]:
    target = next(t for t in tracker().action(action).targets if t.entity == entity)
    return target.role, target.scope


# ---- the app orders reach the apps' owners ----


def test_eo_13971_names_ant_group_as_alipays_owner_yet_restricts_nothing_on_2021_02_20() -> None:
    """EO 13971 s.1(a) reaches the persons that develop or control Alipay; Commerce identified none."""
    assert _role(EO_13971, "ant-group") == (Role.OWNER, Scope.WITH_SUBSIDIARIES)
    assert_not_applied("Ant Group", on="2021-02-20", action=EO_13971, reason=Reason.NO_PROHIBITIONS)
    assert_not_applied("蚂蚁科技集团股份有限公司", on="2021-02-20", action=EO_13971, reason=Reason.NO_PROHIBITIONS)
    assert_not_restricted("Ant Group", on="2021-02-20", jurisdiction="US")


def test_eo_13971_against_ant_group_revoked_by_eo_14034_on_2021_06_09() -> None:
    """EO 14034 (86 FR 31423) revokes EO 13971: the reason for Ant Group changes from no prohibitions to revoked."""
    assert_not_applied("Ant Group", on="2021-06-08", action=EO_13971, reason=Reason.NO_PROHIBITIONS)
    assert_not_applied("Ant Group", on="2021-06-09", action=EO_13971, reason=Reason.REVOKED, mentions=EO_14034)


def test_eo_13971_names_tencent_as_owner_of_qq_wallet_and_wechat_pay() -> None:
    """EO 13971 (86 FR 1250): Tencent, developer of QQ Wallet, WeChat Pay and Tencent QQ, is reached as owner."""
    assert _role(EO_13971, "tencent") == (Role.OWNER, Scope.WITH_SUBSIDIARIES)
    assert_not_applied("腾讯", on="2021-02-20", action=EO_13971, reason=Reason.NO_PROHIBITIONS)
    assert_not_restricted("Tencent Holdings Ltd.", on="2021-02-20", jurisdiction="US")


def test_eo_13971_reaches_wechat_pay_also_through_its_owner_tencent() -> None:
    """EO 13971 covers the developers' subsidiaries: WeChat Pay is concerned as named and as Tencent's (from 2013-08-05)."""
    answer = tracker().restrictions("WeChat Pay", on="2021-02-20")
    bases = {n.basis for n in answer.not_operative if n.action.id == EO_13971}
    assert bases == {Basis.NAMED, Basis.AFFILIATE}


def test_eo_13943_names_tencent_as_wechats_owner_and_its_identification_was_enjoined_on_2020_09_20() -> None:
    """EO 13943 (85 FR 48641): Tencent as owner; the Commerce identification was enjoined before it started."""
    assert _role(EO_13943, "tencent") == (Role.OWNER, Scope.ENTITY)
    assert_not_applied("Tencent", on="2020-09-19", action="us-commerce-2020-wechat-identification", reason=Reason.NOT_YET_EFFECTIVE)
    assert_not_applied(
        "Tencent",
        on="2020-09-20",
        action="us-commerce-2020-wechat-identification",
        reason=Reason.SUSPENDED,
        mentions="us-court-2020-wechat-users-alliance-pi",
    )
    assert_not_restricted("Tencent", on="2020-09-20")


def test_eo_13943_and_13971_against_tencent_revoked_by_eo_14034_on_2021_06_09() -> None:
    """EO 14034 revokes both orders naming Tencent; the WeChat identification ends with its parent order."""
    assert_not_applied("Tencent", on="2021-06-09", action=EO_13943, reason=Reason.REVOKED, mentions=EO_14034)
    assert_not_applied("Tencent", on="2021-06-09", action=EO_13971, reason=Reason.REVOKED, mentions=EO_14034)
    assert_not_applied("Tencent", on="2021-06-09", action="us-commerce-2020-wechat-identification", reason=Reason.PARENT_ENDED)


def test_eo_13942_names_bytedance_as_tiktoks_owner_with_its_subsidiaries() -> None:
    """EO 13942 (85 FR 48638, s.1(a)): transactions with ByteDance or its subsidiaries; musical.ly reached as ByteDance's."""
    assert _role(EO_13942, "bytedance") == (Role.OWNER, Scope.WITH_SUBSIDIARIES)
    answer = tracker().restrictions("Musical.ly", on="2020-09-01")
    entries = [n for n in answer.not_operative if n.action.id == EO_13942]
    assert entries and entries[0].basis is Basis.AFFILIATE and entries[0].reason is Reason.NO_PROHIBITIONS


def test_tiktok_identification_against_bytedance_enjoined_by_marland_on_2020_11_13() -> None:
    """85 FR 60061: the prohibitions due 2020-11-12 never reached ByteDance; Marland v. Trump enjoined them."""
    assert_not_applied(
        "ByteDance",
        on="2020-11-13",
        action="us-commerce-2020-tiktok-identification",
        reason=Reason.SUSPENDED,
        mentions="us-court-2020-marland-v-trump-pi",
    )
    assert "us-commerce-2020-tiktok-identification" not in _operative_ids("ByteDance", "2020-11-13")


def test_eo_13942_against_bytedance_revoked_by_eo_14034_on_2021_06_09() -> None:
    """EO 14034 revokes EO 13942; the divestment order of 2020-08-14 (85 FR 51297) still restricts ByteDance."""
    assert_not_applied("ByteDance", on="2021-06-08", action=EO_13942, reason=Reason.NO_PROHIBITIONS)
    assert_not_applied("字节跳动", on="2021-06-09", action=EO_13942, reason=Reason.REVOKED, mentions=EO_14034)
    assert_restricted("ByteDance", on="2021-06-09", by="us-potus-2020-musically-divestment-order")


def test_dated_ownership_links_of_the_apps() -> None:
    """Alipay owned by Ant Group (from 2014-10), WeChat Pay and QQ Wallet by Tencent, TikTok by ByteDance (from 2017-09)."""
    expected = {
        "Alipay": ("ant-group", "2014-10-01"),
        "WeChat Pay": ("tencent", "2013-08-05"),
        "QQ Wallet": ("tencent", "2014-01-01"),
        "TikTok": ("bytedance", "2017-09-01"),
    }
    for name, (owner, start) in expected.items():
        entity, _ = tracker().entities.resolve(name)
        links = [link for link in entity.links if link.entity == owner]
        assert len(links) == 1 and links[0].relation is LinkRelation.OWNED_BY, name
        assert links[0].start is not None and links[0].start.date.to_date_string() == start, name


def test_alibabas_stake_in_ant_group_is_an_affiliation_from_september_2019_not_ownership() -> None:
    """Alibaba's 33% equity (2019-09) does not make Ant a subsidiary: Jack Ma is Ant's actual controller (SSE decision)."""
    entity, _ = tracker().entities.resolve("Ant Group")
    links = [link for link in entity.links if link.entity == "alibaba"]
    assert links and all(link.relation is LinkRelation.AFFILIATE_OF for link in links)
    assert any(link.start is not None and link.start.date.to_date_string() == "2019-09-01" for link in links)


# ---- China: the listing halt, the investigation, the debtor listings ----


def test_sse_suspends_ant_groups_star_market_listing_on_2020_11_03() -> None:
    """The Shanghai Stock Exchange's decision of 2020-11-03 (暂缓上市) halts the listing set for 2020-11-05."""
    assert_not_restricted("Ant Group", on="2020-11-02", jurisdiction="CN")
    assert_restricted("蚂蚁集团", on="2020-11-03", by=SSE_HALT, jurisdiction="CN")
    assert_restricted("Ant Financial", on="2020-11-05", by=SSE_HALT)


def test_samr_investigation_of_alibaba_announced_2020_12_24_is_not_a_restriction() -> None:
    """SAMR's antitrust case against Alibaba (announced 2020-12-24) is a statement: it never restricts."""
    assert_not_applied("Alibaba", on="2020-12-24", action="cn-samr-2020-alibaba-antitrust-investigation", reason=Reason.NON_BINDING)
    assert_not_restricted("阿里巴巴集团控股有限公司", on="2020-12-24")


def test_jia_yueting_first_listing_of_2017_12_11_precedes_the_further_listings() -> None:
    """Seed 004: Jia a seven-time nominee; the first listing (Beijing No. 3 court) is 2017-12-11, the rest undated."""
    further = "cn-court-2018-jia-yueting-further-dishonest-debtor-listings"
    assert_not_restricted("Jia Yueting", on="2017-12-10")
    assert _operative_ids("贾跃亭", "2017-12-11") == ["cn-court-2017-jia-yueting-dishonest-debtor"]
    assert further not in _operative_ids("Jia Yueting", "2018-03-31")
    assert_restricted("Jia Yueting", on="2018-04-01", by=further)


def test_gan_wei_listing_applies_from_april_2018_at_month_precision() -> None:
    """cn-court-2018-gan-wei-dishonest-debtor: day before and first day of its month-precision (unconfirmed) date."""
    assert_not_restricted("甘薇", on="2018-03-31")
    assert_restricted("Gan Wei", on="2018-04-01", by="cn-court-2018-gan-wei-dishonest-debtor")


def test_leshi_holdings_listing_applies_from_april_2018_at_month_precision() -> None:
    """cn-court-2018-leshi-holdings-dishonest-debtor: listed with Gan Wei (seed 004), date unconfirmed."""
    assert_not_restricted("Leshi Holdings Corporation", on="2018-03-31")
    assert_restricted("Leshi Holdings", on="2018-04-01", by="cn-court-2018-leshi-holdings-dishonest-debtor")


# ---- ECRA ----


def test_ecra_pub_l_115_232_in_force_from_2018_08_13_with_no_prohibitions() -> None:
    """ECRA (Pub. L. 115-232, signed 2018-08-13): the authority for the EAR; it names no party and prohibits nothing."""
    ecra = tracker().action("us-congress-2018-ecra")
    assert ecra.dates.signed is not None and ecra.dates.signed.text() == "2018-08-13"
    assert ecra.restricts == ()
    assert_not_in_force("us-congress-2018-ecra", on="2018-08-12")
    assert_in_force("us-congress-2018-ecra", on="2018-08-13")


def test_geospatial_rule_85_fr_459_is_not_recorded_as_implementing_ecra() -> None:
    """The 0D521 rule (2020-01-06) has no implements relation to ECRA and is in force on its own dates."""
    geospatial = tracker().action("us-bis-2020-geospatial-software-0d521")
    assert "us-congress-2018-ecra" not in {r.action for r in geospatial.relations}
    assert_not_in_force("us-bis-2020-geospatial-software-0d521", on="2020-01-05")
    assert_in_force("us-bis-2020-geospatial-software-0d521", on="2020-01-06")


# ---- the Secure Networks Act and FCC 20-176 ----


def test_secure_networks_act_pub_l_116_124_effective_2020_03_12_restricts_from_2021_05_11() -> None:
    """Pub. L. 116-124 sec. 3: the subsidy ban applies 60 days after the Covered List of 2021-03-12."""
    assert_not_applied("Huawei", on="2020-03-12", action=SECURE_NETWORKS_ACT, reason=Reason.NOT_YET_EFFECTIVE)
    assert SECURE_NETWORKS_ACT not in _operative_ids("Huawei", "2021-05-10")
    assert_restricted("Huawei", on="2021-05-11", by=SECURE_NETWORKS_ACT)
    assert_restricted("ZTE Corporation", on="2021-05-11", by=SECURE_NETWORKS_ACT)


def test_fcc_20_176_effective_2021_03_15_restricts_from_2021_05_11_beside_the_designations() -> None:
    """FCC 20-176 (86 FR 2904): effective 2021-03-15; its subsidy ban starts 2021-05-11; DA 20-690 and DA 20-691 stay."""
    assert_not_applied("Huawei", on="2021-03-15", action=FCC_20_176, reason=Reason.NOT_YET_EFFECTIVE)
    assert FCC_20_176 not in _operative_ids("ZTE", "2021-05-10")
    huawei = _operative_ids("Huawei", "2021-05-11")
    assert FCC_20_176 in huawei and "us-fcc-2020-huawei-final-designation" in huawei
    zte = _operative_ids("ZTE", "2021-05-11")
    assert FCC_20_176 in zte and "us-fcc-2020-zte-final-designation" in zte


def test_fcc_20_176_implements_the_secure_networks_act_and_reaches_the_covered_list_companies() -> None:
    """FCC 20-176 implements Pub. L. 116-124; the Covered List also names Hytera, Hikvision and Dahua."""
    relations = [(r.type.value, r.action) for r in tracker().action(FCC_20_176).relations]
    assert ("implements", SECURE_NETWORKS_ACT) in relations
    assert_restricted("Hikvision", on="2021-05-11", by=FCC_20_176)
    assert_restricted("Dahua", on="2021-05-11", by=SECURE_NETWORKS_ACT)
