"""Print the fuzz figures (inputs tried, crashes, hangs, silent acceptances per category) after a run."""

from __future__ import annotations

from typing import Any

from tests.fuzz.harness import SEEDS, STATS

FIGURES = ("inputs", "crashes", "hangs", "silent acceptances", "unlocated")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not STATS:
        return
    terminalreporter.section("fuzz figures")
    terminalreporter.write_line(f"seeds: fixed {SEEDS[0]}, rotating {SEEDS[1]}")
    for category, counts in sorted(STATS.items()):
        figures = ", ".join(f"{key} {counts[key]}" for key in FIGURES)
        extra = "".join(f", {key} {value}" for key, value in counts.items() if key not in FIGURES)
        terminalreporter.write_line(f"{category}: {figures}{extra}")
