"""Reading one content type's files in a generator: each file read and
validated once, its problems added to the build state, only valid items
kept, sorted by publication (portal/publication.py) as Pelican's own
generators sort articles and pages."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from portal.publication import is_listed, is_written
from portal.reader import ContentRejected
from portal.state import state_of
from problems import Problem


@dataclass
class Items:
    """One content type's valid items, each in one list by publication."""

    published: list[Any] = field(default_factory=list)  # listed everywhere
    hidden: list[Any] = field(default_factory=list)  # written, listed nowhere
    drafts: list[Any] = field(default_factory=list)  # drafts and scheduled: preview only

    def add(self, item: Any) -> None:
        if is_listed(item):
            self.published.append(item)
        elif is_written(item):
            self.hidden.append(item)
        else:
            self.drafts.append(item)


def read_valid(
    generator: Any,
    folders: list[str],
    content_class: type,
    validate: Callable[[Any], list[Problem]],
) -> Items:
    """Content objects of `folders` (each list sorted by path) that have no error."""
    state = state_of(generator.settings)
    items = Items()
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
            items.add(item)
    return items
