"""Collecting sitemap entries from written pages and rendering the XML."""

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


class SitemapCollector:
    """Accumulates (url, lastmod) for one build."""

    def __init__(self) -> None:
        self.entries: dict[str, dt.datetime | None] = {}
        self.base = ""
        self.output = ""

    def reset(self, settings: dict[str, Any]) -> None:
        self.entries = {}
        self.base = settings["SITE_CANONICAL_URL"].rstrip("/")
        self.output = settings["OUTPUT_PATH"]

    def record(self, path: str, context: dict[str, Any]) -> None:
        relative = os.path.relpath(path, self.output).replace(os.sep, "/")
        if not relative.endswith(".html") or relative in EXCLUDED:
            return
        if context.get("article") is not None and context["article"].status == "draft":
            return
        url = relative.removesuffix("index.html")
        self.entries[f"{self.base}/{url}"] = lastmod_of(context)

    def render(self) -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for url in sorted(self.entries):
            lastmod = self.entries[url]
            lines.append(f"  <url><loc>{escape(url)}</loc>")
            if lastmod is not None:
                lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
            lines.append("  </url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"
