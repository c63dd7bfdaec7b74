"""Point queries against an indexed SQLite table and a naive scan, plus index build, store load, CLI and screening.

    .venv/bin/python benchmarks/bench_query.py                       # 100k actions (generated on first use)
    .venv/bin/python benchmarks/bench_query.py --actions 10000       # a quicker run
    .venv/bin/python benchmarks/bench_query.py --profile             # also cProfile the slow parts

Everything runs in one process except the CLI timings (subprocesses by design). Per-call times come from
``time.perf_counter_ns`` around each call, with the garbage collector off during timing loops (as
``timeit`` does); the timer's own cost is measured and printed, not subtracted. The same random
(entity id, day) questions go to:

* the library: ``tracker.restrictions(entity_id, on=day).restricted`` (and, separately, the full-detail
  variant that also reads ``.restrictions`` and ``.not_operative``), first on a freshly built tracker
  (cold: every segment's explanation is computed on first touch) and then over several shuffled rounds
  (warm);
* SQLite (stdlib ``sqlite3``, in memory): one row per (entity, operative day span, action), covering index
  on ``(entity_id, start_day, end_day)``, days as ISO text. The spans come from the library's own compiled
  engine (prohibition periods, per-target revocations, suspensions, ownership chains), exactly as its day
  index is built, and are checked against that index for every entity before timing;
* a naive scan over ``tracker.actions``: a restricting action with prohibitions that names the entity as
  a target, whose written ``effective`` day is on or before the day and whose ``ended`` day is after it,
  with one prohibition whose own written dates include the day. It ignores every relation (revocations,
  Entity List removals, injunctions and stays, lifts, supersessions, extensions, ``implements``),
  ``scope: with_subsidiaries`` and ownership links, time zones and instants (the written calendar date is
  used), and target-specific prohibition lists; its disagreements with the library are counted, not
  treated as errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import os
import pstats
import random
import shutil
import sqlite3
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sanctiontrack
from _common import OUT, Results, Stats, command_line, human, measured_label, profile_to, seconds
from generate import ensure
from sanctiontrack import Action, SpanState, Tracker

Query = tuple[str, str]
FIRST_QUERY_DAY = dt.date(2013, 1, 1)
LAST_QUERY_DAY = dt.date(2026, 12, 31)
CLI_ARGS = ["restrictions", "Huawei", "--on", "2020-02-20"]
SCREEN_DAY = "2020-02-20"
FIRST_ORDINAL = 1  # day spans are clipped to the calendar: 0001-01-01 ..
END_ORDINAL = dt.date.max.toordinal() + 1  # .. 9999-12-31 inclusive (stored as end_day '9999-12-31', exclusive)


@contextmanager
def no_gc() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


SCRATCH: list[Path] = []  # temporary folders of this run, removed at the end


def fresh_cache_dir(prefix: str = "sanctiontrack-cache-") -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    SCRATCH.append(folder)
    return folder


# -- loading --------------------------------------------------------------------------------------


def bench_load(path: Path, results: Results, repeat: int) -> Tracker:
    """``load(path, cache=True)`` with an empty cache folder (parse + validate + build + write the store), then warm."""
    from sanctiontrack.query.load import cache_dir, store_key

    os.environ["SANCTIONTRACK_CACHE_DIR"] = str(fresh_cache_dir())
    gc.collect()
    tracker, cold = seconds(lambda: sanctiontrack.load(path, cache=True))
    store_bytes = sum(p.stat().st_size for p in cache_dir().glob("*.store"))
    warm: list[float] = []
    for _ in range(repeat):
        gc.collect()
        loaded, elapsed = seconds(lambda: sanctiontrack.load(path, cache=True))
        warm.append(elapsed)
        assert loaded._store is not None
        del loaded
    gc.collect()
    _, hashing = seconds(lambda: store_key([path]))
    warm_median = statistics.median(warm)
    print(f"load, empty cache folder (parse + validate + index + write the store): {human(cold)}")
    print(f"load, store present (stat the files, open the store): {human(warm_median)}   runs: {', '.join(human(w) for w in warm)}")
    print(f"  store {store_bytes / 2**20:.1f} MiB; hashing the files for its content key (when no .ref matches): {human(hashing)}")
    print(f"ratio cold / warm load: {cold / warm_median:.1f}x")
    results.put("load_cold_ns", cold)
    results.put("load_warm_ns", Stats.of(warm))
    results.put("store_hash_ns", hashing)
    results.put("store_bytes", store_bytes)
    results.put("ratio_cold_over_warm_load", cold / warm_median)
    return tracker


def bench_build(tracker: Tracker, results: Results, repeat: int) -> list[Tracker]:
    """``sanctiontrack.Tracker(dataset)``, then every entity's day index built at once.

    A tracker compiles actions and builds an entity's day index the first time a question needs
    them (the cold-query figures below pay that); the second figure is what building all of them
    up front costs, for comparison with an index built eagerly.
    """
    built: list[Tracker] = []
    times: list[float] = []
    for _ in range(repeat):
        gc.collect()
        fresh, elapsed = seconds(lambda: Tracker(tracker.dataset))
        built.append(fresh)
        times.append(elapsed)
    median = statistics.median(times)
    print(f"index build Tracker(dataset): {human(median)}   runs: {', '.join(human(t) for t in times)}")
    results.put("index_build_ns", Stats.of(times))
    try:  # internal parts; informational, skipped if the internals change
        from sanctiontrack.engine.daily import Daily
        from sanctiontrack.engine.semantics import Engine
        from sanctiontrack.query.entities import Entities

        gc.collect()
        gc.disable()
        try:
            engine, compiling = seconds(lambda: Engine(tracker.dataset))
            _, naming = seconds(lambda: Entities(tracker.dataset.entities))
            _, targets = seconds(lambda: engine.by_target)
            daily = Daily(engine)
            _, indexing = seconds(daily.build_all)
            everything = [e for e in engine.entities if daily.bounds(e)]
        finally:
            gc.enable()
    except (ImportError, AttributeError, TypeError) as exc:
        print(f"  (parts not measured: {exc!r})")
        return built
    print(
        f"  parts (garbage collector off): Engine {human(compiling)}, Entities {human(naming)}, targets {human(targets)}; "
        f"then every entity's day index at once {human(indexing)} ({len(everything):,} entities restricted at some time, "
        f"every related group compiled): {human(median + indexing)} in all"
    )
    results.put(
        "index_build_parts_ns",
        {"engine": compiling, "entities": naming, "by_target": targets, "all_day_indexes": indexing, "eager_total": median + indexing},
    )
    return built


# -- the three ways to answer ----------------------------------------------------------------------


def make_queries(tracker: Tracker, count: int, seed: int) -> list[Query]:
    rng = random.Random(seed)
    ids = [e.id for e in tracker.dataset.entities]
    first, last = FIRST_QUERY_DAY.toordinal(), LAST_QUERY_DAY.toordinal()
    return [(rng.choice(ids), dt.date.fromordinal(rng.randint(first, last)).isoformat()) for _ in range(count)]


def timer_overhead(count: int) -> Stats:
    pc = time.perf_counter_ns
    times = [0] * count
    with no_gc():
        for i in range(count):
            t0 = pc()
            t1 = pc()
            times[i] = t1 - t0
    return Stats.of(times)


def time_bool(ask: Callable[[str, str], bool], queries: Sequence[Query]) -> tuple[list[int], list[bool]]:
    """Time ``ask(entity, day)`` per question; returns the times and the answers."""
    pc = time.perf_counter_ns
    times = [0] * len(queries)
    answers = [False] * len(queries)
    with no_gc():
        for i, (entity, day) in enumerate(queries):
            t0 = pc()
            restricted = ask(entity, day)
            t1 = pc()
            times[i] = t1 - t0
            answers[i] = restricted
    return times, answers


def time_point(tracker: Tracker, queries: Sequence[Query]) -> tuple[list[int], list[bool]]:
    """``tracker.restrictions(entity, on=day).restricted``: the answer object's verdict."""
    return time_bool(lambda entity, day: tracker.restrictions(entity, on=day).restricted, queries)


