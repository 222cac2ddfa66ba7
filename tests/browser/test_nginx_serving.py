"""The repository's nginx configuration: types, compression, caching,
security headers and the Vietnamese 404 page."""

from __future__ import annotations

import re
import urllib.error
import urllib.request


def fetch(url: str, gzip: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        return urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:
        return error


def test_html_is_utf8_gzip_short_cache_and_secure(site_url):
    response = fetch(site_url + "/tin-tuc/", gzip=True)
    headers = response.headers
    assert response.status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "public, max-age=300"
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]


def test_fingerprinted_assets_cache_for_a_year(site_url, sample_site):
    home = sample_site.page("")
    css = home.select_one('link[rel="stylesheet"]')["href"]
    script = sample_site.page("thu-tuc/").select_one("script[src]")["src"]
    for path in (css, script):
        assert re.search(r"\.[0-9a-f]{10}\.(css|js)$", path)
        response = fetch(site_url + path, gzip=True)
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Content-Security-Policy" in response.headers


def test_precompressed_files_exist_for_text(sample_site):
    for suffix in ("html", "css", "js", "json", "xml"):
        files = list(sample_site.output.rglob(f"*.{suffix}"))
        assert files and all(f.with_name(f.name + ".gz").is_file() for f in files), suffix


def test_feeds_have_feed_types(site_url):
    assert (
        fetch(site_url + "/feeds/tin-tuc.atom.xml").headers["Content-Type"]
        == "application/atom+xml; charset=utf-8"
    )
    assert (
        fetch(site_url + "/feeds/tin-tuc.rss.xml").headers["Content-Type"]
        == "application/rss+xml; charset=utf-8"
    )


def test_unknown_address_gets_the_vietnamese_404(site_url):
    response = fetch(site_url + "/khong-co/trang-nay/")
    assert response.status == 404
    body = response.read().decode("utf-8")
    assert "Không tìm thấy trang" in body and 'lang="vi"' in body
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
