"""Read YAML safely into plain data, remembering where every value and key stood.

The reader drives libyaml's event parser (PyYAML's C parser when available) and builds the data
itself, so it can refuse what PyYAML accepts silently: duplicate keys, alias expansion bombs,
runaway nesting, explicit tags that construct objects, more than one document. Scalars resolve
by a small explicit table (YAML 1.2 core): ``yes``/``no``/``on``/``off`` and dates stay text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
import yaml

from sanctiontrack.model.errors import Problem, ProblemCode

__all__ = ["Located", "Path", "read_yaml"]

Path = tuple[str | int, ...]

MAX_DEPTH = 64
MAX_EXPANDED_NODES = 2_000_000
MAX_ALIAS_RATIO = 4  # expanded nodes per parsed node before aliases count as a bomb

_Parser: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_STD_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:map": "map",
    "tag:yaml.org,2002:seq": "seq",
}


@attrs.frozen(slots=True)
class Located:
    """Plain data read from one file, with the line and column of every value and mapping key.

    ``values[path]`` is where the value at ``path`` starts; ``keys[path]`` is where the key that
    introduces it stands (for mapping entries).
    """

    path: str
    data: Any
    values: dict[Path, tuple[int, int]]
    keys: dict[Path, tuple[int, int]]

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The (line, col) of ``path``, or of its nearest located ancestor."""
        probe = tuple(path)
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]
            key = False


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


@attrs.define(slots=True)
class _Node:
    """A container under construction (or done), with its own expanded size for alias accounting."""

    value: Any
    line: int
    col: int
    size: int = 1
    done: bool = False
    marks: list[tuple[Path, tuple[int, int], tuple[int, int] | None]] = attrs.field(factory=list)
    kids: list[tuple[Path, _Node]] = attrs.field(factory=list)


