"""An open store: lookups by id and name key, each entity's restricted days, and records decoded when first read."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model.errors import StoreError
from ..model.records import Action, ControlledItem, Entity, Snapshot, Source
from .build import SHIFT, key_hash
from .codec import decode_action, decode_entity, decode_item, decode_snapshot, decode_source
from .file import Reader

if TYPE_CHECKING:
    import numpy as np

    from ..screen.score import Screener

__all__ = ["EntitiesById", "LinkedFrom", "NamesByKey", "Store"]

_HASHED_LOOKUPS = 256  # ids looked up one by one before the whole id table is read into a dict
_PAGED_BOUNDS = 256  # entities' days read page by page before the whole day index is read and checked at once
_PAGED_ROWS = 256  # rows of a table found by their offsets' own pages before its whole offset array is checked at once
_BULK_KEYS = 256  # name keys looked up together from which named_many reads the whole hash array instead of its pages
_NAMED = 2  # a key's entries of a lower rank are names or aliases; rank 2 is an id's words


class Store:
    """A compiled store opened read-only; every read is checked, and a failed check raises :class:`StoreError`.

    Records are decoded on first use and kept; nothing else is read until asked for.
    """

    def __init__(self, path: Path, key: str | None = None) -> None:
        self.file = Reader(path, key)
        self.path = path
        counts = self.file.meta.get("counts", {})
        try:
            self.entity_count = int(counts["entities"])
            self.action_count = int(counts["actions"])
            self.source_count = int(counts["sources"])
            self.item_count = int(counts["items"])
        except (KeyError, TypeError, ValueError):
            raise self.file.damaged("counts missing from the header") from None
        self._entities: dict[int, Entity] = {}
        self._actions: dict[int, Action] = {}
        self._sources: dict[int, Source] = {}
        self._items: dict[int, ControlledItem] = {}
        self._offsets: dict[str, memoryview] = {}  # a table's offsets, checked whole once it was read often
        self._row_reads: dict[str, int] = {}
        self._numbers: dict[str, int] | None = None  # every id's number, once enough ids were asked for
        self._ids: list[str] | None = None  # every id by number, once read whole
        self._id_lookups = 0
        self._all_bounds: tuple[tuple[int, ...], list[int]] | None = None  # (days, offsets) of every entity, once enough were read
        self._bounds_reads = 0

    @property
    def meta(self) -> dict[str, Any]:
        """What the store was built from (inputs, versions), as written in its header."""
        return self.file.meta

    def snapshots(self) -> tuple[Snapshot, ...]:
        """The snapshots of official lists the store's records were imported from (kept in its checked header)."""
        found = self.file.meta.get("snapshots", [])
        try:
            return tuple(decode_snapshot(s) for s in found)
        except (TypeError, ValueError):
            raise self.damaged("snapshots in the header are malformed") from None

    def linked_from(self) -> LinkedFrom:
        """For each entity some link points at, the ids of the entities whose links do (read per entity when asked)."""
        return LinkedFrom(self)

    def linking(self, number: int) -> tuple[int, ...]:
        """The numbers of the entities whose links point at entity ``number``."""
        found = self._ints("linked.from", number)
        if any(not 0 <= n < self.entity_count for n in found):
            raise self.damaged(f"linked.from: row {number} names no entity")
        return found

    def damaged(self, why: str) -> StoreError:
        """The error for a store whose content contradicts itself."""
        return self.file.damaged(why)

    # -- tables ----------------------------------------------------------------------------------

    def _span(self, name: str, index: int) -> tuple[int, int]:
        """Where row ``index`` of table ``name`` lies in its section.

        The first rows read check only the page of their two offsets, so that a question costs the
        same whatever the table's size; a process that reads many checks the whole offset array once.
        """
        offsets = self._offsets.get(name)
        if offsets is None:
            reads = self._row_reads[name] = self._row_reads.get(name, 0) + 1
            if reads > _PAGED_ROWS:
                offsets = self._offsets[name] = self.file.array(f"{name}.off")
            else:
                if not 0 <= index < len(self.file.unchecked(f"{name}.off")) - 1:
                    raise self.damaged(f"{name}: no row {index}")
                start, stop = self.file.items(f"{name}.off", index, index + 2)
                if not 0 <= start <= stop:
                    raise self.damaged(f"{name}: row {index} has bad offsets")
                return start, stop
        if not 0 <= index < len(offsets) - 1:
            raise self.damaged(f"{name}: no row {index}")
        start, stop = offsets[index], offsets[index + 1]
        if not 0 <= start <= stop:
            raise self.damaged(f"{name}: row {index} has bad offsets")
        return start, stop

    def _blob(self, name: str, index: int) -> bytes:
        start, stop = self._span(name, index)
        return self.file.bytes_at(name, start, stop)

    def _plain(self, name: str, index: int) -> Any:
        try:
            return json.loads(self._blob(name, index))
        except ValueError:
            raise self.damaged(f"{name}: row {index} is not well-formed") from None

    def _ints(self, name: str, index: int) -> tuple[int, ...]:
        start, stop = self._span(name, index)
        return tuple(self.file.items(name, start, stop))

    def lookup(self, name: str, key: str) -> Any | None:
        """The value filed under ``key`` in dictionary ``name`` (``ids``, ``aids``, ``names``), or None."""
        wanted = key_hash(key)
        at = self._find(f"{name}.hash", wanted)
        if at is None:
            return None
        return self._in_bucket(name, at, self._plain(name, at), key)

    def _in_bucket(self, name: str, at: int, bucket: Any, key: str) -> Any | None:
        """The value filed under ``key`` in bucket ``at`` of dictionary ``name`` (its decoded [key, value] pairs), or None."""
        try:
            for found, value in bucket:
                if found == key:
                    return value
        except (TypeError, ValueError):
            raise self.damaged(f"{name}: bucket {at} is malformed") from None
        return None

    def _find(self, name: str, wanted: int) -> int | None:
        """The index of ``wanted`` in the sorted hash array ``name``, or None, reading only checked pages of it.

        The bisection runs over the unchecked array; then the pages of the two items it stopped
        between are checked. If those genuine items bracket ``wanted``, the stop is where a bisection
        of the genuine (sorted) array stops too, whatever a damaged page elsewhere held; if not, the
        whole array is checked, which names the damage.
        """
        hashes = self.file.unchecked(name)
        size = len(hashes)
        at = bisect_left(hashes, wanted)
        low = max(at - 1, 0)
        near = self.file.items(name, low, min(at + 1, size))
        below = near[0] if at > 0 else None
        here = near[at - low] if at < size else None
        if (below is not None and below >= wanted) or (here is not None and here < wanted):
            hashes = self.file.array(name)  # raises for the damaged page
            at = bisect_left(hashes, wanted)
            here = hashes[at] if at < size else None
        return at if here == wanted else None

    def _record(self, name: str, index: int, cache: dict[int, Any], decode: Any) -> Any:
        found = cache.get(index)
        if found is None:
            try:
                found = cache[index] = decode(self._plain(name, index))
            except (TypeError, ValueError, IndexError, KeyError, OverflowError) as exc:
                if isinstance(exc, StoreError):
                    raise
                raise self.damaged(f"{name}: row {index} does not decode ({exc})") from None
        return found

    def entity(self, index: int) -> Entity:
        """Entity number ``index`` (in the order of the files)."""
        entity: Entity = self._record("entities", index, self._entities, decode_entity)
        return entity

    def action(self, index: int) -> Action:
        """Action number ``index``."""
        action: Action = self._record("actions", index, self._actions, decode_action)
        return action

    def source(self, index: int) -> Source:
        """Source number ``index``."""
        source: Source = self._record("sources", index, self._sources, decode_source)
        return source

    def item(self, index: int) -> ControlledItem:
        """Controlled item number ``index``."""
        item: ControlledItem = self._record("items", index, self._items, decode_item)
        return item

    def entity_id(self, number: int) -> str:
        """The id of entity ``number``, read without decoding its record."""
        blob = self._blob("eids", number)
        if not blob.endswith(b"\n"):
            raise self.damaged(f"eids: row {number} is malformed")
        return blob[:-1].decode()

    def _id_table(self) -> dict[str, int]:
        """Every entity id with its number, from the ``eids`` table read whole."""
        ids = self._id_list()
        table = dict(zip(ids, range(len(ids)), strict=True))
        if len(table) != self.entity_count:
            raise self.damaged("eids: the ids do not match the entity count")
        return table

    def _id_list(self) -> list[str]:
        """Every entity id by number, from the ``eids`` table read whole (once: bulk name lookups name many entities)."""
        if self._ids is None:
            _, length, _ = self.file.raw("eids")
            ids = self.file.bytes_at("eids", 0, length).decode().split("\n")
            if ids[-1] != "" or len(ids) - 1 != self.entity_count:
                raise self.damaged("eids: the ids do not match the entity count")
            ids.pop()
            self._ids = ids
        return self._ids

    def entity_number(self, entity_id: str) -> int | None:
        """The number of the entity with this id, or None.

        The first ids asked for are looked up in the hashed ``ids`` table, which reads a page or two;
        a process that asks for many (a batch, a long-running service) reads the whole id table once
        into a dict instead, so each later first question costs a dict lookup.
        """
        table = self._numbers
        if table is not None:
            return table.get(entity_id)
        self._id_lookups += 1
        if self._id_lookups > _HASHED_LOOKUPS:
            self._numbers = self._id_table()
            return self._numbers.get(entity_id)
        found = self.lookup("ids", entity_id)
        if found is not None and not (isinstance(found, int) and 0 <= found < self.entity_count):
            raise self.damaged(f"ids: bad entry for {entity_id!r}")
        return found

    def action_number(self, action_id: str) -> int | None:
        """The number of the action with this id, or None."""
        found = self.lookup("aids", action_id)
        if found is not None and not (isinstance(found, int) and 0 <= found < self.action_count):
            raise self.damaged(f"aids: bad entry for {action_id!r}")
        return found

    def named(self, key: str) -> list[tuple[int, str, str]] | None:
        """The (rank, entity id, name) entries filed under a name key, best first, or None."""
        return self._entries(key, self.entity_id)

    def named_many(self, keys: Sequence[str]) -> list[list[tuple[int, str, str]] | None]:
        """``named`` for each of many keys (screening's matches), with the ids from the whole id table, read once.

        Each key's entries are checked as ``named`` checks them. From ``_BULK_KEYS`` keys on, the
        keys are hashed and found in the whole (checked) hash array at once, and their buckets parsed
        as one JSON array. That is about a third of the cost of a lookup per key, for the tens of
        thousands of keys a screened list matches.
        """
        ids = self._id_list()
        if len(keys) < _BULK_KEYS:
            return [self._entries(key, ids.__getitem__) for key in keys]
        import numpy

        hashes = numpy.frombuffer(self.file.array("names.hash"), dtype=numpy.uint64)
        if not len(hashes):
            return [None] * len(keys)
        wanted = numpy.fromiter(map(key_hash, keys), dtype=numpy.uint64, count=len(keys))
        at = numpy.minimum(numpy.searchsorted(hashes, wanted), len(hashes) - 1)
        filed = hashes[at] == wanted
        rows = at[filed].tolist()
        blobs = [self._blob("names", row) for row in rows]
        try:
            buckets = json.loads(b"[" + b",".join(blobs) + b"]")
        except ValueError:
            buckets = None
        if not isinstance(buckets, list) or len(buckets) != len(rows):  # a bucket that is not one JSON value
            for row in rows:
                self._plain("names", row)  # raises naming the first row that is not well-formed
            raise self.damaged(f"names: {len(rows)} buckets do not parse as {len(rows)} values")
        out: list[list[tuple[int, str, str]] | None] = []
        found = iter(zip(rows, buckets, strict=True))
        for key, hit in zip(keys, filed.tolist(), strict=True):
            if hit:
                row, bucket = next(found)
                value = self._in_bucket("names", row, bucket, key)
                out.append(None if value is None else self._checked_entries(key, value, ids.__getitem__))
            else:
                out.append(None)
        return out

    def _entries(self, key: str, id_of: Callable[[int], str]) -> list[tuple[int, str, str]] | None:
        """The entries filed under ``key``, each entity number checked and turned into its id by ``id_of``."""
        found = self.lookup("names", key)
        return None if found is None else self._checked_entries(key, found, id_of)

    def _checked_entries(self, key: str, found: Any, id_of: Callable[[int], str]) -> list[tuple[int, str, str]]:
        """A name bucket's value for ``key`` as (rank, entity id, name) entries, each entity number checked."""
        try:
            entries = [(int(rank), number, str(name)) for rank, number, name in found]
        except (TypeError, ValueError):
            raise self.damaged(f"names: bad entry for {key!r}") from None
        for _, number, _ in entries:
            if not (isinstance(number, int) and 0 <= number < self.entity_count):
                raise self.damaged(f"names: no entity number {number!r}")
        return [(rank, id_of(number), name) for rank, number, name in entries]

    def name_keys(self) -> list[str]:
        """Every name key, in the order the names were indexed."""
        return self._lines("names.keys")

    def _lines(self, name: str) -> list[str]:
        """The lines of text section ``name`` (none when it is empty)."""
        _, length, _ = self.file.raw(name)
        try:
            text = self.file.bytes_at(name, 0, length).decode()
        except UnicodeDecodeError:
            raise self.damaged(f"{name}: not UTF-8 text") from None
        return text.split("\n") if text else []

    def named_keys(self) -> list[str]:
        """The name keys some name or alias has (keys of id words alone left out), in index order, from each key's stored best rank.

        What screening scores against; no entry is decoded.
        """
        keys = self.name_keys()
        ranks = self.file.array("names.ranks")
        if len(ranks) != len(keys):
            raise self.damaged("names.ranks: not one rank per name key")
        return list(compress(keys, map(_NAMED.__gt__, ranks)))

    def screener(self) -> Screener:
        """Screening's arrangement of the named keys, as the build made it (no sorting, no character counts).

        The keys come from the name index itself (``screen.order`` holds their positions there), so a
        screener from the store never proposes a key the index lacks.
        """
        import numpy

        from ..screen._charindex import BUCKETS
        from ..screen.score import Screener

        named = self.named_keys()
        order = numpy.asarray(self.file.array("screen.order"))
        if len(order) != len(named) or (len(order) and int(order.max()) >= len(order)):
            raise self.damaged("screen.order: not an arrangement of the named keys")
        keys = [named[i] for i in order.tolist()]
        sorted_keys = self._lines("screen.sorted")
        tables = {
            name: (self._lines(f"screen.{name}.labels"), self.file.array(f"screen.{name}.off"), self.file.array(f"screen.{name}"))
            for name in ("postings", "word_sets")
        }
        counted = self.file.array("screen.in_order").tolist()
        if len(counted) != 1:
            raise self.damaged("screen.in_order: not one count")
        in_order = counted[0]
        names = ("bucket_of", "uncoded", "tier_sizes", "tier_levels", "tier_keys", "tier_excess", "tier_codes")
        arrays = {name: numpy.asarray(self.file.array(f"screen.{name}")) for name in names}
        try:
            arrays["tier_levels"] = arrays["tier_levels"].reshape(-1, BUCKETS)
            return Screener.from_parts(keys, sorted_keys, in_order, arrays, tables)
        except ValueError as exc:
            raise self.damaged(f"screening index: {exc}") from None

    def action_ids(self) -> list[str]:
        """Every action id, in file order."""
        return self._lines("aids.all")

    # -- days ------------------------------------------------------------------------------------

    def bounds(self, number: int) -> tuple[int, ...]:
        """The flat, sorted bounds of entity ``number``'s restricted runs of days (as the day index has them).

        The first entities asked about are read from the pages they lie on; a process that asks about
        many reads and checks the whole day index once instead, so each later first question is a slice.
        """
        whole = self._all_bounds
        if whole is None:
            self._bounds_reads += 1
            if self._bounds_reads > _PAGED_BOUNDS:
                whole = self._all_bounds = self._read_all_bounds()
        if whole is not None:
            days, offsets = whole
            if not 0 <= number < self.entity_count:
                raise self.damaged(f"bounds: no row {number}")
            return days[offsets[number] : offsets[number + 1]]
        start, stop = self._span("bounds", number)
        found = tuple(self.file.items("bounds.days", start, stop))
        if len(found) > 1 and (len(set(found)) < len(found) or sorted(found) != list(found)):
            raise self.damaged(f"bounds: entity {number} out of order")
        return found

    def id_bounds(self, entity_id: str) -> tuple[int, ...] | None:
        """:meth:`bounds` of the entity with this id (None if there is none): one call for a verdict's first question."""
        numbers, whole = self._numbers, self._all_bounds
        if numbers is None or whole is None:
            number = self.entity_number(entity_id)
            return None if number is None else self.bounds(number)
        number = numbers.get(entity_id)
        if number is None:
            return None
        days, offsets = whole
        return days[offsets[number] : offsets[number + 1]]

    def _read_all_bounds(self) -> tuple[tuple[int, ...], list[int]]:
        """Every entity's days and offsets as lists, every page checked, and every entity's days checked to rise."""
        offsets = self.file.array("bounds.off").tolist()
        days = tuple(self.file.array("bounds.days").tolist())
        if len(offsets) != self.entity_count + 1 or offsets[0] != 0 or offsets[-1] != len(days):
            raise self.damaged("bounds: offsets do not match the day index")
        if any(map(int.__gt__, offsets, offsets[1:])):
            raise self.damaged("bounds: offsets out of order")
        falls = [at for at, (before, after) in enumerate(pairwise(days), 1) if after <= before]  # where a day fails to rise
        if falls:
            starts = set(offsets)  # a new entity's first day may be anything
            bad = next((at for at in falls if at not in starts), None)
            if bad is not None:
                raise self.damaged(f"bounds: entity {bisect_right(offsets, bad) - 1} out of order")
        return days, offsets

    def closure(self, number: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """The action, entity and source numbers an explanation of entity ``number`` needs."""
        return self._ints("closure.actions", number), self._ints("closure.entities", number), self._ints("closure.sources", number)

    def day_keys(self) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """(composite keys ``entity << SHIFT | day + 2**24``, per-entity offsets) as NumPy arrays over the mapping."""
        import numpy as np

        keys = np.frombuffer(self.file.array("bounds.keys"), dtype="<i8")
        offsets = np.frombuffer(self.file.array("bounds.off"), dtype="<i8")
        if len(offsets) != self.entity_count + 1 or (len(keys) and (keys[0] < 0 or keys[-1] >> SHIFT >= self.entity_count)):
            raise self.damaged("bounds: tables disagree")
        return keys, offsets

    def segments(self) -> dict[str, np.ndarray[Any, Any]]:
        """The per-action segment table's columns (entity and action numbers, from and until days, basis)."""
        import numpy as np

        names = ("entity", "action", "from", "until", "basis")
        columns = {name: np.frombuffer(self.file.array(f"segments.{name}"), dtype=self.file.raw(f"segments.{name}")[2]) for name in names}
        if len({len(c) for c in columns.values()}) != 1:
            raise self.damaged("segments: columns of different lengths")
        return columns


class EntitiesById(Mapping[str, Entity]):
    """A store's entities as a read-only mapping from id (decoded when read)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __getitem__(self, entity_id: str) -> Entity:
        number = self.store.entity_number(entity_id) if isinstance(entity_id, str) else None
        if number is None:
            raise KeyError(entity_id)
        entity = self.store.entity(number)
        if entity.id != entity_id:
            raise self.store.damaged(f"ids: {entity_id!r} files entity {entity.id!r}")
        return entity

    def get(self, entity_id: str, default: Any = None) -> Any:
        try:
            return self[entity_id]
        except KeyError:
            return default

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self.store.entity_number(entity_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (self.store.entity(i).id for i in range(self.store.entity_count))

    def __len__(self) -> int:
        return self.store.entity_count

    def values(self) -> Iterator[Entity]:  # type: ignore[override]
        return (self.store.entity(i) for i in range(self.store.entity_count))


class NamesByKey(Mapping[str, list[tuple[int, str, str]]]):
    """A store's name index as a read-only mapping from name key to (rank, entity id, name) entries."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._keys: list[str] | None = None

    def __getitem__(self, key: str) -> list[tuple[int, str, str]]:
        found = self.store.named(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self.store.named(key) if isinstance(key, str) else None
        return default if found is None else found

    def __iter__(self) -> Iterator[str]:
        if self._keys is None:
            self._keys = self.store.name_keys()
        return iter(self._keys)

    def named_keys(self) -> list[str]:
        """The keys some name or alias has (not an id's words alone), read without decoding any entry."""
        return self.store.named_keys()

    def named_many(self, keys: Sequence[str]) -> list[list[tuple[int, str, str]] | None]:
        """The entries filed under each of ``keys`` (None for a key not filed), read in bulk."""
        return self.store.named_many(keys)

    def __len__(self) -> int:
        if self._keys is None:
            self._keys = self.store.name_keys()
        return len(self._keys)


class LinkedFrom(Mapping[str, tuple[str, ...]]):
    """A store's index of who links to whom, as a read-only mapping from an entity id to the ids of the entities linking to it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __getitem__(self, entity_id: str) -> tuple[str, ...]:
        number = self.store.entity_number(entity_id) if isinstance(entity_id, str) else None
        found = self.store.linking(number) if number is not None else ()
        if not found:
            raise KeyError(entity_id)
        return tuple(self.store.entity_id(n) for n in found)

    def __iter__(self) -> Iterator[str]:
        store = self.store
        return (store.entity_id(n) for n in range(store.entity_count) if store.linking(n))

    def __len__(self) -> int:
        return sum(1 for _ in self)
