"""U.S. BIS and FCC actions 2018-2024 (data/history/us-bis-fcc-2018-2024.yaml), checked as point-in-time facts.

Each test names its instrument. Item-based export rules (no named party) are checked through
``tracker().in_force(on=...)``; listings and FCC orders through the named parties.
"""

from __future__ import annotations

import pytest

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

JINHUA = "us-bis-2018-fujian-jinhua-entity-list"
SUPERCOMPUTING = "us-bis-2019-supercomputing-entity-list"
MEU_RULE = "us-bis-2020-military-end-use-rule"
MEU_LIST = "us-bis-2020-meu-list"
OCT_2022 = "us-bis-2022-advanced-computing-semiconductor-rule"
YMTC_LISTING = "us-bis-2022-ymtc-entity-list"
AC_2023 = "us-bis-2023-advanced-computing-rule"
SME_2023 = "us-bis-2023-semiconductor-manufacturing-rule"
FDP_2024 = "us-bis-2024-fdp-semiconductor-rule"
EL_2024 = "us-bis-2024-semiconductor-entity-list"
COVERED_LIST = "us-fcc-2021-covered-list"
COVERED_LIST_2022 = "us-fcc-2022-covered-list-march-update"
EQUIPMENT_BAN = "us-fcc-2022-equipment-authorization-ban"
CTA_REVOCATION = "us-fcc-2021-china-telecom-americas-revocation"


def _operative_ids(name: str, on: str) -> set[str]:
    return {r.action.id for r in tracker().restrictions(name, on=on).restrictions}


# ---- Fujian Jinhua, 83 FR 54519 ----


def test_fujian_jinhua_announced_2018_10_29_but_not_yet_listed_by_83_fr_54519() -> None:
    assert_not_applied("Fujian Jinhua", on="2018-10-29", action=JINHUA, reason=Reason.NOT_YET_EFFECTIVE)
    assert_not_restricted("Fujian Jinhua Integrated Circuit Co., Ltd.", on="2018-10-29")


def test_fujian_jinhua_listed_by_83_fr_54519_from_2018_10_30_under_its_listed_spelling() -> None:
    assert_restricted("Fujian Jinhua Integrated Circuit Company, Ltd.", on="2018-10-30", by=JINHUA)
    assert_restricted("JHICC", on="2018-10-30", by=JINHUA)


# ---- June 2019 supercomputing listings, 84 FR 29371 (FR Doc 2019-13245) ----

SUPERCOMPUTING_PARTIES = [
    "Sugon",
    "Higon",
    "Chengdu Haiguang Integrated Circuit",
    "Chengdu Haiguang Microelectronics Technology",
    "Wuxi Jiangnan Institute of Computing Technology",
]


@pytest.mark.parametrize("party", SUPERCOMPUTING_PARTIES)
def test_supercomputing_party_listed_by_84_fr_29371_from_2019_06_24(party: str) -> None:
    assert_not_restricted(party, on="2019-06-23")
    assert_restricted(party, on="2019-06-24", by=SUPERCOMPUTING)


def test_sugon_announced_2019_06_21_not_restricted_until_84_fr_29371_takes_effect() -> None:
    assert_not_applied("Dawning", on="2019-06-21", action=SUPERCOMPUTING, reason=Reason.NOT_YET_EFFECTIVE, mentions="effective 2019-06-24")


def test_sugon_aliases_on_the_84_fr_29371_entry_resolve_to_one_entity() -> None:
    for alias in ("Dawning Information Industry", "Zhongke Shuguang", "Tianjin Shuguang Computer Industry", "Sugon"):
        assert_resolves(alias, "sugon")
    assert_resolves("Hygon", "chengdu-haiguang-integrated-circuit")
    assert_resolves("Higon", "higon")


# ---- Military end-use/end-user rule 85 FR 23459 and the first MEU List 85 FR 83793 ----


def test_military_end_use_rule_85_fr_23459_published_april_but_in_force_from_2020_06_29() -> None:
    assert_not_in_force(MEU_RULE, on="2020-04-28")
    assert_not_in_force(MEU_RULE, on="2020-06-28")
    assert_in_force(MEU_RULE, on="2020-06-29")


def test_first_meu_list_85_fr_83793_in_force_from_2020_12_23() -> None:
    assert_not_in_force(MEU_LIST, on="2020-12-22")
    assert_in_force(MEU_LIST, on="2020-12-23")


# ---- October 2022 interim final rule, 87 FR 62186 (FR Doc 2022-21658), and its 2023 replacements ----


def test_october_2022_rule_87_fr_62186_in_force_from_2022_10_07_before_fr_publication() -> None:
    assert_not_in_force(OCT_2022, on="2022-10-06")
    assert_in_force(OCT_2022, on="2022-10-07")


def test_october_2022_rule_87_fr_62186_records_its_three_staged_effective_dates() -> None:
    staged = {p.id: p.effective.date.to_date_string() for p in tracker().action(OCT_2022).restricts if p.effective}
    assert staged == {"ac-items-license": "2022-10-07", "us-person-support": "2022-10-12", "fdp-and-end-use": "2022-10-21"}


def test_2023_rules_88_fr_73458_and_88_fr_73424_replace_the_2022_rule_on_2023_11_17() -> None:
    for rule in (AC_2023, SME_2023):
        assert_not_in_force(rule, on="2023-11-16")
        assert_in_force(rule, on="2023-11-17")
    assert_in_force(OCT_2022, on="2023-11-16")
    assert_not_in_force(OCT_2022, on="2023-11-17")


