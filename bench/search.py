"""Procedure search benchmark: the portal's search beside Pagefind 1.5 and
Fuse.js on the same generated corpus and the same query set, in Chromium.

Prints one table: bytes (gzip) the browser downloads before the first
results, index build time, query time p50/p95, Success@3 (plain and hard
queries) and MRR.
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.browse import browsing
from bench.corpus import generate
from bench.ranking import read_queries
from site_tools.build import build

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "bench-search"
QUERIES = ROOT / "tests" / "procedure_search" / "queries.tsv"
FUSE_VERSION = "7.5.0"
REPEATS = 5

# Each engine: the URL prefixes of what it downloads, and how to load it in
# the page as `window.__engine`, a function from a query to result hrefs.
ENGINES = {
    "Cổng Hồng Ngự (ours)": {
        "assets": ("/theme/search.", "/thu-tuc/tim-kiem."),
        "load": """async () => {
            const m = await import(document.querySelector('script[type=module]').src);
            const form = document.getElementById('procedure-search');
            const index = new m.ProcedureIndex(await (await fetch(form.dataset.index)).json());
            window.__engine = async (q) => index.search(q).slice(0, 10).map((d) => d.url);
        }""",
    },
    "Pagefind 1.5.2": {
        "assets": ("/pagefind/",),
        "load": """async () => {
            const pagefind = await import('/pagefind/pagefind.js');
            await pagefind.init();
            window.__engine = async (q) => {
                const found = await pagefind.search(q);
                const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
                return top.map((d) => d.url.replace(/index\\.html$/, ''));
            };
        }""",
    },
    f"Fuse.js {FUSE_VERSION}": {
        "assets": ("/fuse/",),
        "load": """async () => {
            const { default: Fuse } = await import('/fuse/fuse.min.mjs');
            const docs = await (await fetch('/fuse/corpus.json')).json();
            const fuse = new Fuse(docs, {
                keys: [{ name: 'title', weight: 3 }, { name: 'keywords', weight: 2 },
                       { name: 'code', weight: 2 }, { name: 'field', weight: 1 },
                       { name: 'documents', weight: 0.5 }, { name: 'result', weight: 0.5 }],
                ignoreDiacritics: true, ignoreLocation: true, threshold: 0.4, includeScore: true,
            });
            window.__engine = async (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.href);
        }""",
    },
}


def prepare(procedures: int) -> tuple[Path, dict[str, float]]:
    """Build the corpus site, Pagefind's index and Fuse's files; return the
    site folder and each engine's index build time in seconds."""
    content = generate(WORK / "content", articles=0, procedures=procedures)
    site = WORK / "site"
    build(content, site)
    timings = {}

    sys.path.insert(0, str(ROOT / "plugins"))
    # Our index: the same function the build calls, timed on its own.
    from pelican import Pelican, signals

    from procedure_search.index import build_index
    from site_tools.build import load_settings

    captured = {}

    def capture(generators):
        captured["procedures"] = generators[0].context["procedures"]
        captured["settings"] = generators[0].settings

    signals.all_generators_finalized.connect(capture)
    scratch = WORK / "scratch"
    Pelican(load_settings(content, scratch)).run()
    signals.all_generators_finalized.disconnect(capture)
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    json.dumps(build_index(captured["procedures"], [], captured["settings"]), ensure_ascii=False)
    timings["ours"] = time.perf_counter() - started

    # Pagefind sees exactly the procedure pages, indexed from <main> (its
    # best configuration here; the header and footer would only add noise).
    pages = WORK / "pagefind-pages"
    shutil.rmtree(pages, ignore_errors=True)
    for procedure in captured["procedures"]:
        target = pages / procedure.save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site / procedure.save_as, target)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(pages),
            "--output-path",
            str(site / "pagefind"),
            "--root-selector",
            "main",
            "--quiet",
        ],
        check=True,
    )
    timings["pagefind"] = time.perf_counter() - started

    fuse_dir = site / "fuse"
    fuse_dir.mkdir(exist_ok=True)
    npm_dir = WORK / "npm"
    if not (npm_dir / "node_modules" / "fuse.js").is_dir():
        npm_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(npm_dir), f"fuse.js@{FUSE_VERSION}"],
            check=True,
        )
    shutil.copy(
        npm_dir / "node_modules" / "fuse.js" / "dist" / "fuse.min.mjs", fuse_dir / "fuse.min.mjs"
    )
    started = time.perf_counter()
    corpus = [fuse_record(p) for p in captured["procedures"]]
    (fuse_dir / "corpus.json").write_text(json.dumps(corpus, ensure_ascii=False), encoding="utf-8")
    timings["fuse"] = time.perf_counter() - started
    return site, timings


