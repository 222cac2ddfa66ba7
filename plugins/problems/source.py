"""Reading a content file the way an editor's mistakes demand: encoding,
emptiness, binary data and the raw metadata block, before any parser runs."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
from pathlib import Path
from typing import NamedTuple

from problems.report import Problem
from vietnamese.text import SLUG_MAX, is_slug, slugify

DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d")
DATE_KEYS = {
    "date": "Date",
    "modified": "Modified",
    # Legal documents (plugins/documents): written as dates, read the same way.
    "issued": "Issued",
    "effective": "Effective",
    "expires": "Expires",
    "comment-until": "Comment-until",
}
# Date keys an editor may leave blank ("Expires:"), which means "none".
OPTIONAL_DATE_KEYS = frozenset({"modified", "effective", "expires", "comment-until"})


# Source formats the portal reads; anything else in a content folder is
# refused (docutils and raw HTML readers could include other files).
SOURCE_SUFFIXES = (".md", ".markdown")
# A source larger than this is refused: Markdown's time grows faster than the
# text, and feeds carrying it would exceed what feed readers accept.
MAX_SOURCE_BYTES = 1_000_000
LARGE_SOURCE_BYTES = 200_000  # a warning: split long documents
# Blockquote or list nesting deeper than this is refused (Markdown recurses
# once per level; real documents stay under 6).
MAX_NESTING = 20
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def is_ignored(name: str) -> bool:
    """Hidden files and editors' backups: never read (Pelican's IGNORE_FILES
    says the same)."""
    return name.startswith(".") or name.endswith("~")


def outside(path: Path | str, root: Path | str) -> bool:
    """Does `path`, with every link followed, leave `root`? (A link to
    itself does not: reading it fails, and the source scan names it.)"""
    real = os.path.realpath(path)
    base = _real_root(str(root))
    return real != base and not real.startswith(base + os.sep)


@functools.lru_cache(maxsize=16)  # the content folder, asked once per source
def _real_root(root: str) -> str:
    return os.path.realpath(root)


def file_problems(path: Path, content_root: Path, source_folder: bool) -> list[Problem]:
    """Problems of one file under content/ before anything reads it: a link
    leading outside content/, an unreadable file, a format the portal does not
    read (in a content folder), a size beyond the limit."""
    shown = str(path)
    if path.is_symlink() and (not path.exists() or outside(path, content_root)):
        where = "không trỏ tới tệp nào" if not path.exists() else "trỏ ra ngoài thư mục content"
        return [
            Problem(
                shown,
                1,
                "",
                f"đây là liên kết tượng trưng (symlink) {where}. Cổng chỉ đọc tệp nằm trong "
                "content/: hãy chép tệp thật vào đây thay cho liên kết.",
            )
        ]
    if not source_folder:
        return []
    if not path.name.lower().endswith(SOURCE_SUFFIXES):
        return [
            Problem(
                shown,
                1,
                "",
                f"cổng chỉ đọc bài viết dạng Markdown (.md); tệp '{path.name}' không được đọc. "
                "Hãy chép nội dung sang một tệp .md, hoặc chuyển tệp này ra khỏi thư mục.",
            )
        ]
    size = path.stat().st_size
    megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")  # Vietnamese decimal comma
    if size > MAX_SOURCE_BYTES:
        return [
            Problem(
                shown,
                1,
                "",
                f"tệp dài {megabytes} MB, vượt giới hạn 1 MB của một bài. "
                "Hãy tách thành nhiều bài, hoặc đăng văn bản dài dưới dạng tệp đính kèm.",
            )
        ]
    if size > LARGE_SOURCE_BYTES:
        return [
            Problem(
                shown,
                1,
                "",
                f"tệp dài {size // 1000} KB, gần giới hạn 1 MB của một bài. "
                "Bài dài đọc khó trên điện thoại: nên tách thành nhiều bài.",
                "warning",
            )
        ]
    return []


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM dropped, CRLF accepted), or None with the reason."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [
            Problem(
                shown,
                1,
                "",
                f"không đọc được tệp ({error.strerror or 'lỗi hệ thống'}). "
                "Hãy kiểm tra quyền đọc tệp, hoặc lưu lại tệp.",
            )
        ]
    if not data.strip():
        return None, [Problem(shown, 1, "", "tệp rỗng. Hãy viết nội dung hoặc xóa tệp này.")]
    if b"\x00" in data:
        return None, [
            Problem(
                shown,
                1,
                "",
                "không phải tệp văn bản (có thể là tệp Word, ảnh hoặc tệp nén đổi tên). "
                "Hãy lưu nội dung thành văn bản thuần .md, mã UTF-8.",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                shown,
                line,
                "",
                f"tệp không phải mã UTF-8 (byte thứ {error.start + 1}, dòng {line}). "
                "Hãy mở tệp và lưu lại với mã hóa UTF-8 (Unicode).",
            )
        ]
    text = text.replace("\r\n", "\n")
    return text, text_problems(shown, text)


def text_problems(shown: str, text: str) -> list[Problem]:
    """Control characters (pasted from other programs; feeds cannot carry
    them) and nesting too deep for Markdown, each at its line."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        control = CONTROL.search(line)
        if control:
            code = f"U+{ord(control.group()):04X}"
            problems.append(
                Problem(
                    shown,
                    number,
                    "",
                    f"dòng có ký tự điều khiển ẩn ({code}, cột {control.start() + 1}), "
                    "thường do dán từ chương trình khác. Hãy xóa ký tự đó (gõ lại đoạn này).",
                )
            )
        if nesting(line) > MAX_NESTING:
            problems.append(
                Problem(
                    shown,
                    number,
                    "",
                    f"trích dẫn hoặc danh sách lồng quá {MAX_NESTING} cấp. "
                    "Hãy viết lại cho phẳng hơn (tối đa vài cấp).",
                )
            )
        if len(problems) >= 5:  # enough to find the pasted block
            break
    return problems


