"""The scoring shared by the quality test and the site-search benchmark."""

from __future__ import annotations

import unicodedata

import pytest

from bench.ranking import quality, rank_of, read_queries


def test_rank_is_one_based_and_zero_when_missing():
    assert rank_of("/b/", ["/a/", "/b/"]) == 2
    assert rank_of("/c/", ["/a/", "/b/"]) == 0


def test_success_at_3_and_mrr_by_kind_and_overall():
    rows = [
        {"kind": "x", "expected": "/a/"},
        {"kind": "x", "expected": "/a/"},
        {"kind": "y", "expected": "/a/"},
    ]
    ranked = [["/a/"], ["/1/", "/2/", "/3/", "/a/"], []]
    scores = quality(rows, ranked)
    assert scores["x"] == (0.5, pytest.approx((1 + 1 / 4) / 2), 2)
    assert scores["y"] == (0.0, 0.0, 1)
    assert scores["all"] == (pytest.approx(1 / 3), pytest.approx((1 + 1 / 4) / 3), 3)


def test_comment_lines_skipped_and_nfd_rows_decomposed(tmp_path):
    path = tmp_path / "q.tsv"
    path.write_text(
        "# a comment\nkind\tquery\texpected\nnfd\tĐăng ký\t/a/\ntitle\tĐăng ký\t/b/\n",
        encoding="utf-8",
    )
    rows = read_queries(path)
    assert [row["kind"] for row in rows] == ["nfd", "title"]
    assert rows[0]["query"] == unicodedata.normalize("NFD", "Đăng ký") != rows[1]["query"]
