"""What one build publishes, known once every generator has read its
content and before any page is written: every content item and every site
path the build will write. The link checks (content_checks) and the theme's
navigation (theme_assets) ask the same question here, so a menu link is
shown exactly when a link to that page in content would be accepted."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlparse

# Each content type's context list; its hidden items are under hidden_<list>.
CONTENT_LISTS = ("articles", "pages", "procedures", "contacts", "documents")
# Where each type's drafts (and scheduled items) are: Pelican's own names
# for articles and pages, draft_<list> for the portal's types.
DRAFT_LISTS = {"articles": "drafts", "pages": "draft_pages"}


def all_content(context: dict[str, Any], drafts: bool = False) -> list[Any]:
    """Every item a build writes: published and hidden, with translations,
    each once, in source order; with `drafts`, drafts and scheduled items too
    (what a preview writes, and what cross-content steps must prepare)."""
    items = []
    for kind in CONTENT_LISTS:
        keys = [kind, f"hidden_{kind}"]
        if drafts:
            keys.append(DRAFT_LISTS.get(kind, f"draft_{kind}"))
        for key in keys:
            for item in context.get(key, []) or []:
                items.append(item)
                items.extend(getattr(item, "translations", []) or [])
    # Pelican may file a same-slug article as another's translation: count once.
    unique = {id(item): item for item in items}
    return sorted(unique.values(), key=lambda item: item.source_path)


def site_path(url: str) -> str:
    """'/thu-tuc/x/?a#b' → 'thu-tuc/x/index.html' (the file that must exist)."""
    path = unquote(urlparse(url).path).lstrip("/")
    return f"{path}index.html" if path == "" or path.endswith("/") else path


def site_files(context: dict[str, Any], settings: dict[str, Any], items: list[Any]) -> set[str]:
    """Site paths the build writes: the content `items`, static files,
    taxonomy pages, direct and template pages, and what plugins announce in
    context["listing_pages"] (procedure views, the contact directory, the
    document listings, the pictures published for raster originals). Settings that merely link to a path (menus) add
    nothing: a link never makes its target exist, and one may name a page
    that is a draft, scheduled or gone."""
    files = {item.save_as for item in items if item.save_as}
    files |= {s.save_as for s in context.get("staticfiles", []) or []}
    for key in ("categories", "tags", "authors"):
        for term, _ in context.get(key, []) or []:
            files.add(term.save_as)
    for template in settings["DIRECT_TEMPLATES"]:
        files.add(settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html"))
    files |= set(settings["TEMPLATE_PAGES"].values())
    files |= {site_path("/" + url) for url in context.get("listing_pages", [])}
    files |= {"sitemap.xml", "robots.txt"}
    return files
