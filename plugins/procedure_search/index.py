"""The compact search index of every procedure, written at build time and
read by theme/js/search.js.

The index is one JSON object:

    {"v": 2,
     "fields": ["Hộ tịch", …],          # field names, in order of first use
     "levels": ["Cấp huyện", "Cấp xã"],  # PROCEDURE_LEVELS
     "online": [{"value": "toàn trình", "label": "Trực tuyến toàn trình",
                 "modifier": "toan-trinh"}, …],  # PROCEDURE_ONLINE_LEVELS
     "stop": [stop words…],
     "docs": [record, …]}

and each record (see `record_of`) names its keys; empty ones are left out:

    {"url": "/thu-tuc/dang-ky-khai-sinh/",  # always: the page's site-relative URL
     "title": "Đăng ký khai sinh",          # plain text, never markup
     "code": "1.001193",
     "field": 8, "level": 1, "online": 0,   # positions in the tables above
     "keywords": "làm giấy khai sinh; …",   # phrases, as editors wrote them
     "synonyms": "…",                       # phrases of the synonym groups it mentions
     "agency": "…", "result": "…", "documents": "…"}  # only words not said before
"""

from __future__ import annotations

import re
from typing import Any

from portal.state import state_of
from procedure_search.synonyms import expand
from vietnamese.text import SEARCH_STOPWORDS, plain_text, search_words, slugify

INDEX_VERSION = 2
RESULT_SECTION = "Kết quả thực hiện"
DOCUMENTS_SECTION = "Thành phần hồ sơ"


def paper_names(items: list[str]) -> list[str]:
    """Names of the papers to bring: each checklist item up to its first
    bracket or semicolon (the count and form notes are not names)."""
    names = []
    for item in items:
        name = re.split(r"[(;:]", item, maxsplit=1)[0]
        name = " ".join(name.split()).rstrip(" .,")
        if name and name not in names:
            names.append(name)
    return names


# For bench/search.py, which gives Fuse.js the same texts; the index itself
# reads a procedure only in record_of.
def section_text(procedure: Any, title: str) -> str:
    return procedure.section_texts.get(title, ("", []))[0]


def document_names(procedure: Any) -> list[str]:
    return paper_names(procedure.section_texts.get(DOCUMENTS_SECTION, ("", []))[1])


def new_words(text: str, seen: set[str]) -> str:
    """The words of `text` not seen in a weightier field, once each: a field
    only needs to say which words it adds, and the index stays small."""
    words = []
    for word in search_words(text):
        if word not in seen and word not in SEARCH_STOPWORDS:
            seen.add(word)
            words.append(word)
    return " ".join(words)


def position(table: list[str], value: str, *, add: bool = False) -> int | None:
    """Where `value` is in `table` (appended first when `add`), or None."""
    if value not in table:
        if not add:
            return None
        table.append(value)
    return table.index(value)


def record_of(
    procedure: Any,
    fields: list[str],
    levels: list[str],
    online: list[str],
    groups: list[list[str]],
) -> dict[str, Any]:
    """The index record of one procedure. This is the only place that reads
    the procedure: `fields` gains its field when new; `levels` and `online`
    are the settings' values (a value not among them is left out)."""
    title = plain_text(procedure.title)
    keywords = "; ".join(procedure.keywords)
    sections = procedure.section_texts
    seen = set(search_words(f"{title} {keywords}"))
    record = {
        "url": f"{procedure.settings['SITEURL']}/{procedure.url}",
        "title": title,
        "code": procedure.code,
        "field": position(fields, procedure.field, add=True),
        "level": position(levels, procedure.level),
        "online": position(online, procedure.online),
        # Phrases, not bags: a query equal to one is a strong signal.
        "keywords": keywords,
        "synonyms": state_of(procedure.settings).remember(
            procedure.source_path,
            "synonyms",
            (title, keywords, groups),
            lambda: "; ".join(expand(f"{title}; {keywords}", groups)),
        ),
        # Weightiest first: each adds only the words not said before.
        "agency": new_words(procedure.agency, seen),
        "result": new_words(sections.get(RESULT_SECTION, ("", []))[0], seen),
        "documents": new_words(
            " ".join(paper_names(sections.get(DOCUMENTS_SECTION, ("", []))[1])), seen
        ),
    }
    return {key: value for key, value in record.items() if value not in ("", None)}


def build_index(procedures: list[Any], groups: list[list[str]], settings: dict) -> dict:
    fields: list[str] = []
    levels = list(settings["PROCEDURE_LEVELS"])
    labels = settings["PROCEDURE_ONLINE_LEVELS"]
    online = list(labels)
    docs = [record_of(procedure, fields, levels, online, groups) for procedure in procedures]
    return {
        "v": INDEX_VERSION,
        "fields": fields,
        "levels": levels,
        # The modifier is the label's CSS class, label--<modifier>, as the
        # server writes it (theme/templates/components/procedure_item.html).
        "online": [
            {"value": value, "label": labels[value], "modifier": slugify(value)} for value in online
        ],
        "stop": sorted(SEARCH_STOPWORDS),
        "docs": docs,
    }
