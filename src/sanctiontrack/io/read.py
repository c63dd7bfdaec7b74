"""Read action files into records, validating each record on its own so every problem is reported."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
from pydantic import BaseModel, TypeAdapter, ValidationError

from ..model._pause import paused_gc
from ..model.errors import Problem, ProblemCode
from ..model.names import did_you_mean
from ..model.records import Action, ControlledItem, Dataset, Entity, Snapshot, Source
from . import schema as schema
from .files import collect_files, display_path
from .messages import describe_value, translate
from .yamlread import Located, read_yaml

__all__ = ["COLLECTIONS", "Origin", "ReadResult", "collect_files", "paused_gc", "read_paths"]

COLLECTIONS = ("entities", "sources", "actions", "items", "snapshots")
MAX_FILE_BYTES = 64 * 1024 * 1024


@attrs.frozen(slots=True)
class Origin:
    """Where a record stands: its file and its path inside that file's data."""

    file: Located
    prefix: tuple[str | int, ...]

    def where(self, rel: Sequence[str | int] = (), *, key: bool = False) -> tuple[str, int, int]:
        """(path, line, col) of a field inside the record."""
        line, col = self.file.where(self.prefix + tuple(rel), key=key)
        return self.file.path, line, col


@attrs.define
class ReadResult:
    """Records that validated, every problem found, and where each record came from.

    ``salvaged`` holds, per collection, records that failed the schema but validate once the fields
    with errors are left out: they are not in ``dataset`` (nothing is answered from them), but the
    checks read them, so one run reports their other problems too rather than after the schema
    errors are fixed.
    """

    dataset: Dataset
    problems: list[Problem]
    origins: dict[tuple[str, str], Origin]
    declared: dict[str, dict[str, Origin]]
    files: list[Located]
    salvaged: dict[str, list[Any]] = attrs.field(factory=dict)
    #: every file found (as shown in problems), read or not: one with a syntax error was validated too
    listed: list[str] = attrs.field(factory=list)

    def checked(self) -> Dataset:
        """What the checks read: the valid records and the salvaged ones."""
        if not self.salvaged:
            return self.dataset
        more = self.salvaged
        data = self.dataset
        return Dataset(
            (*data.entities, *more.get("entities", ())),
            (*data.sources, *more.get("sources", ())),
            (*data.actions, *more.get("actions", ())),
            (*data.items, *more.get("items", ())),
        )


_KIND_MODELS: dict[str, type[BaseModel]] = {kind.value: model for kind, model in schema.KIND_MODELS.items()}
_ADAPTERS: dict[str, tuple[TypeAdapter[Any], type[BaseModel]]] = {
    "entities": (schema.ENTITY, schema.EntityIn),
    "sources": (schema.SOURCE, schema.SourceIn),
    "actions": (schema.ACTION, schema._ActionIn),
    "items": (schema.ITEM, schema.ItemIn),
    "snapshots": (schema.SNAPSHOT, schema.SnapshotIn),
}


def read_paths(paths: Sequence[Path]) -> ReadResult:
    """Read and validate every record in the given files and folders."""
    files, problems = collect_files(paths)
    result = ReadResult(Dataset(), problems, {}, {c: {} for c in COLLECTIONS}, [])
    entities: list[Entity] = []
    sources: list[Source] = []
    actions: list[Action] = []
    items: list[ControlledItem] = []
    snapshots: list[Snapshot] = []
    out: dict[str, list[Any]] = {"entities": entities, "sources": sources, "actions": actions, "items": items, "snapshots": snapshots}
    for file in files:
        shown = display_path(file)
        result.listed.append(shown)
        try:
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                problems.append(Problem(shown, 1, 1, None, f"file is larger than {MAX_FILE_BYTES // 2**20} MiB", code=ProblemCode.SIZE))
                continue
            raw = file.read_bytes()
        except OSError as exc:
            problems.append(Problem(shown, 1, 1, None, f"cannot read the file: {exc.strerror}", code=ProblemCode.IO))
            continue
        located, found = read_yaml(raw, shown)
        problems.extend(found)
        if located is None:
            continue
        result.files.append(located)
        _read_document(located, result, out)
    result.dataset = Dataset(tuple(entities), tuple(sources), tuple(actions), tuple(items), tuple(snapshots))
    return result


