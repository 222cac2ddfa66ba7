"""Validation rules of a news article (content/tin-tuc/), as `Problem`s."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from problems import Problem, problem_at
from problems.source import outside
from vietnamese.text import NO_WORDS, YES_WORDS, is_yes

# Every key an article may have (besides the ones common to all content).
ARTICLE_KEYS = frozenset({"category", "tags", "authors", "author", "image", "image-alt", "pinned"})


@dataclass(frozen=True)
class LeadImage:
    """An article's lead image: its path under content/ and its alt text."""

    path: str
    alt: str


def lead_image_of(metadata: dict[str, Any]) -> LeadImage | None:
    image = str(metadata.get("image", "")).strip()
    if not image:
        return None
    return LeadImage(image_path(image), str(metadata.get("image-alt", "")).strip())


def image_path(value: str) -> str:
    """Editor's `Image:` value → path under content/ (`images/...`)."""
    value = value.strip().lstrip("/")
    return value if value.startswith("images/") else f"images/{value}"


def validate_article(article: Any) -> list[Problem]:
    """Every problem with one article's metadata (empty list when valid)."""
    problems: list[Problem] = []
    metadata, settings = article.metadata, article.settings

    def problem(key: str, message: str, severity: str = "error") -> None:
        problems.append(problem_at(article, key, message, severity))

    if not str(metadata.get("title", "")).strip():
        problem("Title", "thiếu tiêu đề. Hãy thêm dòng 'Title: …' ở đầu tệp.")
    if "date" not in metadata:
        problem("Date", "thiếu ngày đăng. Hãy thêm dòng 'Date: 2024-05-10 08:30' (giờ Việt Nam).")

    categories = settings["NEWS_CATEGORIES"]
    category = metadata.get("category")
    name = getattr(category, "name", "") if category else ""
    valid = ", ".join(f"'{c}'" for c in categories)
    if not name:
        problem(
            "Category", f"thiếu chuyên mục. Hãy thêm dòng 'Category: …' với một trong: {valid}."
        )
    elif name not in categories:
        problem(
            "Category",
            f"chuyên mục '{name}' không có trong danh sách. Hãy dùng một trong: {valid}.",
        )

    pinned = str(metadata.get("pinned", "")).strip().lower()
    if pinned not in YES_WORDS | NO_WORDS:
        problem(
            "Pinned",
            f"giá trị '{pinned}' không hợp lệ. Hãy viết 'yes' để ghim bài, hoặc bỏ dòng này.",
        )

    image = article.lead_image  # made once from Image/Image-alt (news.prepare_article)
    if image:
        written = str(metadata["image"]).strip()
        content_root = Path(settings["PATH"])
        target = content_root / image.path
        if outside(target, content_root / "images"):
            problem(
                "Image",
                f"ảnh '{written}' nằm ngoài thư mục content/images. "
                "Hãy chép ảnh vào content/images rồi viết tên tệp, ví dụ 'Image: hoi-nghi.jpg'.",
            )
        elif not target.is_file():
            problem(
                "Image",
                f"không tìm thấy ảnh '{written}' trong thư mục content/images. "
                "Hãy kiểm tra tên tệp (phân biệt chữ hoa, chữ thường).",
            )
        if not image.alt:
            problem(
                "Image-alt",
                "bài có ảnh đại diện nhưng thiếu mô tả ảnh. Hãy thêm dòng "
                "'Image-alt: …' mô tả nội dung ảnh cho người khiếm thị.",
            )
    return problems


def is_pinned(metadata: dict[str, Any]) -> bool:
    return is_yes(metadata.get("pinned"))
