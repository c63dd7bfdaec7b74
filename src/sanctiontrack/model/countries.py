"""Country codes (ISO 3166-1 alpha-2) with their English names, for destinations and countries of export.

The table is the one the IANA time zone database keeps (``iso3166.tab``), read from the ``tzdata``
package that pendulum already depends on, so no list is written out here.

>>> country_name("CA")
'Canada'
>>> check_country("cn")
Traceback (most recent call last):
...
ValueError: 'cn' is not an ISO 3166-1 alpha-2 country code; did you mean 'CN' (China)?
>>> check_jurisdiction("uk"), check_jurisdiction("us"), check_jurisdiction("EU")
('GB', 'US', 'EU')
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["JURISDICTION_ALIASES", "check_country", "check_jurisdiction", "countries", "country_name"]

_SYSTEM_TABLE = Path("/usr/share/zoneinfo/iso3166.tab")

JURISDICTION_ALIASES: dict[str, str] = {"UK": "GB", "EL": "GR"}
"""Codes people write for a jurisdiction that ISO 3166-1 spells otherwise (UK, and the EU's EL for Greece)."""

_EU = "EU"


@cache
def countries() -> dict[str, str]:
    """Every ISO 3166-1 alpha-2 code with its usual English name, in code order."""
    from importlib import resources  # on first use: a day's answer reads no country table

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


def check_jurisdiction(code: str) -> str:
    """The jurisdiction ``code`` denotes: an ISO 3166-1 alpha-2 code or ``EU``, in any case, or an alias (``UK`` is ``GB``).

    Anything else is a ``ValueError`` saying what arrived and what is accepted, so that a mistyped
    code is never read as "no action of that jurisdiction".

    >>> check_jurisdiction("Gb")
    'GB'
    >>> check_jurisdiction("XX")
    Traceback (most recent call last):
    ...
    ValueError: unknown jurisdiction 'XX': expected an ISO 3166-1 alpha-2 code or EU (e.g. US, CN, GB, IN, EU; UK means GB, EL means GR)
    """
    if not isinstance(code, str):
        raise ValueError(f"a jurisdiction is a code like US or EU (got {code!r})")
    upper = code.strip().upper()
    upper = JURISDICTION_ALIASES.get(upper, upper)
    if upper == _EU or upper in countries():
        return upper
    aliases = ", ".join(f"{alias} means {iso}" for alias, iso in JURISDICTION_ALIASES.items())
    accepted = f"an ISO 3166-1 alpha-2 code or EU (e.g. US, CN, GB, IN, EU; {aliases})"
    named = {name.casefold(): found for found, name in countries().items()}.get(code.strip().casefold())
    if named is not None:
        return _unknown(code, accepted, f"; did you mean {named!r} ({countries()[named]})?")
    return _unknown(code, accepted, "")


def _unknown(code: str, accepted: str, hint: str) -> str:
    raise ValueError(f"unknown jurisdiction {code!r}: expected {accepted}{hint}")
