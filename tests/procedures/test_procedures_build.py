"""Procedure guides on small fixture sites: pages, index views, validation."""

from __future__ import annotations

import json

import pytest

from site_tools.build import BuildFailed
from tests.helpers import REQUIRED_SECTIONS, contact, procedure, text_of

UNITS = {
    "lien-he/an-thanh.md": contact("Ủy ban nhân dân phường An Thạnh", "ubnd-phuong-an-thanh"),
    "lien-he/mot-cua.md": contact(
        "Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua", phone="0277 3563 368", email="mc@x.vn"
    ),
}

FULL_BODY = (
    "## Trình tự thực hiện\n\n1. **Bước 1:** Nộp hồ sơ.\n2. **Bước 2:** Nhận kết quả.\n\n"
    "## Thành phần hồ sơ\n\n### Trường hợp đúng hạn\n\n- Tờ khai (bản chính).\n\n"
    "### Trường hợp quá hạn\n\n- Tờ khai.\n- Văn bản cam đoan.\n\n"
    "## Đối tượng thực hiện\n\nCông dân.\n\n## Kết quả thực hiện\n\nGiấy khai sinh.\n\n"
    "## Căn cứ pháp lý\n\n- Luật Hộ tịch.\n\n"
    "## Cách thức thực hiện\n\n| Hình thức nộp | Thời hạn | Phí |\n|---|---|---|\n"
    "| Trực tiếp | Trong ngày | Không |\n| Trực tuyến | Trong ngày | Không |\n"
)


def build_procedures(fixture_site, procedures: dict[str, str]):
    return fixture_site({**UNITS, **{f"thu-tuc/{k}": v for k, v in procedures.items()}})


def test_procedure_page_has_everything_a_citizen_acts_on(fixture_site):
    site = build_procedures(
        fixture_site,
        {
            "ks.md": procedure(
                "Đăng ký khai sinh",
                "1.001193",
                FULL_BODY,
                submit_at="ubnd-phuong-an-thanh, bo-phan-mot-cua",
                postal="yes",
                modified="2024-06-03 10:00",
            ),
            "kt.md": procedure("Đăng ký khai tử", "1.000656"),
        },
    )
    page = site.page("thu-tuc/dang-ky-khai-sinh/")
    rows = {text_of(r.dt): text_of(r.dd) for r in page.select(".summary-box__row")}
    assert rows["Mã thủ tục"] == "1.001193"
    assert rows["Lĩnh vực"] == "Hộ tịch"
    assert rows["Cấp thực hiện"] == "Cấp xã"
    assert rows["Thời hạn giải quyết"] == "Trong ngày làm việc"
    assert rows["Phí, lệ phí"] == "Không"
    assert rows["Dịch vụ công trực tuyến"] == "Trực tuyến toàn trình"
    assert rows["Bưu chính công ích"].startswith("Có")
    cta = page.select_one("a.button")
    assert text_of(cta) == "Nộp hồ sơ trực tuyến"
    assert cta["href"].endswith("ma_thu_tuc=1.001193")
    units = page.select(".submit-at .contact-block")
    assert [text_of(u.h3) for u in units] == ["Ủy ban nhân dân phường An Thạnh", "Bộ phận một cửa"]
    assert units[1].select_one('a[href^="tel:"]')["href"] == "tel:02773563368"
    assert units[1].h3.a["href"] == "/lien-he/bo-phan-mot-cua/"
    headings = [text_of(h) for h in page.select(".procedure__body > section > h2")]
    assert headings == [
        "Trình tự thực hiện",
        "Thành phần hồ sơ",
        "Đối tượng thực hiện",
        "Kết quả thực hiện",
        "Căn cứ pháp lý",
        "Cách thức thực hiện",
    ]
    assert len(page.select("ol.process-list > li")) == 2
    assert len(page.select("ul.checklist > li")) == 3
    assert [h["id"] for h in page.select("#thanh-phan-ho-so ~ h3")] == [
        "thanh-phan-ho-so-truong-hop-dung-han",
        "thanh-phan-ho-so-truong-hop-qua-han",
    ]
    assert page.select_one('.table-scroll[tabindex="0"] table')
    assert [a["href"] for a in page.select(".contents-list a")][:2] == [
        "#noi-nop-ho-so",
        "#trinh-tu-thuc-hien",
    ]
    assert [text_of(li) for li in page.select(".breadcrumbs li")] == [
        "Trang chủ",
        "Thủ tục hành chính",
        "Hộ tịch",
        "Đăng ký khai sinh",
    ]
    assert text_of(page.select_one(".procedure__updated time")) == "Thứ Hai, 03/06/2024"
    assert [a["href"] for a in page.select(".related a")] == ["/thu-tuc/dang-ky-khai-tu/"]
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "GovernmentService" and data["identifier"] == "1.001193"
    assert len(data["availableChannel"]) == 3


def test_service_url_overrides_template_and_offline_has_no_button(fixture_site):
    site = build_procedures(
        fixture_site,
        {
            "a.md": procedure("Thủ tục A", "1.000001", service_url="https://dvc.dongthap.gov.vn/a"),
            "b.md": procedure("Thủ tục B", "1.000002", online="không"),
        },
    )
    assert (
        site.page("thu-tuc/thu-tuc-a/").select_one("a.button")["href"]
        == "https://dvc.dongthap.gov.vn/a"
    )
    assert site.page("thu-tuc/thu-tuc-b/").select_one("a.button") is None


