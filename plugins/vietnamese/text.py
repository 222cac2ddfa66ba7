"""Vietnamese text handling for the whole portal: normalisation, folding, slugs,
collation and dates.

This is the ground floor: no Pelican imports, so every plugin, task and test
can use it, and the search JavaScript mirrors `fold`.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata

from babel.dates import format_date as _babel_format_date
from unidecode import unidecode

# Combining marks that make a distinct letter (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
# Tones in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONE_ORDER = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# The Vietnamese alphabet, with f j w z placed where Latin puts them for loans.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Primary ranks come in bands, as in ICU's (CLDR) collation: white space,
# then punctuation and symbols, then digits, then letters. So "Ê-đê" sorts
# before "Êa Súp" and "(Dự thảo) …" before any title that starts with a word.
_PUNCTUATION_BAND = 1
_DIGIT_BAND = 2_000_000  # above every punctuation rank (code points < 0x110000)
_LETTER_BAND = 3_000_000
_OTHER_LETTER_BAND = _LETTER_BAND + 100  # letters outside the alphabet, by code point
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET, start=_LETTER_BAND)}
# Punctuation and symbols in CLDR root order; any other by code point after them.
_PUNCTUATION = "_-‐‑‒–—―,;:!¡?¿.…·'‘’‚\"“”„«»()[]{}§¶@*/\\&#%‰†‡•`´˜^¯¨°©®+±÷×<=>¬|¦~¤¢$£¥€"
_PUNCTUATION_RANK = {mark: rank for rank, mark in enumerate(_PUNCTUATION, start=_PUNCTUATION_BAND)}

# Applied to the ASCII-folded, lower-cased text in order. A slash separates
# parts of a document number (123/QĐ-UBND) and & joins acronyms (GD&ĐT), so
# both become a hyphen instead of disappearing as with Pelican's defaults.
# Longest slug: a folder name well under every filesystem's 255-byte limit,
# even for the long official names of procedures (over 120 characters).
SLUG_MAX = 150
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_SUBSTITUTIONS: list[tuple[str, str]] = [
    (r"[/\\&+]", "-"),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s_]+", "-"),
]


# One piece of HTML that is not text: a comment, a tag whose quoted
# attribute values may hold ">", or (for a tag with a stray quote) any run up
# to the first ">"; outside quotes a tag holds no "<". A "<" that starts no
# tag ("a <3") is text. `split` gives text and these in turn.
HTML_TOKEN = re.compile(
    r"""(<!--.*?-->"""
    r"""|<[a-zA-Z/!?](?:[^<>"'=]++|=\s*+"[^"]*+"|=\s*+'[^']*+'|=)*+>"""
    r"""|<[a-zA-Z/!?][^<>]*+>)""",
    re.S,
)

YES_WORDS = frozenset({"yes", "có", "co", "true", "1"})
NO_WORDS = frozenset({"no", "không", "khong", "false", "0", ""})


def is_yes(value: object) -> bool:
    """A yes/no metadata value as editors write it ("yes", "có", "co"…)."""
    return str(value or "").strip().lower() in YES_WORDS


def nfc(text: str) -> str:
    """Return `text` in NFC: sources pasted from some editors arrive as NFD."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Remove every diacritic, including the stroke of đ/Đ, keeping case.

    Unicode decomposition alone leaves `đ` intact, which is why generic
    accent folding fails Vietnamese; it is mapped explicitly.
    """
    # Ð (U+00D0, eth) looks identical to Đ and turns up in pasted text.
    text = text.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D")
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not _is_mark(ch))
    return unicodedata.normalize("NFC", stripped)


def _is_mark(ch: str) -> bool:
    # Unicode category M, exactly what the search JavaScript strips with \p{M}.
    return unicodedata.category(ch).startswith("M")


def plain_text(markup: str) -> str:
    """Text of an HTML fragment (a typeset title, a Summary, a template
    block): tags dropped, entities decoded, white space (including no-break
    spaces) collapsed. The one way any field becomes text for an attribute,
    <title>, a feed, JSON-LD or the search index; whoever writes the text
    out escapes it once, for its own format."""
    return " ".join(html.unescape(HTML_TOKEN.sub("", markup)).split())


@functools.lru_cache(maxsize=65536)  # tags and authors repeat on every article
def slugify(text: str) -> str:
    """ASCII URL slug: "Đăng ký khai sinh" → "dang-ky-khai-sinh"."""
    # Titles arrive as HTML: the words they show (&amp; is "&").
    text = unicodedata.normalize("NFKC", plain_text(text))
    # unidecode only for what folding leaves outside ASCII (other scripts).
    text = unidecode(fold(text)).lower()
    for pattern, replacement in SLUG_SUBSTITUTIONS:
        text = re.sub(pattern, replacement, text)
    text = text.strip("-")
    if len(text) > SLUG_MAX:  # cut at a word, so the address stays readable
        head = text[: SLUG_MAX + 1]
        text = head.rsplit("-", 1)[0] if "-" in head else text[:SLUG_MAX]
    return text


def is_slug(value: str) -> bool:
    """Is `value` a slug as the portal writes them (and every filesystem and
    URL accepts): lower-case ASCII letters and digits joined by single
    hyphens, at most SLUG_MAX characters?"""
    return len(value) <= SLUG_MAX and SLUG_PATTERN.fullmatch(value) is not None


def _letter_parts(ch: str) -> tuple[int, int]:
    """(primary rank, tone) of one character for collation."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    tone = 0
    for mark in decomposed[1:]:
        if mark in _LETTER_MARKS:
            base += mark
        else:
            tone = _TONE_ORDER.get(mark, tone)
    letter = unicodedata.normalize("NFC", base)
    if letter in _LETTER_RANK:
        return _LETTER_RANK[letter], tone
    if letter.isspace():
        return 0, 0
    if letter.isdigit():
        return _DIGIT_BAND + unicodedata.digit(letter, 0), 0
    if letter.isalpha():
        return _OTHER_LETTER_BAND + ord(letter), tone
    if ch in _PUNCTUATION_RANK:
        return _PUNCTUATION_RANK[ch], 0
    return _PUNCTUATION_BAND + len(_PUNCTUATION) + ord(ch), 0


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...]]:
    """Key for Vietnamese alphabetical order.

    Letters first (a ă â b … d đ … ư … y), then tones in dictionary order,
    then case, as a Vietnamese dictionary sorts. Python's default order puts
    "Đ" after "Z" and "Ấp" after "Ủy". As in ICU's `vi` collation, white
    space sorts before punctuation and symbols, which sort before digits,
    which sort before letters: "An Bình" < "An-Bình" < "Anh", and
    "(Dự thảo) …" < "2024 …" < "An …".
    """
    text = nfc(text).strip()
    parts = [_letter_parts(ch) for ch in text]
    return (
        tuple(rank for rank, _ in parts),
        tuple(tone for _, tone in parts),
        tuple(ch.isupper() for ch in text),
    )


def sort_vi(items, key=None) -> list:
    """Sort `items` in Vietnamese order; `key` extracts the text to compare."""
    return sorted(items, key=lambda item: sort_key(key(item) if key else item))


@functools.lru_cache(maxsize=16384)  # listing pages repeat the same dates
def format_date(value: dt.date | dt.datetime | str, style: str = "full") -> str:
    """Vietnamese date without any system locale (Babel's CLDR data).

    Styles: "full" → "Thứ Năm, 26/11/2026"; "short" → "26/11/2026";
    "long" → "26 tháng 11 năm 2026"; "datetime" → "Thứ Năm, 26/11/2026, 08:30".
    A string is read as an ISO date ("2025-06-30").
    """
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    patterns = {
        "full": "EEEE, dd/MM/yyyy",
        "short": "dd/MM/yyyy",
        "long": "dd 'tháng' MM 'năm' yyyy",
    }
    if style == "datetime":
        text = _babel_format_date(value, patterns["full"], locale="vi")
        return f"{text}, {value:%H:%M}"
    if style not in patterns:
        raise ValueError(f"unknown date style {style!r}")
    return _babel_format_date(value, patterns[style], locale="vi")


# --- Document numbers (số, ký hiệu văn bản) ------------------------------------
# "1126/QĐ-UBND", "123/2015/NĐ-CP", "60/2014/QH13", "16/CT-TTg": a number, an
# optional year, then the type and issuer's initials joined by hyphens; a
# draft's number may start with letters ("DT-01/2025/UBND").
_NUMBER_BODY = r"(?:[A-ZĐ]{1,4}-)?[0-9]{1,5}(?:/[0-9]{4})?/[A-ZĐ][A-Za-zĐđ&]*[0-9]*(?:-[A-ZĐ][A-Za-zĐđ&]*[0-9]*)*"
DOCUMENT_NUMBER = re.compile(_NUMBER_BODY)
# The same, found inside running text (not part of a longer word or number).
CITED_NUMBER = re.compile(rf"(?<![\w/&-]){_NUMBER_BODY}(?![\w/&])")


def number_key(number: str) -> str:
    """What makes two spellings of one document number the same:
    "1126/QĐ-UBND", "1126/QD-UBND" and "1126/qđ-ubnd" share a key."""
    return "".join(fold(nfc(number)).upper().split())


# --- Search ------------------------------------------------------------------
# The procedure search folds words the same way in Python (index) and in
# JavaScript (theme/js/search.js); tests/vietnamese/search_vectors.json holds
# the cases both must agree on.

# Words of a question that say nothing about which procedure is meant. They
# never block a match and weigh next to nothing in the ranking.
SEARCH_STOPWORDS = frozenset(
    """thủ tục muốn thì ở đâu làm sao như thế nào cần những gì bao nhiêu tiền
    phải có không được tôi mình em cho của và là để khi giúp hỏi cách ạ nhé vậy
    về ai lâu mấy ngày cái các một hay hoặc với ra vào thế nào đi xin rồi đã sẽ
    bị nào nơi chỗ đâu""".split()
)
_SYLLABLE_Y = re.compile(r"^(qu|[bcdghklmnprstvx]+)y$")
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[.,](?=\d)")
_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=1 << 17)  # a site's words repeat a great deal
def search_fold(word: str) -> str:
    """Fold one lower-case word for matching: no marks, đ → d, and the i/y
    spelling variants made equal (kí = ký, quí = quý, but thúy ≠ thúi)."""
    return _SYLLABLE_Y.sub(r"\1i", fold(word))


def diacritic_key(word: str) -> str:
    """The folded word plus its marks, in a fixed order: equal for "hoà" and
    "hòa" (tone placement), different for "đường" and "dương"."""
    marks = sorted(ch for ch in unicodedata.normalize("NFD", word) if _is_mark(ch))
    strokes = "đ" * word.count("đ")
    return f"{search_fold(word)}:{strokes}{''.join(marks)}"


def search_words(text: str) -> list[str]:
    """Lower-case NFC words of `text`; digits joined across . and , so that a
    procedure code "1.001193" is one word, as "1001193" is."""
    text = _DIGIT_SEPARATOR.sub("", nfc(text).lower())
    return _WORD.findall(text)


def search_tokens(text: str) -> list[str]:
    """Folded words of `text`, as the index stores them."""
    return [search_fold(word) for word in search_words(text)]
