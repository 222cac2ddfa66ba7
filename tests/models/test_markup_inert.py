"""Markup typed into any text field of a procedure, a contact or a document is shown as
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


def test_markup_in_every_text_field_of_a_document_is_inert_everywhere(fixture_site):
    from tests.helpers import document

    site = fixture_site(
        {
            "van-ban/files/van-ban.pdf": "%PDF-1.4\n%%EOF\n",
            "van-ban/qd.md": document(
                f"Trích yếu {PAYLOAD}",
                "5/QĐ-UBND",
                **hostile("issuer", "signer", "signer_title", "field"),
                body=f"Ghi chú có số 5/QĐ-UBND và {PAYLOAD}",
            ),
        }
    )
    out = site.output
    for name in site.html_files():
        assert live_markup((out / name).read_text(encoding="utf-8")) == [], name
    page = site.page("van-ban/quyet-dinh-5-qd-ubnd/")
    facts = page.select_one(".summary-box").get_text()
    for text in ("Issuer <img", "Signer <img", "Field <img"):
        assert text in facts
    assert "Trích yếu <img" in page.h1.get_text()
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert any("<img src=x" in text for text in strings(data))
    table = site.page("van-ban/").select_one("#document-list tbody tr")
    assert "<img" in table["data-text"] and "<img" in table["data-field"]
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for entry in ET.parse(out / "feeds" / "van-ban.atom.xml").getroot().findall("a:entry", ns):
        assert live_markup(entry.find("a:content", ns).text) == []
        assert "<img src=x" in entry.find("a:title", ns).text  # a text field: shown as typed
    for item in ET.parse(out / "feeds" / "van-ban.rss.xml").getroot().iter("item"):
        assert live_markup(item.find("description").text) == []
    docs = [json.loads(p.read_text("utf-8")) for p in (out / "tim-kiem").glob("d*.json")]
    rows = [row for part in docs for row in part]
    assert any("<img src=x" in str(row) for row in rows)
