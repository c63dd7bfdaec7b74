"""The trade.gov Consolidated Screening List (CSV, gzip or plain) into records, one snapshot a file.

Columns read: ``_id`` (the row id), ``source`` (which list: see :class:`OfficialList`), ``name``,
``alt_names`` and ``addresses`` (``;``-separated), ``type``, ``programs``, ``entity_number``,
``federal_register_notice`` (every rule that touched the entry, oldest first), ``start_date`` and
``end_date``, ``license_requirement``. ``start_date`` is the Federal Register *publication* date of
the first rule for the BIS lists (Entity List, MEU), recorded as ``published``; for the Denied
Persons List and the nonproliferation sanctions it is the effective date (the DPL's own file agrees).

Rows: a row with an unknown ``source`` or no name is skipped and reported; an impossible date is
reported and left out (the row is kept); see ``_rows`` for encodings and malformed rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ...model.countries import check_country
from ...model.dates import Confidence, DateValue
from ...model.errors import DataError, Problem, ProblemCode
from ...model.records import Dataset, Snapshot, Source
from ...model.vocabulary import EntityKind, OfficialList, SourceKind
from ..files import display_path
from ._build import START_IS_EFFECTIVE, Builder, Party, fr_citations
from ._rows import Row, parse_day, read_rows
from .report import ImportReport

_NO_DAY = "no usable start_date in the file to date the snapshot by; give the day it shows (as_of, --as-of)"

__all__ = ["REQUIRED", "import_csl", "read_csl"]

REQUIRED = ("_id", "source", "name")
_KINDS = {"individual": EntityKind.PERSON, "vessel": EntityKind.PRODUCT, "aircraft": EntityKind.PRODUCT}
_COUNTRY = re.compile(r",\s*([A-Z]{2})\s*$")


def _split(text: str) -> tuple[str, ...]:
    parts = [p.strip() for p in text.split(";")]
    return tuple(p[4:].strip() if p.lower().startswith("and ") else p for p in parts if p)


def _country(addresses: Sequence[str]) -> str | None:
    for address in addresses:
        match = _COUNTRY.search(address) or (re.fullmatch(r"([A-Z]{2})", address.strip()) if address else None)
        if match:
            try:
                return check_country(match.group(1))
            except ValueError:
                continue
    return None


def _party(row: Row, report: ImportReport) -> Party | None:
    source = row.get("source")
    try:
        official = OfficialList.from_csl(source)
    except ValueError:
        known = ", ".join(o.value for o in OfficialList)
        report.problem(
            row.path,
            row.line,
            row.column("source"),
            row.get("_id") or None,
            f"source: expected the name of a known list ({known}) (got {source!r}); row skipped",
            ProblemCode.NOT_ONE_OF,
        )
        report.skip("unknown list name")
        return None
    name = row.get("name")
    if not name:
        report.problem(
            row.path,
            row.line,
            row.column("name"),
            row.get("_id") or None,
            "name: expected a name (got nothing); row skipped",
            ProblemCode.MISSING_FIELD,
        )
        report.skip("no name")
        return None
    start = parse_day(row.get("start_date"), row, "start_date", report, what="start date")
    end = parse_day(row.get("end_date"), row, "end_date", report, what="end date")
    addresses = _split(row.get("addresses"))
    notice = row.get("federal_register_notice")
    return Party(
        official=official,
        row_id=row.get("_id"),
        name=" ".join(name.split()),
        path=row.path,
        line=row.line,
        kind=_KINDS.get(row.get("type").lower(), EntityKind.COMPANY),
        alt_names=tuple(" ".join(a.split()) for a in _split(row.get("alt_names"))),
        addresses=addresses,
        country=_country(addresses),
        citations=fr_citations(notice),
        citation_text=notice,
        start=start,
        end=end,
        published=None if official in START_IS_EFFECTIVE else start,
        program=row.get("programs"),
        requirement=row.get("license_requirement"),
        number=row.get("entity_number"),
    )


def read_csl(
    path: Path, builder: Builder, snapshot: Snapshot | None = None, *, as_of: DateValue | None = None, partial: bool = False
) -> Snapshot:
    """Read one CSL file into ``builder`` as one snapshot (its day inferred from the newest start date when not given)."""
    report = builder.report
    rows, _ = read_rows(path, report, required=REQUIRED)
    parties = [p for p in (_party(row, report) for row in rows) if p is not None]
    if snapshot is None:
        newest = max((p.start for p in parties if p.start is not None and p.start.year < 2100), default=None)
        if as_of is None:
            note = "the newest start_date in the file; the download day is not recorded"
            if newest is None:
                raise DataError([Problem(display_path(path), 1, 1, None, _NO_DAY, code=ProblemCode.MISSING_FIELD)])
            as_of = DateValue(newest, confidence=Confidence.INFERRED, note=note)
        lists = tuple(o for o in OfficialList if any(p.official is o for p in parties)) or (OfficialList.EL,)
        snapshot = Snapshot(_snapshot_id(path), lists, as_of, partial)
    source = None
    if not snapshot.sources:
        source = Source(
            f"snapshot-{snapshot.id}",
            SourceKind.OFFICIAL,
            "U.S. Department of Commerce, International Trade Administration (trade.gov)",
            f"Consolidated Screening List, file {path.name}",
            retrieved=snapshot.as_of,
        )
    builder.begin(snapshot, source)
    for party in parties:
        builder.add(party)
    return snapshot


def _snapshot_id(path: Path) -> str:
    stem = path.name.removesuffix(".gz").removesuffix(".csv")
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "csl"
    return slug[:100]


def import_csl(
    paths: Sequence[str | Path] | str | Path,
    *,
    curated: Dataset | None = None,
    snapshots: Sequence[Snapshot | None] = (),
    partial: Sequence[str | Path] = (),
) -> tuple[Dataset, ImportReport]:
    """Import Consolidated Screening List files (oldest first) into records merged with ``curated``; with the report.

    ``snapshots`` may describe each file (its id, lists, day and whether it is partial); without one
    a file's day is inferred from its newest ``start_date`` and its id from its name. Files named in
    ``partial`` are trimmed copies: they never yield a removal. Raises :class:`DataError` for a file
    that cannot be read at all (missing column, not gzip, too large).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "csl.csv").write_text("_id,source,name,start_date,federal_register_notice\\n"
    ...     "r1,Entity List (EL) - Bureau of Industry and Security,Acme Co.,2020-12-22,85 FR 83420\\n")
    >>> dataset, report = import_csl(folder / "csl.csv")
    >>> [(a.kind.value, str(a.dates.published)) for a in dataset.actions], report.imported
    ([('entity_list_addition', '2020-12-22')], 1)
    """
    from .snapshots import diff_snapshots

    files = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    trimmed = {Path(p).resolve() for p in partial}
    report = ImportReport()
    builder = Builder(curated, report)
    for i, path in enumerate(files):
        given = snapshots[i] if i < len(snapshots) else None
        read_csl(path, builder, given, partial=path.resolve() in trimmed)
    dataset = builder.dataset()
    return diff_snapshots(dataset, builder), report
