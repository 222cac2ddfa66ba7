"""Site search benchmark (issue 13): the portal's search beside Pagefind 1.5,
in Chromium, as two tables.

Quality: the sample site is built, Pagefind indexes the built output with
its defaults, and every query of tests/site_search/queries.tsv runs against
both engines; Success@3 and MRR by kind.

Scale: for generated corpora (default 1,000, 5,000 and 20,000 articles
+ 500 procedures, the sample's pages and contacts) the site is built and
Pagefind indexes it; for each engine, what the browser downloads (gzip -9)
up to the first results of a first query and for a later, different query,
query times, index build time and index size on disk. Budget for ours: the
first query downloads at most 120 KB gzip.
"""

from __future__ import annotations

import gzip
import re
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from bench.browse import browsing
from bench.corpus import generate
from bench.ranking import OURS_ENGINE, RANK_ALL, quality, rank_of, read_queries
from site_tools.build import build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "bench-site-search"
SAMPLE_QUERIES = ROOT / "tests" / "site_search" / "queries.tsv"
SIZES = (1000, 5000, 20000)
BUDGET_KB = 120
ROUNDS = 5  # passes over QUERIES for the query times
FIRST_QUERY = "giờ làm việc một cửa thứ bảy"
LATER_QUERY = "hộ nghèo được vay bao nhiêu"
QUERIES = [
    FIRST_QUERY,
    LATER_QUERY,
    "123/QĐ-UBND",
    "dang ky khai sinh",
    "ddawng kys ket hon",
    "so do bi mat",
    "lich tiep cong dan",
    "phong tu phap",
    "thong bao tuyen sinh",
    "an toan thuc pham",
]


@dataclass(frozen=True)
class Engine:
    name: str
    assets: tuple[str, ...]  # URL path prefixes of its code and index
    index: tuple[str, ...]  # glob patterns of its index files, from the site root
    load: str  # JavaScript defining window.__engine (bench.ranking)

    def is_index(self, path: str) -> bool:
        return any(fnmatch(path.lstrip("/"), pattern) for pattern in self.index)


OURS = Engine(
    "ours",
    ("/theme/site-search.", "/theme/query.", "/tim-kiem/"),
    ("tim-kiem/*.json",),
    OURS_ENGINE,
)
PAGEFIND = Engine(
    "Pagefind 1.5.2",
    ("/pagefind/",),
    ("pagefind/pagefind-entry.json", "pagefind/*.pf_*"),
    """async () => {
      const pf = await import('/pagefind/pagefind.js');
      window.__engine = async (q) => {
        const r = await pf.search(q);
        const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        return data.map((d) => d.url);
      };
    }""",
)
ENGINES = (OURS, PAGEFIND)


def pagefind_command(site: Path) -> list[str]:
    """Pagefind with its defaults: every page's <body>, output in site/pagefind."""
    from pagefind_bin import get_executable

    return [str(get_executable()), "--site", str(site)]


def run_pagefind(site: Path) -> tuple[float, int]:
    """Index the built site with Pagefind: (wall seconds, pages indexed)."""
    started = time.perf_counter()
    done = subprocess.run(pagefind_command(site), check=True, capture_output=True, encoding="utf-8")
    seconds = time.perf_counter() - started
    pages = re.search(r"Indexed (\d+) pages", done.stdout)
    return seconds, int(pages.group(1)) if pages else 0


@contextmanager
def timed_steps(plugin: ModuleType) -> Iterator[dict[str, float]]:
    """Seconds spent in each of a plugin's build steps while a build runs in
    this process: portal.steps reads the plugin's STEPS when Pelican starts,
    and Pelican reuses the plugin module already imported."""
    from portal.state import Step

    spent: dict[str, float] = {}

    def timed(step: Step) -> Step:
        def run(argument) -> None:
            started = time.perf_counter()
            step.run(argument)
            spent[step.name] = spent.get(step.name, 0.0) + time.perf_counter() - started

        return Step(step.stage, step.name, run)

    original = plugin.STEPS
    plugin.STEPS = [timed(step) for step in original]
    try:
        yield spent
    finally:
        plugin.STEPS = original


