"""The contact directory on small fixture sites and on the sample site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_tools.build import BuildFailed
from tests.helpers import contact, procedure, text_of

CONTENT = Path(__file__).resolve().parents[2] / "content"
CANONICAL = "https://tphongngu.dongthap.gov.vn"


def test_contact_page_lists_procedures_and_links_english_both_ways(fixture_site):
    english = contact(
        "One-stop desk of Hong Ngu City",
        "bo-phan-mot-cua",
        "mot-cua",
        lang="en",
        hours="Monday to Friday",
    )
    site = fixture_site(
        {
            "lien-he/mot-cua.md": contact(
                "Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua", fax="0277 1"
            ),
            "lien-he/mot-cua.en.md": english,
            "lien-he/an-thanh.md": contact("UBND phường An Thạnh", "ubnd-phuong-an-thanh"),
            "thu-tuc/a.md": procedure("Thủ tục A", "1.000001", submit_at="bo-phan-mot-cua"),
            "thu-tuc/b.md": procedure("Thủ tục B", "1.000002", submit_at="ubnd-phuong-an-thanh"),
        }
    )
    page = site.page("lien-he/bo-phan-mot-cua/")
    assert [text_of(a) for a in page.select(".procedure-item__title")] == ["Thủ tục A"]
    facts = {text_of(d.dt): text_of(d.dd) for d in page.select(".contact-block__facts > div")}
    assert facts["Fax"] == "0277 1" and facts["Giờ làm việc"].startswith("Thứ Hai")
    assert page.select_one('a[href^="tel:"]')["href"] == "tel:02773563100"
    switch = page.select_one(".language-switch a")
    assert switch["href"] == "/en/lien-he/bo-phan-mot-cua/" and switch["hreflang"] == "en"
    en = site.page("en/lien-he/bo-phan-mot-cua/")
    assert en.select_one("article")["lang"] == "en"
    assert en.select_one(".language-switch a")["href"] == "/lien-he/bo-phan-mot-cua/"
    assert "Opening hours" in [text_of(d) for d in en.select(".contact-block dt")]
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "GovernmentOrganization" and data["telephone"] == "0277 3563 100"
    directory = site.page("lien-he/")
    assert [text_of(h) for h in directory.select("main section > h2")] == [
        "Bộ phận một cửa",
        "Phường, xã",
        "In English",
    ]


@pytest.mark.parametrize("missing", ["address", "phone"])
def test_contact_without_address_or_phone_is_an_error(fixture_site, missing):
    source = contact("Phòng Tư pháp", "phong-tu-phap", "co-quan", **{missing: None})
    with pytest.raises(BuildFailed) as failure:
        fixture_site({"lien-he/tu-phap.md": source})
    key = missing.capitalize()
    assert f"lien-he/tu-phap.md:6: {key}: thiếu thông tin bắt buộc" in str(failure.value)


def test_sample_directory_is_complete(sample_site):
    directory = sample_site.page("lien-he/")
    groups = {
        text_of(s.h2): len(s.select(".contact-block"))
        for s in directory.select("main section")
        if s.h2
    }
    assert groups["Bộ phận một cửa"] >= 1
    assert groups["Cơ quan thành phố"] >= 9  # People's Committee and at least 8 departments
    assert groups["Phường, xã"] == 7
    for slug in ("ubnd-thanh-pho", "bo-phan-mot-cua"):
        english = sample_site.page(f"en/lien-he/{slug}/")
        assert english.select_one("article[lang=en] h1")
        assert sample_site.page(f"lien-he/{slug}/").select_one(f'a[href="/en/lien-he/{slug}/"]')


def assert_linked_both_ways(site, path: str) -> None:
    """/<path> and its English version /en/<path> name each other: a
    rel=alternate hreflang link in the head and a visible language switch."""
    vi, en = site.page(path), site.page(f"en/{path}")
    assert en.select_one("article")["lang"] == "en", path
    for page, other, lang in ((vi, f"en/{path}", "en"), (en, path, "vi")):
        alternate = page.select_one(f'head link[rel=alternate][hreflang="{lang}"]')
        assert alternate is not None and alternate["href"] == f"{CANONICAL}/{other}", path
        switch = page.select_one(f'.language-switch a[hreflang="{lang}"]')
        assert switch is not None and switch["href"] == f"/{other}", path


def test_every_sample_contact_and_the_about_pages_have_english_both_ways(sample_site):
    """The law asks for the organisational structure and every unit's
    functions and contacts in English too."""
    slugs = [
        line.removeprefix("Slug:").strip()
        for source in sorted((CONTENT / "lien-he").glob("*.md"))
        if not source.name.endswith(".en.md")
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.startswith("Slug:")
    ]
    assert len(slugs) == len(list((CONTENT / "lien-he").glob("*.md"))) // 2
    for slug in slugs:
        assert_linked_both_ways(sample_site, f"lien-he/{slug}/")
    for page in ("co-cau-to-chuc/", "gioi-thieu/"):
        assert_linked_both_ways(sample_site, page)
    structure = sample_site.page("en/co-cau-to-chuc/")
    linked = {a["href"] for a in structure.select(".prose a[href^='/en/lien-he/']")}
    wards = {f"/en/lien-he/{s}/" for s in slugs if s.startswith("ubnd-") and s != "ubnd-thanh-pho"}
    assert wards and wards <= linked


def test_sample_procedures_cover_fields_and_levels(sample_site):
    index = sample_site.page("thu-tuc/")
    items = index.select("#procedure-list .procedure-item")
    fields = index.select("#procedure-list h2")
    assert len(items) >= 40 and len(fields) >= 8
    levels = {text_of(i.select_one(".procedure-item__meta")).split(" · ")[1] for i in items}
    assert levels == {"Cấp huyện", "Cấp xã"}
