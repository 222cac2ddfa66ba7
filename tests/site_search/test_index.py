"""The site search index a build writes (plugins/site_search): every
published item once, with its URL, type and plain text; drafts, hidden and
scheduled items never; shards that a query can find its terms in."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from portal.state import BuildState
from site_search.index import term_hash
from site_tools.build import build
from tests.helpers import BuiltSite, article, contact, procedure, write_content

HOSTILE = 'Lịch <img src=x onerror=alert(1)> & <script>alert(2)</script> "ngoặc"'
FIELDS = ("url", "title", "type", "date", "category", "text", "image")  # of a docs file row
MARKUP = re.compile(r"<(p|a|strong|em|h[1-6]|li|ul|ol|table|td|th|img|script)\b|&(amp|nbsp|lt|gt);")


def load(site: BuiltSite) -> tuple[dict, list[dict], dict[str, list[int]]]:
    """The manifest, every doc (its fields by name) and every term's postings."""
    form = site.page("tim-kiem/").find("form", id="portal-search")
    path = form["data-index"].removeprefix("/")
    assert re.fullmatch(r"tim-kiem/chi-muc\.[0-9a-f]{10}\.json", path)
    manifest = json.loads((site.output / path).read_text(encoding="utf-8"))
    folder = site.output / "tim-kiem"

    def part(name: str):
        return json.loads((folder / f"{name}.{manifest['files'][name]}.json").read_text("utf-8"))

    docs = []
    for bucket in range(-(-manifest["n"] // manifest["bucket"])):
        for row in part(f"d{bucket}"):
            docs.append(dict(zip(FIELDS, row, strict=True)))
    postings = {}
    for shard in range(manifest["shards"]):
        for term, flat in part(f"t{shard}").items():
            assert term_hash(term) % manifest["shards"] == shard, term
            postings[term] = flat
    return manifest, docs, postings


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from tests.conftest import ROOT

    output = tmp_path_factory.mktemp("site-search") / "output"
    build(ROOT / "content", output)
    return BuiltSite(output)


def test_every_published_item_of_the_sample_site_is_indexed_once(sample):
    manifest, docs, postings = load(sample)
    urls = [doc["url"] for doc in docs]
    assert len(urls) == len(set(urls)) == manifest["n"]
    types = {}
    for doc in docs:
        types[doc["type"]] = types.get(doc["type"], 0) + 1
        # Each URL is a page the build wrote, with the title as its h1.
        page = sample.page(doc["url"].removeprefix("/"))
        assert " ".join(page.find("h1").get_text().split()) == doc["title"]
    assert types == {
        "Tin tức": 25,
        "Thông báo": 7,
        "Văn bản": 95,
        "Thủ tục": 47,
        "Trang": 4,
        "Liên hệ": 22,
    }
    # Per doc facets line up with the docs files.
    for number, doc in enumerate(docs):
        assert manifest["types"][manifest["t"][number]] == doc["type"]
        if doc["date"]:
            assert manifest["years"][manifest["y"][number]] == doc["date"][:4]
    # Pinned first, then the newest: a tie goes to the lower number.
    dated = [doc["date"] for doc in docs[1:] if doc["date"]]
    assert dated == sorted(dated, reverse=True)
    assert "khai sinh" in postings and "1126" in postings and "0277" in postings


def test_records_are_plain_text(sample):
    _, docs, _ = load(sample)
    for doc in docs:
        for key in ("title", "text", "category"):
            assert not MARKUP.search(doc[key] or ""), (doc["url"], key, doc[key])


FILES = {
    "tin-tuc/dang.md": article(
        HOSTILE, "2024-05-05 09:00", category="Thông báo", tags="lịch, một cửa", slug="lich"
    ),
    "tin-tuc/cu.md": article("Tin cũ về hộ nghèo", "2021-05-05 09:00"),
    "tin-tuc/nhap.md": article("Bài nháp riêng", "2024-05-06 09:00", status="draft"),
    "tin-tuc/an.md": article("Bài ẩn riêng", "2024-05-07 09:00", status="hidden"),
    "tin-tuc/hen.md": article("Bài hẹn giờ", "2030-12-05 08:30"),
    "lien-he/mc.md": contact("Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua"),
    "lien-he/nhap.md": contact("Phòng nháp riêng", "phong-nhap-rieng", "co-quan", status="draft"),
    "thu-tuc/dang.md": procedure("Đăng ký khai sinh", "1.001193", keywords="làm giấy khai sinh"),
    "thu-tuc/an.md": procedure("Thủ tục ẩn riêng", "1.000003", status="hidden"),
    "trang/gioi-thieu.md": "Title: Giới thiệu\nSlug: gioi-thieu\n\n## Lịch sử\n\n**Đậm** & rõ.\n",
    "trang/nhap.md": "Title: Trang nháp riêng\nSlug: trang-nhap\nStatus: draft\n\nNháp.\n",
}


def test_only_published_items_are_indexed_as_text(tmp_path):
    content = write_content(tmp_path, FILES)
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    build(content, tmp_path / "out", state=BuildState(now=now))
    site = BuiltSite(tmp_path / "out")
    manifest, docs, postings = load(site)
    by_url = {doc["url"]: doc for doc in docs}
    assert sorted(by_url) == [
        "/gioi-thieu/",
        "/lien-he/bo-phan-mot-cua/",
        "/thu-tuc/dang-ky-khai-sinh/",
        "/tin-tuc/lich/",
        "/tin-tuc/tin-cu-ve-ho-ngheo/",
    ]
    every_text = "".join(p.read_text("utf-8") for p in (site.output / "tim-kiem").glob("*.json"))
    for word in ("nhap", "nháp", "ẩn riêng", "an rieng", "hẹn giờ", "hen gio"):
        assert word not in every_text, word
    notice = by_url["/tin-tuc/lich/"]
    # The title as text: its markup is characters to show, never elements.
    assert "<img src=x onerror=alert(1)> & <script>alert(2)</script>" in notice["title"]
    assert (notice["type"], notice["category"], notice["date"]) == (
        "Thông báo",
        "Thông báo",
        "2024-05-05",
    )
    page = by_url["/gioi-thieu/"]
    assert page["type"] == "Trang" and "Lịch sử" in page["text"] and "Đậm & rõ." in page["text"]
    assert not MARKUP.search(page["text"])
    # A title word weighs 10, a heading's 6, the body's 1.
    number = {doc["url"]: n for n, doc in enumerate(docs)}
    assert weights(postings["lich"])[number["/tin-tuc/lich/"]] == 10
    assert weights(postings["su"])[number["/gioi-thieu/"]] == 6
    assert weights(postings["ro"])[number["/gioi-thieu/"]] == 1
    assert manifest["types"][manifest["t"][0]] == "Thông báo"  # newest first


def weights(flat: list[int]) -> dict[int, int]:
    """Postings [step, weight, step, weight…] as {doc: weight}."""
    found, doc = {}, 0
    for step, weight in zip(flat[::2], flat[1::2], strict=True):
        doc += step
        found[doc] = weight
    return found
