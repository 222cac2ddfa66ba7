"""Pelican plugin: Vietnamese text everywhere.

- every Markdown source is NFC-normalised as it is read;
- slugs of content, tags and authors come from `text.slugify`;
- templates get the date and collation filters.
"""

from __future__ import annotations

import html

from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from vietnamese import text


class NFCMarkdownReader(MarkdownReader):
    """Markdown reader that normalises the source to NFC before parsing, so
    metadata (tags, categories) and body compare equal whatever the editor's
    tool produced."""

    def read(self, source_path):
        from markdown import Markdown

        self._source_path = source_path
        self._md = Markdown(**self.settings["MARKDOWN"])
        with pelican_open(source_path) as source:
            content = self._md.convert(text.nfc(source))
        # A key left empty (as `invoke new` writes optional ones) means "not set".
        raw = {k: v for k, v in getattr(self._md, "Meta", {}).items() if "".join(v).strip()}
        metadata = self._parse_metadata(raw)
        if isinstance(metadata.get("title"), str):
            # A title is plain text: markup typed into it is shown, never run.
            metadata["title"] = html.escape(metadata["title"], quote=False)
        return content, metadata


def use_nfc_reader(readers) -> None:
    for extension in NFCMarkdownReader.file_extensions:
        readers.reader_classes[extension] = NFCMarkdownReader


def assign_slugs(content) -> None:
    """Slugs from our own rules unless the editor wrote `Slug:`."""
    if getattr(content, "title", None) and "slug" not in content.metadata:
        content.slug = text.slugify(content.title)
    for tag in getattr(content, "tags", None) or []:
        tag.slug = text.slugify(tag.name)
    for author in getattr(content, "authors", None) or []:
        author.slug = text.slugify(author.name)


def add_filters(generator) -> None:
    generator.env.filters.update(
        vi_date=text.format_date,
        vi_slug=text.slugify,
        vi_sort=lambda items, attribute=None: text.sort_vi(
            items, key=(lambda item: _attr(item, attribute)) if attribute else str
        ),
    )


def _attr(item, dotted: str):
    for name in dotted.split("."):
        item = item[int(name)] if name.isdigit() else getattr(item, name)
    return str(item)


def register() -> None:
    signals.readers_init.connect(use_nfc_reader)
    signals.content_object_init.connect(assign_slugs)
    signals.generator_init.connect(add_filters)
