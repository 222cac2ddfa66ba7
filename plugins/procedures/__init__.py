"""Pelican plugin: administrative procedure guides (content/thu-tuc/): their
pages, the index grouped by field, and views by level and online service."""

from __future__ import annotations

from pelican import signals

from portal import connect
from portal.state import Step
from procedures.generator import ProcedureGenerator, link_units

STEPS = [Step("link", "procedure-units", link_units)]


def add_generator(pelican):
    return ProcedureGenerator


def register() -> None:
    connect()
    signals.get_generators.connect(add_generator)
