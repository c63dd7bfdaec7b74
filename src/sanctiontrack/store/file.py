"""The store's container: named sections in one file, a checksummed header, a CRC-32 for every page.

Layout: an 8-byte magic, the format version and header length (two little-endian u32), the header
(JSON: the store's key, what it was built from, and each section's offset, length and type), the
header's CRC-32, then the sections, each starting on a page boundary, and last the table of page
CRCs. Opening reads the header and the page table and checks both; every page is checked the first
time anything in it is read. Nothing here evaluates code: the header is JSON, sections are bytes.

A file that is not a store, has another format version or key, is cut short, or fails a checksum
raises :class:`StoreError` and is never answered from. Writing goes to a temporary file in the same
folder, flushed to disk and then renamed over the target, so readers see the old file or the whole
new one, whatever runs at the same time.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model.errors import StoreError

__all__ = ["FORMAT_VERSION", "MAGIC", "PAGE", "Reader", "Writer"]

MAGIC = b"STRKSTOR"
# 2: a table of controlled items; 3: entity ids by number (eids); 4: linking entities as a table; 5: each name key's best rank;
# 6: screening's arrangement of the named keys and its character index; 7: its word postings and word sets
FORMAT_VERSION = 7
PAGE = 1 << 15  # 32 KiB: a page is checked in about 10 µs, and a lookup touches a handful
_HEAD = struct.Struct("<8sII")
_CRC = struct.Struct("<I")
_MAX_HEADER = 1 << 24


def _pad(size: int) -> int:
    return -size % PAGE


class Writer:
    """Collects sections and writes them as one store, atomically (temporary file, fsync, rename)."""

    def __init__(self) -> None:
        self._sections: list[tuple[str, str, bytes]] = []

    def add(self, name: str, kind: str, data: bytes | bytearray | memoryview) -> None:
        """Add a section: ``kind`` is a struct format letter for typed arrays (``q``, ``i``, ``I``, ``B``) or ``bytes``."""
        self._sections.append((name, kind, bytes(data)))

    def write(self, path: Path, key: str, meta: dict[str, Any]) -> None:
        """Write the store to ``path`` under ``key``; raises ``OSError`` (the target left as it was) if that fails."""
        table: dict[str, list[Any]] = {}
        offset = 0
        for name, kind, data in self._sections:
            table[name] = [offset, len(data), kind]
            offset += len(data) + _pad(len(data))
        header = json.dumps({"key": key, "meta": meta, "sections": table, "page": PAGE}, separators=(",", ":")).encode()
        prefix = _HEAD.pack(MAGIC, FORMAT_VERSION, len(header)) + header
        prefix += _CRC.pack(zlib.crc32(prefix))
        start = len(prefix) + _pad(len(prefix))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            with open(tmp, "xb") as out:
                out.write(prefix + bytes(start - len(prefix)))
                crcs = bytearray()
                for _, _, data in self._sections:
                    body = data + bytes(_pad(len(data)))
                    for at in range(0, len(body), PAGE):
                        crcs += _CRC.pack(zlib.crc32(body[at : at + PAGE]))
                    out.write(body)
                out.write(crcs)
                out.write(_CRC.pack(zlib.crc32(crcs)))
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


class Reader:
    """An open store: its header, and sections read through per-page checksums.

    Raises :class:`StoreError` when the file is not a whole, undamaged store of this format and key.
    """

    def __init__(self, path: Path, key: str | None = None) -> None:
        self.path = path
        self.on_damage: Callable[[], None] | None = None
        try:
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size < _HEAD.size + _CRC.size:
                    raise self.damaged("shorter than a store's header")
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{path}: cannot open the store ({exc})") from None
        data = self._map
        magic, version, length = _HEAD.unpack_from(data, 0)
        if magic != MAGIC:
            raise self.damaged("not a sanctiontrack store (wrong magic bytes)")
        if version != FORMAT_VERSION:
            raise self.damaged(f"store format {version}, this version reads format {FORMAT_VERSION}")
        end = _HEAD.size + length
        if length > _MAX_HEADER or end + _CRC.size > size:
            raise self.damaged("header cut short")
        if zlib.crc32(data[:end]) != _CRC.unpack_from(data, end)[0]:
            raise self.damaged("header checksum mismatch")
        try:
            header = json.loads(bytes(data[_HEAD.size : end]))
            self.key: str = header["key"]
            self.meta: dict[str, Any] = header["meta"]
            page = int(header["page"])
            sections = {str(k): (int(v[0]), int(v[1]), str(v[2])) for k, v in header["sections"].items()}
        except (ValueError, KeyError, TypeError, IndexError, OverflowError, MemoryError, RecursionError) as exc:
            raise self.damaged(f"malformed header ({type(exc).__name__}: {exc})"[:200]) from None
        if page != PAGE:
            raise self.damaged(f"page size {page}, expected {PAGE}")
        if key is not None and self.key != key:
            raise self.damaged("built from other data or code (key mismatch)")
        start = end + _CRC.size
        self._base = start + _pad(start)
        body = max((o + n + _pad(n) for o, n, _ in sections.values()), default=0)
        pages = body // PAGE
        crc_at = self._base + body
        if crc_at + 4 * pages + _CRC.size != size:
            raise self.damaged(f"{size} bytes where the header promises {crc_at + 4 * pages + _CRC.size}")
        crcs = data[crc_at : crc_at + 4 * pages]
        if zlib.crc32(crcs) != _CRC.unpack_from(data, crc_at + 4 * pages)[0]:
            raise self.damaged("page table checksum mismatch")
        self._crcs = memoryview(crcs).cast("I")
        self._checked = bytearray(pages)
        self._sections = sections
        self._views: dict[str, memoryview] = {}
        self._typed: dict[str, tuple[int, int, memoryview]] = {}  # (offset, item width, unchecked view) per typed section

    def damaged(self, why: str) -> StoreError:
        """The error for a file that cannot be answered from (a cached one is removed, so that the next load rebuilds it)."""
        if self.on_damage is not None:
            self.on_damage()
            return StoreError(f"{self.path}: damaged store: {why}; removed from the cache, the next run rebuilds it")
        return StoreError(f"{self.path}: damaged or foreign store: {why}")

    def close(self) -> None:
        """Release the mapping (views handed out must be gone)."""
        self._views.clear()
        self._typed.clear()
        with contextlib.suppress(BufferError):  # still referenced by arrays handed out: the mapping goes with them
            self._map.close()

    def check(self, offset: int, length: int) -> None:
        """Check the CRC of every page holding bytes ``[offset, offset + length)`` of the body (once each)."""
        if length <= 0:
            return
        checked = self._checked
        first, last = offset // PAGE, (offset + length - 1) // PAGE
        if first == last and checked[first]:  # the common case: a small read on a page already checked
            return
        for page in range(first, last + 1):
            if not checked[page]:
                at = self._base + page * PAGE
                if zlib.crc32(self._map[at : at + PAGE]) != self._crcs[page]:
                    raise self.damaged(f"page {page} checksum mismatch")
                checked[page] = 1

    def has(self, name: str) -> bool:
        """Whether the store holds section ``name``."""
        return name in self._sections

    def raw(self, name: str) -> tuple[int, int, str]:
        """(offset in the body, length, kind) of a section."""
        try:
            return self._sections[name]
        except KeyError:
            raise self.damaged(f"section {name!r} missing") from None

    def bytes_at(self, name: str, start: int, stop: int) -> bytes:
        """Bytes ``[start, stop)`` of section ``name``, checked."""
        offset, length, _ = self.raw(name)
        if not 0 <= start <= stop <= length:
            raise self.damaged(f"section {name!r}: bytes {start}..{stop} out of its {length}")
        self.check(offset + start, stop - start)
        at = self._base + offset
        return self._map[at + start : at + stop]

    def array(self, name: str) -> memoryview:
        """A typed section as a memoryview over the mapping, every page of it checked (once)."""
        found = self._views.get(name)
        if found is not None:
            return found
        offset, length, kind = self.raw(name)
        if kind == "bytes" or length % struct.calcsize(kind):
            raise self.damaged(f"section {name!r} is not an array of {kind!r}")
        self.check(offset, length)
        at = self._base + offset
        view: memoryview[int] = memoryview(self._map)[at : at + length].cast(kind)  # type: ignore[call-overload]
        self._views[name] = view
        return view

    def unchecked(self, name: str) -> memoryview:
        """Typed section ``name`` whole with no page checked: a caller reads it only through pages it then checks (:meth:`items`)."""
        return self._typed_view(name)[2]

    def _typed_view(self, name: str) -> tuple[int, int, memoryview]:
        typed = self._typed.get(name)
        if typed is None:
            offset, length, kind = self.raw(name)
            if kind == "bytes" or length % struct.calcsize(kind):
                raise self.damaged(f"section {name!r} is not an array of {kind!r}")
            width = struct.calcsize(kind)
            at = self._base + offset
            whole: memoryview[int] = memoryview(self._map)[at : at + length].cast(kind)  # type: ignore[call-overload]
            typed = self._typed[name] = (offset, width, whole)
        return typed

    def items(self, name: str, start: int, stop: int) -> memoryview:
        """Items ``[start, stop)`` of typed section ``name``, checking only the pages they lie on."""
        typed = self._typed.get(name)
        if typed is None:
            typed = self._typed_view(name)
        offset, width, view = typed
        if not 0 <= start <= stop <= len(view):
            raise self.damaged(f"section {name!r}: items {start}..{stop} out of range")
        self.check(offset + start * width, (stop - start) * width)
        return view[start:stop]
