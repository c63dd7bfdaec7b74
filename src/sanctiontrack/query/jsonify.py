"""Plain-data views of query results, shared by the CLI's JSON output and the docs generator."""

from __future__ import annotations

from typing import Any

import pendulum

from ..io.dump import dump_destinations
from ..model.dates import parse_day
from ..model.errors import UnknownEntityError
from ..model.records import Action, ControlledItem, Entity, Link
from .coverage import Coverage, not_found
from .results import (
    CarveOut,
    Charge,
    Citation,
    Diff,
    ItemRestrictions,
    NotOperative,
    Restriction,
    Restrictions,
    ScreenResult,
    Timeline,
    TimelineEvent,
)

__all__ = [
    "action_ref",
    "charge_json",
    "coverage_json",
    "diff_json",
    "entity_json",
    "item_json",
    "item_restrictions_json",
    "not_covered_json",
    "restrictions_json",
    "screen_json",
    "timeline_json",
]


def coverage_json(coverage: Coverage | None, *when: pendulum.Date | pendulum.DateTime | None) -> dict[str, Any] | None:
    """What data an answer covers, as plain data; with the time(s) asked, whether they lie ``before``, ``after`` or ``within`` it.

    ``outside`` words why a time lies outside (None when every time asked lies within).
    """
    if coverage is None:
        return None
    out = coverage.to_plain()
    asked = [w for w in when if w is not None]
    if asked:
        positions = [coverage.position(w) for w in asked]
        out["position"] = next((p for p in positions if p != "within"), "within")
        notes = [n for n in (coverage.outside(w) for w in asked) if n]
        out["outside"] = "; ".join(dict.fromkeys(notes)) or None
    return out


def not_covered_json(error: UnknownEntityError) -> dict[str, Any]:
    """A name the data does not know, as plain data: status ``not_covered`` (never "not restricted"), the data searched, suggestions."""
    coverage = error.coverage if isinstance(error.coverage, Coverage) else None
    return {
        "status": "not_covered",
        "query": error.query,
        "restricted": None,
        "message": str(error),
        "suggestions": list(error.suggestions),
        "coverage": coverage_json(coverage),
    }


def entity_json(entity: Entity) -> dict[str, Any]:
    """The identifying fields of an entity."""
    return {"id": entity.id, "name": entity.name, "kind": entity.kind.value, "country": entity.country}


def item_json(item: ControlledItem) -> dict[str, Any]:
    """The identifying fields of a controlled item, with its names in every language."""
    return {
        "id": item.id,
        "kind": item.kind.value,
        "name": item.name,
        "jurisdiction": item.jurisdiction,
        "codes": list(item.codes),
        "aliases": [{"name": a.name, "lang": a.lang} for a in item.aliases],
    }


def charge_json(charge: Charge) -> dict[str, Any]:
    """A case in which the entity was a named defendant."""
    return {
        "action": charge.action.id,
        "title": charge.action.title,
        "document": charge.document,
        "case": charge.case,
        "court": charge.court,
        "returned": str(charge.returned) if charge.returned else None,
        "unsealed": str(charge.unsealed) if charge.unsealed else None,
        "since": charge.since,
        "sources": [_citation(c) for c in charge.sources],
    }


def action_ref(action: Action) -> dict[str, Any]:
    """An action's id, kind, title and dates."""
    return {
        "id": action.id,
        "kind": action.kind.value,
        "title": action.title,
        "jurisdiction": action.jurisdiction,
        "authority": action.authority,
        "dates": {kind.value: str(value) for kind, value in action.dates.items()},
    }


def _via(via: tuple[Link, ...]) -> list[dict[str, Any]]:
    return [
        {
            "relation": link.relation.value,
            "entity": link.entity,
            "from": str(link.start) if link.start else None,
            "until": str(link.until) if link.until else None,
        }
        for link in via
    ]


def _citation(citation: Citation) -> dict[str, Any]:
    source = citation.source
    out: dict[str, Any] = {"source": source.id, "kind": source.kind.value, "publisher": source.publisher, "title": source.title}
    if source.url:
        out["url"] = source.url
    if citation.evidence.quote:
        out["quote"] = citation.evidence.quote
    if citation.evidence.locator:
        out["locator"] = citation.evidence.locator
    return out


def _carve(carve: CarveOut) -> dict[str, Any]:
    return {
        "action": carve.action.id,
        "title": carve.action.title,
        "purpose": carve.purpose,
        "prohibitions": list(carve.prohibitions),
        "entities": list(carve.entities),
    }


def _restriction(r: Restriction, matched: str | None) -> dict[str, Any]:
    basis: dict[str, Any] = {"type": r.basis.value, "listed_as": r.target.listed_as, "via": _via(r.via)}
    if r.basis.value == "named":
        basis["matched_alias"] = matched
    if r.target.item is not None:
        basis.update(_item_target(r))
    return {
        "action": r.action.id,
        "title": r.action.title,
        "kind": r.action.kind.value,
        "jurisdiction": r.action.jurisdiction,
        "status": r.status.value,
        "basis": basis,
        "prohibitions": [
            {"id": p.prohibition.id, "category": p.prohibition.category.value, "state": p.state.value, "date": p.date, "by": list(p.by)}
            for p in r.prohibitions
        ],
        "exemptions": [_carve(c) for c in r.exemptions],
        "sources": [_citation(c) for c in r.sources],
        "explanation": r.explanation,
    }


