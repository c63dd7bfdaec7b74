"""Instrument identifiers have the form their type prescribes (``84 FR 22961``, ``2019-10616``, ``13942``)."""

from __future__ import annotations

from ..model.errors import ProblemCode
from ..model.vocabulary import InstrumentType
from .context import Context, rule

__all__ = ["instrument_formats", "mismatch"]


def mismatch(kind: InstrumentType, value: str) -> str | None:
    """What the value should look like, if it does not match its type's format.

    >>> mismatch(InstrumentType.FR_CITATION, "84 F.R. 22961")
    "a Federal Register citation like '84 FR 22961'"
    >>> mismatch(InstrumentType.FR_CITATION, "84 FR 22961") is None
    True
    """
    if kind.pattern is None or kind.pattern.match(value):
        return None
    return f"{kind.description} like {kind.example!r}"


@rule(ProblemCode.INSTRUMENT_FORMAT)
def instrument_formats(ctx: Context) -> None:
    """Every instrument, in valid records and in records that failed the schema."""
    for action in ctx.read.dataset.actions:
        for i, instrument in enumerate(action.instruments):
            expected = mismatch(instrument.type, instrument.value)
            if expected:
                ctx.add(
                    ctx.origin("actions", action.id),
                    ("instruments", i, "value"),
                    action.id,
                    f"'instruments[{i}].value' must be {expected} (got {instrument.value!r})",
                    ProblemCode.INSTRUMENT_FORMAT,
                )
    for _, record_id, origin, record in ctx.invalid_records():
        instruments = record.get("instruments")
        for i, raw in enumerate(instruments if isinstance(instruments, list) else ()):
            if not isinstance(raw, dict) or not isinstance(raw.get("value"), str) or not isinstance(raw.get("type"), str):
                continue
            try:
                kind = InstrumentType(raw["type"])
            except ValueError:
                continue
            expected = mismatch(kind, raw["value"])
            if expected:
                ctx.add(
                    origin,
                    ("instruments", i, "value"),
                    record_id,
                    f"'instruments[{i}].value' must be {expected} (got {raw['value']!r})",
                    ProblemCode.INSTRUMENT_FORMAT,
                )
