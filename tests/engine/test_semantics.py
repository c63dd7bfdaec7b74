"""The documented semantics, one example per relation type, basis and boundary (invented data)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pendulum
import pytest

import sanctiontrack
from sanctiontrack import Basis, QueryError, Reason, Status, Tracker, UnknownEntityError

WORLD = Path(__file__).parent / "world.yaml"


@pytest.fixture(scope="module")
def world() -> Tracker:
    return sanctiontrack.load(WORLD, cache=False)


def operative(tracker: Tracker, name: str, on: str) -> set[str]:
    return {r.action.id for r in tracker.restrictions(name, on=on).restrictions}


def reason(tracker: Tracker, name: str, on: str, action: str) -> Reason:
    found = [n for n in tracker.restrictions(name, on=on).not_operative if n.action.id == action]
    assert found, f"{action} not listed as not operative for {name} on {on}"
    return found[0].reason


# -- periods and instants ----------------------------------------------------------------------


def test_half_open_effective_day_applies(world: Tracker) -> None:
    assert "listing" not in operative(world, "acme", "2019-10-08")
    assert "listing" in operative(world, "acme", "2019-10-09")


def test_announced_but_not_effective_says_when(world: Tracker) -> None:
    answer = world.restrictions("acme", on="2019-10-08")
    entry = next(n for n in answer.not_operative if n.action.id == "listing")
    assert entry.reason is Reason.NOT_YET_EFFECTIVE
    assert "announced 2019-10-07" in entry.explanation and "effective 2019-10-09 16:15 America/New_York" in entry.explanation


def test_instant_precision_same_day(world: Tracker) -> None:
    assert "listing" not in {r.action.id for r in world.restrictions("acme", at="2019-10-09T09:00-04:00").restrictions}
    assert "listing" in {r.action.id for r in world.restrictions("acme", at="2019-10-09T16:15-04:00").restrictions}
    assert "listing" in {r.action.id for r in world.restrictions("acme", at=pendulum.datetime(2019, 10, 9, 21, 0, tz="UTC")).restrictions}


def test_ended_day_does_not_apply(world: Tracker) -> None:
    assert "injunction-stores" in _carving(world, "chatter", "2020-12-19")
    assert "injunction-stores" not in _carving(world, "chatter", "2020-12-20")


def _carving(world: Tracker, name: str, on: str) -> set[str]:
    answer = world.restrictions(name, on=on)
    return {b for n in answer.not_operative for b in n.by} | {b for r in answer.restrictions for p in r.prohibitions for b in p.by}


def test_each_prohibition_has_its_own_start(world: Tracker) -> None:
    statute = {r.action.id: r for r in world.restrictions("acme", on="2019-12-01").restrictions}["statute"]
    states = {p.prohibition.id: p.state.value for p in statute.prohibitions}
    assert states == {"buy": "operative", "deal": "pending"}
    assert reason(world, "acme", "2019-11-30", "statute") is Reason.NOT_YET_EFFECTIVE


# -- relations ---------------------------------------------------------------------------------


def test_exempts_is_a_carve_out_not_a_lift(world: Tracker) -> None:
    answer = world.restrictions("acme", on="2020-03-15")
    listing = next(r for r in answer.restrictions if r.action.id == "listing")
    assert answer.restricted
    assert {c.action.id for c in listing.exemptions} == {"license", "medical"}
    assert {c.purpose for c in listing.exemptions} == {"servicing existing networks", "buying medical supplies"}


def test_extends_renews_with_a_gap(world: Tracker) -> None:
    def licenses(on: str) -> set[str]:
        listing = next(r for r in world.restrictions("acme", on=on).restrictions if r.action.id == "listing")
        return {c.action.id for c in listing.exemptions}

    assert licenses("2020-01-29") == {"license"}
    assert licenses("2020-02-01") == set()  # lapsed between the license and its renewal
    assert licenses("2020-02-10") == {"license"}  # renewed: reported once, as the license it extends
    assert licenses("2020-05-01") == {"medical"}


def test_enjoins_suspends_only_the_named_prohibition(world: Tracker) -> None:
    assert reason(world, "chatter", "2020-10-01", "identification") is Reason.SUSPENDED
    answer = world.restrictions("chatter", on="2020-11-25")
    identification = next(r for r in answer.restrictions if r.action.id == "identification")
    assert identification.status is Status.PARTLY_SUSPENDED
    states = {p.prohibition.id: p.state.value for p in identification.prohibitions}
    assert states == {"stores": "suspended", "hosting": "operative"}


def test_injunction_on_its_day_at_an_instant(world: Tracker) -> None:
    assert world.restrictions("chatter", at="2020-09-27T12:00-04:00").restricted
    assert not world.restrictions("chatter", at="2020-09-27T20:00-04:00").restricted


def test_stays_for_a_window(world: Tracker) -> None:
    assert reason(world, "chatter", "2020-11-15", "identification") is Reason.SUSPENDED
    assert "identification" in operative(world, "chatter", "2020-11-25")


def test_revokes_ends_the_order_and_what_implements_it(world: Tracker) -> None:
    assert reason(world, "chatter", "2021-06-08", "order") is Reason.NO_PROHIBITIONS
    assert reason(world, "chatter", "2021-06-09", "order") is Reason.REVOKED
    assert reason(world, "chatter", "2021-06-09", "identification") is Reason.PARENT_ENDED


def test_lifts_ends_a_court_order(world: Tracker) -> None:
    assert "block-order" in operative(world, "chatter", "2019-04-23")
    assert reason(world, "chatter", "2019-04-24", "block-order") is Reason.LIFTED


def test_supersedes_one_prohibition(world: Tracker) -> None:
    statute = next(r for r in world.restrictions("acme", on="2021-03-01").restrictions if r.action.id == "statute")
    states = {p.prohibition.id: p.state.value for p in statute.prohibitions}
    assert states == {"buy": "operative", "deal": "ended"}


def test_removal_revokes_for_the_named_entity(world: Tracker) -> None:
    assert "listing" in operative(world, "acme", "2021-12-31")
    assert reason(world, "acme", "2022-01-01", "listing") is Reason.REVOKED


@pytest.mark.parametrize("first", ["delta", "epsilon", "epsilon-labs"])
def test_a_removal_of_one_target_leaves_the_others_listed(first: str) -> None:
    """Whichever entity is asked about first, a per-target removal ends the listing for that one only."""
    tracker = sanctiontrack.load(WORLD, cache=False)
    tracker.restrictions(first, on="2021-06-01")
    assert tracker.restricted("delta", on="2021-06-01")
    assert not tracker.restricted("epsilon", on="2021-06-01") and tracker.restricted("epsilon", on="2020-12-31")
    assert not tracker.restricted("epsilon-labs", on="2021-06-01") and tracker.restricted("epsilon-labs", on="2020-12-31")
    assert reason(tracker, "epsilon", "2021-06-01", "pair-listing") is Reason.REVOKED


def test_upholds_changes_nothing(world: Tracker) -> None:
    assert reason(world, "acme", "2020-03-01", "ruling-upheld") is Reason.NO_PROHIBITIONS
    assert "statute" in operative(world, "acme", "2020-03-01")


def test_implements_directs_only(world: Tracker) -> None:
    entry = next(n for n in world.restrictions("chatter", on="2020-08-10").not_operative if n.action.id == "order")
    assert entry.reason is Reason.NO_PROHIBITIONS
    assert "operate through Chatter transactions identified (identification)" in entry.explanation


def test_non_binding_is_never_a_restriction(world: Tracker) -> None:
    assert reason(world, "acme", "2019-02-01", "charges") is Reason.NON_BINDING
    assert not world.restrictions("acme", on="2019-02-01").restricted


# -- basis -------------------------------------------------------------------------------------


def test_named_basis_records_the_alias_used(world: Tracker) -> None:
    answer = world.restrictions("阿克米", on="2020-03-01")
    assert answer.entity.id == "acme" and answer.matched == "阿克米有限公司"
    listing = next(r for r in answer.restrictions if r.action.id == "listing")
    assert listing.basis is Basis.NAMED and listing.target.listed_as == "ACME TECHNOLOGY"


def test_affiliate_basis_follows_dated_ownership(world: Tracker) -> None:
    statute = next(r for r in world.restrictions("Acme Cloud", on="2020-01-01").restrictions if r.action.id == "statute")
    assert statute.basis is Basis.AFFILIATE
    assert [link.entity for link in statute.via] == ["acme"]
    assert reason(world, "acme-cloud", "2020-06-01", "statute") is Reason.NOT_AFFILIATED


def test_affiliate_basis_through_two_links(world: Tracker) -> None:
    statute = next(r for r in world.restrictions("AcmeChat", on="2020-01-01").restrictions if r.action.id == "statute")
    assert [link.entity for link in statute.via] == ["acme-cloud", "acme"]
    assert not world.restrictions("AcmeChat", on="2020-06-01").restricted


def test_entity_scope_does_not_reach_subsidiaries(world: Tracker) -> None:
    assert "listing" not in operative(world, "acme-cloud", "2020-01-01")


def test_affiliation_without_ownership_does_not_carry(world: Tracker) -> None:
    assert not world.restrictions("partner", on="2020-01-01").restricted


def test_never_concerned(world: Tracker) -> None:
    answer = world.restrictions("bystander", on="2020-01-01")
    assert not answer.restricted and answer.restrictions == () and answer.not_operative == ()


# -- queries -----------------------------------------------------------------------------------


def test_jurisdiction_filter(world: Tracker) -> None:
    assert "block-order" in operative(world, "chatter", "2019-04-10")
    assert world.restrictions("chatter", on="2019-04-10", jurisdiction="US").restrictions == ()


def test_query_needs_exactly_one_time(world: Tracker) -> None:
    with pytest.raises(QueryError, match="exactly one"):
        world.restrictions("acme")
    with pytest.raises(QueryError, match="exactly one"):
        world.restrictions("acme", on="2020-01-01", at="2020-01-01T00:00Z")
    naive = datetime.datetime(2020, 1, 1)
    with pytest.raises(QueryError, match="naive time"):
        world.restrictions("acme", at=naive)


def test_unknown_entity_has_ranked_suggestions(world: Tracker) -> None:
    with pytest.raises(UnknownEntityError) as caught:
        world.restrictions("Acmee Cloud", on="2020-01-01")
    assert caught.value.suggestions[0].startswith("Acme Cloud")
    assert isinstance(caught.value, LookupError)


def test_timeline_orders_events_and_states(world: Tracker) -> None:
    events = world.timeline("acme")
    assert [e.day for e in events] == sorted(e.day for e in events)
    effective = next(e for e in events if e.action.id == "listing" and e.label == "effective")
    assert not effective.restricted_before and effective.restricted_after


def test_diff_between_dates(world: Tracker) -> None:
    change = world.diff("chatter", "2020-09-19", "2020-09-21")
    assert [c.action.id for c in change.came_into_force] == ["identification"]
    change = world.diff("chatter", "2021-06-01", "2021-07-01")
    assert [c.action.id for c in change.went_out_of_force] == ["identification"]


def test_in_force_filters(world: Tracker) -> None:
    ids = {a.id for a in world.in_force(on="2020-03-15")}
    assert {"listing", "statute", "license", "medical"} <= ids
    assert {a.id for a in world.in_force(on="2020-03-15", kind="exemption")} == {"license", "license-renewal", "medical"}
    assert "block-order" not in ids


def test_history_spans(world: Tracker) -> None:
    history = {h.action.id: h for h in world.history("acme")}
    listing = [(str(s.start), s.state.value) for s in history["listing"].spans]
    assert listing[0] == ("2019-10-09", "in_force")
    assert ("2019-11-01", "in_force_with_exemption") in listing
    assert history["charges"].spans == ()


def test_screen_ranks_and_marks_restricted(world: Tracker) -> None:
    results = world.screen(["ACME CO LTD", "Acme Clowd", "Nobody Ltd"], on="2020-03-01", threshold=80)
    assert results[0].matches[0].entity.id == "acme" and results[0].matches[0].score == 100 and results[0].hit
    assert results[1].matches[0].entity.id == "acme-cloud"
    assert results[2].matches == ()


def test_actions_not_yet_announced_are_not_listed(world: Tracker) -> None:
    assert world.restrictions("acme", on="2019-01-27").not_operative == ()
    assert [n.action.id for n in world.restrictions("acme", on="2019-01-28").not_operative] == ["charges"]


def test_a_ruling_that_only_upholds_never_needs_an_effective_date(world: Tracker) -> None:
    entry = next(n for n in world.restrictions("acme", on="2020-07-01").not_operative if n.action.id == "appeal-upheld")
    assert entry.reason is Reason.NO_PROHIBITIONS
    assert entry.explanation.startswith("upholds A statute with staged prohibitions (statute)")


# -- targets the record cannot confirm ------------------------------------------------------------


def test_an_unconfirmed_target_is_reported_as_possibly_named_never_counted(world: Tracker) -> None:
    answer = world.restrictions("zeta", on="2020-06-01")
    assert not answer.restricted and answer.restrictions == ()
    [entry] = [n for n in answer.not_operative if n.action.id == "pair-listing"]
    assert entry.reason is Reason.POSSIBLY_NAMED
    assert "possibly named" in entry.explanation and "one of three entries" in entry.explanation
    assert not world.restricted("zeta", on="2020-06-01")
    assert "pair-listing" in operative(world, "delta", "2020-06-01")  # the confirmed targets of the same rule still count


# -- items and destinations (step 7) -----------------------------------------------------------


def exports(tracker: Tracker, item: str, to: str, on: str, origin: str | None = None) -> tuple[set[str], dict[str, Reason]]:
    answer = tracker.item_restrictions(item, to=to, on=on, from_=origin)
    assert answer.restricted == bool(answer.restrictions)
    return {r.action.id for r in answer.restrictions}, {n.action.id: n.reason for n in answer.not_operative}


def test_an_item_rule_binds_from_its_effective_day(world: Tracker) -> None:
    assert exports(world, "0D999", "CN", "2020-01-05")[0] == set()
    assert exports(world, "0D999", "CN", "2020-01-06")[0] == {"imagery-control"}


def test_an_excepted_destination_is_not_restricted_while_the_rule_is_in_force(world: Tracker) -> None:
    operative_now, reasons = exports(world, "0D999", "CA", "2020-06-01")
    assert operative_now == set() and reasons["imagery-control"] is Reason.DESTINATION_EXCEPTED


def test_a_renewal_after_a_gap_leaves_the_control_lapsed_in_between(world: Tracker) -> None:
    assert exports(world, "0D999", "CN", "2021-01-05")[0] == {"imagery-control"}
    assert exports(world, "0D999", "CN", "2021-01-06")[1]["imagery-control"] is Reason.LAPSED
    assert exports(world, "0D999", "CN", "2021-01-13")[0] == {"imagery-control"}
    assert exports(world, "0D999", "CN", "2022-01-13")[1]["imagery-control"] is Reason.EXPIRED


def test_a_listed_destination_an_unlisted_one_and_a_group_with_unknown_members(world: Tracker) -> None:
    assert exports(world, "个性化推送技术", "US", "2020-09-01")[0] == {"push-catalogue"}
    assert exports(world, "999999X", "RU", "2020-09-01")[1]["push-catalogue"] is Reason.DESTINATION_UNCONFIRMED


def test_a_country_of_export_outside_the_rule(world: Tracker) -> None:
    assert exports(world, "999999X", "US", "2020-09-01", origin="CN")[0] == {"push-catalogue"}
    assert exports(world, "999999X", "US", "2020-09-01", origin="US")[1]["push-catalogue"] is Reason.ORIGIN_NOT_COVERED


def test_item_queries_need_one_day_or_instant_and_a_known_item(world: Tracker) -> None:
    with pytest.raises(QueryError, match="exactly one"):
        world.item_restrictions("0D999", to="CN")
    with pytest.raises(sanctiontrack.UnknownItemError, match="did you mean"):
        world.item_restrictions("0D99", to="CN", on="2020-02-01")
    assert world.item_restrictions("0D999", to="CN", at="2020-01-06T00:30-05:00").restricted


# -- charges -----------------------------------------------------------------------------------


def charged(tracker: Tracker, name: str, on: str) -> list[str]:
    return [c.action.id for c in tracker.restrictions(name, on=on).charges]


def test_a_defendant_is_charged_from_the_day_the_indictment_is_returned(world: Tracker) -> None:
    assert charged(world, "acme", "2019-03-03") == []
    assert charged(world, "acme", "2019-03-04") == ["first-indictment"]
    charge = world.restrictions("acme", on="2019-03-04").charges[0]
    assert (str(charge.returned), str(charge.unsealed), charge.court) == ("2019-03-04", "2019-03-06", "A district court")


def test_a_superseding_indictment_takes_over_on_its_day_and_the_earlier_charges_stand_before(world: Tracker) -> None:
    assert charged(world, "acme", "2020-02-11") == ["first-indictment"]
    assert charged(world, "acme", "2020-02-12") == ["second-indictment"]
    assert charged(world, "acme-cloud", "2020-02-11") == []
    assert charged(world, "acme-cloud", "2020-02-12") == ["second-indictment"]


def test_charges_are_kept_apart_from_restrictions(world: Tracker) -> None:
    answer = world.restrictions("acme-cloud", on="2020-07-01")
    assert not answer.restricted and answer.charges[0].case == "1:19-cr-00001 (S-1)"
    assert [e.charged for e in world.timeline("acme-cloud") if e.charged] == [("second-indictment",)]
    assert world.restrictions("acme", at="2020-02-12T12:00-05:00").charges[0].document == "superseding indictment"


# -- official lists ----------------------------------------------------------------------------


def test_a_denial_order_applies_from_its_effective_day_until_a_removal(world: Tracker) -> None:
    assert "denial" not in operative(world, "theta", "2018-02-28")
    assert "denial" in operative(world, "THETA TRADING", "2018-03-01")
    assert "denial" in operative(world, "theta", "2020-06-30")
    assert reason(world, "theta", "2020-07-01", "denial") is Reason.REVOKED


RENEWED_INSIDE = """
entities:
  - {id: acme, name: "Acme Co., Ltd.", kind: company}