def fuse_record(procedure) -> dict:
    """What Fuse.js searches: the same fields our index holds, as plain text."""
    from procedure_search.index import document_names, section_text
    from vietnamese.text import plain_text

    return {
        "title": plain_text(procedure.title),
        "href": f"/{procedure.url}",
        "code": procedure.code,
        "field": procedure.field,
        "keywords": procedure.keywords,
        "documents": document_names(procedure),
        "result": section_text(procedure, "Kết quả thực hiện"),
    }


def measure(browser, base: str, name: str, engine: dict, queries: list[dict[str, str]]) -> dict:
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{base}/thu-tuc/")
    page.evaluate(engine["load"])
    first = page.evaluate("async (q) => await window.__engine(q)", queries[0]["query"])
    assert first, f"{name} found nothing for {queries[0]['query']!r}"
    page.wait_for_timeout(200)
    downloaded = 0
    counted = set()
    for response in responses:
        path = response.url.removeprefix(base)
        if path in counted or not path.startswith(engine["assets"]):
            continue
        counted.add(path)
        downloaded += len(gzip.compress(response.body(), 9))
    # Warm pass (loads any lazily fetched chunks), then the timed pass.
    texts = [row["query"] for row in queries]
    page.evaluate("async (qs) => { for (const q of qs) await window.__engine(q); }", texts)
    # Each query timed REPEATS times, its median kept: one garbage
    # collection must not decide an engine's p95.
    timed = page.evaluate(
        """async ([qs, repeats]) => { const out = [];
            for (const q of qs) { const runs = []; let r;
              for (let i = 0; i < repeats; i++) {
                const t = performance.now(); r = await window.__engine(q); runs.push(performance.now() - t); }
              runs.sort((a, b) => a - b); out.push([runs[Math.floor(repeats / 2)], r]); }
            return out; }""",
        [texts, REPEATS],
    )
    context.close()
    times = sorted(t for t, _ in timed)
    hits = {"plain": [], "hard": []}
    reciprocal = []
    for row, (_, hrefs) in zip(queries, timed, strict=True):
        target = f"/thu-tuc/{row['expected']}/"
        rank = hrefs.index(target) + 1 if target in hrefs else None
        hits["plain" if row["kind"] == "plain" else "hard"].append(rank is not None and rank <= 3)
        reciprocal.append(1 / rank if rank else 0)
    return {
        "bytes": downloaded,
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "plain": sum(hits["plain"]) / len(hits["plain"]),
        "hard": sum(hits["hard"]) / len(hits["hard"]),
        "mrr": sum(reciprocal) / len(reciprocal),
    }


def run(procedures: int = 500) -> str:
    queries = read_queries(QUERIES)
    site, timings = prepare(procedures)
    rows = []
    with browsing(site) as (browser, base):
        for (name, engine), key in zip(ENGINES.items(), ("ours", "pagefind", "fuse"), strict=True):
            result = measure(browser, base, name, engine, queries)
            rows.append((name, timings[key], result))
    plain = sum(r["kind"] == "plain" for r in queries)
    lines = [
        f"Procedure search on {procedures} procedures, {len(queries)} queries "
        f"({plain} plain, {len(queries) - plain} hard), Chromium",
        "",
        "| engine | KB gzip before first results | index build s | query p50 ms | query p95 ms | Success@3 plain | Success@3 hard | MRR |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, seconds, r in rows:
        lines.append(
            f"| {name} | {r['bytes'] / 1024:.1f} | {seconds:.2f} | {r['p50']:.2f} | {r['p95']:.2f} "
            f"| {r['plain']:.0%} | {r['hard']:.0%} | {r['mrr']:.3f} |"
        )
    return "\n".join(lines)
