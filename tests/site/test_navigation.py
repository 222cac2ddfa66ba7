"""Navigation comes from content (issue 12): the menu and footer link to a
page only when this build writes it, so a site without some of the pages
the settings name has no broken link, and a link typed in content to such a
page is reported, not taken as alive because a menu names it.

The fixture sites are the hostile cases nav--*.toml (tests/hostile)."""

from __future__ import annotations

import pytest

from site_tools.build import build
from tests.helpers import BuiltSite, broken_links, text_of
from tests.hostile.test_hostile import HERE, load, sandbox

# FOOTER_LINKS: four static pages, then five pages every build writes.
FOOTER = [
    "Giới thiệu",
    "Cơ cấu tổ chức",
    "Tiếp cận thông tin",
    "Điều khoản sử dụng",
    "Chuyên mục",
    "Lưu trữ",
    "Văn bản",
    "Liên kết",
    "Theo dõi tin (RSS)",
]


def built_case(tmp_path, name: str) -> BuiltSite:
    content, output = sandbox(tmp_path, load(HERE / "cases" / f"{name}.toml"), {})
    build(content, output)
    return BuiltSite(output)


def menu(page) -> list[str]:
    return [text_of(a) for a in page.select("nav.main-nav a")]


def footer(page) -> list[str]:
    return [text_of(a) for a in page.select("nav.site-footer__links a")]


def test_the_sample_site_links_every_page_the_settings_name(sample_site):
    for path in ("", "tin-tuc/", "gioi-thieu/", "404.html"):
        assert footer(sample_site.page(path)) == FOOTER, path


@pytest.mark.parametrize("case", ["nav--one-article", "nav--page-removed"])
def test_no_menu_or_footer_link_leads_nowhere(tmp_path, case):
    site = built_case(tmp_path, case)
    assert broken_links(site) == []


def test_a_site_of_one_article_links_only_what_it_has(tmp_path):
    site = built_case(tmp_path, "nav--one-article")
    for path in site.html_files():
        page = site.page(path)
        # No page, and no article in "Cải cách hành chính" yet.
        assert menu(page) == [
            "Trang chủ",
            "Tin tức",
            "Thông báo",
            "Thủ tục hành chính",
            "Văn bản",
            "Liên hệ",
        ]
        assert footer(page) == FOOTER[4:]


def test_a_deleted_page_leaves_the_footer(tmp_path):
    site = built_case(tmp_path, "nav--page-removed")
    assert "Giới thiệu" not in footer(site.page(""))
    assert not (site.output / "gioi-thieu").exists()


def test_a_page_brings_its_footer_link_back(fixture_site):
    site = fixture_site(
        {
            "trang/co-cau.md": "Title: Cơ cấu tổ chức\nSlug: co-cau-to-chuc\n\nCác phòng ban.\n",
        }
    )
    assert footer(site.page("")) == [FOOTER[1], *FOOTER[4:]]
    assert broken_links(site) == []
