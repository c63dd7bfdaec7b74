"""The ``sanctiontrack`` command: queries on the bundled (or any) data, validation, schema, export.

Every command takes ``--format``; bad input gives one clear line on stderr and exit status 1 (usage
errors exit 2), never a traceback. A name the data does not know exits 3 (``NOT_COVERED``): it is
not covered by the data searched, which is not the same as not restricted (with ``--format json``
the answer is a ``"status": "not_covered"`` object on stdout).
"""

from __future__ import annotations

import csv
import enum
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ..model.errors import DataError, SanctionTrackError, UnknownEntityError

if TYPE_CHECKING:
    from rich.console import Console

    from ..model.records import Entity
    from ..query.tracker import Tracker

app = typer.Typer(
    name="sanctiontrack",
    help="What restrictions applied to company X on date Y, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Fmt(enum.StrEnum):
    """Output formats of query commands."""

    table = "table"
    json = "json"


class ValidateFmt(enum.StrEnum):
    """Output formats of ``validate``."""

    text = "text"
    json = "json"
    github = "github"


class ScreenFmt(enum.StrEnum):
    """Output formats of ``screen``."""

    table = "table"
    csv = "csv"
    json = "json"


class ExportFmt(enum.StrEnum):
    """Output formats of ``export``."""

    json = "json"
    csv = "csv"
    parquet = "parquet"


DataOpt = Annotated[
    Path | None,
    typer.Option("--data", help="An action file or folder to query instead of the bundled dataset.", envvar="SANCTIONTRACK_DATA"),
]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


NOT_COVERED = 3  # exit status for a name in no loaded list or curated record (not covered is not "not restricted")


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def _friendly(fmt: object = None) -> Iterator[None]:
    """Turn library errors into one line on stderr and exit status 1 (a name the data does not cover: exit 3, JSON with ``-f json``)."""
    try:
        yield
    except UnknownEntityError as err:
        if fmt == "json":
            from ..query.jsonify import not_covered_json

            _print_json(not_covered_json(err))
        _fail(str(err), NOT_COVERED)
    except DataError as err:
        for problem in err.problems:
            typer.echo(str(problem), err=True)
        _fail(f"the data has {len(err.errors)} problem(s); run 'sanctiontrack validate' on it", 1)
    except SanctionTrackError as err:
        _fail(str(err))
    except OSError as err:
        _fail(f"{err.filename or ''}: {err.strerror or err}".lstrip(": "))


def _tracker(data: Path | None) -> Tracker:
    from ..query.load import load

    return load(data)


def _console() -> Console:
    from rich.console import Console

    return Console(soft_wrap=False, width=max(100, int(os.environ.get("COLUMNS", "0") or 0)))


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _today(on: str | None, fmt: Fmt | ScreenFmt) -> str:
    if on is not None:
        return on
    import pendulum

    today = pendulum.today().to_date_string()
    if fmt is Fmt.table or fmt is ScreenFmt.table:
        typer.echo(f"(no --on given: using today, {today})", err=True)
    return today


@app.command()
def restrictions(
    name: Annotated[str | None, typer.Argument(help="An entity id, name or alias, in any script.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="The day asked about (YYYY-MM-DD); default today.")] = None,
    at: Annotated[str | None, typer.Option("--at", help="An exact instant with its offset, e.g. 2019-05-16T09:00-04:00.")] = None,
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", "-j", help="Only actions of this jurisdiction (US, CN, IN, GB, EU).")
    ] = None,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch",
            help="A CSV file of (name, date) rows, or - for stdin: prints each row's entity and verdict as CSV (JSON with -f json).",
        ),
    ] = None,
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
) -> None:
    """What restricted NAME on a day (or at an instant), and what did not apply and why; or the verdicts for a file of rows."""
    with _friendly(fmt):
        if batch is not None:
            if name is not None or on is not None or at is not None or jurisdiction is not None:
                _fail("--batch reads names and days from the file: give no NAME, --on, --at or --jurisdiction with it", 2)
            _batch(batch, fmt, data)
            return
        if name is None:
            _fail("give an entity NAME (or --batch FILE.csv)", 2)
        if on is not None and at is not None:
            _fail("give either --on or --at, not both", 2)
        tracker = _tracker(data)
        answer = (
            tracker.restrictions(name, at=at, jurisdiction=jurisdiction)
            if at
            else tracker.restrictions(name, on=_today(on, fmt), jurisdiction=jurisdiction)
        )
        if fmt is Fmt.json:
            from ..query.jsonify import restrictions_json

            _print_json(restrictions_json(answer))
            return
        from .render import render_restrictions

        render_restrictions(_console(), answer)


