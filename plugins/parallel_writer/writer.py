"""The deferring writer and the forked rendering of its pages."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

from pelican.writers import FileOverwriteFailedError, Writer

_writers: dict[str, ParallelWriter] = {}
# Called with each written page's path, in the process that wrote it (so
# work such as compression is shared across cores too). Plugins add theirs.
AFTER_WRITE: list[Callable[[str], None]] = []


class _Deferred:
    """Stands in for a template: rendering is noted, not done."""

    def __init__(self, template: Any, writer: ParallelWriter) -> None:
        self.template = template
        self.writer = writer

    def render(self, localcontext: dict) -> str:
        self.writer._pending = (self.template, localcontext)
        return ""


class _Capture:
    """Stands in for the open file: notes the page as a job to render."""

    def __init__(self, writer: ParallelWriter, path: str | None) -> None:
        self.writer, self.path = writer, path

    def __enter__(self) -> _Capture:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def write(self, _text: str) -> None:
        if self.path is None:  # Pelican decided not to overwrite
            return
        template, localcontext = self.writer._pending
        self.writer.jobs.append((self.path, template, localcontext))
        self.writer.note_job(self.path, localcontext)


class ParallelWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[tuple[str, Any, dict]] = []
        self._pending: tuple[Any, dict] | None = None
        _writers[str(output_path)] = self

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Deferred(template, self), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        """Pelican's checks (no two pages on one path) without opening the
        file: it is written when rendered, and a page the preview keeps is
        never truncated."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
            return _Capture(self, None)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}": already written')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _Capture(self, filename)

    def note_job(self, path: str, localcontext: dict) -> None:
        """Hook for subclasses: a page was laid out (rendered at flush)."""

    def finish(self) -> None:
        """Hook for subclasses: every page of the build is written."""

    def unchanged(self, path: str) -> bool:
        """Hook for subclasses: may a laid-out page keep its current file?"""
        return False

    def render(self, jobs: list[tuple[str, Any, dict]]) -> None:
        for path, template, localcontext in jobs:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(template.render(localcontext))
            for hook in AFTER_WRITE:
                hook(path)


def flush_all(output_path: str) -> None:
    writer = _writers.pop(str(output_path), None)
    if writer is None:
        return
    _render_jobs(writer)
    writer.finish()


def _render_jobs(writer: ParallelWriter) -> None:
    writer.jobs = [job for job in writer.jobs if not writer.unchanged(job[0])]
    if not writer.jobs:
        return
    share = max(1, min(os.cpu_count() or 1, len(writer.jobs) // 50))
    children = []
    for index in range(1, share):
        pid = os.fork()
        if pid == 0:  # child: render its share, then leave without cleanup
            try:
                writer.render(writer.jobs[index::share])
                sys.stdout.flush()
                os._exit(0)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
        children.append(pid)
    writer.render(writer.jobs[0::share])
    failed = [pid for pid in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
    writer.jobs.clear()
    if failed:
        raise RuntimeError(
            f"rendering failed in {len(failed)} worker process(es); see the error above"
        )
