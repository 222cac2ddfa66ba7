"""Reads procedure guides and writes their pages and the procedure index."""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.generators import CachingGenerator

from problems import log_problems
from problems.reading import read_valid
from procedures.model import Procedure, reference_problems, validate_procedure
from vietnamese.text import slugify, sort_key, sort_vi

RELATED_COUNT = 6


@dataclass
class Group:
    """Procedures under one heading of an index (a field, a level, …)."""

    name: str
    slug: str
    procedures: list[Procedure] = field(default_factory=list)


def group_by(procedures: list[Procedure], attribute: str) -> list[Group]:
    """Groups in Vietnamese order of their name, procedures by title."""
    groups: dict[str, Group] = {}
    for procedure in procedures:
        name = getattr(procedure, attribute)
        groups.setdefault(name, Group(name, slugify(name))).procedures.append(procedure)
    return sort_vi(groups.values(), key=lambda g: g.name)


class ProcedureGenerator(CachingGenerator):
    """content/thu-tuc/ → /thu-tuc/, /thu-tuc/<slug>/, field, level and online views."""

    def generate_context(self) -> None:
        procedures = read_valid(
            self,
            self.settings["PROCEDURE_PATHS"],
            Procedure,
            lambda p: validate_procedure(
                p.source_path, p.metadata, list(p.section_texts), self.settings
            ),
        )
        contacts = self.context.get("contacts_by_slug", {})
        log_problems(reference_problems(procedures, set(contacts)))

        procedures.sort(key=lambda p: sort_key(p.title))
        self.procedures = procedures
        fields = group_by(procedures, "field")
        for group in fields:
            for procedure in group.procedures:
                others = [p for p in group.procedures if p is not procedure]
                procedure.related_procedures = others[:RELATED_COUNT]
                procedure.submit_units = [contacts[s] for s in procedure.submit_at if s in contacts]
        for slug, contact in contacts.items():
            contact.procedures = [p for p in procedures if slug in p.submit_at]
            for translation in getattr(contact, "translations", []):
                translation.procedures = contact.procedures

        levels = self.settings["PROCEDURE_LEVELS"]
        self.context.update(
            procedures=procedures,
            procedure_fields=fields,
            procedure_levels=[
                Group(level, slugify(level), [p for p in procedures if p.level == level])
                for level in levels
            ],
            online_procedures=[p for p in procedures if p.is_online],
        )

    def generate_output(self, writer) -> None:
        template = self.get_template("procedure")
        for procedure in self.procedures:
            writer.write_file(
                procedure.save_as, template, self.context, procedure=procedure, page=procedure
            )
        writer.write_file("thu-tuc/index.html", self.get_template("procedures"), self.context)
        listing = self.get_template("procedure_list")
        views = [
            ("field", group, f"thu-tuc/linh-vuc/{group.slug}/")
            for group in self.context["procedure_fields"]
        ] + [
            ("level", group, f"thu-tuc/cap/{group.slug}/")
            for group in self.context["procedure_levels"]
        ]
        for kind, group, url in views:
            writer.write_file(
                f"{url}index.html",
                listing,
                self.context,
                view=kind,
                group=group,
                groups=group_by(group.procedures, "field") if kind == "level" else [group],
                view_url=url,
            )
        online = self.context["online_procedures"]
        writer.write_file(
            "thu-tuc/truc-tuyen/index.html",
            listing,
            self.context,
            view="online",
            group=Group("Dịch vụ công trực tuyến", "truc-tuyen", online),
            groups=group_by(online, "field"),
            view_url="thu-tuc/truc-tuyen/",
        )
