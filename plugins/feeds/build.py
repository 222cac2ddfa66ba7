"""One code path for every feed: the same entries written as Atom and RSS 2.0
with feedgen, dated by their newest entry so unchanged sites give identical
files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from feedgen.feed import FeedGenerator
from markupsafe import escape

from feeds.entries import Entry


@dataclass(frozen=True)
class FeedLink:
    """What a page shows of a feed: its name, where it lives, how many items."""

    title: str
    description: str
    page_url: str
    atom_path: str
    rss_path: str
    count: int


@dataclass
class Feed:
    """One feed, published at feeds/<name>.atom.xml and feeds/<name>.rss.xml."""

    name: str
    title: str
    description: str
    page_url: str  # the HTML page the feed follows (site-relative)
    entries: list[Entry]

    @property
    def atom_path(self) -> str:
        return f"feeds/{self.name}.atom.xml"

    @property
    def rss_path(self) -> str:
        return f"feeds/{self.name}.rss.xml"

    @property
    def link(self) -> FeedLink:
        return FeedLink(
            self.title,
            self.description,
            self.page_url,
            self.atom_path,
            self.rss_path,
            len(self.entries),
        )


def _generator(
    feed: Feed, base: str, language: str, self_path: str, full_content: bool, rss: bool
) -> FeedGenerator:
    """One feed in one format. Entries carry plain text and safe HTML; the
    escaping each format needs happens here: Atom's summary is text, but
    readers take RSS's <description> as HTML, so its text is escaped."""
    generator = FeedGenerator()
    generator.id(f"{base}/{feed.atom_path}")
    generator.title(feed.title)
    generator.subtitle(feed.description)
    generator.description(feed.description)
    generator.language(language)
    # self first: feedgen's RSS <link> is the last link given.
    generator.link(href=f"{base}/{self_path}", rel="self")
    generator.link(href=f"{base}/{feed.page_url}", rel="alternate")
    generator.load_extension("dc")
    generator.generator("Cổng thông tin Hồng Ngự (Pelican, feedgen)")
    newest = max((e.updated for e in feed.entries), default=None)
    if newest is not None:  # never the clock: the build must be reproducible
        generator.updated(newest)
        generator.lastBuildDate(newest)
    # feedgen prepends entries: add oldest first so the newest leads.
    for entry in reversed(feed.entries):
        item = generator.add_entry()
        item.id(entry.id)
        item.guid(entry.id, permalink=False)
        item.title(entry.title)
        item.link(href=entry.link)
        item.published(entry.published)
        item.updated(entry.updated)
        if full_content:
            item.content(entry.content, type="html")
        item.summary(escape(entry.summary) if rss else entry.summary)
        for name in entry.authors:
            item.author({"name": name})
            item.dc.dc_creator(name)  # RSS <author> needs an e-mail address
        for category in entry.categories:
            item.category(term=category, label=category)
        if entry.enclosure:
            url, length, kind = entry.enclosure
            item.enclosure(url, str(length), kind)
    return generator


def write_feed(
    feed: Feed, output: Path, base: str, language: str = "vi", full_content: bool = True
) -> None:
    (output / "feeds").mkdir(parents=True, exist_ok=True)
    atom = _generator(feed, base, language, feed.atom_path, full_content, rss=False)
    atom.atom_file(str(output / feed.atom_path), pretty=True)
    rss = _generator(feed, base, language, feed.rss_path, full_content, rss=True)
    rss.rss_file(str(output / feed.rss_path), pretty=True)
