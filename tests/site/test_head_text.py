"""Text appears once-escaped everywhere (issue 12): a title or Summary that
holds "&", "<" or quotes reaches the browser tab, meta descriptions, Open
Graph, feeds, JSON-LD and the search index as the words the editor typed,
escaped once for each format, and page headings keep their last two words
together.

The fixture sites are the hostile cases escape--*.toml, so the harness
(tests/hostile) also finds them inert."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from lxml import etree

from site_tools.build import build
from tests.helpers import BuiltSite
from tests.hostile.test_hostile import HERE, load, sandbox

SITENAME = "Cổng thông tin điện tử thành phố Hồng Ngự"
# <title> and the content of every description, Open Graph and Twitter tag,
# as written in the page's source.
HEAD_TEXT = re.compile(
    r"<title>([^<]*)</title>"
    r"|<meta (?:name|property)=\"(?:description|og:[a-z_:]+|twitter:[a-z_:]+)\" content=\"([^\"]*)\""
)
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def head_texts(html: str) -> list[str]:
    return [title or content for title, content in HEAD_TEXT.findall(html)]


def test_head_text_of_every_sample_page_is_escaped_once(sample_site):
    """Decoding once leaves plain text: no tag, no entity (so no "&amp;nbsp;",
    no "&lt;p&gt;", no "<span class="amp">")."""
    wrong = []
    for path in sample_site.html_files():
        html = (sample_site.output / path).read_text(encoding="utf-8")
        texts = head_texts(html)
        assert len(texts) >= 6, path  # title, description, og:title, og:description…
        for raw in texts:
            shown = unescape(raw)
            if "<" in shown or ENTITY.search(shown) or not shown.strip():
                wrong.append((path, raw))
    assert wrong == []


def test_an_ampersand_in_a_sample_title_is_escaped_once(sample_site):
    html = (
        sample_site.output
        / "tin-tuc/phong-gd-dt-thong-bao-ke-hoach-tuyen-sinh-vao-lop-6-nam-hoc-2023-2024/index.html"
    ).read_text(encoding="utf-8")
    assert "<title>Phòng GD&amp;ĐT thông báo kế hoạch tuyển sinh" in html
    assert '<meta property="og:title" content="Phòng GD&amp;ĐT thông báo' in html


def test_sample_page_descriptions_are_their_summary_as_text(sample_site):
    page = sample_site.page("co-cau-to-chuc/")
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith("Cơ cấu tổ chức của Ủy ban nhân dân thành phố Hồng Ngự")
    assert description.endswith("trực thuộc.")  # the typeset no-break space is a space


@pytest.fixture(scope="module")
def escape_sites(tmp_path_factory) -> dict[str, BuiltSite]:
    """Each escape--*.toml case built on the base site: case name → site."""
    sites = {}
    for path in sorted((HERE / "cases").glob("escape--*.toml")):
        root = tmp_path_factory.mktemp(path.stem)
        content, output = sandbox(root, load(path), {})
        build(content, output)
        sites[path.stem] = BuiltSite(output)
    return sites


# (case, page, title as typed and typeset, heading with its no-break space,
#  description as text)
SHOWN = [
    (
        "escape--ampersand",
        "tin-tuc/kinh-te-xa-hoi-dang-ky-kinh-doanh-gd-dt/",
        "Kinh tế & Xã hội: “Đăng ký” kinh doanh — GD&ĐT",
        "Kinh tế & Xã hội: “Đăng ký” kinh doanh —\u00a0GD&ĐT",
        "Sở KH&ĐT & Phòng Tài chính — Kế hoạch hướng dẫn “hộ kinh doanh”.",
    ),
    (
        "escape--markup-and-quotes",
        "tin-tuc/chi-so-bpapi-b-tang-khi-1-2-3-2/",
        "Chỉ số <b>PAPI</b> “tăng” khi 1 < 2 & 3 > 2",
        "Chỉ số <b>PAPI</b> “tăng” khi 1 < 2 & 3 >\u00a02",
        "Điều “khoản” mới & 1 < 2.",
    ),
    (
        "escape--markup-and-quotes",
        "dieu-khoan-su-dung/",
        "Điều khoản “sử dụng” <beta>",
        "Điều khoản “sử dụng”\u00a0<beta>",
        "Quy định khi dùng lại tin & ảnh “của cổng”.",
    ),
]


@pytest.mark.parametrize(("case", "path", "title", "heading", "description"), SHOWN)
def test_head_tags_show_the_typed_text(escape_sites, case, path, title, heading, description):
    page = escape_sites[case].page(path)
    assert page.title.string == f"{title} | {SITENAME}"
    assert page.select_one('meta[property="og:title"]')["content"] == title
    assert page.h1.get_text() == heading
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert page.select_one(selector)["content"] == description
    assert page.select_one('nav.breadcrumbs [aria-current="page"]').get_text() == title


def test_the_tab_shows_an_ampersand_escaped_once(escape_sites):
    site = escape_sites["escape--ampersand"]
    html = (site.output / "tin-tuc/kinh-te-xa-hoi-dang-ky-kinh-doanh-gd-dt/index.html").read_text(
        encoding="utf-8"
    )
    assert "<title>Kinh tế &amp; Xã hội: “Đăng ký” kinh doanh — GD&amp;ĐT | " in html
    assert "&amp;amp;" not in html and 'class="amp"' not in html.split("</head>")[0]


def entry_texts(feed: etree._ElementTree, tag: str) -> list[str]:
    return [e.text for e in feed.iter() if etree.QName(e).localname == tag and e.text]


def test_feeds_carry_titles_and_summaries_as_text(escape_sites):
    site = escape_sites["escape--ampersand"]
    title, summary = SHOWN[0][2], SHOWN[0][4]
    atom = etree.parse(str(site.output / "feeds/tin-tuc.atom.xml"))
    assert title in entry_texts(atom, "title")
    assert summary in entry_texts(atom, "summary")
    rss = etree.parse(str(site.output / "feeds/tin-tuc.rss.xml"))
    assert title in entry_texts(rss, "title")
    # RSS readers take <description> as HTML: the text escaped once more.
    assert summary.replace("&", "&amp;") in entry_texts(rss, "description")
    procedures = etree.parse(str(site.output / "feeds/thu-tuc.atom.xml"))
    assert "Đăng ký hộ kinh doanh & thay đổi nội dung" in entry_texts(procedures, "title")


def jsonld(site: BuiltSite, path: str) -> dict:
    return json.loads(site.page(path).find("script", type="application/ld+json").string)


def test_jsonld_and_search_index_carry_titles_as_text(escape_sites):
    site = escape_sites["escape--ampersand"]
    procedure = "thu-tuc/dang-ky-ho-kinh-doanh-thay-doi-noi-dung/"
    service = jsonld(site, procedure)
    assert service["name"] == "Đăng ký hộ kinh doanh & thay đổi nội dung"
    assert service["availableChannel"][0]["name"] == "Phòng Tài chính & Kế hoạch"
    organization = jsonld(site, "lien-he/phong-tai-chinh-ke-hoach/")
    assert organization["name"] == "Phòng Tài chính & Kế hoạch"
    index_file = next((site.output / "thu-tuc").glob("tim-kiem.*.json"))
    index = json.loads(index_file.read_text(encoding="utf-8"))
    titles = {doc["url"]: doc["title"] for doc in index["docs"]}
    assert titles[f"/{procedure}"] == "Đăng ký hộ kinh doanh & thay đổi nội dung"
