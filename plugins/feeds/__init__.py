"""Pelican plugin: the portal's feeds (all news, each category, procedure
updates, documents, drafts for comment), each as Atom and RSS 2.0, plus what templates need to list and
announce them. Replaces Pelican's own feeds (turned off in pelicanconf)."""

from __future__ import annotations

from pathlib import Path

from feeds.build import Feed, write_feed
from feeds.entries import article_entry, document_entry, procedure_entry
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
    documents = sorted(context.get("documents", []), key=lambda d: (d.date, d.slug), reverse=True)
    document_feeds = [
        Feed(
            name,
            f"{site}: {title}",
            description,
            page,
            [document_entry(d, settings) for d in items[:limit]],
        )
        for name, title, description, page, items in (
            (
                "van-ban",
                "văn bản mới",
                "Văn bản mới đăng: số, ký hiệu, trích yếu, hiệu lực và tệp toàn văn.",
                settings["DOCUMENTS_URL"],
                documents,
            ),
            (
                "du-thao",
                "dự thảo lấy ý kiến",
                "Dự thảo văn bản mới đưa ra lấy ý kiến nhân dân, với hạn góp ý.",
                settings["DRAFTS_FOR_COMMENT_URL"],
                [d for d in documents if d.is_draft_for_comment],
            ),
        )
        if items
    ]
    feeds += document_feeds
    # Pages show the feeds' links, never their entries.
    context["PORTAL_FEEDS"] = [feed.link for feed in feeds]
    context["DOCUMENT_FEEDS"] = [feed.link for feed in document_feeds]
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
