"""Pelican plugin: JSON-LD (schema.org) filters for templates."""

from __future__ import annotations

from markupsafe import Markup
from pelican import signals

from jsonld import schema


def add_filters(generator) -> None:
    base = generator.settings["SITE_CANONICAL_URL"]
    owner = generator.settings["SITE_IDENTITY"]["owner"]
    generator.env.filters.update(
        jsonld_organization=lambda contact: Markup(
            schema.to_script(schema.organization(contact, base))
        ),
        jsonld_legislation=lambda document: Markup(
            schema.to_script(schema.legislation(document, base))
        ),
        jsonld_service=lambda procedure: Markup(
            schema.to_script(schema.service(procedure, base, owner))
        ),
    )


def register() -> None:
    signals.generator_init.connect(add_filters)
