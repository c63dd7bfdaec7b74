"""Dates as the sources give them: a day, a month, a year, or an instant with its zone.

Each value keeps its precision and how sure we are of it, so an answer built on an estimated date
can say so. Day-precision values are evaluated as midnight in the issuing authority's zone.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from functools import lru_cache

import attrs
import pendulum

__all__ = [
    "DAY_MAX",
    "DAY_MIN",
    "DEFAULT_TIMEZONES",
    "MAX_OFFSET_MINUTES",
    "Confidence",
    "DateValue",
    "Precision",
    "parse_day",
    "parse_instant",
    "zone",
]


class Precision(enum.Enum):
    """How precisely a source gives a date."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    INSTANT = "instant"


class Confidence(enum.Enum):
    """How a date was established: a primary source, secondary reports only, inferred by a stated rule, or not at all.

    ``inferred`` is a date worked out from another one by a rule the record states in its note (an
    official list's effective date taken as its Federal Register publication date, say).
    """

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    UNCONFIRMED = "unconfirmed"
    INFERRED = "inferred"


#: Zones used for an action whose record does not name one, by jurisdiction.
DEFAULT_TIMEZONES: dict[str, str] = {
    "US": "America/New_York",
    "CN": "Asia/Shanghai",
    "IN": "Asia/Kolkata",
    "GB": "Europe/London",
    "EU": "Europe/Brussels",
    "HK": "Asia/Hong_Kong",
    "TW": "Asia/Taipei",
    "JP": "Asia/Tokyo",
    "CA": "America/Toronto",
    "AU": "Australia/Sydney",
}

#: The first and last days a date may name. Every day one zone's midnight away from these is still a
#: real date, so no conversion near them overflows (``9999-12-31`` plus an offset does).
DAY_MIN = dt.date(1000, 1, 1)
DAY_MAX = dt.date(9998, 12, 31)
#: The largest fixed offset from UTC, in minutes (ISO 8601's practical range, as pendulum and tzdata use).
MAX_OFFSET_MINUTES = 18 * 60

# ASCII digits only: ``\d`` would accept full-width and Arabic-Indic digits as a date.
_DAY = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_INSTANT = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$")


def _in_range(day: dt.date, text: str) -> None:
    """Refuse a day outside ``DAY_MIN``..``DAY_MAX`` with a message naming the range."""
    if not DAY_MIN <= day <= DAY_MAX:
        raise ValueError(f"{text!r} is outside the supported dates ({DAY_MIN.isoformat()} to {DAY_MAX.isoformat()})")


def _offset_minutes(sign: str, hours: str, minutes: str, text: str) -> int:
    """Minutes east of UTC for an offset such as ``+05:30``; offsets of 18 hours or more, or minutes over 59, are refused."""
    total = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or total > MAX_OFFSET_MINUTES:
        raise ValueError(f"{text!r} is not a UTC offset (expected -18:00 to +18:00)")
    return -total if sign == "-" else total


