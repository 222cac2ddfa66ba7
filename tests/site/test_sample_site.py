"""The sample site, built once: every page checked as a citizen's browser and
a search engine would see it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.helpers import broken_links, text_of
from vietnamese import text

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def metadata(path: Path) -> dict[str, str]:
    keys = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        keys[key.strip().lower()] = value.strip()
    return keys


def article_sources() -> list[Path]:
    return sorted((CONTENT / "tin-tuc").rglob("*.md"))


def test_sample_content_is_big_enough():
    sources = article_sources()
    categories = {metadata(p)["category"] for p in sources}
    assert len(sources) >= 24
    assert {
        "Cải cách hành chính",
        "Tin tức - Sự kiện",
        "Thông báo",
        "Chỉ đạo - Điều hành",
    } <= categories
    assert sum(metadata(p).get("pinned") == "yes" for p in sources) >= 1
    assert all(metadata(p)["date"] < "2025-07-01" for p in sources)
    assert len(list((CONTENT / "trang").glob("*.md"))) >= 3


def test_every_article_is_at_its_url(sample_site):
    for source in article_sources():
        keys = metadata(source)
        slug = keys.get("slug") or text.slugify(keys["title"])
        page = sample_site.page(f"tin-tuc/{slug}/")
        assert text_of(page.h1) == text_of_title(keys["title"]), source


def text_of_title(title: str) -> str:
    # the typography turns straight quotes into curly ones
    return re.sub(r'"([^"]*)"', "“\\1”", title)


def test_every_page_is_vietnamese_with_footer_identity(sample_site):
    identity = [
        "Ủy ban nhân dân thành phố Hồng Ngự",
        "Khóm An Thạnh A, phường An Lộc",
        "0277 3563 362",
        "ubnd@hongngu.dongthap.gov.vn",
        "Chịu trách nhiệm nội dung",
        "Thông tin cập nhật đến",
        "30/06/2025",
    ]
    for path, page in sample_site.pages():
        assert page.html["lang"] == "vi", path
        assert page.find("meta", charset=True)["charset"] == "utf-8", path
        footer = text_of(page.select_one("footer.site-footer"))
        for fact in identity:
            assert fact in footer, (path, fact)


def test_pages_carry_canonical_open_graph_and_description(sample_site):
    for path, page in sample_site.pages():
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical.startswith("https://"), path
        if path != "404.html":
            expected = "/" + path.removesuffix("index.html")
            assert urlparse(canonical).path == expected, path
        assert page.select_one('meta[name="description"]')["content"].strip(), path
        for prop in ("og:title", "og:description", "og:url", "og:image", "og:locale"):
            value = page.select_one(f'meta[property="{prop}"]')["content"]
            assert value.strip(), (path, prop)
        assert page.select_one('meta[property="og:image"]')["content"].startswith("https://")
        assert page.select_one('link[rel="icon"]') is not None


def test_dates_are_vietnamese_and_weekdays_right(sample_site):
    checked = 0
    for path, page in sample_site.pages():
        for time in page.select("time[datetime]"):
            shown = text_of(time)
            moment = dt.date.fromisoformat(time["datetime"][:10])
            assert moment.strftime("%d/%m/%Y") in shown, (path, shown)
            if shown.startswith(("Thứ", "Chủ")):
                assert shown.startswith(WEEKDAYS[moment.weekday()] + ","), (path, shown)
                checked += 1
    assert checked >= 24


def test_output_is_nfc(sample_site):
    for file in sample_site.output.rglob("*"):
        if file.suffix in {".html", ".xml", ".txt", ".css"}:
            assert unicodedata.is_normalized("NFC", file.read_text(encoding="utf-8")), file


def test_all_output_paths_are_ascii(sample_site):
    for file in sample_site.output.rglob("*"):
        assert file.relative_to(sample_site.output).as_posix().isascii(), file


def test_acronyms_are_treated_alike(sample_site):
    html = "".join(
        (sample_site.output / path).read_text(encoding="utf-8") for path in sample_site.html_files()
    )
    assert "UBND" in html and "HĐND" in html
    # typogrify's ASCII-only caps filter wrapped UBND but not HĐND: none is wrapped
    assert 'class="caps"' not in html


def test_no_broken_internal_link_or_image(sample_site):
    assert broken_links(sample_site) == []


def test_no_inline_script_style_or_handler(sample_site):
    for path, page in sample_site.pages():
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", path
        assert not page.find_all("style"), path
        for element in page.find_all(True):
            assert "style" not in element.attrs, (path, element.name)
            assert not [a for a in element.attrs if a.lower().startswith("on")], path


def test_home_has_pinned_latest_and_category_blocks(sample_site):
    home = sample_site.page("")
    pinned = home.select(".home-pinned .news-card")
    assert pinned, "the pinned notice leads the home page"
    main_sections = [s["class"][0] for s in home.select("main > section")]
    assert main_sections.index("home-pinned") < main_sections.index("home-latest")
    assert len(home.select(".home-latest .news-card")) == 6
    blocks = [text_of(h) for h in home.select(".home-category h2")]
    assert blocks[:4] == [
        "Tin tức - Sự kiện",
        "Cải cách hành chính",
        "Thông báo",
        "Chỉ đạo - Điều hành",
    ]


def test_header_navigation_and_skip_link(sample_site):
    page = sample_site.page("")
    first_link = page.body.find("a")
    assert first_link["href"] == "#noi-dung" and page.select_one("main#noi-dung")
    labels = [text_of(a) for a in page.select("nav.main-nav a")]
    assert labels == [
        "Trang chủ",
        "Tin tức",
        "Cải cách hành chính",
        "Thông báo",
        "Thủ tục hành chính",
        "Văn bản",
        "Liên hệ",
    ]
    assert page.select_one('nav.main-nav a[aria-current="page"]')["href"] == "/"
    notice = sample_site.page("chuyen-muc/thong-bao/")
    assert text_of(notice.select_one('nav.main-nav a[aria-current="page"]')) == "Thông báo"


@pytest.mark.parametrize(
    "path",
    [
        "tin-tuc/",
        "chuyen-muc/",
        "the/",
        "tac-gia/",
        "luu-tru/",
        "gioi-thieu/",
        "co-cau-to-chuc/",
        "dieu-khoan-su-dung/",
        "404.html",
    ],
)
def test_listing_and_static_pages_exist(sample_site, path):
    page = sample_site.page(path)
    assert page.h1 and text_of(page.h1)


def test_listings_paginate_into_folders(sample_site):
    news = sample_site.page("tin-tuc/")
    assert len(news.select(".news-card")) == 10
    second = sample_site.page("tin-tuc/trang-2/")
    assert "Trang 2" in text_of(second.title)
    assert second.select_one('a[rel="prev"]')["href"] == "/tin-tuc/"


def test_404_page_is_vietnamese(sample_site):
    page = sample_site.page("404.html")
    assert text_of(page.h1) == "Không tìm thấy trang"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_sitemap_and_robots(sample_site):
    sitemap = (sample_site.output / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(loc.startswith("https://tphongngu.dongthap.gov.vn/") for loc in locs)
    for source in article_sources():
        keys = metadata(source)
        slug = keys.get("slug") or text.slugify(keys["title"])
        assert f"https://tphongngu.dongthap.gov.vn/tin-tuc/{slug}/" in locs
    assert "404.html" not in sitemap
    assert re.search(r"<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00</lastmod>", sitemap)
    # A page about one item is as new as that item, not as the newest article.
    procedure = re.search(
        r"<loc>[^<]*/thu-tuc/cap-ban-sao-trich-luc-ho-tich/</loc>\s*<lastmod>([^<]+)</lastmod>",
        sitemap,
    )
    assert procedure is not None and procedure.group(1) == "2021-07-19T09:00:00+07:00"
    robots = (sample_site.output / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://tphongngu.dongthap.gov.vn/sitemap.xml" in robots


def test_stylesheet_is_fingerprinted_and_prints_on_a4(sample_site):
    href = sample_site.page("").select_one('link[rel="stylesheet"]')["href"]
    assert re.fullmatch(r"/theme/portal\.[0-9a-f]{10}\.css", href)
    css = (sample_site.output / href.lstrip("/")).read_text(encoding="utf-8")
    assert "@media print" in css and "size: A4" in css
    assert "attr(href)" in css
    assert "@font-face" not in css and "@import" not in css
