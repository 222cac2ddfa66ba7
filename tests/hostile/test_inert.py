"""The inertness checker itself catches what it must (a checker that cannot
fail would pass every hostile case)."""

from __future__ import annotations

import pytest

from tests.hostile.inert import html_dangers, jsonld_dangers

LIVE = [
    '<img src="x" onerror="alert(1)">',
    "<script>alert(1)</script>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<a href=" data:text/html,x">x</a>',
    '<iframe src="https://x.vn"></iframe>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    '<script src="https://evil.example/x.js"></script>',
]
INERT = [
    "&lt;img src=x onerror=alert(1)&gt;",
    "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>",
    '<a href="https://x.vn/javascript:1">x</a>',
    '<script type="module" src="/theme/js/search.js"></script>',
    '<script type="application/ld+json">{"url": "https://x.vn/"}</script>',
]


@pytest.mark.parametrize("html", LIVE)
def test_live_markup_is_found(html):
    assert html_dangers(html, "x", ("/theme/",))


@pytest.mark.parametrize("html", INERT)
def test_inert_markup_passes(html):
    assert html_dangers(html, "x", ("/theme/",)) == []


def test_jsonld_that_ends_its_script_or_links_to_script_is_found():
    assert jsonld_dangers('{"name": "</script><script>alert(1)"}', "x")
    assert jsonld_dangers('{"serviceUrl": "javascript:alert(1)"}', "x")
    assert jsonld_dangers('{"serviceUrl": "https://dichvucong.gov.vn/"}', "x") == []
