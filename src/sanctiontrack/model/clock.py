"""Convert dates and instants to integers: epoch seconds for instants, ordinals for calendar days.

The engine compares integers only; these helpers do the zone-aware conversions once and cache them.
"""

from __future__ import annotations

import datetime as dt

from .dates import DateValue, zone
from .intervals import FOREVER

__all__ = ["DAY_FOREVER", "day_ceil", "day_of", "day_window", "midnight", "seconds"]

DAY_FOREVER = 10**7  # beyond any real ordinal (date.max is 3,652,059)


_MIDNIGHTS: dict[tuple[int, str], int] = {}
_DAYS: dict[tuple[int, str], int] = {}


def midnight(ordinal: int, tz: str) -> int:
    """Epoch seconds of the start of the day ``ordinal`` in zone ``tz``.

    >>> import datetime
    >>> midnight(datetime.date(2019, 10, 9).toordinal(), "America/New_York")
    1570593600
    """
    key = (ordinal, tz)
    found = _MIDNIGHTS.get(key)
    if found is None:
        day = dt.date.fromordinal(ordinal)
        found = _MIDNIGHTS[key] = int(dt.datetime(day.year, day.month, day.day, tzinfo=zone(tz)).timestamp())
        _DAYS[(found, tz)] = ordinal  # lets day_of and day_ceil answer midnights without a conversion
    return found


def day_window(ordinal: int, tz: str) -> tuple[int, int]:
    """The half-open range of epoch seconds covering day ``ordinal`` in ``tz``."""
    return midnight(ordinal, tz), midnight(ordinal + 1, tz)


def day_of(ts: int, tz: str) -> int:
    """The ordinal of the local day containing epoch second ``ts`` in ``tz``."""
    found = _DAYS.get((ts, tz))
    if found is not None:
        return found
    if ts >= FOREVER:
        return DAY_FOREVER
    if ts <= -FOREVER:
        return -DAY_FOREVER
    return dt.datetime.fromtimestamp(ts, zone(tz)).date().toordinal()


def day_ceil(ts: int, tz: str) -> int:
    """The first local day that starts at or after ``ts`` (the exclusive end day of ``[.., ts)``)."""
    found = _DAYS.get((ts, tz))
    if found is not None:
        return found
    day = day_of(ts, tz)
    if abs(day) >= DAY_FOREVER:
        return day
    return day if midnight(day, tz) == ts else day + 1


def seconds(value: DateValue, tz: str) -> int:
    """Epoch seconds of the first instant ``value`` denotes, reading days in ``tz``."""
    at = value.at
    if at is not None:
        return int(at.timestamp())
    ordinal = value.date.toordinal()
    found = _MIDNIGHTS.get((ordinal, tz))
    return found if found is not None else midnight(ordinal, tz)
