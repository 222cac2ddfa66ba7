"""The document library on small fixture sites: pages, listings, files,
citations both ways, drafts for comment, feeds and every validation message."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from portal.state import BuildState
from site_tools.build import BuildFailed, check
from tests.helpers import article, document, procedure, text_of, write_content

PDF = "%PDF-1.4\n% tệp thử\n" + "x" * 3000 + "\n%%EOF\n"
NOW = dt.datetime(2025, 6, 20, 3, 0, tzinfo=dt.UTC)


def library(**extra: str) -> dict[str, str]:
    files = {
        "van-ban/files/van-ban.pdf": PDF,
        "van-ban/files/phu-luc.xlsx": "PK" + "y" * 2000,
        "van-ban/qd-1126.md": document(
            "Về việc ban hành Bộ tiêu chí đánh giá cải cách hành chính",
            "1126/QĐ-UBND",
            Issued="2023-08-15",
            Effective="2023-08-15",
            Validity="hết hiệu lực",
            Replaced_by="25/QĐ-UBND",
            Files="van-ban.pdf, phu-luc.xlsx",
        ),
        "van-ban/qd-25.md": document("Bộ tiêu chí mới", "25/QĐ-UBND", Issued="2024-01-10"),
        "van-ban/kh-12.md": document(
            "Kế hoạch chuyển đổi số năm 2024", "12/KH-UBND", "Kế hoạch", Field="Chuyển đổi số"
        ),
        "van-ban/du-thao.md": document(
            "Dự thảo Quy chế tiếp công dân",
            "07/DT-UBND",
            "Dự thảo",
            Issued="2025-06-01",
            Comment_until="2025-06-30",
            Comment_email="vanthu@hongngu.dongthap.gov.vn",
            Field="Tiếp công dân",
        ),
        "tin-tuc/trien-khai.md": article(
            "Triển khai bộ tiêu chí", "2023-09-01 08:00", Summary="Theo 1126/QĐ-UBND."
        )
        + "\nThực hiện Quyết định số 1126/QĐ-UBND và Nghị định 61/2018/NĐ-CP.\n",
        "thu-tuc/a.md": procedure(
            "Thủ tục A",
            "1.000001",
            body=(
                "## Trình tự thực hiện\n\n1. Nộp.\n\n## Thành phần hồ sơ\n\n- Tờ khai.\n\n"
                "## Đối tượng thực hiện\n\nCông dân.\n\n## Kết quả thực hiện\n\nGiấy.\n\n"
                "## Căn cứ pháp lý\n\n- Kế hoạch số 12/KH-UBND của UBND thành phố.\n"
            ),
        ),
    }
    files.update(extra)
    return files


@pytest.fixture
def site(fixture_site):
    return fixture_site(library(), state=BuildState(now=NOW))


def test_document_page_shows_every_field_its_files_and_both_links(site):
    page = site.page("van-ban/quyet-dinh-1126-qd-ubnd/")
    facts = {text_of(r.dt): text_of(r.dd) for r in page.select(".summary-box__row")}
    assert facts["Số, ký hiệu"] == "1126/QĐ-UBND"
    assert facts["Loại văn bản"] == "Quyết định"
    assert facts["Ngày ban hành"] == "15/08/2023"
    assert facts["Tình trạng hiệu lực"] == "Hết hiệu lực"
    files = [text_of(li) for li in page.select(".file-list__items li")]
    assert files == ["van-ban.pdf (PDF, 3 KB)", "phu-luc.xlsx (XLSX, 2 KB)"]
    assert page.select_one(".file-list a")["href"] == "/van-ban/files/van-ban.pdf"
    assert (site.output / "van-ban/files/van-ban.pdf").read_text(encoding="utf-8") == PDF
    replaced = page.select_one(".document__replaced a")
    assert replaced["href"] == "/van-ban/quyet-dinh-25-qd-ubnd/"
    newer = site.page("van-ban/quyet-dinh-25-qd-ubnd/")
    assert newer.select_one(".document__replaces a")["href"] == "/van-ban/quyet-dinh-1126-qd-ubnd/"
    crumbs = [text_of(li) for li in page.select(".breadcrumbs li")]
    assert crumbs == ["Trang chủ", "Văn bản", "Quyết định", "1126/QĐ-UBND"]
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Legislation" and data["legislationIdentifier"] == "1126/QĐ-UBND"
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert data["encoding"][0]["encodingFormat"] == "application/pdf"


def test_citations_link_both_ways_and_unknown_numbers_stay_text(site):
    news = site.page("tin-tuc/trien-khai-bo-tieu-chi/")
    links = {text_of(a): a["href"] for a in news.select("article a.citation")}
    assert links == {"1126/QĐ-UBND": "/van-ban/quyet-dinh-1126-qd-ubnd/"}
    assert "61/2018/NĐ-CP" in text_of(news.select_one("article"))
    guide = site.page("thu-tuc/thu-tuc-a/")
    assert guide.select_one("a.citation")["href"] == "/van-ban/ke-hoach-12-kh-ubnd/"
    cited = site.page("van-ban/quyet-dinh-1126-qd-ubnd/").select("#duoc-dan-chieu ~ ul a")
    assert [a["href"] for a in cited] == ["/tin-tuc/trien-khai-bo-tieu-chi/"]
    plan = site.page("van-ban/ke-hoach-12-kh-ubnd/").select("#duoc-dan-chieu ~ ul a")
    assert [a["href"] for a in plan] == ["/thu-tuc/thu-tuc-a/"]


def test_check_lists_numbers_missing_from_the_library_as_notes(tmp_path):
    report = check(write_content(tmp_path, library()))
    assert report.errors == [] and report.warnings == []
    assert len(report.notes) == 1
    assert re.search(
        r"tin-tuc/trien-khai\.md:\d+: số hiệu '61/2018/NĐ-CP' chưa có", report.notes[0]
    )


def test_table_listings_by_type_and_year_paginate(fixture_site):
    many = {
        f"van-ban/cv-{n}.md": document(
            f"Công văn số {n}", f"{n}/UBND-VP", "Công văn", Issued=f"2022-01-{n:02d}"
        )
        for n in range(1, 24)
    }
    site = fixture_site(library(**many), state=BuildState(now=NOW))
    table = site.page("van-ban/")
    rows = table.select("#document-list tbody tr")
    assert len(rows) == 27
    assert [text_of(td) for td in rows[0].select("td")[:2]] == ["07/DT-UBND", "01/06/2025"]
    assert rows[0]["data-type"] == "Dự thảo" and rows[0]["data-year"] == "2025"
    shelves = {text_of(a): a["href"] for a in table.select(".document-shelves a")}
    assert (
        shelves["Công văn"] == "/van-ban/loai/cong-van/" and shelves["2022"] == "/van-ban/nam/2022/"
    )
    first = site.page("van-ban/loai/cong-van/")
    assert len(first.select("tbody tr")) == 20
    assert (
        first.select_one('.pagination a[rel="next"]')["href"] == "/van-ban/loai/cong-van/trang-2/"
    )
    assert len(site.page("van-ban/loai/cong-van/trang-2/").select("tbody tr")) == 3
    assert len(site.page("van-ban/nam/2022/").select("tbody tr")) == 20


def test_drafts_for_comment_before_and_after_the_deadline(fixture_site, tmp_path):
    open_site = fixture_site(library(), state=BuildState(now=NOW))
    notice = open_site.page("du-thao/").select_one(".comment-notice")
    assert "Đang lấy ý kiến" in text_of(notice) and "(còn 11 ngày)" in text_of(notice)
    mail = notice.select_one('a[href^="mailto:"]')["href"]
    assert mail.startswith("mailto:vanthu@hongngu.dongthap.gov.vn?subject=")
    assert "07%2FDT-UBND" in mail or "07/DT-UBND" in mail
    later = fixture_site(
        library(), output=tmp_path / "later", state=BuildState(now=NOW + dt.timedelta(days=12))
    )
    closed = later.page("du-thao/").select_one(".comment-notice")
    assert "Đã hết hạn góp ý" in text_of(closed) and not closed.select("a")
    assert later.page("van-ban/du-thao-07-dt-ubnd/").select_one(".comment-notice--closed")


def test_document_feeds_and_autodiscovery(site):
    atom = (site.output / "feeds/van-ban.atom.xml").read_text(encoding="utf-8")
    assert atom.count("<entry>") == 4 and "Kế hoạch 12/KH-UBND" in atom
    drafts = (site.output / "feeds/du-thao.rss.xml").read_text(encoding="utf-8")
    assert drafts.count("<item>") == 1
    listed = [a["href"] for a in site.page("feeds/").select("table a")]
    assert "/feeds/van-ban.atom.xml" in listed and "/feeds/du-thao.rss.xml" in listed
    head = site.page("van-ban/").select('link[rel="alternate"]')
    assert "/feeds/van-ban.atom.xml" in [link["href"] for link in head]


def test_slug_comes_from_type_and_number_so_editing_the_summary_keeps_the_address(
    fixture_site, tmp_path
):
    files = library()
    files["van-ban/qd-25.md"] = files["van-ban/qd-25.md"].replace(
        "Bộ tiêu chí mới", "Bộ tiêu chí mới (sửa)"
    )
    site = fixture_site(files, state=BuildState(now=NOW))
    assert "sửa" in text_of(site.page("van-ban/quyet-dinh-25-qd-ubnd/").h1)


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        ({"Number": "QĐ 1126"}, "Number", "sai dạng"),
        ({"Type": "Quyết định hành chính"}, "Type", "không có"),
        ({"Validity": "đang áp dụng"}, "Validity", "không hợp lệ"),
        ({"Effective": "2024-02-01"}, "Effective", "sớm hơn ngày ban hành"),
        (
            {"Effective": "2024-03-05", "Expires": "2024-03-04"},
            "Expires",
            "sớm hơn ngày có hiệu lực",
        ),
        ({"Files": "khong-co.pdf"}, "Files", "không có tệp 'khong-co.pdf'"),
        ({"Files": "../../bi-mat.pdf"}, "Files", "không phải tên tệp"),
        ({"Files": "bang-tinh.xlsm"}, "Files", "không thuộc loại được đăng"),
        ({"Replaced-by": "99/QĐ-UBND"}, "Replaced-by", "không có văn bản số '99/QĐ-UBND'"),
        ({"Comment-until": "2024-04-01"}, "Comment-until", "chỉ dự thảo"),
        ({"Number": "25/QĐ-UBND"}, "Number", "đã dùng ở"),
        ({"Issued": "15/08/2023"}, "Issued", "không đúng"),
        ({"Field": None}, "Field", "thiếu thông tin bắt buộc"),
    ],
)
def test_each_mistake_is_named_at_its_line_in_check_and_build(tmp_path, change, key, message):
    values = {"Title": "Văn bản thử", "Number": "3/QĐ-UBND"}
    keys = {k.replace("-", "_").lower().capitalize(): v for k, v in change.items()}
    source = document(values["Title"], keys.pop("Number", values["Number"]), **keys)
    content = write_content(tmp_path, library(**{"van-ban/thu.md": source}))
    line = (
        next(n for n, text in enumerate(source.splitlines(), 1) if text.startswith(f"{key}:"))
        if change.get(key) is not None
        else None
    )
    report = check(content)
    found = [
        e for e in report.errors if "van-ban/thu.md" in e and f" {key}: " in e and message in e
    ]
    assert found, report.errors
    if line is not None:
        assert f"van-ban/thu.md:{line}: {key}:" in found[0]
    from site_tools.build import build

    with pytest.raises(BuildFailed) as failure:
        build(content, tmp_path / "output")
    assert found[0] in failure.value.messages


def test_large_file_is_a_warning(tmp_path):
    big = "x" * 2048
    content = write_content(
        tmp_path,
        library(
            **{
                "van-ban/files/lon.pdf": big,
                "van-ban/lon.md": document("Lớn", "4/QĐ-UBND", Files="lon.pdf"),
            }
        ),
    )
    report = check(content, ATTACHMENT_WARN_BYTES=1024)
    assert any("lon.md" in w and "Files:" in w and "quá" in w for w in report.warnings)
    assert report.errors == []
