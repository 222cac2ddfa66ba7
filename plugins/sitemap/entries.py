"""Sitemap entries of the laid-out pages and the XML."""

from __future__ import annotations

import datetime as dt
import os
from xml.sax.saxutils import escape

from portal.state import PageRecord

# Machine pages that are not content: never listed.
EXCLUDED = {"404.html"}


def render_sitemap(pages: list[PageRecord], output: str, base: str) -> str:
    """sitemap.xml of the laid-out pages (portal.state.PageRecord)."""
    entries: dict[str, dt.datetime | None] = {}
    base = base.rstrip("/")
    for page in pages:
        relative = os.path.relpath(page.path, output).replace(os.sep, "/")
        if not relative.endswith(".html") or relative in EXCLUDED:
            continue
        if not page.unlisted:
            entries[f"{base}/{relative.removesuffix('index.html')}"] = page.lastmod
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url in sorted(entries):
        lastmod = entries[url]
        lines.append(f"  <url><loc>{escape(url)}</loc>")
        if lastmod is not None:
            lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
