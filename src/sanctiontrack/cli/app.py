"""The ``sanctiontrack`` command: queries on the bundled (or any) data, validation, schema, export.

Every command takes ``--format``; bad input gives one clear line on stderr and exit status 1 (usage
errors exit 2), never a traceback. A name the data does not know exits 3 (``NOT_COVERED``): it is
not covered by the data searched, which is not the same as not restricted (with ``--format json``
the answer is a ``"status": "not_covered"`` object on stdout).

No ``from __future__ import annotations`` here: typer reads every command's annotations on each
start, and evaluating them from strings took 25 ms of a cold query (names only imported for type
checking are quoted instead).
"""

import copy
import csv
import enum
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.main import get_command_name

from ..model.errors import AmbiguousEntityError, DataError, SanctionTrackError, UnknownEntityError

if TYPE_CHECKING:
    from rich.console import Console
    from typer.models import CommandInfo

    from ..model.dates import DateValue
    from ..model.records import Action, Entity
    from ..query.tracker import Tracker


def _keep_argument_help() -> None:
    """Give arguments their help back: click 8.5 resets ``help`` after typer's ``TyperArgument`` sets it (``FILE  [required]``, no text)."""
    from typer.core import TyperArgument

    if getattr(TyperArgument, "_keeps_help", False):
        return
    original = TyperArgument.__init__

    def init(self: TyperArgument, *args: Any, help: str | None = None, **kwargs: Any) -> None:
        original(self, *args, help=help, **kwargs)
        if help and not self.help:
            self.help = help

    TyperArgument.__init__ = init  # type: ignore[method-assign]
    TyperArgument._keeps_help = True  # type: ignore[attr-defined]


_keep_argument_help()

app = typer.Typer(
    name="sanctiontrack",
    help="What restrictions applied to company X on date Y, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


class Fmt(enum.StrEnum):
    """Output formats of query commands."""

    table = "table"
    json = "json"
    csv = "csv"


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


def _path_given(value: str) -> Path:
    """A path named on the command line; an empty one is refused (``Path("")`` is the current folder: ``--data "$UNSET"``)."""
    if not value.strip():
        raise typer.BadParameter("an empty path (a variable left unset?); name a file or folder")
    return Path(value)


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="An action file or folder read with the bundled dataset (or a .store file); add --data-only to query it alone.",
        envvar="SANCTIONTRACK_DATA",
        parser=_path_given,
        metavar="PATH",
    ),
]
DataOnlyOpt = Annotated[bool, typer.Option("--data-only", help="Query the --data files alone, without the bundled dataset.")]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


NOT_COVERED = 3  # exit status for a name in no loaded list or curated record (not covered is not "not restricted")


#: The largest ``--limit`` accepted (a larger one is a usage error, not an overflow).
MAX_LIMIT = 10_000
_SHOWN = 20  # entities a search finds, or the table of all shows, unless --limit says otherwise


