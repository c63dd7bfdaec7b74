"""References resolve: every entity, source, action, prohibition and target a record names exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model.errors import ProblemCode
from ..model.names import did_you_mean
from .context import Context, rule

__all__ = [
    "action_references",
    "entity_references",
    "invalid_record_references",
    "item_references",
    "prohibition_ids",
    "snapshot_references",
]


@rule(ProblemCode.UNKNOWN_REFERENCE, ProblemCode.SELF_REFERENCE)
def entity_references(ctx: Context) -> None:
    """Links point at other known entities; names, links and entities cite known sources."""
    for entity in ctx.read.dataset.entities:
        origin = ctx.origin("entities", entity.id)
        for i, alias in enumerate(entity.aliases):
            for j, source in enumerate(alias.sources):
                ctx.reference(origin, ("aliases", i, "sources", j), entity.id, "source", source, ctx.source_ids)
        for j, source in enumerate(entity.sources):
            ctx.reference(origin, ("sources", j), entity.id, "source", source, ctx.source_ids)
        for i, link in enumerate(entity.links):
            if link.entity == entity.id:
                ctx.add(origin, ("links", i, "entity"), entity.id, "an entity cannot be linked to itself", ProblemCode.SELF_REFERENCE)
            else:
                ctx.reference(origin, ("links", i, "entity"), entity.id, "entity", link.entity, ctx.entities)
            for j, source in enumerate(link.sources):
                ctx.reference(origin, ("links", i, "sources", j), entity.id, "source", source, ctx.source_ids)


@rule(ProblemCode.UNKNOWN_REFERENCE, ProblemCode.SELF_REFERENCE)
def action_references(ctx: Context) -> None:
    """Targets, their prohibitions, related actions, their prohibitions and targets, and evidence sources exist."""
    for action in ctx.read.dataset.actions:
        origin = ctx.origin("actions", action.id)
        aid = action.id
        own = [p.id for p in action.restricts]
        for i, target in enumerate(action.targets):
            if target.entity is not None:
                ctx.reference(origin, ("targets", i, "entity"), aid, "entity", target.entity, ctx.entities)
            if target.item is not None:
                ctx.reference(origin, ("targets", i, "item"), aid, "item", target.item, ctx.item_ids)
            for j, pid in enumerate(target.prohibitions):
                if pid not in own:
                    hint = did_you_mean(pid, own)
                    suffix = f"; did you mean {hint!r}?" if hint else ""
                    ctx.add(
                        origin,
                        ("targets", i, "prohibitions", j),
                        aid,
                        f"unknown prohibition {pid!r} of this action{suffix}",
                        ProblemCode.UNKNOWN_REFERENCE,
                    )
        for i, relation in enumerate(action.relations):
            rel = ("relations", i)
            if relation.action == aid:
                ctx.add(origin, (*rel, "action"), aid, "an action cannot relate to itself", ProblemCode.SELF_REFERENCE)
                continue
            if not ctx.reference(origin, (*rel, "action"), aid, "action", relation.action, ctx.action_ids):
                continue
            other = ctx.actions.get(relation.action)
            if other is None:
                continue
            theirs = {p.id for p in other.restricts}
            for j, pid in enumerate(relation.prohibitions):
                if pid not in theirs:
                    hint = did_you_mean(pid, sorted(theirs))
                    suffix = f"; did you mean {hint!r}?" if hint else f" (it has: {', '.join(sorted(theirs)) or 'none'})"
                    ctx.add(
                        origin,
                        (*rel, "prohibitions", j),
                        aid,
                        f"action {other.id!r} has no prohibition {pid!r}{suffix}",
                        ProblemCode.UNKNOWN_REFERENCE,
                    )
            targets = set(other.entity_ids)
            for j, eid in enumerate(relation.entities):
                if ctx.reference(origin, (*rel, "entities", j), aid, "entity", eid, ctx.entities) and eid not in targets:
                    ctx.add(
                        origin, (*rel, "entities", j), aid, f"entity {eid!r} is not a target of {other.id!r}", ProblemCode.UNKNOWN_REFERENCE
                    )
        for i, evidence in enumerate(action.evidence):
            ctx.reference(origin, ("evidence", i, "source"), aid, "source", evidence.source, ctx.source_ids)


@rule(ProblemCode.UNKNOWN_REFERENCE)
def item_references(ctx: Context) -> None:
    """Controlled items cite known sources, in their own list and in their names."""
    for item in ctx.read.dataset.items:
        origin = ctx.origin("items", item.id)
        for j, source in enumerate(item.sources):
            ctx.reference(origin, ("sources", j), item.id, "source", source, ctx.source_ids)
        for i, alias in enumerate(item.aliases):
            for j, source in enumerate(alias.sources):
                ctx.reference(origin, ("aliases", i, "sources", j), item.id, "source", source, ctx.source_ids)


@rule(ProblemCode.UNKNOWN_REFERENCE)
def snapshot_references(ctx: Context) -> None:
    """Snapshots of official lists cite known sources."""
    for snapshot in ctx.read.dataset.snapshots:
        origin = ctx.origin("snapshots", snapshot.id)
        for j, source in enumerate(snapshot.sources):
            ctx.reference(origin, ("sources", j), snapshot.id, "source", source, ctx.source_ids)


@rule(ProblemCode.DUPLICATE_ID)
def prohibition_ids(ctx: Context) -> None:
    """Prohibition ids are unique within their action (relations name them)."""
    for action in ctx.read.dataset.actions:
        seen: set[str] = set()
        for i, prohibition in enumerate(action.restricts):
            if prohibition.id in seen:
                origin = ctx.origin("actions", action.id)
                ctx.add(origin, ("restricts", i, "id"), action.id, f"duplicate prohibition id {prohibition.id!r}", ProblemCode.DUPLICATE_ID)
            seen.add(prohibition.id)


@rule(ProblemCode.UNKNOWN_REFERENCE)
def invalid_record_references(ctx: Context) -> None:
    """References in records that failed the schema, so that one run reports them too."""
    known = {"entity": ctx.entities, "source": ctx.source_ids, "action": ctx.action_ids, "item": ctx.item_ids}
    for collection, record_id, origin, record in ctx.invalid_records():
        for rel, kind, ref in raw_references(collection, record):
            ctx.reference(origin, rel, record_id, kind, ref, known[kind])


_RAW_FIELDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "entities": (
        ("links", "entity", "entity"),
        ("links", "sources", "source"),
        ("aliases", "sources", "source"),
        ("sources", "", "source"),
    ),
    "items": (
        ("aliases", "sources", "source"),
        ("sources", "", "source"),
    ),
    "actions": (
        ("targets", "entity", "entity"),
        ("targets", "item", "item"),
        ("relations", "action", "action"),
        ("relations", "entities", "entity"),
        ("evidence", "source", "source"),
    ),
}


def raw_references(collection: str, record: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, kind, id) of every reference a raw record makes, where it is plain text."""
    for outer, inner, kind in _RAW_FIELDS.get(collection, ()):
        items = record.get(outer)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not inner:
                if isinstance(item, str):
                    yield (outer, i), kind, item
                continue
            if not isinstance(item, dict):
                continue
            value = item.get(inner)
            if isinstance(value, str):
                yield (outer, i, inner), kind, value
            elif isinstance(value, list):
                for j, ref in enumerate(value):
                    if isinstance(ref, str):
                        yield (outer, i, inner, j), kind, ref
