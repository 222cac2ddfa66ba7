"""Pelican plugin: checks across all content, after every model validated
its own files: duplicate URLs, links and images that lead nowhere, insecure
links, very large images and over-long summaries."""

from __future__ import annotations

from pelican import signals

from content_checks.rules import check_all
from problems import log_problems


def run(generators) -> None:
    log_problems(check_all(generators[0].context, generators[0].settings))


def register() -> None:
    signals.all_generators_finalized.connect(run)