def _decode(raw: bytes, path: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        raise _Fatal(
            Problem(path, 1, 1, None, "the file must be UTF-8 (found a UTF-16 or UTF-32 byte order mark)", code=ProblemCode.ENCODING)
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _Fatal(
            Problem(
                path, line, col, None, f"the file must be UTF-8 (byte 0x{raw[exc.start]:02x} is not valid UTF-8)", code=ProblemCode.ENCODING
            )
        ) from None


def _pos(event: yaml.Event) -> tuple[int, int]:
    """The 1-based (line, col) where an event starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _scalar(event: yaml.ScalarEvent, path: str) -> Any:
    value: str = event.value
    tag = event.tag
    line, col = _pos(event)
    if tag is not None and tag != "!":
        kind = _STD_TAGS.get(tag)
        if kind is None or kind in ("map", "seq"):
            raise _Fatal(Problem(path, line, col, None, f"tag {tag!r} is not allowed (only plain YAML data)", code=ProblemCode.TAG))
        if kind == "str":
            return value
        forced = _resolve_plain(value)
        expected = {"int": int, "float": float, "bool": bool, "null": type(None)}[kind]
        if type(forced) is not expected:
            raise _Fatal(Problem(path, line, col, None, f"{value!r} is not a valid {kind}", code=ProblemCode.TAG))
        return forced
    plain_implicit = event.implicit[0]
    if not plain_implicit or tag == "!":
        return value
    return _resolve_plain(value)


def _resolve_plain(value: str) -> Any:
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _FLOAT.match(value):
        return float(value.replace("_", ""))
    if value in (".inf", "+.inf", ".Inf", "+.Inf"):
        return float("inf")
    if value in ("-.inf", "-.Inf"):
        return float("-inf")
    if value in (".nan", ".NaN", ".NAN"):
        return float("nan")
    return value


def _events(text: str) -> Iterator[Any]:
    parser = _Parser(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def read_yaml(raw: bytes, path: str) -> tuple[Located | None, list[Problem]]:
    """Read one YAML document from ``raw`` bytes.

    Returns the located data (``None`` when the file cannot be read at all) and every problem found
    (duplicate keys do not stop reading; syntax errors do).

    >>> located, problems = read_yaml(b"a: 1\\nb: [x, y]\\n", "f.yaml")
    >>> located.data, located.values[("b", 1)], problems
    ({'a': 1, 'b': ['x', 'y']}, (2, 8), [])
    """
    problems: list[Problem] = []
    text = ""
    try:
        text = _decode(raw, path)
        root = _build(text, path, problems)
    except _Fatal as fatal:
        return None, [fatal.problem]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        what = exc.problem or "invalid YAML"
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            what = "a tab character; YAML indentation must use spaces"
        if exc.context:
            started = exc.context_mark
            since = (
                f" (started at line {started.line + 1}, column {started.column + 1})" if started is not None and started is not mark else ""
            )
            what = f"{exc.context}{since}, {what}"
        return None, [Problem(path, line, col, None, f"invalid YAML: {what}", code=ProblemCode.SYNTAX)]
    except yaml.reader.ReaderError as exc:  # a character YAML forbids: locate it, name it escaped
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        what = (
            f"the character U+{ord(char):04X} is not allowed in YAML (control characters and U+FFFE/U+FFFF); "
            "write it as an escape in a double-quoted string"
        )
        return None, [Problem(path, line, col, None, f"invalid YAML: {what}", code=ProblemCode.SYNTAX)]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, None, f"invalid YAML: {' '.join(str(exc).split())}", code=ProblemCode.SYNTAX)]
    if root is None:
        return Located(path, None, {(): (1, 1)}, {}), problems
    values: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    _index(root, (), values, keys)
    return Located(path, root.value, values, keys), problems


def _index(node: _Node, prefix: Path, values: dict[Path, tuple[int, int]], keys: dict[Path, tuple[int, int]]) -> None:
    """Record marks for every path, expanding aliased subtrees (bounded by the alias check)."""
    stack: list[tuple[_Node, Path]] = [(node, prefix)]
    while stack:
        current, base = stack.pop()
        values.setdefault(base, (current.line, current.col))
        for rel, value_mark, key_mark in current.marks:
            full = base + rel
            values[full] = value_mark
            if key_mark is not None:
                keys[full] = key_mark
        for rel, child in current.kids:
            stack.append((child, base + rel))


def _build(text: str, path: str, problems: list[Problem]) -> _Node | None:
    """Compose one document from parser events, iteratively, with every limit enforced."""
    anchors: dict[str, _Node | tuple[Any, tuple[int, int]]] = {}
    # Each frame: (node, pending key or None, key mark, keys seen, child list)
    stack: list[list[Any]] = []
    root: _Node | None = None
    documents = 0
    parsed = 0
    expanded = 0

    def attach(value: Any, mark: tuple[int, int], node: _Node | None, size: int) -> None:
        nonlocal root
        if not stack:
            root = node if node is not None else _Node(value, *mark)
            if node is None:
                root.done = True
            return
        frame = stack[-1]
        parent: _Node = frame[0]
        parent.size += size
        if isinstance(parent.value, list):
            index = len(parent.value)
            parent.value.append(value)
            rel: Path = (index,)
            key_mark = None
        else:
            if frame[1] is _NO_KEY:
                # this value is a key
                if isinstance(value, (dict, list)):
                    raise _Fatal(Problem(path, mark[0], mark[1], None, "mapping keys must be plain scalars", code=ProblemCode.KEY))
                frame[1] = value
                frame[2] = mark
                return
            key = frame[1]
            key_mark = frame[2]
            frame[1] = _NO_KEY
            seen: dict[Any, tuple[int, int]] = frame[3]
            typed = (type(key), key)  # 1, 1.0 and true are equal in Python but different YAML keys
            if typed in seen:
                first = seen[typed]
                problems.append(
                    Problem(
                        path,
                        key_mark[0],
                        key_mark[1],
                        None,
                        f"duplicate key {key!r} (first defined at line {first[0]}, column {first[1]}); "
                        "YAML would silently keep only the last value",
                        code=ProblemCode.DUPLICATE_KEY,
                    )
                )
                return
            seen[typed] = key_mark
            if key in parent.value:  # a different key equal to an earlier one in Python (true after 1): keep both
                key = repr(key)
            parent.value[key] = value
            rel = (key,)
        parent.marks.append((rel, mark, key_mark))
        if node is not None:
            parent.kids.append((rel, node))

    for event in _events(text):
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Fatal(
                    Problem(path, *_pos(event), None, "expected a single YAML document (found a second '---')", code=ProblemCode.DOCUMENTS)
                )
            continue
        mark = _pos(event)
        parsed += 1
        if isinstance(event, yaml.AliasEvent):
            target = anchors.get(event.anchor or "")
            if target is None:
                raise _Fatal(Problem(path, *mark, None, f"unknown alias *{event.anchor}", code=ProblemCode.YAML_ALIAS))
            if isinstance(target, _Node):
                if not target.done:
                    raise _Fatal(
                        Problem(path, *mark, None, f"alias *{event.anchor} refers to itself (recursive data)", code=ProblemCode.YAML_ALIAS)
                    )
                expanded += target.size
                _check_expansion(expanded, parsed, path, mark)
                attach(target.value, mark, target, target.size)
            else:
                value, vmark = target
                expanded += 1
                attach(value, vmark, None, 1)
            continue
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event, path)
            if event.anchor:
                anchors[event.anchor] = (value, mark)
            expanded += 1
            attach(value, mark, None, 1)
            continue
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            tag = event.tag
            if tag is not None and tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!"):
                raise _Fatal(Problem(path, *mark, None, f"tag {tag!r} is not allowed (only plain YAML data)", code=ProblemCode.TAG))
            if len(stack) >= MAX_DEPTH:
                raise _Fatal(Problem(path, *mark, None, f"nesting deeper than {MAX_DEPTH} levels", code=ProblemCode.DEPTH))
            container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
            node = _Node(container, *mark)
            if event.anchor:
                anchors[event.anchor] = node
            expanded += 1
            stack.append([node, _NO_KEY, None, {}, mark])
            continue
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            frame = stack.pop()
            node = frame[0]
            node.done = True
            attach(node.value, (node.line, node.col), node, node.size)
            continue
    return root


_NO_KEY = object()


def _check_expansion(expanded: int, parsed: int, path: str, mark: tuple[int, int]) -> None:
    if expanded > MAX_EXPANDED_NODES or (expanded > 10_000 and expanded > MAX_ALIAS_RATIO * parsed):
        raise _Fatal(
            Problem(
                path,
                *mark,
                None,
                f"aliases expand to more than {min(expanded, MAX_EXPANDED_NODES):,} values from {parsed:,} "
                "written ones (an alias expansion bomb?); write the data out instead",
                code=ProblemCode.YAML_ALIAS,
            )
        )
