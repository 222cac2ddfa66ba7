"""Pelican plugin: the portal's feeds (all news, each category, procedure
updates), each as Atom and RSS 2.0, plus what templates need to list and
announce them. Replaces Pelican's own feeds (turned off in pelicanconf)."""

from __future__ import annotations

from pathlib import Path

from feeds.build import Feed, write_feed
from feeds.entries import article_entry, procedure_entry
from portal import connect
from portal.state import Step, state_of


def plan(generators) -> None:
    """Decide the feeds before pages are rendered: pages link to them."""
    context = generators[0].context
    settings = generators[0].settings
    limit = settings["PORTAL_FEED_MAX_ITEMS"]
    site = settings["SITENAME"]
    articles = context.get("articles", [])
    feeds = [
        Feed(
            "tin-tuc",
            f"{site}: tin tức và thông báo",
            "Tất cả tin tức, thông báo và văn bản chỉ đạo điều hành, mới nhất trước.",
            settings["NEWS_URL"],
            [article_entry(a, settings) for a in articles[:limit]],
        )
    ]
    by_category = {}
    for category, items in context.get("categories", []):
        newest = sorted(items, key=lambda a: a.date, reverse=True)[:limit]
        feed = Feed(
            f"chuyen-muc-{category.slug}",
            f"{site}: {category.name}",
            f"Các bài viết chuyên mục {category.name}.",
            category.url,
            [article_entry(a, settings) for a in newest],
        )
        feeds.append(feed)
        by_category[category.slug] = feed
    procedures = sorted(
        context.get("procedures", []), key=lambda p: (p.last_updated, p.slug), reverse=True
    )
    if procedures:
        feeds.append(
            Feed(
                "thu-tuc",
                f"{site}: thủ tục hành chính mới và cập nhật",
                "Thủ tục hành chính mới đăng hoặc vừa sửa đổi (hồ sơ, thời hạn, lệ phí), mới nhất trước.",
                "thu-tuc/",
                [procedure_entry(p, settings) for p in procedures[:limit]],
            )
        )
    # Pages show the feeds' links, never their entries.
    context["PORTAL_FEEDS"] = [feed.link for feed in feeds]
    context["CATEGORY_FEEDS"] = {slug: feed.link for slug, feed in by_category.items()}
    state_of(settings).feeds = feeds


def write(pelican) -> None:
    settings = pelican.settings
    for feed in state_of(settings).feeds:
        write_feed(
            feed,
            Path(settings["OUTPUT_PATH"]),
            settings["SITE_CANONICAL_URL"].rstrip("/"),
            full_content=settings["PORTAL_FEED_FULL_CONTENT"],
        )


STEPS = [Step("context", "feeds", plan), Step("write", "feeds", write)]


def register() -> None:
    connect()
