"""Screening scores alone: 10,000 names against the name keys of generated data, character index against whole window.

The keys are taken from the generated document itself (no store is built), so the figure is the
scorer's: ``Screener(keys)`` and ``scores()``, first call (the index built inside) and repeat, then
the same scores over every pair of the length windows, and whether the two agree. Issue 12's target:
10,000 names against 200,000 actions in at most 2 s.

    .venv/bin/python benchmarks/bench_screen.py [--actions 200000] [--names 10000] [--threshold 85] [--repeat 2]
    .venv/bin/python benchmarks/bench_screen.py --whole     # also the whole screening, library and CLI, over a store

With ``--whole``, the same names are also screened as a user screens them, over a store of the same
data written to disk: ``tracker.screen(names, on=...)`` in a fresh process (the first call pays the
scorer's imports, its arrangement of the keys, the matches' name entries and entity records, and the
verdicts; then a repeat), and ``sanctiontrack screen FILE --format csv`` end to end (reading the file,
writing a row per match). A store missing under ``--cache-root`` is built first, and the time that
takes is printed.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

from bench_query import screening_names
from generate import ensure, generate
from sanctiontrack.model.names import name_key
from sanctiontrack.screen.score import Screener

DAY = "2020-02-20"
EXE = Path(sys.executable).with_name("sanctiontrack")
_CHILD = """
import csv, json, sys, time
began = time.perf_counter()
import sanctiontrack
with open(sys.argv[2], newline="", encoding="utf-8") as file:
    names = [row[0] for row in csv.reader(file)][1:]
tracker = sanctiontrack.load(sys.argv[1])
t1 = time.perf_counter()
first = tracker.screen(names, on=sys.argv[3])
t2 = time.perf_counter()
tracker.screen(names, on=sys.argv[3])
t3 = time.perf_counter()
print(json.dumps({"start_s": t1 - began, "first_s": t2 - t1, "repeat_s": t3 - t2, "matched": sum(1 for r in first if r.matches)}))
"""


def whole(actions: int, names: list[str], repeat: int, cache_root: Path) -> None:
    """The whole screening over a store of the generated data: ``tracker.screen`` in fresh processes, then the CLI."""
    path = ensure(actions, 1)
    cache = cache_root / f"cache-{actions}"
    env = {**os.environ, "SANCTIONTRACK_CACHE_DIR": str(cache)}
    from sanctiontrack.query.load import store_key

    if not (cache / f"{store_key([path])}.store").is_file():  # this code's store: a cache kept across commits holds others
        began = time.perf_counter()
        subprocess.run([str(EXE), "build", "--data", str(path), "--data-only"], env=env, check=True, capture_output=True)
        print(f"built the store of {path} in {time.perf_counter() - began:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        listed = Path(folder) / "names.csv"
        with listed.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows([["name"], *([n] for n in names)])
        for _ in range(repeat):
            child = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(listed), DAY], env=env, check=True, capture_output=True)
            got = json.loads(child.stdout)
            print(
                f"  tracker.screen({len(names):,} names, on={DAY!r}) in a fresh process: first call {got['first_s']:.2f} s, "
                f"repeat {got['repeat_s']:.2f} s ({got['matched']:,} names matched; import and load() {got['start_s']:.2f} s)"
            )
        walls = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            command = [str(EXE), "screen", str(listed), "--on", DAY, "--format", "csv", "--data", str(path), "--data-only"]
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - t0)
        runs = ", ".join(f"{w:.2f}" for w in walls)
        print(f"  sanctiontrack screen FILE --format csv, end to end: median {statistics.median(walls):.2f} s of {repeat} ({runs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--actions", type=int, default=200_000)
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--threshold", type=float, default=85.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--whole", action="store_true", help="also screen as a user does: tracker.screen over a store, and the CLI")
    parser.add_argument("--cache-root", type=Path, default=Path("/tmp/st-bench"), help="a cache folder per size below this")
    args = parser.parse_args()
    began = time.perf_counter()
    document = generate(args.actions, 1)
    entities = [types.SimpleNamespace(names=[e["name"]] + [a["name"] for a in e.get("aliases", [])]) for e in document["entities"]]
    keys = sorted({name_key(n) for e in entities for n in e.names} - {""})
    names = screening_names(types.SimpleNamespace(entities=entities), args.names, 7)  # type: ignore[arg-type]
    queries = list(dict.fromkeys(k for k in map(name_key, names) if k))
    count = len(entities)
    # The generated document is millions of objects that a screening process does not hold; kept,
    # every full pass of the cyclic collector during the first round walks them (about 0.8 s).
    del document, entities
    gc.collect()
    print(
        f"{args.actions:,} generated actions, {count:,} entities, {len(keys):,} name keys; "
        f"{args.names:,} names ({len(queries):,} distinct keys), threshold {args.threshold:g} "
        f"(generated in {time.perf_counter() - began:.0f} s)"
    )
    for _ in range(args.repeat):
        gc.collect()
        t0 = time.perf_counter()
        screener = Screener(keys)
        indexed = screener.scores(queries, args.threshold)
        t1 = time.perf_counter()
        screener.scores(queries, args.threshold)
        t2 = time.perf_counter()
        exhaustive = screener._scores(queries, args.threshold, indexed=False)
        t3 = time.perf_counter()
        print(
            f"  Screener + scores, first call {t1 - t0:.2f} s, repeat {t2 - t1:.2f} s; every pair of the length windows "
            f"{t3 - t2:.2f} s; same hits and scores: {indexed == exhaustive}; load {os.getloadavg()[0]:.1f}  [target <= 2 s]"
        )
    if args.whole:
        whole(args.actions, names, args.repeat, args.cache_root)


if __name__ == "__main__":
    main()
