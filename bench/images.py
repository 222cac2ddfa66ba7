"""Picture budgets (issue 15 item 6): what phone photos cost a reader and
the build, as two tables beside their budgets.

Pages: nine 4000×3000 originals of about 5 MB each (drawn scenes of
scripts/make_sample_images.py under heavy per-pixel noise, JPEG quality 92,
as a phone's full-resolution shot) go into a copy of the sample content
with one new article: a lead photo and an 8-photo gallery. The site is
built and served locally; Chromium (mobile: 360×740, device scale factor 3)
opens the article and the home page without scrolling and we measure the
image bytes fetched, the home page's total bytes and the layout shift (CLS).
Lighthouse (bench/pages.py fetches it from npm) then audits both pages
with its mobile emulation: performance score and CLS.

Processing: PHOTOS (default 500) distinct 4000×3000 photos, re-encoded from
the nine originals with a small mark each, shown in generated articles (a
lead and a gallery of nine each): a first build with an empty image cache,
a rebuild with the cache warm, and the same site without the photos.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import shutil
import statistics
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageChops, ImageDraw

from bench.browse import browsing
from bench.pages import LIGHTHOUSE_VERSION, lighthouse
from site_tools.build import ROOT, build

if TYPE_CHECKING:
    from playwright.sync_api import Browser

WORK = ROOT / ".cache" / "bench-images"
SIZE = (4000, 3000)
ORIGINALS = 9
QUALITY = 92
# Per-pixel noise of ±20 levels at quality 92 makes a 4000×3000 JPEG of
# about 5 MB: the weight of a phone's full-resolution photo.
NOISE = 0.16
PHOTOS = 500
PER_ARTICLE = 10  # the processing corpus: a lead and a gallery of nine
REPEATS = 5  # cached builds timed; the median is reported
VIEWPORT = {"width": 360, "height": 740}
SCALE = 3
MOBILE_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
)
BUDGET_ARTICLE_IMAGES = 250 * 1024
BUDGET_CLS = 0.0
BUDGET_HOME = 150 * 1024
BUDGET_EXTRA_REBUILD = 0.5
BUDGET_PERFORMANCE = 95  # Lighthouse mobile
ARTICLE_SLUG = "ra-quan-mua-nuoc-noi-anh-do-tai-trang"
LIGHTHOUSE = {"article": f"tin-tuc/{ARTICLE_SLUG}/", "home": ""}
# Summed layout shifts not caused by input, from the start of the page.
CLS_SCRIPT = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


def original(index: int) -> bytes:
    """One ~5 MB original: a sample scene redrawn at 4000×3000 with per-pixel
    noise (detail and sensor noise are what make phone photos heavy)."""
    from scripts.make_sample_images import PHOTOS as SCENES
    from scripts.make_sample_images import Canvas, finish

    scene = SCENES[index % len(SCENES)]
    rng = random.Random(1000 + index)
    canvas = Canvas(Image.new("RGB", SIZE), rng)
    scene.draw(canvas)
    image = finish(canvas)
    grain = Image.frombytes("RGB", SIZE, rng.randbytes(SIZE[0] * SIZE[1] * 3))
    grain = grain.point(lambda v: round(128 + (v - 128) * NOISE))
    out = io.BytesIO()
    ImageChops.add(image, grain, 1, -128).save(out, "JPEG", quality=QUALITY)
    return out.getvalue()


def _write_original(index: int, target: str) -> None:
    Path(target).write_bytes(original(index))


def make_originals(folder: Path) -> list[Path]:
    """The nine originals, made once (deterministic, so kept between runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"goc-{i + 1:02d}.jpg" for i in range(ORIGINALS)]
    todo = [(i, str(p)) for i, p in enumerate(paths) if not p.is_file()]
    if todo:
        with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
            list(pool.map(_write_original, *zip(*todo, strict=True)))
    return paths


