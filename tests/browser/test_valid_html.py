"""Every built page passes the Nu HTML Checker (vnu.jar, on Java; fetched
by scripts/system-deps.sh) with zero errors."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERSION = re.search(r"VNU_VERSION=(\S+)", (ROOT / "scripts/system-deps.sh").read_text())[1]
CHECKER = ROOT / ".cache/vnu" / VERSION / "node_modules/vnu-jar/build/dist/vnu.jar"


def validate(root: Path) -> subprocess.CompletedProcess:
    assert shutil.which("java"), "Java is needed by the Nu HTML Checker (scripts/system-deps.sh)"
    assert CHECKER.is_file(), "run scripts/system-deps.sh: it fetches the Nu HTML Checker"
    return subprocess.run(
        ["java", "-jar", str(CHECKER), "--errors-only", "--skip-non-html", str(root)],
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
