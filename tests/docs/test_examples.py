"""Every example in the hand-written documentation pages runs and shows what it claims.

- ```` ```pycon ```` blocks run as doctests, one namespace per page, in page order;
- ```` ```python ```` blocks are executed (one namespace per page);
- ```` ```console ```` blocks: each ``$ sanctiontrack ...`` command runs in a scratch folder that
  holds the page's ```` ```yaml title="file" ```` blocks (and links to ``data/`` and ``seeds/``),
  and its output is compared with the text shown (``...`` matches anything; whitespace is
  normalized). Commands that install or build (``python3 -m venv``, ``mkdocs``), and commands
  shown without output, are not run;
- ```` ```text title="seeds/..." ```` blocks quote a seed: every line must be in that seed file;
- titled YAML snippets for other repositories (workflows, pre-commit) must parse.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
import yaml

from .conftest import DOCS, ROOT

#: The hand-written pages (generated pages are written by docs/gen_pages.py at build time).
PAGES = sorted(p for p in DOCS.glob("*.md"))
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>[\w+-]*)(?P<attrs>.*)$")
_TITLE = re.compile(r'title="([^"]+)"')


@attrs.frozen
class Block:
    """One fenced code block of a page."""

    page: Path
    line: int
    lang: str
    title: str | None
    body: str


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, dedented (blocks inside admonitions count too)."""
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        indent, fence = match.group("indent"), match.group("fence")
        title = _TITLE.search(match.group("attrs"))
        body: list[str] = []
        start = index + 1
        index += 1
        while index < len(lines) and lines[index].strip() != fence:
            body.append(lines[index][len(indent) :] if lines[index].startswith(indent) else lines[index].lstrip())
            index += 1
        found.append(Block(page, start, match.group("lang"), title.group(1) if title else None, "\n".join(body) + "\n"))
        index += 1
    return found


def _ids(pages: list[Path]) -> list[str]:
    return [p.name for p in pages]


def _commands(block: Block) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:].strip(), []))
        elif pairs:
            pairs[-1][1].append(line)
    return [(command, "\n".join(output).strip("\n")) for command, output in pairs]


def _runnable(command: str) -> list[str] | None:
    """The argument vector of a sanctiontrack command, or None for commands the test does not run."""
    argv = shlex.split(command)
    if not argv or any(token in ("&&", "|", ";", ">") for token in argv):
        return None
    program = Path(argv[0]).name
    if program != "sanctiontrack":
        return None
    return [sys.executable, "-m", "sanctiontrack", *argv[1:]]


def _with(predicate: object) -> list[Path]:
    """The pages having at least one block the predicate accepts (so tests are collected only where they apply)."""
    return [page for page in PAGES if any(predicate(b) for b in blocks(page))]  # type: ignore[operator]


def _is_sanctiontrack_console(block: Block) -> bool:
    return block.lang == "console" and any(_runnable(command) and expected for command, expected in _commands(block))


PYCON_PAGES = _with(lambda b: b.lang == "pycon")
PYTHON_PAGES = _with(lambda b: b.lang in ("python", "py"))
CONSOLE_PAGES = _with(_is_sanctiontrack_console)
EXCERPT_PAGES = _with(lambda b: b.lang == "text" and b.title is not None and b.title.startswith("seeds/"))
YAML_PAGES = _with(lambda b: b.lang == "yaml" and (b.title is not None or "repos:" in b.body))


def test_pages_are_found() -> None:
    names = {p.name for p in PAGES}
    assert {"index.md", "getting-started.md", "concepts.md", "curating.md", "terminology.md", "scope.md", "data-format.md"} <= names


@pytest.mark.parametrize("page", PYCON_PAGES, ids=_ids(PYCON_PAGES))
def test_pycon_examples(page: Path) -> None:
    examples = [b for b in blocks(page) if b.lang == "pycon"]
    if not examples:
        pytest.skip("no pycon examples")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {"__name__": f"docs_{page.stem.replace('-', '_')}"}
    for block in examples:
        test = parser.get_doctest(block.body, globs, f"{page.name}:{block.line}", str(page), block.line)
        runner.run(test, out=sys.stdout.write, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block of the page
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {page.name} (see the captured output)"


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=_ids(PYTHON_PAGES))
def test_python_blocks_run(page: Path) -> None:
    code = [b for b in blocks(page) if b.lang in ("python", "py")]
    if not code:
        pytest.skip("no python blocks")
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for block in code:
        exec(compile(block.body, f"{page.name}:{block.line}", "exec"), namespace)


