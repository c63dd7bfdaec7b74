"""load() imports the list files snapshots name, keeps them in the store, and reads nothing outside official/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sanctiontrack
from sanctiontrack import DataError

FIXTURES = Path(__file__).parent / "fixtures"
DECLARED = """\
sources:
  - {id: my-csl, kind: official, publisher: trade.gov, title: My CSL download}
snapshots:
  - {id: mine, lists: [EL], as_of: 2021-01-15, sources: [my-csl], file: FILE}
"""


def folder(tmp_path: Path, file: str = "official/el.csv") -> Path:
    (tmp_path / "official").mkdir()
    shutil.copy(FIXTURES / "snapshot-2021-01.csv", tmp_path / "official" / "el.csv")
    (tmp_path / "mine.yaml").write_text(DECLARED.replace("FILE", file), encoding="utf-8")
    return tmp_path


def test_a_declared_snapshot_is_imported_and_survives_the_store(tmp_path: Path) -> None:
    data = folder(tmp_path)
    parsed = sanctiontrack.load(data, cache=False)
    assert parsed.restricted("Delta Optics Ltd.", on="2021-01-15")  # listed by the snapshot's day at the latest
    assert not parsed.restricted("Delta Optics Ltd.", on="2020-02-02")
    assert parsed.restricted("Delta Optics Ltd.", on="2020-02-03")  # the CSL's start_date, taken as effective
    built = sanctiontrack.load(data)
    opened = sanctiontrack.load(data)
    assert opened._store is not None and opened.snapshots == parsed.snapshots == built.snapshots
    assert [s.id for s in opened.snapshots] == ["mine"]
    assert opened.restricted("Delta Optics Ltd.", on="2020-02-03")
    assert len(sanctiontrack.load(data, official=False).entities) == 0


def test_a_changed_list_file_changes_the_answer_from_the_cache(tmp_path: Path) -> None:
    data = folder(tmp_path)
    assert "Delta Optics Ltd." in {e.name for e in sanctiontrack.load(data).entities}
    shutil.copy(FIXTURES / "snapshot-2021-06.csv", data / "official" / "el.csv")
    assert "Delta Optics Ltd." not in {e.name for e in sanctiontrack.load(data).entities}


@pytest.mark.parametrize("file", ["official/../mine.yaml", "official/missing.csv"])
def test_a_snapshot_file_outside_official_or_missing_is_refused_with_its_place(tmp_path: Path, file: str) -> None:
    data = folder(tmp_path, file)
    with pytest.raises(DataError) as caught:
        sanctiontrack.load(data, cache=False)
    (problem,) = caught.value.problems
    assert problem.line == 4 and problem.record == "mine"


def test_a_symlink_out_of_official_is_refused(tmp_path: Path) -> None:
    data = folder(tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.csv"
    shutil.copy(FIXTURES / "snapshot-2021-01.csv", outside)
    (data / "official" / "link.csv").symlink_to(outside)
    (data / "mine.yaml").write_text(DECLARED.replace("FILE", "official/link.csv"), encoding="utf-8")
    with pytest.raises(DataError, match="lies outside official/"):
        sanctiontrack.load(data, cache=False)
