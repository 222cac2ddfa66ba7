"""How articles are grouped and ordered for listing pages and the home page."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

RELATED_COUNT = 4
# Related articles are looked for among this many neighbours in date order:
# keeps the cost linear on portals with thousands of articles.
RELATED_WINDOW = 12


def pinned_first(articles: Sequence[Any]) -> list[Any]:
    """Pinned articles first (newest first among them), then the rest."""
    pinned = [a for a in articles if a.pinned]
    return pinned + [a for a in articles if not a.pinned]


def link_neighbours(articles: Sequence[Any]) -> None:
    """Set `older_article` / `newer_article` along a newest-first list."""
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None


def link_related(articles: Sequence[Any]) -> None:
    """Set `related_articles`: same list (one category), most shared tags first,
    then nearest in date; the older/newer neighbours are already linked."""
    for index, article in enumerate(articles):
        tags = set(getattr(article, "tags", None) or [])
        window = [
            other
            for other in articles[max(0, index - RELATED_WINDOW) : index + RELATED_WINDOW + 1]
            if other is not article
            and other is not article.newer_article
            and other is not article.older_article
        ]
        window.sort(
            key=lambda other: (
                -len(tags.intersection(getattr(other, "tags", None) or [])),
                abs((article.date - other.date).total_seconds()),
                other.source_path,
            )
        )
        article.related_articles = window[:RELATED_COUNT]


def in_configured_order(
    categories: Iterable[tuple[Any, list[Any]]], configured: Sequence[str]
) -> list[tuple[Any, list[Any]]]:
    """Categories in the order of the NEWS_CATEGORIES setting (the menu order)."""
    rank = {name: position for position, name in enumerate(configured)}
    return sorted(categories, key=lambda item: rank.get(item[0].name, len(rank)))


class ArticleList(list):
    """A list of articles with constant-time membership. Pelican builds each
    tag, category and author page's `dates` with `a in articles` over every
    article of the site: quadratic on a portal with thousands of them."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids
