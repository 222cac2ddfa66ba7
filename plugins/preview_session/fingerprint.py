"""What a page's rendering depends on, as a comparable value.

A content object stands for its source file's hash (which covers its text
and metadata) plus the links other plugins attached to it (neighbours,
related items, units). Anything the fingerprint cannot describe faithfully
gets a value unique to this build, so the page is rendered again: a wrong
"unchanged" is never risked for speed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import fields, is_dataclass
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Attributes plugins attach to content after reading; templates show them.
LINKED = (
    "older_article",
    "newer_article",
    "related_articles",
    "related_procedures",
    "submit_units",
    "procedures",
    "translations",
)
_unique = itertools.count()


class Stamps:
    """Content hash of each source file, computed once per build, and each
    content object's fingerprint, also computed once per build."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}
        self.objects: dict[tuple[int, int], str] = {}

    def __call__(self, path: str) -> str:
        if path not in self._known:
            try:
                with open(path, "rb") as handle:
                    self._known[path] = hashlib.sha256(handle.read()).hexdigest()
            except OSError:
                self._known[path] = f"missing-{next(_unique)}"
        return self._known[path]


def fingerprint(value: Any, stamps: Stamps, depth: int = 0) -> Any:
    if value is None or isinstance(value, (str, int, float, bool, dt.date)):
        return value
    if isinstance(value, Content):
        key = (id(value), depth and 1)
        if key not in stamps.objects:
            own = (value.source_path, stamps(value.source_path), getattr(value, "status", ""))
            if not depth:
                own += tuple(fingerprint(getattr(value, name, None), stamps, 1) for name in LINKED)
            stamps.objects[key] = hashlib.sha256(repr(own).encode()).hexdigest()
        return stamps.objects[key]
    if isinstance(value, URLWrapper):
        return (type(value).__name__, value.name, value.slug)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # named tuples (links)
        return tuple(fingerprint(v, stamps, depth) for v in value)
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(v, stamps, depth) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), fingerprint(v, stamps, depth)) for k, v in value.items()))
    if is_dataclass(value):
        return tuple(fingerprint(getattr(value, f.name), stamps, depth) for f in fields(value))
    return ("unknown", next(_unique))