def _read_document(located: Located, result: ReadResult, out: dict[str, list[Any]]) -> None:
    data = located.data
    problems = result.problems
    if data is None:
        return
    if not isinstance(data, dict):
        problems.append(
            Problem(
                located.path,
                1,
                1,
                None,
                f"expected a mapping with 'entities', 'sources', 'actions' and 'items' (got {describe_value(data)})",
                code=ProblemCode.NOT_A_MAPPING,
            )
        )
        return
    for key in data:
        if key not in COLLECTIONS:
            line, col = located.where((key,), key=True)
            hint = did_you_mean(str(key), COLLECTIONS)
            suffix = f"; did you mean '{hint}'?" if hint else " (expected 'entities', 'sources', 'actions', 'items' or 'snapshots')"
            problems.append(
                Problem(located.path, line, col, None, f"unknown top-level field {key!r}{suffix}", code=ProblemCode.UNKNOWN_FIELD)
            )
    for collection in COLLECTIONS:
        records = data.get(collection)
        if records is None:
            continue
        if not isinstance(records, list):
            line, col = located.where((collection,))
            problems.append(
                Problem(
                    located.path,
                    line,
                    col,
                    None,
                    f"'{collection}' must be a list (got {describe_value(records)})",
                    code=ProblemCode.WRONG_TYPE,
                )
            )
            continue
        adapter, base_model = _ADAPTERS[collection]
        for index, record in enumerate(records):
            origin = Origin(located, (collection, index))
            label = _label(collection, index, record)
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                declared = result.declared[collection]
                if record["id"] in declared:
                    first = declared[record["id"]]
                    path, line, col = origin.where(("id",))
                    _, fline, fcol = first.where(("id",))
                    where = f"line {fline}" if first.file.path == path else f"{first.file.path}:{fline}:{fcol}"
                    problems.append(
                        Problem(
                            path,
                            line,
                            col,
                            label,
                            f"duplicate id {record['id']!r} in '{collection}' (first defined at {where})",
                            code=ProblemCode.DUPLICATE_ID,
                        )
                    )
                    continue
                declared[record["id"]] = origin
            try:
                model = adapter.validate_python(record)
            except ValidationError as exc:
                problems.extend(_problems(exc, origin, label, record, collection, base_model))
                salvaged = _salvage(adapter, record, exc, collection)
                if salvaged is not None:
                    result.salvaged.setdefault(collection, []).append(salvaged)
                    result.origins[(collection, salvaged.id)] = origin
                continue
            domain = model.to_domain()
            out[collection].append(domain)
            result.origins[(collection, domain.id)] = origin


def _salvage(adapter: TypeAdapter[Any], record: Any, exc: ValidationError, collection: str) -> Any | None:
    """The record without the top-level fields that have errors, if that validates (else None): what can still be checked."""
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    kind = record.get("kind")
    bad: set[object] = set()
    for error in exc.errors(include_url=False):
        loc = list(error["loc"])
        if collection == "actions" and loc and loc[0] == kind:
            loc = loc[1:]
        if not loc or loc[0] in ("id", "kind"):
            return None
        bad.add(loc[0])
    try:
        return adapter.validate_python({k: v for k, v in record.items() if k not in bad}).to_domain()
    except (ValidationError, ValueError, TypeError):
        return None


def _label(collection: str, index: int, record: Any) -> str:
    if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"].strip():
        return str(record["id"])
    return f"{collection}[{index}]"


def _problems(exc: ValidationError, origin: Origin, label: str, record: Any, collection: str, base: type[BaseModel]) -> list[Problem]:
    model = base
    kind = record.get("kind") if isinstance(record, dict) else None
    if collection == "actions" and isinstance(kind, str) and kind in _KIND_MODELS:
        model = _KIND_MODELS[kind]
    found: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = list(error["loc"])
        if collection == "actions" and loc and loc[0] == kind:
            loc = loc[1:]
        if str(error["type"]).startswith("union_tag") and isinstance(record, dict) and "kind" in record:
            loc = ["kind"]
        message, at_key, code = translate(error, model, loc)
        path, line, col = origin.where(loc, key=at_key)
        found.append(Problem(path, line, col, label, message, code=code))
    return found
