"""A preview that stays up while an editor works (site_tools/preview.py):
after the first build, a page is rendered again only when what its template
reads changed.

What a template reads is found from the template itself (jinja2.meta: the
variables it and every template it extends, includes or imports use), and
each of those values is fingerprinted in full: a content object by its
source bytes, its rendered content and every public attribute plugins gave
it. No list of attributes or templates is kept by hand: a plugin that
attaches a new attribute, shown by a template, is fingerprinted with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
import uuid
from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import meta
from pelican.contents import Content
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

from portal.state import BUILD_STATE_KEY, PageRecord, state_of

# Not fingerprinted per object: the site's settings (once per build, in the
# base) and a content object's metadata, which Pelican also sets as
# attributes when it makes the object (those are fingerprinted).
PLUMBING = frozenset({"settings", "metadata"})
PLAIN = frozenset({str, int, float, bool, type(None)})
# What Pelican gives each page of a listing besides the listing's own inputs
# (and makes from them): the page's file and, per paginated list, its pages.
PAGE_OF_LISTING = ("_paginator", "_page", "_previous_page", "_next_page")


@dataclass
class PreviewMemory:
    """What a preview keeps between builds: each source's conversion and
    each page's fingerprint."""

    converted: dict[str, Any] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    # What each template reads, by (theme and settings digest, template name).
    reads: dict[tuple[str, str], frozenset[str] | None] = field(default_factory=dict)
    # Each listing's fingerprint and its pages, by the listing's first page.
    listings: dict[str, tuple[str, list[PageRecord]]] = field(default_factory=dict)


