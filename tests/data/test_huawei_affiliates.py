"""Every party of the three Huawei Entity List rules: 84 FR 22961 (May 2019), 84 FR 43493 (August 2019), 85 FR 51596 (August 2020).

Names are the April 2022 Consolidated Screening List spellings (data/entity-list/huawei-affiliates.yaml).
"""

from __future__ import annotations

from functools import cache

import pytest

from sanctiontrack import Reason
from tests.data.facts import (
    assert_exempted,
    assert_not_applied,
    assert_not_restricted,
    assert_resolves,
    assert_restricted,
    tracker,
)

MAY_2019 = "us-bis-2019-huawei-entity-list"  # 84 FR 22961, FR Doc 2019-10616
AUG_2019 = "us-bis-2019-huawei-affiliates-aug"  # 84 FR 43493, FR Doc 2019-17921
AUG_2020 = "us-bis-2020-huawei-affiliates-aug"  # 85 FR 51596
LISTINGS = (MAY_2019, AUG_2019, AUG_2020)


@cache
def _targets(action: str) -> tuple[tuple[str, bool], ...]:
    return tuple((t.entity, t.counted) for t in tracker().action(action).targets if t.entity is not None)


def _listed_on(day: str, actions: tuple[str, ...]) -> set[str]:
    """Entities that one of ``actions`` restricted on ``day``, asked entity by entity through the public API."""
    candidates = {eid for action in actions for eid, _ in _targets(action)}
    listed = set()
    for eid in candidates:
        operative = {r.action.id for r in tracker().restrictions(eid, on=day).restrictions}
        if operative & set(actions):
            listed.add(eid)
    return listed


# -- the May 2019 rule, 84 FR 22961, effective 2019-05-16 (16:15 Eastern) ---------------------------


@pytest.mark.parametrize("name", ["Huawei Device Co., Ltd.", "华为终端有限公司", "Songshan Lake Southern Factory"])
def test_huawei_device_listed_by_84_fr_22961_from_2019_05_16(name: str) -> None:
    assert_not_restricted(name, on="2019-05-15")
    assert_restricted(name, on="2019-05-16", by=MAY_2019)


HISILICON_NAMES = ["HiSilicon", "HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District", "海思半导体有限公司", "海思"]


@pytest.mark.parametrize("name", HISILICON_NAMES)
def test_hisilicon_listed_by_84_fr_22961_by_brand_listed_and_han_names(name: str) -> None:
    assert_resolves(name, "hisilicon")
    assert_not_restricted(name, on="2019-05-15")
    assert_restricted(name, on="2019-05-16", by=MAY_2019)


def test_hisilicon_listed_from_the_public_inspection_instant_of_84_fr_22961() -> None:
    before = tracker().restrictions("HiSilicon", at="2019-05-16T12:00-04:00")
    after = tracker().restrictions("HiSilicon", at="2019-05-16T17:00-04:00")
    assert MAY_2019 not in {r.action.id for r in before.restrictions}
    assert MAY_2019 in {r.action.id for r in after.restrictions}


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Chengdu Huawei High-Tech Investment Co., Ltd., Chengdu, Sichuan", "chengdu-huawei-high-tech-investment"),
        ("Xi?an Huawei Technologies Co., Ltd., Xi?an, Shaanxi", "xian-huawei-technologies"),
        ("Xi'an Huawei Technologies Co., Ltd.", "xian-huawei-technologies"),
        ("Guiyan New District Huawei Investment Co., Ltd., Guiyang, Guizhou", "guian-new-district-huawei-investment"),
        ("Guian New District Huawei Investment Co., Ltd., Guiyang, Guizhou", "guian-new-district-huawei-investment"),
        ("Huawei Technologies Co. Ltd., Tsim Sha Tsui", "huawei-technologies-hong-kong"),
        ("Huawei Technologies Co\u201dperatief U.A.", "huawei-technologies-cooperatief"),
        ("Huawei Technology (Cairo)", "huawei-technology-egypt"),
        ("Huawei Technologies Co., Ltd. (Huawei)", "huawei"),
        ("Shenzhen Huawei Technologies", "huawei"),
    ],
)
def test_84_fr_22961_entries_resolve_by_their_listed_spellings(name: str, entity: str) -> None:
    assert_resolves(name, entity)


@pytest.mark.parametrize("name", ["Xi?an Huawei Technologies Co., Ltd., Xi?an, Shaanxi", "Proven Glory", "Huawei Technologies Japan K.K."])
def test_other_84_fr_22961_affiliates_listed_from_2019_05_16(name: str) -> None:
    assert_not_restricted(name, on="2019-05-15")
    assert_restricted(name, on="2019-05-16", by=MAY_2019)


def test_may_2019_affiliate_gets_the_temporary_general_license_of_84_fr_23468() -> None:
    assert_exempted("Huawei Device Co., Ltd.", on="2019-05-20", restriction=MAY_2019, by="us-bis-2019-huawei-tgl")


def test_84_fr_22961_names_huawei_and_65_affiliates_for_certain() -> None:
    counted = [eid for eid, ok in _targets(MAY_2019) if ok]
    assert len(counted) == len(set(counted)) == 66
    assert "huawei" in counted and "huawei-device" in counted and "hisilicon" in counted


def test_84_fr_22961_on_2019_06_01_restricts_66_entities_and_no_sub_entry() -> None:
    assert len(_listed_on("2019-06-01", (MAY_2019,))) == 66
    assert len(_listed_on("2019-05-15", (MAY_2019,))) == 0


# -- the 22 affiliated entities inside the Huawei entry: 3 from May 2019 (unknown which), 19 from August 2019


