"""Pelican plugin: a .gz beside every text file of the built site, so nginx
(gzip_static) sends compressed bytes without compressing per request.
Deterministic (no time stamp inside), so builds stay byte-identical."""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from portal import connect
from portal.state import Step, state_of

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"}


def _compress(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def _stale(path: Path) -> bool:
    packed = path.with_name(path.name + ".gz")
    return not packed.exists() or packed.stat().st_mtime_ns < path.stat().st_mtime_ns


def compress_tree(output: Path, unchanged: set[str] | frozenset[str] = frozenset()) -> int:
    """Write or refresh NAME.gz for each text file that lacks an up-to-date
    one; returns how many. `unchanged` are pages written again with the same
    text (a preview): their .gz stays. zlib releases the GIL: one thread per core."""
    paths = []
    for folder, _, names in os.walk(output):  # scandir: no stat for most entries
        for name in names:
            suffix = os.path.splitext(name)[1]
            if suffix in TEXT_SUFFIXES:
                path = Path(folder, name)
                if str(path) not in unchanged and _stale(path):
                    paths.append(path)
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        list(pool.map(_compress, sorted(paths)))
    return len(paths)


def compress(pelican) -> None:
    preview = state_of(pelican.settings).preview
    compress_tree(Path(pelican.settings["OUTPUT_PATH"]), preview.kept if preview else frozenset())


STEPS = [Step("finish", "precompress", compress)]


def register() -> None:
    connect()
