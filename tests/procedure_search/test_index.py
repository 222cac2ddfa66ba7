"""The search index a build writes (plugins/procedure_search/index.py): one
record with named keys per procedure, each with the URL of its page."""

from __future__ import annotations

import json

import pytest

from tests.helpers import contact, procedure, text_of
from vietnamese.text import slugify

HOSTILE = 'Thủ tục <img src=x onerror=alert(1)> & <script>alert(2)</script> "ngoặc"'
KEYS = {
    "url",
    "title",
    "code",
    "field",
    "level",
    "online",
    "keywords",
    "synonyms",
    "agency",
    "result",
    "documents",
}


@pytest.fixture
def site(fixture_site):
    return fixture_site(
        {
            "lien-he/mc.md": contact("Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua"),
            "thu-tuc/a.md": procedure(HOSTILE, "1.000001", slug="thu-tuc-hostile"),
            "thu-tuc/b.md": procedure(
                "Đăng ký khai sinh", "1.001193", keywords="làm giấy khai sinh"
            ),
            "thu-tuc/c.md": procedure(
                "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "1.009794",
                field="Xây dựng",
                level="Cấp huyện",
                online="không",
                agency="Phòng Quản lý đô thị",
            ),
            "thu-tuc/d.md": procedure("Ủy quyền / đổi tên: Đường & Dương", "1.000002"),
        }
    )


def read_index(site) -> dict:
    form = site.page("thu-tuc/").find("form", id="procedure-search")
    path = form["data-index"].removeprefix("/")
    assert path.startswith("thu-tuc/tim-kiem.") and path.endswith(".json")
    return json.loads((site.output / path).read_text(encoding="utf-8"))


def test_every_record_is_named_and_links_to_its_page(site):
    index = read_index(site)
    assert index["v"] == 2
    docs = index["docs"]
    assert len(docs) == 4
    listed = {
        a["href"]: text_of(a)
        for a in site.page("thu-tuc/").select("#procedure-list a.procedure-item__title")
    }
    for doc in docs:
        assert isinstance(doc, dict), doc
        assert set(doc) <= KEYS and {"url", "title", "code", "field"} <= set(doc), doc
        assert all(value not in ("", None, []) for value in doc.values()), doc
        # The very link the server writes for the procedure, and its page.
        assert listed[doc["url"]] == " ".join(doc["title"].split())
        page = site.page(doc["url"].removeprefix("/"))
        assert text_of(page.find("h1")) == " ".join(doc["title"].split())
    assert sorted(listed) == sorted(doc["url"] for doc in docs)
    urls = {doc["code"]: doc["url"] for doc in docs}
    assert urls["1.001193"] == "/thu-tuc/dang-ky-khai-sinh/"
    assert urls["1.000001"] == "/thu-tuc/thu-tuc-hostile/"
    assert urls["1.000002"] == f"/thu-tuc/{slugify('Ủy quyền / đổi tên: Đường & Dương')}/"


def test_records_point_into_the_shared_tables(site):
    index = read_index(site)
    by_code = {doc["code"]: doc for doc in index["docs"]}
    house = by_code["1.009794"]
    assert index["fields"][house["field"]] == "Xây dựng"
    assert index["levels"][house["level"]] == "Cấp huyện"
    online = index["online"][house["online"]]
    assert online == {"value": "không", "label": "Chưa có dịch vụ trực tuyến", "modifier": "khong"}
    assert index["fields"][by_code["1.001193"]["field"]] == "Hộ tịch"
    assert [o["modifier"] for o in index["online"]] == [
        slugify(o["value"]) for o in index["online"]
    ]
    assert by_code["1.001193"]["keywords"] == "làm giấy khai sinh"
    # Each field adds only the words not said by a weightier one before it.
    birth = by_code["1.001193"]
    assert birth["agency"] == "ủy ban nhân dân phường xã"
    assert birth["result"] == "xác nhận"  # "Giấy xác nhận": giấy is in the keywords
    assert birth["documents"] == "tờ"  # "Tờ khai"
    assert "keywords" not in house and "synonyms" not in house


def test_markup_in_a_title_is_plain_text_in_the_index(site):
    raw = next((site.output / "thu-tuc").glob("tim-kiem.*.json")).read_text(encoding="utf-8")
    hostile = next(doc for doc in json.loads(raw)["docs"] if doc["code"] == "1.000001")
    assert "<img src=x onerror=alert(1)>" in hostile["title"]
    assert "<script>alert(2)</script>" in hostile["title"]
    assert "&lt;" not in hostile["title"] and "&amp;" not in hostile["title"]
