"""Parquet tables of a store, for point-in-time joins in DuckDB, Spark or any engine that reads Parquet.

``segments`` holds one row per run of days in which an action restricted an entity: ``entity``,
``action``, ``from_day`` (first day, a DATE), ``until_day`` (the first day it no longer applied;
NULL while it still does), ``status`` (``in_force``: the runs are the engine's operative periods,
projected onto each action's local days, as the library's own day index) and ``basis`` (``named``,
or ``affiliate`` when it reaches the entity through an owner). ``names`` holds every way a question
can name an entity: ``key`` (an id as written, or a name's :func:`~sanctiontrack.model.names.name_key`),
``entity``, ``name``, ``kind`` (``id``, ``name``, ``alias`` or ``id_words``), ``preferred`` (the
entity the library resolves that key to; none when the key is shared alike by several), ``spelling``
(the name with case and runs of spaces ignored) and ``sole`` (a shared key whose spelling only this
entity bears: the spelling settles it). :data:`POINT_IN_TIME_SQL` is the join that answers
(name, day) questions exactly as :meth:`Tracker.restricted` does; it is plain SQL that DuckDB and
Spark SQL both run unchanged.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from ..model.clock import DAY_FOREVER
from .entities import _spelling, denoted
from .tracker import Tracker

__all__ = ["POINT_IN_TIME_SQL", "export_parquet", "questions_table"]

POINT_IN_TIME_SQL = """\
WITH resolved AS (
  SELECT q.row_id, q.day, coalesce(i.entity, p.entity, n.entity) AS entity
  FROM questions AS q
  LEFT JOIN names AS i ON i.kind = 'id' AND i.key = q.name
  LEFT JOIN names AS p ON p.kind <> 'id' AND p.sole AND p.key = q.name_key AND p.spelling = q.spelling
  LEFT JOIN names AS n ON n.kind <> 'id' AND n.preferred AND n.key = q.name_key
)
SELECT r.row_id, r.entity, count(s.entity) > 0 AS restricted
FROM resolved AS r
LEFT JOIN segments AS s
  ON s.entity = r.entity AND s.status = 'in_force'
  AND s.from_day <= r.day AND (s.until_day IS NULL OR r.day < s.until_day)
