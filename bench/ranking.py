"""Query sets with expected pages, and how a ranking is scored against them:
shared by the browser tests and the benchmarks, so both measure quality the
same way.

A search engine is driven in the page as `window.__engine`, an async
function from a query to the addresses of its first ten results.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

# Our site search as `window.__engine`, on a page of the portal (every page
# loads site-search.js; /tim-kiem/ holds the form naming the index).
OURS_ENGINE = """async () => {
  const m = await import(document.querySelector('script[type=module]').src);
  const form = document.getElementById('portal-search');
  const index = await m.SiteIndex.load(form.dataset.index, form.dataset.root);
  window.__engine = async (q) => {
    const { hits } = await index.search(q);
    return (await index.docs(hits.slice(0, 10).map((h) => h.id))).map((d) => d.url);
  };
}"""
# Every query through `window.__engine`, in order: a list of address lists.
RANK_ALL = """async (queries) => {
  const out = [];
  for (const q of queries) out.push(await window.__engine(q));
  return out;
}"""


def read_queries(path: Path) -> list[dict[str, str]]:
    """The rows (kind, query, expected…) of a query set; `nfd` queries are
    decomposed here, as a phone keyboard may send them."""
    with path.open(encoding="utf-8") as handle:
        rows = list(
            csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        )
    for row in rows:
        if row["kind"] == "nfd":
            row["query"] = unicodedata.normalize("NFD", row["query"])
    return rows


def rank_of(expected: str, urls: list[str]) -> int:
    """1-based position of the expected address, 0 when it is missing."""
    return urls.index(expected) + 1 if expected in urls else 0


def quality(
    rows: list[dict[str, str]], ranked: list[list[str]]
) -> dict[str, tuple[float, float, int]]:
    """Success@3, MRR and count by kind, and over "all"."""
    by_kind: dict[str, list[int]] = {}
    for row, urls in zip(rows, ranked, strict=True):
        rank = rank_of(row["expected"], urls)
        by_kind.setdefault(row["kind"], []).append(rank)
        by_kind.setdefault("all", []).append(rank)
    return {
        kind: (
            sum(0 < r <= 3 for r in ranks) / len(ranks),
            sum(1 / r for r in ranks if r) / len(ranks),
            len(ranks),
        )
        for kind, ranks in by_kind.items()
    }