_SHOWN_ERRORS = 50
_PROGRESS_ROWS = 20_000


def _batch(file: Path, fmt: Fmt, data: Path | None) -> None:
    """Answer every (name, date) row of a CSV file; every bad row is reported as file:row:column and nothing is printed."""
    from ..model.errors import QueryError, UnknownEntityError

    shown = "<stdin>" if str(file) == "-" else str(file)
    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as err:
        _fail(f"{shown}: {err.strerror}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        _fail(f"{shown}: not UTF-8 text (byte {err.start})")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as err:
        _fail(f"{shown}:{reader.line_num}:1: not valid CSV ({err})")
    columns = (0, 1)
    if rows:
        header = [h.strip().casefold() for h in rows[0][1]]
        if "name" in header:
            day_column = next((header.index(c) for c in ("date", "day", "on") if c in header), None)
            if day_column is None:
                _fail(f"{shown}:1:1: a header with 'name' needs a 'date' column too (got {', '.join(rows[0][1])})")
            columns = (header.index("name"), day_column)
            rows = rows[1:]
    if not rows:
        _fail(f"{shown}: no rows (expected name,date rows, with or without a header)")
    tracker = _tracker(data)
    errors: list[str] = []
    names: list[str] = []
    days: list[str] = []
    ids: list[str] = []
    uncovered = 0  # names in no loaded list or curated record
    with _progress(len(rows), "resolving") as advance:
        for count, (line, row) in enumerate(rows, 1):
            if count % 10_000 == 0:
                advance(10_000)
            if not any(cell.strip() for cell in row):
                errors.append(f"{shown}:{line}:1: empty row (expected a name and a date)")
                continue
            if len(row) <= max(columns):
                errors.append(f"{shown}:{line}:{len(row) + 1}: expected a name and a date, got {len(row)} column(s)")
                continue
            query, day = row[columns[0]].strip(), row[columns[1]].strip()
            try:
                entity, _ = tracker.entities.resolve(query) if query else (None, None)
            except UnknownEntityError as err:
                entity = None
                uncovered += 1
                errors.append(
                    f"{shown}:{line}:{columns[0] + 1}: " + (err.short if len(errors) < _SHOWN_ERRORS else f"no entity matches {query!r}")
                )
            else:
                if entity is None:
                    errors.append(f"{shown}:{line}:{columns[0] + 1}: empty name")
            try:
                tracker._day(day)
            except QueryError:
                errors.append(f"{shown}:{line}:{columns[1] + 1}: expected a date like 2019-10-09 (got {day!r})")
                continue
            if entity is not None:
                names.append(query)
                days.append(day)
                ids.append(entity.id)
    if errors:
        for message in errors[:_SHOWN_ERRORS]:
            typer.echo(message, err=True)
        more = f" ({len(errors) - _SHOWN_ERRORS} more not shown)" if len(errors) > _SHOWN_ERRORS else ""
        if uncovered:
            typer.echo(f"{uncovered} name(s) not covered; the data searched: {tracker.coverage.text()}", err=True)
        _fail(f"{len(errors)} bad row(s) in {shown}{more}; nothing was answered")
    verdicts: list[bool] = []
    chunk = 200_000
    with _progress(len(ids), "answering") as advance:
        for start in range(0, len(ids), chunk):
            verdicts.extend(tracker.restricted_many(ids[start : start + chunk], days[start : start + chunk]).tolist())
            advance(min(chunk, len(ids) - start))
    if fmt is Fmt.json:
        _print_json([{"name": n, "date": d, "entity": e, "restricted": v} for n, d, e, v in zip(names, days, ids, verdicts, strict=True)])
        return
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["name", "date", "entity", "restricted"])
    writer.writerows((n, d, e, "true" if v else "false") for n, d, e, v in zip(names, days, ids, verdicts, strict=True))


