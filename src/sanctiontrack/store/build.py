"""Compile a validated dataset into a store: what the engine's day index says, laid out for lookups without parsing.

The store persists what the engine produces and decides nothing itself: each entity's restricted
days are :class:`~sanctiontrack.engine.daily.Daily`'s bounds, the per-action segments are the same
projection of :meth:`Engine.restricting <sanctiontrack.engine.semantics.Engine.restricting>`, and
each entity's *closure* lists the records an explanation of it needs (the actions that bear on it
with every action related to those, the entity and its owners, the sources they cite), so that a
small engine over just those records answers exactly as the whole one does.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..engine.daily import Daily, project
from ..engine.semantics import Engine
from ..model._lazy import blake2b
from ..model.intervals import union
from ..model.records import Dataset
from .codec import Plain, decode_action, decode_entity, decode_item, decode_snapshot, decode_source, encode
from .file import Writer

__all__ = ["BASES", "SHIFT", "build", "key_hash"]

SHIFT = 25  # composite key: entity number << SHIFT | (day + OFFSET); days lie within ±DAY_FOREVER < 2**24
OFFSET = 1 << 24
BASES = ("named", "affiliate")


def key_hash(text: str) -> int:
    """The 64-bit hash under which the store files a key (full keys are compared after it).

    >>> key_hash("huawei") == key_hash("huawei") != key_hash("huawei ")
    True
    """
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "little")


def _json(value: Plain) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _strings(writer: Writer, name: str, blobs: Iterable[bytes]) -> None:
    """A table of byte strings: ``name`` (concatenated) and ``name.off`` (n + 1 offsets)."""
    offsets = array("q", [0])
    data = bytearray()
    for blob in blobs:
        data += blob
        offsets.append(len(data))
    writer.add(name, "bytes", data)
    writer.add(f"{name}.off", "q", offsets.tobytes())


def _dictionary(writer: Writer, name: str, pairs: Iterable[tuple[str, Plain]]) -> None:
    """A hashed dictionary of text keys: sorted hashes (``name.hash``) and, per hash, the [key, value] pairs filed under it."""
    buckets: dict[int, list[list[Plain]]] = {}
    for key, value in pairs:
        buckets.setdefault(key_hash(key), []).append([key, value])
    hashes = sorted(buckets)
    writer.add(f"{name}.hash", "Q", array("Q", hashes).tobytes())
    _strings(writer, name, (_json(buckets[h]) for h in hashes))


def _ragged(writer: Writer, name: str, rows: Sequence[Sequence[int]]) -> None:
    """Rows of unsigned integers: ``name`` (concatenated) and ``name.off``."""
    offsets = array("q", [0])
    data = array("I")
    for row in rows:
        data.extend(row)
        offsets.append(len(data))
    writer.add(name, "I", data.tobytes())
    writer.add(f"{name}.off", "q", offsets.tobytes())


def _screener(writer: Writer, named: list[str]) -> None:
    """Screening's arrangement of the ``named`` keys (in name-index order), kept so a screening need not redo it.

    ``screen.order`` lists the keys' positions among the named keys as arranged; ``screen.sorted`` their
    words in order; ``screen.in_order`` how many come first with their words in order;
    ``screen.postings`` and ``screen.word_sets`` (with ``.labels`` and ``.off``) the keys holding each
    word and each distinctive word set; the rest are the character index's arrays (``CharIndex.arrays()``).
    """
    from ..screen.score import Screener

    screener = Screener(named)
    keys, sorted_keys, in_order, arrays, tables = screener.parts()
    position = {key: i for i, key in enumerate(named)}
    writer.add("screen.order", "I", array("I", [position[k] for k in keys]).tobytes())
    writer.add("screen.sorted", "bytes", "\n".join(sorted_keys).encode())
    writer.add("screen.in_order", "q", array("q", [in_order]).tobytes())
    for name, values in arrays.items():
        kind = "f" if values.dtype.kind == "f" else "q"  # float32 codes and excess; int64 the rest
        writer.add(f"screen.{name}", kind, values.astype("f4" if kind == "f" else "i8").tobytes())
    for name, (labels, offsets, members) in tables.items():  # labels are words, or words joined by one space: no line breaks
        writer.add(f"screen.{name}.labels", "bytes", "\n".join(labels).encode())
        writer.add(f"screen.{name}.off", "q", array("q", offsets).tobytes())
        writer.add(f"screen.{name}", "I", array("I", members).tobytes())


def _round_trip(encoded: list[bytes], records: Sequence[Any], decode: Any, what: str) -> None:
    for blob, record in zip(encoded, records, strict=True):
        if decode(json.loads(blob)) != record:
            raise ValueError(f"{what} {getattr(record, 'id', '?')!r} does not survive the store's encoding")


def build(
    path: Path,
    key: str,
    meta: dict[str, Any],
    dataset: Dataset,
    engine: Engine,
    daily: Daily,
    names: Mapping[str, Sequence[tuple[int, str, str]]],
) -> None:
    """Write the store of ``dataset`` to ``path`` (atomically); ``names`` maps each name key to its (rank, entity id, name) entries."""
    entity_no = {e.id: i for i, e in enumerate(dataset.entities)}
    action_no = {a.id: i for i, a in enumerate(dataset.actions)}
    source_no = {s.id: i for i, s in enumerate(dataset.sources)}
    writer = Writer()

    records = [_json(encode(e)) for e in dataset.entities]
    _round_trip(records, dataset.entities, decode_entity, "entity")
    _strings(writer, "entities", records)
    records = [_json(encode(a)) for a in dataset.actions]
    _round_trip(records, dataset.actions, decode_action, "action")
    _strings(writer, "actions", records)
    records = [_json(encode(s)) for s in dataset.sources]
    _round_trip(records, dataset.sources, decode_source, "source")
    _strings(writer, "sources", records)
    records = [_json(encode(i)) for i in dataset.items]
    _round_trip(records, dataset.items, decode_item, "item")
    _strings(writer, "items", records)
    del records

    if any("\n" in e.id for e in dataset.entities):
        raise ValueError("an entity id holds a line break")
    _strings(writer, "eids", (f"{e.id}\n".encode() for e in dataset.entities))  # each id by number, or all of them at once
    _dictionary(writer, "ids", ((e.id, i) for i, e in enumerate(dataset.entities)))
    _dictionary(writer, "aids", ((a.id, i) for i, a in enumerate(dataset.actions)))
    _dictionary(writer, "names", ((k, [[rank, entity_no[eid], name] for rank, eid, name in entries]) for k, entries in names.items()))
    keys = list(names)
    if any("\n" in k for k in keys):
        raise ValueError("a name key holds a line break")
    writer.add("names.keys", "bytes", "\n".join(keys).encode())
    # each key's best rank (0 name, 1 alias, 2 id words): screening reads which keys a name has without decoding their entries
    ranks = bytes(min((rank for rank, _, _ in entries), default=2) for entries in names.values())
    writer.add("names.ranks", "B", ranks)
    writer.add("aids.all", "bytes", "\n".join(action_no).encode())
    _screener(writer, [k for k, rank in zip(keys, ranks, strict=True) if rank < 2])  # the keys Store.named_keys() gives

    offsets = array("q", [0])
    days = array("i")
    composite = array("q")
    closure_actions: list[list[int]] = []
    closure_entities: list[list[int]] = []
    closure_sources: list[list[int]] = []
    seg_entity, seg_action, seg_from, seg_until, seg_basis = array("I"), array("I"), array("i"), array("i"), array("B")
    for number, entity in enumerate(dataset.entities):
        eid = entity.id
        bounds = daily.bounds(eid)
        days.extend(bounds)
        base = number << SHIFT
        composite.extend(base + b + OFFSET for b in bounds)
        offsets.append(len(days))
        actions: set[int] = set()
        for aid, _index, _chains in engine.candidates(eid):
            for member in engine.groups.get(aid, (aid,)):
                actions.add(action_no[member])
        owners = [entity_no[owner] for owner, _ in engine.ownership(eid) if owner in entity_no]
        closure_actions.append(sorted(actions))
        closure_entities.append(sorted({number, *owners}))
        cited = {source_no[e.source] for a in actions for e in dataset.actions[a].evidence if e.source in source_no}
        closure_sources.append(sorted(cited))
        runs: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        for aid, through_owner, span, tz in engine.restricting(eid):
            runs.setdefault((aid, through_owner), []).extend(project(span, tz))
        for (aid, through_owner), found in runs.items():
            for start, end in union(found):
                seg_entity.append(number)
                seg_action.append(action_no[aid])
                seg_from.append(start)
                seg_until.append(end)
                seg_basis.append(int(through_owner))
    writer.add("bounds.off", "q", offsets.tobytes())
    writer.add("bounds.days", "i", days.tobytes())
    writer.add("bounds.keys", "q", composite.tobytes())
    _ragged(writer, "closure.actions", closure_actions)
    _ragged(writer, "closure.entities", closure_entities)
    _ragged(writer, "closure.sources", closure_sources)
    for name, column in (
        ("segments.entity", seg_entity),
        ("segments.action", seg_action),
        ("segments.from", seg_from),
        ("segments.until", seg_until),
        ("segments.basis", seg_basis),
    ):
        writer.add(name, column.typecode, column.tobytes())
    counts = {
        "entities": len(dataset.entities),
        "actions": len(dataset.actions),
        "sources": len(dataset.sources),
        "items": len(dataset.items),
        "segments": len(seg_entity),
    }
    snapshots = [encode(s) for s in dataset.snapshots]
    _round_trip([_json(s) for s in snapshots], dataset.snapshots, decode_snapshot, "snapshot")
    # A group question decodes the entities linking to its members, not every entity. A table, not part of
    # the header: the header is parsed on every open, and at 1M actions this index alone is 7 MB of JSON.
    linked_from: list[list[int]] = [[] for _ in dataset.entities]
    for number, entity in enumerate(dataset.entities):
        for target in dict.fromkeys(link.entity for link in entity.links):
            if target in entity_no:
                linked_from[entity_no[target]].append(number)
    _ragged(writer, "linked.from", linked_from)
    writer.write(path, key, {**meta, "counts": counts, "snapshots": snapshots})
