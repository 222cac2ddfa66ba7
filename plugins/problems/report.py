"""The `Problem` record and how it is located, formatted and logged."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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


def key_line(item: Any, key: str) -> int:
    """Line of `key` in a content item's source, as its reader recorded it;
    for a key that is missing, the line where the metadata block ends (where
    the editor should add it)."""
    lines = getattr(item, "source_lines", None) or {}
    body = getattr(item, "body_line", 2) or 2
    return lines.get(key.lower()) or max(1, body - 1)


def problem_at(item: Any, key: str, message: str, severity: str = "error") -> Problem:
    """A problem with `key` of a content item, at the key's line."""
    return Problem(str(item.source_path), key_line(item, key), key, message, severity)


@functools.lru_cache(maxsize=4096)
def display_path(path: str | Path) -> str:
    """`path` as an editor would type it: relative to the working folder when
    inside it, absolute otherwise."""
    resolved = Path(os.path.abspath(path))  # a symlink is named, not its target
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(resolved)
