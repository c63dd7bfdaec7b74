"""Read YAML safely into plain data, remembering where every value and key stood.

The reader drives libyaml's event parser (PyYAML's C parser when available) and builds the data
itself, so it can refuse what PyYAML accepts silently: duplicate keys, alias expansion bombs,
runaway nesting, explicit tags that construct objects, more than one document. Scalars resolve
by a small explicit table (YAML 1.2 core): ``yes``/``no``/``on``/``off`` and dates stay text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from itertools import repeat
from typing import Any, cast

import attrs
import yaml

from ..model.errors import Problem, ProblemCode

__all__ = ["Located", "Path", "read_yaml"]

Path = tuple[str | int, ...]

MAX_DEPTH = 64
MAX_EXPANDED_NODES = 2_000_000
MAX_ALIAS_RATIO = 4  # expanded nodes per parsed node before aliases count as a bomb


_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # only its parser is used: events, never objects
_MAYBE_TYPED = frozenset(["", *"~nNtTfF+-.0123456789"])  # first characters of plain scalars that may not be text
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
    introduces it stands (for mapping entries). Both are read-only mappings computed on lookup
    from compact marks (see :class:`_Marks`), so a large file costs a few bytes per value.
    """

    path: str
    data: Any
    values: Mapping[Path, tuple[int, int]]
    keys: Mapping[Path, tuple[int, int]]

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The (line, col) of ``path``, or of its nearest located ancestor."""
        values = self.values
        if isinstance(values, _Positions) and isinstance(self.keys, _Positions):
            return values.marks.where(tuple(path), key)
        probe = tuple(path)
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in values:
                return values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]
            key = False


class _Marks:
    """Where every node of one document stood, as flat arrays of ints indexed by event ordinal.

    Every scalar, alias and collection start is one ordinal, in stream order (a key, then its
    value). A path is found by walking the data and the ordinals together: a collection's
    children follow its start, and ``cstarts`` (sorted) with ``csizes`` give where each collection
    ends (its last ordinal, ``size`` after its start: one byte each, the few larger in ``long``),
    so a sibling is skipped in one step. An alias to a collection is one ordinal
    whose children are the anchor's (``alias_to``); duplicate keys, which are not in the data, are
    skipped (``skip``); ``moved`` names the entry whose marks a same-named later one replaced.

    Ordinals rise with the line they start on, so lines are kept per line, not per ordinal:
    ``lines[k]`` is the first ordinal on line ``k`` or after it, and an ordinal's line is a
    bisection; the rare ordinal that stands elsewhere (an alias to a scalar takes its anchor's
    mark) is in ``off_line``. Columns take one byte each until one needs more (``_widen``).
    """

    __slots__ = ("alias_to", "cols", "csizes", "cstarts", "data", "items", "lines", "long", "moved", "off_line", "skip")

    def __init__(self, data: Any) -> None:
        self.data = data
        self.lines = array("I")  # by 0-based line (as libyaml counts them): the first ordinal on it or after it
        self.off_line: dict[int, int] = {}  # ordinal -> its 0-based line, where the table would say another
        self.cols: array[int] = array("B")  # 0-based, by ordinal; widened to "H" or "I" when a column needs it
        self.cstarts = array("I")
        self.csizes = array("B")  # _LONG: the size is in ``long``
        self.long: dict[int, int] = {}  # index in cstarts -> size, for collections of _LONG ordinals or more
        self.alias_to: dict[int, int] = {}
        self.skip: dict[int, int] = {}
        self.moved: dict[int, int] = {}
        self.items: dict[int, array[int]] = {}  # a looked-up sequence's item ordinals, so lookups in a long list stay O(1)

    def end(self, ordinal: int) -> int:
        """The last ordinal of the node that starts at ``ordinal`` (itself for a scalar or an alias)."""
        starts = self.cstarts
        k = bisect_left(starts, ordinal)
        if k == len(starts) or starts[k] != ordinal:
            return ordinal
        size = self.csizes[k]
        return ordinal + (size if size != _LONG else self.long[k])

    def mark(self, ordinal: int) -> tuple[int, int]:
        """1-based (line, col) of an ordinal."""
        return (self.line(ordinal) + 1, self.cols[ordinal] + 1)

    def line(self, ordinal: int) -> int:
        """0-based line of an ordinal."""
        found = self.off_line.get(ordinal)
        return found if found is not None else bisect_right(self.lines, ordinal) - 1

    def children(self, node: Any, ordinal: int) -> Iterator[tuple[Any, Any, int, int | None]]:
        """(path step, child data, value ordinal, key ordinal) of each child of the collection at ``ordinal``."""
        ordinal = self.alias_to.get(ordinal, ordinal)
        at = ordinal + 1
        if isinstance(node, list):
            for index, child in enumerate(node):
                yield index, child, at, None
                at = self.end(at) + 1
            return
        skip, moved = self.skip, self.moved
        for name, child in node.items():
            while at in skip:
                at = skip[at] + 1
            entry = at
            while entry in moved:
                entry = moved[entry]
            yield name, child, entry + 1, entry
            at = self.end(at + 1) + 1

    def walk(self, path: Path) -> list[tuple[int, int | None]]:
        """(value ordinal, key ordinal) of each prefix of ``path`` that exists, root first (empty if no document)."""
        if not self.cols:  # one column per ordinal: none, no document
            return []
        found: list[tuple[int, int | None]] = [(0, None)]
        node, ordinal = self.data, 0
        for step in path:
            if isinstance(node, list):
                if type(step) is float and step.is_integer():
                    step = int(step)
                if not isinstance(step, int) or not 0 <= step < len(node):
                    break
                items = self.items.get(ordinal)
                if items is None:
                    items = self.items[ordinal] = array("I", (at for _, _, at, _ in self.children(node, ordinal)))
                ordinal = items[step]
                node = node[step]
                found.append((ordinal, None))
                continue
            elif isinstance(node, dict):
                try:
                    if step not in node:
                        break
                except TypeError:
                    break
            else:
                break
            for name, child, value_at, key_at in self.children(node, ordinal):
                if name is step or name == step:
                    node, ordinal = child, value_at
                    found.append((value_at, key_at))
                    break
            else:  # pragma: no cover - the step is in the data, so a child matches
                break
        return found

    def where(self, path: Path, key: bool) -> tuple[int, int]:
        """What :meth:`Located.where` answers: the key's or value's mark, else the nearest ancestor's."""
        found = self.walk(path)
        if not found:
            return (1, 1)
        value_at, key_at = found[-1]
        if key and key_at is not None and len(found) == len(path) + 1:
            return self.mark(key_at)
        return self.mark(value_at)

    def paths(self) -> Iterator[tuple[Path, int, int | None]]:
        """Every (path, value ordinal, key ordinal), aliases expanded (bounded by the alias limit)."""
        if not self.cols:  # one column per ordinal: none, no document
            return
        stack: list[tuple[Path, Any, int]] = [((), self.data, 0)] if isinstance(self.data, (dict, list)) else []
        yield (), 0, None
        while stack:
            base, node, ordinal = stack.pop()
            for name, child, value_at, key_at in self.children(node, ordinal):
                full = (*base, name)
                yield full, value_at, key_at
                if isinstance(child, (dict, list)):
                    stack.append((full, child, value_at))


