"""Invoke tasks: `invoke --list`. Each task is a thin wrapper over site_tools."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from site_tools.build import BuildFailed, build as build_site, check as check_site  # noqa: E402, I001
from site_tools.build import rebuild as rebuild_site  # noqa: E402
from site_tools.serve import serve as serve_site  # noqa: E402


def _print_report(errors: list[str], warnings: list[str]) -> None:
    for message in errors:
        print(f"LỖI      {message}", file=sys.stderr)
    for message in warnings:
        print(f"CẢNH BÁO {message}", file=sys.stderr)


def _build(
    content: str, output: str, incremental: bool = False, allow_shrink: bool = False
) -> bool:
    try:
        report = (rebuild_site if incremental else build_site)(
            content, output, allow_shrink=allow_shrink
        )
    except BuildFailed as failure:
        _print_report(failure.messages, failure.warnings)
        print(
            f"Không dựng được trang: {len(failure.messages)} lỗi. "
            f"Thư mục {output} vẫn giữ bản đã dựng trước đó.",
            file=sys.stderr,
        )
        return False
    _print_report([], report.warnings)
    pages = sum(1 for _ in Path(output).rglob("*.html"))
    print(f"Đã dựng {pages} trang vào {output}")
    return True


BUILD_HELP = {
    "content": "content folder (default: content)",
    "output": "output folder",
    "allow-shrink": "replace the live site even with no article or under half its pages",
}


@task(help=BUILD_HELP)
def build(c, content="content", output="output", allow_shrink=False):
    """Build the site from CONTENT into OUTPUT (replaced only on success)."""
    if not _build(content, output, allow_shrink=allow_shrink):
        sys.exit(1)


@task(help=BUILD_HELP)
def rebuild(c, content="content", output="output", allow_shrink=False):
    """Build again, reading only the sources changed since the last build."""
    if not _build(content, output, incremental=True, allow_shrink=allow_shrink):
        sys.exit(1)


@task(help={"content": "content folder (default: content)"})
def check(c, content="content"):
    """Check all content without building; exit 1 when there are errors."""
    report = check_site(content)
    _print_report(report.errors, report.warnings)
    for note in report.notes:
        print(f"GHI CHÚ   {note}")
    if report.errors:
        print(f"{len(report.errors)} lỗi, {len(report.warnings)} cảnh báo.", file=sys.stderr)
        sys.exit(1)
    print(f"Nội dung hợp lệ ({len(report.warnings)} cảnh báo).")


@task(help={"kind": "article, procedure or contact", "title": "the title, in quotes"})
def new(c, kind, title, content="content"):
    """Create a content file: invoke new article "Tiêu đề bài viết"."""
    from site_tools.new import create

    try:
        path = create(kind, title, Path(content))
    except (ValueError, FileExistsError) as error:
        print(f"LỖI      {error}", file=sys.stderr)
        sys.exit(1)
    print(f"Đã tạo {path}. Mở tệp, điền các dòng còn trống rồi chạy: invoke check")


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
    """Preview with rebuild on every save (content, theme, plugins), drafts shown."""
    from livereload import Server

    from site_tools.preview import Preview

    # One session for the whole preview: after the first build, a save
    # re-reads the edited file and re-renders only the pages that show it.
    preview = Preview(content, output)

    def update() -> None:
        try:
            report = preview.build()
        except BuildFailed as failure:
            _print_report(failure.messages, failure.warnings)
            print("Chưa cập nhật bản xem thử: hãy sửa các lỗi trên rồi lưu lại.", file=sys.stderr)
            return
        _print_report([], report.warnings)
        print("Đã cập nhật bản xem thử.")

    update()
    server = Server()
    for watched in (content, "theme", "plugins", "pelicanconf.py"):
        server.watch(f"{watched}/**/*" if Path(watched).is_dir() else watched, update)
    server.serve(host="127.0.0.1", port=int(port), root=output)


@task(
    help={
        "target": "folder or user@host:/path (default: PORTAL_PUBLISH_TARGET)",
        "allow-shrink": BUILD_HELP["allow-shrink"],
    }
)
def publish(c, target=None, content="content", allow_shrink=False):
    """Check, build with publishconf.py and deploy; refuses when check fails."""
    from site_tools.publish import PublishRefused
    from site_tools.publish import publish as publish_site

    try:
        where = publish_site(Path(content), target, allow_shrink=allow_shrink)
    except BuildFailed as failure:
        _print_report(failure.messages, failure.warnings)
        print(
            f"Không đăng: {len(failure.messages)} lỗi. Trang đang chạy không thay đổi.",
            file=sys.stderr,
        )
        sys.exit(1)
    except PublishRefused as refusal:
        print(f"LỖI      {refusal}", file=sys.stderr)
        sys.exit(1)
    print(f"Đã đăng lên {where}")


@task
def clean(c, output="output"):
    """Remove the output folder and caches."""
    for path in (Path(output), ROOT / ".cache"):
        shutil.rmtree(path, ignore_errors=True)


@task(
    help={
        "search": "procedure search: ours, Pagefind, Fuse.js (default on)",
        "site-search": "site search, ours vs Pagefind: quality on the sample, bytes and times at scale",
        "site-search-sizes": "articles of the site-search corpora, comma-separated (default 1000,5000,20000)",
        "images": "pictures: image bytes and CLS in Chromium, processing time of many photos",
        "photos": "photos of 4000×3000 in the picture processing benchmark (default 500)",
        "pages": "page budgets: article weight and Lighthouse (default on)",
        "build": "build speed: portal, plain Pelican, Hugo (default on)",
        "articles": "articles in the build benchmark's corpus (default 5000)",
        "procedures": "procedures in the generated corpus (default 500)",
    }
)
def bench(
    c,
    search=True,
    site_search=True,
    pages=True,
    build=True,
    articles=5000,
    procedures=500,
    site_search_sizes="1000,5000,20000",
    images=True,
    photos=500,
):
    """Benchmarks, printed as tables beside their baselines or budgets."""
    if build:
        from bench.build import run as run_build

        print(run_build(int(articles), int(procedures)), end="\n\n")
    if pages:
        from bench.pages import run as run_pages

        print(run_pages(), end="\n\n")
    if search:
        from bench.search import run as run_search

        print(run_search(int(procedures)), end="\n\n")
    if site_search:
        from bench.site_search import run as run_site_search

        sizes = tuple(int(size) for size in site_search_sizes.split(","))
        print(run_site_search(sizes, int(procedures)), end="\n\n")
    if images:
        from bench.images import run as run_images

        print(run_images(int(photos)))
