"""How articles are grouped and ordered for listing pages and the home page."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

RELATED_COUNT = 4
# Related articles are looked for among this many neighbours in date order:
# keeps the cost linear on portals with thousands of articles.
RELATED_WINDOW = 12


def pinned_first(articles: Sequence[Any]) -> list[Any]:
    """Pinned articles first (newest first among them), then the rest."""
    pinned = [a for a in articles if a.pinned]
    return pinned + [a for a in articles if not a.pinned]


class Link(NamedTuple):
    """What a page shows of another article. A plain value, not the article:
    chains of articles pointing at each other would make Pelican's content
    cache pickle thousands of objects deep."""

    url: str
    title: str
    date: Any


def link_to(article: Any) -> Link:
    return Link(article.url, article.title, article.date)


def link_neighbours(articles: Sequence[Any]) -> None:
    """Set `older_article` / `newer_article` along a newest-first list."""
    for index, article in enumerate(articles):
        article.newer_article = link_to(articles[index - 1]) if index > 0 else None
        article.older_article = link_to(articles[index + 1]) if index + 1 < len(articles) else None


def link_related(articles: Sequence[Any]) -> None:
    """Set `related_articles`: same list (one category), most shared tags first,
    then nearest in date; the older/newer neighbours are already linked."""
    # Each article's URL and tags once: Pelican computes `url` on every access.
    urls = [article.url for article in articles]
    tags = [{tag.name for tag in getattr(article, "tags", None) or []} for article in articles]
    for index, article in enumerate(articles):
        neighbours = {
            urls[index],
            *(n.url for n in (article.newer_article, article.older_article) if n),
        }
        window = [
            other
            for other in range(max(0, index - RELATED_WINDOW), index + RELATED_WINDOW + 1)
            if other < len(articles) and urls[other] not in neighbours
        ]
        window.sort(
            key=lambda other: (
                -len(tags[index].intersection(tags[other])),
                abs((article.date - articles[other].date).total_seconds()),
                articles[other].source_path,
            )
        )
        article.related_articles = [link_to(articles[other]) for other in window[:RELATED_COUNT]]


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