class _Positions(Mapping[Path, tuple[int, int]]):
    """A read-only view of :class:`_Marks`: the value marks, or the key marks, by path."""

    __slots__ = ("keyed", "marks")

    def __init__(self, marks: _Marks, keyed: bool) -> None:
        self.marks = marks
        self.keyed = keyed

    def __getitem__(self, path: Path) -> tuple[int, int]:
        probe = tuple(path)
        found = self.marks.walk(probe)
        if len(found) != len(probe) + 1:
            raise KeyError(path)
        value_at, key_at = found[-1]
        if not self.keyed:
            return self.marks.mark(value_at)
        if key_at is None:
            raise KeyError(path)
        return self.marks.mark(key_at)

    def __iter__(self) -> Iterator[Path]:
        for path, _, key_at in self.marks.paths():
            if not self.keyed or key_at is not None:
                yield path

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


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


def read_yaml(raw: bytes, path: str) -> tuple[Located | None, list[Problem]]:
    """Read one YAML document from ``raw`` bytes.

    Returns the located data (``None`` when the file cannot be read at all) and every problem found
    (duplicate keys do not stop reading; syntax errors do).

    >>> located, problems = read_yaml(b"a: 1\\nb: [x, y]\\n", "f.yaml")
    >>> located.data, located.values[("b", 1)], problems
    ({'a': 1, 'b': ['x', 'y']}, (2, 8), [])
    """
    problems: list[Problem] = []
    source = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        _decode(raw, path)  # checked, then dropped: libyaml reads the bytes (a str copy would cost 1-4 bytes a character)
        marks = _build(source, path, problems)
    except _Fatal as fatal:
        return None, [fatal.problem]
    except yaml.MarkedYAMLError as exc:
        text = source.decode("utf-8")
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
        before = source.decode("utf-8")[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        what = (
            f"the character U+{ord(char):04X} is not allowed in YAML (control characters and U+FFFE/U+FFFF); "
            "write it as an escape in a double-quoted string"
        )
        return None, [Problem(path, line, col, None, f"invalid YAML: {what}", code=ProblemCode.SYNTAX)]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, None, f"invalid YAML: {' '.join(str(exc).split())}", code=ProblemCode.SYNTAX)]
    if marks is None:
        return Located(path, None, {(): (1, 1)}, {}), problems
    return Located(path, marks.data, _Positions(marks, False), _Positions(marks, True)), problems


