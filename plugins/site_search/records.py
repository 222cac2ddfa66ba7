"""One search record per published item, read from its content model.

A record is plain text in named fields (never markup) with its URL:

    {"url": "/tin-tuc/…/", "type": "Thông báo", "title": "…",
     "date": "2025-03-01", "category": "Thông báo", "pinned": True,
     "summary": "…", "headings": "…", "body": "…", "tags": "…",
     "facts": "…", "keywords": "…"}

`SOURCES` names, for each content type, the context list its published
items are in and the function that reads one; a new content type joins by
adding its pair (and its type name to `TYPES`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from portal.state import state_of
from site_search.terms import body_terms
from vietnamese.text import plain_text

# Result types, in the order the facet lists them.
TYPES = ("Tin tức", "Thông báo", "Văn bản", "Thủ tục", "Trang", "Liên hệ")
# Articles of this category are notices ("Thông báo"); others are news.
NOTICE_CATEGORY = "Thông báo"

_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")


def text_of_html(markup: str) -> str:
    """Text of an HTML body: every tag a word boundary, entities decoded."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


class SearchBody(NamedTuple):
    headings: str
    text: str
    terms: dict[str, int]  # folded body term → how often it occurs


def search_body(markup: str) -> SearchBody:
    """What the search takes from a body HTML: made while sources are
    converted, on every core (DERIVED in site_search/__init__.py)."""
    headings = " · ".join(plain_text(h) for h in _HEADING.findall(markup))
    text = text_of_html(_HEADING.sub(" ", markup))
    return SearchBody(headings, text, body_terms(text))


def body_parts(item: Any) -> SearchBody:
    """The search's view of an item's body, as the reader converted it."""
    return state_of(item.settings).derived(item.source_path, "site-search-body", search_body)


def common(item: Any, kind: str) -> dict[str, Any]:
    headings, body, _ = body_parts(item)
    date = getattr(item, "date", None)
    return {
        "url": f"{item.settings['SITEURL']}/{item.url}",
        "type": kind,
        "title": plain_text(item.title),
        "date": date.date().isoformat() if date is not None else "",
        "headings": headings,
        "body": body,
        "facts": " · ".join(f"{fact.label}: {fact.text}" for fact in getattr(item, "facts", ())),
    }


def thumbnail(item: Any) -> list[Any] | str:
    """[URL, alt, width, height] of the smallest variant of the item's lead
    picture (plugins/images), or "" without one."""
    picture = getattr(item, "lead_picture", None)
    if picture is None:
        return ""
    if not picture.webp:  # a drawing (SVG)
        return [picture.src, item.lead_image.alt, picture.width, picture.height]
    url, width = picture.webp.split(",")[0].split()  # the smallest: "url 360w"
    width = int(width.rstrip("w"))
    return [url, item.lead_image.alt, width, picture.height_at(width)]


def article_record(article: Any) -> dict[str, Any]:
    category = article.category.name if getattr(article, "category", None) else ""
    record = common(article, "Thông báo" if category == NOTICE_CATEGORY else "Tin tức")
    record.update(
        image=thumbnail(article),
        category=category,
        pinned=bool(getattr(article, "pinned", False)),
        summary=plain_text(str(article.metadata.get("summary", "") or "")),
        tags=", ".join(tag.name for tag in getattr(article, "tags", ())),
    )
    return record


def procedure_record(procedure: Any) -> dict[str, Any]:
    record = common(procedure, "Thủ tục")
    record.update(
        category=procedure.field,
        date="",  # a procedure's date is when its guide changed, not news
        keywords="; ".join(procedure.keywords),
        summary=f"Mã thủ tục {procedure.code}",
    )
    return record


def page_record(page: Any) -> dict[str, Any]:
    record = common(page, "Trang")
    record["date"] = ""
    return record


def contact_record(contact: Any) -> dict[str, Any]:
    record = common(contact, "Liên hệ")
    record.update(date="", category=contact.group_name)
    return record


def document_record(document: Any) -> dict[str, Any]:
    record = common(document, "Văn bản")
    record.update(
        category=document.type,
        # The date of issue, not of posting: what "văn bản năm 2023" means.
        date=document.issued.date().isoformat() if document.issued else "",
        summary=f"{document.type} số {document.number} của {document.issuer}",
        # The number weighs next to the title: "1126/QĐ-UBND" finds it first.
        keywords=f"{document.number}; {document.field}",
    )
    return record


SOURCES: list[tuple[str, Callable[[Any], dict[str, Any]]]] = [
    ("articles", article_record),
    ("documents", document_record),
    ("procedures", procedure_record),
    ("pages", page_record),
    ("contacts", contact_record),
]


def records_of(context: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(source path, record) of every published item in the context: the
    generators put only published items in these lists (portal/publication.py)."""
    records = []
    for name, read in SOURCES:
        for item in context.get(name) or ():
            record = read(item)
            kept = {k: v for k, v in record.items() if v not in ("", None, False)}
            records.append((item.source_path, kept))
    return records
