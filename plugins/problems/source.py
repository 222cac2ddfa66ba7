"""Reading a content file the way an editor's mistakes demand: encoding,
emptiness, binary data and the raw metadata block, before any parser runs."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import NamedTuple

from problems.report import Problem

DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d")
DATE_KEYS = {"date": "Date", "modified": "Modified"}


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM dropped, CRLF accepted), or None with the reason."""
    shown = str(path)
    data = path.read_bytes()
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
    return text.replace("\r\n", "\n"), []


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


# Keys Pelican understands in any content file.
COMMON_KEYS = frozenset(
    {"title", "slug", "status", "lang", "translation", "template", "date", "modified", "summary"}
)


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
    problems = date_problems(path, split.meta)
    if known_keys is not None:
        problems += key_problems(path, split.meta, known_keys)
        problems += stray_problems(path, text, split, known_keys)
    return problems