def _fail(message: str, code: int = 1) -> NoReturn:
    from ..model.text import shown

    typer.echo(f"error: {shown(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def _friendly(fmt: object = None) -> Iterator[None]:
    """Turn library errors into one line on stderr and exit status 1 (a name the data does not cover: exit 3, JSON with ``-f json``)."""
    try:
        yield
    except AmbiguousEntityError as err:  # covered, but the name is not one entity's: say which it could be
        if fmt == "json":
            _print_json({"status": "ambiguous", "query": err.query, "candidates": list(err.candidates), "error": str(err)})
        _fail(str(err))
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
    except BrokenPipeError:
        _closed_pipe()
    except OSError as err:
        _fail(f"{err.filename or ''}: {err.strerror or err}".lstrip(": "))


def _closed_pipe() -> NoReturn:
    """The reader of our output went away (``| head``): stop quietly, as ``cat`` does, with no message and no traceback."""
    _quiet_stdout()
    raise SystemExit(141)  # 128 + SIGPIPE, what a shell reports for a writer killed by a closed pipe


def _inputs(data: Path | None, data_only: bool) -> list[Path] | Path | None:
    """What ``--data`` names: the bundled dataset with the given files (or, with ``--data-only`` or for a .store file, those alone)."""
    if data is None:
        if data_only:
            _fail("--data-only needs --data PATH", 2)
        return None
    if data_only or data.suffix == ".store":
        return data
    from ..io.bundle import bundled_data

    return [bundled_data(), data]


def _tracker(data: Path | None, data_only: bool = False) -> "Tracker":
    from ..query.load import load

    return load(_inputs(data, data_only))


def _console() -> "Console":
    """The console for table output: the terminal's width (``COLUMNS`` if set; 80 when output is not a terminal)."""
    from .render import make_console

    columns = os.environ.get("COLUMNS", "").strip()  # rich ignores a COLUMNS that is not a number
    return make_console(min(max(int(columns), 20), 1000) if columns.isascii() and columns.isdigit() else None)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _day_option(value: str, option: str) -> str:
    """``value`` if it is a day; otherwise the error names the option it came from (``--from``, not 'on')."""
    from ..model.dates import parse_day

    try:
        parse_day(value, option)
    except ValueError as err:
        _fail(str(err))
    return value


def _at_option(value: str) -> str:
    """``value`` if it is an instant with an offset; otherwise an error naming ``--at`` (and ``--on`` for a whole day)."""
    from ..model.errors import QueryError
    from ..query.tracker import _instant

    try:
        _instant(value, "--at", "--on")
    except QueryError as err:
        _fail(str(err))
    return value


def _jurisdiction_option(value: str | None) -> str | None:
    """The code a ``--jurisdiction`` value denotes (UK is GB, us is US); an unknown code is an error, never an empty answer."""
    if value is None:
        return None
    from ..model.countries import check_jurisdiction

    try:
        return check_jurisdiction(value)
    except ValueError as err:
        _fail(f"--jurisdiction: {err}")


def _flat(row: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """One CSV row from plain data: nested fields as ``dates.effective``, lists joined with `` | ``, booleans as true/false."""
    out: dict[str, str] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}."))
        elif isinstance(value, list):
            out[name] = " | ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
        elif isinstance(value, bool):
            out[name] = "true" if value else "false"
        else:
            out[name] = "" if value is None else str(value)
    return out


def _print_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> None:
    """Rows of plain data as CSV with a header: every column any row has, in first-seen order (or ``columns``)."""
    flat = [_flat(row) for row in rows]
    header = columns or list(dict.fromkeys(key for row in flat for key in row))
    writer = csv.DictWriter(sys.stdout, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)


def _answer_rows(data: dict[str, Any], asked: dict[str, Any]) -> list[dict[str, Any]]:
    """A point answer's JSON as CSV rows: one per restriction, action that did not apply, and charge (each with the question)."""
    rows: list[dict[str, Any]] = []
    for key, applies, reason in (("restrictions", "restricts", "status"), ("not_operative", "does not apply", "reason")):
        for r in data[key]:
            rows.append(
                {
                    **asked,
                    "applies": applies,
                    "action": r["action"],
                    "title": r["title"],
                    "kind": r["kind"],
                    "reason": r[reason],
                    "scope": r.get("scope", []),
                    "explanation": r["explanation"],
                    "sources": [c.get("url") or c["title"] for c in r["sources"]],
                }
            )
    for c in data.get("charges", ()):
        sources = [s.get("url") or s["title"] for s in c["sources"]]
        rows.append(
            {
                **asked,
                "applies": "charged (restricts nothing)",
                "action": c["action"],
                "title": c["title"],
                "kind": c["document"],
                "reason": c["case"],
                "scope": [],
                "explanation": f"charged since {c['since']}",
                "sources": sources,
            }
        )
    return rows or [
        {**asked, "applies": "", "action": "", "title": "", "kind": "", "reason": "", "scope": [], "explanation": "", "sources": []}
    ]


def _today(on: str | None) -> str:
    if on is not None:
        return _day_option(on, "--on")
    import pendulum

    today = pendulum.today().to_date_string()
    typer.echo(f"(no --on given: using today, {today})", err=True)  # on stderr, whatever the format: CSV rows may not name their day
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
    group: Annotated[
        bool, typer.Option("--group", help="Answer for every member of NAME's group (its subsidiaries and affiliates, and theirs).")
    ] = False,
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
    data_only: DataOnlyOpt = False,
) -> None:
    """What restricted NAME on a day (or at an instant), and what did not apply and why; or the verdicts for a file of rows."""
    with _friendly(fmt):
        if batch is not None:
            if name is not None or on is not None or at is not None or jurisdiction is not None or group:
                _fail("--batch reads names and days from the file: give no NAME, --on, --at or --jurisdiction with it", 2)
            _batch(batch, fmt, data, data_only)
            return
        if name is None:
            _fail("give an entity NAME (or --batch FILE.csv)", 2)
        if on is not None and at is not None:
            _fail("give either --on or --at, not both", 2)
        jurisdiction = _jurisdiction_option(jurisdiction)
        at = _at_option(at) if at else None
        tracker = _tracker(data, data_only)
        if group:
            _group(tracker, name, _today(on) if not at else None, at, jurisdiction, fmt)
            return
        answer = (
            tracker.restrictions(name, at=at, jurisdiction=jurisdiction)
            if at
            else tracker.restrictions(name, on=_today(on), jurisdiction=jurisdiction)
        )
        if fmt is not Fmt.table:
            from ..query.jsonify import entity_json, restrictions_json

            data_ = restrictions_json(answer)
            # by day only: at an instant, null (the key is always there, so a reader needs no guess why it is missing)
            data_["restricted_members"] = (
                [entity_json(e) for e in tracker.restricted_members(answer.entity.id, on=answer.on)] if answer.on is not None else None
            )
            if fmt is Fmt.json:
                _print_json(data_)
            else:
                asked = {"entity": data_["entity"]["id"], "on": data_["on"], "at": data_["at"], "restricted": data_["restricted"]}
                _print_csv(_answer_rows(data_, asked))
            return
        from .render import render_restrictions

        members = tracker.restricted_members(answer.entity.id, on=answer.on) if answer.on is not None else ()
        render_restrictions(_console(), answer, members)


