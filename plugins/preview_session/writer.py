"""The preview's writer: a page whose inputs did not change since the last
build is neither laid out nor rendered; the file already there stays."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from pelican import signals

from parallel_writer.writer import ParallelWriter
from preview_session.fingerprint import Stamps, fingerprint
from preview_session.session import session_for

# Pages that show site-wide lists (home, indexes, counts): always rendered.
ALWAYS = {
    "home.html",
    "404.html",
    "robots.txt",
    "feeds.html",
    "tags.html",
    "categories.html",
    "authors.html",
    "procedures.html",
    "procedure_list.html",
    "contacts.html",
}
GLOBAL_KEYS = ("PORTAL_CSS", "PORTAL_JS", "SEARCH_INDEX_URL", "SITEURL", "PREVIEW")
# What a listing page shows besides its own items.
LISTING_KEYS = ("category", "tag", "author", "page_name", "url")


def theme_digest(theme: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(theme).rglob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def settings_digest(settings: dict) -> str:
    """Every setting as this process sees it: an edited pelicanconf.py
    (re-read by each preview build) re-renders every page."""
    shown = sorted((k, repr(v)) for k, v in settings.items() if k != "PORTAL_PREVIEW_KEEPS_CONTENT")
    return hashlib.sha256(repr(shown).encode()).hexdigest()


class PreviewWriter(ParallelWriter):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.session = session_for(self.settings)
        self.previous = dict(self.session.writes)
        self.current: dict[str, tuple[Any, list]] = {}
        self.stamps = Stamps()
        self.base = (theme_digest(self.settings["THEME"]), settings_digest(self.settings))
        self._recording: list | None = None
        self.page_keys: dict[str, Any] = {}

    def write_file(self, name, template, context, *args, **kwargs):
        key = None
        if template.name not in ALWAYS:
            site = tuple(str(context.get(k)) for k in GLOBAL_KEYS)
            key = (self.base, site, template.name, name, args, fingerprint(kwargs, self.stamps))
            before = self.previous.get(name)
            if before and before[0] == key and all(os.path.exists(p) for p, _ in before[1]):
                for path, localcontext in before[1]:
                    self._written_files.add(path)
                    signals.content_written.send(path, context=localcontext)
                self.current[name] = before
                return None
        self._recording = []
        result = super().write_file(name, template, context, *args, **kwargs)
        self.current[name] = (key, self._recording)
        self._recording = None
        return result

    def note_job(self, path: str, localcontext: dict) -> None:
        if self._recording is not None:
            self._recording.append((path, localcontext))
        # One page of a listing: unchanged when its own items are, even if
        # another page of the same listing changed.
        pages = [localcontext[k] for k in ("articles_page", "dates_page") if localcontext.get(k)]
        if pages:
            key = (
                self.base,
                tuple(str(localcontext.get(k)) for k in GLOBAL_KEYS),
                localcontext.get("template_name"),
                tuple(
                    (p.number, p.paginator.num_pages, fingerprint(p.object_list, self.stamps))
                    for p in pages
                ),
                fingerprint(
                    {k: v for k, v in localcontext.items() if k in LISTING_KEYS}, self.stamps
                ),
            )
            self.page_keys[path] = key

    def unchanged(self, path: str) -> bool:
        key = self.page_keys.get(path)
        return key is not None and self.session.pages.get(path) == key and os.path.exists(path)

    def finish(self) -> None:
        """Remove pages that are no longer produced; remember this build."""
        kept = {p for _, records in self.current.values() for p, _ in records}
        for _, records in self.previous.values():
            for path, _ in records:
                if path not in kept:
                    for stale in (path, path + ".gz"):
                        if os.path.exists(stale):
                            os.unlink(stale)
        self.session.writes = self.current
        self.session.pages = self.page_keys
