"""Load action files into a :class:`Tracker`, through a compiled snapshot when one is cached.

The snapshot is keyed by the SHA-256 of every YAML file and seed file read, and of the library's
own code, so any edit invalidates it. It is written only after the files validated cleanly.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from ..io.bundle import bundled_data
from ..io.files import collect_files, seed_folders
from ..io.read import paused_gc
from ..io.seeds import SeedLibrary
from ..model.errors import DataError
from ..model.records import Dataset
from .tracker import Tracker

__all__ = ["cache_dir", "load", "snapshot_key"]

SNAPSHOT_FORMAT = "2"  # 2: engines index controlled items and charges


def cache_dir() -> Path:
    """Where snapshots are kept: ``$SANCTIONTRACK_CACHE_DIR``, else the user's cache folder."""
    explicit = os.environ.get("SANCTIONTRACK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sanctiontrack"


def _version() -> str:
    from .. import __version__

    return __version__


def snapshot_key(paths: list[Path]) -> str:
    """The content hash naming the snapshot of these files (and the seeds beside them)."""
    files, _ = collect_files(paths)
    digest = hashlib.sha256(f"{SNAPSHOT_FORMAT}|{_version()}|{sys.version_info[:2]}".encode())
    for module in sorted(Path(__file__).parents[1].rglob("*.py")):
        digest.update(module.read_bytes())  # code changes invalidate compiled snapshots too
    for file in files:
        digest.update(str(file.name).encode())
        digest.update(file.read_bytes())
    for folder in seed_folders(paths):
        for seed in sorted(folder.glob("*.txt")):
            digest.update(seed.name.encode())
            digest.update(seed.read_bytes())
    return digest.hexdigest()


def _read_snapshot(path: Path) -> Tracker | None:
    try:
        with path.open("rb") as handle, paused_gc():
            tracker = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return tracker if isinstance(tracker, Tracker) else None


def _write_snapshot(path: Path, tracker: Tracker) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".snapshot-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(tracker, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


def load(path: str | Path | None = None, *, cache: bool = True) -> Tracker:
    """Load the bundled dataset, or an action file or folder of them, ready for queries.

    Raises :class:`DataError` listing every located problem if the files are invalid.

    >>> from sanctiontrack import load
    >>> tracker = load()
    >>> len(tracker.actions) > 50
    True
    """
    paths = [Path(path) if path is not None else bundled_data()]
    snapshot = None
    if cache:
        try:
            snapshot = cache_dir() / f"{snapshot_key(paths)}.pickle"
        except OSError:
            snapshot = None
        if snapshot is not None and snapshot.is_file():
            tracker = _read_snapshot(snapshot)
            if tracker is not None:
                return tracker
    tracker = Tracker(_validated(paths))
    if snapshot is not None:
        tracker._build_all()  # a snapshot carries the finished index: loading it leaves nothing to build
        _write_snapshot(snapshot, tracker)
    return tracker


def _validated(paths: list[Path]) -> Dataset:
    from ..checks.validate import validate_read
    from ..io.read import read_paths

    with paused_gc():
        read = read_paths(paths)
    report = validate_read(read, SeedLibrary(seed_folders(paths)))
    if report.errors:
        raise DataError(report.errors)
    return report.dataset
