"""Shared fixtures: the bundled dataset, and a helper that writes action files for a test."""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Snapshots made by tests go to a throwaway folder, never the user's cache.
os.environ.setdefault("SANCTIONTRACK_CACHE_DIR", tempfile.mkdtemp(prefix="sanctiontrack-test-cache-"))

import sanctiontrack

# No deadline per example: a test asserts behaviour, not speed (the benchmarks measure that), and on a
# loaded two-core runner a cold first example (a store built, modules imported) can take seconds.
settings.register_profile("sanctiontrack", deadline=None)
settings.load_profile("sanctiontrack")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def tracker() -> sanctiontrack.Tracker:
    """The bundled dataset, loaded once."""
    return sanctiontrack.load()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a dedented YAML text (or bytes) to a file in a fresh folder, with the seeds beside it."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in (ROOT / "seeds").glob("*.txt"):
        (seeds / seed.name).write_bytes(seed.read_bytes())

    def _write(content: str | bytes, name: str = "actions.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return path

    return _write
