"""A preview that stays up while an editor works: the first build is a full
one, later builds keep the content objects of unchanged sources and render
only the pages whose inputs changed (plugins/preview_session). The output
folder is updated in place; content errors stop a build before anything is
written, and afterwards the next build starts afresh."""

from __future__ import annotations

import itertools
from pathlib import Path

from site_tools.build import DEFAULT_SETTINGS, BuildFailed, Report, _run, load_settings

_ids = itertools.count(1)


class Preview:
    def __init__(
        self,
        content: Path | str,
        output: Path | str,
        settings_file: Path = DEFAULT_SETTINGS,
        **overrides,
    ) -> None:
        from preview_session.session import SESSIONS, Session

        self.content = Path(content)
        self.output = Path(output).resolve()
        self.key = f"preview-{next(_ids)}"
        self.session = SESSIONS.setdefault(self.key, Session())
        self.settings_file = settings_file
        self.overrides = overrides

    def build(self) -> Report:
        """Bring the output up to date; raise BuildFailed on content errors."""
        self.output.mkdir(parents=True, exist_ok=True)
        settings = load_settings(
            self.content,
            self.output,
            Path(self.settings_file),
            PORTAL_PREVIEW_SESSION=self.key,
            PORTAL_PREVIEW_KEEPS_CONTENT=bool(self.session.caches),
            STATIC_CHECK_IF_MODIFIED=True,
            **self.overrides,
        )
        report = _run(self.content, settings, write=True)
        if report.errors:
            self.session.forget()
            raise BuildFailed(report.errors, report.warnings)
        report.output = self.output
        return report


def time_one_edit(content: Path | str, output: Path | str, source: Path | str) -> float:
    """Seconds for a preview to catch up with one edited source, after its
    first (full) build: what an editor waits after saving. For `invoke bench`."""
    import time

    preview = Preview(content, output)
    preview.build()
    with open(source, "a", encoding="utf-8") as handle:
        handle.write("\nĐoạn bổ sung sau khi biên tập viên sửa bài.\n")
    started = time.perf_counter()
    preview.build()
    return time.perf_counter() - started
