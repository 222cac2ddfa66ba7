"""Which pictures the content shows, and what is published for each.

The conversion workers find the raster images a body shows (DERIVED,
`image_refs`); the `link` step gathers them with the articles' lead images,
makes the variants of each new or changed original (images/process.py, on
every core, cached by the original's bytes in .cache/images) and gives each
item `pictures` (site URL → Picture) and `lead_picture`. Pages show them
with the `picture` component and the `responsive_images` filter; the
originals are never published (images/__init__.py keeps them out of the
static files), so no camera, owner or GPS data leaves the editor's folder."""

from __future__ import annotations

import html
import json
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from images.process import Derived, cached, derive, digest_of, publish, svg_size
from portal.published import all_content
from portal.state import state_of
from problems import Problem, line_containing, problem_at

MIMES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
RASTER = tuple(MIMES)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_LINK = re.compile(r"<a\b[^>]*>", re.I)
# A linked original is published at full size, stripped like every variant.
FULL_SIZE = (1_000_000,)
_ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"', re.I)
# Body images take the text column's width (at most 720 CSS px); gallery
# thumbnails two or three to a row.
BODY_SIZES = "(min-width: 48rem) 720px, 100vw"
GALLERY_SIZES = "(min-width: 48rem) 230px, 50vw"
# A paragraph holding nothing but two or more images: a gallery.
_GALLERY = re.compile(r"<p>((?:\s*<img\b[^>]*>\s*){2,})</p>", re.I)


@dataclass(frozen=True)
class Picture:
    """One original as pages show it: upright size and srcsets."""

    path: str  # the original, under content/ ("images/hoi-truong.jpg")
    width: int
    height: int
    webp: str  # srcset of the WebP variants
    fallback: str  # srcset of the JPEG (or PNG) variants
    fallback_mime: str
    src: str  # a fallback for browsers without srcset
    large: str  # the widest fallback: what a gallery thumbnail opens
    large_path: str = ""  # … as a site path ("images/…"), for feeds
    large_bytes: int = 0

    def height_at(self, width: int) -> int:
        return max(1, round(self.height * width / self.width))


def content_path(src: str) -> str:
    """`{static}/images/a.jpg`, `/images/a.jpg` or `images/a.jpg` → `images/a.jpg`."""
    for prefix in ("{static}", "{attach}"):
        src = src.removeprefix(prefix)
    return html.unescape(src).lstrip("/")


def _raster_paths(tags: list[str], attribute: str) -> tuple[str, ...]:
    found = []
    for tag in tags:
        value = dict((k.lower(), v) for k, v in _ATTRIBUTE.findall(tag)).get(attribute, "")
        path = content_path(value)
        if path.startswith("images/") and path.lower().endswith(RASTER):
            found.append(path)
    return tuple(dict.fromkeys(found))


def image_refs(body_html: str) -> tuple[str, ...]:
    """Paths under content/ of the raster images a body shows, once each."""
    return _raster_paths(_IMG.findall(body_html), "src")


def image_links(body_html: str) -> tuple[str, ...]:
    """Raster originals a body links to (for download), once each."""
    return _raster_paths(_LINK.findall(body_html), "href")


def prepare_pictures(generators) -> None:
    context, settings = generators[0].context, generators[0].settings
    state = state_of(settings)
    root = Path(settings["PATH"])
    items = all_content(context, drafts=True)
    # Original → (item, how it is named: "" for the lead Image), for what
    # pages show and for what they link for download.
    uses: dict[str, list[tuple[Any, str]]] = {}
    links: dict[str, list[tuple[Any, str]]] = {}
    for item in items:
        lead = getattr(item, "lead_image", None)
        if lead is not None and lead.path.lower().endswith(RASTER):
            uses.setdefault(lead.path, []).append((item, ""))
        for path in state.derived(item.source_path, "image-refs", image_refs):
            uses.setdefault(path, []).append((item, path))
        for path in state.derived(item.source_path, "image-links", image_links):
            links.setdefault(path, []).append((item, path))
    cache = Path(settings["PORTAL_IMAGE_CACHE"])
    limit = settings["IMAGE_MAX_PIXELS"]
    existing = [p for p in uses if (root / p).is_file()]
    derived = make_all(existing, root, cache, tuple(settings["IMAGE_WIDTHS"]), limit)
    linked = sorted(p for p in links if (root / p).is_file())
    for path, (key, done) in make_all(linked, root, cache, FULL_SIZE, limit).items():
        mime = MIMES[Path(path).suffix.lower()]
        original = next((v for v in done.variants if v.mime == mime), None)
        if original is not None:
            state.copies[path] = str(cache / key[:2] / original.name)
        elif path not in derived:  # a bad original only linked: its problem too
            uses[path], derived[path] = links[path], (key, done)
    problems: list[Problem] = []
    pictures: dict[str, Picture] = {}
    for path, (key, done) in derived.items():
        if done.problem:
            for item, named in uses[path]:
                problems.append(
                    problem_at(item, "Image", done.problem)
                    if not named
                    else Problem(
                        str(item.source_path),
                        line_containing(item.source_path, os.path.basename(path)),
                        "",
                        f"ảnh '{path}': {done.problem}",
                    )
                )
            continue
        pictures[path] = picture_of(path, done, settings["SITEURL"], cache / key[:2])
        for variant in done.variants:
            state.copies[f"images/{variant.name}"] = str(cache / key[:2] / variant.name)
    state.add_problems(problems)
    for item in items:
        lead = getattr(item, "lead_image", None)
        item.lead_picture = None
        if lead is not None and lead.path.lower().endswith(".svg"):
            width, height = svg_size(root / lead.path)
            src = f"{settings['SITEURL']}/{lead.path}"
            item.lead_picture = Picture(lead.path, width, height, "", "", "", src, src)
        elif lead is not None:
            item.lead_picture = pictures.get(lead.path)
        refs = state.derived(item.source_path, "image-refs", image_refs)
        item.pictures = {f"{settings['SITEURL']}/{p}": pictures[p] for p in refs if p in pictures}


