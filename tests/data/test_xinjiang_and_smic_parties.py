"""Every party of the Xinjiang Entity List rules (84 FR 54002, Oct 2019; 85 FR 34505, June 2020) and the SMIC/DJI rule
(85 FR 83416, FR Doc. 2020-28031, Dec 2020), named from the April 2022 Consolidated Screening List."""

from __future__ import annotations

import pytest

from sanctiontrack import EntityKind
from tests.data.facts import assert_not_restricted, assert_resolves, assert_restricted, tracker

OCT_2019 = "us-bis-2019-xinjiang-entity-list"  # 84 FR 54002, FR Doc. 2019-22210
JUNE_2020 = "us-bis-2020-xinjiang-entity-list"  # 85 FR 34505 (page cited by the CSL)
DEC_2020 = "us-bis-2020-smic-dji-entity-list"  # 85 FR 83416, FR Doc. 2020-28031

# The 18 bodies of 84 FR 54002 that the first version of the dataset could not name, by their CSL names.
OCT_2019_NEW_BODIES = [
    "Aksu District Public Security Bureau",
    "Altay Municipality Public Security Bureau",
    "Bayingolin Mongolian Autonomous Prefecture Public Security Bureau",
    "Boertala Mongolian Autonomous Prefecture Public Security Bureau",
    "Changji Hui Autonomous Prefecture Public Security Bureau",
    "Hami Municipality Public Security Bureau",
    "Hetian Prefecture Public Security Bureau",
    "Kashgar Prefecture Public Security Bureau",
    "Kelamayi Municipality Public Security Bureau",
    "Kezilesu Kyrgyz Autonomous Prefecture Public Security Bureau",
    "Shihezi Municipality Public Security Bureau",
    "Tacheng Prefecture Public Security Bureau",
    "Tumushuke Municipal Public Security Bureau",
    "Turfan Municipality Public Security Bureau",
    "Urumqi Municipal Public Security Bureau",
    "Wujiaqu Municipality Public Security Bureau",
    "Yili Kazakh Autonomous Prefecture Public Security Bureau",
    "Xinjiang Police College",
]

# The nine parties of 85 FR 34505, by their April 2022 CSL names (damaged characters as the list has them).
JUNE_2020_PARTIES = [
    "Aksu Huafu Textiles Co.",
    "CloudWalk Technology",
    "FiberHome Technologies Group",
    "IS?Vision",
    "Intellifusion",
    "Ministry of Public Security?s Institute of Forensic Science of China",
    "Nanjing FiberHome Starrysky Communication Development Co.",
    "NetPosa",
    "SenseNets",
]

DEC_2020_PERSONS = [
    "Chong Zhou",
    "Dimitar Milanov Dimitrov",
    "Feroz Ahmed Akbar",
    "Huisui Zhang",
    "Ilias Kharesovich Sabirov",
    "Jinping Chen",
    "Mariana Marinova Gargova",
    "Milan Dimitrov",
    "Wei Pang",
    "Zhao Gang",
]


def _entity(name: str):
    entity, _ = tracker().entities.resolve(name)
    return entity


def _target_ids(action: str) -> list[str]:
    return [t.entity for t in tracker().action(action).targets if t.entity]


# ---- 84 FR 54002 (October 2019)


def test_urumqi_psb_listed_by_84_fr_54002_from_2019_10_09() -> None:
    assert_not_restricted("Urumqi Municipal Public Security Bureau", on="2019-10-08")
    assert_restricted("Urumqi Municipal Public Security Bureau", on="2019-10-09", by=OCT_2019)


@pytest.mark.parametrize("body", OCT_2019_NEW_BODIES)
def test_each_subordinate_body_listed_by_84_fr_54002_on_2019_10_09_not_before(body: str) -> None:
    assert_not_restricted(body, on="2019-10-08", jurisdiction="US")
    assert_restricted(body, on="2019-10-09", by=OCT_2019)


def test_84_fr_54002_has_28_targets() -> None:
    """XUAR People's Government PSB + 18 subordinate bureaus + Xinjiang Police College + 8 companies."""
    ids = _target_ids(OCT_2019)
    assert len(ids) == len(set(ids)) == 28
    kinds = [tracker().entities.get(i).kind for i in ids]
    assert kinds.count(EntityKind.GOVERNMENT_BODY) == 19
    assert kinds.count(EntityKind.COMPANY) == 8


def test_xpcc_psb_is_one_of_the_28_of_84_fr_54002_as_the_csl_spells_it() -> None:
    [target] = [t for t in tracker().action(OCT_2019).targets if t.entity == "xpcc-psb"]
    assert target.listed_as == "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau"
    assert_resolves("Xinjiang Production and Construction Corps (XPCC) Public Security Bureau", "xpcc-psb")


def test_xuar_psb_keeps_the_csl_damaged_spelling_as_listed_as_84_fr_54002() -> None:
    [target] = [t for t in tracker().action(OCT_2019).targets if t.entity == "xinjiang-psb"]
    assert target.listed_as == "Xinjiang Uighur Autonomous Region (XUAR) People?s Government Public Security Bureau"
    assert "?" not in tracker().entities.get("xinjiang-psb").name


def test_aliases_of_84_fr_54002_entries_resolve() -> None:
    assert_resolves("Karamay Municipality Public Security Bureau", "kelamayi-psb")
    assert_resolves("Kumul Municipality Public Security Bureau", "hami-psb")
    assert_resolves("Hotan Prefecture Public Security Bureau", "hetian-psb")
    assert_resolves("Beijing Sensetime Technology Development Co., Ltd.", "sensetime")
    assert_resolves("Sense Time", "sensetime")


