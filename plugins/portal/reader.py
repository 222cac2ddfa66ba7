"""The one reader of the portal's content: Markdown sources with a
`Key: value` metadata block. Each source is converted once per build (ahead,
on every core, or here), and a preview or rebuild reuses the conversion of
a source whose bytes did not change."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from portal.publication import pelican_status, publication_of
from portal.reading import Converted, convert, preconvert
from portal.state import state_of
from problems import Problem
from problems.source import (
    COMMON_KEYS,
    DATE_KEYS,
    OPTIONAL_DATE_KEYS,
    is_ignored,
    outside,
    parse_date,
)
from vietnamese import text

# Metadata flag: the slug was made from the title, not written by the editor.
SLUG_FROM_TITLE = "slug_from_title"


class ContentRejected(Exception):
    """A source the portal cannot read; its problems are in the build state."""


class PortalMarkdownReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def converted(self, path: str) -> Converted:
        state = state_of(self.settings)
        done = state.current(path)
        if done is not None:
            return done
        if outside(path, self.settings["PATH"]):
            raise ContentRejected(path)  # the source scan names the link
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            done = convert(data, self.settings)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise ContentRejected(path) from error  # the source scan names the mistake
        except Exception as error:  # Markdown gave up: say so at the file, in Vietnamese
            state.add_problems(
                [
                    Problem(
                        path,
                        1,
                        "",
                        "không chuyển được nội dung tệp này thành trang (cấu trúc quá phức tạp "
                        "hoặc hỏng). Hãy kiểm tra các thẻ HTML, danh sách và trích dẫn lồng nhau.",
                    )
                ]
            )
            raise ContentRejected(path) from error
        state.converted[path] = done
        state.checked.add(path)
        return done

    def read(self, source_path):
        path = os.path.abspath(source_path)
        done = self.converted(path)
        if done.removed:
            state_of(self.settings).add_problems([removed_problem(source_path, done)])
        allowed = self.allowed_keys(path)
        metadata = {
            key: self.metadata_value(source_path, key, value)
            for key, (value, _) in done.meta.items()
            if key not in ("title", "summary") and (allowed is None or key in allowed)
        }
        if done.title is not None:
            metadata["title"] = done.title
        if done.summary is not None:
            metadata["summary"] = done.summary
        if "slug" not in metadata and "title" in metadata:
            # Our slug, given as metadata so Pelican does not compute its own.
            title = metadata["title"]
            metadata["slug"] = state_of(self.settings).derived(
                path, "slug", lambda _html: text.slugify(title)
            )
            metadata[SLUG_FROM_TITLE] = True
        metadata.update(self.publication(source_path, done, metadata.get("date")))
        metadata["source_lines"] = {key: line for key, (_, line) in done.meta.items()}
        metadata["body_line"] = done.body_line
        return done.html, metadata

    def allowed_keys(self, path: str) -> frozenset[str] | None:
        """The keys the source's content type uses (None: not known, as when
        Pelican runs without site_tools); the source scan warns about others."""
        keys = state_of(self.settings).keys
        folder = Path(os.path.relpath(path, os.path.abspath(self.settings["PATH"]))).parts[0]
        known = keys.get(folder)
        return None if known is None else known | COMMON_KEYS

    def publication(self, source_path: str, done: Converted, date) -> dict[str, str]:
        """Status and publication (portal/publication.py), decided here for
        every content type, before Pelican makes the object or skips it."""
        state = state_of(self.settings)
        if date is not None:
            date = date.replace(tzinfo=ZoneInfo(self.settings["TIMEZONE"]))
        publication, problems = publication_of(str(source_path), done.meta, date, state.now)
        state.add_problems(problems)
        if not publication:
            raise ContentRejected(source_path)
        return {"status": pelican_status(publication), "publication": publication}

    def metadata_value(self, source_path: str, key: str, value: str):
        """Pelican's processing of one key, except dates: they are read with
        the formats the source scan accepts (and reports when wrong), not
        guessed by dateutil."""
        if key not in DATE_KEYS:
            return self.process_metadata(key, value)
        if key in OPTIONAL_DATE_KEYS and not value.strip():
            return None
        parsed = parse_date(value)
        if parsed is None:
            raise ContentRejected(source_path)  # the source scan names the mistake
        return SafeDatetime.combine(parsed.date(), parsed.time())


def removed_problem(source_path: str, done: Converted) -> Problem:
    return Problem(
        str(source_path),
        done.body_line,
        "",
        f"đã loại bỏ {', '.join(done.removed)} khỏi nội dung: chỉ giữ HTML an toàn, "
        "không chạy mã, không chuyển hướng hay đổi địa chỉ của trang. "
        "Hãy viết nội dung bằng Markdown thuần; cần nhúng bản đồ, video thì đặt liên kết https://.",
        "warning",
    )


def use_reader(readers) -> None:
    for extension in PortalMarkdownReader.file_extensions:
        readers.reader_classes[extension] = PortalMarkdownReader


def convert_ahead(pelican) -> None:
    """Convert every Markdown source of the site on all cores before the
    generators read them one by one (skipping those a preview or rebuild
    already holds)."""
    settings = pelican.settings
    state = state_of(settings)
    # The content folders the build knows (site_tools' known_keys: one table
    # for every content type); Pelican's own two when it runs without it.
    folders = set(state.keys) or {*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]}
    root = Path(settings["PATH"])
    paths = [
        os.path.abspath(os.path.join(folder_root, name))
        for folder in sorted(folders)
        for folder_root, _, names in os.walk(root / folder)
        for name in names
        if name.endswith(tuple(f".{e}" for e in PortalMarkdownReader.file_extensions))
        and not is_ignored(name)
        # os.walk does not enter linked folders: only a linked file can lead out
        and not (
            os.path.islink(os.path.join(folder_root, name))
            and outside(os.path.join(folder_root, name), root)
        )
    ]
    if state.converted:  # a preview or rebuild: only new or edited sources
        paths = [path for path in paths if state.current(path) is None]
    # Values plugins derive from every body (DERIVED: name → function of
    # the body HTML) are made in the same workers, in parallel.
    derivers = {
        name: compute
        for plugin in pelican.plugins
        for name, compute in getattr(plugin, "DERIVED", {}).items()
    }
    fresh = preconvert(paths, settings, derivers)
    state.converted.update(fresh)
    state.checked.update(fresh)
