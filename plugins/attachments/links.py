"""Links from content to files offered for download (content/files,
content/van-ban/files): each says what it is before anyone taps it.

The conversion workers find the hrefs a body links (DERIVED, `file_hrefs`).
At the link step every item gets `file_links` (the href as the final HTML
has it → `portal.files.Attachment`), and each link to a missing file, a file
of a refused kind or one over the size limit is a problem at the link's line.
Pages label the links with the pure filter `label_attachments(html,
item.file_links)`: the `download` attribute and " (DOCX, 48 KB)" after the
link, so what a page shows depends only on what its template is handed."""

from __future__ import annotations

import html
import os
import re
from urllib.parse import unquote

from markupsafe import Markup, escape

from portal.files import (
    Attachment,
    attachment_folder,
    attachment_of,
    file_problem,
    linked_path,
    size_problem,
)
from portal.markup import rewrite
from portal.published import all_content
from portal.state import state_of
from problems import Problem, line_where

_LINK = re.compile(r"<a\b[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_DOWNLOAD = re.compile(r"\sdownload\b", re.I)
# Links inside these are left as they are (code shown as text, scripts).
_ODD = frozenset({"pre", "code", "script", "style", "template", "svg", "math", "button"})


def _href(tag: str) -> str:
    found = _HREF.search(tag)
    return (found.group(1) if found.group(1) is not None else found.group(2)) if found else ""


def file_hrefs(body_html: str) -> tuple[str, ...]:
    """The hrefs (as the body's HTML has them) of links that may point into
    a folder of files: `{static}` links and root-relative ones naming a
    `files/` folder, once each. The link step keeps those that do."""
    found = []
    for tag in _LINK.findall(body_html):
        href = _href(tag)
        plain = html.unescape(href)
        if "files/" in plain and (plain.startswith(("{static}", "/")) and plain[:2] != "//"):
            found.append(href)
    return tuple(dict.fromkeys(found))


def _final_hrefs(href: str, path: str, siteurl: str) -> list[str]:
    """Where a link to content/`path` written `href` points in the page:
    Pelican makes `{static}` links SITEURL + "/" + path; a root-relative
    link stays as written."""
    written = html.unescape(href)
    hrefs = [f"{siteurl}/{path}"]
    if not written.startswith("{static}"):
        hrefs.append(written.split("#")[0].split("?")[0])
    return list(dict.fromkeys(hrefs))


def _line(source_path: str, href: str, path: str) -> int:
    """The line of the source that writes the link (the file's name as a
    last resort; 1 when nothing is found)."""
    written = html.unescape(href)
    for text in (written, written.removeprefix("{static}"), os.path.basename(path)):
        line = line_where(source_path, lambda line, text=text: text in line, 0)
        if line:
            return line
    return 1


def link_files(generators) -> None:
    """Every item's `file_links`; a link to a file that cannot be offered is
    a problem at the link's line."""
    context, settings = generators[0].context, generators[0].settings
    state = state_of(settings)
    root, siteurl = settings["PATH"], settings["SITEURL"]
    problems: list[Problem] = []
    for item in all_content(context, drafts=True):
        item.file_links = {}
        for href in state.derived(item.source_path, "file-links", file_hrefs):
            path = linked_path(href, item.source_path, settings)
            if not path:
                continue
            folder = attachment_folder(path, settings)
            why = file_problem(root, folder, path[len(folder) + 1 :])
            attachment = None if why else attachment_of(root, path)
            found = (why, "error") if why else size_problem(attachment, settings)
            if found is not None:
                line = _line(str(item.source_path), href, path)
                message = f"liên kết tới tệp: {found[0]}"
                problems.append(Problem(str(item.source_path), line, "", message, found[1]))
            if attachment is not None:
                for final in _final_hrefs(href, path, siteurl):
                    item.file_links[final] = attachment
    state.add_problems(problems)


def label_attachments(body: str, file_links: dict[str, Attachment]) -> Markup:
    """`body` with each link to a file of `file_links` marked for download
    and followed by its kind and size: `<a href="/files/a.docx" download>Mẫu
    tờ khai</a> (DOCX, 48 KB)`. Links inside code, scripts and the like are
    left as they are."""
    if not file_links:
        return Markup(body)
    pending: list[Attachment] = []  # the file of the link being written

    def label(token: str, name: str, closing: bool) -> str:
        if name != "a":
            return token
        if not closing:
            found = _attachment_at(_href(token), file_links)
            pending[:] = [found] if found is not None else []
            if found is not None and not _DOWNLOAD.search(token):
                token = token[:-1].rstrip() + " download>"
            return token
        if pending:
            token += f" ({escape(pending.pop().label)})"
        return token

    return rewrite(body, _ODD, tag=label)


def _attachment_at(href: str, file_links: dict[str, Attachment]) -> Attachment | None:
    plain = html.unescape(href).split("#")[0].split("?")[0]
    return file_links.get(plain) or file_links.get(unquote(plain))