_BASES: dict[str, Image.Image] = {}  # decoded originals, per worker process


def variation(base: str, number: int, target: str) -> None:
    """Photo `number`: the original re-encoded with a small mark of its own
    (its position and colour come from the number), so every photo has
    distinct bytes and the cache cannot share work between them."""
    if base not in _BASES:
        _BASES[base] = Image.open(base).convert("RGB")
    image = _BASES[base].copy()
    rng = random.Random(number)
    x, y = rng.randrange(0, SIZE[0] - 200), rng.randrange(0, SIZE[1] - 200)
    colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    ImageDraw.Draw(image).rectangle((x, y, x + 120, y + 80), fill=colour)
    image.save(target, "JPEG", quality=QUALITY)


def make_photos(count: int, originals: list[Path], folder: Path) -> list[Path]:
    """`count` distinct 4000×3000 photos, made once and kept between runs."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"anh-{n:04d}.jpg" for n in range(count)]
    todo = [(str(originals[n % len(originals)]), n, str(p)) for n, p in enumerate(paths)]
    todo = [job for job in todo if not Path(job[2]).is_file()]
    # Ordered by original, so each worker decodes each original once.
    todo.sort(key=lambda job: job[0])
    if todo:
        with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
            list(pool.map(variation, *zip(*todo, strict=True), chunksize=8))
    return paths


def article(
    number: int, title: str, date: str, lead: str | None, gallery: list[str], caption: str
) -> str:
    """An article's Markdown: a lead photo, two paragraphs, then the gallery
    (one paragraph of images, one per line, the title as caption)."""
    lines = [f"Title: {title}", f"Date: {date}", "Category: Tin tức - Sự kiện"]
    if lead:
        lines += [f"Image: {lead}", "Image-alt: Lực lượng ra quân tập trung bên bờ sông Tiền"]
    text = (
        "Sáng nay, lực lượng xung kích các xã, phường ra quân chuẩn bị ứng phó mùa nước nổi, "
        "kiểm tra đê bao, bến đò và các điểm giữ trẻ mùa lũ trên địa bàn thành phố. "
    )
    lines += ["", text * 3, "", text * 2, ""]
    lines += [
        f"![Ảnh {i + 1} của bài {number}: quang cảnh buổi ra quân]({{static}}/images/{name} "
        f'"{caption} ({i + 1})")'
        for i, name in enumerate(gallery)
    ]
    return "\n".join(lines) + "\n"


def content_with(target: Path, photos: list[Path], articles: list[str]) -> Path:
    """The sample content plus `photos` (hard links: no copy of 5 MB files)
    under images/ and `articles` under tin-tuc/bench/."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "content", target)
    for photo in photos:
        os.link(photo, target / "images" / photo.name)
    folder = target / "tin-tuc" / "bench"
    folder.mkdir(parents=True)
    for number, text in enumerate(articles):
        (folder / f"bai-{number:04d}.md").write_text(text, encoding="utf-8")
    return target


@dataclass
class Load:
    image_bytes: int
    images: int
    raw_bytes: int
    served_bytes: int  # text as nginx serves it (gzip_static), images as they are
    cls: float
    fetched: list[str]  # the image files, by name


def load(browser: Browser, url: str) -> Load:
    """Open `url` on a fresh mobile context, wait for load and network idle,
    no scrolling; what it fetched and how much its layout shifted."""
    context = browser.new_context(
        viewport=VIEWPORT,
        device_scale_factor=SCALE,
        is_mobile=True,
        has_touch=True,
        user_agent=MOBILE_UA,
    )
    context.add_init_script(CLS_SCRIPT)
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    cls = page.evaluate("window.__cls")
    image_bytes = images = raw = served = 0
    fetched = []
    for response in responses:
        body = response.body()
        raw += len(body)
        if response.request.resource_type == "image":
            image_bytes += len(body)
            images += 1
            fetched.append(f"{response.url.rsplit('/', 1)[-1]} ({len(body) / 1024:.0f} KB)")
            served += len(body)
        else:
            served += len(gzip.compress(body, 9))
    context.close()
    return Load(image_bytes, images, raw, served, cls, fetched)


