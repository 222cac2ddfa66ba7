"""The compact search index of every procedure, written at build time and
read by theme/js/search.js."""

from __future__ import annotations

import re
from typing import Any

from procedure_search.synonyms import expand
from vietnamese.text import SEARCH_STOPWORDS, fold, plain_text, search_words, slugify, sort_vi

# Field order of a document record: search.js reads the same positions. The
# slug is left empty when search.js can derive it: it is the title's own and
# the folded title is plain ASCII (search.js has no transliteration table).
RECORD = (
    "title",
    "slug",
    "field",
    "level",
    "online",
    "code",
    "keywords",
    "synonyms",
    "agency",
    "result",
    "documents",
)
INDEX_VERSION = 1


def section_text(procedure: Any, title: str) -> str:
    return procedure.section_texts.get(title, ("", []))[0]


def document_names(procedure: Any) -> list[str]:
    """Names of the papers to bring: each checklist item up to its first
    bracket or semicolon (the count and form notes are not names)."""
    names = []
    for item in procedure.section_texts.get("Thành phần hồ sơ", ("", []))[1]:
        name = re.split(r"[(;:]", item, maxsplit=1)[0]
        name = " ".join(name.split()).rstrip(" .,")
        if name and name not in names:
            names.append(name)
    return names


def new_words(text: str, seen: set[str]) -> str:
    """The words of `text` not seen in a weightier field, once each: a field
    only needs to say which words it adds, and the index stays small."""
    words = []
    for word in search_words(text):
        if word not in seen and word not in SEARCH_STOPWORDS:
            seen.add(word)
            words.append(word)
    return " ".join(words)


def build_index(procedures: list[Any], groups: list[list[str]], settings: dict) -> dict:
    fields = [name for name in sort_vi({p.field for p in procedures})]
    levels = list(settings["PROCEDURE_LEVELS"])
    online = list(settings["PROCEDURE_ONLINE_LEVELS"])
    docs = []
    for procedure in procedures:
        title = plain_text(procedure.title)
        keywords = "; ".join(procedure.keywords)
        seen = set(search_words(f"{title} {keywords}"))
        docs.append(
            [
                title,
                ""
                if procedure.slug == slugify(title) and fold(title).isascii()
                else procedure.slug,
                fields.index(procedure.field),
                levels.index(procedure.level) if procedure.level in levels else -1,
                online.index(procedure.online) if procedure.online in online else -1,
                procedure.code,
                # Phrases, not bags: a query equal to one is a strong signal.
                keywords,
                "; ".join(expand(f"{title}; {keywords}", groups)),
                new_words(procedure.meta("agency"), seen),
                new_words(section_text(procedure, "Kết quả thực hiện"), seen),
                new_words(" ".join(document_names(procedure)), seen),
            ]
        )
    return {
        "v": INDEX_VERSION,
        "url": f"{settings['SITEURL']}/{settings['PROCEDURE_URL']}".replace("{slug}", "%s"),
        "fields": fields,
        "levels": levels,
        "online": [[value, settings["PROCEDURE_ONLINE_LEVELS"][value]] for value in online],
        "stop": sorted(SEARCH_STOPWORDS),
        "docs": docs,
    }
