"""Pelican plugin: content never runs script. Every rendered body and
summary passes an allow-list sanitiser; what it removes is reported to the
editor as a warning naming the file."""

from __future__ import annotations

from pelican import signals

from problems import Problem, line_where, log_problems
from safe_content.policy import clean, dangers
from vietnamese import reading


def filter_body(html: str) -> tuple[str, list[str]]:
    """The body filter the Markdown reader runs (in its worker processes)."""
    return clean(html), dangers(html)


def sanitise(content) -> None:
    """Report what the reader removed; clean here what another reader made."""
    if not hasattr(content, "_content"):
        return  # static files
    notes = getattr(content, "body_notes", None)
    if notes is None:
        found = dangers(content._content or "") + dangers(getattr(content, "_summary", "") or "")
        content._content = clean(content._content or "")
        if getattr(content, "_summary", None):
            content._summary = clean(content._summary)
    else:
        found = notes.get("safe_content", [])
    if found:
        log_problems([_problem(content.source_path, sorted(set(found)))])


def _problem(source_path: str, found: list[str]) -> Problem:
    line = line_where(source_path, lambda text: bool(dangers(text)))
    return Problem(
        str(source_path),
        line,
        "",
        f"đã loại bỏ {', '.join(found)} khỏi nội dung vì có thể chạy mã độc. "
        "Hãy viết nội dung bằng Markdown thuần; cần nhúng bản đồ, video thì đặt liên kết.",
        "warning",
    )


def register() -> None:
    reading.BODY_FILTERS["safe_content"] = filter_body
    signals.content_object_init.connect(sanitise)
