"""Located YAML reading alone: MB/s and peak memory over the file size (issue 12: ≥ 5 MB/s, ≤ 4×).

    .venv/bin/python benchmarks/bench_yamlread.py                      # 25k actions (one ~18 MiB file), 3 runs
    .venv/bin/python benchmarks/bench_yamlread.py --actions 100000     # a folder of parts; each file measured
    .venv/bin/python benchmarks/bench_yamlread.py --path /tmp/x.yaml --repeat 1

``read_yaml`` is ``sanctiontrack.io.yamlread.read_yaml`` (private): libyaml's events into plain data
plus the line:column marks. Each file is read first in a fresh child process, so its peak RSS
(``VmHWM``, which starts afresh at exec; ``ru_maxrss`` keeps the parent's when it was larger, as it is
right after generating the data) above the process's RSS before the read is the reader's peak for that file (data,
marks and everything transient); the time is the median of ``--repeat`` reads in this process, and
the bare libyaml event loop over the same text is printed as the floor. Figures only, no targets asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from _common import Results, command_line
from generate import ensure

_CHILD = """
import gc, json, resource, sys, time
from sanctiontrack.io.yamlread import read_yaml
raw = open(sys.argv[1], 'rb').read()
gc.collect()
before = int(open('/proc/self/statm').read().split()[1]) * resource.getpagesize()
began = time.perf_counter()
located, problems = read_yaml(raw, sys.argv[1])
elapsed = time.perf_counter() - began
peak = next(int(line.split()[1]) * 1024 for line in open('/proc/self/status') if line.startswith('VmHWM:'))
print(json.dumps({"bytes": len(raw), "cold_s": elapsed, "peak_over_before": peak - before, "problems": len(problems)}))
"""


def _files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.yaml")) if path.is_dir() else [path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="located YAML reading: MB/s and peak memory / file size")
    parser.add_argument("--actions", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--path", type=Path, default=None, help="measure this file or folder instead of generated data")
    parser.add_argument("--repeat", type=int, default=3, help="timed reads of each file in this process; the median is reported")
    args = parser.parse_args(argv)

    from sanctiontrack.io.yamlread import read_yaml

    path = args.path or ensure(args.actions, args.seed)
    results = Results(f"bench_yamlread-{args.actions}", command_line())
    print(f"data: {path}; machine: {results.machine['cpus']} CPUs, load {results.machine['load_average_1_5_15']}")
    rows = []
    for file in _files(path):
        child = subprocess.run([sys.executable, "-c", _CHILD, str(file)], capture_output=True, text=True, check=True)
        cold = json.loads(child.stdout)
        raw = file.read_bytes()
        text = raw.decode("utf-8")
        warm, floor = [], []
        for _ in range(args.repeat):
            gc.collect()
            began = time.perf_counter()
            read_yaml(raw, str(file))
            warm.append(time.perf_counter() - began)
            gc.collect()
            began = time.perf_counter()
            for _event in iter(yaml.CSafeLoader(text).get_event, None):
                pass
            floor.append(time.perf_counter() - began)
        size = len(raw)
        row = {
            "file": file.name,
            "bytes": size,
            "cold_mb_s": size / cold["cold_s"] / 1e6,
            "median_mb_s": size / statistics.median(warm) / 1e6,
            "events_only_mb_s": size / statistics.median(floor) / 1e6,
            "peak_over_size": cold["peak_over_before"] / size,
            "problems": cold["problems"],
        }
        rows.append(row)
        print(
            f"{file.name:<20} {size / 2**20:6.1f} MiB  cold {row['cold_mb_s']:5.2f} MB/s  median {row['median_mb_s']:5.2f} MB/s"
            f"  (libyaml events alone {row['events_only_mb_s']:5.2f} MB/s)  peak {row['peak_over_size']:.2f}× the file"
        )
    results.put("files", rows)
    total = sum(r["bytes"] for r in rows)
    results.check("cold read", min(r["cold_mb_s"] for r in rows), "MB/s", ">= 5", all(r["cold_mb_s"] >= 5 for r in rows))
    results.check("peak memory", max(r["peak_over_size"] for r in rows), "x file", "<= 4", all(r["peak_over_size"] <= 4 for r in rows))
    print(f"{len(rows)} file(s), {total / 2**20:.1f} MiB" + results.summary())
    print(f"saved {results.save()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