def _build(source: bytes, path: str, problems: list[Problem]) -> _Marks | None:
    """Compose one document from parser events into plain data and flat marks, with every limit enforced.

    One loop with the open collection in local variables: this loop is the reader's cost, so the
    common case (an untagged scalar, a new key) takes few steps, and the rest is kept out of it.
    Equal strings are shared (one object per distinct key or value), which keeps the data small.
    """
    marks = _Marks(None)
    cstarts, csizes = marks.cstarts, marks.csizes
    put_line, put_col = marks.lines.append, marks.cols.append
    last = -1  # the last line the line table reaches
    memo: dict[str, str] = {}
    share = memo.setdefault
    anchors: dict[str, list[Any] | tuple[Any, int]] = {}
    stack: list[tuple[Any, ...]] = []
    # the open collection: itself, whether a mapping, its pending key (and its ordinal), the typed
    # keys seen (to the ordinal of each), its index in cstarts, its anchor entry, its alias extra
    cur: Any = None
    is_map = False
    key: Any = _NO_KEY
    key_at = 0
    seen: dict[tuple[type, Any], int] = {}
    index = -1
    anchor_entry: list[Any] | None = None
    extra = 0  # expanded size beyond its event count, from aliases inside the open collection
    alias_extra = 0  # the same for the whole document
    root: Any = _NO_KEY
    documents = 0
    n = 0  # ordinals so far
    closed = 0  # collections ended so far (parsed events count them too)

    at: tuple[int, int] | None = None  # where the node being attached stood (None: work it out for an error)

    def fatal(at: tuple[int, int], message: str, code: ProblemCode) -> _Fatal:
        return _Fatal(Problem(path, at[0], at[1], None, message, code=code))

    for event in iter(_event_source(source), None):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            mark = event.start_mark
            line = mark.line
            if line != last:
                if line == last + 1:
                    put_line(n)
                    last = line
                else:
                    last = _advance(marks, line, last, n)
            try:
                put_col(mark.column)
            except OverflowError:
                put_col = _widen(marks, mark.column)
            text_value = event.value
            value: Any = share(text_value, text_value)
            if event.tag is not None:
                value = _scalar(event, path)
                if type(value) is str:
                    value = share(value, value)
            elif event.implicit[0] and value[:1] in _MAYBE_TYPED:
                value = _resolve_plain(value)
            if event.anchor:
                anchors[event.anchor] = (value, n)
            n += 1
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            mark = event.start_mark
            at = (mark.line + 1, mark.column + 1)
            tag = event.tag
            if tag is not None and tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!"):
                raise fatal(at, f"tag {tag!r} is not allowed (only plain YAML data)", ProblemCode.TAG)
            if len(stack) >= MAX_DEPTH:
                raise fatal(at, f"nesting deeper than {MAX_DEPTH} levels", ProblemCode.DEPTH)
            line = mark.line  # filed as a scalar's mark is, inline too: a call per collection cost 4% of a read
            if line != last:
                if line == last + 1:
                    put_line(n)
                    last = line
                else:
                    last = _advance(marks, line, last, n)
            try:
                put_col(mark.column)
            except OverflowError:
                put_col = _widen(marks, mark.column)
            stack.append((cur, is_map, key, key_at, seen, index, anchor_entry, extra))
            index = len(cstarts)
            cstarts.append(n)
            csizes.append(0)
            is_map = kind is yaml.MappingStartEvent
            cur = {} if is_map else []
            key, seen, extra = _NO_KEY, {}, 0
            anchor_entry = None
            if event.anchor:
                anchor_entry = [cur, n, -1]  # value, start ordinal, expanded size (-1 while open)
                anchors[event.anchor] = anchor_entry
            n += 1
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            start = cstarts[index]
            span = n - 1 - start
            if span < _LONG:
                csizes[index] = span
            else:
                csizes[index] = _LONG
                marks.long[index] = span
            closed += 1
            size = n - start + extra
            if anchor_entry is not None:
                anchor_entry[2] = size
            value = cur
            child_extra = extra
            cur, is_map, key, key_at, seen, index, anchor_entry, extra = stack.pop()
            extra += child_extra
            at = None  # where the collection started (marks.mark(start)), worked out only for an error
        elif kind is yaml.AliasEvent:
            mark = event.start_mark
            at = (mark.line + 1, mark.column + 1)
            target = anchors.get(event.anchor or "")
            if target is None:
                raise fatal(at, f"unknown alias *{event.anchor}", ProblemCode.YAML_ALIAS)
            n += 1
            if type(target) is list:
                value, start, size = target
                if size < 0:
                    raise fatal(at, f"alias *{event.anchor} refers to itself (recursive data)", ProblemCode.YAML_ALIAS)
                alias_extra += size - 1
                extra += size - 1
                _check_expansion(n + alias_extra, n + closed, path, at)
                if mark.line != last:
                    last = _advance(marks, mark.line, last, n - 1)
                try:
                    put_col(mark.column)
                except OverflowError:
                    put_col = _widen(marks, mark.column)
                marks.alias_to[n - 1] = start
            else:  # an alias to a scalar takes its anchor's mark
                value, start = target
                at = marks.mark(start)
                marks.off_line[n - 1] = at[0] - 1
                put_col(marks.cols[start])
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                at = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
                raise fatal(at, "expected a single YAML document (found a second '---')", ProblemCode.DOCUMENTS)
            continue
        else:  # stream start and end, document end
            continue
        # a scalar, a collection that ended, or an alias: attach it
        if is_map:
            if key is _NO_KEY:
                if isinstance(value, (dict, list)):
                    raise fatal(at or marks.mark(start), "mapping keys must be plain scalars", ProblemCode.KEY)
                key, key_at = value, n - 1
                continue
            if key in cur:
                _add_entry(marks, cur, index, seen, key, key_at, value, n, path, problems)
            else:
                cur[key] = value
                seen[(type(key), key)] = key_at
            key = _NO_KEY
        elif cur is not None:
            cur.append(value)
        else:
            root = value
    if root is _NO_KEY:
        return None
    marks.data = root
    return marks


