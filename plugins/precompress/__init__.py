"""Pelican plugin: a .gz beside every text file of the built site, so nginx
(gzip_static) sends compressed bytes without compressing per request.
Deterministic (no time stamp inside), so builds stay byte-identical."""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"}


def _compress(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def compress_tree(output: Path) -> int:
    """Write or refresh NAME.gz for each text file; returns how many. zlib
    releases the GIL, so one thread per core compresses in parallel."""
    paths = [p for p in sorted(output.rglob("*")) if p.suffix in TEXT_SUFFIXES and p.is_file()]
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        list(pool.map(_compress, paths))
    return len(paths)


def compress(pelican) -> None:
    compress_tree(Path(pelican.settings["OUTPUT_PATH"]))


def register() -> None:
    # Connected last in PLUGINS: runs after every plugin wrote its files.
    signals.finalized.connect(compress)
