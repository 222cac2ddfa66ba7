"""What "nothing runs" means, checked on every file a build writes: no
script, event handler or script URL in any HTML page, in the HTML carried by
feeds (Atom type="html", RSS description and content:encoded), in JSON-LD,
in the search index or in the sitemap."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree

# A URL scheme that runs code or hides a document; browsers ignore
# whitespace, control characters and case before the colon.
SCRIPT_URL = re.compile(r"^[\x00-\x20]*(javascript|vbscript|data|file)[\x00-\x20]*:", re.I)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "srcset", "xlink:href")
FORBIDDEN_TAGS = ("iframe", "object", "embed", "base", "frame", "frameset", "applet")


def html_dangers(html: str, where: str, theme_scripts: tuple[str, ...] = ()) -> list[str]:
    """Every live danger in an HTML document or fragment."""
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        name = element.name.lower()
        if name == "script":
            kind = (element.get("type") or "").lower()
            if kind == "application/ld+json":
                found += jsonld_dangers(element.string or "", where)
            elif not (element.get("src") or "").startswith(theme_scripts) or element.string:
                found.append(f"{where}: <script> {str(element)[:80]}")
            continue
        if name in FORBIDDEN_TAGS:
            found.append(f"{where}: <{name}>")
        if name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
        for attribute, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on"):
                found.append(f"{where}: {attribute}= on <{name}>")
            elif attribute.lower() in URL_ATTRIBUTES and SCRIPT_URL.match(text):
                found.append(f"{where}: {attribute}={text[:60]!r} on <{name}>")
    return found


def jsonld_dangers(text: str, where: str) -> list[str]:
    if "</" in text:  # would end the <script> element early
        return [f"{where}: '</' inside JSON-LD"]
    try:
        data = json.loads(text)
    except ValueError:
        return [f"{where}: JSON-LD that is not JSON"]
    return [f"{where}: JSON-LD URL {url!r}" for url in urls_in(data) if SCRIPT_URL.match(url)]


def urls_in(data) -> list[str]:
    """String values under keys that hold a URL, anywhere in parsed JSON."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and (key.lower().endswith("url") or key in ("@id", "url")):
                found.append(value)
            else:
                found += urls_in(value)
    elif isinstance(data, list):
        for value in data:
            found += urls_in(value)
    return found


def feed_dangers(path: Path, where: str) -> list[str]:
    found = []
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname
        carries_html = (
            tag in ("content", "summary", "title") and element.get("type") == "html"
        ) or tag in ("description", "encoded")
        if carries_html and element.text:
            found += html_dangers(element.text, f"{where} <{tag}>")
        if tag == "link" and SCRIPT_URL.match(element.get("href") or element.text or ""):
            found.append(f"{where}: feed link {element.get('href') or element.text!r}")
        if tag == "enclosure" and SCRIPT_URL.match(element.get("url") or ""):
            found.append(f"{where}: enclosure {element.get('url')!r}")
        if tag == "loc" and not (element.text or "").startswith("https://"):
            found.append(f"{where}: sitemap <loc>{element.text}")
    return found


def output_dangers(output: Path, theme_scripts: tuple[str, ...]) -> list[str]:
    """Every live danger anywhere in a built site."""
    found = []
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        where = path.relative_to(output).as_posix()
        if path.suffix == ".html":
            found += html_dangers(path.read_text(encoding="utf-8"), where, theme_scripts)
        elif path.suffix == ".xml":
            found += feed_dangers(path, where)
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            found += [f"{where}: URL {u!r}" for u in urls_in(data) if SCRIPT_URL.match(u)]
    return found
