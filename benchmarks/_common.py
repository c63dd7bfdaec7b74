"""Shared helpers of the benchmark scripts: statistics over nanosecond samples, reporting, profiles."""

from __future__ import annotations

import contextlib
import cProfile
import io
import json
import math
import os
import platform
import pstats
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["OUT", "Check", "Results", "Stats", "human", "machine", "measured_label", "profile_to", "seconds"]

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


@dataclass(frozen=True)
class Stats:
    """Order statistics of timing samples, in nanoseconds."""

    n: int
    median: float
    p99: float
    mean: float
    min: float
    max: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        ordered = sorted(samples)
        n = len(ordered)
        if n == 0:
            return cls(0, math.nan, math.nan, math.nan, math.nan, math.nan)
        mid = n // 2
        median = ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2
        p99 = ordered[min(n - 1, math.ceil(0.99 * n) - 1)]
        return cls(n, float(median), float(p99), sum(ordered) / n, float(ordered[0]), float(ordered[-1]))

    def line(self) -> str:
        return f"median {human(self.median)}  p99 {human(self.p99)}  mean {human(self.mean)}  (n={self.n:,})"


def human(ns: float) -> str:
    """Nanoseconds in the unit that reads best."""
    if math.isnan(ns):
        return "n/a"
    if ns < 1_000:
        return f"{ns:.0f} ns"
    if ns < 1_000_000:
        return f"{ns / 1_000:.2f} µs"
    if ns < 1_000_000_000:
        return f"{ns / 1_000_000:.1f} ms"
    return f"{ns / 1_000_000_000:.2f} s"


def seconds(fn: Callable[[], T]) -> tuple[T, float]:
    """Run ``fn`` once; its result and the wall time in nanoseconds."""
    start = time.perf_counter_ns()
    result = fn()
    return result, float(time.perf_counter_ns() - start)


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False).stdout.strip()
    except OSError:
        return ""


def machine() -> dict[str, Any]:
    """What the figures were measured on: CPUs, load, Python, library version and source state."""
    import sanctiontrack

    load = os.getloadavg() if hasattr(os, "getloadavg") else (math.nan,) * 3
    return {
        "cpus": os.cpu_count(),
        "load_average_1_5_15": [round(x, 2) for x in load],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sanctiontrack": sanctiontrack.__version__,
        "sanctiontrack_module": str(Path(sanctiontrack.__file__).parent),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "src_modified": _git("status", "--porcelain", "--", "src").splitlines(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def measured_label(info: dict[str, Any] | None = None) -> str:
    """What was measured, for file names: the commit ("-dirty" with changes under src/), or the copy's folder."""
    info = info or machine()
    module = str(info.get("sanctiontrack_module", ""))
    if module.startswith(str(ROOT)):  # this checkout
        return str(info.get("commit") or "unknown") + ("-dirty" if info.get("src_modified") else "")
    return Path(module).parents[1].name  # another copy on PYTHONPATH, e.g. /tmp/st-<commit>/src/sanctiontrack


@dataclass
class Check:
    """A figure measured against a target."""

    name: str
    value: float
    unit: str
    target: str
    passed: bool


@dataclass
class Results:
    """Figures of one benchmark run, printed as they come and saved as JSON under benchmarks/out/."""

    name: str
    command: str
    machine: dict[str, Any] = field(default_factory=machine)
    figures: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)

    def put(self, key: str, value: Any) -> None:
        self.figures[key] = asdict(value) if isinstance(value, Stats) else value

    def check(self, name: str, value: float, unit: str, target: str, passed: bool) -> None:
        self.checks.append(Check(name, value, unit, target, passed))

    def summary(self) -> str:
        lines = ["", "targets:"]
        for c in self.checks:
            lines.append(f"  [{'PASS' if c.passed else 'FAIL'}] {c.name}: {c.value:.4g} {c.unit} (target {c.target})")
        return "\n".join(lines)

    def save(self, suffix: str = "") -> Path:
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{self.name}{suffix}-{measured_label(self.machine)}.json"
        checks = [asdict(c) for c in self.checks]
        if hasattr(os, "getloadavg"):
            self.machine["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        data = {"name": self.name, "command": self.command, "machine": self.machine, "figures": self.figures, "checks": checks}
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
        return path


def profile_to(name: str, fn: Callable[[], T], top: int = 25) -> tuple[T, str]:
    """Run ``fn`` under cProfile; write the top functions (by own and cumulative time) to benchmarks/out/profile-NAME.txt."""
    profiler = cProfile.Profile()
    result = profiler.runcall(fn)
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.strip_dirs()
    buffer.write(f"== {name}: top {top} by own time (tottime)\n")
    stats.sort_stats("tottime").print_stats(top)
    buffer.write(f"== {name}: top {top} by cumulative time\n")
    stats.sort_stats("cumulative").print_stats(top)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"profile-{name}-{measured_label()}.txt"
    path.write_text(buffer.getvalue())
    return result, str(path)


def command_line() -> str:
    """The command that reproduces this run, as typed from the repository root."""
    script = Path(sys.argv[0])
    with contextlib.suppress(ValueError):
        script = script.resolve().relative_to(ROOT)
    return " ".join([".venv/bin/python", str(script), *sys.argv[1:]])