sources:
  - {id: fr-test, kind: primary, publisher: Office of the Federal Register, title: A rule}
actions:
  - id: listing
    kind: entity_list_addition
    title: Acme listed for a week
    jurisdiction: US
    authority: BIS
    dates: {published: 2020-01-01, effective: 2020-01-01, ended: 2020-01-07}
    targets: [{entity: acme, role: listed}]
    restricts: [{id: ear, category: exports, summary: License required.}]
    evidence: [{source: fr-test, locator: DATES}]
  - id: renewal
    kind: entity_list_addition
    title: The listing renewed while still in force
    jurisdiction: US
    authority: BIS
    dates: {published: 2020-01-01, effective: 2020-01-01, ended: 2020-01-10}
    targets: [{entity: acme, role: listed}]
    relations: [{type: extends, action: listing}]
    evidence: [{source: fr-test, locator: DATES}]
"""


def test_a_listing_that_ends_inside_its_renewal_names_the_renewal_from_that_day(tmp_path: Path) -> None:
    """The day index shared the explanation of 2020-01-01 up to the renewal's end: on 2020-01-07, the listing's own
    end, it still said "in force since 2020-01-01" where evaluating the day says it is the renewal that keeps it."""
    path = tmp_path / "renewed.yaml"
    path.write_text(RENEWED_INSIDE, encoding="utf-8")
    tracker = sanctiontrack.load(path, cache=False)

    def explanation(on: str, jurisdiction: str | None = None) -> str:
        [listing] = [r for r in tracker.restrictions("acme", on=on, jurisdiction=jurisdiction).restrictions if r.action.id == "listing"]
        return listing.explanation

    assert "renewed by" not in explanation("2020-01-06")
    assert "renewed by The listing renewed while still in force (renewal)" in explanation("2020-01-07")
    for day in ("2020-01-06", "2020-01-07", "2020-01-09"):
        assert explanation(day) == explanation(day, "US")  # the day index, and the day evaluated directly
