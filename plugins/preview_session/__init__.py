"""Pelican plugin: fast previews. When the build runs in a preview session
(the PORTAL_PREVIEW_SESSION setting, set by `invoke livereload`), the
content objects of unchanged sources are kept in memory between builds and
a page is rendered again only when what it shows changed. Outside a
session this plugin does nothing.
"""

from __future__ import annotations

from pelican import signals
from pelican.contents import Content
from pelican.generators import CachingGenerator

from preview_session.session import session_for
from preview_session.writer import PreviewWriter
from problems.reading import generator_ready


def start(pelican) -> None:
    if session_for(pelican.settings) is not None:
        # Pelican memoizes rendered content per object: drop the last build's.
        Content.get_content.cache.clear()
        Content.get_summary.cache.clear()


def use_preview_writer(pelican):
    return PreviewWriter if session_for(pelican.settings) is not None else None


def keep_objects(generator) -> None:
    """Serve unchanged sources from the session (Pelican's file-stamp cache,
    held in memory instead of pickled to disk)."""
    session = session_for(generator.settings)
    if session is None or not isinstance(generator, CachingGenerator):
        return
    generator._cache = session.caches.setdefault(type(generator).__name__, {})
    generator._cache_data_policy = True
    generator.save_cache = lambda: None


def refresh_links(generator) -> None:
    """Objects kept from the last build must resolve links in this build."""
    if session_for(generator.settings) is None:
        return
    for name in (
        "articles",
        "translations",
        "drafts",
        "drafts_translations",
        "hidden_articles",
        "pages",
        "hidden_pages",
        "draft_pages",
    ):
        for item in getattr(generator, name, []) or []:
            item._context = generator.context


def register() -> None:
    signals.initialized.connect(start)
    signals.get_writer.connect(use_preview_writer)
    # After each generator's cache is set up, before it reads.
    signals.article_generator_init.connect(keep_objects)
    signals.page_generator_init.connect(keep_objects)
    generator_ready.connect(keep_objects)
    signals.article_generator_pretaxonomy.connect(refresh_links)
    signals.page_generator_finalized.connect(refresh_links)
