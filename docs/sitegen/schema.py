"""The data schema page, generated from ``sanctiontrack.json_schema()``: a table per definition, then the raw schema."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from .common import md, prose, table

__all__ = ["describe_type", "schema_page"]


def _anchor(name: str) -> str:
    return "def-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def describe_type(node: Any) -> str:
    """A short Markdown description of a JSON Schema node's type (references become links).

    >>> describe_type({"anyOf": [{"type": "string"}, {"type": "null"}]})
    'string'
    >>> describe_type({"type": "array", "items": {"$ref": "#/$defs/NoteIn"}})
    'list of [NoteIn](#def-notein)'
    """
    if not isinstance(node, dict):
        return ""
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        return f"[{name}](#{_anchor(name)})"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    for key in ("anyOf", "oneOf"):
        if key in node:
            parts = [describe_type(option) for option in node[key] if option.get("type") != "null"]
            unique = list(dict.fromkeys(p for p in parts if p))
            return " or ".join(unique)
    kind = node.get("type")
    if kind == "array":
        return f"list of {describe_type(node.get('items', {})) or 'values'}"
    if kind == "object":
        keys = list(node.get("properties", {}))
        return "mapping" + (f" ({', '.join(f'`{k}`' for k in keys)})" if keys else "")
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    return str(kind or "any")


def _constraints(node: Any) -> str:
    found: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if not isinstance(current, dict):
            continue
        for key in ("pattern", "maxLength", "minLength", "minItems", "maxItems", "minimum", "maximum"):
            if key in current:
                found.append(f"{key} {code(current[key])}")
        for key in ("anyOf", "oneOf"):
            stack.extend(current.get(key, []))
    return "; ".join(dict.fromkeys(found))


_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`*_[]|{}#+!"}


def code(value: object) -> str:
    """Inline code as raw HTML, with every Markdown special character as an entity (safe in tables).

    >>> code("^(?:[A-Z]{2}|EU)$")
    '<code>^(?:&#91;A-Z&#93;&#123;2&#125;&#124;EU)$</code>'
    """
    text = html.escape(str(value), quote=False)
    return "<code>" + "".join(_ENTITIES.get(c, c) for c in text) + "</code>"


def _description(node: Any) -> str:
    if not isinstance(node, dict):
        return ""
    if node.get("description"):
        return str(node["description"])
    for key in ("anyOf", "oneOf"):
        for option in node.get(key, []):
            if isinstance(option, dict) and option.get("description"):
                return str(option["description"])
    return ""


def _default(node: Any) -> str:
    if not isinstance(node, dict) or "default" not in node:
        return ""
    value = node["default"]
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, dict) and all(v is None for v in value.values()):
        return ""
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _definition(name: str, node: dict[str, Any]) -> list[str]:
    out = [f"### {name} {{ #{_anchor(name)} }}", ""]
    if node.get("description"):
        out += [prose(node["description"]), ""]
    if "enum" in node:
        out += ["Values: " + ", ".join(f"`{v}`" for v in node["enum"]), ""]
        return out
    properties: dict[str, Any] = node.get("properties", {})
    if properties:
        required = set(node.get("required", []))
        header = ["Field", "Type", "Required", "Default", "Description", "Constraints"]
        rows = [
            [
                f"`{field}`",
                describe_type(spec),
                "**yes**" if field in required else "",
                _default(spec),
                prose(_description(spec)),
                _constraints(spec),
            ]
            for field, spec in properties.items()
        ]
        keep = [i for i in range(len(header)) if i < 3 or any(row[i] for row in rows)]
        out += [table([header[i] for i in keep], [[row[i] for i in keep] for row in rows])]
        if node.get("additionalProperties") is False:
            out += ["Unknown fields are errors.", ""]
    return out


def schema_page(schema: dict[str, Any]) -> str:
    """The Markdown of the data schema page."""
    definitions: dict[str, Any] = schema.get("$defs", {})
    out = [
        f"# Data schema: {md(schema.get('title', 'action file'))}",
        "",
        prose(schema.get("description", "")),
        "",
        "Generated at build time from `sanctiontrack.json_schema()` (also printed by `sanctiontrack schema`), "
        "which is generated from the models that validate action files. The prose reference is "
        "[the action file format](../data-format.md). Editors that understand JSON Schema can check files as you type: "
        "put `# yaml-language-server: $schema=actions.schema.json` on the first line.",
        "",
        "## The file",
        "",
    ]
    out += _definition("root", {k: v for k, v in schema.items() if k != "$defs"})[2:]
    discriminated = []
    for spec in schema.get("properties", {}).values():
        items = spec.get("items", {}) if isinstance(spec, dict) else {}
        mapping = items.get("discriminator", {}).get("mapping", {}) if isinstance(items, dict) else {}
        discriminated += [f"`{key}` → {describe_type({'$ref': ref})}" for key, ref in mapping.items()]
    if discriminated:
        out += ["Each action's `kind` selects its definition: " + "; ".join(discriminated) + ".", ""]
    out += ["## Definitions", ""]
    records = {k: v for k, v in definitions.items() if "enum" not in v}
    enums = {k: v for k, v in definitions.items() if "enum" in v}
    for name, node in records.items():
        out += _definition(name, node)
    if enums:
        out += ["## Enumerations", ""]
        for name, node in enums.items():
            out += _definition(name, node)
    out += [
        "## Raw schema",
        "",
        '??? abstract "actions.schema.json (click to expand)"',
        "",
        "    ```json",
        *("    " + line for line in json.dumps(schema, indent=2, ensure_ascii=False).splitlines()),
        "    ```",
        "",
    ]
    return "\n".join(out)
