"""Snapshots over time: what two dated copies of one list say about removals between their days.

A party on a list in the snapshot of D1 and absent from a later, complete snapshot of the same list
(D2) was removed on some day in [D1, D2). The removal is a ``list_removal`` action revoking the
party's listing; its effective date is D2 (confidence ``inferred``, the range in its note), so
that every day before D2 still answers *restricted*: a removal is never assumed earlier than seen.
A partial snapshot (a trimmed copy) never yields a removal; nor does a snapshot of another list.
"""

from __future__ import annotations

import itertools

import attrs

from ...model.dates import Confidence, DateValue
from ...model.records import Action, Dataset, Dates, Evidence, Relation, Snapshot, Target
from ...model.vocabulary import ActionKind, OfficialList, RelationType, Role
from ._build import Builder

__all__ = ["diff_snapshots", "removals"]


def removals(dataset: Dataset, builder: Builder) -> list[Action]:
    """The ``list_removal`` actions two consecutive complete snapshots of the same list imply."""
    ordered = sorted(builder.snapshots, key=lambda s: s.as_of.date)
    out: list[Action] = []
    listing: dict[tuple[ActionKind, str], list[str]] = {}
    for action in dataset.actions:
        for eid in action.entity_ids:
            listing.setdefault((action.kind, eid), []).append(action.id)
    for official in OfficialList:
        chain = [s for s in ordered if s.covers(official)]
        for earlier, later in itertools.pairwise(chain):
            if later.partial or later.as_of.date <= earlier.as_of.date:
                continue
            gone = sorted(builder.seen(earlier.id, official) - builder.seen(later.id, official))
            if gone:
                out.append(_removal(official, earlier, later, gone, listing))
    return out


def _removal(
    official: OfficialList, earlier: Snapshot, later: Snapshot, gone: list[str], listing: dict[tuple[ActionKind, str], list[str]]
) -> Action:
    by_action: dict[str, list[str]] = {}
    for eid in gone:
        for action_id in listing.get((official.kind, eid), []):
            by_action.setdefault(action_id, []).append(eid)
    span = f"[{earlier.as_of.date}, {later.as_of.date})"
    source = later.sources[0] if later.sources else f"snapshot-{later.id}"
    return Action(
        id=f"{official.value.lower()}-removed-{earlier.id}-to-{later.id}"[:120].rstrip("-"),
        kind=ActionKind.LIST_REMOVAL,
        title=f"{official.value}: parties absent from snapshot {later.id}, present in {earlier.id}",
        jurisdiction="US",
        authority=official.authority,
        dates=Dates(
            effective=DateValue(
                later.as_of.date,
                confidence=Confidence.INFERRED,
                note=f"removed on a day in {span}: on the list in {earlier.id}, absent from {later.id}; taken as the later day",
            ),
        ),
        summary=f"Removal observed between two snapshots: its day lies in {span}.",
        targets=tuple(Target(entity=eid, role=Role.LISTED) for eid in gone),
        relations=tuple(Relation(RelationType.REVOKES, aid, entities=tuple(eids)) for aid, eids in by_action.items()),
        evidence=(
            Evidence(source, locator=f"rows with source {official.csl!r}", supports=("relations",), note="The party is absent here."),
        ),
    )


def diff_snapshots(dataset: Dataset, builder: Builder) -> Dataset:
    """The dataset with the removals between its snapshots added (and counted in the builder's report)."""
    found = [a for a in removals(dataset, builder) if a.relations]
    builder.report.removals = sum(len(a.targets) for a in found)
    if not found:
        return dataset
    return attrs.evolve(dataset, actions=dataset.actions + tuple(found))
