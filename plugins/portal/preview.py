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
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import meta
from pelican.contents import Content
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

from portal.state import BUILD_STATE_KEY, state_of

# Not fingerprinted per object: the site's settings (once per build, in the
# base) and a content object's metadata, which Pelican also sets as
# attributes when it makes the object (those are fingerprinted).
PLUMBING = frozenset({"settings", "metadata"})
PLAIN = frozenset({str, int, float, bool, type(None)})


@dataclass
class PreviewMemory:
    """What a preview keeps between builds: each source's conversion and
    each page's fingerprint."""

    converted: dict[str, Any] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    # What each template reads, by (theme and settings digest, template name).
    reads: dict[tuple[str, str], frozenset[str] | None] = field(default_factory=dict)


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


class PreviewBuild:
    """One preview build: fingerprints of this build's pages, compared with
    the last build's (in `memory`)."""

    def __init__(self, memory: PreviewMemory, settings: dict[str, Any]) -> None:
        self.memory = memory
        self.base = digest(theme_digest(settings["THEME"]), settings_digest(settings))
        self.pages: dict[str, str] = {}
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
        """A string that changes whenever `value` does. Containers and plain
        objects are spelled out (cheap); content objects are hashed, so a
        listing of thousands stays short."""
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
        result = self._compute(value)
        self._memo[id(value)] = (value, result)
        return result

    def of_item(self, value: Any) -> str:
        """`of`, with the plain values inside containers spelled out at once
        (most of them: a fast path for the thousands of fields per page)."""
        return repr(value) if type(value) in PLAIN else self.of(value)

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
        if isinstance(value, dict):
            items = sorted((str(k), self.of_item(v)) for k, v in value.items())
            return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self.of(v) for v in value)) + "}"
        if isinstance(value, (list, tuple)):
            return f"{type(value).__name__}[" + ",".join(map(self.of_item, value)) + "]"
        if isinstance(value, Content):
            return digest(self._identity(value), value.content, self._public(value))
        if hasattr(value, "__dict__") and not callable(value):
            return f"{type(value).__name__}({self._public(value)})"
        return f"unknown-{uuid.uuid4()}"  # never trusted as unchanged

    def _public(self, value: Any) -> str:
        return ",".join(
            f"{name}={self.of_item(item)}"
            for name, item in sorted(vars(value).items())
            if not name.startswith("_") and name not in PLUMBING
        )

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

    # --- the writer's question ---------------------------------------------
    def unchanged(self, path: str, template: Any, shown: Mapping[str, Any]) -> bool:
        """Did nothing the page at `path` shows change since the last build
        (and is its file still there)?"""
        fingerprint = self.page(template, shown)
        self.pages[path] = fingerprint
        return self.memory.pages.get(path) == fingerprint and os.path.exists(path)

    def kept_text(self, path: str, template: Any, localcontext: dict[str, Any]) -> str | None:
        """The current text of the page at `path` when nothing it shows
        changed since the last build; None when it must be rendered."""
        if not self.unchanged(path, template, localcontext):
            return None
        self.kept.add(path)
        return Path(path).read_text(encoding="utf-8")

    def finish(self) -> list[str]:
        """Pages of the last build that this build did not lay out: stale."""
        stale = [p for p in self.memory.pages if p not in self.pages]
        self.memory.pages = self.pages
        return stale
