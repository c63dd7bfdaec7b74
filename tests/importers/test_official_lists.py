"""Facts on the real official lists: the bundled 2022 CSL and 2019 DPL answer point in time, merged with the curated data."""

from __future__ import annotations

from pathlib import Path

import pytest

import sanctiontrack
from sanctiontrack import ActionKind, Confidence, Tracker, import_csl, import_dpl
from tests.data.facts import assert_not_restricted, assert_restricted

ROOT = Path(__file__).resolve().parents[2]
OFFICIAL = ROOT / "data" / "official"
CSL_2022 = OFFICIAL / "consolidated-2022-04.csv.gz"
CSL_2023 = OFFICIAL / "consolidated-2023-11-subset.csv.gz"
DPL = OFFICIAL / "dpl.txt"


@pytest.fixture(scope="module")
def curated() -> sanctiontrack.Dataset:
    return sanctiontrack.load(official=False).dataset


def test_a_huawei_affiliate_listed_in_may_2019_is_restricted_from_its_effective_instant() -> None:
    # The CSL spelling (with the list's own damage) finds the curated entity; the curated rule's 2019-05-16 16:15 ET wins.
    assert_restricted("Huawei Technologies Co”peratief U.A.", on="2019-05-16", by="us-bis-2019-huawei-entity-list")
    assert_not_restricted("Huawei Technologies Co”peratief U.A.", on="2019-05-15")


def test_smic_first_cited_in_85_fr_83416_is_restricted_from_its_effective_date() -> None:
    assert_restricted("Semiconductor Manufacturing International Corporation", on="2020-12-18", by="us-bis-2020-smic-dji-entity-list")
    before = sanctiontrack.load().restrictions("Semiconductor Manufacturing International Corporation", on="2020-12-17")
    assert "us-bis-2020-smic-dji-entity-list" not in {r.action.id for r in before.restrictions}


def test_a_listing_the_curated_data_lacks_is_restricted_from_the_publication_date_it_gives_and_says_so() -> None:
    # 140 Repair Plant JSC: 87 FR 20299, CSL start_date 2022-04-07, no curated action for that rule.
    assert_restricted("140 Repair Plant JSC", on="2022-04-07")
    assert_not_restricted("140 Repair Plant JSC", on="2022-04-06")
    (restriction,) = sanctiontrack.load().restrictions("140 Repair Plant JSC", on="2022-04-07").restrictions
    assert restriction.action.dates.published is not None and str(restriction.action.dates.published) == "2022-04-07"
    assert restriction.action.dates.effective is not None and restriction.action.dates.effective.confidence is Confidence.INFERRED


def test_a_denied_person_is_restricted_between_the_orders_effective_and_expiration_dates() -> None:
    # DPL: ADRIAN MANUEL HERNANDEZ, effective 10/16/2017, expiring 10/13/2020 (82 F.R. 48792).
    assert_not_restricted("ADRIAN MANUEL HERNANDEZ", on="2017-10-15")
    assert_restricted("ADRIAN MANUEL HERNANDEZ", on="2017-10-16")
    assert_restricted("ADRIAN MANUEL HERNANDEZ", on="2020-10-12")
    assert_not_restricted("ADRIAN MANUEL HERNANDEZ", on="2020-10-13")


def test_huawei_is_one_entity_carrying_the_csl_row_ids_of_its_entries() -> None:
    tracker = sanctiontrack.load()
    found, _ = tracker.entities.resolve("Huawei Technologies Co., Ltd. (Huawei)")
    assert found.id == "huawei"
    assert any(i.scheme == "csl" for i in found.identifiers)
    assert "Huawei Technologies Co., Ltd. (Huawei)" in found.names
    same = [
        e.id
        for e in tracker.entities
        if sanctiontrack.name_key("Huawei Technologies Co., Ltd. (Huawei)") in map(sanctiontrack.name_key, e.names)
    ]
    assert same == ["huawei"]


