"""One object per build: what the portal's plugins share while Pelican runs.

It lives in the settings under BUILD_STATE_KEY, which Pelican hands to every
generator, reader, writer and content object, so no plugin keeps per-build
data in module globals and no step depends on the order of PLUGINS.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pelican.contents import Content

from portal.publication import is_listed
from problems import Problem

BUILD_STATE_KEY = "PORTAL_BUILD"
# Stages of a build, in order. Steps of one stage are independent of each
# other: a step that needs another's result belongs to a later stage.
STAGES = (
    "initialized",  # settings known, nothing read (asset names, early conversion)
    "link",  # every content type read: cross-type links (procedure ↔ contact)
    "check",  # cross-content rules; then the gate stops on errors
    "context",  # what pages show besides content (feeds, search index names)
    "render",  # the deferred pages are rendered (portal.writer)
    "write",  # plugins write their own files (feeds, sitemap); then state.files
    "finish",  # whole-output work once every file exists (compression)
)


@dataclass(frozen=True)
class Step:
    """A plugin's work at one stage; `run` gets the Pelican object (at
    initialized and finished stages) or the generators (link to context)."""

    stage: str
    name: str
    run: Callable[..., None]

    def __post_init__(self) -> None:
        if self.stage not in STAGES:
            raise ValueError(f"unknown stage {self.stage!r}; one of {STAGES}")


class Problems:
    """Every content problem of one build, as data: validators and readers
    add them; `check`, `build` and the preview read them."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.paths: set[str] = set()  # absolute paths of the files named

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.items.append(problem)
            if problem.path:
                self.paths.add(os.path.abspath(problem.path))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    @property
    def notes(self) -> list[Problem]:
        """What `check` tells the editor without it being a mistake (a
        cited number that is not in the document library)."""
        return [p for p in self.items if p.severity == "note"]


def _content_date(item: Any) -> Any:
    return getattr(item, "modified", None) or getattr(item, "date", None)


def shown_item(own: Mapping[str, Any]) -> Content | None:
    """The content object a page is about (an article, a procedure…), from
    what its generator gave the template besides the site's context."""
    return next((v for v in own.values() if isinstance(v, Content)), None)


@dataclass(frozen=True)
class PageRecord:
    """A page of the site as the writer laid it out (for the sitemap, and
    kept by a preview for pages it does not lay out again): its output path,
    the newest date among what it shows, and whether it is left out of the
    sitemap (a hidden item's page, or a draft's in a preview)."""

    path: str
    lastmod: Any = None  # datetime, None for pages without dated content
    unlisted: bool = False

    @classmethod
    def laid_out(cls, path: str, shown: Mapping[str, Any], own: Mapping[str, Any]) -> PageRecord:
        """The record of a page whose template was given `shown`; `own` is
        what its generator gave besides the site's context (the article,
        procedure… a page is about, or the articles a listing lists)."""
        item = shown_item(own)
        if item is not None:
            return cls(path, _content_date(item), not is_listed(item))
        page = shown.get("articles_page")
        items = page.object_list if page is not None else own.get("articles") or []
        dates = [d for d in map(_content_date, items) if d is not None]
        return cls(path, max(dates) if dates else None)


@dataclass
class BuildState:
    mode: str = "build"  # "build", "check" (validate only) or "preview"
    # The build's one "now": what is scheduled later is not published yet.
    # A test pins it; a build reads the clock once, when it starts.
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    problems: Problems = field(default_factory=Problems)
    steps: list[Step] = field(default_factory=list)
    # Rendering deferred by portal.writer: (path, template, context) jobs.
    jobs: list[tuple[str, Any, dict[str, Any]]] = field(default_factory=list)
    pages: list[PageRecord] = field(default_factory=list)
    # Each source's conversion (portal.reading.Converted) by absolute path:
    # made this build, or kept by a preview or rebuild and checked against
    # the source's bytes before use.
    converted: dict[str, Any] = field(default_factory=dict)
    # Sources whose conversion is known to match their bytes in this build.
    checked: set[str] = field(default_factory=set)
    digests: dict[str, str] = field(default_factory=dict)
    # Files written after the "write" stage: site path → text.
    files: dict[str, str] = field(default_factory=dict)
    # Binary files published as they are (picture variants): site path →
    # the file to copy (named by its content, so an existing one is kept).
    copies: dict[str, str] = field(default_factory=dict)
    # Feeds planned at the "context" stage, written at the "write" stage.
    feeds: list[Any] = field(default_factory=list)
    # In a preview, this build's comparison with the last (portal.preview).
    preview: Any = None
    # Content folder → the metadata keys its content type uses. The reader
    # hands Pelican only those and the common ones: Pelican sets every key
    # it gets as an attribute, and a key like `Settings:` must not reach it.
    keys: dict[str, frozenset[str]] = field(default_factory=dict)

    def add_problems(self, problems: Iterable[Problem]) -> None:
        self.problems.add(problems)

    def source_digest(self, path: str) -> str:
        """SHA-256 of a source's bytes, read once per build ("" if missing)."""
        if path not in self.digests:
            try:
                with open(path, "rb") as handle:
                    self.digests[path] = hashlib.sha256(handle.read()).hexdigest()
            except OSError:
                self.digests[path] = ""
        return self.digests[path]

    def current(self, path: str) -> Any:
        """The conversion of `path` if it matches the source's bytes, else None."""
        done = self.converted.get(path)
        if done is None or path in self.checked:
            return done
        if done.digest != self.source_digest(path):
            return None
        self.checked.add(path)
        return done

    def body_html(self, source_path: str) -> str:
        """A source's body as the reader made it (before Pelican resolves
        links): what checks and section readers look at."""
        done = self.converted.get(os.path.abspath(source_path))
        return done.html if done is not None else ""

    def derived(self, source_path: str, name: str, compute: Callable[[str], Any]) -> Any:
        """`compute(body HTML)`, once per version of the source."""
        return self.remember(source_path, name, (), lambda: compute(self.body_html(source_path)))

    def remember(self, source_path: str, name: str, inputs: Any, compute: Callable[[], Any]) -> Any:
        """A value made from a source and `inputs` (besides its bytes), kept
        with the source's conversion: a preview or rebuild computes it again
        only when the source or the inputs changed."""
        done = self.converted.get(os.path.abspath(source_path))
        if done is None:
            return compute()
        known = done.derived.get(name)
        if known is None or known[0] != inputs:
            known = done.derived[name] = (inputs, compute())
        return known[1]


def state_of(settings: dict[str, Any]) -> BuildState:
    """The build state of these settings (made on first use when Pelican runs
    without site_tools, e.g. the plain `pelican` command)."""
    state = settings.get(BUILD_STATE_KEY)
    if state is None:
        state = settings[BUILD_STATE_KEY] = BuildState()
    return state
