"""Country codes (ISO 3166-1 alpha-2) with their English names, for destinations and countries of export.

The table is the one the IANA time zone database keeps (``iso3166.tab``), read from the ``tzdata``
package that pendulum already depends on, so no list is written out here.

>>> country_name("CA")
'Canada'
>>> check_country("cn")
Traceback (most recent call last):
...
ValueError: 'cn' is not an ISO 3166-1 alpha-2 country code; did you mean 'CN' (China)?
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["check_country", "countries", "country_name"]

_SYSTEM_TABLE = Path("/usr/share/zoneinfo/iso3166.tab")


@cache
def countries() -> dict[str, str]:
    """Every ISO 3166-1 alpha-2 code with its usual English name, in code order."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - tzdata is a dependency of pendulum
        text = _SYSTEM_TABLE.read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.partition("\t")
            table[code.strip()] = name.strip()
    return table


def country_name(code: str) -> str:
    """The English name of a country code (the code itself if it is not one)."""
    return countries().get(code, code)


def check_country(code: str) -> str:
    """``code`` if it is an ISO 3166-1 alpha-2 code; otherwise a ``ValueError`` naming the closest codes or names."""
    table = countries()
    if code in table:
        return code
    upper = code.strip().upper()
    if upper in table:
        return _fail(code, f"{upper!r} ({table[upper]})")
    by_name = {name.casefold(): found for found, name in table.items()}
    named = by_name.get(code.strip().casefold())
    if named is not None:
        return _fail(code, f"{named!r} ({table[named]})")
    from .names import did_you_mean

    hint = did_you_mean(code, list(table.values()), cutoff=80)
    if hint is not None:
        found = next(c for c, n in table.items() if n == hint)
        return _fail(code, f"{found!r} ({hint})")
    raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. CN, CA, US)")


def _fail(code: str, suggestion: str) -> str:
    raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code; did you mean {suggestion}?")
