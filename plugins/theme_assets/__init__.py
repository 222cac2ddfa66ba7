"""Pelican plugin: what the theme needs besides content.

- The stylesheet, bundled and fingerprinted. Each component keeps its CSS
  beside its Jinja macro (`templates/components/<name>.css`); this joins
  `css/base.css` and those files into one stylesheet whose name carries a
  content hash, so it can be cached for a year and still change the moment
  the theme does.
- The navigation: the links of MAIN_MENU and FOOTER_LINKS whose page this
  build writes, as `menu_links` and `footer_links`, and the portals of
  related bodies (RELATED_PORTALS, https only) as `related_portals`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pelican import signals

from portal import connect
from portal.links import link_of
from portal.published import all_content, site_files, site_path
from portal.state import Step, state_of
from problems import Problem
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
    "SITE_CANONICAL_URL",
    "SITENAME",
    "SITE_SHORTNAME",
    "SITE_IDENTITY",
    "PORTAL_CSS",
    "PORTAL_JS",
    "PROCEDURES_URL",
    "SEARCH_URL",
)


def add_globals(generator) -> None:
    generator.env.globals.update({key: generator.settings[key] for key in THEME_GLOBALS})


def navigation(generators) -> None:
    """The menu and footer links whose target this build writes. The
    settings name every page a full site has; a site without one (no
    "Cơ cấu tổ chức" page yet, no article in a category yet) shows no link
    to it rather than a broken one, and shows it again once the page is
    there. Templates get the lists as page context, so a preview renders
    every page again when they change."""
    context, settings = generators[0].context, generators[0].settings
    files = site_files(context, settings, all_content(context))
    for key, links in (("menu_links", "MAIN_MENU"), ("footer_links", "FOOTER_LINKS")):
        context[key] = [link for link in settings[links] if site_path("/" + link[1]) in files]


@dataclass(frozen=True)
class RelatedPortal:
    name: str
    href: str  # from portal.links.link_of: https only
    description: str


def related_portals(generators) -> None:
    """RELATED_PORTALS as links for the footer and /lien-ket/; any that is
    not https: stops the build (a portal must not send citizens to an
    unencrypted or script address)."""
    context, settings = generators[0].context, generators[0].settings
    portals, problems = [], []
    for name, url, description in settings.get("RELATED_PORTALS", []):
        link = link_of(url, "web")
        if not link.href.startswith("https://"):
            problems.append(
                Problem(
                    "",
                    0,
                    "",
                    f"RELATED_PORTALS (pelicanconf.py): liên kết '{url}' của “{name}” "
                    "phải là địa chỉ đầy đủ bắt đầu bằng https://.",
                )
            )
            continue
        portals.append(RelatedPortal(name, link.href, description))
    state_of(settings).add_problems(problems)
    context["related_portals"] = portals


STEPS = [
    Step("initialized", "theme-assets", prepare),
    Step("link", "related-portals", related_portals),
    Step("context", "navigation", navigation),
]


def register() -> None:
    connect()
    signals.generator_init.connect(add_globals)
