"""The sample site's forms: each procedure that asks for a form offers it in
its checklist, labelled, and the forms are published as they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import text_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("procedure", "form"),
    [
        ("thu-tuc/dang-ky-khai-sinh/", "to-khai-dang-ky-khai-sinh.pdf"),
        ("thu-tuc/dang-ky-ket-hon/", "to-khai-dang-ky-ket-hon.pdf"),
    ],
)
def test_each_form_is_offered_beside_its_paper(sample_site, procedure, form):
    page = sample_site.page(procedure)
    links = page.select(f'ul.checklist > li a[href="/files/{form}"]')
    assert links, procedure
    size = (ROOT / "content/files" / form).stat().st_size
    for link in links:
        assert link.has_attr("download")
        item = text_of(link.find_parent("li"))
        assert item.startswith("Tờ khai đăng ký")
        label = re.search(r"tải mẫu tờ khai \(PDF, (\d+) KB\)", item)
        assert label and int(label.group(1)) == round(size / 1024), item
    published = sample_site.output / "files" / form
    assert published.read_bytes() == (ROOT / "content/files" / form).read_bytes()


def test_the_forms_script_is_deterministic_and_writes_one_page_forms(monkeypatch):
    """The same fonts and libraries give the same bytes (the committed forms
    match them on a machine with the same DejaVu release)."""
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import make_forms

    first, second = make_forms.build_all(), make_forms.build_all()
    assert first == second
    assert {path.name for path in first} == set(make_forms.FORMS_MADE)
    for data in first.values():
        assert data.startswith(b"%PDF-") and data.count(b"/Type /Page\n") == 1