def _group(tracker: "Tracker", name: str, on: str | None, at: str | None, jurisdiction: str | None, fmt: Fmt) -> None:
    """``restrictions NAME --group``: the answer for every member of the group, one line (or JSON answer, or CSV rows) each."""
    from ..query.jsonify import restrictions_json

    answers = tracker.group_restrictions(name, on=on, at=at, jurisdiction=jurisdiction)
    if fmt is Fmt.json:
        _print_json({"group": answers[0].entity.id, "members": [restrictions_json(a) for a in answers]})
        return
    if fmt is Fmt.csv:
        rows = []
        for answer in answers:
            data_ = restrictions_json(answer)
            asked = {"group": answers[0].entity.id, "entity": answer.entity.id, "on": data_["on"], "at": data_["at"]}
            rows.extend(_answer_rows(data_, {**asked, "restricted": data_["restricted"]}))
        _print_csv(rows)
        return
    from .render import render_group

    render_group(_console(), answers)


_SHOWN_ERRORS = 50
_PROGRESS_ROWS = 20_000


def _batch(file: Path, fmt: Fmt, data: Path | None, data_only: bool) -> None:
    """Answer every (name, date) row of a CSV file; every bad row is reported as file:row:column and nothing is printed."""
    from ..model.errors import AmbiguousEntityError, QueryError, UnknownEntityError

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
            for twice in ("name", header[day_column]):
                if header.count(twice) > 1:  # which column holds the questions would be a guess; the other's rows go unasked
                    where = " and ".join(str(i + 1) for i, h in enumerate(header) if h == twice)
                    _fail(f"{shown}:1:1: the header row names {twice!r} twice (columns {where}); keep one")
            columns = (header.index("name"), day_column)
            rows = rows[1:]
    if not rows:
        _fail(f"{shown}: no rows (expected name,date rows, with or without a header)")
    tracker = _tracker(data, data_only)
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
                uncovered += not isinstance(err, AmbiguousEntityError)  # several entities match: covered, but not one
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
    data_only: DataOnlyOpt = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the store to this file, not the cache folder (use it with --data FILE).",
            parser=_path_given,
            metavar="PATH",
        ),
    ] = None,
) -> None:
    """Parse and validate the data, and compile it into a store that later queries open instead of parsing."""
    import time

    with _friendly():
        from ..query.load import build_store

        began = time.perf_counter()
        path = build_store(_inputs(data, data_only), output=output)
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
    data_only: DataOnlyOpt = False,
) -> None:
    """Whether exporting item QUERY to a country needed a licence on a day, which rules applied, and which did not and why."""
    from ..query.jsonify import item_restrictions_json

    with _friendly():
        if on is not None and at is not None:
            _fail("give either --on or --at, not both", 2)
        jurisdiction = _jurisdiction_option(jurisdiction)
        at = _at_option(at) if at else None
        tracker = _tracker(data, data_only)
        if at:
            answer = tracker.item_restrictions(query, to=to, at=at, from_=origin, jurisdiction=jurisdiction)
        else:
            answer = tracker.item_restrictions(query, to=to, on=_today(on), from_=origin, jurisdiction=jurisdiction)
        if fmt is Fmt.json:
            _print_json(item_restrictions_json(answer))
            return
        if fmt is Fmt.csv:
            data_ = item_restrictions_json(answer)
            items = [i["id"] for i in data_["items"]]
            asked = {
                "items": items,
                "to": data_["to"],
                "from": data_["from"],
                "on": data_["on"],
                "at": data_["at"],
                "restricted": data_["restricted"],
            }
            _print_csv(_answer_rows(data_, asked))
            return
        from .render import render_item_restrictions

        render_item_restrictions(_console(), answer)


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="An entity id, name or alias.")],
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
    data_only: DataOnlyOpt = False,
) -> None:
    """Every dated event concerning NAME, with whether it was restricted before and after."""
    from ..query.jsonify import timeline_json

    with _friendly(fmt):
        tracker = _tracker(data, data_only)
        entity, _ = tracker.entities.resolve(name)
        events = tracker.timeline(entity.id)
        if fmt is Fmt.json:
            _print_json(timeline_json(entity, events))
            return
        if fmt is Fmt.csv:
            _print_csv([{"entity": entity.id, **e} for e in timeline_json(entity, events)["events"]])
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
    data_only: DataOnlyOpt = False,
) -> None:
    """What came into and went out of force for NAME between two days."""
    from ..query.jsonify import diff_json

    with _friendly(fmt):
        result = _tracker(data, data_only).diff(name, _day_option(start, "--from"), _day_option(end, "--to"))
        if fmt is Fmt.json:
            _print_json(diff_json(result))
            return
        if fmt is Fmt.csv:
            data_ = diff_json(result)
            asked = {k: data_[k] for k in ("from", "to", "restricted_before", "restricted_after")}
            changes = [("came into force", c) for c in data_["came_into_force"]] + [
                ("went out of force", c) for c in data_["went_out_of_force"]
            ]
            columns = ["entity", *asked, "change", "action", "title", "explanation"]
            _print_csv([{"entity": result.entity.id, **asked, "change": kind, **c} for kind, c in changes], columns)
            return
        from .render import render_diff

        render_diff(_console(), result)


