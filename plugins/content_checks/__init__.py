"""Pelican plugin: checks across all content, after every model validated
its own files: duplicate URLs, links and images that lead nowhere, insecure
links, very large images and over-long summaries. It is the gate: listed
before the plugins that build from the content, it stops the build when
any content error was found."""

from __future__ import annotations

from pelican import signals

from content_checks.rules import check_all
from problems import log_problems, reset_errors, stop_if_errors


def start(pelican) -> None:
    reset_errors()


def run(generators) -> None:
    """The last rules; then the build stops if any rule found an error, so
    later steps (index, feeds, pages) never work on content known wrong."""
    log_problems(check_all(generators[0].context, generators[0].settings))
    stop_if_errors()


def register() -> None:
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(run)
