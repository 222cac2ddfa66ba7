"""Reading one content type's files in a generator: each file read and
validated, every problem logged, only valid items kept."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from problems.report import Problem, log_problems

logger = logging.getLogger(__name__)


def read_valid(
    generator: Any,
    folders: list[str],
    content_class: type,
    validate: Callable[[Any], list[Problem]],
) -> list[Any]:
    """Content objects of `folders` (sorted by path) that have no error;
    the reader cache is saved for rebuilds."""
    items = []
    for path in sorted(generator.get_files(folders)):
        try:
            item = generator.readers.read_file(
                base_path=generator.path,
                path=path,
                content_class=content_class,
                context=generator.context,
            )
        except Exception as error:  # one unreadable file must not hide the others
            logger.error("Could not process %s: %s", path, error)
            continue
        problems = validate(item)
        log_problems(problems)
        if not [p for p in problems if p.severity == "error"]:
            items.append(item)
    generator.readers.save_cache()
    return items
