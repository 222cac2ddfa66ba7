"""Reading a content file the way an editor's mistakes demand: encoding,
emptiness, binary data and the raw metadata block, before any parser runs."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

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


def metadata_block(text: str) -> dict[str, tuple[str, int]]:
    """`Key: value` lines before the first blank line: lower-case key →
    (value, line number)."""
    return split_source(text)[0]


def split_source(text: str) -> tuple[dict[str, tuple[str, int]], str, int]:
    """The metadata block (lower-case key → (value, line number)), the body
    after it, and the number of the body's first line. The block is every
    line before the first blank one; the first key wins when one repeats."""
    found: dict[str, tuple[str, int]] = {}
    lines = text.split("\n")
    end = len(lines)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            end = number
            break
        key, colon, value = line.partition(":")
        if colon and key.strip() and " " not in key.strip():
            found.setdefault(key.strip().lower(), (value.strip(), number))
    return found, "\n".join(lines[end:]), end + 1


def parse_date(value: str) -> dt.datetime | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
    return None


def date_problems(path: Path, metadata: dict[str, tuple[str, int]]) -> list[Problem]:
    problems = []
    for key, name in DATE_KEYS.items():
        if key in metadata and parse_date(metadata[key][0]) is None:
            value, line = metadata[key]
            problems.append(
                Problem(
                    str(path),
                    line,
                    name,
                    f"ngày '{value}' không đúng. Hãy viết năm-tháng-ngày giờ:phút, ví dụ "
                    f"'{name}: 2024-05-10 08:30' (giờ Việt Nam).",
                )
            )
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
    metadata = metadata_block(text)
    problems = date_problems(path, metadata)
    if known_keys is not None:
        problems += key_problems(path, metadata, known_keys)
    return problems
