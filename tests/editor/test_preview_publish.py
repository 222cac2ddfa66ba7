"""Drafts show only in the preview; publish deploys only checked content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from site_tools.outputs import tree
from site_tools.preview import Preview
from tests.helpers import BuiltSite, article, text_of, write_content

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "tests" / "check" / "base"

DRAFT = article("Bản nháp kế hoạch", "2024-05-06 09:00", status="draft")


def test_drafts_only_in_preview_and_marked(fixture_site, tmp_path):
    files = {
        "tin-tuc/nhap.md": DRAFT,
        "tin-tuc/dang.md": article("Bài đã đăng", "2024-05-05 09:00"),
    }
    public = fixture_site(files)
    assert not (public.output / "ban-nhap").exists()
    assert "ban-nhap" not in (public.output / "sitemap.xml").read_text(encoding="utf-8")
    Preview(write_content(tmp_path, files), tmp_path / "preview").build()
    preview = BuiltSite(tmp_path / "preview")
    page = preview.page("ban-nhap/ban-nhap-ke-hoach/")
    assert "BẢN NHÁP" in page.select_one(".draft-banner").get_text()
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    news = preview.page("tin-tuc/")
    assert [text_of(a) for a in news.select(".news-card__title a")] == ["Bài đã đăng"]
    for name in ("feeds/tin-tuc.atom.xml", "sitemap.xml"):
        assert "ban-nhap" not in (preview.output / name).read_text(encoding="utf-8")


def run_publish(content: Path, target: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "publish",
            "--content",
            str(content),
            "--target",
            str(target),
        ],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        env={**os.environ},
    )


def test_publish_to_a_folder_and_refuse_broken_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    target = tmp_path / "www"
    result = run_publish(content, target)
    assert result.returncode == 0, result.stderr
    site = BuiltSite(target)
    canonical = site.page("").select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://tphongngu.dongthap.gov.vn/"
    before = tree(target)
    (content / "tin-tuc" / "sai.md").write_text(
        article("Sai", "2024-05-06 09:00", "Lạ"), encoding="utf-8"
    )
    refused = run_publish(content, target)
    assert refused.returncode == 1
    assert "Không đăng" in refused.stderr and "sai.md:3: Category:" in refused.stderr
    assert tree(target) == before


def test_publish_without_target_says_how_to_set_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_PUBLISH_TARGET"}
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "publish", "--content", str(BASE)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        env=env,
    )
    assert result.returncode == 1 and "PORTAL_PUBLISH_TARGET" in result.stderr
