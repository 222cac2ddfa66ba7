"""Build speed at portal scale: the portal's full and incremental builds
beside plain Pelican 4.12 (default theme) and Hugo on the same generated
texts, each run in its own process, with peak memory and output counts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench.corpus import generate
from site_tools.build import ROOT
from site_tools.outputs import tree

WORK = ROOT / ".cache" / "bench-build"
HUGO_VERSION = "0.168.0"

PLAIN_PELICAN_SETTINGS = """
AUTHOR = "Bench"
SITENAME = "Plain Pelican"
SITEURL = ""
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
ARTICLE_PATHS = ["tin-tuc"]
PAGE_PATHS = ["trang"]
STATIC_PATHS = ["images"]
"""

HUGO_CONFIG = """baseURL = "https://example.invalid/"
languageCode = "vi"
title = "Hugo"
disableKinds = ["RSS"]
[pagination]
  pagerSize = 10
[taxonomies]
  category = "categories"
  tag = "tags"
"""
HUGO_LAYOUTS = {
    "baseof.html": '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
    '<body><main>{{ block "main" . }}{{ end }}</main></body></html>',
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "02/01/2006" }}</p>'
    '{{ .Content }}{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a> {{ end }}</article>{{ end }}',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range (.Paginate .Pages).Pages }}'
    '<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}'
    '{{ template "_internal/pagination.html" . }}{{ end }}',
}


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Run `command` under a fresh Python that reports its children's peak RSS."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=cwd, check=True, capture_output=True, text=True
    )
    seconds, peak_kb = result.stdout.split()
    return float(seconds), int(peak_kb) // 1024


def count_html(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def hugo_site(content: Path, target: Path) -> Path:
    """The same article texts as a Hugo site (YAML front matter)."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "layouts" / "_default").mkdir(parents=True)
    (target / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (target / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    for source in sorted((content / "tin-tuc").rglob("*.md")):
        head, _, body = source.read_text(encoding="utf-8").partition("\n\n")
        keys = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        tags = ", ".join(f'"{t.strip()}"' for t in keys.get("Tags", "").split(",") if t.strip())
        date = keys["Date"].replace(" ", "T") + ":00+07:00"
        title = keys["Title"].replace('"', '\\"')
        front = f'---\ntitle: "{title}"\ndate: {date}\ncategories: ["{keys["Category"]}"]\ntags: [{tags}]\n---\n'
        target_file = target / "content" / "tin-tuc" / source.relative_to(content / "tin-tuc")
        target_file.parent.mkdir(parents=True, exist_ok=True)
        target_file.write_text(front + body, encoding="utf-8")
    return target


def pick_article(content: Path) -> Path:
    """The article the benchmark edits: one in the middle of the archive."""
    articles = sorted((content / "tin-tuc").rglob("*.md"))
    return articles[len(articles) // 2]


def rebuilt_full(content: Path) -> Path:
    """A clean full build of the (edited) corpus, to compare with."""
    target = WORK / "full-after-edit"
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "-r",
            str(ROOT),
            "build",
            "--content",
            str(content),
            "--output",
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    return target


def run(articles: int = 5000, procedures: int = 500) -> str:
    content = generate(WORK / "content", articles=articles, procedures=procedures)
    python = sys.executable
    invoke = [python, "-m", "invoke", "-r", str(ROOT)]
    results = []

    plain_settings = WORK / "plainconf.py"
    plain_settings.write_text(PLAIN_PELICAN_SETTINGS, encoding="utf-8")
    plain_out = WORK / "plain"
    shutil.rmtree(plain_out, ignore_errors=True)
    seconds, peak = measure(
        [
            python,
            "-m",
            "pelican",
            str(content),
            "-o",
            str(plain_out),
            "-s",
            str(plain_settings),
            "-q",
        ]
    )
    results.append(("plain Pelican 4.12, default theme", seconds, peak, count_html(plain_out)))

    hugo_dir = hugo_site(content, WORK / "hugo")
    hugo = shutil.which("hugo", path=str(Path(python).parent)) or "hugo"
    seconds, peak = measure(
        [hugo, "--quiet", "--destination", str(WORK / "hugo-public")], cwd=hugo_dir
    )
    results.append((f"Hugo {HUGO_VERSION}", seconds, peak, count_html(WORK / "hugo-public")))

    portal_out = WORK / "portal"
    shutil.rmtree(portal_out, ignore_errors=True)
    seconds, peak = measure(
        [*invoke, "build", "--content", str(content), "--output", str(portal_out)]
    )
    results.append(("portal, full build (all features)", seconds, peak, count_html(portal_out)))
    full = seconds

    # The livereload path: one process keeps the session; the second build
    # follows a one-article edit, timed by the probe itself.
    edited = pick_article(content)
    probe = (
        "import resource, sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/plugins']\n"
        "from site_tools.preview import time_one_edit\n"
        "seconds = time_one_edit(sys.argv[2], sys.argv[3], sys.argv[4])\n"
        "print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    preview_out = WORK / "preview"
    shutil.rmtree(preview_out, ignore_errors=True)
    result = subprocess.run(
        [python, "-c", probe, str(ROOT), str(content), str(preview_out), str(edited)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    seconds, peak_kb = result.stdout.split()[-2:]
    results.append(
        (
            "portal, preview (livereload): rebuild after editing one article",
            float(seconds),
            int(peak_kb) // 1024,
            count_html(preview_out),
        )
    )
    identical = tree(preview_out) == tree(rebuilt_full(content))
    results_note = f"Preview output after the edit identical to a clean full build: {'yes' if identical else 'NO'}"

    plain = results[0][1]
    lines = [
        f"Build speed: {articles} articles + {procedures} procedures (generated, ~3 KB each), "
        f"{os.cpu_count()} cores; each in a fresh process",
        "",
        "| build | seconds | × plain Pelican | peak memory MB | HTML files |",
        "|---|---|---|---|---|",
    ]
    for name, seconds, peak, pages in results:
        lines.append(f"| {name} | {seconds:.1f} | {seconds / plain:.2f} | {peak} | {pages} |")
    lines.append("")
    lines.append(f"Portal full build / Hugo: {full / results[1][1]:.1f}×. {results_note}.")
    return "\n".join(lines)
