"""Generated datasets survive YAML: dump, read back, and get equal records."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from sanctiontrack import Dataset
from sanctiontrack.io.dump import to_yaml
from sanctiontrack.io.read import read_paths
from tests.strategies import datasets


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(datasets())
def test_yaml_round_trip_is_lossless(tmp_path: Path, dataset: Dataset) -> None:
    path = tmp_path / "roundtrip.yaml"
    path.write_text(to_yaml(dataset), encoding="utf-8")
    read = read_paths([path])
    assert read.problems == []
    assert read.dataset == dataset