@app.command("in-force")
def in_force(
    on: Annotated[str | None, typer.Option("--on", help="The day asked about (YYYY-MM-DD); default today.")] = None,
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", "-j", help="Only actions of this jurisdiction (US, CN, IN, GB, EU).")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="An action kind, e.g. entity_list_addition.")] = None,
    authority: Annotated[str | None, typer.Option("--authority", "-a", help="Part of the authority's name.")] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Also list binding actions that restrict nothing by themselves (revocations, removals, court orders)."),
    ] = False,
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
    data_only: DataOnlyOpt = False,
) -> None:
    """Everything operative on a day (what restricts, and exemptions), optionally filtered; --all adds every binding action in force."""
    from ..model.vocabulary import ActionKind
    from ..query.jsonify import action_ref

    with _friendly():
        if kind is not None and kind not in {k.value for k in ActionKind}:
            from ..model.names import did_you_mean

            hint = did_you_mean(kind, [k.value for k in ActionKind])
            codes = ", ".join(k.value for k in ActionKind)
            _fail(f"--kind: unknown action kind {kind!r}" + (f"; did you mean {hint!r}?" if hint else f" (one of: {codes})"))
        jurisdiction = _jurisdiction_option(jurisdiction)
        day = _today(on)
        tracker = _tracker(data, data_only)
        actions = tracker.in_force(on=day, jurisdiction=jurisdiction, kind=kind, authority=authority, operative_only=not everything)
        rows = [{**action_ref(a), "scope": _action_scope(a)} for a in actions]
        if fmt is Fmt.csv:
            _print_csv(rows, ["id", "kind", "title", "jurisdiction", "authority", *_date_columns(), "scope"])
            return
        if fmt is Fmt.json:
            from ..model.dates import parse_day
            from ..query.jsonify import coverage_json

            covered = coverage_json(tracker.coverage, parse_day(day))
            _print_json({"on": day, "all": everything, "actions": rows, "coverage": covered})
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
    data_only: DataOnlyOpt = False,
) -> None:
    """One action in full: dates, instruments, targets, prohibitions, relations, evidence."""
    from ..io.dump import dump_action

    with _friendly():
        tracker = _tracker(data, data_only)
        action = tracker.action(action_id)
        if fmt is Fmt.json:
            _print_json(dump_action(action))
            return
        if fmt is Fmt.csv:
            from ..query.jsonify import action_ref, instruments_json

            row = {**action_ref(action), "scope": _action_scope(action), "instruments": [i["citation"] for i in instruments_json(action)]}
            row["targets"] = [t.entity or t.item or "" for t in action.targets]
            row["sources"] = [e.source for e in action.evidence]
            _print_csv(
                [row], ["id", "kind", "title", "jurisdiction", "authority", *_date_columns(), "scope", "instruments", "targets", "sources"]
            )
            return
        from .render import render_action

        render_action(_console(), action, tracker.sources)


