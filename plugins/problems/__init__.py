"""Content problems: one shape for every validation message.

Validators of every content type return `Problem`s, which the build state
collects (plugins/portal/state.py); `invoke check`, the build and the
preview all read them from there, so a rule is written once.
"""

from problems.report import (
    Problem,
    display_path,
    key_line,
    line_containing,
    line_where,
    problem_at,
)

__all__ = [
    "Problem",
    "display_path",
    "key_line",
    "line_containing",
    "line_where",
    "problem_at",
]
