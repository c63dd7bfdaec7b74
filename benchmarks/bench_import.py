"""Official lists: import of the full 2022 CSL, a point query over curated + CSL, and cold CLI start with the store built.

Prints medians (and p99 for the point query); asserts nothing. Targets (issue 10): import <= 2 s,
point query <= 2 us, cold CLI <= 300 ms. On a loaded machine, compare the ratios to the baselines
measured in the same run (a plain ``csv`` read of the same file; ``sanctiontrack --help``).

    .venv/bin/python benchmarks/bench_import.py [--repeat 5] [--queries 20000]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSL = ROOT / "data" / "official" / "consolidated-2022-04.csv.gz"


def _median_s(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--queries", type=int, default=20_000)
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="sanctiontrack-bench-import-")
    os.environ["SANCTIONTRACK_CACHE_DIR"] = cache

    import sanctiontrack
    from sanctiontrack import import_csl

    def plain() -> None:
        with gzip.open(CSL) as raw:
            list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))

    base = _median_s(plain, args.repeat)
    imported = _median_s(lambda: import_csl(CSL), args.repeat)
    curated = sanctiontrack.load(official=False, cache=False).dataset
    merged = _median_s(lambda: import_csl(CSL, curated=curated), args.repeat)
    print(f"import of the full 2022 CSL (14,160 rows): median {imported:.2f} s alone, {merged:.2f} s merged with the curated data")
    print(f"  baseline, csv.DictReader over the same file: {base:.2f} s (import = {imported / base:.1f}x)  [target <= 2 s]")

    from sanctiontrack.query.load import build_store

    t0 = time.perf_counter()
    build_store()
    print(f"store of curated + 2022 CSL + DPL built in {time.perf_counter() - t0:.1f} s")
    # The point query in a fresh process that opens the built store, as a user's program would.
    probe = f"""
import random, time, sanctiontrack
tracker = sanctiontrack.load()
rng = random.Random(1)
ids = [e.id for e in tracker.entities]
days = [f"{{rng.randint(2015, 2024)}}-{{rng.randint(1, 12):02d}}-{{rng.randint(1, 28):02d}}" for _ in range({args.queries})]
questions = [(rng.choice(ids), day) for day in days]
pc = time.perf_counter_ns
def one_pass():
    times = []
    for entity, day in questions:
        t_0 = pc()
        tracker.restricted(entity, on=day)
        times.append(pc() - t_0)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)]
first, first_p99 = one_pass()  # most questions are an entity's first: its pages are read and checked
warm, warm_p99 = one_pass()
print(f"point query (Tracker.restricted, store of {{len(ids):,}} entities, fresh process): first touch median "
      f"{{first / 1000:.2f}} us (p99 {{first_p99 / 1000:.2f}}), warm median {{warm / 1000:.2f}} us (p99 {{warm_p99 / 1000:.2f}})"
      "  [target <= 2 us]")
"""
    print(subprocess.run([sys.executable, "-c", probe], env=dict(os.environ), check=True, capture_output=True, text=True).stdout.strip())
    tracker = sanctiontrack.load()

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_query import SCREEN_DAY, screening_names

    names = screening_names(tracker, 10_000, 7)
    t0 = time.perf_counter()
    screened = tracker.screen(names, on=SCREEN_DAY)
    first_screen = time.perf_counter() - t0
    t0 = time.perf_counter()
    tracker.screen(names, on=SCREEN_DAY)
    repeat_screen = time.perf_counter() - t0
    matched = sum(1 for r in screened if r.matches)
    print(
        f"screen 10,000 names (60% listed names varied, 40% strangers) over curated + CSL + DPL: first call {first_screen:.2f} s, "
        f"repeat {repeat_screen:.2f} s; {matched:,} with a match  [target <= 2 s]"
    )

    env = {**os.environ, "SANCTIONTRACK_CACHE_DIR": cache, "COLUMNS": "120"}
    exe = [sys.executable, "-m", "sanctiontrack"]

    def cli(*argv: str) -> None:
        subprocess.run([*exe, *argv], env=env, check=True, capture_output=True)

    cli("restrictions", "Huawei", "--on", "2019-06-01")  # warm the ref file and the OS cache
    helped = _median_s(lambda: cli("--help"), args.repeat)
    cold = _median_s(lambda: cli("restrictions", "Huawei Device Co., Ltd.", "--on", "2019-06-01"), args.repeat)
    listed = _median_s(lambda: cli("restrictions", "140 Repair Plant JSC", "--on", "2022-04-07"), args.repeat)
    print(
        f"cold CLI, store built: 'restrictions' on a curated party median {cold * 1000:.0f} ms, on an imported one {listed * 1000:.0f} ms"
    )
    print(f"  baseline, 'sanctiontrack --help': {helped * 1000:.0f} ms (restrictions = {cold / helped:.1f}x)  [target <= 300 ms]")


if __name__ == "__main__":
    main()
