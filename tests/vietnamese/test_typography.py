"""The portal's typography pass."""

from vietnamese.typography import typeset


def test_quotes_dashes_ellipsis_and_ampersand():
    html = '<p>Phong trào "Dân vận khéo" -- năm 2024... GD &amp; ĐT, it\'s</p>'
    assert typeset(html) == (
        '<p>Phong trào “Dân vận khéo” — năm 2024… GD <span class="amp">&amp;</span> ĐT,&nbsp;it’s</p>'
    )


def test_quotes_across_tags_open_and_close_right():
    assert typeset("<p>\"<strong>đậm</strong>\" và 'nghiêng' x</p>") == (
        "<p>“<strong>đậm</strong>” và ‘nghiêng’&nbsp;x</p>"
    )


def test_code_and_preformatted_text_are_left_alone():
    html = '<p>Gõ <code>"a" -- b...</code> rồi chạy</p><pre>x -- "y"</pre>'
    assert typeset(html) == '<p>Gõ <code>"a" -- b...</code> rồi&nbsp;chạy</p><pre>x -- "y"</pre>'


def test_last_word_of_each_block_is_kept_with_the_one_before():
    html = '<h2>Một tiêu đề dài</h2><ul><li>Ý <a href="/x">thứ nhất</a></li></ul><p>Một</p>'
    assert typeset(html) == (
        '<h2>Một tiêu đề&nbsp;dài</h2><ul><li>Ý <a href="/x">thứ&nbsp;nhất</a></li></ul><p>Một</p>'
    )


def test_acronyms_are_never_wrapped():
    html = "<p>UBND, HĐND và QSDĐ đều như nhau</p>"
    assert "span" not in typeset(html)
