"""Where a piece of content points: internal links and images that must
resolve, and insecure http:// links."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

# Pelican's own link syntax: {filename}path, {static}path, {attach}path
INTRASITE = re.compile(r"""(?:href|src)\s*=\s*["']\{(filename|static|attach)\}([^"'#?]*)""")
ATTRIBUTE = re.compile(r"""(href|src)\s*=\s*["']([^"']+)["']""")


def intrasite_targets(html: str) -> list[tuple[str, str]]:
    """(kind, path) of every {filename}/{static}/{attach} reference."""
    return [(kind, unquote(path)) for kind, path in INTRASITE.findall(html)]


def resolve_intrasite(path: str, source: Path, content_root: Path) -> Path:
    """A leading "/" means the content folder; otherwise the source's folder."""
    base = content_root if path.startswith("/") else source.parent
    return (base / path.lstrip("/")).resolve()


def site_links(html: str) -> list[tuple[str, str]]:
    """(attribute, url) of links and images that are not intrasite syntax."""
    return [(a, u) for a, u in ATTRIBUTE.findall(html) if not u.startswith("{")]


def links_of(html: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Both kinds of reference in a body: computed once per version of a
    source (BuildState.derived keeps it with the conversion)."""
    return intrasite_targets(html), site_links(html)


def is_root_relative(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")
