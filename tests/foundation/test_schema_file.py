"""The committed JSON Schema equals the generated one, and the data file points editors at it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import sanctiontrack
from sanctiontrack.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads((ROOT / "data" / "actions.schema.json").read_text())
    assert committed == sanctiontrack.json_schema(), "regenerate with: sanctiontrack schema > data/actions.schema.json"


def test_cli_prints_the_same_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == sanctiontrack.json_schema()


def test_every_data_file_names_its_schema_first() -> None:
    files = sorted((ROOT / "data").rglob("*.yaml"))
    assert files, "no action files under data/"
    for file in files:
        relative = Path("../" * (len(file.relative_to(ROOT / "data").parts) - 1) + "actions.schema.json")
        first = file.read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema={relative.as_posix()}", file


def test_schema_knows_every_action_kind() -> None:
    schema = sanctiontrack.json_schema()
    kinds = (
        set(schema["$defs"]["ActionFileIn"]["properties"]["actions"]["items"]["discriminator"]["mapping"])
        if "ActionFileIn" in schema.get("$defs", {})
        else set(schema["properties"]["actions"]["items"]["discriminator"]["mapping"])
    )
    assert kinds == {k.value for k in sanctiontrack.ActionKind}