def time_verdict(tracker: Tracker, queries: Sequence[Query]) -> tuple[list[int], list[bool]]:
    """``tracker.restricted(entity, on=day)``: the yes/no question alone, as SQLite answers it."""
    return time_bool(lambda entity, day: tracker.restricted(entity, on=day), queries)


def time_detail(tracker: Tracker, queries: Sequence[Query]) -> tuple[list[int], list[tuple[bool, frozenset[str], int]]]:
    pc = time.perf_counter_ns
    times = [0] * len(queries)
    answers: list[tuple[bool, frozenset[str], int]] = [(False, frozenset(), 0)] * len(queries)
    with no_gc():
        for i, (entity, day) in enumerate(queries):
            t0 = pc()
            answer = tracker.restrictions(entity, on=day)
            restricted = answer.restricted
            restrictions = answer.restrictions
            others = answer.not_operative
            t1 = pc()
            times[i] = t1 - t0
            answers[i] = (restricted, frozenset(r.action.id for r in restrictions), len(others))
    return times, answers


def batch_mean(fn: Callable[[str, str], object], queries: Sequence[Query]) -> float:
    """Mean per call over the whole list, one timer pair for all calls (no per-call timer cost)."""
    with no_gc():
        t0 = time.perf_counter_ns()
        for entity, day in queries:
            fn(entity, day)
        t1 = time.perf_counter_ns()
    return (t1 - t0) / len(queries)