def digest(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def theme_digest(theme: str) -> str:
    h = hashlib.sha256()
    for path in sorted(Path(theme).rglob("*")):
        if path.is_file():
            h.update(path.as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def settings_digest(settings: dict[str, Any]) -> str:
    """Every setting as this process sees it: an edited pelicanconf.py (read
    again by each preview build) renders every page again."""
    shown = sorted((k, repr(v)) for k, v in settings.items() if k != BUILD_STATE_KEY)
    return digest(shown)


class _Unknown(Exception):
    """A value the preview cannot describe: its page is always rendered."""


def _public(value: Any) -> list[tuple[str, Any]]:
    """What a template can read of an object: its public attributes."""
    return [
        (name, item)
        for name, item in sorted(vars(value).items())
        if not name.startswith("_") and name not in PLUMBING
    ]


def _stands_for(fingerprint: str) -> str:
    """What an object inside a pickled value is replaced with."""
    return fingerprint


class _Pickler(pickle.Pickler):
    """Pickles a value (always a list) for its fingerprint; every object
    with attributes inside it (content, terms, paginators, links…) stands as
    its own fingerprint, computed once per build. Plain values and plain
    containers never reach `reducer_override`: they are pickled in C."""

    def __init__(self, file: io.BytesIO, build: PreviewBuild) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.build = build

    def reducer_override(self, obj: Any) -> Any:
        if obj is _stands_for or isinstance(obj, type):
            return NotImplemented  # pickled by name
        if isinstance(obj, (dt.tzinfo, Paginator, URLWrapper, Content)) or hasattr(obj, "__dict__"):
            return _stands_for, (self.build.of(obj),)
        return NotImplemented


class PreviewBuild:
    """One preview build: fingerprints of this build's pages, compared with
    the last build's (in `memory`)."""

    def __init__(self, memory: PreviewMemory, settings: dict[str, Any]) -> None:
        self.memory = memory
        self.base = digest(theme_digest(settings["THEME"]), settings_digest(settings))
        self.pages: dict[str, str] = {}
        self.listings: dict[str, tuple[str, list[PageRecord]]] = {}
        self.kept: set[str] = set()
        self._memo: dict[int, tuple[Any, str | None]] = {}

    # --- what a template reads -------------------------------------------
    def reads(self, template: Any) -> frozenset[str] | None:
        """Variables `template` may read, or None when that cannot be known
        (a template name computed at render time)."""
        key = (self.base, template.name)
        if key not in self.memory.reads:
            env = template.environment
            names: set[str] = set()
            seen: set[str] = set()
            todo = [template.name]
            known = True
            while todo:
                name = todo.pop()
                if name in seen:
                    continue
                seen.add(name)
                source = env.loader.get_source(env, name)[0]
                ast = env.parse(source)
                names |= meta.find_undeclared_variables(ast)
                for other in meta.find_referenced_templates(ast):
                    if other is None:
                        known = False
                    else:
                        todo.append(other)
            self.memory.reads[key] = frozenset(names) if known else None
        return self.memory.reads[key]

    # --- fingerprints ------------------------------------------------------
    def of(self, value: Any) -> str:
        """A string that changes whenever `value` does. Values are pickled
        (in C: thousands per page), with each content object, taxonomy term,
        paginator and other object standing as its own fingerprint, so a
        listing of thousands stays short and each object is hashed once."""
        if value is None or isinstance(value, (str, int, float, bool)):
            return repr(value)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, dt.tzinfo):
            return str(value)
        known = self._memo.get(id(value))
        if known is not None:
            # A cycle (a contact listing the procedures that list it) ends
            # at the object's own identity.
            return self._identity(value) if known[1] is None else known[1]
        self._memo[id(value)] = (value, None)
        try:
            result = self._compute(value)
        except _Unknown:
            result = f"unknown-{uuid.uuid4()}"  # never trusted as unchanged
        self._memo[id(value)] = (value, result)
        return result

    def _identity(self, value: Any) -> str:
        if isinstance(value, Content):
            source = state_of(value.settings).source_digest(value.source_path)
            return f"{type(value).__name__}:{value.source_path}:{source or uuid.uuid4()}"
        return f"cycle-{uuid.uuid4()}"

    def _compute(self, value: Any) -> str:
        if isinstance(value, Paginator):  # its shape; each page lists its own items
            return f"paginator({value.name},{value.count},{value.num_pages},{value.per_page})"
        if isinstance(value, URLWrapper):  # a category, tag or author: a name and a slug
            return f"{type(value).__name__}({value.name!r},{value.slug!r})"
        if isinstance(value, Content):
            return digest(self._identity(value), value.content, self._pickled(_public(value)))
        if callable(value) and not isinstance(value, type):
            raise _Unknown
        shown: list[Any] = [type(value).__name__]
        if isinstance(value, dict):
            shown.append(list(value.items()))
        elif isinstance(value, (list, tuple, set, frozenset)):
            shown.append(list(value))
        elif not hasattr(value, "__dict__"):
            shown.append(value)
        if hasattr(value, "__dict__"):
            shown.append(_public(value))
        return self._pickled(shown)

    def _pickled(self, value: Any) -> str:
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, self).dump(value)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            raise _Unknown from error
        return hashlib.sha256(buffer.getvalue()).hexdigest()

    def page(self, template: Any, localcontext: Mapping[str, Any]) -> str:
        names = self.reads(template)
        if names is None:
            return f"unknown-{uuid.uuid4()}"
        return digest(
            self.base,
            template.name,
            [
                (name, self.of(localcontext[name]) if name in localcontext else "<missing>")
                for name in sorted(names)
            ],
        )

    def listing(
        self,
        name: str,
        template: Any,
        context: Mapping[str, Any],
        kwargs: Mapping[str, Any],
        paginated: Mapping[str, Any] | None,
        pagination: tuple[str | None, str | None],
    ) -> str:
        """Fingerprint of a whole listing (all its pages): what its template
        reads, except what Pelican makes for each page from the lists;
        `pagination` is the URL and template name that set how it paginates."""
        names = self.reads(template)
        if names is None:
            return f"unknown-{uuid.uuid4()}"
        lists = paginated or {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        per_page = {f"{key}{part}" for key in lists for part in PAGE_OF_LISTING}
        given = ChainMap(dict(kwargs), context)
        return digest(
            self.base,
            template.name,
            name,
            pagination,
            self.of(dict(lists)),
            [
                (n, self.of(given[n]) if n in given else "<missing>")
                for n in sorted(names - per_page - {"output_file"})
            ],
        )

    # --- the writer's questions ----------------------------------------------
    def kept_listing(self, name: str, fingerprint: str) -> list[PageRecord] | None:
        """The pages of a listing whose inputs did not change since the last
        build (and whose files are all there); None when it must be laid out."""
        known = self.memory.listings.get(name)
        if known is None or known[0] != fingerprint:
            return None
        records = known[1]
        if not all(r.path in self.memory.pages and os.path.exists(r.path) for r in records):
            return None
        self.listings[name] = known
        for record in records:
            self.pages[record.path] = self.memory.pages[record.path]
            self.kept.add(record.path)
        return records

    def listing_laid_out(self, name: str, fingerprint: str, records: list[PageRecord]) -> None:
        self.listings[name] = (fingerprint, list(records))

    def unchanged(self, path: str, template: Any, shown: Mapping[str, Any]) -> bool:
        """Did nothing the page at `path` shows change since the last build
        (and is its file still there)?"""
        fingerprint = self.page(template, shown)
        self.pages[path] = fingerprint
        same = self.memory.pages.get(path) == fingerprint and os.path.exists(path)
        if same:
            self.kept.add(path)  # its .gz stays too
        return same

    def same_file(self, path: Path, text: str) -> bool:
        """Does the file at `path` already hold `text`? (Then it is kept.)"""
        try:
            same = path.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            return False
        if same:
            self.kept.add(str(path))
        return same

    def kept_text(self, path: str, template: Any, localcontext: dict[str, Any]) -> str | None:
        """The current text of the page at `path` when nothing it shows
        changed since the last build; None when it must be rendered."""
        if not self.unchanged(path, template, localcontext):
            return None
        return Path(path).read_text(encoding="utf-8")

    def finish(self) -> list[str]:
        """Pages of the last build that this build did not lay out: stale."""
        stale = [p for p in self.memory.pages if p not in self.pages]
        self.memory.pages = self.pages
        self.memory.listings = self.listings
        return stale
