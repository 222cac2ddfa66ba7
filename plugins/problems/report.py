"""The `Problem` record and how it is located, formatted and logged."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one content file, in the `path:line: Key: message` form.

    `message` is Vietnamese and says what to write instead; `key` is the
    English metadata key the editor typed (or "" for the whole file); `path`
    is the source as Pelican names it, shown relative when printed.
    """

    path: str
    line: int
    key: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        if not self.path:  # the build as a whole (Pelican's own messages)
            return self.message
        key = f" {self.key}:" if self.key else ""
        return f"{display_path(self.path)}:{self.line}:{key} {self.message}"


def _source_lines(path: str | Path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return []


def line_where(path: str | Path, test: Callable[[str], bool], default: int = 1) -> int:
    """Number (1-based) of the first line of `path` that passes `test`."""
    return next((n for n, line in enumerate(_source_lines(path), start=1) if test(line)), default)


def line_containing(path: str | Path, text: str) -> int:
    return line_where(path, lambda line: text in line)


def locate_key(path: str | Path, key: str) -> int:
    """Line number (1-based) of the metadata line `key:` in `path`; for a key
    that is missing, the blank line ending the metadata, where it belongs."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.IGNORECASE)
    lines = _source_lines(path)
    return line_where(
        path, lambda line: not line.strip() or bool(pattern.match(line)), len(lines) + 1
    )


def body_line(path: str | Path) -> int:
    """First line of the body, after the metadata block."""
    return line_where(path, lambda line: not line.strip()) + 1


@functools.lru_cache(maxsize=4096)
def display_path(path: str | Path) -> str:
    """`path` as an editor would type it: relative to the working folder when
    inside it, absolute otherwise."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(resolved)
