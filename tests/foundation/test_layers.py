"""The package's folders show the flow, and a test keeps it so: each layer imports only the layers below it.

model -> io -> checks -> engine -> screen -> query -> cli, with engine and screen needing only the model.
Every import counts, including those deferred into functions and those made only for type checking.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sanctiontrack

PACKAGE = Path(sanctiontrack.__file__).parent

ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "io": {"model"},
    "checks": {"model", "io"},
    "engine": {"model"},
    "screen": {"model"},
    "store": {"model", "io", "engine", "screen"},
    "query": {"model", "io", "checks", "engine", "screen", "store"},
    "cli": {"model", "io", "checks", "engine", "screen", "store", "query"},
}


def layer_of(module: Path) -> str:
    parts = module.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def imported_layers(module: Path) -> set[tuple[str, int]]:
    """(layer, line) of every import of sanctiontrack's own layers in a module."""
    return layers_in(module.read_text(), module.relative_to(PACKAGE).parent.parts)


def layers_in(source: str, package: tuple[str, ...]) -> set[tuple[str, int]]:
    """(layer, line) of every import of sanctiontrack's layers in ``source``, a module of ``package``."""
    tree = ast.parse(source)
    found: set[tuple[str, int]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1]) if node.level <= len(package) + 1 else []
                target = [*base, *(node.module.split(".") if node.module else [])]
                if not target:  # "from .. import x" at the top: x is a layer or a top-level module
                    target = [alias.name for alias in node.names][:1]
            elif node.module and node.module.split(".")[0] == "sanctiontrack":
                target = node.module.split(".")[1:] or [alias.name for alias in node.names][:1]
            else:
                continue
            if target:
                found.add((target[0], node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "sanctiontrack" and len(parts) > 1:
                    found.add((parts[1], node.lineno))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if layer_of(p))


def test_every_module_lives_in_a_known_layer() -> None:
    assert {layer_of(m) for m in MODULES} <= set(ALLOWED)
    assert {p.name for p in PACKAGE.glob("*.py")} == {"__init__.py", "__main__.py"}, "modules belong in a layer folder"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: str(m.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(module: Path) -> None:
    own = layer_of(module)
    wrong = sorted(
        (layer, line) for layer, line in imported_layers(module) if layer != own and layer in ALLOWED and layer not in ALLOWED[own]
    )
    assert not wrong, f"{module.relative_to(PACKAGE)} ({own}) imports " + ", ".join(f"{layer} (line {line})" for layer, line in wrong)


def test_layer_packages_import_nothing_at_start_up() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        tree = ast.parse(init.read_text())
        assert all(isinstance(node, ast.Expr) for node in tree.body), f"{init.relative_to(PACKAGE)} must hold only a docstring"


def test_the_checker_sees_every_form_of_import() -> None:
    """The rule is real: relative, absolute, deferred and type-checking imports are all seen."""
    source = (
        "from ..query.tracker import Tracker\n"
        "import sanctiontrack.cli.app\n"
        "def f():\n    from sanctiontrack.engine import semantics\n"
        "if TYPE_CHECKING:\n    from .. import checks\n"
    )
    assert layers_in(source, ("model",)) == {("query", 1), ("cli", 2), ("engine", 4), ("checks", 6)}
