"""Pelican plugin: news articles (content/tin-tuc/).

Validates each article against the configured categories and its lead image,
orders category listings with pinned notices first, links neighbours and
related articles, sorts tags and authors in Vietnamese order, and gives the
home page its blocks.
"""

from __future__ import annotations

from pelican import signals
from pelican.contents import Article

from news import listings
from news.rules import is_pinned, lead_image_of, validate_article
from portal import connect
from portal.state import state_of
from vietnamese.text import sort_vi

HOME_LATEST = 6
HOME_PER_CATEGORY = 5


def prepare_article(content) -> None:
    if not isinstance(content, Article):
        return
    category = getattr(content, "category", None)
    slugs = content.settings["NEWS_CATEGORIES"]
    if category is not None and category.name in slugs:
        category.slug = slugs[category.name]
    content.pinned = is_pinned(content.metadata)
    content.lead_image = lead_image_of(content.metadata)
    state_of(content.settings).add_problems(validate_article(content))


def arrange(generator) -> None:
    configured = list(generator.settings["NEWS_CATEGORIES"])
    categories = [
        (category, listings.ArticleList(listings.pinned_first(articles)))
        for category, articles in listings.in_configured_order(generator.categories, configured)
    ]
    for _, articles in categories:
        by_date = sorted(articles, key=lambda a: a.date, reverse=True)
        listings.link_neighbours(by_date)
        listings.link_related(by_date)
    generator.categories = categories
    for tag in generator.tags:
        generator.tags[tag] = listings.ArticleList(generator.tags[tag])
    generator.authors = [
        (author, listings.ArticleList(items)) for author, items in generator.authors
    ]

    context = generator.context
    context["categories"] = categories
    context["tags"] = sort_vi(generator.tags.items(), key=lambda item: item[0].name)
    context["authors"] = sort_vi(generator.authors, key=lambda item: item[0].name)
    context["pinned_articles"] = [a for a in generator.articles if a.pinned]
    context["latest_articles"] = [a for a in generator.articles if not a.pinned][:HOME_LATEST]
    context["category_blocks"] = [
        (category, articles[:HOME_PER_CATEGORY]) for category, articles in categories
    ]


def register() -> None:
    connect()
    signals.content_object_init.connect(prepare_article)
    signals.article_generator_finalized.connect(arrange)
