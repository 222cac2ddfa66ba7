"""Pelican plugin: checks across all content, after every model validated
its own files: duplicate URLs, links and images that lead nowhere, insecure
links, very large images and over-long summaries. They run at the "check"
stage, before the gate that stops a build with content errors."""

from __future__ import annotations

from content_checks.links import links_of
from content_checks.rules import check_all
from portal import connect
from portal.state import Step, state_of


def run(generators) -> None:
    context, settings = generators[0].context, generators[0].settings
    state_of(settings).add_problems(check_all(context, settings))


STEPS = [Step("check", "content-checks", run)]
# Made from each body while sources are converted (portal.reading.derive).
DERIVED = {"links": links_of}


def register() -> None:
    connect()
