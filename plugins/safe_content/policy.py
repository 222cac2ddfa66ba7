"""What content may contain: an allow-list applied by nh3 (the Ammonia
sanitiser), and how removed markup is explained to the editor."""

from __future__ import annotations

import re
from collections import Counter

import nh3
from lxml import etree

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
# What a browser skips before a URL's scheme, and ignores inside it (WHATWG
# URL parsing).
URL_LEAD = "".join(map(chr, range(0x21)))
URL_NOISE = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I)
PARSER = etree.HTMLParser()  # libxml2's: reads the fragments before and after cleaning alike


def url_scheme(url: str) -> str:
    """The scheme a browser reads from `url`, lower-case; "" for a relative
    URL."""
    match = SCHEME.match(URL_NOISE.sub("", url).lstrip(URL_LEAD))
    return match.group(1).lower() if match else ""


def clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def removed(html: str, cleaned: str) -> list[str]:
    """Names of what `clean` took out of `html` (`cleaned` is its result),
    in document order. The elements, attributes and comments of the two are
    compared, so whatever the policy removes is named: the report cannot
    drift from the allow-list."""
    lost = _inventory(html) - _inventory(cleaned)
    gone = {thing[1] for thing in lost if thing[0] == "tag"}
    # The attributes of a removed element go with it: the element is named.
    shown = [thing for thing in lost if thing[0] != "attribute" or thing[1] not in gone]
    return list(dict.fromkeys(map(_name, shown)))


def _inventory(html: str) -> Counter:
    """Every element (with its attributes) and comment of an HTML fragment."""
    found: list[tuple[str, ...]] = []
    for element in etree.fromstring(f"<div>{html}</div>", PARSER).iter():
        tag = element.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            found.append(("comment", ""))
            continue
        # A <meta> is named by what it does (http-equiv=refresh redirects).
        found.append(("tag", tag, element.get("http-equiv", "").lower() if tag == "meta" else ""))
        found.extend(("attribute", tag, name, value) for name, value in element.items())
    return Counter(found)


def _name(thing: tuple[str, ...]) -> str:
    """How the editor is told about one removed thing."""
    kind, tag, *rest = thing
    if kind == "comment":
        return "chú thích HTML <!-- … -->"
    if kind == "tag":
        return f"thẻ <{tag} http-equiv={rest[0]}>" if rest[0] else f"thẻ <{tag}>"
    attribute, value = rest
    if attribute.startswith("on"):
        return f"thuộc tính sự kiện {attribute}"
    if attribute in ("href", "src"):
        scheme = url_scheme(value)
        return f"liên kết {scheme}:" if scheme else "liên kết không hợp lệ"
    return f"thuộc tính {attribute}"
