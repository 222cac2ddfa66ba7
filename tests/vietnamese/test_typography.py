"""The portal's typography pass.

The vectors are data: add a case as (source, expected). Every vector is also
checked to be a fixed point (typesetting typeset text changes nothing).
"""

import pytest

from vietnamese.typography import typeset, typeset_inline

# (HTML as Markdown renders it, HTML as typeset)
HTML_VECTORS = [
    # quotes, dashes, ellipsis, ampersand
    (
        '<p>Phong trào "Dân vận khéo" -- năm 2024... GD &amp; ĐT, it\'s</p>',
        '<p>Phong trào “Dân vận khéo” — năm 2024… GD <span class="amp">&amp;</span> ĐT,&nbsp;it’s</p>',
    ),
    ("<p>a --- b . . . c</p>", "<p>a — b …&nbsp;c</p>"),
    ("<p>Mục &quot;Hỏi đáp&quot; mới</p>", "<p>Mục “Hỏi đáp”&nbsp;mới</p>"),
    # quotes across inline tags open and close right
    (
        "<p>\"<strong>đậm</strong>\" và 'nghiêng' x</p>",
        "<p>“<strong>đậm</strong>” và ‘nghiêng’&nbsp;x</p>",
    ),
    ('<p><em>x</em>" y</p>', "<p><em>x</em>”&nbsp;y</p>"),
    (
        '<p>Nhấn <a href="/gui">"Gửi"</a> để nộp</p>',
        '<p>Nhấn <a href="/gui">“Gửi”</a> để&nbsp;nộp</p>',
    ),
    # a block-level tag boundary starts afresh: the quote after it opens
    (
        '<table><tr><td>A.</td><td>"Đăng ký"</td></tr></table>',
        "<table><tr><td>A.</td><td>“Đăng ký”</td></tr></table>",
    ),
    ('<h2>X.</h2><p>"Y"</p>', "<h2>X.</h2><p>“Y”</p>"),
    ('<p>a.<br>"Y" z</p>', "<p>a.<br>“Y”&nbsp;z</p>"),
    ('<p>a.<br />"Y" z</p>', "<p>a.<br />“Y”&nbsp;z</p>"),
    ("<li>Một.</li>\n<li>'Hai' ba</li>", "<li>Một.</li>\n<li>‘Hai’&nbsp;ba</li>"),
    # a quote between spaces closes the one left open, and opens otherwise
    ('<p>"xin chào " rồi đi</p>', "<p>“xin chào ” rồi&nbsp;đi</p>"),
    ('<p>" xin chào " rồi đi</p>', "<p>“ xin chào ” rồi&nbsp;đi</p>"),
    ("<p>Cô 'Ba ' nói</p>", "<p>Cô ‘Ba ’&nbsp;nói</p>"),
    ('<p>Ông nói: "Đúng ".</p>', "<p>Ông nói: “Đúng&nbsp;”.</p>"),
    ('<p>“Đã mở " rồi</p>', "<p>“Đã mở ”&nbsp;rồi</p>"),
    # a no-break space, as entity or character, counts as a space
    ('<p>Điều&nbsp;"khoản" này</p>', "<p>Điều&nbsp;“khoản”&nbsp;này</p>"),
    ('<p>Điều\u00a0"khoản" này</p>', "<p>Điều\u00a0“khoản”&nbsp;này</p>"),
    ('<p>Điều&#160;"khoản" này</p>', "<p>Điều&#160;“khoản”&nbsp;này</p>"),
    # after a dash or an opening bracket a quote opens
    ('<p>x --"y" z</p>', "<p>x —“y”&nbsp;z</p>"),
    ('<p>("Dự thảo") lần 2</p>', "<p>(“Dự thảo”) lần&nbsp;2</p>"),
    # apostrophes
    ("<p>rock 'n' roll</p>", "<p>rock ‘n’&nbsp;roll</p>"),
    ("<p>the 'city's' park</p>", "<p>the ‘city’s’&nbsp;park</p>"),
    # attribute values are never typeset, a ">" in one confuses nothing
    (
        '<p><span title="a > b">"x"</span> -- y</p>',
        '<p><span title="a > b">“x”</span> —&nbsp;y</p>',
    ),
    (
        '<p><a href="/a--b..." title=\'"q" -- x > y\'>"z" -- t</a></p>',
        '<p><a href="/a--b..." title=\'"q" -- x > y\'>“z” —&nbsp;t</a></p>',
    ),
    ('<p><img alt="a b" src="x.png"> c d</p>', '<p><img alt="a b" src="x.png"> c&nbsp;d</p>'),
    ('<p>a <!-- "x" -- y --> b c</p>', '<p>a <!-- "x" -- y --> b&nbsp;c</p>'),
    ("<p>1 <3 -- 2</p>", "<p>1 <3 —&nbsp;2</p>"),
    ('<p><img alt=it\'s> "x" y</p>', "<p><img alt=it's> “x”&nbsp;y</p>"),
    # addresses are left as written
    (
        "<p>Thư: van-thu--1@hongngu.dongthap.gov.vn -- trả lời</p>",
        "<p>Thư: van-thu--1@hongngu.dongthap.gov.vn — trả&nbsp;lời</p>",
    ),
    ("<p>Xem https://x.vn/a--b... ngay</p>", "<p>Xem https://x.vn/a--b...&nbsp;ngay</p>"),
    (
        '<p><a href="https://x.vn/a--b...">https://x.vn/a--b...</a></p>',
        '<p><a href="https://x.vn/a--b...">https://x.vn/a--b...</a></p>',
    ),
    ('<p>Trang "https://x.vn/it\'s" đó</p>', "<p>Trang “https://x.vn/it's”&nbsp;đó</p>"),
    ("<p>Trang 'https://x.vn/a' đó</p>", "<p>Trang ‘https://x.vn/a’&nbsp;đó</p>"),
    # code and preformatted text are left alone
    (
        '<p>Gõ <code>"a" -- b...</code> rồi chạy</p><pre>x -- "y"</pre>',
        '<p>Gõ <code>"a" -- b...</code> rồi&nbsp;chạy</p><pre>x -- "y"</pre>',
    ),
    ('<pre><code>a "b" c</code></pre>', '<pre><code>a "b" c</code></pre>'),
    # the last word of each block is kept with the one before
    (
        '<h2>Một tiêu đề dài</h2><ul><li>Ý <a href="/x">thứ nhất</a></li></ul><p>Một</p>',
        '<h2>Một tiêu đề&nbsp;dài</h2><ul><li>Ý <a href="/x">thứ&nbsp;nhất</a></li></ul><p>Một</p>',
    ),
    ("<p>a b <em>c d</em> </p>", "<p>a b <em>c&nbsp;d</em> </p>"),
    ("<p>đã có&nbsp;nbsp</p>", "<p>đã có&nbsp;nbsp</p>"),
    ("<p>đã có\u00a0nbsp</p>", "<p>đã có\u00a0nbsp</p>"),
    ("<td>ô bảng</td>", "<td>ô bảng</td>"),
    # acronyms are never wrapped
    ("<p>UBND, HĐND và QSDĐ đều như nhau</p>", "<p>UBND, HĐND và QSDĐ đều như&nbsp;nhau</p>"),
]