def within(ok: bool) -> str:
    return "yes" if ok else "NO"


def pages() -> str:
    originals = make_originals(WORK / "originals")
    names = [p.name for p in originals]
    text = article(
        0,
        "Ra quân mùa nước nổi: ảnh đo tải trang",
        "2026-01-05 08:00",  # newest, so the home page shows it first
        names[0],
        names[1:],
        "Lực lượng xung kích ra quân",
    )
    content = content_with(WORK / "content-pages", originals, [text])
    site = WORK / "site-pages"
    build(content, site, allow_shrink=True, PORTAL_IMAGE_CACHE=str(WORK / "cache-pages"))
    with browsing(site) as (browser, base):
        story = load(browser, f"{base}/tin-tuc/{ARTICLE_SLUG}/")
        home = load(browser, f"{base}/")
        audits = {name: lighthouse(f"{base}/{path}") for name, path in LIGHTHOUSE.items()}
    sizes = sorted(p.stat().st_size for p in originals)
    kb = 1024
    rows = [
        (
            "article: image bytes on load",
            f"{story.image_bytes / kb:.0f} KB ({story.images} images)",
            f"≤ {BUDGET_ARTICLE_IMAGES // kb} KB",
            story.image_bytes <= BUDGET_ARTICLE_IMAGES,
        ),
        ("article: CLS", f"{story.cls:.4f}", "0", story.cls <= BUDGET_CLS),
        (
            "home: total bytes on load, as served (text gzip -9)",
            f"{home.served_bytes / kb:.0f} KB (raw {home.raw_bytes / kb:.0f} KB)",
            f"≤ {BUDGET_HOME // kb} KB",
            home.served_bytes <= BUDGET_HOME,
        ),
        (
            "home: image bytes on load",
            f"{home.image_bytes / kb:.0f} KB ({home.images} images)",
            "—",
            True,
        ),
        ("home: CLS", f"{home.cls:.4f}", "0", home.cls <= BUDGET_CLS),
        *(
            row
            for name, scores in audits.items()
            for row in (
                (
                    f"{name}: Lighthouse {LIGHTHOUSE_VERSION} mobile performance",
                    str(scores["performance"]),
                    f"≥ {BUDGET_PERFORMANCE}",
                    scores["performance"] >= BUDGET_PERFORMANCE,
                ),
                (
                    f"{name}: Lighthouse CLS",
                    f"{scores['cls']:.4f}",
                    "0",
                    scores["cls"] <= BUDGET_CLS,
                ),
            )
        ),
    ]
    lines = [
        f"Picture budgets in Chromium (mobile {VIEWPORT['width']}×{VIEWPORT['height']}, "
        f"device scale factor {SCALE}, load + network idle, no scrolling); article "
        f"/tin-tuc/{ARTICLE_SLUG}/ with a lead photo and an 8-photo gallery, originals "
        f"{SIZE[0]}×{SIZE[1]} JPEG of {sizes[0] / 1e6:.1f}–{sizes[-1] / 1e6:.1f} MB; "
        "then Lighthouse (mobile emulation, its own throttling) on the same pages.",
        "",
        "| measure | result | budget | within |",
        "|---|---|---|---|",
        *(f"| {m} | {r} | {b} | {within(ok)} |" for m, r, b, ok in rows),
        "",
        "Images fetched by the article: " + ", ".join(story.fetched) + ".",
        "Images fetched by the home page: " + ", ".join(home.fetched) + ".",
    ]
    return "\n".join(lines)


@contextmanager
def timed_pictures() -> Iterator[dict[str, float]]:
    """Seconds of the images plugin's steps during the builds inside."""
    import images as plugin
    from bench.site_search import timed_steps

    with timed_steps(plugin) as spent:
        yield spent


