"""Pelican plugin: the theme's stylesheet, bundled and fingerprinted.

Each component keeps its CSS beside its Jinja macro
(`templates/components/<name>.css`); this joins `css/base.css` and those files
into one stylesheet whose name carries a content hash, so it can be cached for
a year and still change the moment the theme does.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from theme_assets.bundle import build_stylesheet

_bundles: dict[int, tuple[str, str]] = {}


def prepare(pelican) -> None:
    name, css = build_stylesheet(
        Path(pelican.settings["THEME"]), pelican.settings["SITE_CANONICAL_URL"]
    )
    pelican.settings["PORTAL_CSS"] = name
    _bundles[id(pelican)] = (name, css)


def write(pelican) -> None:
    name, css = _bundles.pop(id(pelican))
    target = Path(pelican.settings["OUTPUT_PATH"]) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(css, encoding="utf-8")


def register() -> None:
    signals.initialized.connect(prepare)
    signals.finalized.connect(write)
