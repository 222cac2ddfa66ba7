"""A corpus of broken content files: each stops the build with one clear
message naming the file and the key, no traceback, and the last good output
stays exactly as it was. `invoke check` lists all of them at once."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_tools.build import build
from site_tools.outputs import tree

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def cases() -> list[dict[str, str]]:
    with (HERE / "broken" / "cases.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if not line.startswith("#"))
        return [
            dict(zip(("name", "dest", "key", "fragment"), r[0].split("\t"), strict=True))
            for r in rows
        ]


def invoke(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        encoding="utf-8",
    )


def content_with(tmp_path: Path, broken: list[dict[str, str]]) -> Path:
    content = tmp_path / "content"
    shutil.copytree(HERE / "base", content)
    for case in broken:
        target = content / case["dest"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "broken" / f"{case['name']}.md", target)
    return content


def test_corpus_is_large_enough():
    assert len(cases()) >= 20


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["name"])
def test_broken_file_stops_build_and_keeps_output(tmp_path, case):
    output = tmp_path / "output"
    build(content_with(tmp_path / "good", []), output)
    before = tree(output)
    result = invoke(
        "build", "--content", str(content_with(tmp_path, [case])), "--output", str(output)
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert not re.search(r"^LỖI\s+\w+(Error|Exception):", result.stderr, re.M), result.stderr
    located = f"content/{case['dest']}:"
    lines = [line for line in result.stderr.splitlines() if located in line]
    assert lines, result.stderr
    message = next((line for line in lines if case["fragment"] in line), None)
    assert message is not None, (case["fragment"], lines)
    if case["key"]:
        assert f": {case['key']}: " in message
    assert "vẫn giữ bản đã dựng trước đó" in result.stderr
    assert tree(output) == before


def test_check_lists_every_problem_at_once(tmp_path):
    broken = cases()
    result = invoke("check", "--content", str(content_with(tmp_path, broken)))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not re.search(r"^LỖI\s+\w+(Error|Exception):", result.stderr, re.M), result.stderr
    for case in broken:
        assert any(
            f"content/{case['dest']}:" in line and case["fragment"] in line
            for line in result.stderr.splitlines()
        ), case["name"]
    assert not (tmp_path / "output").exists()


def check_then_build(tmp_path: Path, name: str, text: str) -> tuple[str, str]:
    """Add tin-tuc/`name` to the good content, check it (no error), build it;
    (check's stderr, the built page of the slug made from `name`)."""
    content = content_with(tmp_path, [])
    (content / "tin-tuc" / name).write_text(text, encoding="utf-8")
    result = invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stderr
    output = tmp_path / "output"
    assert invoke("build", "--content", str(content), "--output", str(output)).returncode == 0
    page = output / "tin-tuc" / Path(name).stem / "index.html"
    return result.stderr, page.read_text(encoding="utf-8")


def test_warnings_do_not_fail(tmp_path):
    stderr, html = check_then_build(
        tmp_path,
        "co-canh-bao.md",
        "Title: Có cảnh báo\nDate: 2024-05-06 09:00\nCategory: Thông báo\n"
        f"Summary: {'Tóm tắt rất dài. ' * 30}\n\n"
        'Xem [trang cũ](http://example.com/) và <img src="x" onerror="alert(1)">.\n'
        "<script>alert(2)</script>\n",
    )
    assert "http:// không an toàn" in stderr
    assert "Summary: tóm tắt dài" in stderr
    assert "đã loại bỏ" in stderr and "thẻ <script>" in stderr
    assert "onerror" not in html and "alert(2)" not in html
    assert '<a href="http://example.com/">trang cũ</a>' in html


def test_missing_blank_line_after_metadata_is_a_warning_and_nothing_is_lost(tmp_path):
    stderr, page = check_then_build(
        tmp_path,
        "thieu-dong-trong.md",
        "Title: Thiếu dòng trống\nDate: 2024-05-06 09:00\nCategory: Thông báo\n"
        "Sáng nay, UBND phường họp bàn kế hoạch.\n",
    )
    assert "thieu-dong-trong.md:4: dòng này không có dạng 'Khóa: giá trị'" in stderr
    assert "UBND phường họp bàn kế" in page


def test_unusual_but_valid_input_builds(tmp_path):
    content = content_with(tmp_path, [])
    text = 'Title: Hội nghị "Dân vận khéo" & GD&ĐT\r\nDate: 2024-05-06 09:00\r\nCategory: Thông báo\r\n\r\nNội dung **đậm**.\r\n'
    (content / "tin-tuc" / "bom-crlf.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    output = tmp_path / "output"
    report = build(content, output)
    assert report.errors == []
    page = (output / "tin-tuc" / "hoi-nghi-dan-van-kheo-gd-dt" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<strong>đậm</strong>" in page
    assert "Dân vận khéo" in page and "\ufeff" not in page and "\r" not in page


def test_mistyped_keys_are_named_with_the_key_meant(tmp_path):
    content = content_with(tmp_path, [])
    (content / "tin-tuc" / "go-nham.md").write_text(
        "Title: Gõ nhầm\nDate: 2024-05-06 09:00\nCatgory: Thông báo\nPinnned: yes\n\nNội dung.\n",
        encoding="utf-8",
    )
    procedure = (content / "thu-tuc" / "hop-le.md").read_text(encoding="utf-8")
    (content / "thu-tuc" / "hop-le.md").write_text(
        procedure.replace("Fee: Không\n", "Fee: Không\nKeyword: sổ đỏ\n"), encoding="utf-8"
    )
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1  # the category is still missing
    lines = result.stderr.splitlines()

    def line_for(fragment: str) -> str:
        return next(line for line in lines if fragment in line)

    assert "Có phải ý bạn là 'Category'?" in line_for("go-nham.md:3: Catgory:")
    assert "Có phải ý bạn là 'Pinned'?" in line_for("go-nham.md:4: Pinnned:")
    assert "Có phải ý bạn là 'Keywords'?" in line_for("hop-le.md:9: Keyword:")
    assert line_for("go-nham.md:").startswith(("LỖI", "CẢNH BÁO"))
    assert "go-nham.md:5: Category: thiếu chuyên mục" in result.stderr
