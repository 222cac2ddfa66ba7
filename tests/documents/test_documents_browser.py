"""The document table of the sample site in Chromium (served by nginx):
the number search treats every way people write a number alike, words
match with or without diacritics, filters narrow the table and the address
keeps the query; without JavaScript the listings by type and year remain."""

from __future__ import annotations

import pytest

NUMBER = "1126/QĐ-UBND"


def visible_numbers(page) -> list[str]:
    return page.eval_on_selector_all(
        "#document-list tbody tr:not([hidden]) .document-table__number",
        "cells => cells.map(c => c.textContent.trim())",
    )


@pytest.mark.parametrize(
    "typed", ["1126/QĐ-UBND", "1126/QD-UBND", "1126 qđ ubnd", "QĐ 1126", "qd-ubnd 1126"]
)
def test_every_spelling_of_a_number_finds_the_document(page, site_url, typed):
    page.goto(f"{site_url}/van-ban/")
    page.fill("#document-q", typed)
    assert visible_numbers(page) == [NUMBER]
    assert "q=" in page.url


def test_words_without_diacritics_and_filters_narrow_the_table(page, site_url):
    page.goto(f"{site_url}/van-ban/?q=bo+tieu+chi+cai+cach")
    assert NUMBER in visible_numbers(page)
    assert page.input_value("#document-q") == "bo tieu chi cai cach"
    page.goto(f"{site_url}/van-ban/")
    everything = len(visible_numbers(page))
    page.select_option("#document-loai", "Quyết định")
    decisions = visible_numbers(page)
    assert 0 < len(decisions) < everything
    assert "loai=" in page.url
    page.fill("#document-q", "khong co van ban nay 9999")
    assert visible_numbers(page) == []
    assert page.is_visible("#document-empty")


def test_without_javascript_the_listings_remain(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/van-ban/")
    assert not page.is_visible("#document-filter")
    assert page.locator(".document-shelves a").count() >= 6
    page.click('.document-shelves a[href="/van-ban/loai/quyet-dinh/"]')
    assert NUMBER in page.locator("tbody").inner_text() or page.locator(".pagination").count()
    context.close()
