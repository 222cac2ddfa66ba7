"""Unit tests of the one Vietnamese text module."""

import datetime as dt
import random
import unicodedata

import pytest

from vietnamese import text


def test_nfc_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Hồng Ngự")
    assert decomposed != "Hồng Ngự"
    assert text.nfc(decomposed) == "Hồng Ngự"


@pytest.mark.parametrize(
    ("source", "folded"),
    [
        ("Đăng ký khai sinh", "Dang ky khai sinh"),
        ("đường", "duong"),
        ("THỦY LỢI", "THUY LOI"),
        ("ưu đãi ăn ở", "uu dai an o"),
        (unicodedata.normalize("NFD", "Đồng Tháp"), "Dong Thap"),
    ],
)
def test_fold_removes_all_marks_including_d_stroke(source, folded):
    assert text.fold(source) == folded


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đăng ký khai sinh", "dang-ky-khai-sinh"),
        ("Hồng Ngự", "hong-ngu"),
        ("HĐND tỉnh Đồng Tháp: Kỳ họp thứ 10", "hdnd-tinh-dong-thap-ky-hop-thu-10"),
        ("Quyết định số 123/QĐ-UBND ngày 01/02/2025", "quyet-dinh-so-123-qd-ubnd-ngay-01-02-2025"),
        ("123/QĐ-UBND", "123-qd-ubnd"),
        ("Phong trào “Dân vận khéo” & GD&amp;ĐT", "phong-trao-dan-van-kheo-gd-dt"),
        ('Chủ&nbsp;đề <span class="caps">CCHC</span>', "chu-de-cchc"),
        (unicodedata.normalize("NFD", "Ủy ban nhân dân"), "uy-ban-nhan-dan"),
        ("  nhiều   khoảng  trắng -- và gạch  ", "nhieu-khoang-trang-va-gach"),
    ],
)
def test_slugify_is_ascii_and_keeps_slash_as_hyphen(title, slug):
    result = text.slugify(title)
    assert result == slug
    assert result.isascii()


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        # a typeset title (portal.reading.title_html)
        ("Kinh tế &amp; Xã hội: “Đăng ký” —\u00a0GD&amp;ĐT", "Kinh tế & Xã hội: “Đăng ký” — GD&ĐT"),
        ("Chỉ số &lt;b&gt;PAPI&lt;/b&gt;\u00a02", "Chỉ số <b>PAPI</b> 2"),
        # a Summary as Markdown renders and the typography sets it
        (
            '<p>Sở <strong>KH&amp;ĐT</strong> <span class="amp">&amp;</span> Phòng&nbsp;X.</p>\n',
            "Sở KH&ĐT & Phòng X.",
        ),
        ('<p>Điều&nbsp;“khoản” <span title="a > b">mới</span></p>', "Điều “khoản” mới"),
    ],
)
def test_plain_text_is_what_a_reader_sees(markup, shown):
    assert text.plain_text(markup) == shown


def test_sort_puts_vietnamese_letters_in_alphabet_order():
    words = [
        "Đồng Tháp",
        "Zalo",
        "ấp",
        "An",
        "dân",
        "Ủy ban",
        "ưu tiên",
        "ăn",
        "ơn",
        "ô",
        "o",
        "Bình",
    ]
    assert text.sort_vi(words) == [
        "An",
        "ăn",
        "ấp",
        "Bình",
        "dân",
        "Đồng Tháp",
        "o",
        "ô",
        "ơn",
        "Ủy ban",
        "ưu tiên",
        "Zalo",
    ]
    # Python's own order is wrong on exactly these letters.
    assert sorted(words) != text.sort_vi(words)


def test_sort_orders_tones_after_base_letters_in_dictionary_order():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert text.sort_vi(reversed(tones)) == tones
    # the letter decides before the tone: "mạ" < "mai"
    assert text.sort_vi(["mai", "mạ"]) == ["mạ", "mai"]


# Lists in Vietnamese order, as ICU's `vi` collation gives it: white space,
# then punctuation and symbols, then digits, then letters (Vietnamese order,
# then tones ngang < huyền < hỏi < ngã < sắc < nặng, then lower before upper).
SORTED_LISTS = [
    [
        "“Dân vận khéo” năm 2024",
        "(Dự thảo) Quy chế làm việc",
        "2024: một năm nhìn lại",
        "An Bình",
        "An Bình A",
        "An-Bình",
        "Anh",
        "Đắk Lắk",
        "Ê-đê",
        "Êa H'leo",
        "Êa Súp",
        "Ủy ban nhân dân",
    ],
    ["Ê đê", "Ê-đê", "Ê.đê", "Êa"],
    ["(a)", "[a]", "1a", "a", "a-b", "a/b", "ab"],
    ["ma", "mà", "mả", "mã", "má", "mạ", "mai"],
    ["an", "An", "ăn", "Ăn", "ân"],
    ["Thủ tục", "Thủ tục (mới)", "Thủ tục 2", "Thủ tục A"],
]


@pytest.mark.parametrize("ordered", SORTED_LISTS)
def test_sort_puts_space_then_punctuation_then_digits_then_letters(ordered):
    shuffled = list(ordered)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert text.sort_vi(shuffled) == ordered
    assert text.sort_vi(reversed(ordered)) == ordered


def test_sort_is_insensitive_to_normalisation_form():
    nfd = unicodedata.normalize("NFD", "Đường")
    assert text.sort_key(nfd) == text.sort_key("Đường")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 11, 23), "Thứ Hai, 23/11/2026"),
        (dt.date(2026, 11, 24), "Thứ Ba, 24/11/2026"),
        (dt.date(2026, 11, 25), "Thứ Tư, 25/11/2026"),
        (dt.date(2026, 11, 26), "Thứ Năm, 26/11/2026"),
        (dt.date(2026, 11, 27), "Thứ Sáu, 27/11/2026"),
        (dt.date(2026, 11, 28), "Thứ Bảy, 28/11/2026"),
        (dt.date(2026, 11, 29), "Chủ Nhật, 29/11/2026"),
        (dt.date(2021, 6, 15), "Thứ Ba, 15/06/2021"),
    ],
)
def test_full_date_names_every_weekday(day, expected):
    assert text.format_date(day) == expected


def test_other_date_styles():
    moment = dt.datetime(2024, 3, 5, 8, 30)
    assert text.format_date(moment, "short") == "05/03/2024"
    assert text.format_date(moment, "long") == "05 tháng 03 năm 2024"
    assert text.format_date(moment, "datetime") == "Thứ Ba, 05/03/2024, 08:30"
    assert text.format_date("2025-06-30", "short") == "30/06/2025"
    with pytest.raises(ValueError):
        text.format_date(moment, "nonsense")
