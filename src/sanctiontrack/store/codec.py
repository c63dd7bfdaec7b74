"""A plain encoding of the model's records: nested lists of strings, integers and None, decoded without running code.

Each attrs record becomes a list of its fields in declaration order, with trailing defaults left
out; enums are their values; tuples are lists; a :class:`DateValue` is a short list of its parts.
The decoders are worked out once per record class from its type hints, so reading a record is a
walk over JSON data, and nothing in the data can choose what gets constructed.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ..model.dates import Confidence, DateValue, Precision, zone
from ..model.records import Action, ControlledItem, Entity, Snapshot, Source

__all__ = ["decode_action", "decode_entity", "decode_item", "decode_snapshot", "decode_source", "encode"]

Plain = Any  # str | int | None | list[Plain]; JSON, in short
_PRECISIONS = list(Precision)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_CONFIDENCES = list(Confidence)


def _encode_date(value: DateValue) -> Plain:
    at = value.at
    delta = None if at is None else dt.datetime.__sub__(at, _EPOCH)  # exact seconds and microseconds, before 1970 too
    out: list[Plain] = [
        value.date.toordinal(),
        _PRECISIONS.index(value.precision),
        _CONFIDENCES.index(value.confidence),
        value.note,
        None if delta is None else delta.days * 86_400 + delta.seconds,
        None if delta is None else delta.microseconds,
        None if at is None else at.tzinfo.name,  # type: ignore[union-attr]
        value.tz,
    ]
    while out and out[-1] is None:
        out.pop()
    return out


def _decode_date(data: Plain) -> DateValue:
    import pendulum

    ordinal, precision, confidence, *rest = data
    rest += [None] * (5 - len(rest))
    note, ts, micro, at_zone, tz = rest
    day = pendulum.Date.fromordinal(ordinal)
    at = None
    if ts is not None:
        at = pendulum.from_timestamp(ts, tz=zone(at_zone)).add(microseconds=micro or 0)  # type: ignore[arg-type]
    return DateValue(day, _PRECISIONS[precision], _CONFIDENCES[confidence], note, at, tz)


def encode(record: Any) -> Plain:
    """A record (or a value inside one) as plain data.

    >>> from sanctiontrack.model.records import Source
    >>> from sanctiontrack.model.vocabulary import SourceKind
    >>> encode(Source("s1", SourceKind.SECONDARY, "Reuters", "A story"))
    ['s1', 'secondary', 'Reuters', 'A story']
    """
    if record is None or isinstance(record, (str, int)):  # bool is an int: JSON keeps true and false
        return record
    if isinstance(record, enum.Enum):
        return record.value
    if isinstance(record, DateValue):
        return _encode_date(record)
    if isinstance(record, tuple):
        return [encode(item) for item in record]
    if attrs.has(type(record)):
        fields = attrs.fields(type(record))
        out = [encode(getattr(record, f.name)) for f in fields]
        while (
            out
            and fields[len(out) - 1].default is not attrs.NOTHING
            and getattr(record, fields[len(out) - 1].name) == fields[len(out) - 1].default
        ):
            out.pop()
        return out
    raise TypeError(f"cannot encode {type(record).__name__} for the store")


def _decoder(hint: Any) -> Callable[[Plain], Any]:
    """How to turn plain data back into a value of type ``hint`` (worked out once per field)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        (single,) = inner
        decode = _decoder(single)
        return lambda data: None if data is None else decode(data)
    if origin is tuple:
        decode = _decoder(typing.get_args(hint)[0])
        if decode is _same:
            return tuple
        return lambda data: tuple(decode(item) for item in data)
    if hint is DateValue:
        return _decode_date
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if isinstance(hint, type) and attrs.has(hint):
        return _record_decoder(hint)
    if hint in (str, int):
        return _same
    if hint is bool:
        return _flag
    raise TypeError(f"no store decoder for {hint!r}")


def _same(data: Plain) -> Any:
    return data


def _flag(data: Plain) -> bool:
    if not isinstance(data, bool):
        raise ValueError(f"expected true or false in the store (got {data!r})")
    return data


_DECODERS: dict[type, Callable[[Plain], Any]] = {}


def _record_decoder(cls: type) -> Callable[[Plain], Any]:
    found = _DECODERS.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    decoders: list[Callable[[Plain], Any]] = []

    def decode(data: Plain) -> Any:
        if not isinstance(data, list) or len(data) > len(decoders):
            raise ValueError(f"malformed {cls.__name__} record in the store")
        return cls(*(d(v) for d, v in zip(decoders, data, strict=False)))

    _DECODERS[cls] = decode  # before the fields: records may nest
    decoders.extend(_decoder(hints[f.name]) for f in fields)
    return decode


def decode_action(data: Plain) -> Action:
    """An :class:`Action` from its plain encoding."""
    action: Action = _record_decoder(Action)(data)
    return action


def decode_entity(data: Plain) -> Entity:
    """An :class:`Entity` from its plain encoding."""
    entity: Entity = _record_decoder(Entity)(data)
    return entity


def decode_item(data: Plain) -> ControlledItem:
    """A :class:`ControlledItem` from its plain encoding."""
    item: ControlledItem = _record_decoder(ControlledItem)(data)
    return item


def decode_snapshot(data: Plain) -> Snapshot:
    """A :class:`Snapshot` from its plain encoding."""
    snapshot: Snapshot = _record_decoder(Snapshot)(data)
    return snapshot


def decode_source(data: Plain) -> Source:
    """A :class:`Source` from its plain encoding."""
    source: Source = _record_decoder(Source)(data)
    return source
