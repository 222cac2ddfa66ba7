"""`invoke new`: the right folder, keys, slug and date; never overwrites."""

from __future__ import annotations

import datetime as dt

import pytest

from site_tools.build import check
from site_tools.new import TIMEZONE, AlreadyExists, create
from tests.helpers import contact

NOW = dt.datetime(2026, 11, 26, 9, 5, tzinfo=TIMEZONE)


def keys(path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(":", 1) for line in head.splitlines())


def test_new_article_is_dated_now_and_passes_check(tmp_path):
    content = tmp_path / "content"
    path = create("article", "Họp mặt đầu năm: “Xuân 2026”", content, NOW)
    assert path == content / "tin-tuc" / "2026" / "hop-mat-dau-nam-xuan-2026.md"
    assert keys(path)["Date"].strip() == "2026-11-26 09:05"
    assert {"Title", "Date", "Category", "Tags", "Authors", "Summary"} <= set(keys(path))
    report = check(content)
    assert report.errors == []


def test_new_procedure_and_contact_have_every_key(tmp_path):
    content = tmp_path / "content"
    procedure = create("procedure", "Đăng ký nuôi con nuôi", content, NOW)
    assert procedure == content / "thu-tuc" / "dang-ky-nuoi-con-nuoi.md"
    assert {
        "Code",
        "Field",
        "Level",
        "Agency",
        "Submit-at",
        "Processing-time",
        "Fee",
        "Online",
        "Date",
    } <= set(keys(procedure))
    unit = create("contact", "Phòng Tư pháp", content, NOW)
    assert keys(unit)["Slug"].strip() == "phong-tu-phap"
    (content / "lien-he" / "mc.md").write_text(
        contact("Một cửa", "bo-phan-mot-cua", "mot-cua"), encoding="utf-8"
    )
    messages = "\n".join(check(content).errors)
    # the skeleton only lacks what the editor must supply
    assert "phong-tu-phap.md" in messages and "Address:" in messages and "Phone:" in messages
    assert "dang-ky-nuoi-con-nuoi.md" not in messages


def test_new_refuses_to_overwrite(tmp_path):
    create("article", "Bài đã có", tmp_path, NOW)
    with pytest.raises(AlreadyExists):
        create("article", "Bài đã có", tmp_path, NOW)


def test_new_rejects_unknown_kind_and_empty_title(tmp_path):
    with pytest.raises(ValueError):
        create("video", "Tiêu đề", tmp_path, NOW)
    with pytest.raises(ValueError):
        create("article", "  ", tmp_path, NOW)
