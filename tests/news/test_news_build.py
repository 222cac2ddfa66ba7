"""The news plugin on small fixture sites: validation, ordering, pagination,
Unicode normalisation."""

from __future__ import annotations

import unicodedata

import pytest

from site_tools.build import BuildFailed
from tests.helpers import article, text_of


def test_unknown_category_stops_build_naming_file_and_valid_categories(fixture_site):
    with pytest.raises(BuildFailed) as failure:
        fixture_site({"tin-tuc/sai.md": article("Bài sai", "2024-01-02 08:00", "Tin vắn")})
    message = str(failure.value)
    assert "tin-tuc/sai.md:3: Category:" in message
    assert "'Tin vắn'" in message
    for name in ("Tin tức - Sự kiện", "Cải cách hành chính", "Thông báo", "Chỉ đạo - Điều hành"):
        assert f"'{name}'" in message


def test_missing_category_is_an_error(fixture_site):
    source = "Title: Không chuyên mục\nDate: 2024-01-02 08:00\n\nNội dung.\n"
    with pytest.raises(BuildFailed, match=r"khong-chuyen-muc\.md:3: Category: thiếu chuyên mục"):
        fixture_site({"tin-tuc/khong-chuyen-muc.md": source})


def test_failed_build_keeps_previous_output(fixture_site, tmp_path):
    good = {"tin-tuc/tot.md": article("Bài tốt", "2024-01-02 08:00")}
    site = fixture_site(good)
    before = {p: (site.output / p).read_bytes() for p in site.html_files()}
    with pytest.raises(BuildFailed):
        fixture_site({**good, "tin-tuc/sai.md": article("Bài sai", "2024-01-03 08:00", "Lạ")})
    after = {p: (site.output / p).read_bytes() for p in site.html_files()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output")]


def test_lead_image_needs_existing_file_and_alt_text(fixture_site):
    source = article("Có ảnh", "2024-01-02 08:00", image="khong-co.png")
    with pytest.raises(BuildFailed) as failure:
        fixture_site({"tin-tuc/anh.md": source})
    message = str(failure.value)
    assert "anh.md:4: Image: không tìm thấy ảnh 'khong-co.png'" in message
    assert "anh.md:5: Image-alt:" in message


def test_lead_image_with_alt_is_shown(fixture_site):
    site = fixture_site(
        {
            "images/cau.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
            "tin-tuc/anh.md": article(
                "Có ảnh", "2024-01-02 08:00", image="cau.svg", image_alt="Cầu bắc qua sông"
            ),
        }
    )
    page = site.page("tin-tuc/co-anh/")
    img = page.select_one(".article__lead img")
    assert img["src"] == "/images/cau.svg"
    assert img["alt"] == "Cầu bắc qua sông"
    og = page.select_one('meta[property="og:image"]')["content"]
    assert og.startswith("https://") and og.endswith("/images/cau.svg")


def test_pinned_notice_leads_home_and_its_category(fixture_site):
    site = fixture_site(
        {
            "tin-tuc/cu.md": article("Thông báo cũ", "2021-01-04 08:00", "Thông báo", pinned="yes"),
            "tin-tuc/moi.md": article("Thông báo mới", "2024-05-06 08:00", "Thông báo"),
        }
    )
    home = site.page("")
    assert [text_of(a) for a in home.select(".home-pinned .news-card__title a")] == ["Thông báo cũ"]
    category = site.page("chuyen-muc/thong-bao/")
    titles = [text_of(a) for a in category.select(".news-card__title a")]
    assert titles == ["Thông báo cũ", "Thông báo mới"]


def test_pagination_never_collides(fixture_site):
    files = {}
    for n in range(12):
        files[f"tin-tuc/a{n}.md"] = article(
            f"Bài A {n}", f"2024-01-{n + 1:02d} 08:00", tags="chủ đề 2"
        )
        files[f"tin-tuc/b{n}.md"] = article(
            f"Bài B {n}", f"2024-02-{n + 1:02d} 08:00", tags="chủ đề 22"
        )
    site = fixture_site(files)
    two = site.page("the/chu-de-2/trang-2/")
    twenty_two = site.page("the/chu-de-22/")
    assert {text_of(a)[:5] for a in two.select(".news-card__title a")} == {"Bài A"}
    assert {text_of(a)[:5] for a in twenty_two.select(".news-card__title a")} == {"Bài B"}
    nav = site.page("the/chu-de-2/").select_one("nav.pagination")
    assert nav.select_one('a[rel="next"]')["href"] == "/the/chu-de-2/trang-2/"


def test_decomposed_source_is_published_composed(fixture_site):
    title = "Hội nghị tổng kết công tác năm"
    nfd = unicodedata.normalize("NFD", article(title, "2024-01-02 08:00", tags="đô thị"))
    nfc_other = article("Bài khác", "2024-01-03 08:00", tags="đô thị")
    site = fixture_site({"tin-tuc/nfd.md": nfd, "tin-tuc/nfc.md": nfc_other})
    html = (site.output / "tin-tuc/hoi-nghi-tong-ket-cong-tac-nam/index.html").read_text(
        encoding="utf-8"
    )
    assert unicodedata.is_normalized("NFC", html)
    assert title.rsplit(" ", 1)[0] in html  # typography glues the last word
    # the same tag typed in two forms is one tag with both articles
    assert len(site.page("the/do-thi/").select(".news-card")) == 2


def test_article_page_dates_neighbours_and_related(fixture_site):
    site = fixture_site(
        {
            "tin-tuc/1.md": article("Một", "2024-03-04 08:30", tags="đô thị"),
            "tin-tuc/2.md": article("Hai", "2024-03-05 08:30", tags="y tế"),
            "tin-tuc/3.md": article("Ba", "2024-03-06 08:30", tags="đô thị"),
            "tin-tuc/4.md": article("Bốn", "2024-03-07 08:30", tags="đô thị"),
            "tin-tuc/5.md": article("Năm", "2024-03-08 08:30", "Thông báo", tags="đô thị"),
        }
    )
    page = site.page("tin-tuc/hai/")
    assert text_of(page.select_one(".article__meta time")) == "Thứ Ba, 05/03/2024, 08:30"
    assert page.select_one(".article__meta time")["datetime"] == "2024-03-05T08:30:00+07:00"
    assert page.select_one('a[rel="prev"]')["href"] == "/tin-tuc/mot/"
    assert page.select_one('a[rel="next"]')["href"] == "/tin-tuc/ba/"
    related = [a["href"] for a in page.select(".related a")]
    assert related == ["/tin-tuc/bon/"]  # same category only, neighbours excluded
    page = site.page("tin-tuc/mot/")
    assert [a["href"] for a in page.select(".related a")] == ["/tin-tuc/ba/", "/tin-tuc/bon/"]


def test_tags_and_authors_listed_in_vietnamese_order(fixture_site):
    tags = ["ưu đãi", "đô thị", "an toàn", "ấp văn hóa", "dân vận", "zalo", "ăn uống"]
    files = {
        f"tin-tuc/{n}.md": article(
            f"Bài {n}", f"2024-01-{n + 1:02d} 08:00", tags=tag, authors=author
        )
        for n, (tag, author) in enumerate(
            zip(
                tags,
                ["Đỗ Hoa", "Zê Ta", "Anh Thư", "Ấu Lan", "Dương Bá", "Ánh Mai", "Bùi An"],
                strict=True,
            )
        )
    }
    site = fixture_site(files)
    listed = [text_of(a) for a in site.page("the/").select(".term-list a")]
    assert listed == ["an toàn", "ăn uống", "ấp văn hóa", "dân vận", "đô thị", "ưu đãi", "zalo"]
    authors = [text_of(a) for a in site.page("tac-gia/").select(".term-list a")]
    # tones are secondary: "Ánh Mai" precedes "Anh Thư" because M < T
    assert authors == ["Ánh Mai", "Anh Thư", "Ấu Lan", "Bùi An", "Dương Bá", "Đỗ Hoa", "Zê Ta"]


def test_pagination_shows_a_window_of_pages(fixture_site):
    files = {
        f"tin-tuc/b{n:03d}.md": article(
            f"Bài {n}", f"2023-{1 + n // 28:02d}-{1 + n % 28:02d} 08:00"
        )
        for n in range(120)
    }
    site = fixture_site(files)
    nav = site.page("tin-tuc/trang-6/").select_one("nav.pagination")
    labels = [text_of(a) for a in nav.select("a")]
    assert labels == ["« Trang trước", "1", "4", "5", "6", "7", "8", "12", "Trang sau »"]
    assert nav.select_one('a[aria-current="page"]')["href"] == "/tin-tuc/trang-6/"
    assert len(nav.find_all(string="…")) == 2
    first = [text_of(a) for a in site.page("tin-tuc/").select("nav.pagination a")]
    assert first == ["1", "2", "3", "12", "Trang sau »"]
