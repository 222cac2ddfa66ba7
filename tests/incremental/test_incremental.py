"""A rebuild that reuses the reader cache gives exactly the output of a clean
full build, after edits, additions, deletions and a title change; a failed
rebuild drops the cache so no error hides behind it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_tools.build import BuildFailed, build, cache_folder, rebuild
from site_tools.outputs import tree
from tests.helpers import BuiltSite, article, contact, procedure

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    files = {
        f"tin-tuc/bai-{n}.md": article(
            f"Bài số {n}", f"2024-0{1 + n % 9}-1{n % 9} 08:00", tags="đô thị, y tế"
        )
        for n in range(12)
    }
    files["lien-he/mc.md"] = contact("Bộ phận một cửa", "bo-phan-mot-cua", "mot-cua")
    files["thu-tuc/a.md"] = procedure("Thủ tục A", "1.000001", submit_at="bo-phan-mot-cua")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    yield root
    shutil.rmtree(cache_folder(root), ignore_errors=True)


def same_as_full_build(content: Path, incremental: Path, scratch: Path) -> None:
    rebuild(content, incremental)
    full = scratch / "full"
    shutil.rmtree(full, ignore_errors=True)
    build(content, full)
    assert tree(incremental) == tree(full)


def test_rebuild_matches_full_build_through_changes(content, tmp_path):
    out = tmp_path / "incremental"
    rebuild(content, out)
    assert any(cache_folder(content).iterdir())
    body = content / "tin-tuc" / "bai-3.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nĐoạn mới thêm.\n", encoding="utf-8")
    same_as_full_build(content, out, tmp_path)
    (content / "tin-tuc" / "bai-moi.md").write_text(
        article("Bài mới", "2024-09-30 08:00", tags="đô thị"), encoding="utf-8"
    )
    same_as_full_build(content, out, tmp_path)
    (content / "tin-tuc" / "bai-5.md").unlink()
    same_as_full_build(content, out, tmp_path)
    renamed = content / "tin-tuc" / "bai-7.md"
    renamed.write_text(
        renamed.read_text(encoding="utf-8").replace("Bài số 7", "Tiêu đề đã sửa"), encoding="utf-8"
    )
    same_as_full_build(content, out, tmp_path)
    assert (out / "tin-tuc" / "tieu-de-da-sua" / "index.html").is_file()
    assert not (out / "tin-tuc" / "bai-so-7").exists()


def test_failed_rebuild_drops_the_cache(content, tmp_path):
    out = tmp_path / "incremental"
    rebuild(content, out)
    (content / "tin-tuc" / "sai.md").write_text(
        article("Sai", "2024-05-06 09:00", "Lạ"), encoding="utf-8"
    )
    with pytest.raises(BuildFailed):
        rebuild(content, out)
    assert not cache_folder(content).exists()


def test_preview_session_matches_full_build_through_changes(content, tmp_path):
    """The livereload path: one process, objects kept, pages re-rendered only
    when what they show changed; the output equals a clean full build."""
    from site_tools.preview import Preview

    out = tmp_path / "preview"
    preview = Preview(content, out)

    def same() -> None:
        preview.build()
        full = tmp_path / "full"
        shutil.rmtree(full, ignore_errors=True)
        build(content, full)
        assert tree(out) == tree(full)

    same()
    untouched = out / "tin-tuc" / "bai-so-0" / "index.html"
    stamp = untouched.stat().st_mtime_ns
    same()  # nothing changed
    body = content / "tin-tuc" / "bai-3.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nĐoạn mới thêm.\n", encoding="utf-8")
    same()
    # pages that do not show the edited article were kept, not rewritten
    assert untouched.stat().st_mtime_ns == stamp
    (content / "tin-tuc" / "bai-moi.md").write_text(
        article("Bài mới", "2024-09-30 08:00", tags="y tế"), encoding="utf-8"
    )
    same()
    (content / "tin-tuc" / "bai-5.md").unlink()
    same()
    renamed = content / "tin-tuc" / "bai-7.md"
    renamed.write_text(
        renamed.read_text(encoding="utf-8").replace("Bài số 7", "Tiêu đề đã sửa"), encoding="utf-8"
    )
    same()
    unit = content / "lien-he" / "mc.md"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("0277 3563 100", "0277 3563 999"), encoding="utf-8"
    )
    same()
    assert "0277 3563 999" in (out / "thu-tuc" / "thu-tuc-a" / "index.html").read_text(
        encoding="utf-8"
    )


def test_preview_failure_keeps_output_and_recovers(content, tmp_path):
    from site_tools.preview import Preview

    out = tmp_path / "preview"
    preview = Preview(content, out)
    preview.build()
    before = tree(out)
    broken = content / "tin-tuc" / "sai.md"
    broken.write_text(article("Sai", "2024-05-06 09:00", "Lạ"), encoding="utf-8")
    with pytest.raises(BuildFailed):
        preview.build()
    assert tree(out) == before
    broken.unlink()
    preview.build()
    assert tree(out) == before


def test_preview_follows_a_settings_change(content, tmp_path):
    from site_tools.preview import Preview

    out = tmp_path / "preview"
    Preview(content, out).build()
    preview = Preview(content, out)
    preview.build()
    preview.overrides["SITE_SHORTNAME"] = "Hồng Ngự thử nghiệm"
    preview.build()
    page = (out / "tin-tuc" / "bai-so-0" / "index.html").read_text(encoding="utf-8")
    assert "Hồng Ngự thử nghiệm" in page


BADGE_PLUGIN = '''
from pelican import signals


def newest_title(generator):
    """Each article shows the title of the newest article of the site: an
    attribute that depends on another source than the page's own."""
    # Receivers outlive the build in this process: act only where loaded.
    if "badge_plugin" not in generator.settings["PLUGINS"] or not generator.articles:
        return
    newest = max(generator.articles, key=lambda a: a.date)
    for article in generator.articles:
        article.badge = newest.title


