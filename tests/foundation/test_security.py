"""Issue 14's regressions, one test an item, each failing before its fix (the generated cases are in tests/fuzz/)."""

from __future__ import annotations

import pytest

from sanctiontrack.model.dates import DateValue, parse_day, parse_instant, zone


@pytest.mark.parametrize("text", ["２０１９-10-09", "٢٠١٩-10-09", "2019-１０-09"])
def test_only_ascii_digits_make_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="expected a date"):
        DateValue.parse(text)
    with pytest.raises(ValueError, match="must be a date"):
        parse_day(text)


@pytest.mark.parametrize("offset", ["+24:00", "+99:99", "-18:01", "+05:60"])
def test_offsets_of_a_day_or_more_are_refused(offset: str) -> None:
    with pytest.raises(ValueError, match="not a UTC offset"):
        zone(offset)
    with pytest.raises(ValueError, match="not a UTC offset"):
        parse_instant(f"2019-10-09T00:00{offset}")


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "0999-12-31", "0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00"])
def test_dates_at_the_calendar_edge_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="outside the supported dates"):
        DateValue.parse(text)


def test_the_supported_range_is_usable() -> None:
    assert DateValue.parse("1000-01-01T00:00+18:00").at is not None
    assert parse_day("9998-12-31").year == 9998
    assert zone("+18:00").utcoffset(None).total_seconds() == 18 * 3600
