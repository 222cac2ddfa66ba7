"""The live site is never replaced by a broken or near-empty one, and a
missing content folder is a clear message with nothing left behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_tools.build import BuildFailed, build, check
from site_tools.outputs import tree

BASE = Path(__file__).parents[1] / "check" / "base"
ROOT = Path(__file__).parents[2]


def test_missing_content_folder_is_one_clear_message_and_nothing_is_created(tmp_path):
    missing = tmp_path / "khong-co"
    output = tmp_path / "sau" / "output"
    assert check(missing).errors == [
        f"không có thư mục nội dung '{missing}'. Hãy kiểm tra tên thư mục "
        "(tham số --content) hoặc chạy lệnh từ thư mục gốc của cổng."
    ]
    with pytest.raises(BuildFailed) as failed:
        build(missing, output)
    assert "không có thư mục nội dung" in failed.value.messages[0]
    assert list(tmp_path.iterdir()) == []  # no output, no staging folder

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "build",
            "--content",
            str(missing),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        encoding="utf-8",
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "không có thư mục nội dung" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_emptied_site_replaces_the_live_one_only_when_confirmed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    output = tmp_path / "output"
    build(content, output)
    live = tree(output)
    for source in (content / "tin-tuc").glob("*.md"):
        source.unlink()

    with pytest.raises(BuildFailed) as failed:
        build(content, output)
    assert "không có bài viết nào" in failed.value.messages[0]
    assert "--allow-shrink" in failed.value.messages[0]
    assert tree(output) == live
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]  # no staging

    build(content, output, allow_shrink=True)
    assert not (output / "tin-tuc" / "bai-viet-hop-le").exists()


def test_a_first_build_needs_no_confirmation(tmp_path):
    """Nothing is live yet, so a small site is not a shrunk one."""
    content = tmp_path / "content"
    shutil.copytree(BASE / "thu-tuc", content / "thu-tuc")
    shutil.copytree(BASE / "lien-he", content / "lien-he")
    build(content, tmp_path / "output")
    assert (tmp_path / "output" / "thu-tuc" / "thu-tuc-hop-le" / "index.html").is_file()
