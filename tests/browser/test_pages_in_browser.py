"""Every page template in Chromium, served by nginx with the production
configuration: no console error, no CSP violation, no dialog, no WCAG 2.1
A/AA violation (axe-core), a working skip link with visible focus, and no
horizontal scroll at 320 px."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = {
    "home": "/",
    "article": "/tin-tuc/thoi-gian-tiep-nhan-va-tra-ket-qua-ho-so-tai-bo-phan-mot-cua-thanh-pho/",
    "news": "/tin-tuc/",
    "category": "/chuyen-muc/cai-cach-hanh-chinh/",
    "tag": "/the/mot-cua/",
    "author": "/tac-gia/le-doanh/",
    "archive": "/luu-tru/",
    "static page": "/gioi-thieu/",
    "procedure": "/thu-tuc/dang-ky-khai-sinh/",
    "procedures index": "/thu-tuc/",
    "procedures search": "/thu-tuc/?q=so+do",
    "procedure field": "/thu-tuc/linh-vuc/ho-tich/",
    "contacts": "/lien-he/",
    "contact": "/lien-he/bo-phan-mot-cua/",
    "contact in English": "/en/lien-he/ubnd-thanh-pho/",
    "feeds page": "/feeds/",
    "documents": "/van-ban/",
    "documents search": "/van-ban/?q=1126",
    "document": "/van-ban/quyet-dinh-1126-qd-ubnd/",
    "documents by type": "/van-ban/loai/quyet-dinh/",
    "documents by year": "/van-ban/nam/2023/",
    "drafts for comment": "/du-thao/",
    "404": "/khong-co-trang-nay/",
}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()

# Collects CSP violations the page reports (the console logs them too).
WATCH_CSP = """() => { window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective)); }"""


def open_page(browser, url: str, width: int = 390):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.problems, page.dialogs = [], []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.add_init_script(f"({WATCH_CSP})()")
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, response


@pytest.mark.parametrize("name", PAGES)
def test_page_is_clean_and_accessible(browser, site_url, name):
    context, page, response = open_page(browser, site_url + PAGES[name])
    try:
        assert response.status == (404 if name == "404" else 200)
        if name == "procedures search":
            page.locator("#search-results li").first.wait_for()
        problems = page.problems
        if name == "404":  # the browser reports the document's own 404 status
            problems = [p for p in problems if "status of 404" not in p]
        assert problems == [], problems
        assert page.evaluate("window.__csp") == []
        assert page.dialogs == []
        result = AXE.run(page, options=WCAG)
        assert result.violations_count == 0, result.generate_report()
    finally:
        context.close()


@pytest.mark.parametrize("name", ["home", "article", "procedure", "procedures search", "contacts"])
def test_fits_320_px_without_horizontal_scroll(browser, site_url, name):
    context, page, _ = open_page(browser, site_url + PAGES[name], width=320)
    try:
        if name == "procedures search":
            page.locator("#search-results li").first.wait_for()
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], widths
    finally:
        context.close()


@pytest.mark.parametrize("name", ["home", "article", "procedure"])
def test_skip_link_is_first_and_focus_is_visible(browser, site_url, name):
    context, page, _ = open_page(browser, site_url + PAGES[name])
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement; const style = getComputedStyle(el);
                 const box = el.getBoundingClientRect();
                 return { href: el.getAttribute('href'), outline: style.outlineStyle,
                          width: parseFloat(style.outlineWidth), top: box.top }; }"""
        )
        assert focused["href"] == "#noi-dung"
        assert focused["outline"] != "none" and focused["width"] >= 2
        assert focused["top"] >= 0  # on screen once focused
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "noi-dung"
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "document.getElementById('noi-dung').contains(document.activeElement)"
        )
        assert inside
    finally:
        context.close()


def test_pages_work_with_javascript_off(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for name in ("home", "article", "procedure", "procedures index", "contacts"):
            page.goto(site_url + PAGES[name])
            assert page.locator("main h1").count() == 1
            assert page.locator("footer.site-footer").is_visible()
    finally:
        context.close()


def test_the_checks_can_fail(browser):
    """axe, the CSP watch and the 320 px measure do catch a bad page."""
    context = browser.new_context(viewport={"width": 320, "height": 600})
    page = context.new_page()
    try:
        page.set_content(
            '<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'none\'">'
            "</head><body><img src='x.png'><div style='width:600px'>rộng</div>"
            "<script>window.x = 1</script></body></html>"
        )
        result = AXE.run(page, options=WCAG)
        assert result.violations_count >= 2  # image without alt, html without lang
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] > widths[1]
        assert page.evaluate("typeof window.x") == "undefined"  # the CSP blocked the inline script
    finally:
        context.close()