@app.command()
def entities(
    query: Annotated[str | None, typer.Argument(help="Part of a name, in any script; omit to list all.")] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=1,
            max=MAX_LIMIT,
            help="At most this many entities (best first). Default: 20 for a search, and for the table of all; JSON and CSV list all.",
        ),
    ] = None,
    related: Annotated[
        bool,
        typer.Option("--related", help="List QUERY's parents, subsidiaries and affiliates, with the dates and sources of each link."),
    ] = False,
    fmt: FormatOpt = Fmt.table,
    data: DataOpt = None,
    data_only: DataOnlyOpt = False,
) -> None:
    """Search entities by name or alias (or list them all); with --related, the entities linked to one."""
    from ..query.jsonify import entity_json

    with _friendly():
        tracker = _tracker(data, data_only)
        if related:
            if not query:
                _fail("--related needs an entity NAME", 2)
            _related(tracker, query, fmt)
            return
        rows: list[tuple[Entity, str, float | None]]
        if query:
            rows = [(m.entity, m.name, m.score) for m in tracker.entities.search(query, limit=limit or _SHOWN)]
        else:
            rows = [(e, e.name, None) for e in tracker.entities]
        total = len(rows)
        if fmt is Fmt.table or limit is not None:  # a terminal table of every listed party is unreadable (and took 17 s)
            rows = rows[: limit or _SHOWN]
        if fmt is not Fmt.table:
            found = [
                {**entity_json(e), "matched_name": n, "score": None if s is None else round(s, 1), "aliases": [a.name for a in e.aliases]}
                for e, n, s in rows
            ]
            if fmt is Fmt.json:
                _print_json(found)
            else:
                _print_csv(found, ["id", "name", "kind", "country", "matched_name", "score", "aliases"])
            return
        from .render import render_entities

        render_entities(_console(), rows, total)


@app.command()
def screen(
    file: Annotated[Path, typer.Argument(help="A CSV file with a header naming a 'name' column (or one column of names), or - for stdin.")],
    column: Annotated[
        str | None, typer.Option("--column", "-c", help="The header of the column holding the names (default: 'name').")
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help="The day asked about (YYYY-MM-DD); default today.")] = None,
    threshold: Annotated[float, typer.Option("--threshold", "-t", min=0, max=100, help="Lowest score kept (above 0, at most 100).")] = 85.0,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, help="At most this many matches for each name.")] = 3,
    fmt: Annotated[ScreenFmt, typer.Option("--format", "-f", help="Output format.")] = ScreenFmt.table,
    data: DataOpt = None,
    data_only: DataOnlyOpt = False,
) -> None:
    """Screen a list of names: best matches, scores, and whether each was restricted on a day."""
    from ..query.jsonify import screen_json

    if not 0 < threshold <= 100:  # 0 and nan pass click's range
        _fail(f"--threshold must be above 0 and at most 100 (got {threshold:g})", 2)
    with _friendly():
        names = _read_names(file, column)
        day = _today(on)
        results = _tracker(data, data_only).screen(names, on=day, threshold=threshold, limit=limit)
        if fmt is ScreenFmt.json:
            _print_json(screen_json(results, day))
        elif fmt is ScreenFmt.csv:
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(["query", "rank", "entity", "entity_name", "matched_name", "score", "restricted", "on", "status", "coverage"])
            shown_coverage, covered = None, ""
            for result in results:
                if result.coverage is not shown_coverage:  # results share their tracker's coverage: its text once, not per row
                    shown_coverage = result.coverage
                    covered = shown_coverage.text() if shown_coverage is not None else ""
                if not result.matches:
                    writer.writerow([result.query, "", "", "", "", "", "", day, result.status, covered])
                for rank, m in enumerate(result.matches, 1):
                    row = [result.query, rank, m.entity.id, m.entity.name, m.name, f"{m.score:.1f}", str(m.restricted).lower(), day]
                    writer.writerow([*row, result.status, covered])
        else:
            from .render import render_screen

            render_screen(_console(), results, day)


