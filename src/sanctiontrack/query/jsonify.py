"""Plain-data views of query results, shared by the CLI's JSON output and the docs generator."""

from __future__ import annotations

from typing import Any

import pendulum

from ..io.dump import dump_destinations
from ..model.dates import parse_day
from ..model.errors import UnknownEntityError
from ..model.records import Action, ControlledItem, Entity, Link, Source
from .coverage import Coverage, not_found
from .reports import (
    ActionHistory,
    Change,
    Diff,
    EntityMatch,
    ItemRestrictions,
    Related,
    ScreenMatch,
    ScreenResult,
    Span,
    Timeline,
    TimelineEvent,
)
from .results import CarveOut, Charge, Citation, NotOperative, ProhibitionStatus, Restriction, Restrictions

__all__ = [
    "action_ref",
    "charge_json",
    "coverage_json",
    "diff_json",
    "entity_json",
    "event_json",
    "instruments_json",
    "item_json",
    "item_restrictions_json",
    "not_covered_json",
    "plain",
    "related_json",
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


def instruments_json(action: Action) -> list[dict[str, Any]]:
    """The legal instruments behind an action: type, value, the citation as written, and the URL when the data has one."""
    return [{"type": i.type.value, "value": i.value, "citation": str(i), "url": i.url} for i in action.instruments]


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
    target = r.target
    basis: dict[str, Any] = {"type": r.basis.value, "listed_as": target.listed_as, "target_scope": target.scope.value, "via": _via(r.via)}
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
        "scope": list(r.scope),
        "prohibitions": [_prohibition_status(p) for p in r.prohibitions],
        "exemptions": [_carve(c) for c in r.exemptions],
        "instruments": instruments_json(r.action),
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
        "sources": [_citation(c) for c in n.sources],
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
        "scope": list(answer.scope),
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


def event_json(e: TimelineEvent) -> dict[str, Any]:
    """One timeline event as plain data."""
    return {
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


def timeline_json(entity: Entity, events: tuple[TimelineEvent, ...]) -> dict[str, Any]:
    """An entity's timeline as plain data (with its ``coverage`` when ``events`` is a :class:`Timeline`)."""
    out: dict[str, Any] = {"entity": entity_json(entity), "events": [event_json(e) for e in events]}
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
        "events": [event_json(e) for e in diff.events],
        "coverage": coverage_json(diff.coverage, diff.start, diff.end),
    }


def _screen_match(m: ScreenMatch) -> dict[str, Any]:
    return {"entity": m.entity.id, "name": m.entity.name, "matched_name": m.name, "score": round(m.score, 1), "restricted": m.restricted}


def _screen_result(r: ScreenResult, coverage: Coverage | None = None) -> dict[str, Any]:
    coverage = coverage if coverage is not None else r.coverage
    return {
        "query": r.query,
        "status": r.status,
        "note": not_found(coverage) if r.status == "not_covered" else None,
        "hit": r.hit,
        "matches": [_screen_match(m) for m in r.matches],
    }


def screen_json(results: tuple[ScreenResult, ...], on: str) -> dict[str, Any]:
    """Screening results as plain data: each name's ``status`` tells a clean result from ``not_covered`` (no match in the data)."""
    coverage = next((r.coverage for r in results if r.coverage is not None), None)
    return {"on": on, "coverage": coverage_json(coverage, parse_day(on)), "results": [_screen_result(r, coverage) for r in results]}


def _change(c: Change) -> dict[str, Any]:
    return {"action": c.action.id, "title": c.action.title, "change": c.change.value, "explanation": c.explanation}


def _span(span: Span) -> dict[str, Any]:
    end = span.end.to_date_string() if span.end is not None else None
    return {"start": span.start.to_date_string(), "end": end, "state": span.state.value, "detail": span.detail}


def _history(h: ActionHistory) -> dict[str, Any]:
    return {**action_ref(h.action), "basis": {"type": h.basis.value, "via": _via(h.via)}, "spans": [_span(s) for s in h.spans]}


def _prohibition_status(p: ProhibitionStatus) -> dict[str, Any]:
    return {
        "id": p.prohibition.id,
        "category": p.prohibition.category.value,
        "reach": p.prohibition.category.reach,
        "summary": p.prohibition.summary,
        "state": p.state.value,
        "date": p.date,
        "by": list(p.by),
    }


def _entity_match(m: EntityMatch) -> dict[str, Any]:
    return {**entity_json(m.entity), "matched_name": m.name, "score": round(m.score, 1)}


def related_json(r: Related, sources: dict[str, Source] | None = None) -> dict[str, Any]:
    """A linked entity as plain data; with ``sources``, each source id comes with its kind, title and URL."""
    cited: list[Any] = list(r.sources)
    if sources is not None:
        cited = [_source(sources[s]) if s in sources else {"source": s} for s in r.sources]
    return {
        **entity_json(r.entity),
        "role": r.role,
        "relation": r.relation.value,
        "direction": r.direction,
        "from": str(r.start) if r.start else None,
        "until": str(r.until) if r.until else None,
        "sources": cited,
        "note": r.note,
    }


def _source(source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"source": source.id, "kind": source.kind.value, "publisher": source.publisher, "title": source.title}
    if source.url:
        out["url"] = source.url
    return out


def plain(result: object) -> dict[str, Any]:
    """Any query result as plain data (what its ``to_dict()`` returns): the CLI's JSON for the same answer.

    >>> from sanctiontrack import load
    >>> plain(load().restrictions("iFlyTek", on="2019-10-09"))["restricted"]
    True
    """
    for kind, view in _VIEWS:
        if isinstance(result, kind):
            data: dict[str, Any] = view(result)
            return data
    raise TypeError(f"no plain-data view of {type(result).__name__}")


_VIEWS: tuple[tuple[type, Any], ...] = (
    (Restrictions, restrictions_json),
    (ItemRestrictions, item_restrictions_json),
    (Restriction, lambda r: _restriction(r, None)),
    (NotOperative, _not_operative),
    (Charge, charge_json),
    (Citation, _citation),
    (CarveOut, _carve),
    (ProhibitionStatus, _prohibition_status),
    (TimelineEvent, event_json),
    (Timeline, lambda t: {"events": [event_json(e) for e in t], "coverage": coverage_json(t.coverage)}),
    (Coverage, coverage_json),
    (Change, _change),
    (Diff, diff_json),
    (Span, _span),
    (ActionHistory, _history),
    (EntityMatch, _entity_match),
    (ScreenMatch, _screen_match),
    (ScreenResult, _screen_result),
    (Related, related_json),
)
