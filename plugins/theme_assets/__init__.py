"""Pelican plugin: the theme's stylesheet, bundled and fingerprinted.

Each component keeps its CSS beside its Jinja macro
(`templates/components/<name>.css`); this joins `css/base.css` and those files
into one stylesheet whose name carries a content hash, so it can be cached for
a year and still change the moment the theme does.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from theme_assets.bundle import build_stylesheet, scripts

_bundles: dict[int, list[tuple[str, str]]] = {}


def prepare(pelican) -> None:
    """Name the assets before any page is rendered: templates link to them
    through PORTAL_CSS and PORTAL_JS (stem → URL path)."""
    theme = Path(pelican.settings["THEME"])
    name, css = build_stylesheet(theme, pelican.settings["SITE_CANONICAL_URL"])
    found = scripts(theme)
    pelican.settings["PORTAL_CSS"] = name
    pelican.settings["PORTAL_JS"] = {stem: path for stem, (path, _) in found.items()}
    _bundles[id(pelican)] = [(name, css), *found.values()]


def write(pelican) -> None:
    for name, text in _bundles.pop(id(pelican)):
        target = Path(pelican.settings["OUTPUT_PATH"]) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


# Settings the theme's components read. As Jinja globals they reach macros
# imported without the page context, which Jinja can then import once per
# build instead of once per page.
THEME_GLOBALS = (
    "SITEURL",
    "SITENAME",
    "SITE_SHORTNAME",
    "SITE_IDENTITY",
    "MAIN_MENU",
    "FOOTER_LINKS",
    "PORTAL_CSS",
    "PORTAL_JS",
    "PROCEDURES_URL",
)


def add_globals(generator) -> None:
    generator.env.globals.update({key: generator.settings[key] for key in THEME_GLOBALS})


def register() -> None:
    signals.initialized.connect(prepare)
    signals.generator_init.connect(add_globals)
    signals.finalized.connect(write)
