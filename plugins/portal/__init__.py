"""Pelican plugin: the portal's build backbone, which every other portal
plugin relies on:

- one build-state object per build (state.py), shared through the settings;
- the reader of Markdown sources (reader.py, reading.py);
- the build's steps in declared stages (steps.py), so plugins never depend
  on their order in PLUGINS;
- the writer that renders pages on every core (writer.py);
- the one maker of links from metadata, and the `tel` and `mailto`
  template filters (links.py).

Every portal plugin calls `connect()` from its own register(): connecting is
idempotent, so the backbone is there whichever plugin Pelican loads first.
"""

from __future__ import annotations

import os

from pelican import signals

from portal import links, reader, steps, writer
from portal.state import Step, state_of


def end_preview(pelican) -> None:
    """Remove the pages the last preview build wrote that this one did not."""
    state = state_of(pelican.settings)
    if state.preview is None:
        return
    for path in state.preview.finish():
        for stale in (path, path + ".gz"):
            if os.path.exists(stale):
                os.unlink(stale)


STEPS = [
    Step("initialized", "convert-ahead", reader.convert_ahead),
    Step("render", "render-pages", writer.render_pages),
    Step("finish", "preview-stale", end_preview),
]


def connect() -> None:
    signals.readers_init.connect(reader.use_reader)
    signals.initialized.connect(steps.on_initialized)
    signals.all_generators_finalized.connect(steps.on_content_ready)
    signals.get_writer.connect(writer.use_writer)
    signals.finalized.connect(steps.on_finalized)
    signals.generator_init.connect(links.add_filters)


def register() -> None:
    connect()
