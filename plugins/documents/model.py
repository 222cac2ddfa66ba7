"""The legal document (content/van-ban/): a decision, plan, notice or draft
the city publishes, with its attachments, and its validation rules. Knows
nothing of the content that cites it (documents/citations.py links both)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from pelican.contents import Page

from portal.facts import Fact, HasFacts, set_text_fields, text_of
from portal.files import Attachment, attachment_of, file_problem, kind_of, size_problem
from portal.links import link_of, problems_of_links
from portal.reader import SLUG_FROM_TITLE
from problems import Problem, problem_at
from vietnamese.text import DOCUMENT_NUMBER, format_date, number_key, slugify

REQUIRED = {
    "title": (
        "Title",
        "trích yếu, ví dụ 'Title: Về việc ban hành Kế hoạch cải cách hành chính năm 2024'",
    ),
    "number": ("Number", "số, ký hiệu, ví dụ 'Number: 1126/QĐ-UBND'"),
    "type": ("Type", "loại văn bản, ví dụ 'Type: Quyết định'"),
    "issuer": ("Issuer", "cơ quan ban hành, ví dụ 'Issuer: Ủy ban nhân dân thành phố Hồng Ngự'"),
    "issued": ("Issued", "ngày ban hành, ví dụ 'Issued: 2023-08-15'"),
    "validity": ("Validity", "tình trạng hiệu lực, ví dụ 'Validity: còn hiệu lực'"),
    "field": ("Field", "lĩnh vực, ví dụ 'Field: Cải cách hành chính'"),
}
# Every key a document may have (besides those common to all content).
DOCUMENT_KEYS = frozenset(REQUIRED) | {
    "signer",
    "signer-title",
    "effective",
    "expires",
    "replaced-by",
    "files",
    "comment-until",
    "comment-email",
}
TEXT_KEYS = ("number", "type", "issuer", "signer", "signer-title", "validity", "field")


def split_names(value: Any) -> list[str]:
    return [name.strip() for name in str(value or "").split(",") if name.strip()]


class Document(HasFacts, Page):
    """One document of the library."""

    default_template = "document"
    number: str
    type: str
    issuer: str
    signer: str
    signer_title: str
    validity: str
    field: str

    def __init__(self, content, metadata=None, settings=None, *args, **kwargs) -> None:
        metadata = dict(metadata or {})
        if metadata.get(SLUG_FROM_TITLE) and metadata.get("number"):
            # Stable when the summary is edited: the address comes from the
            # type and number ("quyet-dinh-1126-qd-ubnd").
            metadata["slug"] = slugify(f"{metadata.get('type', '')} {metadata['number']}")
        super().__init__(content, metadata, settings, *args, **kwargs)
        meta = self.metadata
        set_text_fields(self, meta, TEXT_KEYS)
        self.key = number_key(self.number)
        self.issued = meta.get("issued")
        self.effective = meta.get("effective")
        self.expires = meta.get("expires")
        self.comment_until = meta.get("comment-until")
        # When it was posted on the portal; without Date, when it was issued.
        self.date = getattr(self, "date", None) or self.issued
        self.replaced_by_number = text_of(meta, "replaced-by")
        self.file_names = split_names(meta.get("files"))
        # Why each listed file cannot be published ("" when it can), judged once.
        self.file_problems = {name: self._file_problem(name) for name in self.file_names}
        self.attachments = tuple(self._attachment(name) for name in self.file_names)
        self.comment_email = text_of(meta, "comment-email")
        self.links = {"Comment-email": link_of(self.comment_email, "email")}
        self.is_draft_for_comment = self.type == self.settings["DOCUMENT_DRAFT_TYPE"]
        # Set at the link step (documents/citations.py).
        self.replaced_by = None
        self.replaces: list[Document] = []
        self.cited_by: list[Any] = []
        signer = " ".join(part for part in (self.signer_title, self.signer) if part)
        facts = [
            Fact("number", "Số, ký hiệu", self.number),
            Fact("type", "Loại văn bản", self.type),
            Fact("issuer", "Cơ quan ban hành", self.issuer),
            Fact("signer", "Người ký", signer),
            Fact("issued", "Ngày ban hành", _day(self.issued)),
            Fact("effective", "Ngày có hiệu lực", _day(self.effective)),
            Fact("expires", "Ngày hết hiệu lực", _day(self.expires)),
            Fact("validity", "Tình trạng hiệu lực", self.validity_label),
            Fact("field", "Lĩnh vực", self.field),
        ]
        if self.is_draft_for_comment:
            facts.append(Fact("comment-until", "Hạn góp ý", _day(self.comment_until)))
        self.facts = tuple(fact for fact in facts if fact.text)

    def _attachment(self, name: str) -> Attachment:
        folder = self.settings["DOCUMENT_FILES"]
        if self.file_problems[name]:
            return Attachment(name, f"{folder}/{name}", kind_of(name), 0)
        return attachment_of(self.settings["PATH"], f"{folder}/{name}")

    def _file_problem(self, name: str) -> str:
        """Why `name` cannot be published as an attachment ("" when it can)."""
        folder = self.settings["DOCUMENT_FILES"]
        if "/" in name or "\\" in name or name.startswith("."):
            return (
                f"'{name}' không phải tên tệp. Hãy chỉ viết tên tệp trong content/{folder}, "
                "ví dụ 'Files: 1126-qd-ubnd.pdf'."
            )
        return file_problem(self.settings["PATH"], folder, name)

    @property
    def validity_label(self) -> str:
        if not self.validity and self.is_draft_for_comment:
            return "Dự thảo"
        return self.validity[:1].upper() + self.validity[1:]

    @property
    def year(self) -> int:
        return self.issued.year if self.issued else 0

    @property
    def type_slug(self) -> str:
        return slugify(self.type)

    @property
    def type_url(self) -> str:
        return self.settings["DOCUMENT_TYPE_URL"].format(slug=self.type_slug)

    @property
    def year_url(self) -> str:
        return self.settings["DOCUMENT_YEAR_URL"].format(year=self.year)

    @property
    def comment_href(self) -> str:
        """mailto: with the document's number in the subject."""
        href = self.links["Comment-email"].href
        if not href:
            return ""
        return f"{href}?subject={quote(f'Góp ý dự thảo {self.number}')}"

    def days_left(self, today: dt.date) -> int:
        """Days to send comments, counting the last day (0: closed)."""
        if not self.comment_until:
            return 0
        return max(0, (self.comment_until.date() - today).days + 1)


