"""Joining the theme's CSS files into one fingerprinted stylesheet."""

from __future__ import annotations

import hashlib
import json
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


def scripts(theme: Path) -> dict[str, tuple[str, str]]:
    """Each script of theme/js/ under its fingerprinted name, keyed by stem:
    {"search": ("theme/search.<hash>.js", text)}."""
    found = {}
    for source in sorted((theme / "js").glob("*.js")):
        text = source.read_text(encoding="utf-8")
        found[source.stem] = (fingerprinted(f"theme/{source.name}", text), text)
    return found
