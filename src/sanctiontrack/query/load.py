"""Load action files into a :class:`Tracker`, through a compiled store kept in the cache folder.

A store is named by the SHA-256 of everything its answers depend on: the action files and seed
documents (each name and content), the library's code and the store format, every field
length-prefixed so that no two inputs share a key. Hashing a large dataset takes longer than
opening its store, so a second, cheap key made of the same files' paths, sizes, modification and
change times and inode numbers (as Python's own bytecode cache uses) names a small ``.ref`` file
pointing at the store; it is checked against the inputs the store lists, and hashing decides when it
is missing or stale.

A store is written only after the files validated cleanly, atomically (a temporary file renamed
over the target), so concurrent builders leave one whole store. A store that is missing, foreign,
cut short or damaged is rebuilt; a cache folder that is read-only or full leaves the answers
parsed from the files, and leaks no temporary file. Old stores are pruned: the four most recently
used are kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..io.bundle import bundled_data
from ..io.files import collect_files, seed_folders
from ..model._lazy import blake2b
from ..model.errors import DataError, Problem, ProblemCode, StoreError
from ..model.records import Dataset, Snapshot
from .tracker import Tracker

__all__ = ["build_store", "cache_dir", "load", "open_store", "prune", "store_key", "write_store"]

KEEP = 4  # stores kept in the cache folder
OFFICIAL = "official"  # the folder beside an action file holding the list files its snapshots import
_STALE = 3600  # seconds after which a leftover temporary file is removed
_SUFFIX = ".store"


def cache_dir() -> Path:
    """Where stores are kept: ``$SANCTIONTRACK_CACHE_DIR``, else the user's cache folder."""
    explicit = os.environ.get("SANCTIONTRACK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sanctiontrack"


def _version() -> str:
    from .. import __version__

    return __version__


Input = tuple[str, str, Path]  # (role, name relative to its root, file: an absolute path)


def _code_files() -> list[Input]:
    """The library's own modules (plain ``os`` calls: this runs on every load)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    found: list[Input] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                full = os.path.join(folder, name)
                found.append(("code", os.path.relpath(full, package).replace(os.sep, "/"), Path(full)))
    return found


def _inputs(paths: Sequence[Path], official: bool = True) -> list[Input]:
    """Every file a store's answers depend on: the library's modules, the action files, the seeds beside them.

    With ``official``, also the files of every ``official/`` folder beside an action file (the list
    files its snapshots import), so that a changed list file changes the store's key. Raises
    :class:`DataError` when a path gives no file (missing, an empty folder, a link out of its folder):
    those files' store would be the store of the others, answering without them.
    """
    found = _code_files()
    roots = [p.absolute() for p in paths]
    files, problems = collect_files(roots)
    if problems:
        raise DataError(problems)
    folders: list[Path] = []
    for file in files:
        root = next((r for r in roots if r.is_dir() and file.is_relative_to(r)), file.parent)
        found.append(("data", file.relative_to(root).as_posix(), file))
        folder = file.parent / OFFICIAL
        if official and folder not in folders and folder.is_dir():
            folders.append(folder)
    for folder in folders:
        for listed in sorted(p for p in folder.rglob("*") if p.is_file()):
            found.append(("official", listed.relative_to(folder.parent).as_posix(), listed))
    for folder in seed_folders(roots):
        found.extend(("seed", seed.name, seed.absolute()) for seed in sorted(folder.glob("*.txt")))
    return found


def _field(digest: Any, value: str | bytes) -> None:
    data = value.encode() if isinstance(value, str) else value
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)


def _header(digest: Any, kind: str) -> None:
    from ..store.file import FORMAT_VERSION

    for value in (kind, str(FORMAT_VERSION), _version(), f"{sys.version_info[0]}.{sys.version_info[1]}", sys.byteorder):
        _field(digest, value)


def _content_key(inputs: Iterable[Input]) -> str:
    import hashlib  # OpenSSL's SHA-256, the fastest over many megabytes; loaded only when content is hashed

    digest = hashlib.sha256()
    _header(digest, "content")
    for role, name, file in inputs:
        _field(digest, role)
        _field(digest, name)
        _field(digest, file.read_bytes())
    return digest.hexdigest()


def _survey(inputs: Iterable[Input]) -> tuple[str, list[list[Any]]]:
    """The cheap key (paths, sizes, modification and change times, inodes) and the listing a store records, from one stat each."""
    digest = blake2b(digest_size=32)  # a name for a cache file, hashed without loading OpenSSL
    _header(digest, "stat")
    listing: list[list[Any]] = []
    for role, name, file in inputs:
        st = os.stat(file)
        _field(digest, role)
        _field(digest, os.fsencode(file))
        _field(digest, f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}")
        listing.append([role, name, st.st_size])
    return digest.hexdigest(), listing


def store_key(paths: Sequence[Path]) -> str:
    """The content key naming the store of these files (with the seeds beside them and the library's code).

    Raises :class:`DataError` when a path gives no file.

    >>> from sanctiontrack.io.bundle import bundled_data
    >>> len(store_key([bundled_data()]))
    64
    """
    return _content_key(_inputs(paths))


def open_store(path: Path, key: str | None = None) -> Tracker:
    """A tracker answering from the store at ``path``; raises :class:`StoreError` if it is not a whole, undamaged store."""
    from ..store.store import Store

    return Tracker._open(Store(path, key))


def _open_cached(path: Path, key: str, listing: list[list[Any]]) -> Tracker | None:
    """The cached store at ``path`` if it is whole, of this key and built from these inputs; else None (a bad one is removed)."""
    from ..store.store import Store

    if not path.is_file():
        return None
    try:
        store = Store(path, key)
        if store.meta.get("inputs") != listing:
            raise store.damaged("built from other files")
    except StoreError:
        _remove(path)
        return None
    store.file.on_damage = lambda: _remove(path)
    _touch(path)
    return Tracker._open(store)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _touch(path: Path) -> None:
    """Mark a store as recently used (for pruning), at most once a day; a read-only folder is fine."""
    try:
        if time.time() - path.stat().st_mtime > 86_400:
            os.utime(path)
    except OSError:
        pass


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _read_ref(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        key = data["store"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return key if isinstance(key, str) and len(key) == 64 and all(c in "0123456789abcdef" for c in key) else None


def _paths(path: str | Path | Sequence[str | Path] | None) -> list[Path]:
    """The inputs a ``path`` argument names: the bundled data when None, one path, or several read together."""
    if path is None:
        return [bundled_data()]
    if isinstance(path, (str, Path)):
        return [Path(path)]
    return [Path(p) for p in path]


def load(path: str | Path | Sequence[str | Path] | None = None, *, cache: bool = True, official: bool = True) -> Tracker:
    """Load the bundled dataset, an action file or folder of them (or a list of such, read together), or a store file (``.store``).

    With ``cache`` (the default) the compiled store in :func:`cache_dir` is opened, or built and
    kept when missing. Raises :class:`DataError` listing every located problem if the files are invalid.
    With ``official`` (the default) the snapshots that name a list ``file`` are imported and merged
    with the curated records (the bundled data: the April 2022 CSL and the 2019 DPL); without it,
    only the curated records.

    >>> from sanctiontrack import load
    >>> tracker = load()
    >>> len(tracker.actions) > 50
    True
    """
    paths = _paths(path)
    if len(paths) == 1 and paths[0].suffix == _SUFFIX and paths[0].is_file():
        return open_store(paths[0])
    if not cache:
        return _parsed(paths, official)
    folder = cache_dir()
    try:
        inputs = _inputs(paths, official)
        fast, listing = _survey(inputs)
        ref = folder / f"{fast}.ref"
    except (OSError, DataError):  # parsing reports a path that gives no file, with every other problem
        return _parsed(paths, official)
    pointed = _read_ref(ref)
    if pointed is not None:
        tracker = _open_cached(folder / f"{pointed}{_SUFFIX}", pointed, listing)
        if tracker is not None:
            return tracker
    try:
        key = _content_key(inputs)
    except OSError:
        return _parsed(paths, official, inputs)
    target = folder / f"{key}{_SUFFIX}"
    tracker = _open_cached(target, key, listing)
    if tracker is None:
        tracker = _parsed(paths, official, inputs)
        if not _save(tracker, target, key, listing):
            return tracker
    with contextlib.suppress(OSError):
        _write_text(ref, json.dumps({"store": key}))
    return tracker


def build_store(path: str | Path | Sequence[str | Path] | None = None, *, output: Path | None = None) -> Path:
    """Parse and validate the files (one path or several read together), and write their store (to the cache folder, or to ``output``).

    Returns where it went. Raises :class:`DataError` for invalid files and ``OSError`` when the store cannot be written.
    """
    paths = _paths(path)
    try:
        inputs = _inputs(paths)
    except DataError:
        _parsed(paths)  # raises DataError with every problem, the path that gives no file among them
        raise
    key = _content_key(inputs)
    fast, listing = _survey(inputs)
    tracker = _parsed(paths, True, inputs)
    target = output if output is not None else cache_dir() / f"{key}{_SUFFIX}"
    write_store(tracker, target, key, listing)
    if output is None:
        with contextlib.suppress(OSError):
            _write_text(cache_dir() / f"{fast}.ref", json.dumps({"store": key}))
        prune(cache_dir(), keep=target)
    return target


def write_store(tracker: Tracker, target: Path, key: str, listing: Sequence[list[Any]] = ()) -> None:
    """Write the store of a tracker built by parsing to ``target`` under ``key`` (atomically); ``OSError`` if that fails."""
    from ..store.build import build

    if tracker._store is not None:
        raise ValueError("a tracker opened from a store is written already")

    tracker._build_all()
    meta: dict[str, Any] = {"inputs": list(listing), "library": _version(), "python": sys.version.split()[0], "byteorder": sys.byteorder}
    meta["coverage"] = tracker.coverage.to_plain()  # answers from the store say what they cover without decoding records
    assert tracker._daily is not None
    build(target, key, meta, tracker.dataset, tracker.engine, tracker._daily, tracker.entities._by_key)


def _save(tracker: Tracker, target: Path, key: str, listing: list[list[Any]]) -> bool:
    """Write the store for the cache; False (and nothing left behind) when the folder cannot take it."""
    try:
        write_store(tracker, target, key, listing)
    except OSError:
        return False
    prune(target.parent, keep=target)
    return True


def prune(folder: Path, *, keep: Path | None = None, count: int = KEEP) -> list[Path]:
    """Remove all but the ``count`` most recently used stores in ``folder``, refs to missing stores, old pickles and leftovers.

    Returns what was removed; files that cannot be removed are left.
    """
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()

    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    stores = sorted((p for p in entries if p.suffix == _SUFFIX and len(p.stem) == 64), key=mtime, reverse=True)
    doomed = [p for p in stores[count:] if p != keep]
    doomed += [p for p in entries if p.suffix == ".pickle" and len(p.stem) == 64]  # snapshots of earlier versions
    doomed += [p for p in entries if p.name.startswith(".") and p.name.endswith(".tmp") and now - mtime(p) > _STALE]
    doomed += [p for p in entries if p.name.startswith(".snapshot-") and now - mtime(p) > _STALE]
    for p in doomed:
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            pass
    for p in entries:
        if p.suffix == ".ref":
            pointed = _read_ref(p)
            if pointed is None or not (folder / f"{pointed}{_SUFFIX}").is_file():
                try:
                    p.unlink()
                    removed.append(p)
                except OSError:
                    pass
    return removed


def _parsed(paths: list[Path], official: bool = True, inputs: Sequence[Input] | None = None) -> Tracker:
    """A tracker over the files parsed and validated, knowing which data files it was read from (for its coverage)."""
    curated: list[Dataset] = []
    dataset = _validated(paths, official, curated)
    try:
        found = inputs if inputs is not None else _inputs(paths, official)
    except (OSError, DataError):
        found = []
    return Tracker(dataset, files=[name for role, name, _ in found if role == "data"], curated=curated[0] if curated else None)


def _validated(paths: list[Path], official: bool = True, curated: list[Dataset] | None = None) -> Dataset:
    from ..checks.validate import validate_read
    from ..io.read import paused_gc, read_paths
    from ..io.seeds import SeedLibrary

    with paused_gc():
        read = read_paths(paths)
    report = validate_read(read, SeedLibrary(seed_folders(paths)))
    if report.errors:
        raise DataError(report.errors)
    dataset = report.dataset
    if curated is not None:
        curated.append(dataset)  # the records as curated, before any list is imported (for the coverage)
    if not official or not any(s.file for s in dataset.snapshots):
        return dataset
    from ..io.importers.registry import import_snapshots

    files: list[tuple[Path, Snapshot | None]] = []
    problems: list[Problem] = []
    for snapshot in dataset.snapshots:
        if snapshot.file is None:
            continue
        origin = read.origins[("snapshots", snapshot.id)]
        shown, line, col = origin.where(("file",))
        folder = (Path(origin.file.path).parent / OFFICIAL).resolve()
        target = (Path(origin.file.path).parent / snapshot.file).resolve()
        if not target.is_relative_to(folder) or not target.is_file():
            why = "is not a file" if target.is_relative_to(folder) else f"lies outside {OFFICIAL}/ beside the action file"
            problems.append(Problem(shown, line, col, snapshot.id, f"snapshot file {snapshot.file!r} {why}", code=ProblemCode.USAGE))
            continue
        files.append((target, snapshot))
    if problems:
        raise DataError(problems)
    with paused_gc():
        imported, _report = import_snapshots(files, curated=dataset)
    return imported