# (a title as plain text, the title typeset: still plain text)
TITLE_VECTORS = [
    ("Thành phố Hồng Ngự", "Thành phố Hồng\u00a0Ngự"),
    ('Phong trào "Dân vận khéo"', "Phong trào “Dân vận\u00a0khéo”"),
    ("GD & ĐT -- kế hoạch...", "GD & ĐT — kế\u00a0hoạch…"),
    ("GD &amp; ĐT năm 2024", "GD &amp; ĐT năm\u00a02024"),
    # a title escaped for HTML (portal.reading.title_html): its entities stay text
    (
        'Chỉ số &lt;b&gt;PAPI&lt;/b&gt; "tăng" khi 1 &lt; 2',
        "Chỉ số &lt;b&gt;PAPI&lt;/b&gt; “tăng” khi 1 &lt;\u00a02",
    ),
    ("Kinh tế &amp; Xã hội", "Kinh tế &amp; Xã\u00a0hội"),
    ('"xin chào " rồi', "“xin chào ”\u00a0rồi"),
    ("Hồng", "Hồng"),
    (
        "Liên hệ van-thu--1@hongngu.dongthap.gov.vn",
        "Liên hệ\u00a0van-thu--1@hongngu.dongthap.gov.vn",
    ),
    ("a <b> c", "a <b>\u00a0c"),
]


@pytest.mark.parametrize(("source", "expected"), HTML_VECTORS)
def test_typeset(source, expected):
    assert typeset(source) == expected


@pytest.mark.parametrize(("source", "expected"), TITLE_VECTORS)
def test_typeset_inline(source, expected):
    assert typeset_inline(source) == expected


@pytest.mark.parametrize("source", [source for source, _ in HTML_VECTORS])
def test_typeset_is_idempotent(source):
    once = typeset(source)
    assert typeset(once) == once


@pytest.mark.parametrize("source", [source for source, _ in TITLE_VECTORS])
def test_typeset_inline_is_idempotent(source):
    once = typeset_inline(source)
    assert typeset_inline(once) == once


def test_typeset_inline_never_makes_markup():
    title = 'Sở GD & ĐT: "Tuyển sinh" lớp 6 -- 2024'
    result = typeset_inline(title)
    assert "<" not in result and "&nbsp;" not in result
    assert result.endswith("\u00a02024")