def nesting(line: str) -> int:
    """How deep a line sits: its `>` markers and its indent (4 columns a level)."""
    depth = 0
    indent = 0
    for char in line:
        if char == ">":
            depth += 1
        elif char == " ":
            indent += 1
        elif char == "\t":
            indent += 4
        else:
            break
    return depth + indent // 4


class Split(NamedTuple):
    meta: dict[str, tuple[str, int]]  # lower-case key → (value, line number)
    body: str
    body_line: int  # number of the body's first line
    stray: int  # line that ended the block without a blank line before it (0: none)


# A metadata line, as Python-Markdown's meta extension reads one.
KEY_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):(.*)$")


def split_source(text: str) -> Split:
    """The metadata block and the body after it. The block is the `Key:
    value` lines at the top; it ends at a blank line, or at the first line
    that is not `Key: value` (which then starts the body, so nothing an editor
    wrote is lost). The first key wins when one repeats."""
    found: dict[str, tuple[str, int]] = {}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = KEY_LINE.match(line)
        if not line.strip() or match is None:
            stray = index + 1 if line.strip() else 0
            start = index if stray else index + 1
            return Split(found, "\n".join(lines[start:]), start + 1, stray)
        found.setdefault(match.group(1).lower(), (match.group(2).strip(), index + 1))
    return Split(found, "", len(lines) + 1, 0)


def stray_problems(path: Path, text: str, split: Split, known: frozenset[str]) -> list[Problem]:
    """A line that ends the metadata block without a blank line before it:
    a key mistyped with a space ("Processing time:") is an error, anything
    else a reminder to leave a blank line before the body."""
    if not split.stray:
        return []
    line = text.split("\n")[split.stray - 1]
    written, colon, _ = line.partition(":")
    meant = "-".join(written.split()).lower()
    if colon and meant in known | COMMON_KEYS:
        return [
            Problem(
                str(path),
                split.stray,
                written.strip(),
                f"tên khóa không được có dấu cách: hãy viết '{meant.capitalize()}:'. "
                "Từ dòng này trở đi đang bị coi là nội dung bài.",
            )
        ]
    return [
        Problem(
            str(path),
            split.stray,
            "",
            "dòng này không có dạng 'Khóa: giá trị' nên phần thông tin đầu tệp kết thúc ở đây "
            "và nội dung bắt đầu từ dòng này. Nếu đúng vậy, hãy để một dòng trống phía trên; "
            "nếu đây là một khóa, hãy viết tên khóa tiếng Anh, không dấu, không dấu cách.",
            "warning",
        )
    ]


# No content of the city's government predates 1945; an earlier year is a
# typo, and before 1906 the time zone data gives local mean time (+07:06:30),
# which would reach Atom and the sitemap.
EARLIEST_YEAR = 1945


def _written_date(value: str) -> dt.datetime | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
    return None


def parse_date(value: str) -> dt.datetime | None:
    """The date an editor wrote, or None when malformed or too early."""
    parsed = _written_date(value)
    return parsed if parsed is not None and parsed.year >= EARLIEST_YEAR else None