def register():
    signals.article_generator_finalized.connect(newest_title)
'''


def test_preview_follows_an_attribute_a_new_plugin_shows(content, tmp_path):
    """No list kept by hand says what a page shows: a plugin's new attribute,
    shown by the template, is followed as soon as it exists."""
    from site_tools.build import load_settings
    from site_tools.preview import Preview

    plugins = tmp_path / "extra_plugins"
    plugins.mkdir()
    (plugins / "badge_plugin.py").write_text(BADGE_PLUGIN, encoding="utf-8")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "article.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            '<div class="article__body prose">',
            '<p class="badge">Mới nhất: {{ article.badge|striptags }}</p>\n'
            '<div class="article__body prose">',
        ),
        encoding="utf-8",
    )
    settings = load_settings(content, tmp_path / "x")
    overrides = {
        "THEME": str(theme),
        "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(plugins)],
        "PLUGINS": [*settings["PLUGINS"], "badge_plugin"],
    }
    out = tmp_path / "preview"
    preview = Preview(content, out, **overrides)
    preview.build()
    untouched = out / "tin-tuc" / "bai-so-0" / "index.html"
    assert "Mới nhất: Bài số 8" in untouched.read_text(encoding="utf-8")
    # A new, newer article: bai-so-0's own source is unchanged, its badge is not.
    (content / "tin-tuc" / "bai-moi.md").write_text(
        article("Bài mới nhất", "2024-12-30 08:00"), encoding="utf-8"
    )
    preview.build()
    assert "Mới nhất: Bài mới nhất" in untouched.read_text(encoding="utf-8")
    full = tmp_path / "full"
    build(content, full, **overrides)
    assert tree(out) == tree(full)


def test_preview_shows_drafts_until_published_or_removed(content, tmp_path):
    """Drafts and scheduled items of every type are at /ban-nhap/<slug>/ in
    the preview, with their banner; published or removed, they leave it, and
    the preview equals a full build again."""
    from site_tools.preview import Preview

    draft = content / "tin-tuc" / "nhap.md"
    draft.write_text(article("Kế hoạch nháp", "2024-10-01 08:00", status="draft"), "utf-8")
    later = content / "thu-tuc" / "hen.md"
    later.write_text(procedure("Thủ tục hẹn", "1.000002", date="2999-01-02 08:00"), "utf-8")
    out = tmp_path / "preview"
    preview = Preview(content, out)
    preview.build()

    def banner(slug: str) -> str:
        page = BuiltSite(out).page(f"ban-nhap/{slug}/")
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"
        return " ".join(page.select_one(".draft-banner").get_text().split())

    assert banner("ke-hoach-nhap").startswith("BẢN NHÁP")
    assert banner("thu-tuc-hen").startswith("HẸN GIỜ ĐĂNG – sẽ đăng lúc Thứ Tư, 02/01/2999, 08:00")
    assert "ban-nhap" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert not (out / "tin-tuc" / "ke-hoach-nhap").exists()

    draft.write_text(article("Kế hoạch nháp", "2024-10-01 08:00"), "utf-8")
    later.unlink()
    preview.build()
    assert list((out / "ban-nhap").rglob("*.html")) == []
    assert (out / "tin-tuc" / "ke-hoach-nhap" / "index.html").is_file()
    full = tmp_path / "full"
    build(content, full)
    assert tree(out) == tree(full)