def test_two_companies_whose_names_differ_in_legal_form_only_are_kept_apart_with_their_own_dates() -> None:
    # Corad Technology Limited (HK) was listed by 84 FR 40241 in 2019; Corad Technology Pte Ltd. (SG) by 86 FR 67319 in 2021.
    assert_restricted("Corad Technology Limited", on="2020-01-01")
    assert_not_restricted("Corad Technology Pte Ltd.", on="2021-01-01")
    assert_restricted("Corad Technology Pte Ltd.", on="2022-01-01")
    tracker = sanctiontrack.load()
    hk, _ = tracker.entities.resolve("Corad Technology Limited")
    sg, _ = tracker.entities.resolve("Corad Technology Pte Ltd.")
    assert (hk.country, sg.country) == ("HK", "SG") and hk.id != sg.id


def test_one_company_listed_under_two_countries_headings_by_one_rule_stays_one_entity() -> None:
    tracker = sanctiontrack.load()
    cn, _ = tracker.entities.resolve("Xian Semi Electronic Co., Ltd")  # listed under China and Hong Kong by 76 FR 71867
    hk, _ = tracker.entities.resolve("Xian Semi Electronic Co., Ltd.")
    assert cn.id == hk.id


def test_keeping_two_parties_of_one_name_key_apart_is_reported_for_review(curated: sanctiontrack.Dataset) -> None:
    _, report = import_csl(CSL_2022, curated=curated)
    kept_apart = [m for m in report.ambiguous if "imported as a separate party" in m]
    assert len(kept_apart) == 1 and ":3320:" in kept_apart[0] and "'Corad Technology Pte Ltd.'" in kept_apart[0]


def test_the_bundled_dataset_knows_every_listed_party(tracker: Tracker) -> None:
    assert len(tracker.entities) > 13_000
    assert {s.id for s in tracker.snapshots} >= {"csl-2022-04", "dpl-2019-06"}
    assert_restricted("HiSilicon", on="2019-06-01")
    assert_restricted("SZ DJI Technology Co., Ltd.", on="2020-12-18")


def test_every_row_of_the_2022_csl_is_counted_once(curated: sanctiontrack.Dataset) -> None:
    dataset, report = import_csl(CSL_2022, curated=curated)
    assert report.rows_read == 14_160 == report.imported + report.merged + report.skipped
    assert report.merged > 200  # the curated Entity List parties are found again, not duplicated
    bad = [str(p) for p in report.problems]
    assert any(":9906:10:" in p and "'0017-05-26'" in p for p in bad)
    assert {a.kind for a in dataset.actions} >= {ActionKind.ENTITY_LIST_ADDITION, ActionKind.SANCTIONS_DESIGNATION, ActionKind.DENIAL_ORDER}


def test_a_partial_snapshot_yields_no_removals(curated: sanctiontrack.Dataset) -> None:
    dataset, report = import_csl([CSL_2022, CSL_2023], curated=curated, partial=[CSL_2023])
    assert report.removals == 0
    assert not [a for a in dataset.actions if a.kind is ActionKind.LIST_REMOVAL]
    _, undeclared = import_csl([CSL_2022, CSL_2023])
    assert undeclared.removals > 0  # the same files read as complete would remove thousands of parties


def test_the_2023_subsets_repeated_header_row_is_reported_and_skipped() -> None:
    _, report = import_csl(CSL_2023, partial=[CSL_2023])
    assert report.reasons["unknown list name"] == 1
    (problem,) = [p for p in report.problems if p.code.value == "not-one-of"]
    assert (problem.line, problem.col) == (2, 2) and "got 'source'" in problem.message


def test_the_dpl_alone_gives_its_orders_real_dates() -> None:
    dataset, report = import_dpl(DPL)
    assert report.rows_read == 546 and report.skipped == 0
    order = next(a for a in dataset.actions if "82 FR 48792" in {str(i.value) for i in a.instruments})
    assert (str(order.dates.effective), str(order.dates.ended), str(order.dates.published)) == ("2017-10-16", "2020-10-13", "2017-10-20")
