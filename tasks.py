"""Invoke tasks: `invoke --list`. Each task is a thin wrapper over site_tools."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from site_tools.build import BuildFailed, build as build_site  # noqa: E402, I001
from site_tools.serve import serve as serve_site  # noqa: E402


def _build(content: str, output: str) -> bool:
    try:
        report = build_site(content, output)
    except BuildFailed as failure:
        print("Không dựng được trang; thư mục đầu ra cũ được giữ nguyên.", file=sys.stderr)
        for message in failure.messages:
            print(f"  LỖI {message}", file=sys.stderr)
        return False
    for message in report.warnings:
        print(f"  CẢNH BÁO {message}", file=sys.stderr)
    pages = sum(1 for _ in Path(output).rglob("*.html"))
    print(f"Đã dựng {pages} trang vào {output}")
    return True


@task(help={"content": "content folder (default: content)", "output": "output folder"})
def build(c, content="content", output="output"):
    """Build the site from CONTENT into OUTPUT (replaced only on success)."""
    if not _build(content, output):
        sys.exit(1)


@task(help={"port": "port (default 8000)", "output": "folder to serve"})
def serve(c, port=8000, output="output"):
    """Serve the built site on http://127.0.0.1:PORT/."""
    serve_site(Path(output), port=int(port))


@task(pre=[build])
def run(c, port=8000):
    """Build, then serve on http://127.0.0.1:PORT/."""
    serve_site(Path("output"), port=int(port))


@task(help={"port": "port (default 8000)", "content": "content folder"})
def livereload(c, port=8000, content="content", output="output"):
    """Serve with live reload: rebuild on every save in content, theme, plugins."""
    from livereload import Server

    _build(content, output)
    server = Server()
    for watched in (content, "theme", "plugins", "pelicanconf.py"):
        server.watch(
            f"{watched}/**/*" if Path(watched).is_dir() else watched,
            lambda: _build(content, output),
        )
    server.serve(host="127.0.0.1", port=int(port), root=output)


@task
def clean(c, output="output"):
    """Remove the output folder and caches."""
    for path in (Path(output), ROOT / ".cache"):
        shutil.rmtree(path, ignore_errors=True)


@task(
    help={
        "search": "run the procedure search benchmark (ours, Pagefind, Fuse.js)",
        "procedures": "procedures in the generated corpus (default 500)",
    }
)
def bench(c, search=True, procedures=500):
    """Benchmarks on a generated corpus, printed as tables with their baselines."""
    if search:
        from site_tools.bench_search import run as run_search

        print(run_search(int(procedures)))
