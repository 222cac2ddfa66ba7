"""Pictures from editors' originals (phone photos of any size): checked,
turned upright, stripped of every piece of metadata and resized to a few
widths in WebP, with a JPEG (or PNG, for transparency) fallback.

No Pelican here: a worker process runs `derive` on one original, and the
result is cached by the original's bytes outside the output folder."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

# Bump when the derivatives change for the same original (quality, widths…).
VERSION = 1
WEBP_QUALITY = 76
JPEG_QUALITY = 80
# Formats Pillow reports, by the extensions an editor may give them.
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


@dataclass(frozen=True)
class Variant:
    name: str  # file name in the cache and under images/ in the output
    width: int
    height: int
    mime: str  # image/webp, image/jpeg, image/png


@dataclass(frozen=True)
class Derived:
    """What one original became: its size upright and its variants, or why
    it cannot be published (`problem`, in Vietnamese)."""

    width: int = 0
    height: int = 0
    variants: tuple[Variant, ...] = ()
    problem: str = ""


def digest_of(path: Path, widths: tuple[int, ...], max_pixels: int) -> str:
    """The cache key: the original's bytes and everything that shapes its variants."""
    hasher = hashlib.sha256(f"{VERSION}:{widths}:{max_pixels}:".encode())
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def cached(cache: Path, key: str) -> Derived | None:
    record = cache / key[:2] / f"{key}.json"
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    variants = tuple(Variant(**v) for v in data.pop("variants"))
    derived = Derived(**data, variants=variants)
    if all((cache / key[:2] / v.name).is_file() for v in derived.variants):
        return derived
    return None


def derive(
    path: str, stem: str, key: str, cache: str, widths: tuple[int, ...], max_pixels: int
) -> Derived:
    """Check one original and write its variants into the cache (a worker's job)."""
    folder = Path(cache) / key[:2]
    folder.mkdir(parents=True, exist_ok=True)
    derived = _derive(Path(path), stem, key[:10], folder, widths, max_pixels)
    publish(folder / f"{key}.json", json.dumps(asdict(derived)).encode())
    return derived


def publish(target: Path, data: bytes) -> None:
    """Write `target` whole or not at all: builds running side by side (tests,
    a preview and a build) may make the same cache entry at once."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def _derive(
    path: Path, stem: str, tag: str, folder: Path, widths: tuple[int, ...], max_pixels: int
) -> Derived:
    expected = FORMATS.get(path.suffix.lower())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format != expected:
                    return Derived(problem=_wrong_format(path, image.format))
                if image.width * image.height > max_pixels:
                    return Derived(problem=_too_big(image.width, image.height, max_pixels))
                if image.mode == "CMYK":
                    return Derived(
                        problem="ảnh dùng hệ màu CMYK (ảnh dành cho in ấn): nhiều trình duyệt "
                        "hiện sai màu. Hãy mở ảnh và lưu lại theo hệ màu RGB (sRGB)."
                    )
                image.load()
                upright = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Derived(problem=_too_big(0, 0, max_pixels))
    except UnidentifiedImageError:
        return Derived(
            problem="tệp không phải ảnh, hoặc ảnh đã hỏng. Hãy xuất lại ảnh dạng JPEG hoặc PNG."
        )
    except (OSError, SyntaxError, ValueError) as error:
        return Derived(
            problem=f"không đọc hết được ảnh ({error}): tệp bị cắt cụt hoặc hỏng khi chép. "
            "Hãy chép lại ảnh gốc."
        )
    if upright.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        # 16-bit or float grey (scans, some PNGs): scaled to 8 bits, not clipped.
        upright = upright.convert("I").point(lambda value: value / 257).convert("L")
    alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    upright = upright.convert("RGBA" if alpha else "RGB")
    # PNG stays PNG (diagrams, screenshots: sharp edges), as does transparency.
    lossless = alpha or expected == "PNG"
    fallback, fallback_mime = ("png", "image/png") if lossless else ("jpg", "image/jpeg")
    sizes = sorted({min(w, upright.width) for w in widths})
    variants = []
    for width in sizes:
        height = max(1, round(upright.height * width / upright.width))
        resized = (
            upright if width == upright.width else upright.resize((width, height), Image.LANCZOS)
        )
        # A new image of the pixels only: nothing of the original's info
        # (EXIF, GPS, ICC, comments) can reach a published file.
        clean = Image.new(resized.mode, resized.size)
        clean.paste(resized)
        for extension, mime in (("webp", "image/webp"), (fallback, fallback_mime)):
            name = f"{stem}-{width}.{tag}.{extension}"
            encoded = io.BytesIO()
            if extension == "webp":
                clean.save(encoded, "WEBP", quality=WEBP_QUALITY, method=4)
            elif extension == "jpg":
                clean.save(encoded, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            else:
                clean.save(encoded, "PNG", optimize=True)
            publish(folder / name, encoded.getvalue())
            variants.append(Variant(name, width, height, mime))
    return Derived(upright.width, upright.height, tuple(variants))


def _wrong_format(path: Path, found: str | None) -> str:
    if path.suffix.lower() not in FORMATS:
        return f"cổng chỉ xử lý ảnh JPEG, PNG, WebP (và SVG); '{path.name}' không thuộc loại đó."
    real = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}.get(found or "", "")
    if real:
        return f"tệp '{path.name}' thực ra là ảnh {found}: hãy đổi đuôi tên tệp thành {real}."
    return (
        f"tệp '{path.name}' là ảnh {found}, cổng không đăng được. Hãy xuất lại dạng JPEG hoặc PNG."
    )


def _too_big(width: int, height: int, max_pixels: int) -> str:
    size = f" ({width}×{height})" if width else ""
    return (
        f"ảnh quá lớn{size}: hơn {max_pixels // 1_000_000} triệu điểm ảnh. Hãy thu nhỏ ảnh "
        "(ví dụ cạnh dài 4000 điểm ảnh) rồi chép lại."
    )


_VIEWBOX = re.compile(rb'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')


def svg_size(path: Path) -> tuple[int, int]:
    """An SVG's intrinsic size from its viewBox (0, 0 when it has none): the
    page sets it so the drawing takes its place before it loads."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return 0, 0
    found = _VIEWBOX.search(head)
    return (round(float(found[1])), round(float(found[2]))) if found else (0, 0)
