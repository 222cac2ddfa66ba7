"""Pelican plugin: `sitemap.xml` of every written page, with lastmod taken
from content dates (never the clock, so builds stay reproducible)."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from sitemap.entries import SitemapCollector

_collector = SitemapCollector()


def start(pelican) -> None:
    _collector.reset(pelican.settings)


def record(path: str, context: dict) -> None:
    _collector.record(path, context)


def write(pelican) -> None:
    target = Path(pelican.settings["OUTPUT_PATH"]) / "sitemap.xml"
    target.write_text(_collector.render(), encoding="utf-8")


def register() -> None:
    signals.initialized.connect(start)
    signals.content_written.connect(record)
    signals.finalized.connect(write)
