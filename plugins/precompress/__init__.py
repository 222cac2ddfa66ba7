"""Pelican plugin: a .gz beside every text file of the built site, so nginx
(gzip_static) sends compressed bytes without compressing per request.
Deterministic (no time stamp inside), so builds stay byte-identical."""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from parallel_writer.writer import AFTER_WRITE

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"}


def _compress(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def compress_page(path: str) -> None:
    """Compress a page right after it is written, in the writing process."""
    if path.endswith(tuple(TEXT_SUFFIXES)):
        _compress(Path(path))


def _stale(path: Path) -> bool:
    packed = path.with_name(path.name + ".gz")
    return not packed.exists() or packed.stat().st_mtime_ns < path.stat().st_mtime_ns


def compress_tree(output: Path) -> int:
    """Write or refresh NAME.gz for each text file that lacks an up-to-date
    one; returns how many. Pages (.html) are compressed by the process that
    renders them (compress_page). zlib releases the GIL: one thread per core."""
    paths = []
    for folder, _, names in os.walk(output):  # scandir: no stat for most entries
        for name in names:
            suffix = os.path.splitext(name)[1]
            if suffix in TEXT_SUFFIXES and suffix != ".html":
                path = Path(folder, name)
                if _stale(path):
                    paths.append(path)
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        list(pool.map(_compress, sorted(paths)))
    return len(paths)


def compress(pelican) -> None:
    compress_tree(Path(pelican.settings["OUTPUT_PATH"]))


def register() -> None:
    AFTER_WRITE.append(compress_page)
    # Connected last in PLUGINS: runs after every plugin wrote its files.
    signals.finalized.connect(compress)
