"""The snapshot cache: same answers as parsing, invalidated by any change, harmless when damaged."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

import sanctiontrack
from sanctiontrack import Tracker

WORLD = Path(__file__).parents[1] / "engine" / "world.yaml"
DAYS = [datetime.date(2019, 1, 1) + datetime.timedelta(days=n) for n in range(0, 2600, 37)]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SANCTIONTRACK_CACHE_DIR", str(folder))
    return folder


def answers(tracker: Tracker) -> list[tuple[str, str, bool, tuple[str, ...], tuple[tuple[str, str], ...]]]:
    out = []
    for entity in tracker.entities:
        for day in DAYS:
            answer = tracker.restrictions(entity.id, on=day)
            out.append(
                (
                    entity.id,
                    day.isoformat(),
                    answer.restricted,
                    tuple(r.action.id for r in answer.restrictions),
                    tuple((n.action.id, n.reason.value) for n in answer.not_operative),
                )
            )
    return out


def test_a_snapshot_answers_as_parsing_does(cache: Path) -> None:
    first = sanctiontrack.load(WORLD)
    assert len(list(cache.glob("*.pickle"))) == 1
    from_snapshot = sanctiontrack.load(WORLD)
    assert answers(from_snapshot) == answers(sanctiontrack.load(WORLD, cache=False)) == answers(first)


def test_changing_the_file_makes_a_new_snapshot(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "world.yaml"
    shutil.copy(WORLD, path)

    def listing_operative(tracker: Tracker) -> bool:
        return "listing" in {r.action.id for r in tracker.restrictions("acme", on="2021-12-31").restrictions}

    assert listing_operative(sanctiontrack.load(path))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("dates: {effective: 2022-01-01}", "dates: {effective: 2021-12-01}"), encoding="utf-8")
    assert not listing_operative(sanctiontrack.load(path))  # the removal now comes first
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_damaged_snapshot_is_parsed_around(cache: Path) -> None:
    sanctiontrack.load(WORLD)
    [snapshot] = cache.glob("*.pickle")
    snapshot.write_bytes(b"not a pickle")
    assert sanctiontrack.load(WORLD).restricted("acme", on="2020-01-01")
