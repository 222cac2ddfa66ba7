"""Markdown sources to HTML, NFC-normalised, typeset and sanitised: in this
process for a handful of files, in one worker process per core for a whole
site (the conversion is pure, so a 2-core machine halves the longest part of
a build).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from typing import Any

from problems.source import split_source
from safe_content import policy
from vietnamese import typography
from vietnamese.text import nfc

# Below this many files the worker start-up costs more than it saves.
PARALLEL_FROM = 200
# Settings the conversion depends on (handed to worker processes).
CONVERSION_SETTINGS = ("MARKDOWN", "PORTAL_TYPOGRIFY", "FORMATTED_FIELDS")
_worker: dict[str, Any] = {}  # a worker process's converters and settings


def typeset(html: str, settings: dict[str, Any]) -> str:
    """The portal's typography (vietnamese/typography.py) when PORTAL_TYPOGRIFY
    is on."""
    if not settings.get("PORTAL_TYPOGRIFY"):
        return html
    return typography.typeset(html)


def title_html(title: str, settings: dict[str, Any]) -> str:
    """A title as HTML: escaped, so markup typed into it is shown and never
    run, then typeset as a heading's text is (`typeset_inline`: quotes,
    dashes, the last two words joined by a U+00A0 character). The
    typography adds no tag and no entity, so `plain_text` gives exactly the
    text the heading shows to <title>, meta tags, feeds, JSON-LD and the
    search index."""
    html = escape(title, quote=False)
    if not settings.get("PORTAL_TYPOGRIFY"):
        return html
    return typography.typeset_inline(html)


def new_converter(settings: dict[str, Any]):
    """A Markdown converter configured as Pelican's reader configures it (the
    extensions named in extension_configs); the metadata block is read by
    problems.source.split_source, so no meta extension."""
    from markdown import Markdown

    options = dict(settings["MARKDOWN"])
    configs = {
        name: config
        for name, config in options.get("extension_configs", {}).items()
        if name != "markdown.extensions.meta"
    }
    options["extension_configs"] = configs
    options["extensions"] = list(dict.fromkeys([*options.get("extensions", []), *configs]))
    return Markdown(**options)


@dataclass
class Converted:
    """One source, ready for Pelican: the metadata block (lower-case key →
    (value, line)), the body as safe HTML, the title and summary already
    rendered, and what the sanitiser removed. `derived` keeps what models
    compute from the body (a procedure's section texts), so a preview or a
    rebuild reuses it with the conversion."""

    digest: str
    meta: dict[str, tuple[str, int]]
    html: str
    body_line: int
    title: str | None = None
    summary: str | None = None
    removed: list[str] = field(default_factory=list)
    derived: dict[str, Any] = field(default_factory=dict)


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe(html: str, removed: list[str]) -> str:
    cleaned = policy.clean(html)
    removed.extend(name for name in policy.removed(html, cleaned) if name not in removed)
    return cleaned


def convert(data: bytes, settings: dict[str, Any], converter=None) -> Converted:
    """Markdown source bytes → typeset, sanitised HTML, with the title
    (`title_html`) and Summary (Markdown). The caller has checked the bytes
    are UTF-8 text."""
    text = nfc(data.decode("utf-8-sig").replace("\r\n", "\n"))
    if not text.strip():
        raise ValueError("not a Markdown text")  # reported by the source scan
    split = split_source(text)
    meta = {key: (value, line) for key, (value, line) in split.meta.items() if value}
    body, body_line = split.body, split.body_line
    converter = converter or new_converter(settings)
    converter.reset()
    removed: list[str] = []
    html = _safe(typeset(converter.convert(body), settings), removed)
    done = Converted(digest_of(data), meta, html, body_line, removed=removed)
    if "title" in meta:
        done.title = title_html(meta["title"][0], settings)
    if "summary" in meta and "summary" in settings["FORMATTED_FIELDS"]:
        converter.reset()
        done.summary = _safe(typeset(converter.convert(meta["summary"][0]), settings), removed)
    return done


def derive(done: Converted, derivers: dict[str, Callable[[str], Any]]) -> None:
    """Values plugins make from every body (their DERIVED), kept with the
    conversion as BuildState.derived keeps them."""
    for name, compute in derivers.items():
        done.derived[name] = ((), compute(done.html))


def _init_worker(settings: dict[str, Any], derivers: dict[str, Callable[[str], Any]]) -> None:
    _worker.update(settings=settings, converter=new_converter(settings), derivers=derivers)


def _convert_file(path: str) -> tuple[str, Converted | None]:
    try:
        with open(path, "rb") as handle:
            done = convert(handle.read(), _worker["settings"], _worker["converter"])
        derive(done, _worker["derivers"])
        return path, done
    except Exception:  # the reader reports it properly when Pelican reads the file
        return path, None


def preconvert(
    paths: Iterable[str],
    settings: dict[str, Any],
    derivers: dict[str, Callable[[str], Any]] | None = None,
) -> dict[str, Converted]:
    """Convert many files on every core, with the `derivers`' values of each
    body; {absolute path: Converted}."""
    paths = sorted(os.path.abspath(p) for p in paths)
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return {}
    portable = {key: settings[key] for key in CONVERSION_SETTINGS}
    with ProcessPoolExecutor(
        os.cpu_count(), initializer=_init_worker, initargs=(portable, derivers or {})
    ) as pool:
        results = pool.map(_convert_file, paths, chunksize=64)
        return {path: result for path, result in results if result is not None}
