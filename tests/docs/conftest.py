"""Fixtures for the documentation tests: the built site, a local server, and headless Chromium.

The site is built once per session with ``mkdocs build --strict`` into a temporary folder, unless
``SANCTIONTRACK_SITE_DIR`` names a folder that already holds a build (``.ci/run`` builds it first).
The browser is Debian's Chromium, found on ``PATH``; no browser is ever downloaded. Without it the
browser tests are skipped, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sanctiontrack

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if str(DOCS) not in sys.path:
    sys.path.insert(0, str(DOCS))


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _unavailable(reason: str) -> None:
    """Skip, or fail under CI=true, when a browser-test prerequisite is missing."""
    if _in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def tracker() -> sanctiontrack.Tracker:
    """The bundled dataset as the site generator sees it: the curated records (no page per listed party)."""
    return sanctiontrack.load(official=False)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build of the site: ``$SANCTIONTRACK_SITE_DIR`` if set, else built now."""
    given = os.environ.get("SANCTIONTRACK_SITE_DIR")
    if given:
        folder = Path(given)
        if not (folder / "index.html").is_file():
            pytest.fail(f"SANCTIONTRACK_SITE_DIR={given} holds no built site (no index.html)")
        return folder
    folder = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({result.returncode}):\n{result.stderr[-6000:]}")
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served on localhost for the session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (skipped, or failed under CI, if absent)."""
    executable = shutil.which("chromium")
    if executable is None:
        _unavailable("Chromium is not installed (Debian: apt-get install -y chromium); browser tests need it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[docs]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class Tab:
    """A browser page with the console messages and page errors it has seen."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.messages: list[tuple[str, str]] = []
        page.on("console", lambda message: self.messages.append((message.type, message.text)))
        page.on("pageerror", lambda error: self.messages.append(("pageerror", str(error))))

    @property
    def errors(self) -> list[str]:
        """Console errors and uncaught exceptions, in the order seen."""
        return [text for kind, text in self.messages if kind in ("error", "pageerror")]

    def screenshot(self, name: str) -> Path:
        """Save a screenshot of the viewport under test-results/screenshots/."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def tab(browser: Any, request: pytest.FixtureRequest) -> Iterator[Tab]:
    """A fresh page in its own context; a screenshot named after the test is saved at the end."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = Tab(context.new_page())
    try:
        yield opened
    finally:
        try:
            opened.screenshot(request.node.name)
        finally:
            context.close()
