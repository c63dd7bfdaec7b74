"""A plain ``pip install`` of the wheel carries the dataset and seeds: ``load()`` works outside a checkout."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_and_loads_bundled_data(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(dist.glob("sanctiontrack-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600)
    probe = (
        "import sanctiontrack, sanctiontrack.io.bundle as b;"
        "t = sanctiontrack.load(cache=False);"
        "print(sanctiontrack.__file__); print(b.bundled_data()); print(b.bundled_seeds());"
        "print(t.restrictions('iFlyTek', on='2019-10-09').restricted)"
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run([str(python), "-c", probe], cwd=outside, capture_output=True, text=True, timeout=120, check=True)
    module, data, seeds, restricted = result.stdout.split()
    assert str(env_dir) in module and str(ROOT) not in module
    assert str(env_dir) in data and (Path(data) / "actions.yaml").is_file()
    assert len(list(Path(seeds).glob("*.txt"))) == 5
    assert restricted == "True"
    cli = subprocess.run([str(env_dir / "bin" / "sanctiontrack"), "validate"], cwd=outside, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stdout + cli.stderr
