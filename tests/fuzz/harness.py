"""What every fuzz target shares: running the CLI in-process, the rules a run must keep, the seeds and the figures.

A run fails on a traceback (any exception but a clean exit), a hang (one command over ``HANG_SECONDS``),
or a validation problem printed without its ``file:line:col``. ``STATS`` counts, per category, the
inputs tried and what went wrong; ``tests/fuzz/conftest.py`` prints them after the run.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import hypothesis
from typer.testing import CliRunner

from sanctiontrack.cli.app import app

#: The fixed seed every run repeats, and the rotating one (the day's date) that explores further.
FIXED_SEED = 20261202
ROTATING_SEED = int(dt.date.today().strftime("%Y%m%d")) * 7 + 1
SEEDS = (FIXED_SEED, ROTATING_SEED)
HANG_SECONDS = 30.0

STATS: defaultdict[str, Counter[str]] = defaultdict(Counter)
_LOCATED = re.compile(r"^[^\n]+:\d+:\d+: ")
_SUMMARY = re.compile(r"^\d+ file\(s\): \d+ error\(s\), \d+ warning\(s\)( \(strict: warnings count as errors\))?$")

runner = CliRunner()


def cli(category: str, *args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Run ``sanctiontrack ARGS`` in-process; fail on a traceback or a hang, counting both in ``STATS``."""
    start = time.monotonic()
    result = runner.invoke(app, list(args), input=stdin)
    took = time.monotonic() - start
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        STATS[category]["crashes"] += 1
        raise AssertionError(f"traceback from {args!r}: {result.exception!r}") from result.exception
    if took > HANG_SECONDS:
        STATS[category]["hangs"] += 1
        raise AssertionError(f"{args!r} took {took:.1f} s")
    return result.exit_code, result.stdout, result.stderr


def assert_located(category: str, stderr: str) -> None:
    """Every line ``validate`` prints is a located problem (``file:line:col: ...``) or its summary line."""
    for line in stderr.splitlines():
        if not (_LOCATED.match(line) or _SUMMARY.match(line)):
            STATS[category]["unlocated"] += 1
            raise AssertionError(f"a message without a location: {line!r}")


def tried(category: str) -> None:
    """Count one input tried in ``category``."""
    STATS[category]["inputs"] += 1


def silent(category: str, why: str) -> None:
    """Count and fail on an input accepted silently though it should have been refused or reported."""
    STATS[category]["silent acceptances"] += 1
    raise AssertionError(f"accepted silently: {why}")


def under_seed(seed: int, prop: Callable[..., Any]) -> None:
    """Run the hypothesis property ``prop`` (already ``@given``) with ``seed``."""
    hypothesis.seed(seed)(prop)()
