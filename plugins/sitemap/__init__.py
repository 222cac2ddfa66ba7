"""Pelican plugin: `sitemap.xml` of every written page, with lastmod taken
from content dates (never the clock, so builds stay reproducible)."""

from __future__ import annotations

from portal import connect
from portal.state import Step, state_of
from sitemap.entries import render_sitemap


def write(pelican) -> None:
    settings = pelican.settings
    state = state_of(settings)
    state.files["sitemap.xml"] = render_sitemap(
        state.pages, settings["OUTPUT_PATH"], settings["SITE_CANONICAL_URL"]
    )


STEPS = [Step("write", "sitemap", write)]


def register() -> None:
    connect()
