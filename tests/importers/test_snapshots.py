"""Snapshots of official lists are records of their own: they read, validate and write back unchanged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctiontrack import Dataset, DateValue, OfficialList, Snapshot, Source, SourceKind
from sanctiontrack.io.dump import to_yaml
from sanctiontrack.io.read import read_paths

SOURCE = Source("watchman", SourceKind.OFFICIAL, "trade.gov", "Consolidated Screening List")

snapshots = st.builds(
    Snapshot,
    id=st.sampled_from(["csl-2022-04", "csl-2023-11", "dpl-2019-06"]),
    lists=st.lists(st.sampled_from(list(OfficialList)), min_size=1, max_size=4, unique=True).map(tuple),
    as_of=st.dates().filter(lambda d: d.year >= 1000).map(lambda d: DateValue.parse(d.isoformat())),
    partial=st.booleans(),
    sources=st.sampled_from([(), ("watchman",)]),
    note=st.none() | st.just("trimmed by the project that vendors it"),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(snapshots)
def test_a_snapshot_survives_yaml(tmp_path: Path, snapshot: Snapshot) -> None:
    dataset = Dataset(sources=(SOURCE,), snapshots=(snapshot,))
    path = tmp_path / "snapshots.yaml"
    path.write_text(to_yaml(dataset), encoding="utf-8")
    read = read_paths([path])
    assert read.problems == []
    assert read.dataset == dataset


def test_the_partial_2023_download_reads_as_partial(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("snapshots:\n  - {id: csl-2023-11, lists: [EL, SDN, NS-MBS], as_of: 2023-11-16, partial: true}\n", encoding="utf-8")
    (snapshot,) = read_paths([path]).dataset.snapshots
    assert snapshot.partial and snapshot.lists == (OfficialList.EL, OfficialList.SDN, OfficialList.NS_MBS)
    assert str(snapshot.as_of) == "2023-11-16"


def test_an_unknown_list_code_is_located(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("snapshots:\n  - {id: csl, lists: [EL, XYZ], as_of: 2022-04-21}\n", encoding="utf-8")
    (problem,) = read_paths([path]).problems
    assert (problem.line, "XYZ" in problem.message) == (2, True)


def test_every_csl_source_value_names_one_list() -> None:
    assert len({o.csl for o in OfficialList}) == len(OfficialList)
    assert OfficialList.from_csl("Denied Persons List (DPL) - Bureau of Industry and Security") is OfficialList.DPL
