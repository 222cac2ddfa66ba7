"""A preview that stays up while an editor works. Each build runs in a
forked process, so nothing one build leaves in memory (Pelican's per-object
caches, Jinja environments) reaches the next; what is worth keeping, each
source's conversion and each page's fingerprint (portal.preview), comes back
to this process. The output folder is updated in place: only pages whose
inputs changed are rendered again, and pages no longer produced are removed.
Content errors stop a build before anything is written, and afterwards the
next build starts afresh."""

from __future__ import annotations

import os
import pickle
import traceback
from pathlib import Path

from portal.preview import PreviewBuild, PreviewMemory
from portal.state import BuildState
from site_tools.build import (
    DEFAULT_SETTINGS,
    BuildFailed,
    Report,
    load_settings,
    missing_content,
    run_pelican,
)


class Preview:
    def __init__(
        self,
        content: Path | str,
        output: Path | str,
        settings_file: Path = DEFAULT_SETTINGS,
        **overrides,
    ) -> None:
        self.content = Path(content)
        self.output = Path(output).resolve()
        self.memory = PreviewMemory()
        self.settings_file = settings_file
        self.overrides = overrides

    def _build_here(self) -> tuple[Report, PreviewMemory]:
        missing = missing_content(self.content)
        if missing:
            return Report(errors=[missing]), PreviewMemory()
        self.output.mkdir(parents=True, exist_ok=True)
        settings = load_settings(
            self.content,
            self.output,
            Path(self.settings_file),
            STATIC_CHECK_IF_MODIFIED=True,
            **self.overrides,
        )
        state = BuildState(
            mode="preview",
            preview=PreviewBuild(self.memory, settings),
            converted=dict(self.memory.converted),
        )
        report = run_pelican(self.content, settings, state)
        if report.errors:
            return report, PreviewMemory()  # nothing may be trusted next time
        self.memory.converted = {
            path: done for path, done in state.converted.items() if os.path.exists(path)
        }
        return report, self.memory

    def build(self) -> Report:
        """Bring the output up to date; raise BuildFailed on content errors."""
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:  # the build's own process
            os.close(reading)
            try:
                payload = self._build_here()
            except BaseException:
                payload = traceback.format_exc()
            with os.fdopen(writing, "wb") as pipe:
                pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            os._exit(0)
        os.close(writing)
        with os.fdopen(reading, "rb") as pipe:
            payload = pickle.load(pipe)
        os.waitpid(pid, 0)
        if isinstance(payload, str):
            raise RuntimeError(f"the preview build stopped:\n{payload}")
        report, self.memory = payload
        if report.errors:
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