@lru_cache(maxsize=256)
def zone(name: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    """Return the time zone named by an IANA name or a fixed offset such as ``+05:30``.

    >>> zone("America/New_York").name
    'America/New_York'
    """
    match = re.fullmatch(r"([+-])([0-9]{2}):?([0-9]{2})", name)
    if match:
        sign, hours, minutes = match.groups()
        return pendulum.FixedTimezone(_offset_minutes(sign, hours, minutes, name) * 60)
    if name in ("Z", "UTC"):
        return pendulum.UTC
    try:
        return pendulum.timezone(name)
    except Exception as exc:  # pendulum raises several types for unknown names
        raise ValueError(f"unknown time zone {name!r} (expected an IANA name like 'America/New_York')") from exc


@attrs.frozen(slots=True)
class DateValue:
    """A date or instant from a source, with its precision, confidence and an optional note.

    ``date`` is the calendar day (the first day of the month or year for coarser values); ``at`` is
    set only for instants.

    >>> month = DateValue.parse("2019-10")
    >>> month.date, month.precision.value, month.confidence.value
    (Date(2019, 10, 1), 'month', 'confirmed')
    >>> str(DateValue.parse("2019-05-16T16:15", tz="America/New_York"))
    '2019-05-16T16:15 America/New_York'
    """

    date: pendulum.Date
    precision: Precision = Precision.DAY
    confidence: Confidence = Confidence.CONFIRMED
    note: str | None = None
    at: pendulum.DateTime | None = None
    tz: str | None = None

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        tz: str | None = None,
        confidence: Confidence = Confidence.CONFIRMED,
        note: str | None = None,
    ) -> DateValue:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS]`` with a zone.

        Raises ``ValueError`` with a message naming what was expected.

        >>> DateValue.parse("2019-10-09").precision.value
        'day'
        """
        text = text.strip()
        day = _DAY.match(text)
        if day:
            if tz is not None:
                raise ValueError(f"'tz' needs a time of day in 'at' (got the date {text!r})")
            year, month, dom = day.groups()
            precision = Precision.DAY if dom else Precision.MONTH if month else Precision.YEAR
            try:
                value = pendulum.date(int(year), int(month or 1), int(dom or 1))
            except ValueError:
                raise ValueError(f"{text!r} is not a real date") from None
            _in_range(value, text)
            return cls(value, precision, confidence, note)
        at = parse_instant(text, tz)
        return cls(at.date(), Precision.INSTANT, confidence, note, at, tz or _offset_name(text))

    def start(self, tz: str) -> pendulum.DateTime:
        """The first instant this value denotes; day-like values start at midnight in ``tz``.

        >>> DateValue.parse("2019-10-09").start("America/New_York").isoformat()
        '2019-10-09T00:00:00-04:00'
        """
        if self.at is not None:
            return self.at
        return pendulum.datetime(self.date.year, self.date.month, self.date.day, tz=zone(tz))

    def local_day(self, tz: str) -> pendulum.Date:
        """The calendar day of this value in the zone ``tz`` (instants are converted).

        >>> DateValue.parse("2019-05-16T23:30", tz="America/New_York").local_day("Asia/Shanghai")
        Date(2019, 5, 17)
        """
        if self.at is not None:
            return self.at.in_timezone(zone(tz)).date()
        return self.date

    def text(self) -> str:
        """The value as it is written in an action file's short form.

        >>> DateValue.parse("2019").text()
        '2019'
        """
        if self.at is not None:
            return self.at.strftime("%Y-%m-%dT%H:%M") + (self.at.strftime(":%S") if self.at.second else "")
        if self.precision is Precision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.to_date_string()

    def dump(self) -> str | dict[str, str]:
        """The value as written in an action file: the short form when nothing else needs saying.

        >>> DateValue.parse("2019-10-09").dump()
        '2019-10-09'
        >>> DateValue.parse("2019-10", confidence=Confidence.UNCONFIRMED).dump()
        {'date': '2019-10', 'confidence': 'unconfirmed'}
        """
        if self.confidence is Confidence.CONFIRMED and self.note is None and self.at is None:
            return self.text()
        out: dict[str, str] = {"at": self.text(), "tz": self.tz or "UTC"} if self.at is not None else {"date": self.text()}
        if self.confidence is not Confidence.CONFIRMED:
            out["confidence"] = self.confidence.value
        if self.note is not None:
            out["note"] = self.note
        return out

    def __str__(self) -> str:
        if self.at is not None:
            return f"{self.text()} {self.tz}"
        return self.text()


def _offset_name(text: str) -> str | None:
    match = _INSTANT.match(text)
    if match is None or match.group(7) is None:
        return None
    offset = match.group(7)
    if offset == "Z":
        return "UTC"
    digits = offset[1:].replace(":", "")
    return f"{offset[0]}{digits[:2]}:{digits[2:4] or '00'}"


def parse_instant(text: str, tz: str | None = None) -> pendulum.DateTime:
    """Parse an ISO instant that carries a zone (an offset in the text, or ``tz``).

    A time without any zone is refused: it names no instant.

    >>> parse_instant("2019-05-16T16:15", "America/New_York").isoformat()
    '2019-05-16T16:15:00-04:00'
    >>> parse_instant("2019-05-16T16:15")
    Traceback (most recent call last):
    ...
    ValueError: a time needs a zone: add 'tz' (e.g. America/New_York) or an offset like -04:00 (got '2019-05-16T16:15')
    """
    match = _INSTANT.match(text.strip())
    if match is None:
        raise ValueError(f"expected a date (YYYY-MM-DD, YYYY-MM or YYYY) or a time (YYYY-MM-DDTHH:MM with a zone) (got {text!r})")
    year, month, day, hour, minute, second, offset = match.groups()
    if offset is None and tz is None:
        raise ValueError(f"a time needs a zone: add 'tz' (e.g. America/New_York) or an offset like -04:00 (got {text!r})")
    try:
        naive = (int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        pendulum.date(*naive[:3])
        if naive[3] > 23 or naive[4] > 59 or naive[5] > 59:
            raise ValueError
    except ValueError:
        raise ValueError(f"{text!r} is not a real date and time") from None
    _in_range(dt.date(*naive[:3]), text)
    if offset is not None:
        at = pendulum.datetime(*naive, tz=zone(_offset_name(text) or "UTC"))
        if tz is not None:
            local = at.in_timezone(zone(tz))
            if local.utcoffset() != at.utcoffset():
                raise ValueError(f"the offset in {text!r} does not match the zone {tz!r} at that time")
            return local
        return at
    assert tz is not None
    return _wall_clock(naive, tz)


def _wall_clock(naive: tuple[int, int, int, int, int, int], tz: str) -> pendulum.DateTime:
    """The instant a wall-clock time denotes in zone ``tz``; times skipped or repeated by a clock change are refused.

    >>> _wall_clock((2019, 3, 10, 2, 30, 0), "America/New_York")
    Traceback (most recent call last):
    ...
    ValueError: 2019-03-10T02:30 does not exist in America/New_York (the clocks were put forward); give an offset instead of 'tz'
    >>> _wall_clock((2019, 11, 3, 1, 30, 0), "America/New_York")
    Traceback (most recent call last):
    ...
    ValueError: 2019-11-03T01:30 occurs twice in America/New_York (the clocks were put back); give the offset: -04:00 or -05:00
    """
    tzinfo = zone(tz)
    early, late = (dt.datetime(*naive, tzinfo=tzinfo, fold=fold) for fold in (0, 1))
    shown = dt.datetime(*naive).strftime("%Y-%m-%dT%H:%M" + (":%S" if naive[5] else ""))
    if early.utcoffset() != late.utcoffset():
        back = early.astimezone(dt.UTC).astimezone(tzinfo).replace(tzinfo=None)
        if back != dt.datetime(*naive):
            raise ValueError(f"{shown} does not exist in {tz} (the clocks were put forward); give an offset instead of 'tz'")
        offsets = " or ".join(_offset_text(d) for d in (early, late))
        raise ValueError(f"{shown} occurs twice in {tz} (the clocks were put back); give the offset: {offsets}")
    return pendulum.instance(early, tz=tzinfo)


def _offset_text(value: dt.datetime) -> str:
    offset = value.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def parse_day(value: object, field: str = "on") -> pendulum.Date:
    """Accept a date object or an ISO ``YYYY-MM-DD`` string as a query day.

    >>> parse_day("2019-10-09")
    Date(2019, 10, 9)
    """
    if isinstance(value, pendulum.Date):
        return value

    if isinstance(value, dt.datetime):
        raise ValueError(f"{field!r} must be a calendar date; use 'at' for an instant (got {value!r})")
    if isinstance(value, dt.date):
        return pendulum.date(value.year, value.month, value.day)
    if isinstance(value, str):
        match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", value.strip())
        if match:
            try:
                day = pendulum.date(*(int(g) for g in match.groups()))
            except ValueError:
                pass
            else:
                if not DAY_MIN <= day <= DAY_MAX:
                    raise ValueError(f"{field!r} must be a day from {DAY_MIN.isoformat()} to {DAY_MAX.isoformat()} (got {value!r})")
                return day
    raise ValueError(f"{field!r} must be a date like 2019-10-09 (got {value!r})")