def index_size(site: Path, engine: Engine) -> tuple[int, int, int]:
    """(files, bytes, bytes gzip -9) of an engine's index on disk."""
    folders = {pattern.split("/")[0] for pattern in engine.index}
    files = [
        p
        for folder in folders
        for p in (site / folder).rglob("*")
        if p.is_file() and engine.is_index(p.relative_to(site).as_posix())
    ]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    return len(files), raw, packed


def open_engine(browser: Browser, base: str, engine: Engine) -> tuple[Page, list[Response], int]:
    """A fresh page on /tim-kiem/ (cold cache) with `engine` loaded, the
    list every response of its context is appended to, and
    how many of the engine's index files the page fetched before any query."""
    context = browser.new_context()
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(f"{base}/tim-kiem/")
    page.wait_for_selector("#portal-search.is-ready")
    before = sum(engine.is_index(r.url.removeprefix(base)) for r in responses)
    page.evaluate(engine.load)
    return page, responses, before


def downloaded(
    responses: list[Response], base: str, engine: Engine, seen: set[str]
) -> tuple[int, int]:
    """(bytes gzip -9, files) of the engine's responses not counted yet."""
    total = files = 0
    for response in responses:
        path = response.url.removeprefix(base).split("?")[0]
        if path in seen or not path.startswith(engine.assets) or path.endswith("/"):
            continue
        seen.add(path)
        total += len(gzip.compress(response.body(), 9))
        files += 1
    return total, files


def measure(browser: Browser, base: str, engine: Engine) -> dict:
    """Bytes of a first and a later query from a cold page, and query times."""
    page, responses, before = open_engine(browser, base, engine)
    seen: set[str] = set()
    run_one = "async (q) => await window.__engine(q)"
    assert page.evaluate(run_one, FIRST_QUERY), f"{engine.name} found nothing for {FIRST_QUERY}"
    page.wait_for_timeout(200)  # let the last response events arrive
    first = downloaded(responses, base, engine, seen)
    page.evaluate(run_one, LATER_QUERY)
    page.wait_for_timeout(200)
    later = downloaded(responses, base, engine, seen)
    # A warm pass fetches what the queries need, then only the search is timed.
    page.evaluate("async (qs) => { for (const q of qs) await window.__engine(q); }", QUERIES)
    times = page.evaluate(
        """async ([qs, rounds]) => { const out = [];
            for (let r = 0; r < rounds; r++) for (const q of qs) {
              const t = performance.now(); await window.__engine(q); out.push(performance.now() - t); }
            return out; }""",
        [QUERIES, ROUNDS],
    )
    page.context.close()
    times.sort()
    return {
        "first": first,
        "later": later,
        "before": before,
        "p50": statistics.median(times),
        "p95": times[max(0, round(len(times) * 0.95) - 1)],
        "max": times[-1],
    }


def serve_and_browse(site: Path, work: Callable[[Browser, str, Engine], T]) -> list[T]:
    """`work(browser, base)` for each engine, against `site` served locally."""
    with browsing(site) as (browser, base):
        return [work(browser, base, engine) for engine in ENGINES]


def rank_queries(
    browser: Browser, base: str, engine: Engine, queries: list[str]
) -> list[list[str]]:
    page, _, _ = open_engine(browser, base, engine)
    ranked = page.evaluate(RANK_ALL, queries)
    page.context.close()
    return ranked


