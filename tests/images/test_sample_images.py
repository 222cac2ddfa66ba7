"""The sample photos' helpers (scripts/make_sample_images.py), on tiny images."""

from __future__ import annotations

import io

from PIL import Image, ImageOps
from PIL.ExifTags import GPS, IFD, Base

from scripts.make_sample_images import camera_exif, gradient


def test_the_phone_exif_has_a_camera_a_position_and_orientation_6() -> None:
    # Stored on its side as a phone does: 30 wide, 40 high upright.
    upright = Image.new("RGB", (30, 40), (255, 0, 0))
    upright.paste((0, 0, 255), (0, 0, 30, 10))  # blue at the top
    out = io.BytesIO()
    upright.transpose(Image.Transpose.ROTATE_90).save(out, "JPEG", exif=camera_exif())
    stored = Image.open(io.BytesIO(out.getvalue()))
    exif = stored.getexif()
    assert stored.size == (40, 30)
    assert exif[Base.Orientation] == 6
    assert exif[Base.Model] == "Galaxy A54 5G"
    gps = exif.get_ifd(IFD.GPSInfo)
    assert gps[GPS.GPSLatitudeRef] == "N"
    assert [round(float(v), 2) for v in gps[GPS.GPSLatitude]] == [10, 48, 33.12]
    shown = ImageOps.exif_transpose(stored)
    assert shown.size == (30, 40)
    red, _, blue = shown.getpixel((15, 2))
    assert blue > 200 and red < 60  # the top is the top again


def test_a_gradient_runs_through_its_stops() -> None:
    band = gradient((4, 100), [(0, (0, 0, 0)), (0.5, (200, 100, 0)), (1, (200, 100, 200))])
    # Stretched from a 256-step strip: each colour within a few levels.
    for y, colour in ((0, (0, 0, 0)), (50, (200, 100, 0)), (99, (200, 100, 200))):
        assert all(abs(a - b) <= 4 for a, b in zip(band.getpixel((0, y)), colour, strict=True))