def test_index_groups_fields_and_procedures_in_vietnamese_order(fixture_site):
    site = build_procedures(
        fixture_site,
        {
            "1.md": procedure("Đăng ký kết hôn", "1.000894"),
            "2.md": procedure("Cấp bản sao trích lục", "2.000635"),
            "3.md": procedure(
                "Chứng thực bản sao", "2.000815", field="Chứng thực", level="Cấp huyện"
            ),
            "4.md": procedure(
                "Cấp giấy phép xây dựng",
                "1.013225",
                field="Xây dựng",
                level="Cấp huyện",
                online="một phần",
            ),
            "5.md": procedure(
                "Đăng ký biến động", "1.000005", field="Đất đai", level="Cấp huyện", online="không"
            ),
            "6.md": procedure("Ủy quyền", "1.000006", field="Đất đai", level="Cấp huyện"),
            "7.md": procedure("Ấp dụng", "1.000007", field="Đất đai", level="Cấp huyện"),
        },
    )
    index = site.page("thu-tuc/")
    groups = [text_of(h) for h in index.select("#procedure-list h2")]
    assert groups == [
        "Chứng thực (1 thủ tục)",
        "Đất đai (3 thủ tục)",
        "Hộ tịch (2 thủ tục)",
        "Xây dựng (1 thủ tục)",
    ]
    land = index.select_one("#dat-dai").find_parent("section")
    assert [text_of(a) for a in land.select(".procedure-item__title")] == [
        "Ấp dụng",
        "Đăng ký biến động",
        "Ủy quyền",
    ]
    field_page = site.page("thu-tuc/linh-vuc/dat-dai/")
    assert len(field_page.select(".procedure-item")) == 3
    district = site.page("thu-tuc/cap/cap-huyen/")
    assert len(district.select(".procedure-item")) == 5
    commune = site.page("thu-tuc/cap/cap-xa/")
    assert len(commune.select(".procedure-item")) == 2
    online = site.page("thu-tuc/truc-tuyen/")
    titles = {text_of(a) for a in online.select(".procedure-item__title")}
    assert "Đăng ký biến động" not in titles and len(titles) == 6
    labels = {text_of(s) for s in online.select(".label")}
    assert labels == {"Trực tuyến toàn trình", "Trực tuyến một phần"}


def test_home_reaches_online_services_within_three_clicks(sample_site):
    home = sample_site.page("")
    online = home.select_one('a[href="/thu-tuc/truc-tuyen/"]')
    assert online is not None
    listing = sample_site.page("thu-tuc/truc-tuyen/")
    first = listing.select_one(".procedure-item__title")["href"]
    button = sample_site.page(first.lstrip("/")).select_one("a.button")
    assert button is not None and button["href"].startswith("https://")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            procedure("Thiếu phí", "1.000001", fee=None),
            "thieu-phi.md:9: Fee: thiếu thông tin bắt buộc",
        ),
        (procedure("Sai mã", "1001193"), "Code: mã '1001193' sai dạng"),
        (procedure("Sai cấp", "1.000001", level="Cấp tỉnh"), "Level: cấp 'Cấp tỉnh' không hợp lệ"),
        (
            procedure("Mức cũ", "1.000001", online="mức độ 4"),
            "Online: giá trị 'mức độ 4' không hợp lệ. Hãy dùng một trong: toàn trình, một phần, không."
            " Cách gọi 'mức độ 4' đã bỏ từ Nghị định 42/2022/NĐ-CP: hãy viết 'Online: toàn trình'.",
        ),
        (
            procedure(
                "Thiếu mục", "1.000001", REQUIRED_SECTIONS.replace("## Căn cứ pháp lý", "## Căn cứ")
            ),
            "thieu-muc.md:11: thiếu mục '## Căn cứ pháp lý'",
        ),
        (
            procedure("Sai nơi nộp", "1.000001", submit_at="bo-phan-mot-cua, ubnd-xa-khong-co"),
            "Submit-at: không có đơn vị liên hệ 'ubnd-xa-khong-co' trong content/lien-he",
        ),
    ],
)
def test_procedure_mistakes_stop_the_build_with_clear_messages(fixture_site, source, expected):
    name = source.splitlines()[0].removeprefix("Title: ")
    from vietnamese.text import slugify

    with pytest.raises(BuildFailed) as failure:
        build_procedures(fixture_site, {f"{slugify(name)}.md": source})
    assert expected in str(failure.value)
    assert "Traceback" not in str(failure.value)


def test_same_code_in_two_files_is_an_error(fixture_site):
    with pytest.raises(BuildFailed) as failure:
        build_procedures(
            fixture_site,
            {
                "a.md": procedure("Thủ tục A", "1.001193"),
                "b.md": procedure("Thủ tục B", "1.001193"),
            },
        )
    assert "b.md:2: Code: mã '1.001193' đã dùng ở" in str(failure.value)
    assert "thu-tuc/a.md" in str(failure.value)


def test_sections_out_of_order_are_an_error(fixture_site):
    body = REQUIRED_SECTIONS.split("## ")
    swapped = "## " + "## ".join([body[2], body[1], *body[3:]])
    with pytest.raises(BuildFailed, match="không đúng thứ tự"):
        build_procedures(fixture_site, {"a.md": procedure("Thủ tục A", "1.000001", swapped)})
