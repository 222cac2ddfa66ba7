"""Feeds: every one parsed by feedparser, absolute URLs, stable ids,
escaping, language, discovery and the /feeds/ page."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.helpers import article, contact, procedure, text_of

BASE = "https://tphongngu.dongthap.gov.vn"
EXPECTED = [
    "tin-tuc",
    "chuyen-muc-tin-tuc-su-kien",
    "chuyen-muc-cai-cach-hanh-chinh",
    "chuyen-muc-thong-bao",
    "chuyen-muc-chi-dao-dieu-hanh",
    "chuyen-muc-kinh-te-xa-hoi",
    "thu-tuc",
]
OFFSET = re.compile(r"\+07:00$")


def parse(site, name: str, kind: str):
    path = site.output / "feeds" / f"{name}.{kind}.xml"
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (name, kind, parsed.get("bozo_exception"))
    return parsed


@pytest.mark.parametrize("name", EXPECTED)
def test_every_feed_exists_in_both_formats_and_parses(sample_site, name):
    atom = parse(sample_site, name, "atom")
    rss = parse(sample_site, name, "rss")
    assert atom.version == "atom10" and rss.version == "rss20"
    assert atom.feed.title == rss.feed.title
    assert [e.id for e in atom.entries] == [e.id for e in rss.entries]
    assert atom.entries, name
    raw_atom = (sample_site.output / "feeds" / f"{name}.atom.xml").read_text(encoding="utf-8")
    raw_rss = (sample_site.output / "feeds" / f"{name}.rss.xml").read_text(encoding="utf-8")
    assert 'xml:lang="vi"' in raw_atom and "<language>vi</language>" in raw_rss
    self_links = [link.href for link in atom.feed.links if link.rel == "self"]
    assert self_links == [f"{BASE}/feeds/{name}.atom.xml"]
    assert rss.feed.link.startswith(BASE)
    assert OFFSET.search(re.search(r"<updated>([^<]+)</updated>", raw_atom).group(1))
    for entry in atom.entries:
        assert entry.id.startswith("tag:tphongngu.dongthap.gov.vn,")
        assert entry.link.startswith(f"{BASE}/")
        assert entry.title and entry.content[0].value
        assert entry.published_parsed and entry.updated_parsed
        assert entry.get("authors") or name == "thu-tuc"
        assert entry.tags
    for published in re.findall(r"<published>([^<]+)</published>", raw_atom):
        assert OFFSET.search(published)
    assert all(re.search(r"\+0700$", d) for d in re.findall(r"<pubDate>([^<]+)</pubDate>", raw_rss))


def test_feed_date_is_its_newest_entry(sample_site):
    atom = parse(sample_site, "tin-tuc", "atom")
    assert atom.feed.updated_parsed == max(e.updated_parsed for e in atom.entries)


def test_links_and_images_inside_content_are_absolute(sample_site):
    checked = 0
    for name in EXPECTED:
        for entry in parse(sample_site, name, "atom").entries:
            soup = BeautifulSoup(entry.content[0].value, "html.parser")
            for element in soup.find_all(["a", "img"]):
                url = element.get("href") or element.get("src")
                if url.startswith(("mailto:", "tel:")):
                    continue
                assert urlparse(url).scheme in {"http", "https"}, (name, url)
                checked += 1
    assert checked > 10


def test_lead_image_is_an_enclosure(sample_site):
    entries = parse(sample_site, "tin-tuc", "rss").entries
    enclosures = [e.enclosures[0] for e in entries if e.get("enclosures")]
    assert enclosures
    assert all(e.href.startswith(f"{BASE}/images/") and int(e.length) > 0 for e in enclosures)
    assert {e.type for e in enclosures} == {"image/svg+xml", "image/jpeg"}
    for enclosure in enclosures:  # each one published, at the length the feed gives
        published = sample_site.output / enclosure.href.removeprefix(f"{BASE}/")
        assert published.stat().st_size == int(enclosure.length)


def test_procedure_feed_is_newest_update_first(sample_site):
    entries = parse(sample_site, "thu-tuc", "atom").entries
    updated = [e.updated_parsed for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert any(e.updated_parsed != e.published_parsed for e in entries)  # Modified changed


def test_ids_survive_a_title_change_and_hostile_titles_stay_text(fixture_site, tmp_path):
    hostile = 'Dân & "phố" <script>alert(1)</script>'
    first = fixture_site({"tin-tuc/bai.md": article(hostile, "2024-03-04 08:30")})
    entry = parse(first, "tin-tuc", "atom").entries[0]
    assert entry.title == "Dân & “phố” <script>alert(1)</script>"  # typographic quotes, text kept
    raw = (first.output / "feeds" / "tin-tuc.rss.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw
    renamed = fixture_site(
        {"tin-tuc/bai.md": article("Tiêu đề mới", "2024-03-04 08:30")}, output=tmp_path / "again"
    )
    again = parse(renamed, "tin-tuc", "atom").entries[0]
    assert again.id == entry.id and again.link != entry.link


def test_item_count_and_summary_only_are_settings(fixture_site):
    files = {f"tin-tuc/{n}.md": article(f"Bài {n}", f"2024-03-{n + 1:02d} 08:30") for n in range(5)}
    site = fixture_site(files, PORTAL_FEED_MAX_ITEMS=3, PORTAL_FEED_FULL_CONTENT=False)
    atom = parse(site, "tin-tuc", "atom")
    assert [text_of_title(e) for e in atom.entries] == ["Bài 4", "Bài 3", "Bài 2"]
    assert "content" not in atom.entries[0] and atom.entries[0].summary


def text_of_title(entry) -> str:
    return " ".join(entry.title.split())


def test_discovery_links_and_feeds_page(sample_site):
    home = sample_site.page("")
    assert (
        home.select_one('link[rel="alternate"][type="application/atom+xml"]')["href"]
        == "/feeds/tin-tuc.atom.xml"
    )
    notices = sample_site.page("chuyen-muc/thong-bao/")
    hrefs = [link["href"] for link in notices.select('link[rel="alternate"]')]
    assert (
        "/feeds/chuyen-muc-thong-bao.atom.xml" in hrefs
        and "/feeds/chuyen-muc-thong-bao.rss.xml" in hrefs
    )
    page = sample_site.page("feeds/")
    listed = {a["href"] for a in page.select("main table a")}
    for name in EXPECTED:
        assert f"/feeds/{name}.atom.xml" in listed and f"/feeds/{name}.rss.xml" in listed
    assert "ứng dụng đọc tin" in text_of(page.select_one("main"))


def test_procedure_feed_on_fixture(fixture_site):
    site = fixture_site(
        {
            "lien-he/mc.md": contact("Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua"),
            "thu-tuc/a.md": procedure(
                "Thủ tục A", "1.000001", date="2023-01-02 08:00", modified="2024-06-01 09:00"
            ),
            "thu-tuc/b.md": procedure("Thủ tục B", "1.000002", date="2024-02-02 08:00"),
        }
    )
    entries = parse(site, "thu-tuc", "rss").entries
    assert [e.title for e in entries] == ["Thủ tục A", "Thủ tục B"]
    assert "Mã thủ tục: 1.000001" in entries[0].summary
