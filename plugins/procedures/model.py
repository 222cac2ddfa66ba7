"""The procedure guide (content/thu-tuc/) and its validation rules.

Procedures may refer to contacts (Submit-at); contacts never refer back.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any
from urllib.parse import quote

from pelican.contents import Page

from portal.facts import Fact, HasFacts, set_text_fields, text_of
from portal.links import link_of, problems_of_links
from portal.publication import is_written
from portal.state import state_of
from problems import Problem, display_path, line_where, problem_at
from procedures.sections import SECTIONS, Section, section_texts, split_sections
from vietnamese.text import is_yes, slugify

CODE_PATTERN = re.compile(r"[0-9]\.[0-9]{6}")  # ASCII digits: full-width ones look alike
REQUIRED_KEYS = {
    "title": ("Title", "tên thủ tục, ví dụ 'Title: Đăng ký khai sinh'"),
    "code": ("Code", "mã thủ tục quốc gia dạng d.dddddd, ví dụ 'Code: 1.001193'"),
    "field": ("Field", "lĩnh vực, ví dụ 'Field: Hộ tịch'"),
    "level": ("Level", "cấp thực hiện, ví dụ 'Level: Cấp xã'"),
    "agency": ("Agency", "cơ quan thực hiện, ví dụ 'Agency: Ủy ban nhân dân phường, xã'"),
    "processing-time": (
        "Processing-time",
        "thời hạn giải quyết, ví dụ 'Processing-time: 03 ngày làm việc'",
    ),
    "fee": ("Fee", "phí, lệ phí, hoặc 'Fee: Không' nếu miễn phí"),
    "online": ("Online", "'Online: toàn trình', 'Online: một phần' hoặc 'Online: không'"),
    "date": ("Date", "ngày đăng dạng YYYY-MM-DD HH:MM, ví dụ 'Date: 2024-05-10 08:00'"),
}
# Every key a procedure guide may have (besides those common to all content).
PROCEDURE_KEYS = frozenset(REQUIRED_KEYS) | {"submit-at", "service-url", "postal", "keywords"}
# Levels of online service before Decree 42/2022 and what they became.
OLD_ONLINE_LEVELS = {
    "mức độ 4": "toàn trình",
    "muc do 4": "toàn trình",
    "mức 4": "toàn trình",
    "mức độ 3": "một phần",
    "muc do 3": "một phần",
    "mức 3": "một phần",
    "mức độ 2": "không",
    "mức 2": "không",
}


TEXT_KEYS = ("code", "field", "level", "agency", "processing-time", "fee")


def split_list(value: Any) -> list[str]:
    """Comma-separated metadata → list of trimmed, non-empty items."""
    return [item.strip() for item in str(value or "").split(",") if item.strip()]


class Procedure(HasFacts, Page):
    """One administrative procedure guide."""

    default_template = "procedure"
    code: str
    field: str
    level: str
    agency: str
    processing_time: str
    fee: str

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Typed fields, parsed once (Pelican copies metadata onto attributes
        # as raw strings).
        meta = self.metadata
        set_text_fields(self, meta, TEXT_KEYS)
        self.online = text_of(meta, "online").lower()
        self.postal = is_yes(meta.get("postal"))
        self.submit_at = split_list(meta.get("submit-at"))
        self.keywords = split_list(meta.get("keywords"))
        # The national record's page when the guide names no other; the
        # default is checked like a written value.
        default = self.settings["PROCEDURE_SERVICE_URL"].format(code=quote(self.code, safe=""))
        self.links = {"Service-url": link_of(text_of(meta, "service-url") or default, "web")}
        self.service_url = self.links["Service-url"].href
        self.facts = (
            Fact("code", "Mã thủ tục", self.code),
            Fact("field", "Lĩnh vực", self.field),
            Fact("level", "Cấp thực hiện", self.level),
            Fact("agency", "Cơ quan thực hiện", self.agency),
            Fact("processing-time", "Thời hạn giải quyết", self.processing_time),
            Fact("fee", "Phí, lệ phí", self.fee),
            Fact("online", "Dịch vụ công trực tuyến", self.online_label),
            Fact(
                "postal",
                "Bưu chính công ích",
                "Có: nộp hồ sơ và nhận kết quả qua bưu điện" if self.postal else "Không",
            ),
        )

    @property
    def field_slug(self) -> str:
        return slugify(self.field)

    @property
    def field_url(self) -> str:
        return self.settings["PROCEDURE_FIELD_URL"].format(slug=self.field_slug)

    @property
    def is_online(self) -> bool:
        return self.online in self.settings["PROCEDURE_ONLINE_LEVELS"] and self.online != "không"

    @property
    def online_label(self) -> str:
        return self.settings["PROCEDURE_ONLINE_LEVELS"].get(self.online, self.online)

    @property
    def last_updated(self):
        return getattr(self, "modified", None) or self.date

    @cached_property
    def sections(self) -> list[Section]:
        return split_sections(self.content)

    @cached_property
    def section_texts(self) -> dict[str, tuple[str, list[str]]]:
        """Plain text and list items of each section, by title (read once:
        validation and the search index both use it)."""
        return state_of(self.settings).derived(self.source_path, "section_texts", section_texts)


def validate_procedure(procedure: Procedure) -> list[Problem]:
    """Problems of one procedure on its own (references are checked later)."""
    metadata, settings = procedure.metadata, procedure.settings
    problems: list[Problem] = []

    def problem(key: str, message: str, severity: str = "error") -> None:
        problems.append(problem_at(procedure, key, message, severity))

    for key, (name, hint) in REQUIRED_KEYS.items():
        if not str(metadata.get(key, "")).strip():
            problem(name, f"thiếu thông tin bắt buộc. Hãy thêm {hint}.")

    code = str(metadata.get("code", "")).strip()
    if code and not CODE_PATTERN.fullmatch(code):
        problem("Code", f"mã '{code}' sai dạng. Mã thủ tục có dạng d.dddddd, ví dụ '1.001193'.")

    level = str(metadata.get("level", "")).strip()
    levels = settings["PROCEDURE_LEVELS"]
    if level and level not in levels:
        problem("Level", f"cấp '{level}' không hợp lệ. Hãy dùng một trong: {', '.join(levels)}.")

    online = str(metadata.get("online", "")).strip()
    allowed = settings["PROCEDURE_ONLINE_LEVELS"]
    if online and online.lower() not in allowed:
        hint = OLD_ONLINE_LEVELS.get(online.lower())
        advice = (
            f" Cách gọi '{online}' đã bỏ từ Nghị định 42/2022/NĐ-CP: hãy viết 'Online: {hint}'."
            if hint
            else ""
        )
        problem(
            "Online",
            f"giá trị '{online}' không hợp lệ. Hãy dùng một trong: {', '.join(allowed)}.{advice}",
        )

    reserved = settings["PROCEDURE_RESERVED_SLUGS"]
    slug = str(metadata.get("slug", "")) or slugify(str(metadata.get("title", "")))
    if slug in reserved:
        problem("Slug", f"địa chỉ '{slug}' trùng với trang danh mục. Hãy đặt 'Slug: …' khác.")

    problems.extend(problems_of_links(procedure))
    problems.extend(_section_problems(procedure, list(procedure.section_texts)))
    return problems


def _section_problems(procedure: Procedure, titles: list[str]) -> list[Problem]:
    known = [name for name, _ in SECTIONS]
    shown, body = str(procedure.source_path), procedure.body_line
    problems = []
    for name, required in SECTIONS:
        if required and name not in titles:
            problems.append(
                Problem(
                    shown,
                    body,
                    "",
                    f"thiếu mục '## {name}'. Các mục bắt buộc, theo thứ tự: "
                    + ", ".join(f"'## {n}'" for n, r in SECTIONS if r)
                    + ".",
                )
            )
    present = [t for t in titles if t in known]
    if present != sorted(present, key=known.index):
        problems.append(
            Problem(
                shown,
                body,
                "",
                "các mục '##' không đúng thứ tự. Thứ tự đúng: "
                + ", ".join(f"'{n}'" for n in known)
                + ".",
            )
        )
    for title in titles:
        if title not in known:
            problems.append(
                Problem(
                    shown,
                    line_where(
                        procedure.source_path,
                        lambda line, title=title: line.startswith("##") and title in line,
                    ),
                    "",
                    f"mục '## {title}' không thuộc mẫu thủ tục; "
                    "hãy dùng '###' nếu đây là mục con, hoặc đặt nội dung vào '## Ghi chú'.",
                    "warning",
                )
            )
    return problems


def reference_problems(
    procedures: list[Procedure], contact_slugs: set[str], unpublished: set[str]
) -> list[Problem]:
    """Problems across files: unknown Submit-at units, or `unpublished` ones
    (drafts, scheduled) named by a procedure a build writes; duplicate codes."""
    problems = []
    seen: dict[str, Procedure] = {}
    known = contact_slugs | unpublished
    for procedure in procedures:
        for slug in procedure.submit_at:
            if slug in unpublished and is_written(procedure):
                problems.append(
                    problem_at(
                        procedure,
                        "Submit-at",
                        f"đơn vị liên hệ '{slug}' chưa đăng (bản nháp hoặc hẹn giờ đăng) nên "
                        "trang thủ tục sẽ chỉ tới trang không có. Hãy đăng đơn vị đó trước, "
                        "hoặc bỏ khỏi Submit-at.",
                    )
                )
            elif slug not in known:
                problems.append(
                    problem_at(
                        procedure,
                        "Submit-at",
                        f"không có đơn vị liên hệ '{slug}' trong content/lien-he. "
                        "Hãy dùng Slug của một tệp trong content/lien-he, ví dụ 'bo-phan-mot-cua'.",
                    )
                )
        if procedure.code in seen:
            first = display_path(seen[procedure.code].source_path)
            problems.append(
                problem_at(
                    procedure,
                    "Code",
                    f"mã '{procedure.code}' đã dùng ở {first}. Mỗi thủ tục có một mã riêng.",
                )
            )
        elif procedure.code:
            seen[procedure.code] = procedure
    return problems