def timed_build(content: Path, site: Path, cache: Path) -> tuple[float, float]:
    """(wall seconds of a full build, seconds of its pictures step)."""
    with timed_pictures() as spent:
        started = time.perf_counter()
        build(content, site, allow_shrink=True, PORTAL_IMAGE_CACHE=str(cache))
        seconds = time.perf_counter() - started
    return seconds, sum(spent.values())


def processing(count: int = PHOTOS) -> str:
    originals = make_originals(WORK / "originals")
    started = time.perf_counter()
    photos = make_photos(count, originals, WORK / f"photos-{count}")
    made = time.perf_counter() - started
    names = [p.name for p in photos]
    groups = [names[i : i + PER_ARTICLE] for i in range(0, len(names), PER_ARTICLE)]

    def articles(with_photos: bool) -> list[str]:
        return [
            article(
                n,
                f"Ảnh đo hiệu năng số {n + 1}",
                f"2020-{1 + n // 28 % 12:02d}-{1 + n % 28:02d} 07:{n % 60:02d}",
                group[0] if with_photos else None,
                group[1:] if with_photos else [],
                "Ảnh đo hiệu năng",
            )
            for n, group in enumerate(groups)
        ]

    cache = WORK / f"cache-{count}"
    shutil.rmtree(cache, ignore_errors=True)  # cold: nothing made yet
    with_photos = content_with(WORK / "content-photos", photos, articles(True))
    without = content_with(WORK / "content-text", [], articles(False))
    site = WORK / "site-photos"
    cold, cold_step = timed_build(with_photos, site, cache)
    timed_build(without, WORK / "site-text", cache)  # same warm-up as the site with photos
    warm, plain = [], []
    for _ in range(REPEATS):  # interleaved, so a busy moment of the machine hits both
        warm.append(timed_build(with_photos, site, cache))
        plain.append(timed_build(without, WORK / "site-text", cache))
    warm_s = statistics.median(s for s, _ in warm)
    warm_step = statistics.median(s for _, s in warm)
    plain_s = statistics.median(s for s, _ in plain)
    extra = warm_s - plain_s
    variants = sum(1 for p in (site / "images").iterdir() if p.name.startswith("anh-"))
    published = sum(
        p.stat().st_size for p in (site / "images").iterdir() if p.name.startswith("anh-")
    )
    total = sum(p.stat().st_size for p in photos)
    cpus = os.cpu_count()
    lines = [
        f"Processing {count} distinct photos of {SIZE[0]}×{SIZE[1]} ({total / 1e9:.2f} GB of JPEG, "
        f"in {len(groups)} articles of a lead and a gallery; the sample's own photos too), "
        f"{cpus} cores; "
        f"cached builds: median of {REPEATS}. Photos generated in {made:.0f} s (not counted).",
        "",
        "| measure | seconds | pictures step s | budget | within |",
        "|---|---|---|---|---|",
        f"| first build, image cache cold | {cold:.1f} | {cold_step:.1f} | — | — |",
        f"| per photo, first build | {cold / count:.3f} | {cold_step / count:.3f} | — | — |",
        f"| rebuild, image cache warm | {warm_s:.2f} | {warm_step:.2f} | — | — |",
        f"| same site without the photos | {plain_s:.2f} | — | — | — |",
        f"| extra time of the photos in a cached rebuild | {extra:.2f} | — "
        f"| < {BUDGET_EXTRA_REBUILD} | {within(extra < BUDGET_EXTRA_REBUILD)} |",
        "",
        f"Published for the {count} photos: {variants} variant files, {published / 1e6:.0f} MB "
        "(hard-linked from the image cache into every new build's output).",
    ]
    return "\n".join(lines)


def run(count: int = PHOTOS) -> str:
    return pages() + "\n\n" + processing(count)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT / "plugins"))
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else PHOTOS))
