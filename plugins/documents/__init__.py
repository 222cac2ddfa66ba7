"""Pelican plugin: the library of legal documents (content/van-ban/): the
table with its filters, listings by type and year, each document with its
files, drafts put out for comment, and the links from every number cited in
content to its document."""

from __future__ import annotations

from pelican import signals

from documents.citations import cited_numbers, link_citations, link_documents
from documents.generator import DocumentGenerator
from portal import connect
from portal.state import Step

STEPS = [Step("link", "document-citations", link_documents)]
# The numbers each body cites, found by the conversion workers.
DERIVED = {"document-numbers": cited_numbers}


def add_generator(pelican):
    return DocumentGenerator


def add_filters(generator) -> None:
    generator.env.filters["link_citations"] = link_citations


def register() -> None:
    connect()
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_filters)