def sample_quality() -> str:
    """Success@3 and MRR by kind of both engines on the sample site, and
    the queries each misses (expected page not in its top 3)."""
    rows = read_queries(SAMPLE_QUERIES)
    site = WORK / "sample"
    build(ROOT / "content", site)
    _, pages = run_pagefind(site)
    texts = [row["query"] for row in rows]
    ranked = serve_and_browse(site, lambda b, base, e: rank_queries(b, base, e, texts))
    scores = [quality(rows, r) for r in ranked]
    kinds = [*dict.fromkeys(row["kind"] for row in rows), "all"]
    # The binary by its name: the venv's path says nothing to a reader.
    command = " ".join([Path(pagefind_command(site)[0]).name, "--site", "<out>"])
    lines = [
        f"Quality on the sample site ({len(rows)} queries of {SAMPLE_QUERIES.relative_to(ROOT)}), Chromium",
        f"Pagefind: `{command}` (defaults), {pages} pages indexed",
        "",
        "| kind | n | " + " | ".join(f"{e.name} S@3 | {e.name} MRR" for e in ENGINES) + " |",
        "|---|---|" + "---|---|" * len(ENGINES),
    ]
    for kind in kinds:
        cells = " | ".join(f"{s[kind][0]:.2f} | {s[kind][1]:.3f}" for s in scores)
        lines.append(f"| {kind} | {scores[0][kind][2]} | {cells} |")
    for engine, urls in zip(ENGINES, ranked, strict=True):
        misses: dict[str, list[str]] = {}
        for row, found in zip(rows, urls, strict=True):
            rank = rank_of(row["expected"], found)
            if not 0 < rank <= 3:
                misses.setdefault(row["kind"], []).append(
                    f"“{row['query']}” ({f'rank {rank}' if rank else 'not in top 10'})"
                )
        lines += ["", f"{engine.name} misses (expected page not in the top 3):"]
        lines += [f"- {kind} ({len(m)}): " + "; ".join(m) for kind, m in misses.items()]
        if not misses:
            lines.append("- none")
    return "\n".join(lines)


def scale(sizes: tuple[int, ...], procedures: int) -> str:
    import site_search

    lines = [
        f"Site search at scale, first query “{FIRST_QUERY}”, later query “{LATER_QUERY}”, "
        f"{len(QUERIES)} queries × {ROUNDS} rounds timed, Chromium; budget (ours) {BUDGET_KB} KB gzip",
        "",
        "| articles | engine | portal build s | index build s | index files | index KB | index KB gzip "
        "| first query KB gzip (files) | later query KB gzip (files) | index files before typing "
        "| query p50 ms | query p95 ms | query max ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    notes = []
    for size in sizes:
        content = generate(WORK / "content", articles=size, procedures=procedures)
        site = WORK / f"site-{size}"
        started = time.perf_counter()
        with timed_steps(site_search) as steps:
            build(content, site)
        portal = time.perf_counter() - started
        pagefind, pages = run_pagefind(site)
        notes.append(f"{size}: Pagefind indexed {pages} pages")
        seconds = {OURS.name: sum(steps.values()), PAGEFIND.name: pagefind}
        results = serve_and_browse(site, measure)
        for engine, r in zip(ENGINES, results, strict=True):
            count, raw, packed = index_size(site, engine)
            (first, first_files), (later, later_files) = r["first"], r["later"]
            lines.append(
                f"| {size} | {engine.name} | {portal:.1f} | {seconds[engine.name]:.2f} | {count} "
                f"| {raw / 1024:.0f} | {packed / 1024:.0f} | {first / 1024:.1f} ({first_files}) "
                f"| {later / 1024:.1f} ({later_files}) | {r['before']} "
                f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} |"
            )
    lines += [
        "",
        "Index build: ours is the site-search steps of the build (records → sharded index; "
        "each body's terms are counted by the conversion workers alongside Markdown, not in this "
        "figure); Pagefind is the wall time of its binary over the built output. "
        + "; ".join(notes)
        + ".",
    ]
    return "\n".join(lines)


def run(sizes: tuple[int, ...] = SIZES, procedures: int = 500) -> str:
    return sample_quality() + "\n\n" + scale(sizes, procedures)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT / "plugins"))
    print(run(tuple(int(a) for a in sys.argv[1:]) or SIZES))
