"""Pelican plugin: pages rendered on every core.

Pelican renders and writes each page as its generators ask for it, one at a
time. This writer lets Pelican do all its bookkeeping (pagination, duplicate
checks, the content_written signal) but only notes what each page needs;
when the generators are done it forks one process per extra core and the
processes render and write their share. Must come first in PLUGINS: its
`finalized` receiver has to run before those that read the written pages.
"""

from __future__ import annotations

from pelican import signals

from parallel_writer.writer import ParallelWriter, flush_all


def use_parallel_writer(pelican):
    # A preview session brings its own subclass (plugins/preview_session).
    return None if pelican.settings.get("PORTAL_PREVIEW_SESSION") else ParallelWriter


def flush(pelican) -> None:
    flush_all(pelican.settings["OUTPUT_PATH"])


def register() -> None:
    signals.get_writer.connect(use_parallel_writer)
    signals.finalized.connect(flush)
