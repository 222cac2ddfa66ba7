"""Pelican plugin: administrative procedure guides (content/thu-tuc/): their
pages, the index grouped by field, and views by level and online service."""

from __future__ import annotations

from pelican import signals

from procedures.generator import ProcedureGenerator


def add_generator(pelican):
    return ProcedureGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)
