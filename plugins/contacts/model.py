"""The contact unit (content/lien-he/): an agency, one-stop desk or ward,
with its validation rules. Knows nothing of procedures."""

from __future__ import annotations

from pelican.contents import Page

from portal.facts import Fact, HasFacts, set_text_fields, text_of
from portal.links import link_of, problems_of_links
from problems import Problem, problem_at

GROUPS = {
    "mot-cua": "Bộ phận một cửa",
    "co-quan": "Cơ quan thành phố",
    "xa-phuong": "Phường, xã",
}
GROUPS_EN = {
    "mot-cua": "One-stop reception desks",
    "co-quan": "City agencies",
    "xa-phuong": "Wards and communes",
}
REQUIRED = {
    "title": ("Title", "tên đơn vị, ví dụ 'Title: Phòng Tư pháp'"),
    "slug": ("Slug", "địa chỉ ngắn không dấu, ví dụ 'Slug: phong-tu-phap'"),
    "group": ("Group", "một trong: co-quan, mot-cua, xa-phuong"),
    "address": ("Address", "địa chỉ trụ sở, ví dụ 'Address: Số 1 Nguyễn Tất Thành, …'"),
    "phone": ("Phone", "số điện thoại, ví dụ 'Phone: 0277 3563 362'"),
    "hours": ("Hours", "giờ làm việc, ví dụ 'Hours: Thứ Hai đến Thứ Sáu, 7:00–11:00, 13:00–17:00'"),
}


# Every key a contact unit may have (besides those common to all content).
CONTACT_KEYS = frozenset(REQUIRED) | {"email", "fax", "head", "head-title", "order"}


TEXT_KEYS = ("group", "address", "phone", "email", "fax", "hours", "head", "head-title")
LABELS = {
    "vi": {
        "address": "Địa chỉ",
        "phone": "Điện thoại",
        "email": "Thư điện tử",
        "fax": "Fax",
        "hours": "Giờ làm việc",
        "head": "Người liên hệ",
    },
    "en": {
        "address": "Address",
        "phone": "Phone",
        "email": "Email",
        "fax": "Fax",
        "hours": "Opening hours",
        "head": "Contact official",
    },
}


class Contact(HasFacts, Page):
    """One unit of the contact directory."""

    default_template = "contact"
    group: str
    address: str
    phone: str
    email: str
    fax: str
    hours: str
    head: str
    head_title: str

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Typed fields, parsed once (Pelican copies metadata onto attributes
        # as raw strings).
        meta = self.metadata
        set_text_fields(self, meta, TEXT_KEYS)
        order = text_of(meta, "order")
        self.order = int(order) if order.isdigit() else 10_000
        labels = LABELS["en" if self.lang == "en" else "vi"]
        head = ", ".join(part for part in (self.head, self.head_title) if part)
        # Fax is checked as a number but not linked: nobody calls a fax.
        self.links = {
            "Phone": link_of(self.phone, "phone"),
            "Email": link_of(self.email, "email"),
            "Fax": link_of(self.fax, "phone"),
        }
        facts = [
            Fact("address", labels["address"], self.address),
            Fact("phone", labels["phone"], self.phone, self.links["Phone"]),
            Fact("email", labels["email"], self.email, self.links["Email"]),
            Fact("fax", labels["fax"], self.fax),
            Fact("hours", labels["hours"], self.hours),
            Fact("head", labels["head"], head),
        ]
        self.facts = tuple(fact for fact in facts if fact.text)

    @property
    def group_name(self) -> str:
        names = GROUPS_EN if self.lang == "en" else GROUPS
        return names.get(self.group, self.group)


def validate_contact(contact: Contact) -> list[Problem]:
    metadata = contact.metadata
    problems = [
        problem_at(contact, name, f"thiếu thông tin bắt buộc. Hãy thêm {hint}.")
        for key, (name, hint) in REQUIRED.items()
        if not text_of(metadata, key)
    ]
    group = text_of(metadata, "group")
    if group and group not in GROUPS:
        problems.append(
            problem_at(
                contact,
                "Group",
                f"nhóm '{group}' không hợp lệ. Hãy dùng một trong: {', '.join(GROUPS)}.",
            )
        )
    problems += problems_of_links(contact)
    order = text_of(metadata, "order")
    if order and not order.isdigit():
        problems.append(
            problem_at(
                contact,
                "Order",
                f"'{order}' không phải số. Hãy viết một số nguyên, ví dụ 'Order: 3'.",
            )
        )
    return problems
