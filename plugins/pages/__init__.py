"""Pelican plugin: rules of static pages (content/trang/): a title, and a
slug that does not take a section's address."""

from __future__ import annotations

from pelican import signals
from pelican.contents import Page

from portal import connect
from portal.state import state_of
from problems import problem_at


def validate_page(content) -> None:
    if type(content) is not Page:  # procedures and contacts have their own rules
        return
    problems = []
    if not str(content.metadata.get("title", "")).strip():
        problems.append(
            problem_at(content, "Title", "thiếu tiêu đề trang. Hãy thêm dòng 'Title: …' ở đầu tệp.")
        )
    reserved = content.settings["PAGE_RESERVED_SLUGS"]
    slug = getattr(content, "slug", "")
    if slug in reserved:
        problems.append(
            problem_at(
                content,
                "Slug",
                f"địa chỉ '/{slug}/' là của một mục trên cổng. Hãy đặt 'Slug: …' khác.",
            )
        )
    state_of(content.settings).add_problems(problems)


def register() -> None:
    connect()
    signals.content_object_init.connect(validate_page)
