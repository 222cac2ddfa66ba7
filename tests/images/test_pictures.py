"""Pictures from phone photos (plugins/images): variants and srcset, no
metadata anywhere in the output, orientation applied, thumbnails on
listings, the gallery, and a clear error for each kind of bad image."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from site_tools.build import BuildFailed, check
from tests.helpers import article, text_of, write_content

GPS_TEXT = b"GPSTEST"


def photo(
    width: int = 1600,
    height: int = 1200,
    gps: bool = False,
    orientation: int = 1,
    fmt: str = "JPEG",
    mode: str = "RGB",
) -> bytes:
    """A small photo-like image; with `gps`, camera EXIF and a GPS position."""
    image = Image.new(mode, (width, height))
    pixels = [((x * 7) % 256, (y * 5) % 256, (x + y) % 256) for y in range(8) for x in range(8)]
    tile = Image.new("RGB", (8, 8))
    tile.putdata(pixels)
    image.paste(tile.resize((width, height)).convert(mode))
    exif = Image.Exif()
    exif[0x0112] = orientation
    if gps:
        exif[0x010F] = "GPSTEST Camera Maker"
        exif[0x0110] = "GPSTEST Model X"
        exif[0x013B] = "GPSTEST Owner"
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1], gps_ifd[2] = "N", (10.0, 48.0, 30.0)
        gps_ifd[3], gps_ifd[4] = "E", (105.0, 20.0, 40.0)
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes(), **({"quality": 90} if fmt == "JPEG" else {}))
    return out.getvalue()


def write_binary(content, name: str, data: bytes) -> None:
    target = content / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


@pytest.fixture
def site(tmp_path, fixture_site):
    files = {
        "tin-tuc/anh.md": article(
            "Bài có ảnh",
            "2024-05-05 09:00",
            image="le-hoi.jpg",
            image_alt="Người dân dự lễ hội trên sông",
        )
        + "\n![Ảnh dọc chụp bằng điện thoại](/images/doc.jpg)\n\n"
        '![Bến phà](/images/a.jpg "Bến phà sáng sớm")\n'
        '![Chợ nổi](/images/b.png "Chợ nổi")\n'
        "![Cánh đồng](/images/c.webp)\n\n"
        "[Tải ảnh gốc]({static}/images/goc.jpg)\n",
        "tin-tuc/khac.md": article("Bài không ảnh", "2024-05-04 09:00"),
    }
    content = write_content(tmp_path, files)
    write_binary(content, "images/le-hoi.jpg", photo(2000, 1500, gps=True))
    write_binary(content, "images/doc.jpg", photo(1200, 900, gps=True, orientation=6))
    write_binary(content, "images/a.jpg", photo(800, 600))
    write_binary(content, "images/b.png", photo(640, 480, fmt="PNG"))
    write_binary(content, "images/c.webp", photo(1000, 750, fmt="WEBP"))
    write_binary(content, "images/goc.jpg", photo(900, 600, gps=True))
    write_binary(content, "images/khong-dung.jpg", photo(300, 200, gps=True))
    return fixture_site({}, PORTAL_IMAGE_CACHE=str(tmp_path / "cache"))


def test_lead_image_is_a_picture_with_variants_and_dimensions(site):
    page = site.page("tin-tuc/bai-co-anh/")
    lead = page.select_one(".article__lead picture")
    webp = lead.select_one('source[type="image/webp"]')["srcset"]
    assert re.fullmatch(
        r"/images/le-hoi-360\.\w{10}\.webp 360w, /images/le-hoi-720\.\w{10}\.webp 720w, /images/le-hoi-1200\.\w{10}\.webp 1200w",
        webp,
    )
    assert lead.select_one('source[type="image/jpeg"]')["srcset"].count("w,") == 2
    img = lead.img
    assert (img["width"], img["height"], img["loading"]) == ("2000", "1500", "eager")
    assert img["fetchpriority"] == "high"
    assert img["alt"] == "Người dân dự lễ hội trên sông"
    for name in re.findall(r"/images/(\S+) \d+w", webp):
        with Image.open(site.output / "images" / name) as variant:
            assert variant.format == "WEBP" and variant.width in (360, 720, 1200)


def test_no_metadata_no_gps_and_no_original_is_published(site):
    for path in site.output.rglob("*"):
        if path.is_file():
            assert GPS_TEXT not in path.read_bytes(), path
            if path.suffix in (".jpg", ".webp", ".png"):
                with Image.open(path) as image:
                    assert not image.getexif(), path
                    assert "icc_profile" not in image.info and "exif" not in image.info
    assert not (site.output / "images" / "le-hoi.jpg").exists()
    assert not (site.output / "images" / "khong-dung.jpg").exists()
    # An original linked for download is published at its address, stripped.
    with Image.open(site.output / "images" / "goc.jpg") as original:
        assert original.size == (900, 600) and not original.getexif()


def test_orientation_is_applied_and_never_wider_than_the_original(site):
    page = site.page("tin-tuc/bai-co-anh/")
    body = page.select_one(".article__body")
    portrait = next(p for p in body.select("picture") if "doc-" in p.img["src"])
    assert (portrait.img["width"], portrait.img["height"]) == ("900", "1200")
    assert portrait.img["loading"] == "lazy"
    widths = re.findall(r" (\d+)w", portrait.source["srcset"])
    assert widths == ["360", "720", "900"]


def test_a_paragraph_of_images_is_a_gallery_with_captions(site):
    gallery = site.page("tin-tuc/bai-co-anh/").select_one("ul.gallery")
    items = gallery.select("li.gallery__item")
    assert len(items) == 3
    captions = [text_of(c) for c in gallery.select("figcaption")]
    assert captions == ["Bến phà sáng sớm", "Chợ nổi"]
    first = items[0].select_one("a.gallery__link")
    assert re.fullmatch(r"/images/a-800\.\w{10}\.jpg", first["href"])
    assert (site.output / first["href"].lstrip("/")).is_file()
    assert items[1].select_one('source[type="image/png"]')  # transparency-safe fallback
    assert all(img.get("loading") == "lazy" and img["alt"] for img in gallery.select("img"))


def test_listings_show_thumbnails_with_the_alt_text(site):
    for path in ("", "tin-tuc/", "chuyen-muc/tin-tuc-su-kien/"):
        cards = site.page(path).select(".news-card")
        with_image = [c for c in cards if c.select_one(".news-card__image")]
        assert len(with_image) == 1, path
        img = with_image[0].select_one("img")
        assert img["alt"] == "Người dân dự lễ hội trên sông" and img["loading"] == "lazy"
        assert "360w" in with_image[0].select_one("source")["srcset"]


def bad(tmp_path, name: str, data: bytes):
    files = {
        "tin-tuc/anh.md": article("Bài có ảnh", "2024-05-05 09:00")
        + f"\nẢnh minh họa:\n\n![Ảnh](/images/{name})\n",
        "tin-tuc/dau.md": article("Ảnh đầu bài", "2024-05-05 10:00", image=name, image_alt="Ảnh"),
    }
    content = write_content(tmp_path, files)
    write_binary(content, f"images/{name}", data)
    return content


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cut.jpg", photo()[:4000], "không đọc hết được ảnh"),
        ("png-that.jpg", photo(fmt="PNG"), "thực ra là ảnh PNG"),
        ("not-an-image.jpg", b"this is not an image at all" * 100, "không phải ảnh"),
        ("cmyk.jpg", photo(mode="CMYK"), "CMYK"),
        ("huge.png", photo(9000, 6000, fmt="PNG"), "ảnh quá lớn"),
    ],
)
def test_each_bad_image_is_a_clear_error_at_its_line(tmp_path, name, data, message):
    content = bad(tmp_path, name, data)
    report = check(content, PORTAL_IMAGE_CACHE=str(tmp_path / "cache"))
    body = [e for e in report.errors if "tin-tuc/anh.md:" in e and message in e]
    lead = [e for e in report.errors if "tin-tuc/dau.md:" in e and " Image: " in e and message in e]
    assert body and lead, report.errors
    assert re.match(r".*tin-tuc/anh\.md:9: ảnh 'images/", body[0])
    assert "Traceback" not in "".join(report.errors)
    from site_tools.build import build

    with pytest.raises(BuildFailed):
        build(content, tmp_path / "out", PORTAL_IMAGE_CACHE=str(tmp_path / "cache"))


def test_a_rebuild_makes_only_new_or_changed_pictures(tmp_path, fixture_site):
    files = {
        "tin-tuc/anh.md": article(
            "Bài có ảnh", "2024-05-05 09:00", image="a.jpg", image_alt="Ảnh A"
        )
        + "\n![Ảnh B](/images/b.jpg)\n",
    }
    content = write_content(tmp_path, files)
    write_binary(content, "images/a.jpg", photo(800, 600))
    write_binary(content, "images/b.jpg", photo(700, 500))
    cache = tmp_path / "cache"

    def made() -> dict[str, int]:
        return {
            p.name: p.stat().st_mtime_ns for p in cache.rglob("*") if p.suffix in (".webp", ".jpg")
        }

    fixture_site({}, output=tmp_path / "one", PORTAL_IMAGE_CACHE=str(cache))
    first = made()
    fixture_site({}, output=tmp_path / "two", PORTAL_IMAGE_CACHE=str(cache))
    assert made() == first  # nothing made again
    write_binary(content, "images/b.jpg", photo(640, 480))  # one photo replaced
    fixture_site({}, output=tmp_path / "three", PORTAL_IMAGE_CACHE=str(cache))
    after = made()
    assert {n: t for n, t in after.items() if n in first} == first
    assert {n for n in after if n not in first} and all(
        n.startswith("b-") for n in after if n not in first
    )


def test_a_16_bit_grey_png_keeps_its_tones(tmp_path, fixture_site):
    gradient = Image.linear_gradient("L").resize((800, 600)).convert("I")
    deep = gradient.point(lambda value: value * 257).convert("I;16")
    out = io.BytesIO()
    deep.save(out, "PNG")
    content = write_content(
        tmp_path,
        {
            "tin-tuc/a.md": article(
                "Ảnh xám", "2024-05-05 09:00", image="xam.png", image_alt="Dải xám"
            )
        },
    )
    write_binary(content, "images/xam.png", out.getvalue())
    site = fixture_site({}, PORTAL_IMAGE_CACHE=str(tmp_path / "cache"))
    src = site.page("tin-tuc/anh-xam/").select_one(".article__lead img")["src"]
    with Image.open(site.output / src.lstrip("/")) as variant:
        grey = variant.convert("L")
        top, middle, bottom = (
            grey.getpixel((10, y)) for y in (5, grey.height // 2, grey.height - 5)
        )
    assert top < 30 and 90 < middle < 170 and bottom > 225


def test_a_known_original_is_found_by_size_and_time_without_reading_it(tmp_path, monkeypatch):
    from images import pictures

    root = tmp_path / "content"
    write_binary(root, "images/a.jpg", photo(400, 300))
    args = (["images/a.jpg"], root, tmp_path / "cache", (360, 720), 40_000_000)
    pictures.make_all(*args)
    read = []
    monkeypatch.setattr(pictures, "digest_of", lambda *a: read.append(a) or "x")
    pictures.make_all(*args)
    assert read == []
