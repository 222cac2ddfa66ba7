"""When an item of any content type is on the site: one rule for articles,
pages, procedures and contacts, applied by the reader (portal/reader.py)
before Pelican makes the content object, so every generator sees the same
answer.

- **published**: written, listed, indexed, in feeds and the sitemap;
- **hidden** (`Status: hidden`): written at its address, listed nowhere
  (listings, menus, search index, feeds, sitemap);
- **draft** (`Status: draft`) and **scheduled** (a Date later than the
  build's `now`): never written by a build, listed nowhere; the preview shows
  them at their DRAFT_URL with a banner.

Pelican knows published, hidden and draft: a scheduled item is a draft to
Pelican (so its generators leave it out) and "scheduled" in `publication`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from problems import Problem
from vietnamese.text import format_date

# Status values an editor may write; none written means published.
STATUSES = ("published", "hidden", "draft")
# Publications whose page a build writes (the others only a preview does).
WRITTEN = frozenset({"published", "hidden"})


def publication_of(
    path: str,
    meta: Mapping[str, tuple[str, int]],
    date: dt.datetime | None,
    now: dt.datetime,
) -> tuple[str, list[Problem]]:
    """The item's publication ("published", "hidden", "draft" or
    "scheduled") from its `Status` and its `date` (aware), with the problems:
    an unknown status is an error (the publication is then ""), a scheduled
    item a warning that says when it goes out."""
    status, line = meta.get("status", ("published", 0))
    status = status.strip().lower()
    if status not in STATUSES:
        return "", [
            Problem(
                path,
                line,
                "Status",
                f"trạng thái '{status}' không hợp lệ. Hãy viết 'Status: draft' (bản nháp), "
                "'Status: hidden' (trang ẩn, không liệt kê ở đâu) hoặc bỏ dòng này để đăng.",
            )
        ]
    if status == "draft" or date is None or date <= now:
        return status, []
    when = f"{date:%H:%M} ngày {format_date(date, 'short')}"
    return "scheduled", [
        Problem(
            path,
            meta["date"][1],
            "Date",
            f"hẹn đăng lúc {when} (giờ Việt Nam): chưa đăng, lần dựng trang đầu tiên từ lúc đó "
            "sẽ đăng. Nếu muốn đăng ngay, hãy sửa ngày.",
            "warning",
        )
    ]


def pelican_status(publication: str) -> str:
    """The status Pelican's generators sort by: a scheduled item is a draft."""
    return "draft" if publication == "scheduled" else publication


def is_written(item: Any) -> bool:
    """Does a build write this item's page? (A preview also writes drafts.)"""
    return getattr(item, "publication", "published") in WRITTEN


def is_listed(item: Any) -> bool:
    """May listings, menus, the search index, feeds and the sitemap show it?"""
    return getattr(item, "publication", "published") == "published"