@pytest.mark.parametrize("page", CONSOLE_PAGES, ids=_ids(CONSOLE_PAGES))
def test_console_examples(page: Path, tmp_path: Path) -> None:
    page_blocks = blocks(page)
    consoles = [b for b in page_blocks if b.lang == "console"]
    # Commands shown without output are illustrations (their output depends on the data of the day).
    runs = [(b, command, expected) for b in consoles for command, expected in _commands(b) if _runnable(command) and expected]
    if not runs:
        pytest.skip("no sanctiontrack commands")
    for block in page_blocks:
        if block.lang == "yaml" and block.title and "/" not in block.title:
            (tmp_path / block.title).write_text(block.body, encoding="utf-8")
    for name in ("data", "seeds"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "SANCTIONTRACK_DATA")}
    env["COLUMNS"] = "100"
    checker = doctest.OutputChecker()
    failures = []
    for block, command, expected in runs:
        argv = _runnable(command)
        assert argv is not None
        result = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
        got = (result.stdout + result.stderr).strip("\n")
        if not checker.check_output(expected + "\n", got + "\n", FLAGS):
            failures.append(
                f"{page.name}:{block.line}: $ {command}\n--- expected\n{expected}\n--- got (exit {result.returncode})\n{got[:3000]}"
            )
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("page", EXCERPT_PAGES, ids=_ids(EXCERPT_PAGES))
def test_seed_excerpts_are_verbatim(page: Path) -> None:
    excerpts = [b for b in blocks(page) if b.lang == "text" and b.title and b.title.startswith("seeds/")]
    if not excerpts:
        pytest.skip("no seed excerpts")
    for block in excerpts:
        seed = ROOT / block.title.split(",")[0]  # type: ignore[union-attr]
        text = seed.read_text(encoding="utf-8")
        missing = [line for line in block.body.splitlines() if line.strip() and line not in text]
        assert not missing, f"{page.name}:{block.line}: not in {seed.name}: {missing}"


@pytest.mark.parametrize("page", YAML_PAGES, ids=_ids(YAML_PAGES))
def test_titled_yaml_parses(page: Path) -> None:
    titled = [b for b in blocks(page) if b.lang == "yaml" and b.title]
    untitled_snippets = [b for b in blocks(page) if b.lang == "yaml" and "repos:" in b.body]
    if not titled and not untitled_snippets:
        pytest.skip("no titled YAML")
    for block in [*titled, *untitled_snippets]:
        assert yaml.safe_load(block.body) is not None, f"{page.name}:{block.line}"


def test_setup_commands_match_the_readme() -> None:
    """Getting started shows the README's two set-up commands, character for character."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    fenced = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, flags=re.S)
    commands = [line.strip() for block in fenced for line in block.splitlines()]
    setup = [c.removeprefix("$ ") for c in commands if c.removeprefix("$ ").startswith("python3 -m venv")]
    if not setup:
        pytest.skip("the README shows no set-up commands")
    shown = [command for block in blocks(DOCS / "getting-started.md") if block.lang == "console" for command, _ in _commands(block)]
    assert [c for c in setup if c not in shown] == []


def test_documented_hook_matches_the_hook_file() -> None:
    """The hook id the curating page documents is the one `.pre-commit-hooks.yaml` defines."""
    documented = {
        hook["id"]
        for block in blocks(DOCS / "curating.md")
        if block.lang == "yaml" and "repos:" in block.body
        for repo in yaml.safe_load(block.body)["repos"]
        for hook in repo["hooks"]
    }
    assert documented == {"sanctiontrack-validate"}
    hooks_file = ROOT / ".pre-commit-hooks.yaml"
    if not hooks_file.is_file():
        pytest.skip(".pre-commit-hooks.yaml is not in the repository yet")
    defined = {hook["id"] for hook in yaml.safe_load(hooks_file.read_text(encoding="utf-8"))}
    assert documented <= defined


def test_readme_example_runs_and_prints_what_it_says(capsys: pytest.CaptureFixture[str]) -> None:
    readme = ROOT / "README.md"
    python = [b for b in blocks(readme) if b.lang == "python"]
    assert len(python) == 1
    assert len(python[0].body.strip().splitlines()) <= 10
    exec(compile(python[0].body, f"README.md:{python[0].line}", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "True"
    assert printed[1].startswith("us-bis-2019-xinjiang-entity-list named ['buying U.S.-made medical supplies")
    assert any(line.startswith("us-commerce-2020-wechat-identification suspended") for line in printed)
