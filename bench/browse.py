"""A built site served locally and Debian's Chromium pointed at it: what
every browser benchmark starts from."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from site_tools.serve import serve_in_background

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def browsing(site: Path) -> Iterator[tuple[Browser, str]]:
    """(browser, base URL) while `site` is served on a free local port."""
    from playwright.sync_api import sync_playwright

    server = serve_in_background(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            try:
                yield browser, f"http://127.0.0.1:{server.server_address[1]}"
            finally:
                browser.close()
    finally:
        server.shutdown()