def operative_spans(tracker: Tracker) -> list[tuple[str, int, int, str]]:
    """(entity, first day, end day, action) for every operative span, from the library's compiled engine.

    Projects the engine's operative periods per action instead of per entity, so SQLite can name the
    action (internal API, so ``check_spans`` compares the result with the library's own day index
    before anything is timed).
    """
    from sanctiontrack.engine.daily import project
    from sanctiontrack.model.intervals import intersect

    engine = tracker.engine
    descendants: dict[str, list[tuple[str, tuple[tuple[Any, ...], ...]]]] = {}
    for record in tracker.dataset.entities:
        if any(link.relation.is_ownership for link in record.links):
            for owner, chains in engine.ownership(record.id):
                descendants.setdefault(owner, []).append((record.id, chains))
    rows: list[tuple[str, int, int, str]] = []
    for aid, c in engine.compiled.items():
        action = c.action
        if not (action.kind.is_restricting and action.restricts):
            continue
        tz = action.zone
        for index, target in enumerate(action.targets):
            entity = target.entity
            if entity is None or not target.counted:
                continue
            operative = engine.target_operative(aid, index)
            if not operative:
                continue
            reach: list[tuple[str, tuple[tuple[Any, ...], ...]]] = [(entity, ())]
            if target.scope.value == "with_subsidiaries":
                reach.extend(descendants.get(entity, ()))
            for who, chains in reach:
                span = intersect(operative, engine.validity(chains, tz)) if chains else operative
                rows.extend((who, max(start, FIRST_ORDINAL), min(end, END_ORDINAL), aid) for start, end in project(span, tz) if start < end)
    return rows


def history_spans(tracker: Tracker) -> list[tuple[str, int, int, str]]:
    """The same rows from the public ``Tracker.history`` (spans ``in_force``/``in_force_with_exemption``).

    Slow (every segment of every entity is explained), but uses only public answers; the fallback
    when the engine's internals change, and ``--spans history``.
    """
    rows: list[tuple[str, int, int, str]] = []
    for entity in tracker.dataset.entities:
        for history in tracker.history(entity.id):
            for span in history.spans:
                if span.state in (SpanState.IN_FORCE, SpanState.IN_FORCE_WITH_EXEMPTION):
                    end = span.end.toordinal() if span.end is not None else END_ORDINAL
                    rows.append((entity.id, span.start.toordinal(), end, history.action.id))
    return rows


def _iso(ordinal: int) -> str:
    return "9999-12-31" if ordinal >= END_ORDINAL else dt.date.fromordinal(ordinal).isoformat()


