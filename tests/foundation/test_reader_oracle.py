"""The compact-mark reader against the event reader it replaced: same data, same marks, same problems.

``_old_yamlread.py`` is ``io/yamlread.py`` as it stood before the marks became flat arrays (a dict
of path tuples per file); it is the oracle here, on generated YAML and on YAML-ish noise.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctiontrack.io.yamlread import read_yaml

_SPEC = importlib.util.spec_from_file_location("_old_yamlread", Path(__file__).with_name("_old_yamlread.py"))
assert _SPEC is not None and _SPEC.loader is not None
old = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(old)

_SCALARS = st.one_of(
    st.sampled_from(["x", "1", "-2", "0.5", "true", "no", "~", "", "null", "2019-10-09", ".inf", "'q'", '"a b"', "华为", "!!str 3", "! 4"]),
    st.text(alphabet="abc xyz-", min_size=1, max_size=6).map(lambda s: s.strip() or "s"),
)
_KEYS = st.sampled_from(["a", "b", "id", "1", "true", "1.0", "True", "'a'", "c d"])


def _node(depth: int) -> st.SearchStrategy[Any]:
    if depth == 0:
        return _SCALARS
    child = _node(depth - 1)
    return st.one_of(_SCALARS, st.lists(child, max_size=4), st.lists(st.tuples(_KEYS, child), max_size=4))


def _render(node: Any, indent: int, flow: bool) -> str:
    """Block YAML (or flow YAML when ``flow``) for a generated node; lists of pairs are mappings."""
    pad = " " * indent
    if isinstance(node, str):
        return node
    is_map = bool(node) and isinstance(node[0], tuple)
    if flow or not node:
        if is_map:
            return "{" + ", ".join(f"{k}: {_render(v, 0, True)}" for k, v in node) + "}"
        if node and isinstance(node[0], tuple):
            return "{}"
        return "[" + ", ".join(_render(v, 0, True) for v in node) + "]"
    out = []
    for item in node:
        if is_map:
            k, v = item
            if isinstance(v, str) or not v:
                out.append(f"{pad}{k}: {_render(v, 0, True)}")
            else:
                out.append(f"{pad}{k}:\n{_render(v, indent + 2, False)}")
        else:
            out.append(f"{pad}- {_render(item, 0, True)}")
    return "\n".join(out)


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _agree(raw: bytes) -> None:
    was, was_problems = old.read_yaml(raw, "f.yaml")
    now, problems = read_yaml(raw, "f.yaml")
    assert [str(p) for p in problems] == [str(p) for p in was_problems]
    assert (now is None) == (was is None)
    if was is None or now is None:
        return
    assert _same(now.data, was.data)
    assert dict(now.values) == was.values
    assert dict(now.keys) == was.keys
    for path in list(was.values)[:50]:
        for more in ((), ("missing",), (7, "deeper")):
            for key in (False, True):
                assert now.where((*path, *more), key=key) == was.where((*path, *more), key=key)


@settings(max_examples=150, deadline=None)
@given(_node(3), st.booleans())
def test_same_values_and_positions_as_the_event_reader(node: Any, flow: bool) -> None:
    _agree((_render(node, 0, flow) + "\n").encode())


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}[]:,-&*!|>'\"#@ \n\tab1")), max_size=120))
def test_same_problems_as_the_event_reader_on_noise(text: str) -> None:
    _agree(text.encode())


def test_anchors_aliases_and_equal_keys_agree() -> None:
    for text in (
        "base: &b {kind: company, n: [1, 2]}\ncopy: *b\nlist: [*b, &s x, *s]\n",
        "a:\n  1: x\n  true: y\n  1.0: z\n  1: again\n",
        "a: {x: 1, x: {y: 2}, z: 3}\nb: [1, {x: 2}]\n",
        "a: &a [1, *a]\n",
        "k: !!int 3\nj: !!python/object x\n",
        "x: 1\n---\ny: 2\n",
        "? [1]\n: v\n",
        "",
        "~\n",
    ):
        _agree(text.encode())


def test_columns_past_one_and_two_bytes_and_lines_without_values_agree() -> None:
    """Columns are kept in one byte until one needs two, then four; lines with no value (blank, comments, folded text) are skipped."""
    wide = ", ".join(f"k{i}: v{i}" for i in range(30))  # columns past 255
    widest = "[" + ", ".join(["x" * 70] * 1000) + ", last]"  # past 65,535
    for text in (
        f"a: {{{wide}}}\nb: [1, {{c: 2}}]\n",
        f"a: {widest}\nb: {{c: {widest}}}\nafter: 1\n",
        "# a comment\n\na: &s one\n\n\nb: >\n  folded\n  text\n\nc: *s\n# end\nd: [*s, *s]\n",
        f"first: &far {'y' * 300}\nlist:\n  - *far\n  - {{k: *far, {wide}}}\n",
    ):
        _agree(text.encode())
