"""What data an answer covers: the curated files and the span of dates their actions cover, and each official-list snapshot.

An answer is only as wide as the data behind it. A name the data does not know is *not covered*,
which is not the same as *not restricted*; a day before the first date in the data, or after the
last, is answered from what the data holds but flagged. :class:`Coverage` says all of this once,
and every answer (restrictions, timelines, diffs, screening, item answers) carries it.

A compiled store keeps the coverage in its header as plain data (:meth:`Coverage.to_plain`), so an
answer from a store says what it covers without decoding a record; :meth:`Coverage.from_plain`
reads it back and refuses anything of the wrong shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import pendulum

from ..model.records import Dataset, Snapshot

__all__ = ["Coverage", "ListSnapshot", "coverage_of", "not_found"]

_SHOWN_LISTS = 4  # list codes named in the one-line summary before "…"


@attrs.frozen(slots=True)
class ListSnapshot:
    """One dated copy of official lists behind the answers: its id, list codes, ``as_of`` day and whether it is partial.

    A partial snapshot (a trimmed download) shows who was listed on ``as_of``, never that a party
    missing from it was not.

    >>> str(ListSnapshot("csl-2022-04", ("EL", "SDN"), "2022-04-21", pendulum.date(2022, 4, 21)))
    'csl-2022-04 as of 2022-04-21 (EL, SDN)'
    """

    id: str
    lists: tuple[str, ...]
    as_of: str
    day: pendulum.Date
    partial: bool = False

    def __str__(self) -> str:
        codes = ", ".join(self.lists[:_SHOWN_LISTS]) + (", …" if len(self.lists) > _SHOWN_LISTS else "")
        return f"{self.id} as of {self.as_of}" + (f" ({codes})" if codes else "") + (", partial" if self.partial else "")


@attrs.frozen(slots=True, repr=False)
class Coverage:
    """What data the answers of a tracker cover.

    ``files`` are the action files read (relative to the folder given, or to the bundled data);
    ``first`` and ``last`` the earliest and latest date any curated action records (announced,
    signed, published, effective or ended); ``actions`` and ``entities`` count the records;
    ``snapshots`` are the official-list snapshots loaded, oldest first.

    >>> from sanctiontrack import load
    >>> coverage = load().coverage
    >>> coverage.line().startswith("Covers: curated data ")
    True
    >>> coverage.outside(pendulum.date(1990, 1, 1)).startswith("1990-01-01 is before the earliest date the data covers")
    True
    """

    files: tuple[str, ...]
    first: pendulum.Date | None
    last: pendulum.Date | None
    actions: int = 0
    entities: int = 0
    snapshots: tuple[ListSnapshot, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """This coverage as plain data (the ``coverage`` object of the CLI's JSON)."""
        from .jsonify import coverage_json

        data = coverage_json(self)
        assert data is not None
        return data

    def to_json(self, indent: int | None = 2) -> str:
        """This coverage as JSON text."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        return f"Coverage({self.text()})"

    @property
    def lists(self) -> tuple[str, ...]:
        """Every list code a loaded snapshot covers, in the order first seen."""
        return tuple(dict.fromkeys(code for s in self.snapshots for code in s.lists))

    @property
    def start(self) -> pendulum.Date | None:
        """The earliest day the data says anything about (a curated date or a snapshot's ``as_of``)."""
        days = [d for d in (self.first, *(s.day for s in self.snapshots)) if d is not None]
        return min(days) if days else None

    @property
    def end(self) -> pendulum.Date | None:
        """The latest day the data says anything about (a curated date or a snapshot's ``as_of``)."""
        days = [d for d in (self.last, *(s.day for s in self.snapshots)) if d is not None]
        return max(days) if days else None

    def text(self) -> str:
        """The coverage in a few words: the curated span and counts, then each snapshot.

        >>> Coverage(("actions.yaml",), pendulum.date(2018, 4, 16), pendulum.date(2024, 12, 3), 80, 120).text()
        'curated data 2018-04-16 to 2024-12-03 (80 actions, 1 file); no official list loaded'
        """
        if self.first is not None and self.last is not None:
            span = f"{self.first.to_date_string()} to {self.last.to_date_string()}"
        else:
            span = "with no dated action"
        files = f", {len(self.files)} file{'s' if len(self.files) != 1 else ''}" if self.files else ""
        parts = [f"curated data {span} ({self.actions} actions{files})"]
        parts += [f"snapshot {s}" for s in self.snapshots]
        if not self.snapshots:
            parts.append("no official list loaded")
        return "; ".join(parts)

    def line(self) -> str:
        """The one line text output ends with: ``Covers: …``."""
        return f"Covers: {self.text()}"

    def __str__(self) -> str:
        return self.text()

    def outside(self, when: pendulum.Date | pendulum.DateTime) -> str | None:
        """Why a day (or instant) lies outside what the data covers, or None when it lies within.

        A day after the latest snapshot (but within the curated span) is flagged too: the lists'
        later additions and removals are not in the data.

        >>> c = Coverage((), pendulum.date(2018, 4, 16), pendulum.date(2024, 12, 3))
        >>> c.outside(pendulum.date(2020, 1, 1)) is None, c.outside(pendulum.date(2024, 12, 3)) is None
        (True, True)
        >>> c.outside(pendulum.date(2025, 1, 1))
        '2025-01-01 is after the latest date the data covers (2024-12-03): later actions are not in it'
        """
        day = when.date() if isinstance(when, pendulum.DateTime) else when
        start, end = self.start, self.end
        shown = day.to_date_string()
        if start is not None and day < start:
            return f"{shown} is before the earliest date the data covers ({start.to_date_string()}): what applied then may be missing"
        if end is not None and day > end:
            return f"{shown} is after the latest date the data covers ({end.to_date_string()}): later actions are not in it"
        if self.snapshots:
            latest = max(self.snapshots, key=lambda s: s.day)
            if day > latest.day:
                return (
                    f"{shown} is after the latest list snapshot ({latest.id}, {latest.as_of}):"
                    " later listings and removals on the official lists are not in the data"
                )
        return None

    def position(self, when: pendulum.Date | pendulum.DateTime) -> str:
        """``before``, ``after`` or ``within`` the span of the data (``after_snapshots`` past the latest snapshot only).

        >>> Coverage((), pendulum.date(2018, 4, 16), pendulum.date(2024, 12, 3)).position(pendulum.date(2017, 1, 1))
        'before'
        """
        day = when.date() if isinstance(when, pendulum.DateTime) else when
        start, end = self.start, self.end
        if start is not None and day < start:
            return "before"
        if end is not None and day > end:
            return "after"
        if self.snapshots and day > max(s.day for s in self.snapshots):
            return "after_snapshots"
        return "within"

    def to_plain(self) -> dict[str, Any]:
        """The coverage as plain data (JSON output, and a store's header).

        >>> Coverage(("a.yaml",), pendulum.date(2019, 1, 2), pendulum.date(2020, 3, 4), 1, 2).to_plain()["first"]
        '2019-01-02'
        """
        return {
            "summary": self.text(),
            "curated": {
                "files": list(self.files),
                "first": self.first.to_date_string() if self.first is not None else None,
                "last": self.last.to_date_string() if self.last is not None else None,
                "actions": self.actions,
                "entities": self.entities,
            },
            "first": self.first.to_date_string() if self.first is not None else None,
            "last": self.last.to_date_string() if self.last is not None else None,
            "snapshots": [
                {"id": s.id, "lists": list(s.lists), "as_of": s.as_of, "day": s.day.to_date_string(), "partial": s.partial}
                for s in self.snapshots
            ],
            "lists": list(self.lists),
        }

    @classmethod
    def from_plain(cls, data: object) -> Coverage:
        """Read back :meth:`to_plain`'s output; ``ValueError`` naming the field if anything has the wrong shape.

        Nothing read runs code: only text, numbers, booleans and ISO days are accepted.

        >>> c = Coverage(("a.yaml",), pendulum.date(2019, 1, 2), pendulum.date(2020, 3, 4), 1, 2)
        >>> Coverage.from_plain(c.to_plain()) == c
        True
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"coverage: expected a mapping (got {type(data).__name__})")
        curated = data.get("curated")
        if not isinstance(curated, Mapping):
            raise ValueError("coverage.curated: expected a mapping")
        snapshots = data.get("snapshots")
        if not isinstance(snapshots, list):
            raise ValueError("coverage.snapshots: expected a list")
        out = []
        for n, raw in enumerate(snapshots):
            if not isinstance(raw, Mapping):
                raise ValueError(f"coverage.snapshots[{n}]: expected a mapping")
            out.append(
                ListSnapshot(
                    _text(raw.get("id"), f"snapshots[{n}].id"),
                    tuple(_texts(raw.get("lists"), f"snapshots[{n}].lists")),
                    _text(raw.get("as_of"), f"snapshots[{n}].as_of"),
                    _day(raw.get("day"), f"snapshots[{n}].day") or pendulum.date(1, 1, 1),
                    _flag(raw.get("partial"), f"snapshots[{n}].partial"),
                )
            )
        return cls(
            tuple(_texts(curated.get("files"), "curated.files")),
            _day(curated.get("first"), "curated.first"),
            _day(curated.get("last"), "curated.last"),
            _count(curated.get("actions"), "curated.actions"),
            _count(curated.get("entities"), "curated.entities"),
            tuple(out),
        )


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"coverage.{where}: expected text (got {type(value).__name__})")
    return value


def _texts(value: object, where: str) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"coverage.{where}: expected a list of text")
    return [_text(v, where) for v in value]


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"coverage.{where}: expected true or false")
    return value


def _count(value: object, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"coverage.{where}: expected a count")
    return value


def _day(value: object, where: str) -> pendulum.Date | None:
    if value is None:
        return None
    text = _text(value, where)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"coverage.{where}: expected a day like 2019-10-09 (got {text!r})") from None
    return pendulum.date(day.year, day.month, day.day)


def _snapshots(raw: Iterable[Snapshot]) -> tuple[ListSnapshot, ...]:
    """The dataset's snapshot records as :class:`ListSnapshot` (oldest first)."""
    out = [ListSnapshot(s.id, tuple(code.value for code in s.lists), s.as_of.text(), s.as_of.date, s.partial) for s in raw]
    return tuple(sorted(out, key=lambda s: (s.day, s.id)))


def coverage_of(dataset: Dataset, files: Sequence[str] = (), curated: Dataset | None = None) -> Coverage:
    """The coverage of a dataset read from ``files``: the span of its curated actions' dates, their counts, and its snapshots.

    ``curated`` holds the records as curated, before official lists were imported into ``dataset``
    (None when nothing was imported): the span and counts are the curated records', the snapshots
    those of ``dataset``.

    >>> from sanctiontrack.model.records import Dataset
    >>> coverage_of(Dataset()).text()
    'curated data with no dated action (0 actions); no official list loaded'
    """
    own = curated if curated is not None else dataset
    days = [value.date for action in own.actions for _, value in action.dates.items()]
    return Coverage(
        tuple(files),
        min(days) if days else None,
        max(days) if days else None,
        len(own.actions),
        len(own.entities),
        _snapshots(dataset.snapshots),
    )


def not_found(coverage: Coverage | None) -> str:
    """How an answer says a name matched nothing: not covered by the data searched, which is not "not restricted".

    >>> not_found(None)
    'no match in the data covered: not covered, which does not mean not restricted'
    >>> not_found(Coverage((), pendulum.date(2018, 4, 16), pendulum.date(2024, 12, 3), 80)).startswith("no match in the data covered (")
    True
    """
    searched = f" ({coverage.text()})" if coverage is not None else ""
    return f"no match in the data covered{searched}: not covered, which does not mean not restricted"
