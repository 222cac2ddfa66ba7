"""The procedure search in a real browser (Chromium via Playwright) against the
built sample site: folding agreement, relevance, typing, URL, facets, no-JS."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

import pytest

HERE = Path(__file__).parent
VECTORS = json.loads(
    (HERE.parent / "vietnamese" / "search_vectors.json").read_text(encoding="utf-8")
)["vectors"]

# Loads search.js as a module and builds the index the page uses.
LOAD_INDEX = """async () => {
  const src = document.querySelector('script[type=module]').src;
  const form = document.getElementById('procedure-search');
  const m = await import(src);
  const data = await (await fetch(form.dataset.index)).json();
  window.__search = { m, index: new m.ProcedureIndex(data) };
}"""


def read_queries() -> list[dict[str, str]]:
    with (HERE / "queries.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        queries = list(rows)
    for row in queries:
        if row["kind"] == "nfd":
            row["query"] = unicodedata.normalize("NFD", row["query"])
    return queries


def ranked_urls(page, queries: list[str]) -> list[list[str]]:
    return page.evaluate(
        """(queries) => queries.map((q) =>
             window.__search.index.search(q).map((d) => d.url))""",
        queries,
    )


@pytest.fixture
def search_page(page, site_url):
    page.goto(f"{site_url}/thu-tuc/")
    page.evaluate(LOAD_INDEX)
    return page


def test_javascript_folds_as_python_does(search_page):
    results = search_page.evaluate(
        """(vectors) => vectors.map((v) => {
             const m = window.__search.m;
             const words = m.searchWords(v.text);
             return { words, tokens: words.map(m.searchFold), keys: words.map(m.diacriticKey) };
           })""",
        VECTORS,
    )
    for vector, got in zip(VECTORS, results, strict=True):
        expected = {k: vector[k] for k in ("words", "tokens", "keys")}
        assert got == expected, vector["text"]


def test_query_set_is_large_and_varied():
    queries = read_queries()
    kinds = {row["kind"] for row in queries}
    assert len(queries) >= 80
    assert {
        "plain",
        "colloquial",
        "abbreviation",
        "question",
        "telex",
        "vni",
        "typo",
        "code",
    } <= kinds


def test_relevance_success_at_3(search_page):
    queries = read_queries()
    ranked = ranked_urls(search_page, [row["query"] for row in queries])
    misses = {"plain": [], "hard": []}
    for row, urls in zip(queries, ranked, strict=True):
        group = "plain" if row["kind"] == "plain" else "hard"
        if f"/thu-tuc/{row['expected']}/" not in urls[:3]:
            misses[group].append((row["kind"], row["query"], urls[:3]))
    hard_total = sum(row["kind"] != "plain" for row in queries)
    assert misses["plain"] == []
    assert len(misses["hard"]) <= hard_total * 0.05, misses["hard"]


def test_exact_diacritics_rank_first(search_page):
    ranked = ranked_urls(search_page, ["đăng ký khai sinh", "đăng ký lại khai sinh"])
    assert ranked[0][0] == "/thu-tuc/dang-ky-khai-sinh/"
    assert ranked[1][0] == "/thu-tuc/dang-ky-lai-khai-sinh/"
    # "đường"/"dương": the marks typed decide between words that fold alike
    order = search_page.evaluate(
        """() => {
          const m = window.__search.m;
          const data = { v: 2, fields: ['F'], levels: ['L'],
            online: [{ value: 'không', label: 'Không', modifier: 'khong' }], stop: [],
            docs: [{ url: '/t/a/', title: 'Dương A', code: '1.000001', field: 0, level: 0, online: 0 },
                   { url: '/t/b/', title: 'Đường B', code: '1.000002', field: 0 }] };
          const index = new m.ProcedureIndex(data);
          return [index.search('đường').map((d) => d.title), index.search('dương').map((d) => d.title)];
        }"""
    )
    assert order == [["Đường B", "Dương A"], ["Dương A", "Đường B"]]


def test_typing_filters_and_updates_the_url(page, site_url):
    page.goto(f"{site_url}/thu-tuc/")
    page.wait_for_selector("#procedure-search.is-ready")
    assert page.locator("#search-results").is_hidden()
    page.fill("#q", "giay doc than")
    first = page.locator("#search-results li a").first
    first.wait_for()
    assert first.inner_text() == "Cấp Giấy xác nhận tình trạng hôn nhân"
    assert "q=giay+doc+than" in page.url
    assert page.locator("#procedure-list").is_hidden()
    meta = page.locator("#search-results li .procedure-item__meta").first.inner_text()
    assert "Hộ tịch" in meta and "Cấp xã" in meta


def test_query_in_url_runs_on_load_with_facets(page, site_url):
    page.goto(f"{site_url}/thu-tuc/?q=giay+phep&level=C%E1%BA%A5p+huy%E1%BB%87n")
    page.locator("#search-results li").first.wait_for()
    assert page.input_value("#q") == "giay phep"
    assert page.input_value("#facet-level") == "Cấp huyện"
    metas = page.locator("#search-results .procedure-item__meta").all_inner_texts()
    assert metas and all("Cấp huyện" in m for m in metas)
    page.select_option("#facet-online", "toàn trình")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#search-results .label')].every(l => l.textContent === 'Trực tuyến toàn trình')"
    )
    assert "online=to%C3%A0n+tr%C3%ACnh" in page.url


# An element's markup with the white space between tags (layout only) removed.
OUTER_HTML = r"""(selector) => [...document.querySelectorAll(selector)].map((el) =>
  el.outerHTML.replace(/&nbsp;/g, ' ').replace(/>\s+</g, '><').replace(/\s+/g, ' '))"""


def test_a_result_is_marked_up_as_the_server_lists_a_procedure(page, site_url):
    # components/procedure_item.html with show_field=true, on a contact page
    page.goto(f"{site_url}/lien-he/bo-phan-mot-cua/")
    server = page.evaluate(OUTER_HTML, "main .procedure-item")
    assert len(server) >= 3
    found = []
    for level in ("C%E1%BA%A5p+huy%E1%BB%87n", "C%E1%BA%A5p+x%C3%A3"):
        page.goto(f"{site_url}/thu-tuc/?level={level}")
        page.locator("#search-results li").first.wait_for()
        found += page.evaluate(OUTER_HTML, "#search-results > li")
    assert "data-slot" not in "".join(found)
    assert [item for item in server if item not in found] == []


def test_header_search_reaches_procedures(page, site_url):
    # The header box goes to the search of the whole portal (tests/site_search).
    page.goto(f"{site_url}/")
    page.fill("#site-q", "báo tử")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    first = page.locator("#search-results li a").first
    first.wait_for()
    assert first.inner_text() == "Đăng ký khai tử"


def test_nothing_found_message_helps(page, site_url):
    page.goto(f"{site_url}/thu-tuc/?q=xyzxyz+qwqw")
    message = page.locator(".search-empty")
    message.wait_for()
    text = message.inner_text()
    assert "Không tìm thấy thủ tục nào cho “xyzxyz qwqw”" in text
    assert message.locator('a[href="/thu-tuc/#procedure-list"]').count() == 1
    assert message.locator('a[href="tel:02773563368"]').count() == 1
    assert page.locator("#search-results").is_hidden()


def test_keyboard_reaches_and_opens_results(page, site_url):
    page.goto(f"{site_url}/thu-tuc/?q=dang+ky+ket+hon")
    page.locator("#search-results li a").first.wait_for()
    page.focus("#q")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#search-results') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Đăng ký kết hôn"
    page.keyboard.press("Enter")
    page.wait_for_url("**/thu-tuc/dang-ky-ket-hon/")


def test_without_javascript_the_full_list_and_form_work(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/thu-tuc/")
    assert page.locator("#procedure-list .procedure-item").count() >= 40
    page.fill("#q", "khai sinh")
    page.click(".procedure-search__button")
    page.wait_for_url("**/thu-tuc/?q=khai+sinh*")
    assert page.locator("#procedure-list .procedure-item").count() >= 40
    context.close()


def test_markup_in_a_title_is_shown_as_text_never_run(browser, fixture_site):
    from site_tools.serve import serve_in_background as start_server
    from tests.helpers import contact, procedure

    hostile = 'Thủ tục <img src=x onerror="alert(1)"> & <script>alert(2)</script> "ngoặc"'
    site = fixture_site(
        {
            "lien-he/mc.md": contact("Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua"),
            "thu-tuc/a.md": procedure(hostile, "1.000001", slug="thu-tuc-hostile"),
            "thu-tuc/b.md": procedure("Đăng ký khai sinh", "1.001193"),
        }
    )
    server = start_server(site.output)
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page.goto(f"{base}/thu-tuc/?q=thu+tuc+ngoac")
        link = page.locator("#search-results li a").first
        link.wait_for()
        assert "<img" in link.inner_text() and "<script>" in link.inner_text()
        record = page.evaluate(
            """async () => (await (await fetch(document.getElementById('procedure-search')
                 .dataset.index)).json()).docs.find((d) => d.code === '1.000001')"""
        )
        assert record["url"] == "/thu-tuc/thu-tuc-hostile/"
        assert link.get_attribute("href") == record["url"]
        assert link.evaluate("(a) => a.textContent") == record["title"]
        assert link.evaluate("(a) => a.children.length") == 0
        assert page.locator("#search-results img, #procedure-list img, main script").count() == 0
        page.goto(f"{base}/thu-tuc/thu-tuc-hostile/")
        assert "<img" in page.locator("h1").inner_text()
        assert page.locator("main img").count() == 0
        page.wait_for_timeout(200)
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()
