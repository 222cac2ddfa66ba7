"""Site search benchmark (issue 13): what the first query costs at portal scale.

For generated corpora of 1,000 and 5,000 articles (+ 500 procedures, the
sample's pages and contacts) it builds the site, opens /tim-kiem/ in
Chromium, runs one query and counts what the browser downloaded for it
(index and code, gzip -9), then times a set of queries. Budget: the first
query downloads at most 120 KB gzip.
"""

from __future__ import annotations

import gzip
import statistics
import time
from pathlib import Path

from bench.corpus import generate
from site_tools.build import build
from site_tools.serve import serve_in_background

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "bench-site-search"
BUDGET_KB = 120
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
ASSETS = ("/theme/site-search.", "/theme/query.", "/tim-kiem/")
FIRST_QUERY = "giờ làm việc một cửa thứ bảy"
QUERIES = [
    FIRST_QUERY,
    "hộ nghèo được vay bao nhiêu",
    "123/QĐ-UBND",
    "dang ky khai sinh",
    "ddawng kys ket hon",
    "so do bi mat",
    "lich tiep cong dan",
    "phong tu phap",
    "thong bao tuyen sinh",
    "an toan thuc pham",
]
LOAD = """async () => {
  const m = await import(document.querySelector('script[type=module]').src);
  const form = document.getElementById('portal-search');
  window.__index = await m.SiteIndex.load(form.dataset.index, form.dataset.root);
  window.__engine = async (q) => {
    const { hits } = await window.__index.search(q);
    return (await window.__index.docs(hits.slice(0, 10).map((h) => h.id))).map((d) => d.url);
  };
}"""


def index_bytes(site: Path) -> tuple[int, int, int]:
    """(files, bytes, bytes gzip -9) of the whole index."""
    files = [p for p in (site / "tim-kiem").glob("*.json")]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    return len(files), raw, packed


def measure(browser, base: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{base}/tim-kiem/")
    page.wait_for_selector("#portal-search.is-ready")
    before = len(responses)
    page.fill("#q", FIRST_QUERY)
    page.locator("#search-results li").first.wait_for()
    page.wait_for_timeout(200)
    counted: dict[str, int] = {}
    for response in responses:
        path = response.url.removeprefix(base)
        if path.startswith(ASSETS) and path.endswith((".js", ".json")) and path not in counted:
            counted[path] = len(gzip.compress(response.body(), 9))
    index_before_typing = sum(
        1
        for r in responses[:before]
        if r.url.removeprefix(base).startswith("/tim-kiem/") and r.url.endswith(".json")
    )
    page.evaluate(LOAD)
    page.evaluate("async (qs) => { for (const q of qs) await window.__engine(q); }", QUERIES)
    timed = page.evaluate(
        """async (qs) => { const out = [];
            for (const q of qs) { const runs = [];
              for (let i = 0; i < 5; i++) { const t = performance.now(); await window.__engine(q); runs.push(performance.now() - t); }
              runs.sort((a, b) => a - b); out.push(runs[2]); }
            return out; }""",
        QUERIES,
    )
    context.close()
    times = sorted(timed)
    return {
        "first": sum(counted.values()),
        "files": len(counted),
        "before": index_before_typing,
        "p50": statistics.median(times),
        "max": times[-1],
    }


def run(sizes: tuple[int, ...] = (1000, 5000), procedures: int = 500) -> str:
    from playwright.sync_api import sync_playwright

    lines = [
        f"Site search (/tim-kiem/), first query “{FIRST_QUERY}”, Chromium; budget {BUDGET_KB} KB gzip",
        "",
        "| articles | build s | index files | index KB | index KB gzip | first query KB gzip (files) | index files before typing | query p50 ms | query max ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        content = generate(WORK / "content", articles=size, procedures=procedures)
        site = WORK / f"site-{size}"
        started = time.perf_counter()
        build(content, site)
        seconds = time.perf_counter() - started
        count, raw, packed = index_bytes(site)
        server = serve_in_background(site)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                r = measure(browser, base)
                browser.close()
        finally:
            server.shutdown()
        lines.append(
            f"| {size} | {seconds:.1f} | {count} | {raw / 1024:.0f} | {packed / 1024:.0f} "
            f"| {r['first'] / 1024:.1f} ({r['files']}) | {r['before']} | {r['p50']:.1f} | {r['max']:.1f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT / "plugins"))
    sizes = tuple(int(a) for a in sys.argv[1:]) or (1000, 5000)
    print(run(sizes))
