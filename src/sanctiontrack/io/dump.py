"""Write records back out in the action file's own form (for YAML round trips and JSON export)."""

from __future__ import annotations

from typing import Any

import yaml

from ..model.dates import Confidence, DateValue
from ..model.records import Action, ControlledItem, Dataset, Destinations, Entity, Snapshot, Source

__all__ = ["dump_action", "dump_dataset", "dump_destinations", "dump_entity", "dump_item", "dump_snapshot", "dump_source", "to_yaml"]


def _date(value: DateValue | None) -> Any:
    return None if value is None else value.dump()


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    """Drop empty and default-valued fields, so dumps read like hand-written records."""
    return {k: v for k, v in mapping.items() if v not in (None, [], {}, ())}


def dump_entity(entity: Entity) -> dict[str, Any]:
    """An entity as a plain mapping in file form."""
    return _clean(
        {
            "id": entity.id,
            "name": entity.name,
            "kind": entity.kind.value,
            "country": entity.country,
            "aliases": [_clean({"name": a.name, "lang": a.lang, "note": a.note, "sources": list(a.sources)}) for a in entity.aliases],
            "links": [
                _clean(
                    {
                        "relation": link.relation.value,
                        "entity": link.entity,
                        "from": _date(link.start),
                        "until": _date(link.until),
                        "sources": list(link.sources),
                        "note": link.note,
                    }
                )
                for link in entity.links
            ],
            "notes": [{"date": _date(n.date), "text": n.text} for n in entity.notes],
            "sources": list(entity.sources),
            "addresses": list(entity.addresses),
            "identifiers": [_clean({"scheme": i.scheme, "value": i.value, "sources": list(i.sources)}) for i in entity.identifiers],
        }
    )


def dump_item(item: ControlledItem) -> dict[str, Any]:
    """A controlled item as a plain mapping in file form."""
    return _clean(
        {
            "id": item.id,
            "kind": item.kind.value,
            "name": item.name,
            "jurisdiction": item.jurisdiction,
            "codes": list(item.codes),
            "aliases": [_clean({"name": a.name, "lang": a.lang, "note": a.note, "sources": list(a.sources)}) for a in item.aliases],
            "notes": [{"date": _date(n.date), "text": n.text} for n in item.notes],
            "sources": list(item.sources),
        }
    )


def dump_destinations(destinations: Destinations) -> Any:
    """Destinations in file form: ``all``, ``{all_except: [...]}``, a list, or None when none are stated.

    >>> dump_destinations(Destinations(everywhere=True, excepted=("CA",)))
    {'all_except': ['CA']}
    """
    if destinations.everywhere:
        return {"all_except": list(destinations.excepted)} if destinations.excepted else "all"
    return [*destinations.countries, *destinations.groups] or None


def dump_source(source: Source) -> dict[str, Any]:
    """A source as a plain mapping in file form."""
    return _clean(
        {
            "id": source.id,
            "kind": source.kind.value,
            "publisher": source.publisher,
            "title": source.title,
            "published": _date(source.published),
            "url": source.url,
            "seed": source.seed,
            "retrieved": _date(source.retrieved),
        }
    )


def dump_snapshot(snapshot: Snapshot) -> dict[str, Any]:
    """A snapshot of official lists as a plain mapping in file form.

    >>> from sanctiontrack import OfficialList
    >>> dump_snapshot(Snapshot("dpl-2019-06", (OfficialList.DPL,), DateValue.parse("2019-06-29")))
    {'id': 'dpl-2019-06', 'lists': ['DPL'], 'as_of': '2019-06-29'}
    """
    return _clean(
        {
            "id": snapshot.id,
            "lists": [official.value for official in snapshot.lists],
            "as_of": _date(snapshot.as_of),
            "partial": True if snapshot.partial else None,
            "sources": list(snapshot.sources),
            "note": snapshot.note,
            "file": snapshot.file,
        }
    )


def dump_action(action: Action) -> dict[str, Any]:
    """An action as a plain mapping in file form."""
    dates = _clean({kind.value: _date(value) for kind, value in action.dates.items()})
    out: dict[str, Any] = {
        "id": action.id,
        "kind": action.kind.value,
        "title": action.title,
        "jurisdiction": action.jurisdiction,
        "authority": action.authority,
        "timezone": action.timezone,
        "summary": action.summary,
        "instruments": [_clean({"type": i.type.value, "value": i.value, "url": i.url, "court": i.court}) for i in action.instruments],
        "dates": dates,
        "targets": [
            _clean(
                {
                    "entity": t.entity,
                    "item": t.item,
                    "destinations": dump_destinations(t.destinations),
                    "exported_from": list(t.exported_from),
                    "role": t.role.value,
                    "scope": t.scope.value,
                    "listed_as": t.listed_as,
                    "prohibitions": list(t.prohibitions),
                    "confidence": None if t.confidence is Confidence.CONFIRMED else t.confidence.value,
                    "note": t.note,
                }
            )
            for t in action.targets
        ],
        "relations": [
            _clean(
                {
                    "type": r.type.value,
                    "action": r.action,
                    "prohibitions": list(r.prohibitions),
                    "entities": list(r.entities),
                    "effective": _date(r.effective),
                    "until": _date(r.until),
                    "purpose": r.purpose,
                    "note": r.note,
                }
            )
            for r in action.relations
        ],
        "evidence": [
            _clean({"source": e.source, "quote": e.quote, "locator": e.locator, "supports": list(e.supports), "note": e.note})
            for e in action.evidence
        ],
        "confidence": action.confidence,
        "notes": [{"date": _date(n.date), "text": n.text} for n in action.notes],
        "acknowledged": list(action.acknowledged),
    }
    if action.kind.is_restricting:
        out["restricts"] = [
            _clean(
                {"id": p.id, "category": p.category.value, "summary": p.summary, "effective": _date(p.effective), "ended": _date(p.ended)}
            )
            for p in action.restricts
        ]
    return _clean(out)


def dump_dataset(dataset: Dataset) -> dict[str, Any]:
    """A whole dataset as plain data in file form.

    >>> from sanctiontrack import Dataset
    >>> dump_dataset(Dataset())
    {'entities': [], 'sources': [], 'actions': [], 'items': []}
    """
    out = {
        "entities": [dump_entity(e) for e in dataset.entities],
        "sources": [dump_source(s) for s in dataset.sources],
        "actions": [dump_action(a) for a in dataset.actions],
        "items": [dump_item(i) for i in dataset.items],
    }
    if dataset.snapshots:
        out["snapshots"] = [dump_snapshot(s) for s in dataset.snapshots]
    return out


def to_yaml(dataset: Dataset) -> str:
    """A dataset as YAML text that loads back to equal records."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(dump_dataset(dataset), Dumper=dumper, sort_keys=False, allow_unicode=True, width=120)
