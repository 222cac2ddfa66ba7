"""Reading one content type's files in a generator: each file read and
validated, every problem logged, only valid items kept."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from blinker import signal

from problems.report import Problem, log_problems

logger = logging.getLogger(__name__)
# Sent with the generator before it reads: plugins may prepare its cache
# (as Pelican's article_generator_init does for articles).
generator_ready = signal("portal-generator-ready")


def read_valid(
    generator: Any,
    folders: list[str],
    content_class: type,
    validate: Callable[[Any], list[Problem]],
) -> list[Any]:
    """Content objects of `folders` (sorted by path) that have no error;
    the reader cache is saved for rebuilds."""
    generator_ready.send(generator)
    items = []
    for path in sorted(generator.get_files(folders)):
        kept = generator.get_cached_data(path, None)  # a preview's unchanged source
        if kept is not None:
            kept._context = generator.context
            items.append(kept)
            continue
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
            generator.cache_data(path, item)
    generator.readers.save_cache()
    return items