# ---- 85 FR 34505 (June 2020)


@pytest.mark.parametrize("party", JUNE_2020_PARTIES)
def test_each_party_listed_by_85_fr_34505_on_2020_06_05_not_before(party: str) -> None:
    assert_not_restricted(party, on="2020-06-04", jurisdiction="US")
    assert_restricted(party, on="2020-06-05", by=JUNE_2020)


def test_85_fr_34505_has_9_targets() -> None:
    ids = _target_ids(JUNE_2020)
    assert len(ids) == len(set(ids)) == 9
    assert not set(ids) & set(_target_ids(OCT_2019))


def test_netposa_not_on_the_list_in_2019_despite_the_csl_prefix_84_fr_54004() -> None:
    """The CSL prefixes NetPosa's entry with 84 FR 54004 and 2019-10-09; it was a June 2020 party (85 FR 34505)."""
    assert_not_restricted("NetPosa", on="2019-10-09", jurisdiction="US")
    assert_not_restricted("SenseNets", on="2020-01-15", jurisdiction="US")


def test_institute_of_forensic_science_by_its_corrected_name_85_fr_34505() -> None:
    assert_restricted("Ministry of Public Security's Institute of Forensic Science of China", on="2020-06-05", by=JUNE_2020)
    aka = "Forensic Identification Center of the Ministry of Public Security of the People's Republic of China"
    assert _entity(aka).id == "mps-institute-of-forensic-science"
    assert _entity(aka).kind is EntityKind.GOVERNMENT_BODY


# ---- 85 FR 83416 (December 2020)


@pytest.mark.parametrize(
    "name",
    [
        "Semiconductor Manufacturing International Corporation (SMIC)",
        "SMIC",
        "Semiconductor Manufacturing International (Beijing) Corporation",
        "SMIC Northern Integrated Circuit Manufacturing (Beijing) Co., Ltd.",
        "DJI",
        "SZ DJI Technology Co., Ltd.",
        "Tongfang NucTech Technology Ltd.",
        "China State Shipbuilding Corporation, Limited (CSSC) 760th Research Institut",
    ],
)
def test_listed_by_85_fr_83416_effective_2020_12_18_not_on_2020_12_17(name: str) -> None:
    assert_not_restricted(name, on="2020-12-17", jurisdiction="US")
    assert_restricted(name, on="2020-12-18", by=DEC_2020)


def test_85_fr_83416_effective_four_days_before_publication() -> None:
    dates = tracker().action(DEC_2020).dates
    assert dates.effective.date.to_date_string() == "2020-12-18"
    assert dates.published.date.to_date_string() == "2020-12-22"


def test_85_fr_83416_has_76_of_its_77_targets() -> None:
    """The rule adds 77 entities under 78 entries; the April 2022 CSL shows 76 of them, the 77th is not identified
    (see the action's notes)."""
    ids = _target_ids(DEC_2020)
    assert len(ids) == len(set(ids)) == 76
    assert any("77th entity is not identified" in n.text for n in tracker().action(DEC_2020).notes)


@pytest.mark.parametrize("person", DEC_2020_PERSONS)
def test_individuals_on_85_fr_83416_are_persons(person: str) -> None:
    entity = _entity(person)
    assert entity.kind is EntityKind.PERSON
    assert entity.id in _target_ids(DEC_2020)


def test_smic_beijing_is_a_subsidiary_of_smic_and_the_others_only_affiliates() -> None:
    beijing = tracker().entities.get("smic-beijing")
    assert [(link.relation.value, link.entity) for link in beijing.links] == [("subsidiary_of", "smic")]
    north = tracker().entities.get("smic-north")
    assert [(link.relation.value, link.entity) for link in north.links] == [("affiliate_of", "smic")]


def test_smic_subsidiary_is_listed_by_name_not_through_smic_85_fr_83416() -> None:
    answer = tracker().restrictions("SMIC Beijing", on="2020-12-18")
    [found] = [r for r in answer.restrictions if r.action.id == DEC_2020]
    assert found.basis.value == "named"


def test_hikvision_and_dahua_are_not_parties_of_85_fr_83416() -> None:
    assert "hikvision" not in _target_ids(DEC_2020) and "dahua" not in _target_ids(DEC_2020)
    assert_restricted("Hikvision", on="2020-12-18", by=OCT_2019)


# ---- names a user types


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("杭州海康威视数字技术股份有限公司", "hikvision"),
        ("浙江大华技术股份有限公司", "dahua"),
        ("科大讯飞股份有限公司", "iflytek"),
        ("厦门市美亚柏科信息股份有限公司", "meiya-pico"),
        ("中芯国际集成电路制造有限公司", "smic"),
        ("中芯國際集成電路製造有限公司", "smic"),
        ("深圳市大疆创新科技有限公司", "dji"),
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", "hikvision"),
        ("SMIC Shanghai", "smic"),
        ("Da-Jiang Innovations", "dji"),
    ],
)
def test_registered_and_brand_names_resolve(name: str, entity: str) -> None:
    assert_resolves(name, entity)


def test_smic_by_han_name_restricted_from_2020_12_18() -> None:
    assert_not_restricted("中芯国际集成电路制造有限公司", on="2020-12-17", jurisdiction="US")
    assert_restricted("中芯国际集成电路制造有限公司", on="2020-12-18", by=DEC_2020)


def test_dji_by_han_name_restricted_from_2020_12_18() -> None:
    assert_restricted("深圳市大疆创新科技有限公司", on="2020-12-18", by=DEC_2020)
