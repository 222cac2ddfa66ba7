"""Sitemap entries of the laid-out pages and the XML."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any
from xml.sax.saxutils import escape

# Machine pages that are not content: never listed.
EXCLUDED = {"404.html"}


def _content_date(item: Any) -> dt.datetime | None:
    return getattr(item, "modified", None) or getattr(item, "date", None)


def lastmod_of(context: dict[str, Any]) -> dt.datetime | None:
    """Newest date among what the written page shows."""
    for key in ("article", "page"):
        if context.get(key) is not None:
            return _content_date(context[key])
    page = context.get("articles_page")
    items = page.object_list if page is not None else context.get("articles") or []
    dates = [d for d in map(_content_date, items) if d is not None]
    return max(dates) if dates else None


def render_sitemap(pages: list[Any], output: str, base: str) -> str:
    """sitemap.xml of the laid-out pages (portal.state.PageRecord)."""
    entries: dict[str, dt.datetime | None] = {}
    base = base.rstrip("/")
    for page in pages:
        relative = os.path.relpath(page.path, output).replace(os.sep, "/")
        if not relative.endswith(".html") or relative in EXCLUDED:
            continue
        shown = page.context.get("article") or page.context.get("page")
        if shown is not None and getattr(shown, "status", "published") == "draft":
            continue
        entries[f"{base}/{relative.removesuffix('index.html')}"] = lastmod_of(page.context)
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
