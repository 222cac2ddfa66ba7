"""Pelican plugin: Vietnamese text everywhere.

- slugs of content, tags and authors come from `text.slugify`;
- templates get the date, slug, collation and plain-text filters (`tel`
  and `mailto` are the portal's: plugins/portal/links.py).

Reading (NFC, typography) is the portal reader's (plugins/portal/reader.py).
"""

from __future__ import annotations

from pelican import signals

from vietnamese import text


def assign_slugs(content) -> None:
    """Slugs from our own rules unless the editor wrote `Slug:` (content read
    by the portal's reader already has its slug; tags and authors get theirs here)."""
    if getattr(content, "title", None) and "slug" not in content.metadata:
        content.slug = text.slugify(content.title)
    for tag in getattr(content, "tags", None) or []:
        tag.slug = text.slugify(tag.name)
    for author in getattr(content, "authors", None) or []:
        author.slug = text.slugify(author.name)
    if getattr(content, "title", None):
        # The slug is final now; Pelican would rebuild the URL and the output
        # path from settings on every access (thousands of times per build).
        content.override_url = content.url
        content.override_save_as = content.save_as


def add_filters(generator) -> None:
    generator.env.filters.update(
        vi_date=text.format_date,
        vi_slug=text.slugify,
        plain_text=text.plain_text,
        vi_sort=lambda items, attribute=None: text.sort_vi(
            items, key=(lambda item: str(getattr(item, attribute))) if attribute else str
        ),
    )


def register() -> None:
    signals.content_object_init.connect(assign_slugs)
    signals.generator_init.connect(add_filters)
