"""Screening scores alone: 10,000 names against the name keys of generated data, character index against whole window.

The keys are taken from the generated document itself (no store is built), so the figure is the
scorer's: ``Screener(keys)`` and ``scores()``, first call (the index built inside) and repeat, then
the same scores over every pair of the length windows, and whether the two agree. Issue 12's target:
10,000 names against 200,000 actions in at most 2 s.

    .venv/bin/python benchmarks/bench_screen.py [--actions 200000] [--names 10000] [--threshold 85] [--repeat 2]
"""

from __future__ import annotations

import argparse
import gc
import os
import time
import types

from bench_query import screening_names
from generate import generate
from sanctiontrack.model.names import name_key
from sanctiontrack.screen.score import Screener


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--actions", type=int, default=200_000)
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--threshold", type=float, default=85.0)
    parser.add_argument("--repeat", type=int, default=2)
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
        whole = screener._scores(queries, args.threshold, indexed=False)
        t3 = time.perf_counter()
        print(
            f"  Screener + scores, first call {t1 - t0:.2f} s, repeat {t2 - t1:.2f} s; every pair of the length windows "
            f"{t3 - t2:.2f} s; same hits and scores: {indexed == whole}; load {os.getloadavg()[0]:.1f}  [target <= 2 s]"
        )


if __name__ == "__main__":
    main()
