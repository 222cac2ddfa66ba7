"""Shared fixtures: the sample site built once per session, and small fixture
sites written into temporary folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from site_tools import nginx
from site_tools.build import build
from tests.helpers import BuiltSite, write_content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuiltSite:
    output = tmp_path_factory.mktemp("sample") / "output"
    build(ROOT / "content", output)
    return BuiltSite(output)


@pytest.fixture
def fixture_site(tmp_path) -> Callable[[dict[str, str]], BuiltSite]:
    """Build a small site from the given files; raises BuildFailed on errors."""

    def make(files: dict[str, str], output: Path | None = None, **settings) -> BuiltSite:
        content = write_content(tmp_path, files)
        target = output or tmp_path / "output"
        build(content, target, **settings)
        return BuiltSite(target)

    return make


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def site_url(sample_site):
    """The sample site served by nginx with deploy/nginx/portal.conf, as in
    production, on a free loopback port."""
    server = nginx.start(sample_site.output)
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page; console errors and page errors are collected in
    page.problems and must be empty when the test ends."""
    context = browser.new_context()
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))
    yield tab
    problems = tab.problems
    context.close()
    assert problems == []
