"""Rewriting a body's HTML (already sanitised by the reader) token by token:
the one walker behind the filters that add links or labels to bodies at
render time (documents' citations, attachments' labels)."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

_TOKEN = re.compile(r"(<[^>]*>)")


def tag_name(token: str) -> tuple[str, bool]:
    """("a", False) for '<a href="…">', ("a", True) for "</a>"."""
    name = token[1:].split(maxsplit=1)[0].rstrip("/>").lower()
    return name.lstrip("/"), name.startswith("/")


def rewrite(
    html: str,
    quiet: frozenset[str],
    text: Callable[[str], str] | None = None,
    tag: Callable[[str, str, bool], str] | None = None,
) -> Markup:
    """`html` with each run of text passed through `text(run)` and each tag
    through `tag(token, name, closing)`, except inside the elements named in
    `quiet` (code, scripts, existing links …), which are left as they are."""
    out, depth = [], 0
    for token in _TOKEN.split(str(html)):
        if token.startswith("<") and len(token) > 2:
            name, closing = tag_name(token)
            if name in quiet:
                depth = max(0, depth + (-1 if closing else 1))
            elif depth == 0 and tag is not None:
                token = tag(token, name, closing)
        elif token and depth == 0 and text is not None:
            token = text(token)
        out.append(token)
    return Markup("".join(out))
