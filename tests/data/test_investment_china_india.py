"""U.S. securities and outbound-investment orders, China's own controls, and India's 2020 app blocks.

Records in data/history/investment-china-india-2019-2024.yaml; research in
data/research/investment-china-india-2019-2024.md. Each test names its instrument.
"""

from __future__ import annotations

from sanctiontrack import Reason
from tests.data.facts import (
    assert_in_force,
    assert_not_applied,
    assert_not_in_force,
    assert_not_restricted,
    assert_resolves,
    assert_restricted,
    tracker,
)

EO_13959 = "us-eo-13959-ccmc-securities"
EO_13974 = "us-eo-13974-ccmc-divestment"
DOD_TRANCHE_2020_12 = "us-dod-2020-12-03-ccmc-tranche"
EO_14032 = "us-eo-14032-cmic-securities"
EO_14105 = "us-eo-14105-outbound-investment"
TREASURY_OUTBOUND_RULE = "us-treasury-2024-outbound-investment-rule"
UEL_PROVISIONS = "cn-mofcom-2020-unreliable-entity-list-provisions"
EXPORT_CONTROL_LAW = "cn-npcsc-2020-export-control-law"
CAC_MICRON = "cn-cac-2023-micron-cybersecurity-review"
GALLIUM_GERMANIUM = "cn-mofcom-gac-2023-gallium-germanium-export-controls"
ANNOUNCEMENT_46 = "cn-mofcom-2024-announcement-46-us-dual-use"
ANNOUNCEMENT_72 = "cn-mofcom-2025-announcement-72-suspension"
INDIA_118 = "in-meity-2020-118-apps-block"
INDIA_43 = "in-meity-2020-43-apps-block"


# -- EO 13959 (securities of Communist Chinese military companies) -------------------------------


def test_eo_13959_reaches_china_three_gorges_from_2021_01_11_not_before() -> None:
    """EO 13959's prohibition starts at 9:30 a.m. EST on 2021-01-11 for the DoD-identified companies."""
    assert_not_restricted("China Three Gorges Corporation Limited", on="2021-01-10", jurisdiction="US")
    assert_not_applied("China Three Gorges Corporation Limited", on="2021-01-10", action=EO_13959, reason=Reason.NOT_YET_EFFECTIVE)
    assert_restricted("China Three Gorges Corporation Limited", on="2021-01-11", by=EO_13959, jurisdiction="US")


def test_eo_13959_names_huawei_and_hikvision_on_2021_01_11() -> None:
    """EO 13959 Annex companies include Huawei and Hikvision (already restricted by other measures)."""
    for name in ("Huawei", "Hikvision"):
        assert_restricted(name, on="2021-01-11", by=EO_13959)
        assert_not_applied(name, on="2021-01-10", action=EO_13959, reason=Reason.NOT_YET_EFFECTIVE)


def test_eo_14032_supersedes_eo_13959_from_2021_08_02() -> None:
    """EO 14032 replaces EO 13959's sections 1-5 from 2021-08-02; companies it left out stop being covered."""
    assert_restricted("CRRC Corp.", on="2021-08-01", by=EO_13959, jurisdiction="US")
    assert_not_restricted("CRRC Corp.", on="2021-08-02", jurisdiction="US")
    assert_not_applied("China Three Gorges Corporation Limited", on="2021-08-02", action=EO_13959, reason=Reason.SUPERSEDED)


def test_eo_13974_possession_ban_never_took_effect() -> None:
    """EO 13974's possession ban (from 2021-11-11 23:59 EST) was revoked by EO 14032 before it started."""
    assert_not_in_force(EO_13974, on="2021-11-12")
    assert_not_in_force(EO_13974, on="2022-06-01")


# -- DoD's section 1237 tranche of 2020-12-03 -----------------------------------------------------


def test_dod_tranche_of_2020_12_03_reaches_smic_60_days_later() -> None:
    """DoD's 2020-12-03 identification brings SMIC under EO 13959 section 1(a)(ii) from 2021-02-01."""
    assert_not_applied("SMIC", on="2021-01-31", action=DOD_TRANCHE_2020_12, reason=Reason.NOT_YET_EFFECTIVE)
    assert_restricted("Semiconductor Manufacturing International Corp.", on="2021-02-01", by=DOD_TRANCHE_2020_12)


def test_dod_removal_of_2021_06_03_ends_the_tranche() -> None:
    """DoD removed the December 2020 tranche from its CCMC list as of 2021-06-03."""
    assert_restricted("China Construction Technology Co. Ltd.", on="2021-06-02", by=DOD_TRANCHE_2020_12)
    assert_not_applied("CCTC", on="2021-06-03", action=DOD_TRANCHE_2020_12, reason=Reason.EXPIRED)
    assert_not_restricted("China International Engineering Consulting Corp.", on="2021-06-03", jurisdiction="US")


