"""The `Problem` record and how it is located, formatted and logged."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("portal.content")


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
        key = f" {self.key}:" if self.key else ""
        return f"{display_path(self.path)}:{self.line}:{key} {self.message}"


def locate_key(path: str | Path, key: str) -> int:
    """Line number (1-based) of the metadata line `key:` in `path`; for a key
    that is missing, the blank line ending the metadata, where it belongs."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.IGNORECASE)
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return number  # metadata ends at the first blank line
        if pattern.match(line):
            return number
    return len(lines) + 1


class ContentErrors(Exception):
    """Raised once every rule has run and some content is in error: nothing
    more is built from content known to be wrong. The messages were logged."""


_errors_logged = 0


def log_problems(problems: list[Problem]) -> None:
    """Log each problem; errors fail the build (see site_tools.build)."""
    global _errors_logged
    for problem in problems:
        level = logging.ERROR if problem.severity == "error" else logging.WARNING
        _errors_logged += level == logging.ERROR
        logger.log(level, "%s", problem)


def reset_errors() -> None:
    global _errors_logged
    _errors_logged = 0


def stop_if_errors() -> None:
    """End the build here when any content error has been logged."""
    if _errors_logged:
        raise ContentErrors(f"{_errors_logged} content errors")


@functools.lru_cache(maxsize=4096)
def display_path(path: str | Path) -> str:
    """`path` as an editor would type it: relative to the working folder when
    inside it, absolute otherwise."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(resolved)
