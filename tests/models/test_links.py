"""The one maker of links from metadata (plugins/portal/links.py): what it
accepts, what it refuses, and that the href never carries what it refused."""

from __future__ import annotations

import re

import pytest

from portal.links import link_of, shown
from site_tools.build import ROOT

ACCEPTED = [
    ("web", "https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001612", None),
    ("web", "HTTPS://dichvucong.dongthap.gov.vn/", "https://dichvucong.dongthap.gov.vn/"),
    ("web", "https://hồngngự.vn/thu-tuc", None),
    ("web", "mailto:motcua@hongngu.dongthap.gov.vn", None),
    ("web", "tel:0277 3563 362", "tel:02773563362"),
    ("email", "pab.b@hongngu.dongthap.gov.vn", "mailto:pab.b@hongngu.dongthap.gov.vn"),
    ("email", "mot-cua+tiep-nhan@dongthap.gov.vn", "mailto:mot-cua+tiep-nhan@dongthap.gov.vn"),
    ("phone", "0277 3563 362", "tel:02773563362"),
    ("phone", "0277.3563.362", "tel:02773563362"),
    ("phone", "(+84) 277-3563-362", "tel:+842773563362"),
    ("phone", "+84\u00a0277 3563 362", "tel:+842773563362"),
]

REFUSED = [
    ("web", "javascript:alert(1)", "giao thức 'javascript:'"),
    ("web", "JaVaScRiPt:alert(1)", "giao thức 'javascript:'"),
    ("web", "   javascript:alert(1)", "giao thức 'javascript:'"),
    ("web", "\x01javascript:alert(1)", "giao thức 'javascript:'"),
    ("web", "java\tscript:alert(1)", "giao thức 'javascript:'"),
    ("web", "jav&#x61;script:alert(1)", "giao thức 'javascript:'"),
    ("web", "jav&#97;script:alert(1)", "giao thức 'javascript:'"),
    ("web", "java%73cript:alert(1)", "giao thức 'javascript:'"),
    ("web", "data:text/html,<script>alert(1)</script>", "giao thức 'data:'"),
    ("web", "vbscript:msgbox(1)", "giao thức 'vbscript:'"),
    ("web", "file:///etc/passwd", "giao thức 'file:'"),
    ("web", "ftp://dongthap.gov.vn/", "giao thức 'ftp:'"),
    ("web", "htt&#x70;s://dongthap.gov.vn/", "ký tự mã hoá"),
    ("web", "//evil.example/x", "thiếu 'https:'"),
    ("web", "https:\\\\evil.example/", "ký tự"),
    ("web", "https://dong thap.gov.vn/", "dấu cách"),
    ("web", 'https://a.vn/" onmouseover="alert(1)', "ký tự"),
    ("web", "https://dichvucong.gov.vn@evil.example/", "'@' trước tên miền"),
    ("web", "https:/evil.example/", "tên miền"),
    ("web", "https://localhost/", "tên miền"),
    ("web", "https://a.vn:80x/", "tên miền"),
    ("web", "thu-tuc/dang-ky-khai-sinh/", "không phải địa chỉ đầy đủ"),
    ("web", "/thu-tuc/", "không phải địa chỉ đầy đủ"),
    ("web", "mailto:a@b.vn?cc=c@d.vn", "thư điện tử"),
    ("web", "tel:0277 GỌI", "số điện thoại"),
    ("email", "a@b.vn?bcc=c@d.vn", "thư điện tử"),
    ("email", "a@b.vn%0aBcc:c@d.vn", "thư điện tử"),
    ("email", "a@b.vn\nBcc: c@d.vn", "thư điện tử"),
    ("email", "a@b.vn, c@d.vn", "thư điện tử"),
    ("email", "a@b.vn&body=x", "thư điện tử"),
    ("email", '"a"@b.vn', "thư điện tử"),
    ("email", "Văn phòng <a@b.vn>", "thư điện tử"),
    ("email", "mailto:a@b.vn", "không kèm 'mailto:'"),
    ("email", "a@localhost", "thư điện tử"),
    ("phone", "0277 3563 362 máy lẻ 12", "số điện thoại"),
    ("phone", "0277 3563 362; 0277 3563 363", "số điện thoại"),
    ("phone", "0277-3563-362 - 0277-3563-363", "hơn 15 chữ số"),
    ("phone", "12+34", "số điện thoại"),
    ("phone", "0277\x0b3563", "số điện thoại"),
    ("phone", "(", "số điện thoại"),
]


@pytest.mark.parametrize(("kind", "value", "href"), ACCEPTED)
def test_accepted(kind, value, href):
    link = link_of(value, kind)
    assert (link.href, link.message) == (href or value, "")


@pytest.mark.parametrize(("kind", "value", "message"), REFUSED)
def test_refused_is_an_error_without_href(kind, value, message):
    link = link_of(value, kind)
    assert link.href == "" and link.severity == "error"
    assert message in link.message and "Hãy viết" in link.message


def test_http_is_kept_with_a_warning():
    link = link_of("http://dichvucong.dongthap.gov.vn/", "web")
    assert link.href == "http://dichvucong.dongthap.gov.vn/"
    assert link.severity == "warning" and "https://" in link.message


def test_empty_is_no_link_and_no_problem():
    assert link_of("  ", "web") == link_of("", "phone") == link_of("", "email")
    assert link_of("", "email").href == link_of("", "email").message == ""


def test_messages_show_control_characters_escaped():
    assert shown("\x01java\tscript:\x1b[31m") == "\\x01java\\x09script:\\x1b[31m"
    assert "\x01" not in link_of("\x01javascript:alert(1)", "web").message


def test_only_the_links_module_makes_a_link():
    """Facts take a `Link`, and only portal/links.py makes one from a value."""
    makers = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "plugins").rglob("*.py")
        if path.name != "links.py"
        and "portal.links import" in (text := path.read_text("utf-8"))
        and re.search(r"\bLink\(", text)
    ]
    assert makers == []
