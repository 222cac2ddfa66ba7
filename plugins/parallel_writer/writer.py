"""The deferring writer and the forked rendering of its pages."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from pelican.writers import Writer

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
    def __init__(self, writer: ParallelWriter, path: str) -> None:
        self.writer, self.path = writer, path

    def write(self, _text: str) -> None:
        template, localcontext = self.writer._pending
        self.writer.jobs.append((self.path, template, localcontext))


class ParallelWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[tuple[str, Any, dict]] = []
        self._pending: tuple[Any, dict] | None = None
        _writers[str(output_path)] = self

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Deferred(template, self), context, *args, **kwargs)

    @contextmanager
    def _open_w(self, filename, encoding, override=False):
        # Pelican's own checks (no two pages on one path) still run here.
        with super()._open_w(filename, encoding, override=override):
            yield _Capture(self, filename)

    def render(self, jobs: list[tuple[str, Any, dict]]) -> None:
        for path, template, localcontext in jobs:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(template.render(localcontext))
            for hook in AFTER_WRITE:
                hook(path)


def flush_all(output_path: str) -> None:
    writer = _writers.pop(str(output_path), None)
    if writer is None or not writer.jobs:
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