def make_all(
    paths: list[str], root: Path, cache: Path, widths: tuple[int, ...], max_pixels: int
) -> dict[str, tuple[str, Derived]]:
    """Each original's cache key and variants: from the cache when its bytes
    were seen before (found by size and time, without reading the file),
    otherwise made on every core."""
    cache.mkdir(parents=True, exist_ok=True)
    index_file = cache / "index.json"
    try:
        index = json.loads(index_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    done: dict[str, tuple[str, Derived]] = {}
    todo: list[tuple[str, str]] = []
    for path in sorted(paths):
        source = root / path
        stat = source.stat()
        stamp = [stat.st_size, stat.st_mtime_ns, list(widths), max_pixels]  # as JSON keeps it
        known = index.get(str(source.resolve()))
        key = known[1] if known and known[0] == stamp else digest_of(source, widths, max_pixels)
        index[str(source.resolve())] = [stamp, key]
        found = cached(cache, key)
        if found is not None:
            done[path] = (key, found)
        else:
            todo.append((path, key))
    jobs = [
        (str(root / path), Path(path).stem, key, str(cache), widths, max_pixels)
        for path, key in todo
    ]
    if len(jobs) > 1 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(min(os.cpu_count() or 1, len(jobs))) as pool:
            results = list(pool.map(derive, *zip(*jobs, strict=True)))
    else:
        results = [derive(*job) for job in jobs]
    for (path, key), result in zip(todo, results, strict=True):
        done[path] = (key, result)
    publish(index_file, json.dumps(index, sort_keys=True).encode())
    return done


def picture_of(path: str, done: Derived, siteurl: str, folder: Path) -> Picture:
    def srcset(mime: str) -> str:
        return ", ".join(
            f"{siteurl}/images/{v.name} {v.width}w" for v in done.variants if v.mime == mime
        )

    fallback_mime = next(v.mime for v in done.variants if v.mime != "image/webp")
    fallbacks = [v for v in done.variants if v.mime == fallback_mime]
    middle = fallbacks[min(1, len(fallbacks) - 1)]
    return Picture(
        path,
        done.width,
        done.height,
        srcset("image/webp"),
        srcset(fallback_mime),
        fallback_mime,
        f"{siteurl}/images/{middle.name}",
        f"{siteurl}/images/{fallbacks[-1].name}",
        f"images/{fallbacks[-1].name}",
        (folder / fallbacks[-1].name).stat().st_size,
    )


def picture_markup(
    picture: Picture, alt: str, sizes: str, eager: bool = False, css: str = ""
) -> Markup:
    """<picture> with WebP and fallback sources, its size set so nothing
    shifts while it loads; lazy unless `eager` (the lead image)."""
    loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy"'
    image = Markup('<img{klass} src="{src}" alt="{alt}"{size} {loading} decoding="async">').format(
        klass=Markup(f' class="{css}"') if css else "",
        src=picture.src,
        alt=alt,
        size=Markup(f' width="{picture.width}" height="{picture.height}"') if picture.width else "",
        loading=Markup(loading),
    )
    if not picture.webp:  # a drawing (SVG): one file for every screen
        return image
    return Markup(
        '<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        '<source type="{mime}" srcset="{fallback}" sizes="{sizes}">{image}</picture>'
    ).format(
        webp=picture.webp,
        sizes=sizes,
        mime=picture.fallback_mime,
        fallback=picture.fallback,
        image=image,
    )


def responsive_images(body: str, pictures: dict[str, Picture]) -> Markup:
    """A body's raster <img> elements as <picture>s of their variants, and
    each paragraph of images only (two or more) as a gallery."""
    if not pictures and "<img" not in str(body):
        return Markup(body)

    def single(tag: str, sizes: str) -> str:
        attributes = dict((k.lower(), v) for k, v in _ATTRIBUTE.findall(tag))
        picture = pictures.get(html.unescape(attributes.get("src", "")))
        if picture is None:
            return tag
        alt = Markup(attributes.get("alt", ""))  # already escaped by the reader
        return picture_markup(picture, alt, sizes)

    def gallery(match: re.Match) -> str:
        items = []
        for tag in _IMG.findall(match.group(1)):
            attributes = dict((k.lower(), v) for k, v in _ATTRIBUTE.findall(tag))
            picture = pictures.get(html.unescape(attributes.get("src", "")))
            href = picture.large if picture is not None else attributes.get("src", "")
            caption = attributes.get("title", "")  # escaped by the reader
            items.append(
                f'<li class="gallery__item"><figure class="gallery__figure">'
                f'<a class="gallery__link" href="{href}">{single(tag, GALLERY_SIZES)}</a>'
                + (
                    f'<figcaption class="gallery__caption">{caption}</figcaption>'
                    if caption
                    else ""
                )
                + "</figure></li>"
            )
        return f'<ul class="gallery">{"".join(items)}</ul>'

    body = _GALLERY.sub(gallery, str(body))
    return Markup(_IMG.sub(lambda m: single(m.group(), BODY_SIZES), body))
