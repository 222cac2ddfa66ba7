"""Pelican plugin: pictures from editors' phone photos. Raster originals in
content/images are never published as they are; each one a page shows is
published as light variants without metadata (images/pictures.py), and one
linked for download as a full-size copy without metadata."""

from __future__ import annotations

from pelican import signals

from images.pictures import (
    RASTER,
    image_links,
    image_refs,
    picture_markup,
    prepare_pictures,
    responsive_images,
)
from portal import connect
from portal.state import Step

STEPS = [Step("link", "pictures", prepare_pictures)]
DERIVED = {"image-refs": image_refs, "image-links": image_links}


def keep_originals_back(generator) -> None:
    """Pelican would copy every file of the static folders: raster originals
    stay behind (this plugin publishes what pages need). Their paths count
    as written for the link checks: a page shows or links only what is
    published for it."""
    originals = [s for s in generator.staticfiles if s.source_path.lower().endswith(RASTER)]
    generator.staticfiles[:] = [s for s in generator.staticfiles if s not in originals]
    generator.context.setdefault("listing_pages", []).extend(s.save_as for s in originals)


def add_filters(generator) -> None:
    generator.env.filters.update(responsive_images=responsive_images, picture=picture_markup)


def register() -> None:
    connect()
    signals.static_generator_finalized.connect(keep_originals_back)
    signals.generator_init.connect(add_filters)
