"""The cross-content rules, as `Problem`s."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from content_checks.links import is_root_relative, links_of, resolve_intrasite
from portal.files import linked_path
from portal.published import all_content, site_files, site_path
from portal.reader import SLUG_FROM_TITLE
from portal.state import state_of
from problems import Problem, display_path, key_line, line_containing, problem_at
from problems.source import outside
from vietnamese.text import plain_text

LARGE_IMAGE = 1_000_000  # bytes: a phone on a slow network waits for this
LONG_SUMMARY = 300  # characters shown on cards and in feeds


def unpublished_sources(context: dict[str, Any]) -> set[Path]:
    """Sources of drafts and scheduled items: a link to one would 404."""
    items = []
    for key in ("drafts", "draft_pages", "draft_procedures", "draft_contacts"):
        for item in context.get(key, []) or []:
            items += [item, *(getattr(item, "translations", []) or [])]
    return {Path(item.source_path).resolve() for item in items}


def check_all(context: dict[str, Any], settings: dict[str, Any]) -> list[Problem]:
    items = all_content(context)
    content_root = Path(settings["PATH"]).resolve()
    problems = duplicate_urls(items)
    files = site_files(context, settings, items)
    unpublished = unpublished_sources(context)
    state = state_of(settings)
    for item in items:
        targets, links = state.derived(item.source_path, "links", links_of)
        # Links to files offered for download: the attachments plugin names
        # a missing or refused file more precisely (portal/files.py).
        targets = [
            (kind, path)
            for kind, path in targets
            if kind != "static" or not linked_path("{static}" + path, item.source_path, settings)
        ]
        links = [
            (attribute, url)
            for attribute, url in links
            if attribute != "href" or not linked_path(url, item.source_path, settings)
        ]
        problems += link_problems(item, content_root, files, unpublished, targets, links)
        problems += summary_problems(item)
        image = getattr(item, "lead_image", None)
        if image:
            problems += size_problems(item, content_root / image.path, "Image")
    return problems


def duplicate_urls(items: list[Any]) -> list[Problem]:
    owners: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        if item.save_as:
            owners[item.save_as].append(item)
    problems = []
    for save_as, sharing in owners.items():
        if len(sharing) < 2:
            continue
        first = display_path(sharing[0].source_path)
        for item in sharing[1:]:
            written = "slug" in item.metadata and not item.metadata.get(SLUG_FROM_TITLE)
            key = "Slug" if written else "Title"
            problems.append(
                problem_at(
                    item,
                    key,
                    f"trùng địa chỉ /{save_as.removesuffix('index.html')} với {first}. "
                    "Hãy đổi tiêu đề hoặc thêm dòng 'Slug: …' khác.",
                )
            )
    return problems


def link_problems(
    item: Any,
    content_root: Path,
    files: set[str],
    unpublished: set[Path],
    targets: list[tuple[str, str]],
    links: list[tuple[str, str]],
) -> list[Problem]:
    """Problems of one item's {filename}/{static} `targets` (the `unpublished`
    sources among them too) and other `links`."""
    source = Path(item.source_path)
    shown = str(source)
    problems = []
    for kind, path in targets:
        target = resolve_intrasite(path, source, content_root)
        if outside(target, content_root):
            problems.append(
                Problem(
                    shown,
                    line_containing(source, path),
                    "",
                    f"liên kết {{{kind}}}{path} trỏ ra ngoài thư mục content. "
                    "Chỉ liên kết tới bài, ảnh, tài liệu nằm trong content/.",
                )
            )
        elif not target.is_file():
            hint = "bài viết hoặc trang" if kind == "filename" else "tệp ảnh, tài liệu"
            problems.append(
                Problem(
                    shown,
                    line_containing(source, path),
                    "",
                    f"liên kết {{{kind}}}{path} không dẫn tới {hint} nào "
                    "trong content/. Hãy kiểm tra đường dẫn và tên tệp.",
                )
            )
        elif target in unpublished:
            problems.append(
                Problem(
                    shown,
                    line_containing(source, path),
                    "",
                    f"liên kết {{{kind}}}{path} dẫn tới bản nháp hoặc bài hẹn giờ đăng, "
                    "chưa có trên cổng. Hãy bỏ liên kết, hoặc đăng bài đó trước.",
                )
            )
        elif kind == "static" and target.suffix.lower() in {
            ".png",
            ".jpg",
            ".jpeg",
            ".gif",
            ".webp",
            ".svg",
        }:
            problems += size_problems(item, target, "")
    for attribute, url in links:
        if url.startswith("http://"):
            problems.append(
                Problem(
                    shown,
                    line_containing(source, url),
                    "",
                    f"liên kết '{url}' dùng http:// không an toàn. "
                    "Hãy dùng https:// nếu trang đó hỗ trợ.",
                    "warning",
                )
            )
        elif is_root_relative(url) and site_path(url) not in files:
            what = "ảnh" if attribute == "src" else "liên kết"
            problems.append(
                Problem(
                    shown,
                    line_containing(source, url),
                    "",
                    f"{what} '{url}' không dẫn tới trang hay tệp nào "
                    "của cổng. Hãy kiểm tra lại địa chỉ.",
                )
            )
    return problems


def size_problems(item: Any, image: Path, key: str) -> list[Problem]:
    """A warning when a drawing (SVG: the item's `key`, or one its body
    shows) is heavy; photos are published resized (plugins/images), so
    their size is the editor's to keep."""
    if image.suffix.lower() == ".svg" and image.is_file() and image.stat().st_size > LARGE_IMAGE:
        size = image.stat().st_size / 1_000_000
        line = key_line(item, key) if key else line_containing(item.source_path, image.name)
        return [
            Problem(
                str(item.source_path),
                line,
                key,
                f"ảnh '{image.name}' nặng {size:.1f} MB, tải rất chậm trên điện thoại. "
                "Hãy thu nhỏ còn dưới 1 MB (chiều ngang 1600 điểm ảnh là đủ).",
                "warning",
            )
        ]
    return []


def summary_problems(item: Any) -> list[Problem]:
    summary = item.metadata.get("summary")
    if summary and len(plain_text(summary)) > LONG_SUMMARY:
        return [
            problem_at(
                item,
                "Summary",
                f"tóm tắt dài {len(plain_text(summary))} ký tự. Hãy viết gọn trong một, hai câu "
                f"(dưới {LONG_SUMMARY} ký tự).",
                "warning",
            )
        ]
    return []