def _day(value: Any) -> str:
    return format_date(value.date(), "short") if value else ""


def validate_document(document: Document) -> list[Problem]:
    """Problems of one document on its own (numbers across the library are
    checked at the link step)."""
    metadata, settings = document.metadata, document.settings
    # A draft has no validity yet.
    required = {
        k: v for k, v in REQUIRED.items() if k != "validity" or not document.is_draft_for_comment
    }
    problems = [
        problem_at(document, name, f"thiếu thông tin bắt buộc. Hãy thêm {hint}.")
        for key, (name, hint) in required.items()
        if not text_of(metadata, key)
    ]

    def problem(key: str, message: str, severity: str = "error") -> None:
        problems.append(problem_at(document, key, message, severity))

    if document.number and not DOCUMENT_NUMBER.fullmatch(document.number):
        problem(
            "Number",
            f"số, ký hiệu '{document.number}' sai dạng. Hãy viết như trên văn bản: "
            "số/năm (nếu có)/ký hiệu, ví dụ '1126/QĐ-UBND' hoặc '123/2015/NĐ-CP'.",
        )
    types = settings["DOCUMENT_TYPES"]
    if document.type and document.type not in types:
        problem("Type", f"loại '{document.type}' không có. Hãy dùng một trong: {', '.join(types)}.")
    validities = settings["DOCUMENT_VALIDITIES"]
    if document.validity and document.validity not in validities:
        problem(
            "Validity",
            f"tình trạng '{document.validity}' không hợp lệ. Hãy dùng một trong: "
            f"{', '.join(validities)}.",
        )
    issued, effective, expires = document.issued, document.effective, document.expires
    if issued and effective and effective < issued:
        problem("Effective", "ngày có hiệu lực sớm hơn ngày ban hành (Issued). Hãy kiểm tra lại.")
    if expires and expires < (effective or issued or expires):
        problem(
            "Expires",
            "ngày hết hiệu lực sớm hơn ngày có hiệu lực. Hãy kiểm tra lại Expires và Effective.",
        )
    if document.comment_until and not document.is_draft_for_comment:
        problem(
            "Comment-until",
            f"chỉ dự thảo lấy ý kiến mới có hạn góp ý. Hãy bỏ dòng này, hoặc đặt "
            f"'Type: {settings['DOCUMENT_DRAFT_TYPE']}'.",
        )
    if document.is_draft_for_comment:
        if not document.comment_until:
            problem("Comment-until", "dự thảo cần hạn góp ý, ví dụ 'Comment-until: 2025-06-30'.")
        if not text_of(metadata, "comment-email"):
            problem(
                "Comment-email",
                "dự thảo cần địa chỉ nhận góp ý, ví dụ "
                "'Comment-email: vanthu@hongngu.dongthap.gov.vn'.",
            )
    if not document.file_names and not document.content.strip():
        problem(
            "Files",
            "văn bản không có tệp đính kèm và không có toàn văn. Hãy thêm "
            "'Files: ten-tep.pdf' (tệp trong content/van-ban/files) hoặc chép toàn văn vào thân bài.",
        )
    for attachment in document.attachments:
        why = document.file_problems[attachment.name]
        heavy = None if why else size_problem(attachment, settings)
        if why:
            problem("Files", why)
        elif heavy is not None:
            problem("Files", *heavy)
    if document.slug in settings["DOCUMENT_RESERVED_SLUGS"]:
        problem(
            "Slug", f"địa chỉ '{document.slug}' trùng với trang danh mục. Hãy đặt 'Slug: …' khác."
        )
    problems += problems_of_links(document)
    return problems
