"""Drafts, hidden and scheduled items behave the same for every content type
(issue 12): a draft or scheduled article, procedure, contact or page is not
written, linked, indexed, listed, in the sitemap or in a feed; a hidden one
is written and listed nowhere; a scheduled one goes out with the first build
on or after its date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from portal.state import BuildState
from site_tools.build import BuildFailed, build
from tests.helpers import BuiltSite, article, contact, procedure, text_of, write_content

HONG_NGU = dt.timezone(dt.timedelta(hours=7))
DUE = dt.datetime(2026, 12, 5, 8, 30, tzinfo=HONG_NGU)  # the scheduled items' Date

FILES = {
    "tin-tuc/dang.md": article("Bài đã đăng", "2024-05-05 09:00", tags="chung"),
    "tin-tuc/nhap.md": article("Bài nháp riêng", "2024-05-06 09:00", tags="chung", status="draft"),
    "tin-tuc/an.md": article("Bài ẩn riêng", "2024-05-07 09:00", tags="chung", status="hidden"),
    "tin-tuc/hen.md": article("Bài hẹn giờ", "2026-12-05 08:30", tags="chung"),
    "lien-he/mc.md": contact("Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua"),
    "lien-he/nhap.md": contact("Phòng nháp riêng", "phong-nhap-rieng", "co-quan", status="draft"),
    "lien-he/an.md": contact("Phòng ẩn riêng", "phong-an-rieng", "co-quan", status="hidden"),
    "thu-tuc/dang.md": procedure("Thủ tục đã đăng", "1.000001", submit_at="bo-phan-mot-cua"),
    "thu-tuc/nhap.md": procedure(
        "Thủ tục nháp riêng", "1.000002", submit_at="phong-nhap-rieng", status="draft"
    ),
    "thu-tuc/an.md": procedure(
        "Thủ tục ẩn riêng", "1.000003", submit_at="bo-phan-mot-cua", status="hidden"
    ),
    "thu-tuc/hen.md": procedure(
        "Thủ tục hẹn giờ", "1.000004", submit_at="bo-phan-mot-cua", date="2026-12-05 08:30"
    ),
    "trang/gioi-thieu.md": "Title: Giới thiệu\nSlug: gioi-thieu\nStatus: draft\n\nĐang sửa.\n",
    "trang/an.md": "Title: Trang ẩn riêng\nSlug: trang-an-rieng\nStatus: hidden\n\nẨn.\n",
}
UNPUBLISHED = ["bai-nhap-rieng", "bai-hen-gio", "phong-nhap-rieng", "thu-tuc-nhap-rieng"]
UNPUBLISHED += ["thu-tuc-hen-gio", "gioi-thieu"]
HIDDEN = {
    "tin-tuc/bai-an-rieng/index.html": "bai-an-rieng",
    "lien-he/phong-an-rieng/index.html": "phong-an-rieng",
    "thu-tuc/thu-tuc-an-rieng/index.html": "thu-tuc-an-rieng",
    "trang-an-rieng/index.html": "trang-an-rieng",
}


def built(tmp_path, now: dt.datetime, files=FILES, name="output") -> tuple[BuiltSite, list[str]]:
    content = write_content(tmp_path, files)
    report = build(content, tmp_path / name, state=BuildState(now=now))
    return BuiltSite(tmp_path / name), report.warnings


def texts(site: BuiltSite) -> dict[str, str]:
    """Every text file of the output: pages, feeds, sitemap, search index."""
    return {
        path.relative_to(site.output).as_posix(): path.read_text(encoding="utf-8")
        for path in site.output.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".txt"}
    }


@pytest.fixture(scope="module")
def before_due(tmp_path_factory) -> tuple[BuiltSite, list[str]]:
    return built(tmp_path_factory.mktemp("publication"), DUE - dt.timedelta(minutes=1))


def test_drafts_and_scheduled_items_leave_no_trace(before_due):
    site, _ = before_due
    files = texts(site)
    assert not (site.output / "ban-nhap").exists() and not (site.output / "drafts").exists()
    for slug in UNPUBLISHED:
        traces = [name for name, text in files.items() if f"{slug}/" in text or slug in name]
        assert traces == [], (slug, traces)


def test_hidden_items_are_written_and_listed_nowhere(before_due):
    site, _ = before_due
    files = texts(site)
    for page, slug in HIDDEN.items():
        assert page in files, page
        traces = [name for name, text in files.items() if slug in text and name != page]
        assert traces == [], (slug, traces)
    # A hidden procedure still shows where to submit; a hidden unit lists
    # no procedure that is not published.
    shown = site.page("thu-tuc/thu-tuc-an-rieng/")
    assert shown.select_one("#noi-nop-ho-so") is not None
    unit = files["lien-he/bo-phan-mot-cua/index.html"]
    assert "thu-tuc-da-dang/" in unit and "thu-tuc-an-rieng" not in unit


def test_listings_search_feeds_and_footer_show_published_items_only(before_due):
    site, _ = before_due
    tag = [text_of(a) for a in site.page("the/chung/").select(".news-card__title a")]
    assert tag == ["Bài đã đăng"]
    index = json.loads(next((site.output / "thu-tuc").glob("tim-kiem.*.json")).read_text("utf-8"))
    assert [doc["url"] for doc in index["docs"]] == ["/thu-tuc/thu-tuc-da-dang/"]
    footer = [a["href"] for a in site.page("").select(".site-footer__links a")]
    assert "/gioi-thieu/" not in footer and "/luu-tru/" in footer
    assert site.page("lien-he/").select('a[href="/lien-he/phong-an-rieng/"]') == []


def test_scheduled_items_are_reported_with_their_date(before_due):
    _, warnings = before_due
    scheduled = sorted(w.split("content/", 1)[1] for w in warnings if "hẹn đăng" in w)
    assert scheduled == [
        "thu-tuc/hen.md:9: Date: hẹn đăng lúc 08:30 ngày 05/12/2026 (giờ Việt Nam): chưa đăng, "
        "lần dựng trang đầu tiên từ lúc đó sẽ đăng. Nếu muốn đăng ngay, hãy sửa ngày.",
        "tin-tuc/hen.md:2: Date: hẹn đăng lúc 08:30 ngày 05/12/2026 (giờ Việt Nam): chưa đăng, "
        "lần dựng trang đầu tiên từ lúc đó sẽ đăng. Nếu muốn đăng ngay, hãy sửa ngày.",
    ]


def test_scheduled_items_go_out_with_the_first_build_at_their_date(tmp_path):
    site, warnings = built(tmp_path, DUE)
    assert not [w for w in warnings if "hẹn đăng" in w]
    files = texts(site)
    assert "tin-tuc/bai-hen-gio/index.html" in files
    assert "/tin-tuc/bai-hen-gio/" in files["feeds/tin-tuc.atom.xml"]
    assert "/thu-tuc/thu-tuc-hen-gio/" in files["sitemap.xml"]
    assert "/thu-tuc/thu-tuc-hen-gio/" in files["feeds/thu-tuc.atom.xml"]


def test_a_build_is_the_same_for_the_same_input_and_now(tmp_path, before_due):
    site, _ = before_due
    again, _ = built(tmp_path, DUE - dt.timedelta(minutes=1))
    assert texts(again) == texts(site)


def test_a_written_procedure_may_not_name_a_draft_unit(tmp_path):
    files = {
        **FILES,
        "thu-tuc/dang.md": procedure("Thủ tục đã đăng", "1.000001", submit_at="phong-nhap-rieng"),
    }
    with pytest.raises(BuildFailed) as failed:
        built(tmp_path, DUE, files)
    assert [m.split("content/", 1)[1] for m in failed.value.messages] == [
        "thu-tuc/dang.md:10: Submit-at: đơn vị liên hệ 'phong-nhap-rieng' chưa đăng (bản nháp "
        "hoặc hẹn giờ đăng) nên trang thủ tục sẽ chỉ tới trang không có. Hãy đăng đơn vị đó "
        "trước, hoặc bỏ khỏi Submit-at."
    ]


def test_a_link_to_a_draft_is_an_error(tmp_path):
    files = {
        **FILES,
        "tin-tuc/dang.md": article("Bài đã đăng", "2024-05-05 09:00")
        + "\nXem [kế hoạch]({filename}nhap.md).\n",
    }
    with pytest.raises(BuildFailed) as failed:
        built(tmp_path, DUE, files)
    assert [m.split("content/", 1)[1] for m in failed.value.messages] == [
        "tin-tuc/dang.md:7: liên kết {filename}nhap.md dẫn tới bản nháp hoặc bài hẹn giờ "
        "đăng, chưa có trên cổng. Hãy bỏ liên kết, hoặc đăng bài đó trước."
    ]
