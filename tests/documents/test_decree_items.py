"""The rest of the decree's list (issue 14, item 8): English twins of every
unit, related portals (https only) in the footer and on /lien-ket/, the
"Tiếp cận thông tin" section, and print tools on the pages the law says can
be printed and saved."""

from __future__ import annotations

import pytest

from site_tools.build import BuildFailed, check
from tests.helpers import contact, text_of, write_content


def test_a_unit_without_an_english_twin_is_a_warning(tmp_path):
    content = write_content(
        tmp_path,
        {
            "lien-he/a.md": contact("Phòng A", "phong-a", "co-quan"),
            "lien-he/b.md": contact("Phòng B", "phong-b", "co-quan"),
            "lien-he/b.en.md": contact("Division B", "phong-b", "co-quan", lang="en"),
        },
    )
    warnings = [w for w in check(content).warnings if "bản tiếng Anh" in w]
    assert len(warnings) == 1 and "lien-he/a.md:2: Slug:" in warnings[0]
    assert "phong-a.en.md" in warnings[0]


def test_related_portals_are_in_every_footer_and_on_their_page(sample_site):
    for path in ("", "van-ban/", "lien-ket/"):
        links = sample_site.page(path).select(".site-footer__related a")
        assert len(links) >= 5 and all(a["href"].startswith("https://") for a in links)
    page = sample_site.page("lien-ket/")
    items = page.select(".related-portals__item")
    assert "dichvucong.gov.vn" in " ".join(a["href"] for a in page.select(".related-portals a"))
    assert all(text_of(item.dd) for item in items)


@pytest.mark.parametrize(
    "url", ["http://dongthap.gov.vn/", "javascript:alert(1)", "dongthap.gov.vn"]
)
def test_a_related_portal_that_is_not_https_stops_the_build(fixture_site, url):
    portals = [("Cổng tỉnh", url, "Tin tức của tỉnh.")]
    with pytest.raises(BuildFailed) as failure:
        fixture_site({"lien-he/a.md": contact("Phòng A", "phong-a")}, RELATED_PORTALS=portals)
    assert any("RELATED_PORTALS" in m and "https://" in m for m in failure.value.messages)


def test_the_access_to_information_section_links_into_the_documents(sample_site):
    page = sample_site.page("tiep-can-thong-tin/")
    hrefs = [a["href"] for a in page.select("main a")]
    assert "/van-ban/" in hrefs and "/du-thao/" in hrefs
    assert any(h.startswith("/van-ban/quyet-dinh-") for h in hrefs)  # a cited number, linked
    footer = [a["href"] for a in sample_site.page("").select(".site-footer__links a")]
    assert "/tiep-can-thong-tin/" in footer and "/lien-ket/" in footer


@pytest.mark.parametrize(
    "path",
    [
        "/tin-tuc/thoi-gian-tiep-nhan-va-tra-ket-qua-ho-so-tai-bo-phan-mot-cua-thanh-pho/",
        "/thu-tuc/dang-ky-khai-sinh/",
        "/van-ban/quyet-dinh-1126-qd-ubnd/",
    ],
)
def test_print_button_prints_with_javascript_and_the_hint_stays_without(browser, site_url, path):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(site_url + path)
    page.click("#print-page")
    assert page.evaluate("window.__printed") == 1
    context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + path)
    assert not page.is_visible("#print-page")
    assert "Lưu dưới dạng PDF" in page.inner_text(".print-tools__hint")
    page.emulate_media(media="print")
    assert not page.is_visible(".print-tools")
    context.close()
