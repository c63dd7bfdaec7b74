"""Turn pydantic's validation errors into messages for people: the field, what was expected, what arrived."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from ..model.errors import ProblemCode
from ..model.names import did_you_mean

__all__ = ["code_of", "describe_value", "did_you_mean", "field_name", "translate"]

_PATTERN_HINTS = {
    r"^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens, like 'us-bis-2019-huawei'",
    r"^[A-Z]{2}$": "an ISO 3166-1 alpha-2 country code like 'CN'",
    r"^(?:[A-Z]{2}|EU)$": "an ISO 3166-1 alpha-2 country code like 'US', or 'EU'",
    r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$": "a BCP 47 language tag like 'en' or 'zh-Hans'",
    r"^https?://\S+$": "an http(s) URL",
    r"\S": "non-empty text",
    r"^[\w.-]+\.txt$": "a seed file name like '000_0544f123a62bb703.txt'",
}


def describe_value(value: Any) -> str:
    """Say what arrived, briefly.

    >>> describe_value(5), describe_value("x" * 3), describe_value([1]), describe_value(None)
    ('the number 5', "'xxx'", 'a list', 'nothing (null)')
    """
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def field_name(loc: Sequence[str | int]) -> str:
    """Render a location inside a record as ``dates.effective`` or ``targets[0].role``.

    >>> field_name(("targets", 0, "role"))
    'targets[0].role'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation can hold (through Annotated, Optional, list and unions)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        if field is None:
            field = next((f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        candidates = _unwrap(field.annotation)
        current = candidates[0] if len(candidates) == 1 else None
    return current


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


_CODES: dict[str, ProblemCode] = {
    "extra_forbidden": ProblemCode.UNKNOWN_FIELD,
    "missing": ProblemCode.MISSING_FIELD,
    "union_tag_not_found": ProblemCode.MISSING_FIELD,
    "enum": ProblemCode.NOT_ONE_OF,
    "literal_error": ProblemCode.NOT_ONE_OF,
    "union_tag_invalid": ProblemCode.NOT_ONE_OF,
    "string_pattern_mismatch": ProblemCode.BAD_FORMAT,
    "string_too_long": ProblemCode.TOO_LONG,
    "too_short": ProblemCode.TOO_FEW,
    "date": ProblemCode.BAD_DATE,
    "value_error": ProblemCode.BAD_VALUE,
}


def code_of(kind: str) -> ProblemCode:
    """The problem code of a pydantic error type: the schema's own words for what went wrong.

    >>> code_of("missing"), code_of("string_type")
    (<ProblemCode.MISSING_FIELD: 'missing-field'>, <ProblemCode.WRONG_TYPE: 'wrong-type'>)
    """
    found = _CODES.get(kind)
    if found is not None:
        return found
    return ProblemCode.WRONG_TYPE if kind.endswith(("_type", "_parsing")) else ProblemCode.BAD_VALUE


def translate(error: Any, model: type[BaseModel], loc: Sequence[str | int]) -> tuple[str, bool, ProblemCode]:
    """A message for one pydantic error at ``loc`` in a record validated by ``model``, and its code.

    Returns the message, whether it should point at the mapping key rather than the value, and the
    problem code.
    """
    message, at_key = _message(error, model, loc)
    return message, at_key, code_of(str(error["type"]))


def _message(error: Any, model: type[BaseModel], loc: Sequence[str | int]) -> tuple[str, bool]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field = field_name(loc)
    got = describe_value(value)
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = _field_names(parent) if parent else []
        key = str(loc[-1])
        hint = did_you_mean(key, allowed)
        where = f" in '{field_name(loc[:-1])}'" if loc[:-1] else ""
        suffix = f"; did you mean '{hint}'?" if hint else (f" (expected one of: {', '.join(allowed)})" if allowed else "")
        return f"unknown field '{key}'{where}{suffix}", True
    if kind == "missing":
        return f"'{field}' is required", False
    if kind in ("enum", "literal_error"):
        return f"'{field}' must be one of {ctx.get('expected', '?')} (got {got})", False
    if kind == "union_tag_invalid":
        return f"'kind' must be one of {ctx.get('expected_tags', '?')} (got {describe_value(ctx.get('tag'))})", False
    if kind == "union_tag_not_found":
        return "'kind' is required: it says what kind of action this is", False
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(str(ctx.get("pattern")), f"text matching {ctx.get('pattern')}")
        return f"'{field}' must be {hint} (got {got})", False
    if kind in ("string_type", "string_sub_type"):
        return f"'{field}' must be text (got {got})", False
    if kind == "string_too_long":
        return f"'{field}' is too long (at most {ctx.get('max_length')} characters)", False
    if kind == "list_type":
        return f"'{field}' must be a list (got {got})", False
    if kind in ("dict_type", "model_type", "model_attributes_type", "dataclass_type"):
        return f"'{field or 'record'}' must be a mapping (got {got})", False
    if kind == "too_short":
        return f"'{field}' needs at least {ctx.get('min_length', 1)} item(s) (got {ctx.get('actual_length', 0)})", False
    if kind in ("bool_type", "bool_parsing"):
        return f"'{field}' must be true or false (got {got})", False
    if kind in ("int_type", "int_parsing"):
        return f"'{field}' must be a whole number (got {got})", False
    if kind in ("value_error", "date"):
        message = str(ctx.get("error", error.get("msg", "")))
        return (f"'{field}': {message}" if field else message), False
    return f"'{field}': {error.get('msg', kind)} (got {got})", False
