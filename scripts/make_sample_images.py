"""Make the sample photos of content/images/ (JPEG, 1600×1200 to 4000×3000).

Each picture is drawn here with Pillow, nothing copied: smooth gradients for
sky, water and fields, simple shapes for buildings, people and boats, then a
soft grain, a slight lens blur and vignetting, so the pictures resize and
compress the way phone photos do (and exercise the images plugin like them).

One picture, the one of EXIF_PHOTO, is saved as a phone saves a photo taken
upright: pixels turned on their side, an EXIF orientation of 6 and a camera
EXIF with a GPS position. The portal must turn it upright and publish none
of that metadata.

The output is deterministic: a fixed seed per picture and no clock, so the
same Pillow (libjpeg) gives the same bytes on every run.

Usage: python scripts/make_sample_images.py [--check] [--out FOLDER]
  --check  write nothing; exit 1 if a picture is missing or differs from what would be made.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "images"
QUALITY = 80
EXIF_PHOTO = "trao-qua-tri-an-nguoi-co-cong.jpg"

RGB = tuple[int, int, int]
Stops = Sequence[tuple[float, RGB]]


@dataclass
class Canvas:
    """A picture being drawn; coordinates are fractions of its width and height."""

    image: Image.Image
    rng: random.Random

    @property
    def w(self) -> int:
        return self.image.width

    @property
    def h(self) -> int:
        return self.image.height

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return round(x0 * self.w), round(y0 * self.h), round(x1 * self.w), round(y1 * self.h)

    def points(self, *xy: tuple[float, float]) -> list[tuple[int, int]]:
        return [(round(x * self.w), round(y * self.h)) for x, y in xy]

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.image)

    def gradient(self, top: float, bottom: float, stops: Stops, left: float = 0, right: float = 1):
        """Fill a band with a vertical gradient (stops: position in the band 0–1, colour)."""
        x0, y0, x1, y1 = self.box(left, top, right, bottom)
        self.image.paste(gradient((x1 - x0, y1 - y0), stops), (x0, y0))

    def texture(self, top: float, bottom: float, strength: float, grain: tuple[int, int]):
        """Soft streaky light and shade over a band (rows of rice, ripples): noise
        drawn small and stretched, so it stays smooth like a real surface."""
        x0, y0, x1, y1 = self.box(0, top, 1, bottom)
        band = self.image.crop((x0, y0, x1, y1))
        shade = noise((x1 - x0, y1 - y0), self.rng, grain, strength)
        self.image.paste(ImageChops.add(band, shade.convert("RGB"), 1, -128), (x0, y0))

    def soft(self, shape: Callable[[ImageDraw.ImageDraw], None], radius: float):
        """Draw on a mask and blend it in blurred: clouds, reflections, shadows."""
        layer = Image.new("RGB", self.image.size, 0)
        shape(ImageDraw.Draw(layer))
        mask = layer.convert("L").point(lambda v: 255 if v else 0)
        blur = ImageFilter.GaussianBlur(radius * self.w / 1000)
        self.image.paste(layer.filter(blur), (0, 0), mask.filter(blur))


def gradient(size: tuple[int, int], stops: Stops) -> Image.Image:
    """A vertical gradient through `stops`, made on a 1×256 strip and stretched
    (Pillow interpolates, so the band is smooth at any height)."""
    strip = []
    for i in range(256):
        t = i / 255
        (p0, c0), (p1, c1) = next(
            ((a, b) for a, b in pairwise(stops) if a[0] <= t <= b[0]),
            (stops[-1], stops[-1]),
        )
        f = 0 if p1 == p0 else (t - p0) / (p1 - p0)
        strip.append(tuple(round(a + (b - a) * f) for a, b in zip(c0, c1, strict=True)))
    image = Image.new("RGB", (1, 256))
    image.putdata(strip)
    return image.resize(size, Image.BILINEAR)


def noise(
    size: tuple[int, int], rng: random.Random, cell: tuple[int, int], strength: float
) -> Image.Image:
    """Grey noise around 128 (± strength×128), one random value per cell×cell
    pixels, smoothed. Random bytes come from `rng`, never from Pillow's own
    noise, which is not seeded and would change the bytes on every run."""
    small = (max(2, size[0] // cell[0]), max(2, size[1] // cell[1]))
    base = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    base = base.filter(ImageFilter.GaussianBlur(0.8)).resize(size, Image.BICUBIC)
    return base.point(lambda v: round(128 + (v - 128) * strength))


def finish(canvas: Canvas, grain: float = 0.06, vignette: float = 0.28) -> Image.Image:
    """What a phone camera adds: a little softness, grain and darker corners."""
    image = canvas.image.filter(ImageFilter.GaussianBlur(canvas.w / 1600))
    # Grain drawn at half size: sensor noise after the phone's own denoising,
    # which keeps the files near the size of real photos at the same quality.
    grain_layer = noise(image.size, canvas.rng, (2, 2), grain).convert("RGB")
    image = ImageChops.add(image, grain_layer, 1, -128)
    distance = Image.radial_gradient("L").resize(image.size, Image.BICUBIC)
    falloff = distance.point(lambda d: 255 - round(max(0, d - 80) / 175 * 255 * vignette))
    return ImageChops.multiply(image, Image.merge("RGB", [falloff] * 3))


def person(
    d: ImageDraw.ImageDraw,
    c: Canvas,
    x: float,
    feet: float,
    height: float,
    shirt: RGB,
    hat: bool = False,
    trousers: RGB = (40, 42, 50),
    hair: RGB = (25, 22, 20),
) -> None:
    """A standing person seen from afar: legs, body, arms, head, maybe a nón lá."""
    unit = height / 8  # a head is an eighth of a body
    aspect = c.h / c.w
    half = unit * aspect * 0.9  # width-fractions per head-height
    d.rectangle(c.box(x - half * 0.9, feet - unit * 3.6, x + half * 0.9, feet), fill=trousers)
    d.rounded_rectangle(
        c.box(x - half * 1.3, feet - unit * 6.8, x + half * 1.3, feet - unit * 3.4),
        radius=round(unit * c.h * 0.4),
        fill=shirt,
    )
    skin = (196, 150, 112)
    d.ellipse(
        c.box(x - half * 0.55, feet - unit * 7.9, x + half * 0.55, feet - unit * 6.7), fill=skin
    )
    d.chord(
        c.box(x - half * 0.58, feet - unit * 8.0, x + half * 0.58, feet - unit * 7.0),
        180,
        360,
        fill=hair,
    )
    if hat:
        d.polygon(
            c.points(
                (x - half * 1.6, feet - unit * 7.25),
                (x + half * 1.6, feet - unit * 7.25),
                (x, feet - unit * 8.6),
            ),
            fill=(222, 205, 160),
        )


def clouds(c: Canvas, band: tuple[float, float], count: int) -> None:
    def shape(d: ImageDraw.ImageDraw) -> None:
        for _ in range(count):
            x, y = c.rng.uniform(-0.1, 1.0), c.rng.uniform(*band)
            for _ in range(5):
                dx, dy = c.rng.uniform(0, 0.12), c.rng.uniform(-0.02, 0.02)
                r = c.rng.uniform(0.025, 0.05)
                d.ellipse(
                    c.box(x + dx - r, y + dy - r * 0.6, x + dx + r, y + dy + r * 0.6),
                    fill=(246, 247, 250),
                )

    c.soft(shape, 12)


def tree_line(c: Canvas, horizon: float, depth: float, colour: RGB) -> None:
    d = c.draw
    d.rectangle(c.box(0, horizon - depth * 0.4, 1, horizon), fill=colour)
    x = -0.02
    while x < 1.02:
        r = c.rng.uniform(0.012, 0.03)
        d.ellipse(
            c.box(x - r, horizon - depth - r * 0.8, x + r, horizon - depth * 0.2), fill=colour
        )
        x += r * c.rng.uniform(0.9, 1.5)


SKY: Stops = [(0, (104, 150, 206)), (0.7, (170, 200, 230)), (1, (214, 226, 236))]
RIVER: Stops = [(0, (150, 140, 118)), (0.5, (128, 116, 92)), (1, (104, 92, 70))]


def rice_harvest(c: Canvas) -> None:
    """Nông dân thu hoạch lúa: golden field, tree line, a red harvester, farmers in nón lá."""
    c.gradient(0, 0.42, SKY)
    clouds(c, (0.05, 0.3), 6)
    tree_line(c, 0.43, 0.05, (48, 78, 44))
    c.gradient(0.43, 1, [(0, (196, 170, 80)), (0.5, (206, 168, 60)), (1, (170, 130, 40))])
    c.texture(0.43, 1, 0.35, (40, 3))
    d = c.draw
    # The harvester: body, cab, cutting head and tracks.
    d.rectangle(c.box(0.58, 0.48, 0.78, 0.62), fill=(178, 38, 34))
    d.rectangle(c.box(0.70, 0.40, 0.78, 0.48), fill=(60, 70, 80))
    d.rectangle(c.box(0.705, 0.41, 0.775, 0.46), fill=(150, 180, 200))
    d.rectangle(c.box(0.50, 0.58, 0.60, 0.63), fill=(200, 60, 40))
    d.rounded_rectangle(c.box(0.585, 0.61, 0.775, 0.66), radius=30, fill=(30, 30, 32))
    for x, feet, shirt in (
        (0.14, 0.86, (70, 90, 140)),
        (0.27, 0.80, (180, 70, 60)),
        (0.38, 0.90, (230, 230, 220)),
    ):
        person(d, c, x, feet, 0.26, shirt, hat=True)
    # Bundled sheaves in the foreground.
    for i in range(5):
        x = 0.06 + i * 0.09
        d.polygon(c.points((x, 0.97), (x + 0.03, 0.90), (x + 0.06, 0.97)), fill=(214, 182, 78))


def ferry_landing(c: Canvas) -> None:
    """Bến phà sông Tiền: wide brown river, far bank, a ferry with passengers, a slipway."""
    c.gradient(0, 0.45, SKY)
    clouds(c, (0.08, 0.35), 7)
    tree_line(c, 0.46, 0.03, (64, 92, 58))
    c.gradient(0.46, 0.8, RIVER)
    c.texture(0.46, 0.8, 0.25, (60, 4))
    c.gradient(0.8, 1, [(0, (150, 148, 140)), (1, (112, 110, 104))])
    d = c.draw
    # The ferry: blue hull, white deck house, roof, a railing.
    d.polygon(c.points((0.22, 0.66), (0.80, 0.66), (0.76, 0.74), (0.26, 0.74)), fill=(40, 76, 140))
    d.rectangle(c.box(0.26, 0.60, 0.76, 0.66), fill=(236, 236, 230))
    d.rectangle(c.box(0.48, 0.50, 0.64, 0.60), fill=(240, 240, 236))
    d.rectangle(c.box(0.50, 0.52, 0.62, 0.56), fill=(70, 100, 130))
    d.rectangle(c.box(0.46, 0.48, 0.66, 0.50), fill=(170, 40, 40))
    for i, colour in enumerate([(200, 40, 40), (240, 180, 40), (230, 230, 230), (40, 40, 40)]):
        x = 0.29 + i * 0.045
        d.rounded_rectangle(c.box(x, 0.615, x + 0.035, 0.655), radius=10, fill=colour)  # motorbikes
    for i in range(6):  # passengers in orange life jackets
        person(d, c, 0.66 + i * 0.016, 0.655, 0.08, (235, 110, 30))
    # A small boat (xuồng) and its wake.
    d.polygon(c.points((0.05, 0.56), (0.17, 0.56), (0.15, 0.58), (0.07, 0.58)), fill=(96, 60, 36))
    c.soft(lambda dd: dd.rectangle(c.box(0.22, 0.74, 0.80, 0.77), fill=(70, 80, 100)), 8)
    # The slipway and its ramp.
    d.polygon(c.points((0.3, 1), (0.42, 0.8), (0.6, 0.8), (0.72, 1)), fill=(170, 166, 156))
    for i in range(6):
        y = 0.82 + i * 0.03
        d.line(c.points((0.3, y), (0.72, y)), fill=(150, 146, 138), width=max(2, c.h // 400))


def market(c: Canvas) -> None:
    """Chợ Hồng Ngự: market hall facade, striped awnings, stalls of fruit, shoppers."""
    c.gradient(0, 0.25, SKY)
    c.gradient(0.25, 0.62, [(0, (232, 206, 130)), (1, (210, 180, 110))])
    d = c.draw
    d.rectangle(c.box(0, 0.22, 1, 0.27), fill=(150, 60, 50))  # roof edge
    for i in range(6):  # arched openings of the hall
        x = 0.04 + i * 0.165
        d.rectangle(c.box(x, 0.36, x + 0.11, 0.62), fill=(90, 70, 50))
        d.pieslice(c.box(x, 0.31, x + 0.11, 0.41), 180, 360, fill=(90, 70, 50))
    c.gradient(0.62, 1, [(0, (160, 156, 150)), (1, (120, 116, 110))])
    awnings = [(40, 110, 170), (200, 60, 50), (50, 140, 90)]
    fruit = [(240, 170, 30), (200, 40, 40), (110, 160, 40), (240, 220, 80), (150, 60, 120)]
    for i, colour in enumerate(awnings):
        x0 = 0.02 + i * 0.33
        for j in range(8):  # stripes
            stripe = colour if j % 2 == 0 else (236, 236, 230)
            d.rectangle(c.box(x0 + j * 0.037, 0.50, x0 + (j + 1) * 0.037, 0.58), fill=stripe)
        d.rectangle(c.box(x0 + 0.01, 0.70, x0 + 0.29, 0.78), fill=(120, 84, 50))  # stall table
        for _ in range(60):
            fx = c.rng.uniform(x0 + 0.02, x0 + 0.28)
            fy = c.rng.uniform(0.665, 0.70)
            r = c.rng.uniform(0.008, 0.014)
            d.ellipse(c.box(fx - r, fy - r * 1.3, fx + r, fy + r * 1.3), fill=c.rng.choice(fruit))
        d.rectangle(c.box(x0 + 0.24, 0.62, x0 + 0.28, 0.67), fill=(250, 250, 250))  # QR code board
        d.rectangle(c.box(x0 + 0.25, 0.63, x0 + 0.27, 0.66), fill=(30, 30, 30))
    shirts = [(60, 90, 160), (220, 220, 210), (200, 90, 120), (90, 120, 80), (230, 180, 60)]
    for i in range(7):
        person(
            d,
            c,
            0.08 + i * 0.14 + c.rng.uniform(-0.03, 0.03),
            0.97,
            0.36,
            shirts[i % 5],
            hat=i % 3 == 0,
        )


def meeting(c: Canvas) -> None:
    """Hội nghị cải cách hành chính: red backdrop, presidium table, rows of delegates."""
    c.gradient(0, 1, [(0, (232, 224, 206)), (1, (196, 186, 168))])
    d = c.draw
    d.rectangle(c.box(0.1, 0.06, 0.9, 0.46), fill=(172, 28, 32))  # backdrop
    for i, (width, height) in enumerate([(0.5, 0.035), (0.62, 0.05), (0.44, 0.03)]):
        y = 0.14 + i * 0.09  # lines of the banner's lettering, as yellow bars
        d.rectangle(c.box(0.5 - width / 2, y, 0.5 + width / 2, y + height), fill=(246, 210, 80))
    d.ellipse(c.box(0.47, 0.07, 0.53, 0.12), fill=(246, 210, 80))  # emblem
    for x in (0.04, 0.92):  # flower stands
        d.rectangle(c.box(x, 0.36, x + 0.04, 0.55), fill=(120, 80, 50))
        d.ellipse(c.box(x - 0.02, 0.30, x + 0.06, 0.38), fill=(220, 190, 40))
    for i in range(5):  # the presidium
        person(d, c, 0.25 + i * 0.125, 0.58, 0.2, (236, 236, 236), trousers=(236, 236, 236))
    d.rectangle(c.box(0.18, 0.50, 0.82, 0.60), fill=(190, 30, 36))  # table cloth
    d.rectangle(c.box(0.18, 0.50, 0.82, 0.515), fill=(236, 236, 230))
    for row in range(3):  # delegates seen from behind
        y = 0.78 + row * 0.1
        size = 0.05 + row * 0.012
        for i in range(9 - row):
            x = 0.05 + (i + 0.5 * row) * (0.95 / (9 - row)) + c.rng.uniform(-0.01, 0.01)
            shirt = c.rng.choice([(236, 236, 236), (110, 140, 190), (236, 236, 236)])
            d.rounded_rectangle(
                c.box(x - size * 0.9, y, x + size * 0.9, y + 0.2), radius=40, fill=shirt
            )
            d.ellipse(
                c.box(x - size * 0.45, y - size * 1.1, x + size * 0.45, y + size * 0.1),
                fill=(30, 26, 24),
            )


def gift_giving(c: Canvas) -> None:
    """Trao quà tri ân (portrait): an official hands a red gift to an elderly veteran."""
    c.gradient(0, 0.62, [(0, (226, 214, 190)), (1, (210, 196, 170))])
    d = c.draw
    d.rectangle(c.box(0.12, 0.08, 0.88, 0.26), fill=(180, 30, 34))  # banner on the wall
    d.rectangle(c.box(0.2, 0.14, 0.8, 0.19), fill=(246, 210, 80))
    c.gradient(0.62, 1, [(0, (170, 120, 80)), (1, (130, 90, 60))])  # wooden floor
    c.texture(0.62, 1, 0.2, (80, 6))
    person(d, c, 0.3, 0.93, 0.62, (236, 236, 236), trousers=(40, 44, 60))
    person(d, c, 0.7, 0.93, 0.58, (120, 110, 90), trousers=(70, 64, 56), hair=(220, 220, 216))
    d.rectangle(c.box(0.42, 0.52, 0.58, 0.6), fill=(200, 30, 36))  # the gift
    d.rectangle(c.box(0.49, 0.52, 0.51, 0.6), fill=(240, 200, 70))
    for x in (0.38, 0.62):  # hands on the gift
        d.ellipse(c.box(x - 0.025, 0.54, x + 0.025, 0.575), fill=(196, 150, 112))


def riverside_road(c: Canvas) -> None:
    """Đường ven sông Tiền buổi chiều: warm sky, river, road in perspective, trees, lamps."""
    c.gradient(0, 0.48, [(0, (120, 140, 190)), (0.6, (236, 180, 130)), (1, (246, 212, 160))])
    clouds(c, (0.1, 0.3), 4)
    c.gradient(0.48, 1, RIVER, right=0.35)
    c.gradient(0.48, 1, [(0, (150, 150, 150)), (1, (90, 90, 94))], left=0.35)
    d = c.draw
    d.polygon(
        c.points((0.35, 1), (0.35, 0.48), (0.5, 0.48), (0.62, 1)), fill=(170, 160, 150)
    )  # walkway
    d.polygon(c.points((0.62, 1), (0.5, 0.48), (0.56, 0.48), (1, 1)), fill=(80, 80, 86))  # road
    d.line(c.points((0.53, 0.48), (0.81, 1)), fill=(236, 236, 236), width=max(2, c.w // 300))
    for i in range(7):  # trees and lamps getting smaller toward the horizon
        t = 0.48 + 0.52 * (0.82**i)
        x = 0.35 + (0.5 - 0.35) * (1 - (t - 0.48) / 0.52) - 0.02
        size = (t - 0.48) * 0.35
        d.rectangle(c.box(x - size * 0.06, t - size * 0.9, x + size * 0.06, t), fill=(80, 60, 40))
        d.ellipse(
            c.box(x - size * 0.5, t - size * 1.8, x + size * 0.5, t - size * 0.7), fill=(52, 96, 50)
        )
        lx = x + size * 0.9
        d.line(c.points((lx, t), (lx, t - size * 1.6)), fill=(60, 64, 70), width=max(2, c.w // 400))
        d.ellipse(
            c.box(lx - size * 0.06, t - size * 1.68, lx + size * 0.06, t - size * 1.58),
            fill=(255, 240, 200),
        )
    person(d, c, 0.45, 0.86, 0.22, (210, 80, 90))
    person(d, c, 0.5, 0.8, 0.18, (80, 120, 180))


def embankment(c: Canvas) -> None:
    """Kè bờ sông Tiền: sloping concrete revetment, railing, walkway, the river."""
    c.gradient(0, 0.38, SKY)
    tree_line(c, 0.39, 0.025, (64, 92, 58))
    c.gradient(0.39, 0.62, RIVER)
    c.texture(0.39, 0.62, 0.25, (60, 4))
    c.gradient(0.62, 0.86, [(0, (176, 172, 160)), (1, (150, 146, 136))])  # the slope
    d = c.draw
    for i in range(-8, 30):  # the revetment's grid of slabs
        x = i * 0.04
        d.line(
            c.points((x, 0.62), (x + 0.12, 0.86)), fill=(128, 124, 116), width=max(2, c.w // 500)
        )
    for i in range(5):
        y = 0.62 + i * 0.06
        d.line(c.points((0, y), (1, y)), fill=(128, 124, 116), width=max(2, c.w // 500))
    c.gradient(0.86, 1, [(0, (190, 120, 100)), (1, (160, 100, 84))])  # brick walkway
    d.rectangle(c.box(0, 0.80, 1, 0.815), fill=(220, 220, 214))  # railing
    for i in range(21):
        x = i * 0.05
        d.rectangle(c.box(x, 0.80, x + 0.008, 0.87), fill=(210, 210, 204))
    person(d, c, 0.72, 0.97, 0.3, (236, 236, 236))


@dataclass(frozen=True)
class Photo:
    name: str
    size: tuple[int, int]  # as seen, upright
    draw: Callable[[Canvas], None]
    seed: int


PHOTOS = (
    Photo("nong-dan-thu-hoach-lua.jpg", (3000, 2000), rice_harvest, 1),
    Photo("ben-pha-song-tien.jpg", (4000, 3000), ferry_landing, 2),
    Photo("cho-hong-ngu.jpg", (2400, 1800), market, 3),
    Photo("hoi-nghi-cai-cach-hanh-chinh.jpg", (3264, 2448), meeting, 4),
    Photo(EXIF_PHOTO, (3000, 4000), gift_giving, 5),
    Photo("duong-ven-song-tien.jpg", (1600, 1200), riverside_road, 6),
    Photo("ke-bo-song-tien.jpg", (2048, 1536), embankment, 7),
)


def camera_exif() -> Image.Exif:
    """What a phone writes: make, model, time, orientation 6 (taken upright,
    stored on its side) and where it was taken (Hồng Ngự, 10°48′N 105°21′E)."""
    exif = Image.Exif()
    exif[Base.Make] = "Samsung"
    exif[Base.Model] = "Galaxy A54 5G"
    exif[Base.Software] = "A546EXXS7CXF1"
    exif[Base.DateTime] = "2023:07:21 09:14:05"
    exif[Base.Orientation] = 6
    exif[IFD.Exif] = {
        Base.DateTimeOriginal: "2023:07:21 09:14:05",
        Base.FocalLength: IFDRational(554, 100),
        Base.FNumber: IFDRational(18, 10),
        Base.ISOSpeedRatings: 125,
        Base.BodySerialNumber: "R5CW31XYZ7A",
    }
    exif[IFD.GPSInfo] = {
        GPS.GPSVersionID: b"\x02\x02\x00\x00",
        GPS.GPSLatitudeRef: "N",
        GPS.GPSLatitude: (IFDRational(10, 1), IFDRational(48, 1), IFDRational(3312, 100)),
        GPS.GPSLongitudeRef: "E",
        GPS.GPSLongitude: (IFDRational(105, 1), IFDRational(20, 1), IFDRational(4571, 100)),
        GPS.GPSAltitudeRef: b"\x00",
        GPS.GPSAltitude: IFDRational(4, 1),
    }
    return exif


def render(photo: Photo) -> bytes:
    """The JPEG bytes of one photo."""
    canvas = Canvas(Image.new("RGB", photo.size), random.Random(photo.seed))
    photo.draw(canvas)
    image = finish(canvas)
    options: dict = {"quality": QUALITY, "optimize": True}
    if photo.name == EXIF_PHOTO:
        # Orientation 6 means "turn 90° clockwise to show": store the upright
        # picture turned 90° anticlockwise, as the phone's sensor saw it.
        image = image.transpose(Image.Transpose.ROTATE_90)
        options["exif"] = camera_exif()
    out = io.BytesIO()
    image.save(out, "JPEG", **options)
    return out.getvalue()


def upright(data: bytes) -> Image.Image:
    """A photo as a viewer shows it (EXIF orientation applied)."""
    return ImageOps.exif_transpose(Image.open(io.BytesIO(data)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="folder (default content/images)")
    args = parser.parse_args(argv)
    stale = []
    for photo in PHOTOS:
        data = render(photo)
        target = args.out / photo.name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(photo.name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(
            f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
            f"{photo.size[0]}×{photo.size[1]}, {len(data) // 1024} KB"
        )
    if stale:
        print("Ảnh mẫu khác với bản sẽ tạo: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
