"""Markdown sources to HTML, NFC-normalised and typeset: in this process for
a handful of files, in one worker process per core for a whole site (the
conversion is pure, so a 2-core machine halves the longest part of a build).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from typing import Any

from vietnamese import typography
from vietnamese.text import nfc

# Below this many files the worker start-up costs more than it saves.
PARALLEL_FROM = 200
_converter: Any = None
_fields: Any = None
_settings: dict[str, Any] = {}


def typeset(html: str, settings: dict[str, Any]) -> str:
    """The portal's typography (vietnamese/typography.py) when PORTAL_TYPOGRIFY
    is on; callable from a worker process."""
    if not settings.get("PORTAL_TYPOGRIFY"):
        return html
    return typography.typeset(html)


def new_converter(settings: dict[str, Any], metadata: bool = True):
    """A Markdown converter configured as Pelican's reader configures it: the
    extensions named in extension_configs, plus meta for the metadata block
    (without it, for rendering formatted metadata fields such as Summary)."""
    from markdown import Markdown

    options = dict(settings["MARKDOWN"])
    configs = dict(options.get("extension_configs", {}))
    if metadata:
        configs.setdefault("markdown.extensions.meta", {})
    else:
        configs.pop("markdown.extensions.meta", None)
    options["extension_configs"] = configs
    extensions = [*options.get("extensions", []), *configs]
    options["extensions"] = [
        e for e in dict.fromkeys(extensions) if metadata or e != "markdown.extensions.meta"
    ]
    return Markdown(**options)


# Filters every converted body and summary passes, where the conversion runs
# (worker processes included): name → function(html) → (html, notes). Plugins
# add theirs in register(), before any worker starts.
BODY_FILTERS: dict[str, Callable[[str], tuple[str, list[str]]]] = {}


@dataclass
class Converted:
    """One source, ready for Pelican: body, raw metadata lines, the title
    and summary already rendered, and what each body filter noted."""

    html: str
    meta: dict[str, list[str]]
    title: str | None = None
    summary: str | None = None
    notes: dict[str, list[str]] = field(default_factory=dict)


def _filtered(html: str, notes: dict[str, list[str]]) -> str:
    for name, body_filter in BODY_FILTERS.items():
        html, found = body_filter(html)
        if found:
            notes.setdefault(name, []).extend(found)
    return html


def convert(source: str, settings: dict[str, Any], converter=None, fields=None) -> Converted:
    """Markdown → typeset, filtered HTML, with the title (plain text: any
    markup typed into it is shown, never run) and Summary (Markdown)."""
    if not source.strip() or "\x00" in source:
        # Reported by the source scan (empty, or not text): not content.
        raise ValueError("not a Markdown text")
    converter = converter or new_converter(settings)
    fields = fields or new_converter(settings, metadata=False)
    converter.reset()
    notes: dict[str, list[str]] = {}
    html = _filtered(typeset(converter.convert(nfc(source)), settings), notes)
    meta = {k: v for k, v in getattr(converter, "Meta", {}).items() if "".join(v).strip()}
    done = Converted(html, meta, notes=notes)
    if "title" in meta:
        done.title = typeset(escape(meta.pop("title")[0], quote=False), settings)
    if "summary" in meta and "summary" in settings["FORMATTED_FIELDS"]:
        fields.reset()
        summary = fields.convert("\n".join(meta.pop("summary")))
        done.summary = _filtered(typeset(summary, settings), notes)
    return done


def _init_worker(settings: dict[str, Any]) -> None:
    global _converter, _fields, _settings
    _settings = settings
    _converter = new_converter(settings)
    _fields = new_converter(settings, metadata=False)


def _convert_file(path: str) -> tuple[str, Converted | None]:
    from pelican.utils import pelican_open

    try:
        with pelican_open(path) as source:
            return path, convert(source, _settings, _converter, _fields)
    except Exception:  # the reader reports it properly when Pelican reads the file
        return path, None


def preconvert(paths: Iterable[str], settings: dict[str, Any]) -> dict[str, Converted]:
    """Convert many files on every core; {absolute path: Converted}."""
    paths = sorted(os.path.abspath(p) for p in paths)
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return {}
    keys = ("MARKDOWN", "PORTAL_TYPOGRIFY", "FORMATTED_FIELDS")
    portable = {key: settings[key] for key in keys}
    with ProcessPoolExecutor(
        os.cpu_count(), initializer=_init_worker, initargs=(portable,)
    ) as pool:
        results = pool.map(_convert_file, paths, chunksize=64)
        return {path: result for path, result in results if result is not None}
