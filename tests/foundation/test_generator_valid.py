"""The benchmarks' synthetic data is valid data: a benchmark that cannot load its input measures nothing.

Two regressions slipped past before this test: item targets written as descriptions after items got
ids, and local times that a DST change skips (2018-03-11T02:30 America/New_York).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import sanctiontrack

_GENERATE = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def _generator() -> ModuleType:
    sys.path.insert(0, str(_GENERATE.parent))
    try:
        spec = importlib.util.spec_from_file_location("bench_generate", _GENERATE)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(_GENERATE.parent))


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_data_validates_with_no_problem(tmp_path: Path, seed: int) -> None:
    generate = _generator()
    out = tmp_path / "generated.yaml"
    generate.write(generate.generate(1500, seed), out)
    report = sanctiontrack.validate(out)
    assert [str(p) for p in report.problems] == []


def test_generated_folder_validates_and_loads(tmp_path: Path) -> None:
    generate = _generator()
    out = tmp_path / "generated"
    document = generate.generate(400, 7)
    generate.write(document, out, part_actions=150, part_entities=len(document["entities"]) // 2 + 1)
    assert sorted(p.name for p in out.iterdir()) == [
        "00-entities-01.yaml",
        "00-entities-02.yaml",
        "00-sources.yaml",
        "actions-01.yaml",
        "actions-02.yaml",
        "actions-03.yaml",
    ]
    assert [str(p) for p in sanctiontrack.validate(out).problems] == []
    tracker = sanctiontrack.load(out, cache=False)
    assert len(tracker.entities) == len(document["entities"])
    assert len(tracker.actions) == 400
    assert len(tracker.items) == len(generate.ITEMS)


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/London", "Europe/Brussels"])
def test_generated_instants_exist_once_on_dst_change_days(zone: str) -> None:
    """Instants are drawn on the very days clocks change: each must be a local time that exists once."""
    import datetime as dt

    from sanctiontrack.model.dates import DateValue

    generator = _generator().Generator(100, 5)
    days = [dt.date(2018, 3, 11), dt.date(2018, 11, 4), dt.date(2019, 3, 31), dt.date(2019, 10, 27), dt.date(2023, 3, 12)]
    for day in days:
        for _ in range(200):
            value = generator.date_value(day, zone, instant=1.0)
            DateValue.parse(value["at"], tz=value["tz"])  # raises for a skipped or repeated local time
