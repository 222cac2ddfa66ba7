"""The site-wide search index, in shards, read by theme/js/site-search.js.

A query loads the small manifest, then only what its words need:

    tim-kiem/chi-muc.<hash>.json    the manifest
    tim-kiem/t<k>.<digest>.json     postings: terms whose hash is k (mod "shards")
    tim-kiem/v-<c>.<digest>.json    vocabulary: the terms that start with the
                                    character of code point c (hex), loaded only
                                    for a word not found (prefix, typo, Telex)
    tim-kiem/d<b>.<digest>.json     what results show: docs b*bucket … (b+1)*bucket-1

Every name carries a digest of the file's own text, so nginx lets browsers
keep them for a year (deploy/nginx/portal.conf), and an edit renames only
the files it changed (adding or removing an item renumbers the docs, and so
changes most of them).

The manifest:

    {"v": 1, "n": <docs>, "files": {"t0": "<digest>", …}, "shards": K, "bucket": B,
     "vocab": ["a", "b", …],            # first characters with a vocabulary file
     "types": [...], "categories": [...], "years": [...],
     "t": [3, 0, …], "c": […], "y": […],  # per doc: its type, category, year (-1: none)
     "l": [4, …],                       # per doc: the words of its title
     "stop": [question words]}

A postings file maps a folded term, or two folded terms side by side
("khai sinh", a phrase), to [doc, weight, doc, weight, …] with each doc
given as the step from the one before. Weights say where the term is:
title 10 (and only the title), keywords 8, tags and headings 6, summary, facts and synonyms 4,
category 3, body 1 (2 when frequent). Docs are numbered pinned first, then
newest first, so a lower number wins a tie.

A docs file is a list of [url, title, type, date, category, text, image]:
`text` is the summary, headings and the start of the body, plain text, for
the passage; `image` is "" or [thumbnail URL, alt text, width, height].
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import defaultdict
from typing import Any

from procedure_search.synonyms import expand
from site_search.records import TYPES
from site_search.terms import body_terms
from vietnamese.text import SEARCH_STOPWORDS, search_fold, search_words

INDEX_VERSION = 1
INDEX_FOLDER = "tim-kiem"  # the index's files, beside the search page
BUCKET = 16  # docs per docs file: a first page of results loads a few
POSTINGS_PER_SHARD = 2500
PASSAGE_CHARS = 600
FIELDS = (  # (record key, weight, phrases indexed)
    ("title", 10, True),
    ("keywords", 8, True),
    ("tags", 6, True),
    ("headings", 6, True),
    ("summary", 4, True),
    ("facts", 4, True),
    ("synonyms", 4, True),
    ("category", 3, False),
)


def term_hash(term: str) -> int:
    """FNV-1a (32 bits) over the term's code points; site-search.js agrees."""
    value = 0x811C9DC5
    for ch in term:
        value ^= ord(ch)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def order_key(record: dict[str, Any]) -> tuple:
    """Pinned first, then newest, then undated items (procedures, pages…)."""
    return (not record.get("pinned"), not record.get("date"), _negated(record.get("date", "")))


def _negated(date: str) -> str:
    return "".join(chr(0x7F - ord(ch)) for ch in date)


def weights_of(record: dict[str, Any], body: dict[str, int] | None = None) -> dict[str, int]:
    """Each term (and each pair of neighbouring terms of the short fields)
    of one record, with the weight of the weightiest field it is in. `body`
    is the body's `body_terms`, when made ahead (records.search_body)."""
    # The body's weights (1–2) first, copied whole: every short field weighs more.
    found = dict(body if body is not None else body_terms(record.get("body", "")))
    short: dict[str, int] = {}
    for key, weight, phrases in FIELDS:
        text = record.get(key, "")
        if not text:
            continue
        words = search_words(text)
        for term in (search_fold(w) for w in words if key == "title" or w not in SEARCH_STOPWORDS):
            if short.get(term, 0) < weight:
                short[term] = weight
        if phrases:
            meaningful = [search_fold(w) for w in words if w not in SEARCH_STOPWORDS]
            for a, b in itertools.pairwise(meaningful):
                pair = f"{a} {b}"
                if short.get(pair, 0) < weight:
                    short[pair] = weight
    found.update(short)
    return found


