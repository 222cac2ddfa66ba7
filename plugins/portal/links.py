"""The one place a metadata value becomes a link (Service-url, Email, Phone,
Fax, and any future link key): `https:` as written, `http:` with a warning,
`mailto:` for one plain address, `tel:` made of a phone number's digits.
Anything else is refused with a Vietnamese message. Models keep the `Link`
of each key (`HasFacts.links`) and build facts and buttons from its `href`;
their validators report its message at the key's line (`problems_of_links`), so
`check` and `build` agree and no other code makes an href from metadata."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from problems import Problem, problem_at
from safe_content.policy import url_scheme

Kind = Literal["web", "email", "phone"]

# One plain address: no quotes, spaces, `<>`, `?`, `&`, `,` or `%`, so nothing
# can add a header (cc=, bcc=, body=) or an attribute to the mailto: link.
ADDRESS = re.compile(
    r"[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
)
# A phone number as written: digits, one leading "+", spaces (also no-break),
# dots, dashes and parentheses ("(+84) 277.3563.362").
PHONE = re.compile(r"[ \u00a0(]*\+?[0-9 \u00a0.()\-]*")
MAX_DIGITS = 15  # E.164: more is two numbers in one value
HOST_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?")
# Characters a URL never needs that let a value hide its scheme or leave its
# attribute: quotes, angle brackets, backtick, backslash.
UNSAFE_CHARACTERS = set("\\\"'<>`")

ACCEPTED = {
    "web": "địa chỉ đầy đủ bắt đầu bằng https:// (hoặc mailto:, tel:)",
    "email": "đúng một địa chỉ thư, không kèm 'mailto:', dấu cách hay ký tự , ? & % < > \"",
    "phone": "một số điện thoại: chữ số, dấu + ở đầu, dấu cách, dấu chấm, gạch ngang, ngoặc",
}
EXAMPLES = {
    "web": "'https://dichvucong.gov.vn/…'",
    "email": "'motcua@hongngu.dongthap.gov.vn'",
    "phone": "'0277 3563 362'",
}


@dataclass(frozen=True)
class Link:
    """A metadata value as a link: `href` is safe for an HTML attribute and a
    JSON-LD URL ("" when refused or empty); `message` says what is wrong
    and what to write instead, with its `severity`."""

    href: str = ""
    message: str = ""
    severity: str = ""


NO_LINK = Link()


def shown(value: str) -> str:
    """`value` as a message quotes it: control and format characters as
    \\x escapes, so they are visible and cannot drive a terminal."""
    return "".join(
        f"\\x{ord(ch):02x}" if unicodedata.category(ch)[0] == "C" else ch for ch in value
    )


def link_of(value: str, kind: Kind) -> Link:
    """The link of a metadata value: "web" (a URL: https:, http:, mailto:,
    tel:), "email" (an address) or "phone" (a number). Empty → no link."""
    value = value.strip()
    if not value:
        return NO_LINK
    if kind == "email":
        return _mailto(value)
    if kind == "phone":
        return _tel(value)
    return _web(value)


def _refused(value: str, kind: Kind, why: str) -> Link:
    return Link(
        "",
        f"'{shown(value)}' {why}. Hãy viết {ACCEPTED[kind]}, ví dụ {EXAMPLES[kind]}.",
        "error",
    )


def _mailto(address: str) -> Link:
    if not ADDRESS.fullmatch(address):
        return _refused(address, "email", "không phải một địa chỉ thư điện tử hợp lệ")
    return Link(f"mailto:{address}")


def _tel(phone: str) -> Link:
    digits = "".join(ch for ch in phone if "0" <= ch <= "9")
    if not PHONE.fullmatch(phone) or not digits:
        return _refused(phone, "phone", "không phải số điện thoại")
    if len(digits) > MAX_DIGITS:
        return _refused(phone, "phone", f"có hơn {MAX_DIGITS} chữ số: mỗi mục chỉ ghi một số")
    return Link(f"tel:{'+' if '+' in phone else ''}{digits}")


def _web(url: str) -> Link:
    # The scheme as a browser could read it once entities, percent escapes,
    # leading controls and line breaks are undone: a disguise is refused too.
    name = url_scheme(unquote(html.unescape(url)))
    written, _, rest = url.partition(":")
    if name not in ("http", "https", "mailto", "tel"):
        return _refused(url, "web", _why_not_web(url, name))
    if written.lower() != name:
        return _refused(url, "web", f"viết giao thức '{name}:' bằng ký tự mã hoá hoặc ký tự ẩn")
    if name == "mailto":
        return _mailto(rest)
    if name == "tel":
        return _tel(rest)
    if any(unicodedata.category(ch)[0] in "CZ" or ch in UNSAFE_CHARACTERS for ch in url):
        return _refused(
            url, "web", "có dấu cách, ký tự điều khiển hoặc một trong các ký tự \\ \" ' < > `"
        )
    try:
        parts = urlsplit(f"{name}:{rest}")
        host = parts.hostname or ""
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
        labels = host.encode("idna").decode("ascii").split(".")
    except (ValueError, UnicodeError):
        return _refused(url, "web", "có tên miền không hợp lệ")
    if parts.username is not None:  # "https://dichvucong.gov.vn@evil.example/"
        return _refused(url, "web", "có '@' trước tên miền, dễ dẫn người đọc sang trang khác")
    if not rest.startswith("//") or len(labels) < 2:
        return _refused(url, "web", "không có tên miền đầy đủ sau 'https://'")
    if not all(HOST_LABEL.fullmatch(label) for label in labels):
        return _refused(url, "web", "có tên miền không hợp lệ")
    href = f"{name}:{rest}"
    if name == "http":
        return Link(
            href,
            f"'{href}' dùng http:// không an toàn. Hãy dùng https:// nếu trang đó hỗ trợ.",
            "warning",
        )
    return Link(href)


def _why_not_web(url: str, scheme: str) -> str:
    if scheme:
        return f"dùng giao thức '{scheme}:', không được phép"
    if url.startswith("//"):
        return "thiếu 'https:' ở đầu"
    return "không phải địa chỉ đầy đủ"


def problems_of_links(item: Any) -> list[Problem]:
    """The problems of an item's links (`item.links`: key → Link), each at
    its key's line."""
    return [
        problem_at(item, key, link.message, link.severity)
        for key, link in item.links.items()
        if link.message
    ]


def add_filters(generator: Any) -> None:
    """`tel` and `mailto` for templates (the site's own phone and address in
    the footer), made by the same rules as content links; a value they
    refuse gives an empty href, never the value."""
    generator.env.filters.update(
        tel=lambda phone: link_of(str(phone), "phone").href,
        mailto=lambda address: link_of(str(address), "email").href,
    )
