"""Reads procedure guides and writes their pages and the procedure index."""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.generators import CachingGenerator

from portal.content import read_valid
from portal.state import state_of
from procedures.model import Procedure, reference_problems, validate_procedure
from vietnamese.text import plain_text, slugify, sort_key, sort_vi

RELATED_COUNT = 6


@dataclass
class Group:
    """Procedures under one heading of an index (a field, a level, …); `url`
    is its own listing page, when it has one."""

    name: str
    slug: str
    procedures: list[Procedure] = field(default_factory=list)
    url: str = ""


def group_by(procedures: list[Procedure], attribute: str, url: str = "") -> list[Group]:
    """Groups in Vietnamese order of their name, procedures by title; `url`
    is a pattern with {slug} for the groups' listing pages."""
    groups: dict[str, Group] = {}
    for procedure in procedures:
        name = getattr(procedure, attribute)
        slug = slugify(name)
        group = groups.setdefault(name, Group(name, slug, url=url.format(slug=slug)))
        group.procedures.append(procedure)
    return sort_vi(groups.values(), key=lambda g: g.name)


class ProcedureGenerator(CachingGenerator):
    """content/thu-tuc/ → /thu-tuc/, /thu-tuc/<slug>/, field, level and online views."""

    def generate_context(self) -> None:
        read = read_valid(
            self,
            self.settings["PROCEDURE_PATHS"],
            Procedure,
            validate_procedure,
        )
        # Only published procedures are listed, related, indexed and in feeds;
        # hidden ones and drafts get their own page (drafts in a preview only).
        procedures = read.published
        procedures.sort(key=lambda p: sort_key(plain_text(p.title)))  # titles are HTML
        self.procedures = procedures
        self.unlisted = read.hidden + read.drafts
        fields = group_by(procedures, "field", self.settings["PROCEDURE_FIELD_URL"])
        for group in fields:
            for procedure in group.procedures:
                others = [p for p in group.procedures if p is not procedure]
                procedure.related_procedures = others[:RELATED_COUNT]

        levels = [
            Group(level, slugify(level), [p for p in procedures if p.level == level])
            for level in self.settings["PROCEDURE_LEVELS"]
        ]
        for group in levels:
            group.url = self.settings["PROCEDURE_LEVEL_URL"].format(slug=group.slug)
        online = [p for p in procedures if p.is_online]
        # Each listing page: (view, group shown, groups inside it).
        self.views = (
            [("field", group, [group]) for group in fields]
            + [("level", group, group_by(group.procedures, "field")) for group in levels]
            + [
                (
                    "online",
                    Group(
                        "Dịch vụ công trực tuyến",
                        "truc-tuyen",
                        online,
                        self.settings["PROCEDURE_ONLINE_URL"],
                    ),
                    group_by(online, "field"),
                )
            ]
        )
        self.context.update(
            procedures=procedures,
            hidden_procedures=read.hidden,
            draft_procedures=read.drafts,
            procedure_fields=fields,
            procedure_levels=levels,
            online_procedures=online,
        )
        # Pages this generator writes besides the procedures (link checks, navigation).
        self.context.setdefault("listing_pages", []).extend(
            [self.settings["PROCEDURES_URL"], *(group.url for _, group, _ in self.views)]
        )

    def generate_output(self, writer) -> None:
        template = self.get_template("procedure")
        for procedure in self.procedures + self.unlisted:
            writer.write_file(
                procedure.save_as, template, self.context, procedure=procedure, page=procedure
            )
        writer.write_file(
            f"{self.settings['PROCEDURES_URL']}index.html",
            self.get_template("procedures"),
            self.context,
        )
        listing = self.get_template("procedure_list")
        for view, group, groups in self.views:
            writer.write_file(
                f"{group.url}index.html",
                listing,
                self.context,
                view=view,
                group=group,
                groups=groups,
                view_url=group.url,
            )


def link_units(generators) -> None:
    """Each procedure's units where papers are submitted (Submit-at), and each
    unit's published procedures; unknown units and duplicate codes are
    problems. A procedure that is written may name only written units; a
    draft may also name draft units (both are shown in the preview only)."""
    context = generators[0].context
    listed = context.get("procedures", [])
    hidden, drafts = context.get("hidden_procedures", []), context.get("draft_procedures", [])
    contacts = context.get("contacts_by_slug", {})
    draft_contacts = {c.slug: c for c in context.get("draft_contacts", [])}
    state_of(generators[0].settings).add_problems(
        reference_problems(listed + hidden + drafts, set(contacts), set(draft_contacts))
    )
    units = {**draft_contacts, **contacts}
    for procedure in listed + hidden + drafts:
        procedure.submit_units = [units[s] for s in procedure.submit_at if s in units]
    for slug, contact in units.items():
        contact.procedures = [p for p in listed if slug in p.submit_at]
        for translation in getattr(contact, "translations", []):
            translation.procedures = contact.procedures
