"""Page budgets: the weight of an article page (HTML + CSS + JS, no images)
and Lighthouse scores (mobile) of the key pages, served by the production
nginx configuration, each beside its budget."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path

from site_tools import nginx
from site_tools.build import ROOT, build

WORK = ROOT / ".cache" / "bench-pages"
NPM = ROOT / ".cache" / "bench-npm"
LIGHTHOUSE_VERSION = "12.2.3"
ARTICLE = "tin-tuc/thoi-gian-tiep-nhan-va-tra-ket-qua-ho-so-tai-bo-phan-mot-cua-thanh-pho/"
LIGHTHOUSE_PAGES = {
    "home": "",
    "article": ARTICLE,
    "procedure": "thu-tuc/dang-ky-khai-sinh/",
    "procedures search": "thu-tuc/?q=dang+ky+khai+sinh",
}
BUDGET_RAW = 30 * 1024
BUDGET_GZIP = 12 * 1024
BUDGET_PERFORMANCE = 95
BUDGET_ACCESSIBILITY = 100


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """(raw, gzip) bytes of the page's HTML and the CSS and JS it links."""
    html = (site / page / "index.html").read_bytes()
    parts = [html]
    for asset in re.findall(rb'(?:href|src)="/([^"]+\.(?:css|js))"', html):
        parts.append((site / asset.decode()).read_bytes())
    return sum(map(len, parts)), sum(len(gzip.compress(p, 9, mtime=0)) for p in parts)


def lighthouse_binary() -> Path:
    binary = NPM / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        NPM.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(NPM),
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
        )
    return binary


def lighthouse(url: str) -> dict[str, float]:
    report = WORK / "lighthouse.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(lighthouse_binary()),
            url,
            "--chrome-path=/usr/bin/chromium",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
            "--only-categories=performance,accessibility",
            "--form-factor=mobile",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
    scores["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores


def run() -> str:
    site = WORK / "site"
    build(ROOT / "content", site)
    raw, packed = page_weight(site, ARTICLE)
    lines = [
        "Page budgets (sample site; nginx with deploy/nginx/portal.conf; Lighthouse "
        f"{LIGHTHOUSE_VERSION}, mobile, Debian Chromium)",
        "",
        "| measure | result | budget | within |",
        "|---|---|---|---|",
        f"| article page HTML+CSS+JS raw | {raw / 1024:.1f} KB | ≤ {BUDGET_RAW // 1024} KB | {'yes' if raw <= BUDGET_RAW else 'NO'} |",
        f"| article page HTML+CSS+JS gzip | {packed / 1024:.1f} KB | ≤ {BUDGET_GZIP // 1024} KB | {'yes' if packed <= BUDGET_GZIP else 'NO'} |",
    ]
    server = nginx.start(site)
    try:
        for name, path in LIGHTHOUSE_PAGES.items():
            scores = lighthouse(f"{server.url}/{path}")
            performance, accessibility = scores["performance"], scores["accessibility"]
            lines.append(
                f"| Lighthouse performance, {name} | {performance} | ≥ {BUDGET_PERFORMANCE} "
                f"| {'yes' if performance >= BUDGET_PERFORMANCE else 'NO'} |"
            )
            lines.append(
                f"| Lighthouse accessibility, {name} | {accessibility} | {BUDGET_ACCESSIBILITY} "
                f"| {'yes' if accessibility >= BUDGET_ACCESSIBILITY else 'NO'} |"
            )
    finally:
        server.stop()
    return "\n".join(lines)
