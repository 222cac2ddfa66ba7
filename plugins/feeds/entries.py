"""What goes into a feed entry, taken from articles, procedures and documents."""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup
from markupsafe import Markup

from portal.facts import facts_html, facts_text
from portal.state import state_of
from vietnamese.text import plain_text


@dataclass
class Entry:
    id: str
    title: str
    link: str
    published: dt.datetime
    updated: dt.datetime
    content: str
    summary: str
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    enclosure: tuple[str, int, str] | None = None  # (url, bytes, type)


def absolutize(html: str, page_url: str) -> str:
    """Every link and image in `html` as an absolute URL: feed readers and
    aggregators show content away from the site."""
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in (("a", "href"), ("img", "src"), ("source", "src"), ("video", "poster")):
        for element in soup.find_all(tag, attrs={attribute: True}):
            value = element[attribute]
            if not urlparse(value).scheme and not value.startswith("#"):
                element[attribute] = urljoin(page_url, value)
            elif value.startswith("#"):
                element[attribute] = page_url + value
    return str(soup)


def feed_html(item: Any, html: str, page_url: str, settings: dict[str, Any]) -> str:
    """`absolutize`, kept with the item's conversion (a preview builds the
    same entries again after most edits)."""
    return state_of(settings).remember(
        item.source_path, "feed_html", (html, page_url), lambda: absolutize(html, page_url)
    )


def tag_id(base: str, published: dt.datetime, source: str) -> str:
    """A tag: URI from the domain, the first publication date and the source
    file: it survives a title change and a URL change (RFC 4151)."""
    domain = urlparse(base).hostname or "localhost"
    return f"tag:{domain},{published:%Y-%m-%d}:{source}"


def source_name(content: Any, content_root: str) -> str:
    path = Path(content.source_path).resolve().relative_to(Path(content_root).resolve())
    return path.with_suffix("").as_posix()


def article_entry(article: Any, settings: dict[str, Any]) -> Entry:
    base = settings["SITE_CANONICAL_URL"].rstrip("/")
    link = f"{base}/{article.url}"
    published = article.date
    updated = getattr(article, "modified", None) or published
    enclosure = None
    picture = getattr(article, "lead_picture", None)
    if picture is not None and picture.large_path:  # a photo: its widest variant
        enclosure = (f"{base}/{picture.large_path}", picture.large_bytes, picture.fallback_mime)
    elif article.lead_image:  # a drawing, published as it is
        image = Path(settings["PATH"]) / article.lead_image.path
        if image.is_file():
            kind = mimetypes.guess_type(image.name)[0] or "application/octet-stream"
            enclosure = (f"{base}/{article.lead_image.path}", image.stat().st_size, kind)
    summary = plain_text(article.summary)
    return Entry(
        id=tag_id(base, published, source_name(article, settings["PATH"])),
        title=plain_text(article.title),
        link=link,
        published=published,
        updated=updated,
        content=feed_html(article, article.content, link, settings),
        summary=summary,
        authors=[a.name for a in getattr(article, "authors", [])],
        categories=[article.category.name, *[t.name for t in getattr(article, "tags", [])]],
        enclosure=enclosure,
    )


def procedure_entry(procedure: Any, settings: dict[str, Any]) -> Entry:
    base = settings["SITE_CANONICAL_URL"].rstrip("/")
    link = f"{base}/{procedure.url}"
    facts = [f for f in procedure.facts if f.key != "postal"]
    return Entry(
        id=tag_id(base, procedure.date, source_name(procedure, settings["PATH"])),
        title=plain_text(procedure.title),
        link=link,
        published=procedure.date,
        updated=procedure.last_updated,
        content=feed_html(procedure, facts_html(facts) + Markup(procedure.content), link, settings),
        summary=facts_text(facts),
        categories=[procedure.field, procedure.level],
    )


def document_entry(document: Any, settings: dict[str, Any]) -> Entry:
    base = settings["SITE_CANONICAL_URL"].rstrip("/")
    link = f"{base}/{document.url}"
    files = Markup("").join(
        Markup('<li><a href="{}">{}</a> ({})</li>').format(f"{base}/{f.url}", f.name, f.label)
        for f in document.attachments
    )
    html = facts_html(document.facts) + (Markup("<ul>{}</ul>").format(files) if files else "")
    return Entry(
        id=tag_id(base, document.date, source_name(document, settings["PATH"])),
        title=f"{document.type} {document.number}: {plain_text(document.title)}",
        link=link,
        published=document.date,
        updated=getattr(document, "modified", None) or document.date,
        content=feed_html(document, html + Markup(document.content), link, settings),
        summary=facts_text(document.facts),
        categories=[document.type, document.field],
    )