def test_december_2024_rules_fr_2024_28270_and_2024_28267_in_force_from_2024_12_02() -> None:
    for rule in (FDP_2024, EL_2024):
        assert_not_in_force(rule, on="2024-12-01")
        assert_in_force(rule, on="2024-12-02")
    # the 2024 rule amends the 2023 rules; it does not end them
    assert_in_force(AC_2023, on="2024-12-02")
    assert_in_force(SME_2023, on="2024-12-02")


# ---- December 2022 Entity List additions, 87 FR 77505 ----


def test_ymtc_announced_2022_12_15_listed_by_87_fr_77505_from_2022_12_16() -> None:
    assert_not_applied("YMTC", on="2022-12-15", action=YMTC_LISTING, reason=Reason.NOT_YET_EFFECTIVE)
    assert_not_restricted("Yangtze Memory Technologies Co., Ltd.", on="2022-12-15")
    assert_restricted("Yangtze Memory Technologies", on="2022-12-16", by=YMTC_LISTING)


def test_ymtc_by_its_han_script_name_restricted_by_87_fr_77505() -> None:
    assert_resolves("長江存儲", "ymtc")
    assert_restricted("長江存儲", on="2023-01-03", by=YMTC_LISTING)


DECEMBER_2022_PARTIES = [
    "Cambricon Technologies Corporation Limited",
    "Cambricon (Xi'an) Integrated Circuit Co., Ltd.",
    "Tiandy Technologies",
]


@pytest.mark.parametrize("party", DECEMBER_2022_PARTIES)
def test_other_named_parties_listed_by_87_fr_77505_from_2022_12_16(party: str) -> None:
    assert_not_restricted(party, on="2022-12-15")
    assert_restricted(party, on="2022-12-16", by=YMTC_LISTING)


# ---- FCC Covered List (Secure and Trusted Communications Networks Act, 47 U.S.C. 1602) ----


def test_covered_list_published_2021_03_12_but_subsidy_ban_pending_60_days_under_47_usc_1602() -> None:
    assert COVERED_LIST not in _operative_ids("Hikvision", "2021-03-12")
    assert_not_applied("Hikvision", on="2021-05-10", action=COVERED_LIST, reason=Reason.NOT_YET_EFFECTIVE)


def test_covered_list_subsidy_ban_47_usc_1602_applies_from_2021_05_11() -> None:
    for company in ("Huawei", "ZTE", "Hytera", "Hikvision", "Dahua"):
        assert_restricted(company, on="2021-05-11", by=COVERED_LIST)


def test_covered_list_march_2022_update_reaches_china_mobile_international_usa_from_2022_05_24() -> None:
    assert_not_restricted("China Mobile International USA Inc.", on="2022-05-23")
    assert_restricted("China Mobile International USA Inc.", on="2022-05-24", by=COVERED_LIST_2022)


# ---- FCC 22-84 equipment authorization ban (88 FR 7592) ----


def test_fcc_22_84_adopted_2022_11_11_but_binding_only_from_fr_publication_2023_02_06() -> None:
    assert_not_applied("Huawei", on="2022-11-11", action=EQUIPMENT_BAN, reason=Reason.NOT_YET_EFFECTIVE)
    assert EQUIPMENT_BAN not in _operative_ids("Dahua", "2023-02-05")
    assert_restricted("Dahua", on="2023-02-06", by=EQUIPMENT_BAN)
    assert_restricted("ZTE", on="2023-02-06", by=EQUIPMENT_BAN)


# ---- FCC 21-114, China Telecom (Americas) section 214 revocation ----


def test_china_telecom_americas_unrestricted_until_fcc_21_114_deadline() -> None:
    assert_not_applied("China Telecom Americas", on="2021-10-26", action=CTA_REVOCATION, reason=Reason.NOT_YET_EFFECTIVE)
    assert_not_restricted("China Telecom (Americas) Corporation", on="2022-01-02")


def test_china_telecom_americas_barred_by_fcc_21_114_from_2022_01_03() -> None:
    assert_restricted("China Telecom (Americas) Corporation", on="2022-01-03", by=CTA_REVOCATION)
    assert_restricted("China Telecom (USA) Corporation", on="2022-01-03", by=CTA_REVOCATION)


def test_fcc_21_114_restricts_cta_only_not_its_chinese_parents() -> None:
    revocation = "us-fcc-2021-china-telecom-americas-revocation"
    assert_restricted("China Telecom (Americas) Corporation", on="2022-01-03", by=revocation)
    for parent in ("China Telecom Corporation Limited", "China Telecommunications Corporation"):
        operative = {r.action.id for r in tracker().restrictions(parent, on="2022-01-03").restrictions}
        assert revocation not in operative, f"{parent} is not reached by FCC 21-114 (EO 14032 restricts it otherwise)"
    assert_resolves("中国电信股份有限公司", "china-telecom-corporation-limited")
    assert_resolves("中国电信集团有限公司", "china-telecom-corp")


def test_cta_ownership_chain_is_dated_2007() -> None:
    entity, _ = tracker().entities.resolve("China Telecom (Americas) Corporation")
    links = {(link.entity, link.relation.value) for link in entity.links}
    assert links == {("china-telecom-corp", "subsidiary_of"), ("china-telecom-corporation-limited", "subsidiary_of")}
    until = next(link.until for link in entity.links if link.entity == "china-telecom-corp")
    start = next(link.start for link in entity.links if link.entity == "china-telecom-corporation-limited")
    assert until is not None and start is not None
    assert until.date.year == start.date.year == 2007


def test_group_entities_other_files_reference_resolve() -> None:
    assert_resolves("China Mobile Communications Group Co., Ltd.", "china-mobile-group")
    assert_resolves("China United Network Communications Group Co., Ltd.", "china-unicom-group")
    assert_resolves("China Unicom", "china-unicom-group")
