"""Pelican plugin: the theme's stylesheet, bundled and fingerprinted.

Each component keeps its CSS beside its Jinja macro
(`templates/components/<name>.css`); this joins `css/base.css` and those files
into one stylesheet whose name carries a content hash, so it can be cached for
a year and still change the moment the theme does.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from portal import connect
from portal.state import Step, state_of
from theme_assets.bundle import build_stylesheet, scripts


def prepare(pelican) -> None:
    """Name the assets before any page is rendered: templates link to them
    through PORTAL_CSS and PORTAL_JS (stem → URL path)."""
    theme = Path(pelican.settings["THEME"])
    name, css = build_stylesheet(theme, pelican.settings["SITE_CANONICAL_URL"])
    found = scripts(theme)
    pelican.settings["PORTAL_CSS"] = name
    pelican.settings["PORTAL_JS"] = {stem: path for stem, (path, _) in found.items()}
    state_of(pelican.settings).files.update([(name, css), *found.values()])


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
    "SEARCH_URL",
)


def add_globals(generator) -> None:
    generator.env.globals.update({key: generator.settings[key] for key in THEME_GLOBALS})


STEPS = [Step("initialized", "theme-assets", prepare)]


def register() -> None:
    connect()
    signals.generator_init.connect(add_globals)