def check_spans(tracker: Tracker, rows: Sequence[tuple[str, int, int, str]]) -> int | None:
    """Entities whose derived spans differ from the library's own day index (expected: 0; None if unavailable)."""

    def restricted(bounds: Sequence[int]) -> Sequence[tuple[int, int]]:
        return list(zip(bounds[0::2], bounds[1::2], strict=True))  # a flat sorted sequence of run starts and ends

    try:
        from sanctiontrack.model.intervals import union

        daily = {e.id: restricted(tracker._daily.bounds(e.id)) for e in tracker.dataset.entities}
    except (ImportError, AttributeError, ValueError):
        return None
    entities = {e for e, spans in daily.items() if spans}
    by_entity: dict[str, list[tuple[int, int]]] = {}
    for entity, start, end, _ in rows:
        by_entity.setdefault(entity, []).append((start, end))
    entities |= set(by_entity)

    def clipped(spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        return union((max(a, FIRST_ORDINAL), min(b, END_ORDINAL)) for a, b in spans)

    return sum(1 for e in entities if clipped(by_entity.get(e, ())) != clipped(daily.get(e, ())))


SQL_POINT = "SELECT 1 FROM spans WHERE entity_id = ? AND start_day <= ? AND end_day > ? LIMIT 1"
SQL_DETAIL = "SELECT DISTINCT action_id FROM spans WHERE entity_id = ? AND start_day <= ? AND end_day > ?"


def build_sqlite(rows: Sequence[tuple[str, int, int, str]]) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE spans (entity_id TEXT NOT NULL, start_day TEXT NOT NULL, end_day TEXT NOT NULL, action_id TEXT NOT NULL)")
    con.executemany("INSERT INTO spans VALUES (?, ?, ?, ?)", ((e, _iso(s), _iso(t), a) for e, s, t, a in rows))
    con.execute("CREATE INDEX spans_point ON spans (entity_id, start_day, end_day)")
    con.execute("ANALYZE")
    con.commit()
    return con


def time_sqlite(con: sqlite3.Connection, queries: Sequence[Query]) -> tuple[list[int], list[bool]]:
    cursor = con.cursor()
    execute = cursor.execute
    pc = time.perf_counter_ns
    times = [0] * len(queries)
    answers = [False] * len(queries)
    with no_gc():
        for i, (entity, day) in enumerate(queries):
            t0 = pc()
            restricted = execute(SQL_POINT, (entity, day, day)).fetchone() is not None
            t1 = pc()
            times[i] = t1 - t0
            answers[i] = restricted
    return times, answers


def sqlite_detail(con: sqlite3.Connection, queries: Sequence[Query]) -> tuple[list[int], list[frozenset[str]]]:
    cursor = con.cursor()
    pc = time.perf_counter_ns
    times = [0] * len(queries)
    answers: list[frozenset[str]] = [frozenset()] * len(queries)
    with no_gc():
        for i, (entity, day) in enumerate(queries):
            t0 = pc()
            ids = frozenset(row[0] for row in cursor.execute(SQL_DETAIL, (entity, day, day)))
            t1 = pc()
            times[i] = t1 - t0
            answers[i] = ids
    return times, answers


def naive_restricted(actions: Sequence[Action], entity: str, day: dt.date) -> bool:
    """The scan described in the module docstring (no relations, no ownership, no zones)."""
    for action in actions:
        if not action.restricts or not action.kind.is_restricting:
            continue
        if entity not in action.entity_ids:
            continue
        dates = action.dates
        if dates.effective is None or dates.effective.date > day:
            continue
        if dates.ended is not None and dates.ended.date <= day:
            continue
        for p in action.restricts:
            if (p.effective is None or p.effective.date <= day) and (p.ended is None or p.ended.date > day):
                return True
    return False


def time_naive(actions: Sequence[Action], queries: Sequence[Query]) -> tuple[list[int], list[bool]]:
    pc = time.perf_counter_ns
    times = [0] * len(queries)
    answers = [False] * len(queries)
    with no_gc():
        for i, (entity, day) in enumerate(queries):
            t0 = pc()
            restricted = naive_restricted(actions, entity, dt.date.fromisoformat(day))
            t1 = pc()
            times[i] = t1 - t0
            answers[i] = restricted
    return times, answers


def bench_queries(trackers: list[Tracker], results: Results, args: argparse.Namespace) -> None:
    point_tracker, detail_tracker = trackers[0], trackers[1 % len(trackers)]
    queries = make_queries(point_tracker, args.queries, args.seed)
    overhead = timer_overhead(len(queries))
    print(f"\n{len(queries):,} random (entity id, day) questions, days {FIRST_QUERY_DAY} .. {LAST_QUERY_DAY}; {args.rounds} warm rounds")
    print(f"timer overhead (perf_counter_ns pair, included in every per-call figure): {overhead.line()}")
    results.put("timer_overhead_ns", overhead)

    # library, point query
    cold_times, lib = time_point(point_tracker, queries)
    rng = random.Random(args.seed + 1)
    warm_times: list[int] = []
    for _ in range(args.rounds):
        order = list(queries)
        rng.shuffle(order)
        times, _ = time_point(point_tracker, order)
        warm_times.extend(times)
    cold, warm = Stats.of(cold_times), Stats.of(warm_times)
    mean_batch = batch_mean(lambda e, d: point_tracker.restrictions(e, on=d).restricted, queries)
    daily = getattr(point_tracker, "_daily", None)
    indexed = sum(1 for e, _ in queries if daily is not None and daily.bounds(e))
    print(
        f"  ({indexed / len(queries):.0%} of the questions name an entity some action bears on; "
        f"{sum(lib) / len(lib):.1%} answer restricted)"
    )
    print(f"library .restricted, cold (fresh tracker): {cold.line()}")
    print(f"library .restricted, warm:                 {warm.line()}   batch mean {human(mean_batch)}")
    results.put(
        "queries",
        {"count": len(queries), "rounds": args.rounds, "indexed_share": indexed / len(queries), "restricted_share": sum(lib) / len(lib)},
    )
    results.put("point_cold_ns", cold)
    results.put("point_warm_ns", warm)
    results.put("point_warm_batch_mean_ns", mean_batch)

    # library, the verdict alone (Tracker.restricted): the same question the SQLite query answers
    verdict_times: list[int] = []
    verdicts: list[bool] = []
    for _ in range(args.rounds):
        order = list(queries)
        rng.shuffle(order)
        times, _ = time_verdict(point_tracker, order)
        verdict_times.extend(times)
    verdicts = time_verdict(point_tracker, queries)[1]
    verdict = Stats.of(verdict_times)
    print(f"library .restricted() verdict, warm:       {verdict.line()}")
    verdict_disagree = sum(1 for a, b in zip(lib, verdicts, strict=True) if a != b)
    print(f"  verdicts differing from .restrictions().restricted: {verdict_disagree}")
    results.put("verdict_warm_ns", verdict)
    results.put("verdict_disagreements", verdict_disagree)

    # library, full detail (its own fresh tracker, so its cold pass computes the explanations)
    detail_cold_times, detail = time_detail(detail_tracker, queries)
    detail_warm: list[int] = []
    for _ in range(max(1, args.rounds // 2)):
        order = list(queries)
        rng.shuffle(order)
        times, _ = time_detail(detail_tracker, order)
        detail_warm.extend(times)
    dcold, dwarm = Stats.of(detail_cold_times), Stats.of(detail_warm)
    print(f"library full detail, cold:                 {dcold.line()}")
    print(f"library full detail, warm:                 {dwarm.line()}")
    results.put("detail_cold_ns", dcold)
    results.put("detail_warm_ns", dwarm)
    inconsistent = sum(1 for (r, ids, _), fast in zip(detail, lib, strict=True) if r != fast or r != bool(ids))
    print(f"  .restricted vs bool(.restrictions) vs the point query disagree on {inconsistent} question(s)")
    results.put("detail_inconsistencies", inconsistent)

    # SQLite
    source = args.spans
    if source == "engine":
        try:
            rows, deriving = seconds(lambda: operative_spans(point_tracker))
        except (ImportError, AttributeError, TypeError) as exc:
            print(f"SQLite: the engine internals changed ({exc!r}); deriving the spans from Tracker.history instead")
            source = "history"
    if source == "history":
        rows, deriving = seconds(lambda: history_spans(point_tracker))
    mismatched = check_spans(point_tracker, rows)
    con, building = seconds(lambda: build_sqlite(rows))
    plan = con.execute("EXPLAIN QUERY PLAN " + SQL_POINT, ("x", "2020-01-01", "2020-01-01")).fetchall()
    print(
        f"SQLite: {len(rows):,} span rows derived from the {source} in {human(deriving)} "
        f"(entities differing from the library's day index: {'n/a' if mismatched is None else mismatched}); built in {human(building)}"
    )
    print(f"  plan: {'; '.join(str(p[-1]) for p in plan)}")
    sql_times, sql = time_sqlite(con, queries)
    for _ in range(args.rounds - 1):
        order = list(queries)
        rng.shuffle(order)
        sql_times.extend(time_sqlite(con, order)[0])
    sql_stats = Stats.of(sql_times)
    sql_batch = batch_mean(lambda e, d: con.execute(SQL_POINT, (e, d, d)).fetchone(), queries)
    disagree_sql = sum(1 for a, b in zip(lib, sql, strict=True) if a != b)
    print(f"SQLite point query:                        {sql_stats.line()}   batch mean {human(sql_batch)}")
    print(f"  answers differing from the library: {disagree_sql} of {len(queries):,}")
    detail_sql_times, detail_sql = sqlite_detail(con, queries)
    action_sets_differ = sum(1 for (_, ids, _), other in zip(detail, detail_sql, strict=True) if ids != other)
    print(f"SQLite detail (operative action ids):      {Stats.of(detail_sql_times).line()}")
    print(f"  operative action-id sets differing from the library's .restrictions: {action_sets_differ}")
    results.put(
        "sqlite", {"rows": len(rows), "from": source, "derive_ns": deriving, "build_ns": building, "entities_mismatched": mismatched}
    )
    results.put("sqlite_point_ns", sql_stats)
    results.put("sqlite_point_batch_mean_ns", sql_batch)
    results.put("sqlite_detail_ns", Stats.of(detail_sql_times))
    results.put("sqlite_disagreements", disagree_sql)
    results.put("sqlite_detail_set_differences", action_sets_differ)

    # naive scan
    sample = queries[: args.naive_queries]
    naive_times, naive = time_naive(point_tracker.actions, sample)
    naive_stats = Stats.of(naive_times)
    both = list(zip(lib[: len(sample)], naive, strict=True))
    agree = sum(1 for a, b in both if a == b)
    print(f"naive scan ({len(sample)} questions):              {naive_stats.line()}")
    print(
        f"  agrees with the library on {agree}/{len(sample)} ({agree / len(sample):.1%}); "
        f"library-only restricted {sum(1 for a, b in both if a and not b)}, naive-only {sum(1 for a, b in both if b and not a)}"
    )
    results.put("naive_ns", naive_stats)
    results.put("naive_agreement", agree / len(sample))

    ratio_sql = sql_stats.median / warm.median
    ratio_verdict = sql_stats.median / verdict.median
    ratio_naive = naive_stats.median / warm.median
    print(
        f"median ratios, other / warm library (above 1: the library is faster): SQLite vs .restrictions() {ratio_sql:.2f}, "
        f"SQLite vs .restricted() {ratio_verdict:.2f}, naive scan {ratio_naive:,.0f}"
    )
    results.put("ratio_sqlite_over_library", ratio_sql)
    results.put("ratio_sqlite_over_verdict", ratio_verdict)
    results.put("ratio_naive_over_library", ratio_naive)
    results.check("point query median (warm, .restrictions())", warm.median / 1000, "µs", "<= 2 µs", warm.median <= 2000)
    results.check("point query median (cold, first touch)", cold.median / 1000, "µs", "<= 2 µs (informational)", cold.median <= 2000)
    results.check("verdict (.restricted()) vs indexed SQLite (median ratio)", ratio_verdict, "x", ">= 3x faster", ratio_verdict >= 3)
    results.check("full answer (.restrictions()) vs indexed SQLite (median ratio)", ratio_sql, "x", ">= 3x faster", ratio_sql >= 3)
    results.check("answers agree with SQLite", disagree_sql, "differences", "0", disagree_sql == 0 and not mismatched)


# -- CLI ----------------------------------------------------------------------------------------


def bench_cli(results: Results, runs: int, profile: bool) -> None:
    exe = Path(sys.executable).with_name("sanctiontrack")
    env = {k: v for k, v in os.environ.items() if k != "SANCTIONTRACK_DATA"}
    # An installed wheel has compiled bytecode; a source checkout run with PYTHONDONTWRITEBYTECODE=1 compiles
    # the package on every start. The "bytecode cached" variant keeps .pyc files under /tmp (never in src/).
    pyc_env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    pyc_env["PYTHONPYCACHEPREFIX"] = str(fresh_cache_dir("sanctiontrack-pyc-"))

    def run(argv: list[str], cache: Path, base_env: dict[str, str] = env) -> float:
        start = time.perf_counter_ns()
        done = subprocess.run(argv, env={**base_env, "SANCTIONTRACK_CACHE_DIR": str(cache)}, capture_output=True, check=False)
        elapsed = time.perf_counter_ns() - start
        if done.returncode != 0:
            raise RuntimeError(f"{argv} failed: {done.stderr.decode(errors='replace')[:500]}")
        return float(elapsed)

    python = [sys.executable, "-c", "pass"]
    importing = [sys.executable, "-c", "import sanctiontrack.cli.app, sanctiontrack.query.load"]
    cmd = [str(exe), *CLI_ARGS]
    scratch = fresh_cache_dir()
    base = [run(python, scratch) for _ in range(runs)]
    imports = [run(importing, scratch) for _ in range(runs)]
    cold = [run(cmd, fresh_cache_dir()) for _ in range(runs)]
    warm_dir = fresh_cache_dir()
    run(cmd, warm_dir)
    warm = [run(cmd, warm_dir) for _ in range(runs)]
    run(cmd, warm_dir, pyc_env)
    compiled = [run(cmd, warm_dir, pyc_env) for _ in range(runs)]
    bytecode = (
        "PYTHONDONTWRITEBYTECODE=1, so the package is compiled from source at each start" if env.get("PYTHONDONTWRITEBYTECODE") else ""
    )
    print(f"\nCLI `sanctiontrack {' '.join(CLI_ARGS)}` on the bundled data, median of {runs} runs ({bytecode or 'environment as is'}):")
    print(f"  store warm: {human(statistics.median(warm))}   store cold (empty cache folder): {human(statistics.median(cold))}")
    print(f"  store warm, bytecode cached (as an installed wheel): {human(statistics.median(compiled))}")
    print(
        f"  for scale: `python -c pass` {human(statistics.median(base))}, importing the CLI and loader {human(statistics.median(imports))}"
    )
    results.put("cli_environment", bytecode or "as is")
    results.put("cli_warm_ns", Stats.of(warm))
    results.put("cli_cold_ns", Stats.of(cold))
    results.put("cli_warm_bytecode_cached_ns", Stats.of(compiled))
    results.put("python_startup_ns", Stats.of(base))
    results.put("cli_import_ns", Stats.of(imports))
    results.check("cold CLI, store warm", statistics.median(warm) / 1e6, "ms", "<= 300 ms", statistics.median(warm) <= 300e6)
    results.check("cold CLI, store cold", statistics.median(cold) / 1e6, "ms", "<= 300 ms", statistics.median(cold) <= 300e6)
    results.check(
        "cold CLI, store warm, bytecode cached",
        statistics.median(compiled) / 1e6,
        "ms",
        "<= 300 ms",
        statistics.median(compiled) <= 300e6,
    )
    if profile:
        OUT.mkdir(parents=True, exist_ok=True)
        stats_file = OUT / f"profile-cli-{measured_label()}.prof"
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "sanctiontrack", *CLI_ARGS],
            env={**pyc_env, "SANCTIONTRACK_CACHE_DIR": str(warm_dir)},
            capture_output=True,
            check=True,
        )
        buffer = io.StringIO()
        pstats.Stats(str(stats_file), stream=buffer).strip_dirs().sort_stats("cumulative").print_stats(40)
        text_file = stats_file.with_suffix(".txt")
        text_file.write_text(buffer.getvalue())
        print(f"  profile (store warm, bytecode cached): {text_file}")


# -- screening -----------------------------------------------------------------------------------

_WORDS = ["Acme", "Northwind", "Globex", "Initech", "Umbrella", "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Monarch", "Oscorp"]
_TRADES = ["Widgets", "Logistics", "Holdings", "Trading", "Foods", "Textiles", "Shipping", "Consulting", "Bakery", "Marine"]
_SUFFIXES = ["LLC", "Inc.", "GmbH", "Ltd", "S.A.", "B.V.", "Co., Ltd.", "Limited"]


def screening_names(tracker: Tracker, count: int, seed: int) -> list[str]:
    """Names as screening lists carry them: exact, shouted, mistyped or re-suffixed names and aliases, and strangers."""
    rng = random.Random(seed)
    entities = list(tracker.entities)
    out: list[str] = []
    for _ in range(count):
        if rng.random() < 0.4:
            out.append(f"{rng.choice(_WORDS)} {rng.choice(_TRADES)} {rng.randint(1, 999)} {rng.choice(_SUFFIXES)}")
            continue
        name = rng.choice(rng.choice(entities).names)
        roll = rng.random()
        if roll < 0.3:
            pass
        elif roll < 0.55:
            name = "".join(ch for ch in name.upper() if ch not in ".,()")
        elif roll < 0.8 and len(name) > 4:
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + rng.choice(string.ascii_lowercase) + name[i + 1 :]
        else:
            name = f"{name.split(',')[0]} {rng.choice(_SUFFIXES)}"
        out.append(name)
    return out


def bench_screen(label: str, tracker: Tracker, count: int, full: int, results: Results) -> None:
    """Screen ``count`` names: the first call on this tracker (what a fresh process pays), then a repeat.

    With fewer names than ``full``, the time for ``full`` is estimated without scaling fixed costs:
    one-off setup (first call minus repeat) + per-call setup (one name) + the per-name rest scaled up.
    """
    names = screening_names(tracker, count, 7)
    gc.collect()
    screened, first = seconds(lambda: tracker.screen(names, on=SCREEN_DAY))
    gc.collect()
    _, repeat = seconds(lambda: tracker.screen(names, on=SCREEN_DAY))
    _, single = seconds(lambda: tracker.screen(names[:1], on=SCREEN_DAY))
    matched = sum(1 for r in screened if r.matches)
    hits = sum(1 for r in screened if r.hit)
    if count == full:
        estimate, note = first, ""
    else:
        estimate = max(0.0, first - repeat) + single + max(0.0, repeat - single) * full / count
        note = (
            f" -> about {human(estimate)} for {full:,} names (one-off {human(max(0.0, first - repeat))}, "
            f"per call {human(single)}, the rest scaled linearly)"
        )
    from sanctiontrack.model.names import name_key

    keys = len({name_key(n) for e in tracker.entities for n in e.names})  # the strings fuzzy matching runs over
    print(
        f"screen {count:,} names on {label} ({keys:,} name keys): first call {human(first)}, repeat {human(repeat)}{note}; "
        f"{matched:,} matched, {hits:,} restricted on {SCREEN_DAY}"
    )
    results.put(
        f"screen_{label}",
        {
            "names": count,
            "first_ns": first,
            "repeat_ns": repeat,
            "one_name_ns": single,
            "per_10k_ns": estimate,
            "keys": keys,
            "matched": matched,
            "hits": hits,
            "measured_all": count == full,
        },
    )
    results.check(f"screen 10k names, {label}", estimate / 1e9, "s", "<= 2 s", estimate <= 2e9)
    # For scale: the same scores one pair at a time (sanctiontrack.screen.score.score over every known key).
    from sanctiontrack.screen.score import score

    sample = [name_key(n) for n in names[:5]]
    known = sorted({name_key(n) for e in tracker.entities for n in e.names})
    _, pairwise = seconds(lambda: [score(q, k) for q in sample for k in known])
    per_name = pairwise / len(sample)
    print(
        f"  one pair at a time: {human(per_name)} per name ({len(known):,} keys, {len(sample)} names) "
        f"-> about {human(per_name * full)} for {full:,} names, {per_name * full / max(estimate, 1):,.0f}x the bulk path"
    )
    results.put(f"screen_{label}_pairwise", {"per_name_ns": per_name, "names_sampled": len(sample)})


# -- main ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--actions", type=int, default=100_000, help="actions in the generated dataset (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=20_000, help="random questions (default 20000)")
    parser.add_argument("--rounds", type=int, default=5, help="warm rounds over the questions (default 5)")
    parser.add_argument("--naive-queries", type=int, default=200, help="questions for the naive scan (default 200)")
    parser.add_argument("--load-repeat", type=int, default=3, help="warm loads (default 3)")
    parser.add_argument("--build-repeat", type=int, default=2, help="index builds (default 2, at least 2)")
    parser.add_argument("--cli-runs", type=int, default=7)
    parser.add_argument("--screen-names", type=int, default=10_000, help="names screened on the bundled data (default 10000)")
    parser.add_argument(
        "--screen-names-large",
        type=int,
        default=10_000,
        help="names screened on the generated data (default 10000; fewer are extrapolated to 10k)",
    )
    parser.add_argument(
        "--spans",
        choices=["engine", "history"],
        default="engine",
        help="derive SQLite rows from the compiled engine (fast; default) or the public Tracker.history (slow)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile index build, cold queries, store load and screening")
    parser.add_argument("--skip", nargs="*", default=[], choices=["load", "cli", "screen"], help="sections to leave out")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    path = ensure(args.actions, args.seed)
    results = Results(f"bench_query-{args.actions}", command_line())
    m = results.machine
    print(f"data: {path}; {m['cpus']} CPUs, load average {m['load_average_1_5_15']}, Python {m['python']}, commit {m['commit']}")
    if not m["sanctiontrack_module"].startswith(str(Path(__file__).resolve().parent.parent)):
        print(f"  note: measuring the library at {m['sanctiontrack_module']} (PYTHONPATH), not this checkout")
    elif m["src_modified"]:
        print(f"  note: uncommitted changes under src/: {', '.join(m['src_modified'])}")
    if "load" in args.skip:
        os.environ["SANCTIONTRACK_CACHE_DIR"] = str(fresh_cache_dir())
        tracker = sanctiontrack.load(path, cache=False)
    else:
        tracker = bench_load(path, results, args.load_repeat)
        ratio = results.figures["ratio_cold_over_warm_load"]
        results.check("store load vs YAML parse + validate (cold/warm load)", ratio, "x", ">= 10x", ratio >= 10)
    print(
        f"dataset: {len(tracker.dataset.entities):,} entities, {len(tracker.dataset.sources):,} sources, {len(tracker.actions):,} actions"
    )
    trackers = bench_build(tracker, results, max(2, args.build_repeat))
    build = results.figures["index_build_ns"]["median"]
    if "load" not in args.skip:
        parsing = results.figures["load_cold_ns"] - build
        warm_load = results.figures["load_warm_ns"]["median"]
        print(
            f"derived, roughly: parse + validate + store write ~ {human(parsing)} (cold load - index build), "
            f"{parsing / warm_load:.1f}x the warm load"
        )
        results.put("parse_validate_derived_ns", parsing)
        results.put("ratio_parse_validate_over_warm_load", parsing / warm_load)
    results.check("index build Tracker(dataset)", build / 1e9, "s", "<= 1 s", build <= 1e9)
    bench_queries(trackers, results, args)
    del trackers
    gc.collect()
    if "cli" not in args.skip:
        bench_cli(results, args.cli_runs, args.profile)
    if "screen" not in args.skip:
        print()
        bench_screen("bundled", sanctiontrack.load(), args.screen_names, 10_000, results)
        bench_screen(f"{args.actions // 1000}k", tracker, min(args.screen_names_large, 10_000), 10_000, results)
    if args.profile:
        print("\nprofiles:")
        fresh, where = profile_to(f"build-{args.actions}", lambda: Tracker(tracker.dataset))
        print(f"  index build: {where}")
        queries = make_queries(fresh, 2000, args.seed + 2)
        _, where = profile_to(f"cold-queries-{args.actions}", lambda: [fresh.restrictions(e, on=d).restricted for e, d in queries])
        print(f"  2000 cold point queries: {where}")
        _, where = profile_to(f"warm-queries-{args.actions}", lambda: [fresh.restrictions(e, on=d).restricted for e, d in queries * 10])
        print(f"  20000 warm point queries: {where}")
        if "load" not in args.skip:
            _, where = profile_to(f"store-load-{args.actions}", lambda: sanctiontrack.load(path, cache=True))
            print(f"  store load: {where}")
        names = screening_names(tracker, 200, 7)
        _, where = profile_to(f"screen-{args.actions}", lambda: tracker.screen(names, on=SCREEN_DAY))
        print(f"  screening 200 names: {where}")
    print(results.summary())
    for folder in SCRATCH:  # stores are large (79 MiB at 100k); keep only the generated data
        shutil.rmtree(folder, ignore_errors=True)
    saved = results.save()
    print(f"\nsaved {saved}; total {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