@contextmanager
def _progress(total: int, label: str) -> Iterator[Any]:
    """A progress bar on stderr for long runs in a terminal; otherwise nothing."""
    if total < _PROGRESS_ROWS or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


@app.command()
def build(
    data: DataOpt = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the store to this file, not the cache folder (use it with --data FILE)."),
    ] = None,
) -> None:
    """Parse and validate the data, and compile it into a store that later queries open instead of parsing."""
    import time

    with _friendly():
        from ..query.load import build_store

        began = time.perf_counter()
        path = build_store(data, output=output)
        typer.echo(f"wrote {path} ({path.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - began:.1f} s")


@app.command()
def item(
    query: Annotated[str, typer.Argument(help="An ECCN (0D521), a catalogue number, an item's description or an alias in any script.")],
    to: Annotated[str, typer.Option("--to", help="The destination: an ISO 3166-1 alpha-2 country code, e.g. CN or CA.")],
    on: Annotated[str | None, typer.Option("--on", help="The day asked about (YYYY-MM-DD); default today.")] = None,
    at: Annotated[str | None, typer.Option("--at", help="An exact instant with its offset, e.g. 2020-01-06T09:00-05:00.")] = None,
    origin: Annotated[str | None, typer.Option("--from", help="The country of export (ISO code); default: any country of export.")] = None,
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", "-j", help="Only actions of this jurisdiction (US, CN, IN, GB, EU).")
    ] = None,
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
) -> None:
    """Whether exporting item QUERY to a country needed a licence on a day, which rules applied, and which did not and why."""
    from ..query.jsonify import item_restrictions_json

    with _friendly():
        if on is not None and at is not None:
            _fail("give either --on or --at, not both", 2)
        tracker = _tracker(data)
        if at:
            answer = tracker.item_restrictions(query, to=to, at=at, from_=origin, jurisdiction=jurisdiction)
        else:
            answer = tracker.item_restrictions(query, to=to, on=_today(on, fmt), from_=origin, jurisdiction=jurisdiction)
        if fmt is Fmt.json:
            _print_json(item_restrictions_json(answer))
            return
        from .render import render_item_restrictions

        render_item_restrictions(_console(), answer)


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="An entity id, name or alias.")],
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
) -> None:
    """Every dated event concerning NAME, with whether it was restricted before and after."""
    from ..query.jsonify import timeline_json

    with _friendly(fmt):
        tracker = _tracker(data)
        entity, _ = tracker.entities.resolve(name)
        events = tracker.timeline(entity.id)
        if fmt is Fmt.json:
            _print_json(timeline_json(entity, events))
            return
        from .render import render_timeline

        render_timeline(_console(), entity, events)


@app.command()
def diff(
    name: Annotated[str, typer.Argument(help="An entity id, name or alias.")],
    start: Annotated[str, typer.Option("--from", help="The earlier day (YYYY-MM-DD).")],
    end: Annotated[str, typer.Option("--to", help="The later day (YYYY-MM-DD).")],
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
) -> None:
    """What came into and went out of force for NAME between two days."""
    from ..query.jsonify import diff_json

    with _friendly(fmt):
        result = _tracker(data).diff(name, start, end)
        if fmt is Fmt.json:
            _print_json(diff_json(result))
            return
        from .render import render_diff

        render_diff(_console(), result)


@app.command("in-force")
def in_force(
    on: Annotated[str | None, typer.Option("--on", help="The day asked about (YYYY-MM-DD); default today.")] = None,
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", "-j")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="An action kind, e.g. entity_list_addition.")] = None,
    authority: Annotated[str | None, typer.Option("--authority", "-a", help="Part of the authority's name.")] = None,
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
) -> None:
    """Everything operative on a day, optionally filtered."""
    from ..model.vocabulary import ActionKind
    from ..query.jsonify import action_ref

    with _friendly():
        if kind is not None and kind not in {k.value for k in ActionKind}:
            from ..model.names import did_you_mean

            hint = did_you_mean(kind, [k.value for k in ActionKind])
            _fail(
                f"unknown kind {kind!r}" + (f"; did you mean {hint!r}?" if hint else f" (one of: {', '.join(k.value for k in ActionKind)})")
            )
        day = _today(on, fmt)
        tracker = _tracker(data)
        actions = tracker.in_force(on=day, jurisdiction=jurisdiction, kind=kind, authority=authority)
        if fmt is Fmt.json:
            from ..model.dates import parse_day
            from ..query.jsonify import coverage_json

            covered = coverage_json(tracker.coverage, parse_day(day))
            _print_json({"on": day, "actions": [action_ref(a) for a in actions], "coverage": covered})
            return
        from ..model.dates import parse_day
        from .render import render_actions, render_coverage

        console = _console()
        render_actions(console, actions, f"In force on {day}")
        render_coverage(console, tracker.coverage, tracker.coverage.outside(parse_day(day)))


