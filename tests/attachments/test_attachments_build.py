"""Links to files offered for download (content/files, content/van-ban/files)
on small fixture sites: the `download` attribute and the "(KIND, SIZE)"
label, and every way a file is refused, at its line in `check` and `build`."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from portal.state import BuildState
from site_tools.build import BuildFailed, build, check
from tests.helpers import article, contact, document, procedure, text_of, write_content

NOW = dt.datetime(2025, 6, 20, 3, 0, tzinfo=dt.UTC)
DOCX = "PK" + "d" * (48 * 1024 - 2)  # 48 KB
PDF = "%PDF-1.4\n" + "p" * 3000 + "\n%%EOF\n"  # 3 KB
CHECKLIST = (
    "## Trình tự thực hiện\n\n1. Nộp hồ sơ.\n\n"
    "## Thành phần hồ sơ\n\n"
    "- Tờ khai đăng ký khai sinh theo mẫu ([tải mẫu tờ khai]({static}/files/to-khai.pdf)).\n"
    "- Giấy chứng sinh (bản chính).\n\n"
    "## Đối tượng thực hiện\n\nCông dân.\n\n## Kết quả thực hiện\n\nGiấy khai sinh.\n\n"
    "## Căn cứ pháp lý\n\n- Luật Hộ tịch.\n"
)


def news(body: str) -> str:
    return article("Mẫu tờ khai mới", "2025-01-02 08:00") + "\n" + body + "\n"


def sources(**extra: str) -> dict[str, str]:
    files = {
        "files/mau-to-khai.docx": DOCX,
        "files/to-khai.pdf": PDF,
        "tin-tuc/mau.md": news(
            "Tải [Mẫu tờ khai]({static}/files/mau-to-khai.docx) và "
            "[tờ khai bản PDF](/files/to-khai.pdf) để điền trước."
        ),
        "thu-tuc/khai-sinh.md": procedure("Đăng ký khai sinh", "1.001193", body=CHECKLIST),
    }
    files.update(extra)
    return files


@pytest.fixture
def site(fixture_site):
    return fixture_site(sources(), state=BuildState(now=NOW))


def test_article_links_say_kind_and_size_and_download(site):
    body = site.page("tin-tuc/mau-to-khai-moi/").select_one("article .prose, article")
    links = {a["href"]: a for a in body.select('a[href^="/files/"]')}
    assert set(links) == {"/files/mau-to-khai.docx", "/files/to-khai.pdf"}
    assert all(a.has_attr("download") for a in links.values())
    text = text_of(body)
    assert "Mẫu tờ khai (DOCX, 48 KB)" in text  # written {static}/files/…
    assert "tờ khai bản PDF (PDF, 3 KB)" in text  # written /files/…
    html = str(body)
    assert '<a download="" href="/files/mau-to-khai.docx">Mẫu tờ khai</a> (DOCX, 48 KB)' in html
    assert (site.output / "files/mau-to-khai.docx").read_text(encoding="utf-8") == DOCX


def test_procedure_checklist_offers_the_form_beside_the_paper(site):
    page = site.page("thu-tuc/dang-ky-khai-sinh/")
    first = page.select("ul.checklist > li")[0]
    link = first.select_one("a")
    assert link["href"] == "/files/to-khai.pdf" and link.has_attr("download")
    assert text_of(first).endswith("(tải mẫu tờ khai (PDF, 3 KB)).")


def test_pages_documents_and_contacts_label_their_links_too(fixture_site):
    link = "Xem [mẫu đơn]({static}/files/to-khai.pdf)."
    site = fixture_site(
        sources(
            **{
                "trang/gioi-thieu.md": f"Title: Giới thiệu\n\n{link}\n",
                "van-ban/files/van-ban.pdf": PDF,
                "van-ban/qd.md": document("Văn bản thử", "3/QĐ-UBND", body=link),
                "lien-he/mot-cua.md": contact("Bộ phận một cửa", "bo-phan-mot-cua") + f"\n{link}\n",
            }
        ),
        state=BuildState(now=NOW),
    )
    for path in ("gioi-thieu/", "van-ban/quyet-dinh-3-qd-ubnd/", "lien-he/bo-phan-mot-cua/"):
        page = site.page(path)
        anchor = page.select_one('main a[href="/files/to-khai.pdf"]')
        assert anchor is not None and anchor.has_attr("download"), path
        assert "mẫu đơn (PDF, 3 KB)" in text_of(anchor.parent), path


def test_documents_still_label_their_files_the_same_way(fixture_site):
    site = fixture_site(
        sources(
            **{
                "van-ban/files/van-ban.pdf": PDF,
                "van-ban/files/phu-luc.xlsx": "PK" + "y" * 2000,
                "van-ban/qd.md": document(
                    "Văn bản thử",
                    "3/QĐ-UBND",
                    Files="van-ban.pdf, phu-luc.xlsx",
                    body="Phụ lục: [bảng tiêu chí]({static}/van-ban/files/phu-luc.xlsx).",
                ),
            }
        ),
        state=BuildState(now=NOW),
    )
    page = site.page("van-ban/quyet-dinh-3-qd-ubnd/")
    files = [text_of(li) for li in page.select(".file-list__items li")]
    assert files == ["van-ban.pdf (PDF, 3 KB)", "phu-luc.xlsx (XLSX, 2 KB)"]
    assert all(a.has_attr("download") for a in page.select(".file-list a"))
    body = page.select_one(".document__body")
    assert "bảng tiêu chí (XLSX, 2 KB)" in text_of(body)
    assert body.select_one('a[href="/van-ban/files/phu-luc.xlsx"]').has_attr("download")


def test_links_in_code_are_left_alone():
    from attachments.links import label_attachments
    from portal.files import Attachment

    links = {"/files/a.pdf": Attachment("a.pdf", "files/a.pdf", "PDF", 2048)}
    html = (
        '<p><a href="/files/a.pdf">a</a></p><pre><code>&lt;a href="/files/a.pdf"&gt;</code></pre>'
        '<code><a href="/files/a.pdf">b</a></code><p><a href="/khac/">c</a></p>'
    )
    out = str(label_attachments(html, links))
    assert out.count("(PDF, 2 KB)") == 1 and out.count("download") == 1
    assert out.startswith('<p><a href="/files/a.pdf" download>a</a> (PDF, 2 KB)</p>')
    assert str(label_attachments(html, {})) == html


def line_of(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def assert_refused(tmp_path, files: dict[str, str], source: str, pattern: str) -> None:
    """The error is at `source`'s line in `check`, and `build` stops with it."""
    content = write_content(tmp_path, files)
    report = check(content)
    found = [e for e in report.errors if re.search(pattern, e)]
    assert found, report.errors
    with pytest.raises(BuildFailed) as failure:
        build(content, tmp_path / "output")
    assert found[0] in failure.value.messages


