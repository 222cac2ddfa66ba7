"""Pelican plugin: Vietnamese text everywhere.

- every Markdown source is NFC-normalised as it is read;
- slugs of content, tags and authors come from `text.slugify`;
- templates get the date and collation filters.
"""

from __future__ import annotations

import os

from pelican import signals
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open

from vietnamese import reading, text


class NFCMarkdownReader(MarkdownReader):
    """Markdown reader that normalises the source to NFC before parsing, so
    metadata (tags, categories) and body compare equal whatever the editor's
    tool produced, and typesets it (Pelican's own typogrify pass stays off so the
    work can run in worker processes, see reading.py)."""

    def read(self, source_path):
        self._source_path = source_path
        if not hasattr(self, "_converter"):
            # One converter per reader, not per file (Pelican makes a new one
            # each time); fields get their own, without the meta extension.
            self._converter = reading.new_converter(self.settings)
            self._fields = reading.new_converter(self.settings, metadata=False)
        done = _converted.pop(os.path.abspath(source_path), None)
        if done is None:
            with pelican_open(source_path) as source:
                done = reading.convert(source, self.settings, self._converter, self._fields)
        metadata = self._parse_metadata(done.meta)
        for key in ("title", "summary"):
            if getattr(done, key) is not None:
                metadata[key] = getattr(done, key)
        if "slug" not in metadata and "title" in metadata:
            # Our slug, given as metadata so Pelican does not compute its own.
            metadata["slug"] = text.slugify(metadata["title"])
            metadata[SLUG_FROM_TITLE] = True
        metadata["body_notes"] = done.notes
        return done.html, metadata

    def _parse_metadata(self, meta):
        """Pelican's metadata parsing for the keys left once title and
        summary are rendered (reading.convert)."""
        output = {}
        for name, value in meta.items():
            name = name.lower()
            if len(value) > 1 and DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output


# Sources converted ahead by worker processes: absolute path → Converted.
_converted: dict[str, reading.Converted] = {}


def convert_ahead(pelican) -> None:
    """Convert every Markdown source of the site on all cores before the
    generators read them one by one."""
    settings = pelican.settings
    root = settings["PATH"]
    folders = {
        *settings["ARTICLE_PATHS"],
        *settings["PAGE_PATHS"],
        *settings.get("PROCEDURE_PATHS", []),
        *settings.get("CONTACT_PATHS", []),
    }
    paths = [
        os.path.join(folder_root, name)
        for folder in folders
        for folder_root, _, names in os.walk(os.path.join(root, folder))
        for name in names
        if name.endswith(tuple(NFCMarkdownReader.file_extensions))
    ]
    _converted.clear()
    cache = os.path.join(settings["CACHE_PATH"], "ArticlesGenerator-Readers")
    if settings["LOAD_CONTENT_CACHE"] and os.path.exists(cache):
        return  # a rebuild: the content cache serves unchanged files
    if settings.get("PORTAL_PREVIEW_KEEPS_CONTENT"):
        return  # a preview that kept last build's objects reads only edited files
    _converted.update(reading.preconvert(paths, settings))


def use_nfc_reader(readers) -> None:
    for extension in NFCMarkdownReader.file_extensions:
        readers.reader_classes[extension] = NFCMarkdownReader


# Metadata flag: the slug was made from the title, not written by the editor.
SLUG_FROM_TITLE = "slug_from_title"


def assign_slugs(content) -> None:
    """Slugs from our own rules unless the editor wrote `Slug:` (content read
    by our reader already has its slug; other readers' content gets it here)."""
    if getattr(content, "title", None) and "slug" not in content.metadata:
        content.slug = text.slugify(content.title)
    for tag in getattr(content, "tags", None) or []:
        tag.slug = text.slugify(tag.name)
    for author in getattr(content, "authors", None) or []:
        author.slug = text.slugify(author.name)
    if getattr(content, "title", None):
        # The slug is final now; Pelican would rebuild the URL from settings on
        # every access (thousands of times per listing page).
        content.override_url = content.url


def add_filters(generator) -> None:
    generator.env.filters.update(
        vi_date=text.format_date,
        vi_slug=text.slugify,
        tel=text.tel_href,
        vi_sort=lambda items, attribute=None: text.sort_vi(
            items, key=(lambda item: str(getattr(item, attribute))) if attribute else str
        ),
    )


def register() -> None:
    signals.readers_init.connect(use_nfc_reader)
    signals.initialized.connect(convert_ahead)
    signals.content_object_init.connect(assign_slugs)
    signals.generator_init.connect(add_filters)