def passage_text(record: dict[str, Any]) -> str:
    parts = [record.get("summary", ""), record.get("headings", ""), record.get("facts", "")]
    body = record.get("body", "")
    if len(body) > PASSAGE_CHARS:
        body = body[:PASSAGE_CHARS].rsplit(" ", 1)[0] + " …"
    return " · ".join(p for p in [*parts, body] if p)


def with_synonyms(record: dict[str, Any], groups: list[list[str]]) -> dict[str, Any]:
    short = "; ".join(
        record.get(k, "") for k in ("title", "keywords", "tags", "summary", "headings")
    )
    synonyms = "; ".join(expand(short, groups)) if groups else ""
    return {**record, "synonyms": synonyms} if synonyms else record


def build_index(
    records: list[dict[str, Any]], groups: list[list[str]], weights=None
) -> dict[str, str]:
    """The index files (site path → JSON text), and under "manifest" the
    manifest's path. `weights(record)` gives a record's term weights (a
    preview's cache may answer); by default `weights_of` with synonyms."""
    weights = weights or (lambda record: weights_of(with_synonyms(record, groups)))
    records = sorted(records, key=order_key)
    # Each term's postings as they are stored, [step, weight, …], built as
    # docs are numbered (in order, so each step is from the term's last doc).
    postings: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for doc, record in enumerate(records):
        for term, weight in weights(record).items():
            flat = postings.get(term)
            if flat is None:
                postings[term] = [doc, weight]
            else:
                flat += (doc - last[term], weight)
            last[term] = doc

    total = sum(len(p) for p in postings.values()) // 2
    shards = max(1, total // POSTINGS_PER_SHARD)
    files: dict[str, dict] = defaultdict(dict)
    vocab: dict[str, list[str]] = defaultdict(list)
    for term in sorted(postings):
        files[f"t{term_hash(term) % shards}"][term] = postings[term]
        if " " not in term:
            vocab[term[0]].append(term)
    out = {name: dump(data) for name, data in files.items()}
    for first, terms in vocab.items():
        out[f"v-{ord(first):x}"] = dump(terms)

    categories = sorted({r.get("category", "") for r in records} - {""})
    years = sorted({r["date"][:4] for r in records if r.get("date")})
    for start in range(0, len(records), BUCKET):
        out[f"d{start // BUCKET}"] = dump(
            [
                [
                    r["url"],
                    r["title"],
                    r["type"],
                    r.get("date", ""),
                    r.get("category", ""),
                    passage_text(r),
                    r.get("image", ""),
                ]
                for r in records[start : start + BUCKET]
            ]
        )
    # Each file named by its own digest: after an edit, only the files that
    # changed get new names (browsers keep the rest; a preview rewrites less).
    digests = {name: hashlib.sha256(text.encode()).hexdigest()[:10] for name, text in out.items()}
    manifest = {
        "v": INDEX_VERSION,
        "n": len(records),
        "files": digests,
        "shards": shards,
        "bucket": BUCKET,
        "vocab": sorted(f"{ord(c):x}" for c in vocab),
        "types": list(TYPES),
        "categories": categories,
        "years": years,
        "t": [TYPES.index(r["type"]) for r in records],
        "c": [position(categories, r.get("category")) for r in records],
        "y": [position(years, r.get("date", "")[:4]) for r in records],
        "l": [len(search_words(r["title"])) for r in records],
        "stop": sorted(SEARCH_STOPWORDS),
    }
    result = {f"{INDEX_FOLDER}/{name}.{digests[name]}.json": text for name, text in out.items()}
    text = dump(manifest)
    name = f"{INDEX_FOLDER}/chi-muc.{hashlib.sha256(text.encode()).hexdigest()[:10]}.json"
    result[name] = text
    result["manifest"] = name
    return result


def position(table: list[str], value: str | None) -> int:
    """Where a facet value is in its table; -1 when the doc has none."""
    return table.index(value) if value in table else -1


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