def test_a_link_to_a_missing_file_is_an_error_at_its_line(tmp_path):
    body = "Đoạn đầu.\n\nĐoạn hai.\n\nTải [mẫu](/files/khong-co.docx) tại đây.\n"
    source = news(body)
    line = line_of(source, "khong-co.docx")
    files = sources(**{"tin-tuc/mau.md": source})
    pattern = rf"tin-tuc/mau\.md:{line}: liên kết tới tệp: không có tệp 'khong-co\.docx' trong content/files"
    assert_refused(tmp_path, files, source, pattern)
    # One message for one mistake: the link checks leave it to this rule.
    report = check(tmp_path / "content")
    assert len([e for e in report.errors if "khong-co.docx" in e]) == 1


def test_a_missing_static_file_in_a_procedure_checklist(tmp_path):
    body = CHECKLIST.replace("to-khai.pdf", "to-khai-cu.pdf")
    source = procedure("Đăng ký khai sinh", "1.001193", body=body)
    line = line_of(source, "to-khai-cu.pdf")
    files = sources(**{"thu-tuc/khai-sinh.md": source})
    assert_refused(tmp_path, files, source, rf"thu-tuc/khai-sinh\.md:{line}: .*to-khai-cu\.pdf")


def test_a_file_over_the_limit_is_refused_and_a_heavy_one_is_a_warning(tmp_path):
    source = news("Tải [bản lớn]({static}/files/lon.pdf).")
    line = line_of(source, "lon.pdf")
    files = sources(**{"files/lon.pdf": "x" * 5000, "tin-tuc/mau.md": source})
    content = write_content(tmp_path, files)
    report = check(content, ATTACHMENT_WARN_BYTES=1024, ATTACHMENT_MAX_BYTES=4096)
    assert [
        e for e in report.errors if f"tin-tuc/mau.md:{line}:" in e and "vượt giới hạn 4 KB" in e
    ]
    report = check(content, ATTACHMENT_WARN_BYTES=1024)
    assert report.errors == []
    assert [w for w in report.warnings if f"tin-tuc/mau.md:{line}:" in w and "lon.pdf" in w]
    with pytest.raises(BuildFailed):
        build(content, tmp_path / "output", ATTACHMENT_MAX_BYTES=4096)


def test_documents_files_use_the_same_limit(tmp_path):
    files = sources(
        **{
            "van-ban/files/lon.pdf": "x" * 5000,
            "van-ban/lon.md": document("Lớn", "4/QĐ-UBND", Files="lon.pdf"),
        }
    )
    report = check(write_content(tmp_path, files), ATTACHMENT_MAX_BYTES=4096)
    assert [e for e in report.errors if "van-ban/lon.md" in e and "Files:" in e and "4 KB" in e]


@pytest.mark.parametrize(
    "name", ["cai-dat.exe", "chay.bat", "bang-tinh.xlsm", "mau.docm", "trang.html", "hinh.svg"]
)
def test_a_link_to_a_refused_kind_is_an_error(tmp_path, name):
    source = news(f"Đoạn đầu.\n\nTải [tệp này]({{static}}/files/{name}).")
    line = line_of(source, name)
    files = sources(**{f"files/{name}": "MZ nội dung", "tin-tuc/mau.md": source})
    pattern = rf"tin-tuc/mau\.md:{line}: liên kết tới tệp: tệp '{re.escape(name)}' không thuộc loại được đăng"
    assert_refused(tmp_path, files, source, pattern)


@pytest.mark.parametrize(
    "path",
    ["files/cai-dat.exe", "files/bieu-mau/macro.dotm", "files/trang.htm", "van-ban/files/x.js"],
)
def test_a_refused_kind_sitting_unlinked_is_refused_by_the_scan(tmp_path, path):
    files = sources(**{path: "nội dung"})
    name = path.rsplit("/", 1)[1]
    pattern = rf"content/{re.escape(path)}:1: tệp '{re.escape(name)}' không thuộc loại được đăng"
    assert_refused(tmp_path, files, "", pattern)
