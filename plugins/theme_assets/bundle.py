"""Joining the theme's CSS files into one fingerprinted stylesheet."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path


def stylesheet_sources(theme: Path) -> list[Path]:
    """base.css first (tokens and elements), then components by name."""
    return [theme / "css" / "base.css", *sorted((theme / "templates" / "components").glob("*.css"))]


def build_stylesheet(theme: Path, site_origin: str) -> tuple[str, str]:
    """(output path relative to the site root, CSS text)."""
    # The print stylesheet shows the full address after each site-relative
    # link; CSS cannot know the origin, so it is handed over as a variable.
    parts = [f":root{{--site-origin:{json.dumps(site_origin.rstrip('/'))}}}\n"]
    for source in stylesheet_sources(theme):
        parts.append(f"/* {source.name} */\n{source.read_text(encoding='utf-8').strip()}\n")
    css = "".join(parts)
    return fingerprinted("theme/portal.css", css), css


def fingerprinted(name: str, text: str) -> str:
    """`theme/portal.css` → `theme/portal.<hash of text>.css`."""
    stem, _, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(text.encode()).hexdigest()[:10]}.{suffix}"


IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])\./([\w-]+)\.js\2""")


def scripts(theme: Path) -> dict[str, tuple[str, str]]:
    """Each script of theme/js/ under its fingerprinted name, keyed by stem:
    {"search": ("theme/search.<hash>.js", text)}. A module's imports of its
    neighbours (`from "./query.js"`) name their fingerprinted files, so a
    change to a shared module renames every module that imports it."""
    sources = {p.stem: p.read_text(encoding="utf-8") for p in sorted((theme / "js").glob("*.js"))}
    found: dict[str, tuple[str, str]] = {}

    def resolve(stem: str, seen: tuple[str, ...] = ()) -> tuple[str, str]:
        if stem in seen:
            raise ValueError(f"theme/js: import cycle {' → '.join((*seen, stem))}")
        if stem not in found:

            def named(match: re.Match) -> str:
                if match.group(3) not in sources:
                    raise ValueError(f"theme/js/{stem}.js imports a missing ./{match.group(3)}.js")
                path = resolve(match.group(3), (*seen, stem))[0]
                return f"{match.group(1)}{match.group(2)}./{path.rsplit('/', 1)[1]}{match.group(2)}"

            text = IMPORT.sub(named, sources[stem])
            found[stem] = (fingerprinted(f"theme/{stem}.js", text), text)
        return found[stem]

    for stem in sources:
        resolve(stem)
    return dict(sorted(found.items()))
