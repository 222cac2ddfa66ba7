"""Files the portal offers for download: forms and spreadsheets in
content/files, a legal document's files in content/van-ban/files (the
folders of ATTACHMENT_PATHS). One table of the kinds a citizen can open, one
record of a published file with the label it is shown with ("PDF, 245 KB"),
and the checks of one file, shared by the documents' `Files:` key, the links
in every body (plugins/attachments) and the source scan."""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from problems import Problem
from problems.source import outside

# Files a citizen can open; anything else (programs, scripts, web pages,
# macro-enabled Office files) is refused, linked or not.
FILE_KINDS = {
    ".pdf": "PDF",
    ".doc": "DOC",
    ".docx": "DOCX",
    ".odt": "ODT",
    ".xls": "XLS",
    ".xlsx": "XLSX",
    ".ods": "ODS",
    ".zip": "ZIP",
}
MEBIBYTE = 1024 * 1024


@dataclass(frozen=True)
class Attachment:
    """One downloadable file."""

    name: str
    url: str  # site path ("files/mau-to-khai.docx")
    kind: str  # "PDF"
    size: int  # bytes

    @property
    def label(self) -> str:
        """ "PDF, 245 KB": what a citizen downloads before choosing to."""
        return f"{self.kind}, {size_text(self.size)}"


def size_text(size: int) -> str:
    """245 KB, 1,5 MB (Vietnamese decimal comma)."""
    if size >= MEBIBYTE:
        return f"{size / MEBIBYTE:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def kind_of(name: str) -> str:
    """The kind of a file ("PDF" for "a.pdf"; "" for a kind not published)."""
    return FILE_KINDS.get(os.path.splitext(name)[1].lower(), "")


def kinds_text() -> str:
    return ", ".join(dict.fromkeys(FILE_KINDS.values()))


def refused_kind(name: str) -> str:
    """Why a file named `name` is never published ("" when its kind is allowed)."""
    if kind_of(name):
        return ""
    return (
        f"tệp '{name}' không thuộc loại được đăng. Chỉ đăng: {kinds_text()} "
        "(không đăng tệp chạy được, trang web hay tệp Office có macro)."
    )


def file_problem(root: Path | str, folder: str, relative: str) -> str:
    """Why content/`folder`/`relative` cannot be offered for download ("" when
    it can): a refused kind, a missing file, a link leading out of the folder."""
    name = os.path.basename(relative)
    why = refused_kind(name)
    if why:
        return why
    base = os.path.join(root, folder)
    path = os.path.join(base, relative)
    if not os.path.isfile(path):
        return f"không có tệp '{relative}' trong content/{folder}. Hãy chép tệp vào đó."
    if outside(path, base):
        return f"tệp '{relative}' là liên kết trỏ ra ngoài content/{folder}; hãy chép tệp thật vào."
    return ""


def attachment_of(root: Path | str, path: str) -> Attachment:
    """The record of content/`path` (size 0 when it cannot be read)."""
    try:
        size = os.path.getsize(os.path.join(root, path))
    except OSError:
        size = 0
    name = os.path.basename(path)
    return Attachment(name, path, kind_of(name), size)


def size_problem(attachment: Attachment, settings: dict[str, Any]) -> tuple[str, str] | None:
    """(message, severity) when the file is heavy (a warning) or over the
    limit (an error); None when it is light enough."""
    warn, limit = settings["ATTACHMENT_WARN_BYTES"], settings["ATTACHMENT_MAX_BYTES"]
    heavy = f"tệp '{attachment.name}' nặng {size_text(attachment.size)}"
    if attachment.size > limit:
        return (
            f"{heavy}, vượt giới hạn {size_text(limit)} của một tệp đính kèm. "
            "Hãy nén PDF (giảm độ phân giải ảnh quét) hoặc tách thành nhiều tệp.",
            "error",
        )
    if attachment.size > warn:
        return (
            f"{heavy}, quá {size_text(warn)}: người đọc trên điện thoại khó tải. "
            "Hãy nén PDF hoặc tách phụ lục.",
            "warning",
        )
    return None


def attachment_folder(path: str, settings: dict[str, Any]) -> str:
    """The folder of ATTACHMENT_PATHS that holds content/`path` ("" if none)."""
    for folder in sorted(settings["ATTACHMENT_PATHS"], key=len, reverse=True):
        if path.startswith(folder.rstrip("/") + "/"):
            return folder
    return ""


def linked_path(href: str, source_path: str, settings: dict[str, Any]) -> str:
    """The path under content/ of a file in an attachment folder that `href`
    (as a body's HTML has it, before Pelican resolves links) points to:
    `{static}/files/a.pdf`, `{static}../files/a.pdf` (from the source's
    folder) or `/files/a.pdf`. "" for any other link."""
    href = html.unescape(href)
    if href.startswith("{static}"):
        written = unquote(urlparse(href.removeprefix("{static}")).path)
        root = os.path.abspath(settings["PATH"])
        base = root if written.startswith("/") else os.path.dirname(os.path.abspath(source_path))
        target = os.path.normpath(os.path.join(base, written.lstrip("/")))
        if not target.startswith(root + os.sep):
            return ""  # leaves content/: the link checks say so
        path = os.path.relpath(target, root).replace(os.sep, "/")
    elif href.startswith("/") and not href.startswith("//"):
        path = os.path.normpath(unquote(urlparse(href).path)).lstrip("/")
    else:
        return ""
    return path if attachment_folder(path, settings) else ""


def stored_file_problems(path: Path, content: Path, settings: dict[str, Any]) -> list[Problem]:
    """A file sitting in an attachment folder of content/ (linked or not) is
    published as it is: one of a refused kind is refused at the source scan."""
    relative = path.relative_to(content).as_posix()
    if path.is_dir() or not attachment_folder(relative, settings):
        return []
    why = refused_kind(path.name)
    if not why:
        return []
    return [Problem(str(path), 1, "", why + " Hãy xóa tệp này khỏi thư mục, hoặc lưu thành PDF.")]
