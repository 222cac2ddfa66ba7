"""Content problems: one shape for every validation message.

Validators of every content type return `Problem`s; the build logs them and
fails, and `invoke check` prints them, so a rule is written once.
"""

from problems.report import (
    ContentErrors,
    Problem,
    body_line,
    display_path,
    line_containing,
    line_where,
    locate_key,
    log_problems,
    reset_errors,
    stop_if_errors,
)

__all__ = [
    "ContentErrors",
    "Problem",
    "body_line",
    "display_path",
    "line_containing",
    "line_where",
    "locate_key",
    "log_problems",
    "reset_errors",
    "stop_if_errors",
]
