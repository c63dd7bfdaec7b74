"""Validation time of a generated action file against a plain PyYAML parse of the same bytes.

    .venv/bin/python benchmarks/bench_validate.py                  # 10k actions, 3 runs each
    .venv/bin/python benchmarks/bench_validate.py --actions 100000 --repeat 1 --profile

``validate`` is the public ``sanctiontrack.validate([path])``: read with located marks, per-record
pydantic validation, semantic checks. The baseline is ``yaml.load(text, Loader=yaml.CSafeLoader)`` of
the same files (decoded text, read from disk before timing, like validate's own read is cheap). The
stage split uses private functions (``_yamlread.read_yaml``, ``_read.read_paths``, ``_checks.check``)
so a slow stage can be named; it is informational.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from _common import Results, Stats, command_line, human, profile_to, seconds
from generate import ensure


def _files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*.yaml")) if path.is_dir() else [path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="validation vs plain PyYAML parse")
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported")
    parser.add_argument("--profile", action="store_true", help="also profile one validation (benchmarks/out/profile-validate-N.txt)")
    args = parser.parse_args(argv)

    import sanctiontrack

    path = ensure(args.actions, args.seed)
    files = _files(path)
    texts = [f.read_text(encoding="utf-8") for f in files]
    raws = [f.read_bytes() for f in files]
    size = sum(len(r) for r in raws)
    results = Results(f"bench_validate-{args.actions}", command_line())
    where = f"{results.machine['cpus']} CPUs, load {results.machine['load_average_1_5_15']}"
    print(f"data: {path} ({len(files)} file(s), {size / 2**20:.1f} MiB); machine: {where}")
    results.put("data", {"path": str(path), "files": len(files), "bytes": size, "actions": args.actions})

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    gc.collect()
    parse = [seconds(lambda: [yaml.load(t, Loader=loader) for t in texts])[1] for _ in range(args.repeat)]
    report = None
    runs: list[float] = []
    for _ in range(args.repeat):
        gc.collect()
        report, elapsed = seconds(lambda: sanctiontrack.validate([path]))
        runs.append(elapsed)
    assert report is not None
    errors, warnings = len(report.errors), len(report.warnings)
    p, v = statistics.median(parse), statistics.median(runs)
    print(f"PyYAML CSafeLoader parse:   {human(p)}   (runs: {', '.join(human(x) for x in parse)})")
    print(f"sanctiontrack.validate:     {human(v)}   (runs: {', '.join(human(x) for x in runs)}); {errors} error(s), {warnings} warning(s)")
    print(f"ratio validate / parse:     {v / p:.1f}x")
    results.put("pyyaml_parse_ns", Stats.of(parse))
    results.put("validate_ns", Stats.of(runs))
    results.put("ratio_validate_over_parse", v / p)
    results.put("errors", errors)
    results.put("warnings", warnings)

    # where the time goes (private functions, medians of --repeat runs; skipped if the internals change)
    def median_of(fn: Callable[[], object]) -> float:
        samples = []
        for _ in range(args.repeat):
            gc.collect()
            samples.append(seconds(fn)[1])
        return statistics.median(samples)

    try:
        from sanctiontrack.checks.run import check
        from sanctiontrack.io.files import seed_folders
        from sanctiontrack.io.read import read_paths
        from sanctiontrack.io.seeds import SeedLibrary
        from sanctiontrack.io.yamlread import read_yaml

        located = median_of(lambda: [read_yaml(r, str(f)) for r, f in zip(raws, files, strict=True)])
        reading = median_of(lambda: read_paths([path]))
        read = read_paths([path])
        library = SeedLibrary(seed_folders([path]))
        checking = median_of(lambda: check(read, library))
    except (ImportError, AttributeError, TypeError) as exc:
        print(f"stages not measured: {exc!r}")
    else:
        stages = {
            "read_yaml (events -> data + line marks)": located,
            "pydantic records (read_paths - read_yaml)": max(0.0, reading - located),
            "semantic checks (_checks.check)": checking,
        }
        print(f"stages (median of {args.repeat}):")
        for name, ns in stages.items():
            print(f"  {name:<44} {human(ns)}")
        results.put("stages_ns", stages)
    if args.profile:
        _, where = profile_to(f"validate-{args.actions}", lambda: sanctiontrack.validate([path]))
        print(f"profile: {where}")
    saved = results.save()
    print(f"saved {saved}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