def _related(tracker: "Tracker", query: str, fmt: Fmt) -> None:
    """``entities NAME --related``: the entity's parents, subsidiaries and affiliates, each link with its dates and sources."""
    from ..query.jsonify import entity_json, related_json

    entity, _ = tracker.entities.resolve(query)
    links = tracker.entities.related(entity.id)
    sources = tracker.sources
    rows = [related_json(r, sources) for r in links]
    if fmt is Fmt.json:
        _print_json({"entity": entity_json(entity), "related": rows})
        return
    if fmt is Fmt.csv:
        for row in rows:
            row["sources"] = [s.get("url") or s["source"] for s in row["sources"]]
        _print_csv(rows, ["id", "name", "kind", "country", "role", "relation", "direction", "from", "until", "sources", "note"])
        return
    from .render import render_related

    render_related(_console(), entity, links, sources)


def _date_columns() -> list[str]:
    from ..model.vocabulary import DateKind

    return [f"dates.{kind.value}" for kind in DateKind]


def _action_scope(action: "Action") -> list[str]:
    """What an action's prohibitions restrict, in words (empty for an action that restricts nothing by itself)."""
    from ..query.results import scope_of

    return list(scope_of(action.restricts))


def _read_names(file: Path, column: str | None = None) -> list[str]:
    """The names of a screening file: the ``column`` (default ``name``) under its header, or the rows of a one-column file."""
    from ..io.screenfile import MAX_SCREEN_BYTES, ScreenColumnError, read_names

    try:
        if str(file) == "-":
            raw = sys.stdin.buffer.read(MAX_SCREEN_BYTES + 1)
        else:
            with file.open("rb") as handle:
                raw = handle.read(MAX_SCREEN_BYTES + 1)
    except OSError as err:
        _fail(f"{file}: {err.strerror}")
    try:
        return read_names(raw, str(file), column)
    except ScreenColumnError as err:
        _fail(str(err), 2)


@app.command()
def export(
    fmt: Annotated[ExportFmt, typer.Option("--format", "-f", help="Output format (parquet needs --output).")] = ExportFmt.json,
    what: Annotated[
        str | None,
        typer.Option("--what", help="actions, entities, items or all (items and all: JSON only); default all in JSON, actions in CSV."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The folder for parquet's segments.parquet and names.parquet.", parser=_path_given, metavar="PATH"
        ),
    ] = None,
    data: DataOpt = None,
    data_only: DataOnlyOpt = False,
) -> None:
    """Export the dataset as JSON (entities, sources, actions, items), CSV (actions or entities), or Parquet tables for SQL engines."""
    from ..io.dump import dump_dataset
    from ..model.vocabulary import DateKind

    with _friendly():
        if what is not None and what not in ("actions", "entities", "items", "all"):
            _fail(f"--what must be actions, entities, items or all (got {what!r})", 2)
        if what is not None and fmt is ExportFmt.parquet:
            _fail("--what does not apply to --format parquet, which writes the segment and name tables", 2)
        if what in ("items", "all") and fmt is ExportFmt.csv:
            _fail(f"--what {what} is exported as JSON only (use --format json); CSV has actions or entities", 2)
        what = what or ("all" if fmt is ExportFmt.json else "actions")
        if (fmt is ExportFmt.parquet) != (output is not None):
            _fail("--format parquet writes to a folder: give --output DIR with it (and only with it)", 2)
        tracker = _tracker(data, data_only)
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
                *(f"{kind.value}_confidence" for kind in DateKind),
                "confidence",
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
                    *(_confidence(d.get(kind)) for kind in DateKind),
                    a.confidence or "confirmed",
                ]
            )