# -- EO 14032 (securities of Chinese military-industrial complex companies) ------------------------


def test_eo_14032_reaches_new_annex_companies_from_2021_08_02() -> None:
    """EO 14032's prohibition starts on 2021-08-02 (12:01 a.m. EDT) for the 59 Annex companies."""
    for name in ("Aerosun Corporation", "AVIC JONHON OPTRONIC TECHNOLOGY CO., LTD.", "ZEMIC"):
        assert_not_restricted(name, on="2021-08-01", jurisdiction="US")
        assert_restricted(name, on="2021-08-02", by=EO_14032, jurisdiction="US")


def test_eo_14032_covers_smic_and_cnooc_again_from_2021_08_02() -> None:
    """EO 14032 lists SMIC and CNOOC again after DoD's tranche ended on 2021-06-03."""
    assert_not_applied("SMIC", on="2021-08-01", action=EO_14032, reason=Reason.NOT_YET_EFFECTIVE)
    assert_restricted("SMIC", on="2021-08-02", by=EO_14032)
    assert_restricted("China National Offshore Oil Corporation", on="2021-08-02", by=EO_14032)


def test_eo_14032_is_still_in_force_in_2026() -> None:
    """EO 14032's Annex companies remain on OFAC's NS-CMIC list (December 2025 copy)."""
    assert_restricted("Aviation Industry Corporation of China, Ltd.", on="2026-12-01", by=EO_14032)


def test_eo_14032_names_huawei_investment_holding_and_its_bvi_vehicles() -> None:
    """EO 14032 names Huawei Investment & Holding and Proven Glory / Proven Honour (BVI) from 2021-08-02."""
    for name in ("Huawei Investment & Holding Co., Ltd.", "Proven Glory", "Proven Honour"):
        assert_not_applied(name, on="2021-08-01", action=EO_14032, reason=Reason.NOT_YET_EFFECTIVE)
        assert_restricted(name, on="2021-08-02", by=EO_14032)


# -- EO 14105 and Treasury's outbound investment rule --------------------------------------------


def test_eo_14105_directs_and_restricts_nothing_itself() -> None:
    """EO 14105 of 2023-08-09 has no prohibitions of its own."""
    action = tracker().action(EO_14105)
    assert action.restricts == ()
    assert_not_in_force(EO_14105, on="2023-08-08")
    assert_in_force(EO_14105, on="2023-08-09")


def test_treasury_outbound_rule_31_cfr_850_effective_2025_01_02() -> None:
    """Treasury's final rule (89 FR 90398), published 2024-11-15, binds from 2025-01-02."""
    action = tracker().action(TREASURY_OUTBOUND_RULE)
    assert action.dates.published is not None and action.dates.published.text() == "2024-11-15"
    assert_not_in_force(TREASURY_OUTBOUND_RULE, on="2024-11-15")
    assert_not_in_force(TREASURY_OUTBOUND_RULE, on="2025-01-01")
    assert_in_force(TREASURY_OUTBOUND_RULE, on="2025-01-02")


# -- China: Unreliable Entity List provisions, Export Control Law ---------------------------------


def test_mofcom_order_2020_no_4_in_force_from_2020_09_19() -> None:
    """MOFCOM Order 2020 No. 4 (Unreliable Entity List provisions) takes effect on promulgation, 2020-09-19."""
    assert_not_in_force(UEL_PROVISIONS, on="2020-09-18")
    assert_in_force(UEL_PROVISIONS, on="2020-09-19")


def test_export_control_law_in_force_from_2020_12_01() -> None:
    """The Export Control Law, adopted 2020-10-17, is in force from 2020-12-01."""
    assert_not_in_force(EXPORT_CONTROL_LAW, on="2020-10-17")
    assert_not_in_force(EXPORT_CONTROL_LAW, on="2020-11-30")
    assert_in_force(EXPORT_CONTROL_LAW, on="2020-12-01")


# -- China: CAC decision on Micron -----------------------------------------------------------------


def test_cac_micron_decision_from_2023_05_21() -> None:
    """CAC's cybersecurity review conclusion of 2023-05-21: CII operators to stop buying Micron products."""
    assert_not_restricted("Micron Technology", on="2023-05-20", jurisdiction="CN")
    assert_restricted("Micron", on="2023-05-21", by=CAC_MICRON, jurisdiction="CN")
    assert_restricted("美光公司", on="2023-05-21", by=CAC_MICRON)
    assert_not_restricted("Micron", on="2023-05-21", jurisdiction="US")


