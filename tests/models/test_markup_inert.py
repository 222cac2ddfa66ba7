"""Markup typed into any text field of a procedure or a contact is shown as
text in every output: pages, JSON-LD, Atom and RSS feeds, the search index.
Link fields (Phone, Fax, Email, Service-url) are not text: markup there is
refused at its line (portal/links.py)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from site_tools.build import BuildFailed
from tests.helpers import contact, procedure

PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def live_markup(html: str) -> list[str]:
    """Elements an HTML reader would create from `html` that carry script."""
    soup = BeautifulSoup(html, "lxml")
    found = [
        str(tag)
        for tag in soup.find_all("script")
        if tag.get("type") != "application/ld+json" and not tag.get("src", "").startswith("/theme/")
    ]
    found += [str(tag) for tag in soup.find_all(attrs={"onerror": True})]
    return found


def strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for value in values for text in strings(value)]


def hostile(*keys: str) -> dict[str, str]:
    """Each of `keys` with a value that ends in the payload."""
    return {key: f"{key.capitalize()} {PAYLOAD}" for key in keys}


def hostile_site(fixture_site):
    return fixture_site(
        {
            "lien-he/don-vi.md": contact(
                f"Đơn vị {PAYLOAD}",
                "don-vi",
                **hostile("address", "hours", "head", "head_title"),
            ),
            "thu-tuc/a.md": procedure(
                f"Thủ tục {PAYLOAD}",
                "1.000001",
                submit_at="don-vi",
                **hostile("field", "agency", "processing_time", "fee", "keywords"),
            ),
        }
    )


def test_markup_in_every_field_is_inert_everywhere(fixture_site):
    site = hostile_site(fixture_site)
    out = site.output
    for name in site.html_files():
        html = (out / name).read_text(encoding="utf-8")
        assert live_markup(html) == [], name
    # The payload is shown as text on the procedure and the unit's pages.
    procedure_page = next(n for n in site.html_files() if n.startswith("thu-tuc/thu-tuc-"))
    soup = site.page(procedure_page)
    facts = soup.select_one(".summary-box").get_text()
    for text in ("Fee <img", "Processing_time <img", "Agency <img", "Field <img"):
        assert text in facts
    unit = site.page("lien-he/don-vi/").select_one(".contact-block").get_text()
    for text in ("Address <img", "Hours <img", "Head <img", "Head_title <img"):
        assert text in unit

    # JSON-LD: valid JSON whose strings hold the payload as text.
    for name in (procedure_page, "lien-he/don-vi/index.html"):
        for script in site.page(name).find_all("script", type="application/ld+json"):
            raw = script.string
            assert "<" not in raw  # escaped as \\u003c: no </script> can close it
            data = json.loads(raw)
            assert any("<img src=x" in text for text in strings(data))

    # Feeds: Atom HTML content and RSS description, as a reader would show them.
    atom = ET.parse(out / "feeds" / "thu-tuc.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for entry in atom.findall("a:entry", ns):
        assert live_markup(entry.find("a:content", ns).text) == []
        assert entry.find("a:summary", ns).get("type", "text") == "text"
        assert "Fee <img" in entry.find("a:summary", ns).text
    rss = ET.parse(out / "feeds" / "thu-tuc.rss.xml").getroot()
    for item in rss.iter("item"):
        description = item.find("description").text
        assert live_markup(description) == []
        assert "Fee <img" in BeautifulSoup(description, "lxml").get_text()
        encoded = item.find("{http://purl.org/rss/1.0/modules/content/}encoded")
        if encoded is not None:
            assert live_markup(encoded.text) == []

    # The search index: plain strings, the payload kept as text.
    index = json.loads(next((out / "thu-tuc").glob("tim-kiem.*.json")).read_text("utf-8"))
    record = index["docs"][0]
    assert "<img src=x" in record["title"] and "<script>" in record["title"]
    assert all(isinstance(value, (str, int)) for value in record.values())


def test_markup_in_a_link_field_is_refused_at_its_line(fixture_site):
    files = {
        "lien-he/don-vi.md": contact(
            "Đơn vị",
            "don-vi",
            phone=f"0277 3563 100 {PAYLOAD}",
            fax=f"0277 3563 101 {PAYLOAD}",
            email=f"a@b.vn {PAYLOAD}",
        ),
        "thu-tuc/a.md": procedure("Thủ tục", "1.000001", service_url=f"https://a.vn/{PAYLOAD}"),
    }
    with pytest.raises(BuildFailed) as failed:
        fixture_site(files)
    found = {message.split(":")[2].strip() for message in failed.value.messages}
    assert {"Phone", "Fax", "Email", "Service-url"} <= found, failed.value.messages