def _confidence(value: "DateValue | None") -> str:
    """A date's confidence for the CSV export (empty when the action has no such date)."""
    return value.confidence.value if value is not None else ""


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Action files or folders; default: the bundled data.", parser=_path_given)
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    fmt: Annotated[ValidateFmt | None, typer.Option("--format", "-f", help="text, json, or github (default under GitHub Actions).")] = None,
    seeds: Annotated[
        list[Path] | None, typer.Option("--seeds", help="Extra folders holding seed documents.", parser=_path_given, metavar="PATH")
    ] = None,
) -> None:
    """Check action files: every problem, located as path:line:col. Exit 0 clean, 1 problems, 2 usage."""
    from ..checks.validate import validate as run
    from ..io.bundle import bundled_data

    chosen = fmt or (ValidateFmt.github if os.environ.get("GITHUB_ACTIONS") == "true" else ValidateFmt.text)
    targets = list(paths) if paths else [bundled_data()]
    missing = [p for p in targets if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(str(p) for p in missing)}", 2)
    not_folders = [p for p in seeds or () if not p.is_dir()]
    if not_folders:  # its quotes would be checked against no seeds at all: every one reported missing, or none looked for
        _fail(f"--seeds must name folders of seed documents: {', '.join(str(p) for p in not_folders)} is not one", 2)
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
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the records as an action file here (validate --strict accepts it).",
        parser=_path_given,
        metavar="PATH",
    ),
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
    imported = {f.resolve() for f in files}
    strays = [p for p in partial if p.resolve() not in imported]
    if strays:  # a --partial meant for a file given under another name would let that file yield removals
        _fail(f"--partial names a file that is not imported: {', '.join(str(p) for p in strays)}", 2)
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
    else:
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
    if report.errors:  # rows were left out: a script must not take the written file for the whole list
        _fail(f"{report.errors} error(s) above: {report.skipped} row(s) left out of the import", 1)


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


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"sanctiontrack {version('sanctiontrack')}")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
            typer.echo("sanctiontrack (version unknown: not installed)")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", callback=_show_version, is_eager=True)] = False,
) -> None:
    """What restrictions applied to company X on date Y, and why."""


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``sanctiontrack`` console script."""
    if sys.stdout is None or sys.stderr is None:  # started with a standard stream closed
        sys.stderr = sys.stderr or open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
        typer.echo("error: standard output is closed", err=True)
        raise SystemExit(1)
    try:
        try:
            _app_for(sys.argv[1:] if argv is None else argv)(args=argv, prog_name="sanctiontrack", standalone_mode=True)
        except SystemExit as done:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit as a traceback
            if argv is None and isinstance(done.code, int) and _ends_at_once(sys.argv[1:]):
                sys.stderr.flush()
                os._exit(done.code)  # the answer is written: tearing down the interpreter (about 40 ms) saves nothing
            raise
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        _closed_pipe()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
    except OSError as err:  # writing the output failed (/dev/full, a closed pipe)
        _quiet_stdout()
        typer.echo(f"error: cannot write the output: {err.strerror or err}", err=True)
        raise SystemExit(1) from None


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command that ``args`` names first, or the whole app for anything else.

    Typer builds the click parameters of every command on each run (about 15 ms for the 14 here)
    though a run uses one; with the others left out, the run (its help, errors and exit) is the same.

    >>> [c.callback.__name__ for c in _app_for(["restrictions", "Huawei"]).registered_commands]
    ['restrictions']
    >>> _app_for(["--help"]) is app, _app_for(["restriction"]) is app, _app_for(["import", "csl"]) is app
    (True, True, True)
    """
    if not args:
        return app
    named = [c for c in app.registered_commands if _command_name(c) == args[0]]
    if not named:
        return app
    one = copy.copy(app)
    one.registered_commands = named
    one.registered_groups = []
    return one


def _command_name(command: "CommandInfo") -> str | None:
    """The name a registered command is called by: its own, or typer's from its function."""
    if command.name:
        return command.name
    return get_command_name(command.callback.__name__) if command.callback is not None else None


_KEEPS_ITS_EXIT = frozenset({"export"})  # writes through DuckDB/pyarrow, whose own clean-up may run at exit


def _ends_at_once(args: list[str]) -> bool:
    """Whether a console-script run may leave without the interpreter's teardown (every command but ``export``).

    >>> _ends_at_once(["restrictions", "Huawei"]), _ends_at_once(["export", "--format", "parquet"])
    (True, False)
    """
    return not any(arg in _KEEPS_ITS_EXIT for arg in args if not arg.startswith("-"))


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush of a broken stream prints nothing."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # what is still buffered in the old stream goes nowhere
    with suppress(OSError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
