"""`invoke new`: a new content file with the right keys, ready to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from vietnamese.text import nfc, slugify

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
KINDS = ("article", "procedure", "contact")


class AlreadyExists(FileExistsError):
    """The file for that title is there already."""


def _article(title: str, now: dt.datetime) -> str:
    return f"""Title: {title}
Date: {now:%Y-%m-%d %H:%M}
Category: Tin tức - Sự kiện
Tags:
Authors:
Summary:

Viết nội dung bài ở đây. Một dòng trống ngăn cách các đoạn.

## Tiêu đề mục (nếu cần)

- Ý thứ nhất
- Ý thứ hai
"""


def _procedure(title: str, now: dt.datetime) -> str:
    return f"""Title: {title}
Code: 1.000000
Field: Hộ tịch
Level: Cấp xã
Agency: Ủy ban nhân dân phường, xã
Submit-at: bo-phan-mot-cua
Processing-time: 03 ngày làm việc
Fee: Không
Online: một phần
Postal: yes
Keywords:
Date: {now:%Y-%m-%d %H:%M}

## Trình tự thực hiện

1. **Bước 1:** …
2. **Bước 2:** …

## Thành phần hồ sơ

- Tờ khai theo mẫu (bản chính, 01 bản).

**Số lượng hồ sơ:** 01 bộ.

## Đối tượng thực hiện

Công dân Việt Nam.

## Kết quả thực hiện

…

## Căn cứ pháp lý

- …
"""


def _contact(title: str, now: dt.datetime) -> str:
    return f"""Title: {title}
Slug: {slugify(title)}
Group: co-quan
Address:
Phone:
Email:
Hours: Thứ Hai đến Thứ Sáu, sáng 7:00–11:00, chiều 13:00–17:00
Head:
Head-title:

Chức năng, nhiệm vụ của đơn vị.
"""


TEMPLATES = {"article": _article, "procedure": _procedure, "contact": _contact}


def target_path(kind: str, title: str, content: Path, now: dt.datetime) -> Path:
    slug = slugify(title)
    folder = {
        "article": Path("tin-tuc") / f"{now:%Y}",
        "procedure": Path("thu-tuc"),
        "contact": Path("lien-he"),
    }[kind]
    return content / folder / f"{slug}.md"


def create(kind: str, title: str, content: Path, now: dt.datetime | None = None) -> Path:
    """Write the new file and return its path; never overwrite one."""
    if kind not in KINDS:
        raise ValueError(f"loại '{kind}' không có; hãy dùng một trong: {', '.join(KINDS)}")
    title = nfc(title.strip())
    if not title:
        raise ValueError('cần một tiêu đề, ví dụ: invoke new article "Họp mặt đầu năm"')
    now = now or dt.datetime.now(TIMEZONE)
    path = target_path(kind, title, Path(content), now)
    if path.exists():
        raise AlreadyExists(f"{path} đã có; hãy đổi tiêu đề hoặc sửa tệp đó")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATES[kind](title, now), encoding="utf-8")
    return path
