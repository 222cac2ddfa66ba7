"""The sanitiser names everything it removes (plugins/safe_content/policy.py):
the report comes from comparing what `clean` kept with what it was given, so
it cannot miss a removal the allow-list makes."""

from __future__ import annotations

import pytest

from portal.reading import convert
from safe_content.policy import clean, removed
from site_tools.build import ROOT, load_settings

CASES = [
    ('<base href="https://evil.example/">', "thẻ <base>"),
    (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "thẻ <meta http-equiv=refresh>",
    ),
    ('<a href="data:text/html,x">a</a>', "liên kết data:"),
    ('<img src="data:image/svg+xml,x" alt="">', "liên kết data:"),
    ('<a href="jav&#x61;script:alert(1)">a</a>', "liên kết javascript:"),
    ('<a href=" \tjavascript:alert(1)">a</a>', "liên kết javascript:"),
    ('<a href="vbscript:x">a</a>', "liên kết vbscript:"),
    ('<img src="x" onerror="alert(1)">', "thuộc tính sự kiện onerror"),
    ("<svg/onload=alert(1)>", "thẻ <svg>"),
    ("<script>alert(1)</script>", "thẻ <script>"),
    ('<iframe src="https://evil.example/"></iframe>', "thẻ <iframe>"),
    ("<style>p{}</style>", "thẻ <style>"),
    ('<form action="https://evil.example/"><input name="x"></form>', "thẻ <form>, thẻ <input>"),
    ('<p style="color:red">x</p>', "thuộc tính style"),
    ('<a href="/" rel="nofollow" target="_blank">x</a>', "thuộc tính rel, thuộc tính target"),
    ("<!-- ghi chú -->", "chú thích HTML"),
]


@pytest.mark.parametrize(("html", "name"), CASES)
def test_every_removal_is_named(html, name):
    assert name in ", ".join(removed(html, clean(html)))


def test_attributes_of_a_removed_element_are_not_named_again():
    html = '<meta http-equiv="refresh" content="0"><svg onload="alert(1)"></svg>'
    assert removed(html, clean(html)) == ["thẻ <meta http-equiv=refresh>", "thẻ <svg>"]


def test_what_markdown_writes_is_kept_and_not_reported():
    settings = load_settings(ROOT / "content", ROOT / "output", ROOT / "pelicanconf.py")
    text = (
        "Title: Mẫu\n\n# Tiêu đề {#dau}\n\nĐoạn *nghiêng* có chú thích[^1] và "
        '[liên kết](https://dongthap.gov.vn/ "tiêu đề"), [thư](mailto:a@b.vn), '
        "![ảnh](/images/anh.jpg).\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
        "```python\nx = '<b>'\n```\n\n*[UBND]: Ủy ban nhân dân\n\nUBND\n\n[^1]: Ghi chú.\n"
    )
    assert convert(text.encode(), settings).removed == []
