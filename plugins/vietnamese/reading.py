"""Markdown sources to HTML, NFC-normalised and typeset: in this process for
a handful of files, in one worker process per core for a whole site (the
conversion is pure, so a 2-core machine halves the longest part of a build).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from vietnamese.text import nfc

# Below this many files the worker start-up costs more than it saves.
PARALLEL_FROM = 200
_converter: Any = None
_settings: dict[str, Any] = {}


def typeset(html: str, settings: dict[str, Any]) -> str:
    """typogrify as Pelican applies it (same dashes, ignored tags, omitted
    filters), callable from a worker process."""
    if not settings.get("PORTAL_TYPOGRIFY"):
        return html
    import smartypants
    from typogrify.filters import typogrify

    smartypants.Attr.default = {
        "oldschool": smartypants.Attr.set2,
        "oldschool_inverted": smartypants.Attr.set3,
    }.get(settings["TYPOGRIFY_DASHES"], smartypants.Attr.set1) | smartypants.Attr.w
    return typogrify(
        html,
        settings["TYPOGRIFY_IGNORE_TAGS"],
        **dict.fromkeys(settings["TYPOGRIFY_OMIT_FILTERS"], False),
    )


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


def convert(source: str, settings: dict[str, Any], converter=None) -> tuple[str, dict]:
    """(typeset HTML, raw metadata lines) of one Markdown text."""
    converter = converter or new_converter(settings)
    converter.reset()
    html = converter.convert(nfc(source))
    return typeset(html, settings), dict(getattr(converter, "Meta", {}))


def _init_worker(settings: dict[str, Any]) -> None:
    global _converter, _settings
    _settings = settings
    _converter = new_converter(settings)


def _convert_file(path: str) -> tuple[str, tuple[str, dict] | None]:
    from pelican.utils import pelican_open

    try:
        with pelican_open(path) as source:
            return path, convert(source, _settings, _converter)
    except Exception:  # the reader reports it properly when Pelican reads the file
        return path, None


def preconvert(paths: Iterable[str], settings: dict[str, Any]) -> dict[str, tuple[str, dict]]:
    """Convert many files on every core; {absolute path: (html, metadata)}."""
    paths = sorted(os.path.abspath(p) for p in paths)
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return {}
    keys = (
        "MARKDOWN",
        "PORTAL_TYPOGRIFY",
        "TYPOGRIFY_DASHES",
        "TYPOGRIFY_IGNORE_TAGS",
        "TYPOGRIFY_OMIT_FILTERS",
    )
    portable = {key: settings[key] for key in keys}
    with ProcessPoolExecutor(
        os.cpu_count(), initializer=_init_worker, initargs=(portable,)
    ) as pool:
        results = pool.map(_convert_file, paths, chunksize=64)
        return {path: result for path, result in results if result is not None}