def date_problems(path: Path, metadata: dict[str, tuple[str, int]]) -> list[Problem]:
    problems = []
    for key, name in DATE_KEYS.items():
        if key not in metadata or parse_date(metadata[key][0]) is not None:
            continue
        if key in OPTIONAL_DATE_KEYS and not metadata[key][0].strip():
            continue
        value, line = metadata[key]
        if _written_date(value) is None:
            message = (
                f"ngày '{value}' không đúng. Hãy viết năm-tháng-ngày giờ:phút, ví dụ "
                f"'{name}: 2024-05-10 08:30' (giờ Việt Nam)."
            )
        else:
            message = (
                f"năm {value[:4]} quá sớm: nội dung của cổng không có ngày trước năm "
                f"{EARLIEST_YEAR}. Hãy kiểm tra lại năm, ví dụ '{name}: 2024-05-10 08:30'."
            )
        problems.append(Problem(str(path), line, name, message))
    return problems


# Keys every content type has.
COMMON_KEYS = frozenset(
    {"title", "slug", "status", "lang", "translation", "date", "modified", "summary"}
)
# Keys Pelican would obey to move a page or change its layout: the portal
# decides addresses and templates per content type, so they are refused.
OVERRIDE_KEYS = frozenset({"save_as", "url", "template", "path", "save-as"})
LANGUAGES = {"vi": "tiếng Việt", "en": "tiếng Anh"}


def address_problems(path: Path, metadata: dict[str, tuple[str, int]]) -> list[Problem]:
    """What makes the item's address, and those of its tags and authors: a
    written Slug must be a slug; a title, tag or author must give one; Lang
    must be a language the portal has."""
    problems = []

    def problem(key: str, line: int, message: str) -> None:
        problems.append(Problem(str(path), line, key, message))

    if "slug" in metadata:
        value, line = metadata["slug"]
        if not is_slug(value):
            hint = slugify(value)
            problem(
                "Slug",
                line,
                f"địa chỉ '{value}' không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và "
                f"dấu gạch ngang, tối đa {SLUG_MAX} ký tự"
                + (f", ví dụ 'Slug: {hint}'." if hint else "."),
            )
    elif "title" in metadata and not slugify(metadata["title"][0]):
        problem(
            "Title",
            metadata["title"][1],
            "tiêu đề không có chữ hay số nào để làm địa chỉ bài. "
            "Hãy thêm dòng 'Slug: …' (chữ thường không dấu, ví dụ 'Slug: thong-bao-nghi-le').",
        )
    for key, separator in (("tags", ","), ("authors", ","), ("author", ",")):
        if key not in metadata:
            continue
        value, line = metadata[key]
        if key != "tags" and ";" in value:
            separator = ";"
        for name in (n.strip() for n in value.split(separator)):
            if name and not slugify(name):
                problem(
                    key.capitalize(),
                    line,
                    f"'{name}' không có chữ hay số nào để làm địa chỉ trang. "
                    "Hãy viết tên bằng chữ, không dùng thẻ HTML hay ký hiệu.",
                )
    if "lang" in metadata:
        value, line = metadata["lang"]
        if value.lower() not in LANGUAGES:
            names = ", ".join(f"'{code}' ({name})" for code, name in LANGUAGES.items())
            problem("Lang", line, f"ngôn ngữ '{value}' không có trên cổng. Hãy dùng {names}.")
    return problems


def key_problems(
    path: Path, metadata: dict[str, tuple[str, int]], known: frozenset[str]
) -> list[Problem]:
    """A key no content type uses is most often a typo ("Catgory", "Pined"):
    Pelican would ignore it silently, so say so and suggest the nearest key."""
    problems = []
    allowed = known | COMMON_KEYS
    for key, (_, line) in metadata.items():
        if key in allowed:
            continue
        if key in OVERRIDE_KEYS:
            problems.append(
                Problem(
                    str(path),
                    line,
                    key.capitalize(),
                    "khóa này không được dùng: địa chỉ và mẫu trang do cổng đặt theo loại "
                    "nội dung. Hãy xóa dòng này; muốn đổi địa chỉ bài thì viết 'Slug: …'.",
                )
            )
            continue
        near = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
        hint = (
            f"Có phải ý bạn là '{near[0].capitalize()}'?" if near else "Hãy kiểm tra lại tên khóa."
        )
        problems.append(
            Problem(
                str(path),
                line,
                key.capitalize(),
                f"khóa này không được dùng nên sẽ bị bỏ qua. {hint}",
                "warning",
            )
        )
    return problems


def scan(path: Path, known_keys: frozenset[str] | None = None) -> list[Problem]:
    """Problems of one Markdown source that no parser could report well;
    `known_keys` are the keys of its content type (None: not checked)."""
    text, problems = read_text(path)
    if text is None:
        return problems
    split = split_source(text)
    problems += date_problems(path, split.meta)
    problems += address_problems(path, split.meta)
    if known_keys is not None:
        problems += key_problems(path, split.meta, known_keys)
        problems += stray_problems(path, text, split, known_keys)
    return problems
