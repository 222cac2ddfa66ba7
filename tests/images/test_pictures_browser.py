"""The sample site's pictures in Chromium (nginx, production settings): the
gallery with and without JavaScript and in print, and thumbnails in the
site search's results."""

from __future__ import annotations

GALLERY = "/tin-tuc/chinh-trang-do-thi-ven-song-tien-tao-dien-mao-moi-cho-thanh-pho/"


def test_the_gallery_works_without_javascript_and_prints(browser, site_url):
    for scripts in (True, False):
        context = browser.new_context(
            java_script_enabled=scripts, viewport={"width": 360, "height": 740}
        )
        page = context.new_page()
        page.goto(site_url + GALLERY)
        items = page.locator("ul.gallery li")
        assert items.count() == 3
        assert (
            page.locator("ul.gallery figcaption")
            .first.inner_text()
            .startswith("Tuyến đường ven sông")
        )
        alts = page.eval_on_selector_all("ul.gallery img", "els => els.map(e => e.alt)")
        assert all(alts) and len(set(alts)) == 3
        href = page.locator("ul.gallery a").first.get_attribute("href")
        response = page.request.get(site_url + href)
        assert response.ok and response.headers["content-type"] == "image/jpeg"
        page.emulate_media(media="print")
        assert (
            page.locator("ul.gallery").is_visible()
            and not page.locator("nav.main-nav").is_visible()
        )
        context.close()


def test_search_results_show_a_thumbnail_with_the_alt_text(page, site_url):
    page.goto(f"{site_url}/tim-kiem/?q=thanh+toán+không+dùng+tiền+mặt")
    first = page.locator("#search-results li").first
    first.wait_for()
    image = first.locator("img.portal-search__image")
    assert image.count() == 1
    assert image.get_attribute("alt") and image.get_attribute("src").endswith(".webp")
    assert int(image.get_attribute("width")) == 360
