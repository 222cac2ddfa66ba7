"""Helpers for tests: parsed output folders and fixture content."""

from __future__ import annotations

import textwrap
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup


class BuiltSite:
    """An output folder with its HTML pages parsed on demand."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self._soups: dict[str, BeautifulSoup] = {}

    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.output).as_posix() for p in self.output.rglob("*.html"))

    def page(self, path: str) -> BeautifulSoup:
        """Parsed page at site path `path` ('' or 'tin-tuc/x/' or '404.html')."""
        file = path if path.endswith(".html") else f"{path}index.html"
        if file not in self._soups:
            html = (self.output / file).read_text(encoding="utf-8")
            self._soups[file] = BeautifulSoup(html, "lxml")
        return self._soups[file]

    def pages(self):
        for file in self.html_files():
            yield file, self.page(file)


def resolve(output: Path, page_path: str, url: str) -> Path | None:
    """File an internal link points to, or None for external links."""
    parsed = urlparse(url)
    if parsed.scheme or url.startswith("//"):
        return None
    base = "/" + page_path
    target = (
        unquote(parsed.path)
        if parsed.path.startswith("/")
        else str(Path(base).parent / unquote(parsed.path))
    )
    target = target.lstrip("/")
    if target == "" or target.endswith("/"):
        target += "index.html"
    return output / target


LINKING = (("a", "href"), ("img", "src"), ("link", "href"), ("form", "action"))


def broken_links(site: BuiltSite) -> list[tuple[str, str]]:
    """(page, URL) of every link, image, stylesheet or form target in the
    site's pages that leads to no file of the output or no id of the page."""
    broken = []
    for path, page in site.pages():
        ids = {tag["id"] for tag in page.select("[id]")}
        for tag, attr in LINKING:
            for element in page.find_all(tag, attrs={attr: True}):
                url = element[attr]
                if url.startswith(("tel:", "mailto:")):
                    continue
                if url.startswith("#"):
                    if url[1:] not in ids:
                        broken.append((path, url))
                    continue
                target = resolve(site.output, path, url)
                if target is not None and not target.is_file():
                    broken.append((path, url))
    return broken


def write_content(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (path under content/ → text, dedented) and return content/."""
    content = root / "content"
    for name, text in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return content


def article(title: str, date: str, category: str = "Tin tức - Sự kiện", **keys: str) -> str:
    """Markdown source of a news article with the given metadata."""
    lines = [f"Title: {title}", f"Date: {date}", f"Category: {category}"]
    lines += [f"{key.replace('_', '-').capitalize()}: {value}" for key, value in keys.items()]
    return "\n".join(lines) + "\n\nNội dung bài viết " + title + ".\n"


def text_of(element) -> str:
    """Visible text with runs of white space (the typography's &nbsp; too) as one space."""
    return " ".join(element.get_text().split())


REQUIRED_SECTIONS = (
    "## Trình tự thực hiện\n\n1. **Bước 1:** Nộp hồ sơ.\n2. **Bước 2:** Nhận kết quả.\n\n"
    "## Thành phần hồ sơ\n\n- Tờ khai (bản chính).\n\n"
    "## Đối tượng thực hiện\n\nCông dân Việt Nam.\n\n"
    "## Kết quả thực hiện\n\nGiấy xác nhận.\n\n"
    "## Căn cứ pháp lý\n\n- Luật Hộ tịch số 60/2014/QH13.\n"
)


def metadata_block(defaults: dict[str, str], keys: dict[str, str | None]) -> str:
    """`Key: value` lines: the defaults, overridden by `keys` (written in
    Python style, `processing_time` for `Processing-time`; None drops a key)."""
    values = {**defaults, **{k.replace("_", "-").capitalize(): v for k, v in keys.items()}}
    return "\n".join(f"{key}: {value}" for key, value in values.items() if value is not None)


def procedure(title: str, code: str, body: str = REQUIRED_SECTIONS, **keys: str) -> str:
    """Markdown source of a procedure guide; keys override the defaults."""
    values = {
        "Title": title,
        "Code": code,
        "Field": "Hộ tịch",
        "Level": "Cấp xã",
        "Agency": "Ủy ban nhân dân phường, xã",
        "Processing-time": "Trong ngày làm việc",
        "Fee": "Không",
        "Online": "toàn trình",
        "Date": "2024-01-02 08:00",
    }
    return metadata_block(values, keys) + "\n\n" + body


def contact(title: str, slug: str, group: str = "xa-phuong", **keys: str) -> str:
    """Markdown source of a contact unit; keys override the defaults."""
    values = {
        "Title": title,
        "Slug": slug,
        "Group": group,
        "Address": "Khóm 1, phường An Thạnh",
        "Phone": "0277 3563 100",
        "Hours": "Thứ Hai đến Thứ Sáu, 7:00–17:00",
    }
    return metadata_block(values, keys) + "\n\nTiếp nhận hồ sơ của người dân.\n"


def document(
    title: str, number: str, doc_type: str = "Quyết định", body: str = "", **keys: str
) -> str:
    """Markdown source of a legal document; keys override the defaults (None drops one)."""
    values = {
        "Title": title,
        "Number": number,
        "Type": doc_type,
        "Issuer": "Ủy ban nhân dân thành phố Hồng Ngự",
        "Issued": "2024-03-01",
        "Validity": "còn hiệu lực",
        "Field": "Cải cách hành chính",
        "Files": "van-ban.pdf",
        "Date": "2024-03-02 08:00",
    }
    return metadata_block(values, keys) + "\n\n" + (body or "Ghi chú về văn bản.") + "\n"
