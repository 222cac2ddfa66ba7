"""Pelican plugin: the contact directory of city agencies, the one-stop desk
and the wards (content/lien-he/), with English translations."""

from __future__ import annotations

from pelican import signals

from contacts.generator import ContactGenerator
from portal import connect


def add_generator(pelican):
    return ContactGenerator


def register() -> None:
    connect()
    signals.get_generators.connect(add_generator)