def test_84_fr_22961_possibly_named_the_22_affiliated_entities_of_the_huawei_entry() -> None:
    unconfirmed = {eid for eid, ok in _targets(MAY_2019) if not ok}
    in_huawei_entry = {t.entity for t in tracker().action(AUG_2019).targets if t.note and "inside the Huawei entry" in t.note}
    assert len(unconfirmed) == 22
    assert unconfirmed == in_huawei_entry


@pytest.mark.parametrize("name", ["Huawei Marine Networks Co., Ltd.", "HMN Tech", "Beijing Huawei Longshine"])
def test_sub_entry_possibly_named_in_june_2019_never_counted(name: str) -> None:
    assert_not_restricted(name, on="2019-06-01")
    assert_not_applied(name, on="2019-06-01", action=MAY_2019, reason=Reason.POSSIBLY_NAMED, mentions="possibly named")


def test_sub_entry_listed_by_84_fr_43493_from_2019_08_19_not_by_the_may_rule() -> None:
    name = "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Huawei Marine Networks Co., Ltd."
    assert_resolves(name, "huawei-marine-networks")
    assert_not_restricted(name, on="2019-08-18")
    assert_restricted(name, on="2019-08-19", by=AUG_2019)
    operative = {r.action.id for r in tracker().restrictions(name, on="2019-09-01").restrictions}
    assert MAY_2019 not in operative


# -- the August 2019 rule, 84 FR 43493, effective 2019-08-19 -----------------------------------------


AUG_2019_NAMES = [
    "Huawei Technologies (UK) Co., Ltd.",
    "Huawei Software Technologies Co. Ltd.",
    "BellHuawei Technologies LLC.",
    "Huawei France",
]


@pytest.mark.parametrize("name", AUG_2019_NAMES)
def test_august_2019_affiliate_listed_by_84_fr_43493_from_2019_08_19(name: str) -> None:
    assert_not_restricted(name, on="2019-08-18")
    assert_restricted(name, on="2019-08-19", by=AUG_2019)


def test_84_fr_43493_new_zealand_entry_keeps_its_id_under_the_listed_name() -> None:
    assert_resolves("Huawei Technologies (New Zealand) Company Limited", "huawei-new-zealand")
    assert_resolves("Huawei New Zealand", "huawei-new-zealand")
    assert_restricted("Huawei Technologies (New Zealand) Company Limited", on="2019-08-19", by=AUG_2019)


def test_august_2019_affiliate_gets_the_license_extension_of_84_fr_43487() -> None:
    assert_exempted("Huawei Technologies (UK) Co., Ltd.", on="2019-08-19", restriction=AUG_2019, by="us-bis-2019-huawei-tgl-extension-aug")


def test_84_fr_43493_names_27_new_entries_and_the_22_inside_the_huawei_entry() -> None:
    targets = _targets(AUG_2019)
    assert len(targets) == len({eid for eid, _ in targets}) == 49 and all(ok for _, ok in targets)
    unconfirmed_may = {eid for eid, ok in _targets(MAY_2019) if not ok}
    assert len({eid for eid, _ in targets} - unconfirmed_may) == 27


def test_2019_rules_list_huawei_and_114_affiliates_by_2019_08_19() -> None:
    """69 (84 FR 22961) + 46 (84 FR 43493) = the 115 entities the November 2019 TGL rule (84 FR 64018) covers."""
    assert len(_listed_on("2019-08-19", (MAY_2019, AUG_2019))) == 115
    assert len(_listed_on("2019-08-18", (MAY_2019, AUG_2019))) == 66


# -- the August 2020 rule, 85 FR 51596, effective 2020-08-17 (reported) ------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Huawei Cloud Peru",
        "Toga Networks",
        "Huawei Mexico City OpenLab",
        "Huawei Research & Development (UK) Ltd",
        "Ulan Qab Huawei Cloud Computing Technology",
        "Huawei Technologies Dusseldorf GmbH",
    ],
)
def test_august_2020_affiliate_listed_by_85_fr_51596_from_2020_08_17(name: str) -> None:
    assert_not_restricted(name, on="2020-08-16", jurisdiction="US")
    assert_restricted(name, on="2020-08-17", by=AUG_2020)


def test_august_2020_affiliate_gets_only_the_security_research_carve_out_of_85_fr_51596() -> None:
    assert_exempted("Huawei Cloud Peru", on="2020-08-17", restriction=AUG_2020, by="us-bis-2020-huawei-security-research-authorization")


def test_85_fr_51596_names_38_affiliates() -> None:
    targets = _targets(AUG_2020)
    assert len(targets) == len({eid for eid, _ in targets}) == 38 and all(ok for _, ok in targets)


def test_three_rules_list_huawei_and_152_affiliates_by_2020_08_17() -> None:
    """115 entities from 2019 plus 38 from 85 FR 51596: Huawei and 152 affiliates."""
    assert len(_listed_on("2020-08-17", LISTINGS)) == 153
    assert len(_listed_on("2020-08-16", LISTINGS)) == 115


# -- the records behind the targets ------------------------------------------------------------------


def test_every_listed_as_of_the_three_rules_is_a_name_of_its_entity() -> None:
    for action in LISTINGS:
        for target in tracker().action(action).targets:
            entity = tracker().entities[target.entity]
            assert target.listed_as in entity.names, (action, target.entity, target.listed_as)


def test_every_affiliate_of_the_three_rules_is_linked_to_huawei() -> None:
    for action in LISTINGS:
        for eid, _ in _targets(action):
            if eid == "huawei":
                continue
            links = tracker().entities[eid].links
            assert any(link.entity == "huawei" for link in links), (action, eid)