GROUP BY r.row_id, r.entity
"""

_EPOCH = dt.date(1970, 1, 1).toordinal()
_KINDS = ("name", "alias", "id_words")
_OPEN = -(2**31)  # stands for NULL (no end) on the way into DuckDB


def _columns(tracker: Tracker) -> tuple[dict[str, Any], dict[str, Any]]:
    """The segment and name tables as columns of NumPy arrays."""
    import numpy as np

    store = tracker._store
    assert store is not None
    ids = np.array([store.entity(i).id for i in range(store.entity_count)], dtype=object)
    actions = np.array(store.action_ids(), dtype=object)
    seg = store.segments()
    first = np.maximum(seg["from"].astype(np.int64), 1) - _EPOCH
    until = seg["until"].astype(np.int64)
    until = np.where(until >= min(DAY_FOREVER, dt.date.max.toordinal() + 1), _OPEN, until - _EPOCH)
    segments = {
        "entity": ids[seg["entity"].astype(np.int64)],
        "action": actions[seg["action"].astype(np.int64)],
        "from_day": first.astype(np.int32),
        "until_day": until.astype(np.int32),
        "basis": np.array(["named", "affiliate"], dtype=object)[seg["basis"].astype(np.int64)],
    }
    keys: list[str] = [str(i) for i in ids]
    entities: list[str] = list(keys)
    names: list[str] = list(keys)
    kinds: list[str] = ["id"] * len(keys)
    preferred: list[bool] = [True] * len(keys)
    spellings: list[str] = list(keys)
    sole: list[bool] = [False] * len(keys)
    index = tracker.entities._by_key
    for key in index:
        matches = index[key]
        named = [m for m in matches if m[0] < 2]  # ids' words count only when no name has the key, as in resolve()
        chosen = denoted(named) if named else matches[0][1]
        shared = len({m[1] for m in named}) > 1
        bearers: dict[str, set[str]] = {}
        for _, entity, name in named:
            bearers.setdefault(_spelling(name), set()).add(entity)
        first = True  # one preferred row per key, one sole row per spelling: each question joins one row
        settled: set[str] = set()
        for rank, entity, name in matches:
            spelling = _spelling(name)
            keys.append(key)
            entities.append(entity)
            names.append(name)
            kinds.append(_KINDS[rank])
            preferred.append(first and entity == chosen)
            first = first and entity != chosen
            spellings.append(spelling)
            solely = shared and rank < 2 and bearers.get(spelling) == {entity} and spelling not in settled
            sole.append(solely)
            if solely:
                settled.add(spelling)
    table = {
        "key": np.array(keys, dtype=object),
        "entity": np.array(entities, dtype=object),
        "name": np.array(names, dtype=object),
        "kind": np.array(kinds, dtype=object),
        "preferred": np.array(preferred, dtype=bool),
        "spelling": np.array(spellings, dtype=object),
        "sole": np.array(sole, dtype=bool),
    }
    return segments, table


def export_parquet(tracker: Tracker, folder: Path) -> tuple[Path, Path]:
    """Write ``segments.parquet`` and ``names.parquet`` to ``folder``; return their paths.

    >>> import tempfile, pathlib, sanctiontrack
    >>> with tempfile.TemporaryDirectory() as out:
    ...     [p.name for p in export_parquet(sanctiontrack.load(), pathlib.Path(out))]
    ['segments.parquet', 'names.parquet']
    """
    import duckdb

    if tracker._store is None:  # parsed, not opened: write its store aside and export from that
        from ..query.load import open_store, write_store

        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "export.store"
            write_store(tracker, path, "export")
            return export_parquet(open_store(path, "export"), folder)
    segments, names = _columns(tracker)
    folder.mkdir(parents=True, exist_ok=True)
    out_segments, out_names = folder / "segments.parquet", folder / "names.parquet"
    con = duckdb.connect()
    try:
        con.register("seg", segments)
        con.register("nam", names)
        con.execute(
            "COPY (SELECT entity, action, DATE '1970-01-01' + from_day AS from_day, "
            f"CASE WHEN until_day = {_OPEN} THEN NULL ELSE DATE '1970-01-01' + until_day END AS until_day, "
            "'in_force' AS status, basis FROM seg ORDER BY entity, from_day, action) "
            f"TO '{_quoted(out_segments)}' (FORMAT parquet)"
        )
        con.execute(f"COPY (SELECT key, entity, name, kind, preferred, spelling, sole FROM nam) TO '{_quoted(out_names)}' (FORMAT parquet)")
    finally:
        con.close()
    return out_segments, out_names


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def questions_table(names: list[str], days: list[dt.date]) -> dict[str, Any]:
    """(name, day) questions as the columns :data:`POINT_IN_TIME_SQL` reads.

    ``row_id``, ``name``, ``name_key``, ``spelling`` and ``day`` (days since 1970).

    The name keys come from :func:`~sanctiontrack.model.names.name_key`, worked out once per distinct
    name; ``spelling`` is the name case-folded with runs of spaces made one.

    >>> questions_table(["China  UNICOM"], [dt.date(2021, 1, 1)])["spelling"].tolist()
    ['china unicom']
    """
    import numpy as np

    from ..model.names import name_key

    keys = {n: name_key(n) for n in dict.fromkeys(names)}
    return {
        "row_id": np.arange(len(names), dtype=np.int64),
        "name": np.array(names, dtype=object),
        "name_key": np.array([keys[n] for n in names], dtype=object),
        "spelling": np.array([_spelling(n) for n in names], dtype=object),
        "day": np.array([d.toordinal() - _EPOCH for d in days], dtype=np.int32),
    }