def _advance(marks: _Marks, line: int, last: int, ordinal: int) -> int:
    """File ``ordinal`` under 0-based ``line`` in the line table; the last line the table then reaches."""
    if line > last:
        marks.lines.extend(repeat(ordinal, line - last))
        return line
    marks.off_line[ordinal] = line  # never seen in libyaml's events, which rise; kept right all the same
    return last


def _widen(marks: _Marks, column: int) -> Callable[[int], None]:
    """Widen the column array to take ``column``, append it, and give the new array's ``append``."""
    marks.cols = array("H" if column <= 0xFFFF else "I", marks.cols)
    marks.cols.append(column)
    return marks.cols.append


def _add_entry(
    marks: _Marks,
    cur: dict[Any, Any],
    index: int,
    seen: dict[tuple[type, Any], int],
    key: Any,
    key_at: int,
    value: Any,
    n: int,
    path: str,
    problems: list[Problem],
) -> None:
    """Put ``value`` under ``key`` in the open mapping ``cur`` when an equal key is there already (a duplicate, or 1 then true)."""
    first = seen.get((type(key), key))
    if first is not None:
        line, col = marks.mark(key_at)
        problems.append(
            Problem(
                path,
                line,
                col,
                None,
                f"duplicate key {key!r} (first defined at line {marks.line(first) + 1}, column {marks.cols[first] + 1}); "
                "YAML would silently keep only the last value",
                code=ProblemCode.DUPLICATE_KEY,
            )
        )
        marks.skip[key_at] = n - 1
        return
    seen[(type(key), key)] = key_at
    name = repr(key)  # a different key equal to an earlier one in Python (true after 1): keep both
    if name in cur:  # ... and replacing an entry of that name, which keeps its place
        for other, _, _, other_at in marks.children(cur, marks.cstarts[index]):
            if other == name and other_at is not None:
                marks.moved[other_at] = key_at
                break
        marks.skip[key_at] = n - 1
    cur[name] = value


def _event_source(source: bytes) -> Callable[[], Any]:
    """``get_event`` of libyaml's parser over UTF-8 bytes (PyYAML's pure one without libyaml); ``None`` after the stream ends."""
    return cast(Callable[[], Any], _Loader(source).get_event)


_NO_KEY = object()
_LONG = 0xFF  # a collection size that does not fit in its byte


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