def _item_target(r: Restriction) -> dict[str, Any]:
    target = r.target
    return {"item": target.item, "destinations": dump_destinations(target.destinations), "exported_from": list(target.exported_from)}


def _not_operative(n: NotOperative) -> dict[str, Any]:
    return {
        "action": n.action.id,
        "title": n.action.title,
        "kind": n.action.kind.value,
        "reason": n.reason.value,
        "explanation": n.explanation,
        "basis": {"type": n.basis.value, "via": _via(n.via)},
        "date": n.date,
        "by": list(n.by),
    }


def restrictions_json(answer: Restrictions) -> dict[str, Any]:
    """The answer to a point query as plain data (the CLI's ``--format json``)."""
    return {
        "entity": entity_json(answer.entity),
        "matched": answer.matched,
        "on": answer.on.to_date_string() if answer.on is not None else None,
        "at": answer.at.isoformat() if answer.at is not None else None,
        "status": answer.status,
        "restricted": answer.restricted,
        "restrictions": [_restriction(r, answer.matched) for r in answer.restrictions],
        "not_operative": [_not_operative(n) for n in answer.not_operative],
        "charges": [charge_json(c) for c in answer.charges],
        "coverage": coverage_json(answer.coverage, answer.when),
    }


def item_restrictions_json(answer: ItemRestrictions) -> dict[str, Any]:
    """The answer to an item query as plain data (the CLI's ``item --format json``), shaped like :func:`restrictions_json`."""
    return {
        "items": [item_json(i) for i in answer.items],
        "matched": answer.matched,
        "to": answer.destination,
        "from": answer.origin,
        "on": answer.on.to_date_string() if answer.on is not None else None,
        "at": answer.at.isoformat() if answer.at is not None else None,
        "status": "restricted" if answer.restricted else "not_restricted",
        "restricted": answer.restricted,
        "restrictions": [_restriction(r, None) for r in answer.restrictions],
        "not_operative": [_not_operative(n) for n in answer.not_operative],
        "coverage": coverage_json(answer.coverage, answer.when),
    }


def timeline_json(entity: Entity, events: tuple[TimelineEvent, ...]) -> dict[str, Any]:
    """An entity's timeline as plain data (with its ``coverage`` when ``events`` is a :class:`Timeline`)."""
    out: dict[str, Any] = {
        "entity": entity_json(entity),
        "events": [
            {
                "date": e.date,
                "day": e.day.to_date_string(),
                "event": e.label,
                "prohibition": e.prohibition,
                "action": e.action.id,
                "description": e.description,
                "restricted_before": e.restricted_before,
                "restricted_after": e.restricted_after,
                "in_force_before": list(e.in_force_before),
                "in_force_after": list(e.in_force_after),
                "charges_before": list(e.charges_before),
                "charges_after": list(e.charges_after),
            }
            for e in events
        ],
    }
    if isinstance(events, Timeline):
        out["coverage"] = coverage_json(events.coverage)
    return out


def diff_json(diff: Diff) -> dict[str, Any]:
    """A diff as plain data."""
    return {
        "entity": entity_json(diff.entity),
        "from": diff.start.to_date_string(),
        "to": diff.end.to_date_string(),
        "restricted_before": diff.restricted_before,
        "restricted_after": diff.restricted_after,
        "came_into_force": [{"action": c.action.id, "title": c.action.title, "explanation": c.explanation} for c in diff.came_into_force],
        "went_out_of_force": [
            {"action": c.action.id, "title": c.action.title, "explanation": c.explanation} for c in diff.went_out_of_force
        ],
        "events": timeline_json(diff.entity, diff.events)["events"],
        "coverage": coverage_json(diff.coverage, diff.start, diff.end),
    }


def screen_json(results: tuple[ScreenResult, ...], on: str) -> dict[str, Any]:
    """Screening results as plain data: each name's ``status`` tells a clean result from ``not_covered`` (no match in the data)."""
    coverage = next((r.coverage for r in results if r.coverage is not None), None)
    return {
        "on": on,
        "coverage": coverage_json(coverage, parse_day(on)),
        "results": [
            {
                "query": r.query,
                "status": r.status,
                "note": not_found(coverage) if r.status == "not_covered" else None,
                "hit": r.hit,
                "matches": [
                    {
                        "entity": m.entity.id,
                        "name": m.entity.name,
                        "matched_name": m.name,
                        "score": round(m.score, 1),
                        "restricted": m.restricted,
                    }
                    for m in r.matches
                ],
            }
            for r in results
        ],
    }
