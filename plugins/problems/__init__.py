"""Content problems: one shape for every validation message.

Validators of every content type return `Problem`s, which the build state
collects (plugins/portal/state.py); `invoke check`, the build and the
preview all read them from there, so a rule is written once.
"""

from problems.report import (
    Problem,
    body_line,
    display_path,
    line_containing,
    line_where,
    locate_key,
)

__all__ = [
    "Problem",
    "body_line",
    "display_path",
    "line_containing",
    "line_where",
    "locate_key",
]
