"""What content may contain: an allow-list applied by nh3 (the Ammonia
sanitiser), and how removed markup is explained to the editor."""

from __future__ import annotations

import re

import nh3

TAGS = set(nh3.ALLOWED_TAGS) | {
    "figure",
    "figcaption",
    "caption",
    "colgroup",
    "col",
    "details",
    "summary",
    "time",
    "mark",
    "section",
    "div",
    "span",
    "sup",
    "sub",
}
TAGS -= {"script", "style", "iframe", "object", "embed", "form", "input", "button"}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "abbr": {"title"},
    "col": {"span"},
    "colgroup": {"span"},
}
SCHEMES = {"http", "https", "mailto", "tel"}
# What an editor may have pasted that could run script, and how to say it.
DANGERS = [
    (re.compile(r"<\s*script", re.I), "thẻ <script>"),
    (re.compile(r"<\s*(iframe|object|embed)", re.I), "khung nhúng (iframe, object, embed)"),
    (re.compile(r"<\s*style", re.I), "thẻ <style>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "thuộc tính sự kiện (onclick, onerror…)"),
    (re.compile(r"javascript\s*:", re.I), "liên kết javascript:"),
    (re.compile(r"\sstyle\s*=", re.I), "thuộc tính style"),
    (re.compile(r"<\s*form", re.I), "biểu mẫu <form>"),
]


def clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def dangers(html: str) -> list[str]:
    """Names of the risky constructs present in `html`."""
    return [name for pattern, name in DANGERS if pattern.search(html)]
