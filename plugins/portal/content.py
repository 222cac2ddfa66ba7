"""Reading one content type's files in a generator: each file read and
validated once, its problems added to the build state, only valid items kept."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from portal.reader import ContentRejected
from portal.state import state_of
from problems import Problem


def read_valid(
    generator: Any,
    folders: list[str],
    content_class: type,
    validate: Callable[[Any], list[Problem]],
) -> list[Any]:
    """Content objects of `folders` (sorted by path) that have no error."""
    state = state_of(generator.settings)
    items = []
    for path in sorted(generator.get_files(folders)):
        try:
            item = generator.readers.read_file(
                base_path=generator.path,
                path=path,
                content_class=content_class,
                context=generator.context,
            )
        except ContentRejected:
            continue  # its problems are reported already
        except Exception as error:  # one unreadable file must not hide the others
            shown = os.path.join(generator.path, path)
            state.add_problems([Problem(shown, 1, "", f"không đọc được tệp: {error}")])
            continue
        problems = validate(item)
        state.add_problems(problems)
        if not [p for p in problems if p.severity == "error"]:
            items.append(item)
    return items
