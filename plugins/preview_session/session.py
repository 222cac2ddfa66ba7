"""State a preview keeps between builds in one process: the content objects
of unchanged sources, and what each page was rendered from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Session:
    # generator class name → Pelican's cache dict {path: (stamp, object)}
    caches: dict[str, dict] = field(default_factory=dict)
    # output name → (fingerprint, [(path, localcontext), ...]) of the last build
    writes: dict[str, tuple[Any, list[tuple[str, dict]]]] = field(default_factory=dict)
    # output path → fingerprint of one page of a paginated listing
    pages: dict[str, Any] = field(default_factory=dict)

    def forget(self) -> None:
        """After a failed build nothing may be trusted: start afresh."""
        self.caches.clear()
        self.writes.clear()
        self.pages.clear()


SESSIONS: dict[str, Session] = {}


def session_for(settings: dict) -> Session | None:
    key = settings.get("PORTAL_PREVIEW_SESSION")
    return SESSIONS.setdefault(key, Session()) if key else None
