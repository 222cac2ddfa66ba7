"""Pelican plugin: links in content to files offered for download (forms in
content/files, a document's files in content/van-ban/files) say their kind
and size and download the file; a link to a missing file, a refused kind or
a file over the size limit is an error at its line (attachments/links.py)."""

from __future__ import annotations

from pelican import signals

from attachments.links import file_hrefs, label_attachments, link_files
from portal import connect
from portal.state import Step

STEPS = [Step("link", "file-links", link_files)]
# The hrefs each body links that may lead to a file, found by the conversion workers.
DERIVED = {"file-links": file_hrefs}


def add_filters(generator) -> None:
    generator.env.filters["label_attachments"] = label_attachments


def register() -> None:
    connect()
    signals.generator_init.connect(add_filters)