# -- China: gallium, germanium, antimony and superhard materials ------------------------------------


def test_gallium_germanium_licensing_announcement_2023_no_23_from_2023_08_01() -> None:
    """MOFCOM/GAC Announcement 2023 No. 23, issued 2023-07-03, applies from 2023-08-01."""
    assert_not_in_force(GALLIUM_GERMANIUM, on="2023-07-03")
    assert_not_in_force(GALLIUM_GERMANIUM, on="2023-07-31")
    assert_in_force(GALLIUM_GERMANIUM, on="2023-08-01")
    action = tracker().action(GALLIUM_GERMANIUM)
    assert any(t.item and "gallium" in t.item.lower() for t in action.targets)


def test_announcement_2024_no_46_applies_to_the_us_from_2024_12_03() -> None:
    """MOFCOM Announcement 2024 No. 46 (dual-use exports to the U.S.) applies from publication, 2024-12-03."""
    assert_not_in_force(ANNOUNCEMENT_46, on="2024-12-02")
    assert_in_force(ANNOUNCEMENT_46, on="2024-12-03")
    action = tracker().action(ANNOUNCEMENT_46)
    assert all(t.destinations.countries == ("US",) for t in action.targets)


def test_announcement_2025_no_72_suspends_section_2_from_2025_11_09() -> None:
    """MOFCOM's 2025 suspension of section 2 runs 2025-11-09 to 2026-11-27; section 1 stays in force."""
    assert_not_in_force(ANNOUNCEMENT_72, on="2025-11-08")
    assert_in_force(ANNOUNCEMENT_72, on="2025-11-09")
    assert_in_force(ANNOUNCEMENT_72, on="2026-11-27")
    assert_not_in_force(ANNOUNCEMENT_72, on="2026-11-28")
    assert_in_force(ANNOUNCEMENT_46, on="2025-11-09")


# -- India: September and November 2020 blocks under section 69A -----------------------------------


def test_section_69a_block_of_118_apps_from_2020_09_02() -> None:
    """MeitY's section 69A block of 118 apps (incl. PUBG Mobile) of 2020-09-02."""
    for app in ("PUBG MOBILE LITE", "PUBG MOBILE Nordic Map: Livik", "WeChat Work", "Knives Out-No rules, just fight!"):
        assert_not_restricted(app, on="2020-09-01", jurisdiction="IN")
        assert_restricted(app, on="2020-09-02", by=INDIA_118, jurisdiction="IN")


def test_section_69a_block_of_118_apps_names_games_by_their_listed_spelling() -> None:
    """The September 2020 list's game entries resolve by the list's spelling; the owner is not reached."""
    assert_resolves("Ludo All-Star- Play Online Ludo Game & Board Games", "ludo-all-star")
    assert_restricted("Mobile Legends: Pocket", on="2020-09-02", by=INDIA_118)
    assert_not_restricted("Mobile Legends: Pocket", on="2020-09-01", jurisdiction="IN")
    assert_not_restricted("Tencent", on="2020-09-02", jurisdiction="IN")


def test_section_69a_block_of_118_apps_reuses_the_existing_alipay_record() -> None:
    """The September 2020 block names Alipay (existing id alipay); its owner Ant Group is not reached."""
    assert_resolves("Alipay", "alipay")
    assert_not_restricted("Alipay", on="2020-09-01", jurisdiction="IN")
    assert_restricted("Alipay", on="2020-09-02", by=INDIA_118, jurisdiction="IN")
    assert_not_restricted("Ant Group", on="2020-09-02", jurisdiction="IN")


def test_section_69a_block_of_43_apps_from_2020_11_24() -> None:
    """MeitY's section 69A block of 43 apps (incl. AliExpress) of 2020-11-24."""
    for app in ("AliExpress - Smarter Shopping, Better Living", "Alipay Cashier", "DingTalk", "Conquista Online II"):
        assert_not_restricted(app, on="2020-11-23", jurisdiction="IN")
        assert_restricted(app, on="2020-11-24", by=INDIA_43, jurisdiction="IN")


def test_section_69a_block_of_43_apps_does_not_reach_alibaba() -> None:
    """The November 2020 block names Alibaba's apps, not Alibaba Group itself."""
    assert_restricted("AliSuppliers Mobile App", on="2020-11-24", by=INDIA_43)
    assert_not_restricted("Alibaba Group Holding Ltd.", on="2020-11-24", jurisdiction="IN")


def test_section_69a_block_of_43_apps_lists_all_43() -> None:
    """The November 2020 record names every app of the 43-app list."""
    assert len(tracker().action(INDIA_43).targets) == 43
    assert_resolves("WeWorkChina", "we-work-china")