@app.command()
def show(
    action_id: Annotated[str, typer.Argument(help="An action id, e.g. us-eo-13942-tiktok.")],
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
) -> None:
    """One action in full: dates, instruments, targets, prohibitions, relations, evidence."""
    from ..io.dump import dump_action

    with _friendly():
        action = _tracker(data).action(action_id)
        if fmt is Fmt.json:
            _print_json(dump_action(action))
            return
        from .render import render_action

        render_action(_console(), action)


@app.command()
def entities(
    query: Annotated[str | None, typer.Argument(help="Part of a name, in any script; omit to list all.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 20,
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
) -> None:
    """Search entities by name or alias (or list them all)."""
    from ..query.jsonify import entity_json

    with _friendly():
        tracker = _tracker(data)
        rows: list[tuple[Entity, str, float | None]]
        if query:
            rows = [(m.entity, m.name, m.score) for m in tracker.entities.search(query, limit=limit)]
        else:
            rows = [(e, e.name, None) for e in tracker.entities]
        if fmt is Fmt.json:
            _print_json([{**entity_json(e), "matched_name": n, "score": s, "aliases": [a.name for a in e.aliases]} for e, n, s in rows])
            return
        from .render import render_entities

        render_entities(_console(), rows)


@app.command()
def screen(
    file: Annotated[Path, typer.Argument(help="A CSV file with a 'name' column (or names in the first column), or - for stdin.")],
    on: Annotated[str | None, typer.Option("--on", help="The day asked about (YYYY-MM-DD); default today.")] = None,
    threshold: Annotated[float, typer.Option("--threshold", "-t", min=0, max=100, help="Lowest score kept (above 0, at most 100).")] = 85.0,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 3,
    fmt: Annotated[ScreenFmt, typer.Option("--format", "-f")] = ScreenFmt.table,
    data: DataOpt = None,
) -> None:
    """Screen a list of names: best matches, scores, and whether each was restricted on a day."""
    from ..query.jsonify import screen_json

    with _friendly():
        names = _read_names(file)
        day = _today(on, fmt)
        results = _tracker(data).screen(names, on=day, threshold=threshold, limit=limit)
        if fmt is ScreenFmt.json:
            _print_json(screen_json(results, day))
        elif fmt is ScreenFmt.csv:
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(["query", "rank", "entity", "entity_name", "matched_name", "score", "restricted", "on", "status", "coverage"])
            for result in results:
                covered = result.coverage.text() if result.coverage is not None else ""
                if not result.matches:
                    writer.writerow([result.query, "", "", "", "", "", "", day, result.status, covered])
                for rank, m in enumerate(result.matches, 1):
                    row = [result.query, rank, m.entity.id, m.entity.name, m.name, f"{m.score:.1f}", str(m.restricted).lower(), day]
                    writer.writerow([*row, result.status, covered])
        else:
            from .render import render_screen

            render_screen(_console(), results, day)


def _read_names(file: Path) -> list[str]:
    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as err:
        _fail(f"{file}: {err.strerror}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        _fail(f"{file}: not UTF-8 text (byte {err.start})")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        _fail(f"{file}: no names")
    header = [h.strip().casefold() for h in rows[0]]
    column = header.index("name") if "name" in header else 0
    body = rows[1:] if "name" in header else rows
    names = [row[column].strip() for row in body if len(row) > column and row[column].strip()]
    if not names:
        _fail(f"{file}: no names (expected a 'name' column or names in the first column)")
    return names


@app.command()
def export(
    fmt: Annotated[ExportFmt, typer.Option("--format", "-f")] = ExportFmt.json,
    what: Annotated[str, typer.Option("--what", help="actions, entities, items or all (items and all: JSON only).")] = "all",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The folder for parquet's segments.parquet and names.parquet.")
    ] = None,
    data: DataOpt = None,
) -> None:
    """Export the dataset as JSON (entities, sources, actions, items), CSV (actions or entities), or Parquet tables for SQL engines."""
    from ..io.dump import dump_dataset
    from ..model.vocabulary import DateKind

    with _friendly():
        if what not in ("actions", "entities", "items", "all"):
            _fail(f"--what must be actions, entities, items or all (got {what!r})", 2)
        if what == "items" and fmt is not ExportFmt.json:
            _fail("--what items is exported as JSON only (use --format json)", 2)
        if (fmt is ExportFmt.parquet) != (output is not None):
            _fail("--format parquet writes to a folder: give --output DIR with it (and only with it)", 2)
        tracker = _tracker(data)
        if fmt is ExportFmt.parquet:
            assert output is not None
            from ..query.export import export_parquet

            for path in export_parquet(tracker, output):
                typer.echo(f"wrote {path}", err=True)
            return
        if fmt is ExportFmt.json:
            full = dump_dataset(tracker.dataset)
            _print_json(full if what == "all" else {what: full[what]})
            return
        writer = csv.writer(sys.stdout, lineterminator="\n")
        if what == "entities":
            writer.writerow(["id", "name", "kind", "country", "aliases"])
            for e in tracker.entities:
                writer.writerow([e.id, e.name, e.kind.value, e.country or "", " | ".join(a.name for a in e.aliases)])
            return
        writer.writerow(
            [
                "id",
                "kind",
                "title",
                "jurisdiction",
                "authority",
                *(kind.value for kind in DateKind),
                "targets",
                "instruments",
            ]
        )
        for a in tracker.actions:
            d = a.dates
            writer.writerow(
                [
                    a.id,
                    a.kind.value,
                    a.title,
                    a.jurisdiction,
                    a.authority,
                    *(str(d.get(kind) or "") for kind in DateKind),
                    " | ".join(t.entity or t.item or "" for t in a.targets),
                    " | ".join(str(i) for i in a.instruments),
                ]
            )


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Action files or folders; default: the bundled data.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    fmt: Annotated[ValidateFmt | None, typer.Option("--format", "-f", help="text, json, or github (default under GitHub Actions).")] = None,
    seeds: Annotated[list[Path] | None, typer.Option("--seeds", help="Extra folders holding seed documents.")] = None,
) -> None:
    """Check action files: every problem, located as path:line:col. Exit 0 clean, 1 problems, 2 usage."""
    from ..checks.validate import validate as run
    from ..io.bundle import bundled_data

    chosen = fmt or (ValidateFmt.github if os.environ.get("GITHUB_ACTIONS") == "true" else ValidateFmt.text)
    targets = list(paths) if paths else [bundled_data()]
    missing = [p for p in targets if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(str(p) for p in missing)}", 2)
    report = run(targets, seeds=seeds or ())
    problems = report.problems
    failing = [p for p in problems if strict or p.severity == "error"]
    if chosen is ValidateFmt.json:
        _print_json(
            {
                "ok": not failing,
                "strict": strict,
                "files": list(report.files),
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "problems": [
                    {
                        "path": p.path,
                        "line": p.line,
                        "col": p.col,
                        "record": p.record,
                        "severity": p.severity,
                        "code": p.code.value,
                        "message": p.message,
                    }
                    for p in problems
                ],
            }
        )
    elif chosen is ValidateFmt.github:
        for p in problems:
            level = "error" if (strict or p.severity == "error") else "warning"
            message = f"{p.record}: {p.message}" if p.record else p.message
            typer.echo(f"::{level} file={_gh(p.path, True)},line={p.line},col={p.col},title=sanctiontrack {p.code}::{_gh(message)}")
    else:
        for p in problems:
            typer.echo(str(p))
        summary = f"{len(report.files)} file(s): {len(report.errors)} error(s), {len(report.warnings)} warning(s)"
        typer.echo(summary + (" (strict: warnings count as errors)" if strict and report.warnings else ""), err=True)
    raise typer.Exit(1 if failing else 0)


def _gh(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


import_app = typer.Typer(
    help="Import official lists (the Consolidated Screening List, the Denied Persons List) into action files.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")

OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the records as an action file here (validate --strict accepts it).")
]
CuratedOpt = Annotated[
    bool, typer.Option("--curated/--no-curated", help="Merge with the curated data (--data, default: the bundled data) and include it.")
]
ReportFmtOpt = Annotated[ValidateFmt, typer.Option("--format", "-f", help="Report format: text or json.")]


def _import_run(
    kind: str,
    files: list[Path],
    as_of: list[str],
    partial: list[Path],
    output: Path | None,
    curated: bool,
    data: Path | None,
    fmt: ValidateFmt,
) -> None:
    from ..io.importers import csl, dpl
    from ..io.importers._build import Builder
    from ..io.importers.report import ImportReport
    from ..io.importers.snapshots import diff_snapshots
    from ..model.dates import DateValue
    from ..model.records import Dataset

    missing = [p for p in files if not p.is_file()]
    if missing:
        _fail(f"no such file: {', '.join(str(p) for p in missing)}", 2)
    if len(as_of) > len(files):
        _fail(f"--as-of given {len(as_of)} times for {len(files)} file(s)", 2)
    days: list[DateValue | None] = []
    for text in as_of:
        try:
            days.append(DateValue.parse(text))
        except ValueError as exc:
            _fail(f"--as-of: {exc}", 2)
    days += [None] * (len(files) - len(days))
    trimmed = {p.resolve() for p in partial}
    with _friendly():
        base = _tracker(data).dataset if curated else Dataset()
        report = ImportReport()
        builder = Builder(base, report)
        for path, day in zip(files, days, strict=True):
            if kind == "csl":
                csl.read_csl(path, builder, as_of=day, partial=path.resolve() in trimmed)
            else:
                dpl.read_dpl(path, builder, as_of=day)
        dataset = diff_snapshots(builder.dataset(), builder)
        if output is not None:
            from ..io.dump import to_yaml

            output.write_text(to_yaml(dataset), encoding="utf-8")
    if fmt is ValidateFmt.json:
        _print_json({**report.to_dict(), "output": str(output) if output else None})
        return
    for problem in report.problems:
        typer.echo(str(problem), err=True)
    for line in report.ambiguous:
        typer.echo(f"check: {line}", err=True)
    typer.echo(report.summary())
    typer.echo(
        f"wrote {output}"
        if output
        else f"read {len(dataset.entities)} entities, {len(dataset.actions)} actions (no --output: nothing written)"
    )


@import_app.command("csl")
def import_csl_command(
    files: Annotated[list[Path], typer.Argument(help="Consolidated Screening List CSV files (gzip or plain), oldest first.")],
    as_of: Annotated[
        list[str] | None, typer.Option("--as-of", help="The day each file shows (repeat, in file order); default: inferred.")
    ] = None,
    partial: Annotated[
        list[Path] | None, typer.Option("--partial", help="A file that is a trimmed copy: it never yields removals.")
    ] = None,
    output: OutputOpt = None,
    curated: CuratedOpt = True,
    data: DataOpt = None,
    fmt: ReportFmtOpt = ValidateFmt.text,
) -> None:
    """Import CSL files: entities with every name, address and row id, one listing action per list and first rule."""
    _import_run("csl", files, as_of or [], partial or [], output, curated, data, fmt)


@import_app.command("dpl")
def import_dpl_command(
    file: Annotated[Path, typer.Argument(help="A Denied Persons List file (tab-separated, gzip or plain).")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="The day the file shows; default: its newest Last_Update.")] = None,
    output: OutputOpt = None,
    curated: CuratedOpt = True,
    data: DataOpt = None,
    fmt: ReportFmtOpt = ValidateFmt.text,
) -> None:
    """Import a Denied Persons List file: each denial order with its effective and expiration dates."""
    _import_run("dpl", [file], [as_of] if as_of else [], [], output, curated, data, fmt)


@app.command()
def schema() -> None:
    """Print the JSON Schema of action files (generated from the models)."""
    from ..io.schema import json_schema

    _print_json(json_schema())


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``sanctiontrack`` console script."""
    try:
        app(args=argv, prog_name="sanctiontrack", standalone_mode=True)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
