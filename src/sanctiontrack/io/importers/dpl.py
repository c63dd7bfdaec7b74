"""The BIS Denied Persons List (tab-separated text, gzip or plain) into records: real effective and expiration dates.

Columns read: ``Name``, ``Street_Address``, ``City``, ``State``, ``Country``, ``Postal_Code``,
``Effective_Date`` and ``Expiration_Date`` (``MM/DD/YYYY``; the expiration is the order's end,
recorded as ``ended``: the first day it no longer applies), ``FR_Citation`` (the first citation and
its date, ``82 F.R. 48792 10/20/2017``, give the order's instrument and publication date; a
two-digit year is read as 19xx from 50 on, else 20xx). The file has no row ids: a party is found
again by its name. A row without a name is skipped; an impossible date is left out (row kept).
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pendulum

from ...model.countries import check_country
from ...model.dates import Confidence, DateValue
from ...model.errors import DataError, Problem, ProblemCode
from ...model.records import Dataset, Snapshot, Source
from ...model.vocabulary import EntityKind, OfficialList, SourceKind
from ..files import display_path
from ._build import Builder, Party, fr_citations
from ._rows import Row, parse_day, read_rows
from .report import ImportReport

_NO_DAY = "no usable Last_Update in the file to date the snapshot by; give the day it shows (as_of, --as-of)"

__all__ = ["REQUIRED", "import_dpl", "read_dpl"]

REQUIRED = ("Name", "Effective_Date", "Expiration_Date", "FR_Citation")
_CITED = re.compile(r"\d{1,3}\s*F\.?\s*R\.?\s*\d{1,6}\s+(\d{1,2})/(\d{1,2})/(\d{2,4})")


def _published(text: str) -> pendulum.Date | None:
    match = _CITED.search(text)
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    if year < 100:
        year += 1900 if year >= 50 else 2000
    try:
        return pendulum.date(year, month, day)
    except ValueError:
        return None


def _party(row: Row, report: ImportReport) -> Party | None:
    name = " ".join(row.get("Name").split())
    if not name:
        report.problem(
            row.path, row.line, row.column("Name"), None, "Name: expected a name (got nothing); row skipped", ProblemCode.MISSING_FIELD
        )
        report.skip("no name")
        return None
    start = parse_day(row.get("Effective_Date"), row, "Effective_Date", report, what="effective date")
    end = parse_day(row.get("Expiration_Date"), row, "Expiration_Date", report, what="expiration date")
    country = None
    if row.get("Country"):
        try:
            country = check_country(row.get("Country"))
        except ValueError:
            report.problem(
                row.path,
                row.line,
                row.column("Country"),
                None,
                f"Country: expected an ISO 3166-1 code (got {row.get('Country')!r}); the row is kept without it",
                ProblemCode.BAD_FORMAT,
                "warning",
            )
    parts = [row.get(c) for c in ("Street_Address", "City", "State", "Postal_Code", "Country")]
    address = ", ".join(p for p in parts if p)
    notice = row.get("FR_Citation")
    return Party(
        official=OfficialList.DPL,
        row_id="",
        name=name,
        path=row.path,
        line=row.line,
        kind=EntityKind.COMPANY,
        addresses=(address,) if address else (),
        country=country,
        citations=fr_citations(notice),
        citation_text=notice,
        start=start,
        end=end,
        published=_published(notice),
    )


def read_dpl(path: Path, builder: Builder, snapshot: Snapshot | None = None, *, as_of: DateValue | None = None) -> Snapshot:
    """Read one Denied Persons List file into ``builder`` as one snapshot (its day inferred from the newest ``Last_Update``)."""
    report = builder.report
    rows, _ = read_rows(path, report, required=REQUIRED, delimiter="\t")
    parties: list[Party] = []
    updates: list[pendulum.Date] = []
    for row in rows:
        party = _party(row, report)
        if party is not None:
            parties.append(party)
            text = row.get("Last_Update")
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                with contextlib.suppress(ValueError):
                    updates.append(pendulum.date(*(int(x) for x in text.split("-"))))
    if snapshot is None:
        newest = max(updates, default=None)
        if as_of is None:
            note = "the newest Last_Update in the file; the download day is not recorded"
            if newest is None:
                raise DataError([Problem(display_path(path), 1, 1, None, _NO_DAY, code=ProblemCode.MISSING_FIELD)])
            as_of = DateValue(newest, confidence=Confidence.INFERRED, note=note)
        snapshot = Snapshot(re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "dpl", (OfficialList.DPL,), as_of)
    source = None
    if not snapshot.sources:
        source = Source(
            f"snapshot-{snapshot.id}",
            SourceKind.OFFICIAL,
            "U.S. Department of Commerce, Bureau of Industry and Security",
            f"Denied Persons List, file {path.name}",
            retrieved=snapshot.as_of,
        )
    builder.begin(snapshot, source)
    for party in parties:
        builder.add(party)
    return snapshot


def import_dpl(
    path: str | Path, *, curated: Dataset | None = None, snapshot: Snapshot | None = None, as_of: DateValue | None = None
) -> tuple[Dataset, ImportReport]:
    """Import a Denied Persons List file into records merged with ``curated``; with the report.

    Raises :class:`DataError` for a file that cannot be read at all (missing column, not gzip, too large).

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "dpl.txt"
    >>> _ = file.write_text('"Name"\\t"Effective_Date"\\t"Expiration_Date"\\t"FR_Citation"\\n'
    ...     '"ACME"\\t"10/16/2017"\\t"10/13/2020"\\t"82 F.R. 48792 10/20/2017"\\n')
    >>> dataset, report = import_dpl(file, as_of=DateValue.parse("2019-06-29"))
    >>> [(str(a.dates.effective), str(a.dates.ended)) for a in dataset.actions]
    [('2017-10-16', '2020-10-13')]
    """
    report = ImportReport()
    builder = Builder(curated, report)
    read_dpl(Path(path), builder, snapshot, as_of=as_of)
    return builder.dataset(), report
