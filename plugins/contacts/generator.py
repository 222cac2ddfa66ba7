"""Reads the contact directory and writes its pages."""

from __future__ import annotations

from pelican.generators import CachingGenerator
from pelican.utils import process_translations

from contacts.model import GROUPS, Contact, validate_contact
from portal.content import read_valid
from portal.state import state_of
from problems import problem_at
from vietnamese.text import plain_text, sort_key


class ContactGenerator(CachingGenerator):
    """content/lien-he/ → /lien-he/, /lien-he/<slug>/ and /en/lien-he/<slug>/."""

    def generate_context(self) -> None:
        read = read_valid(
            self,
            self.settings["CONTACT_PATHS"],
            Contact,
            validate_contact,
        )
        # Each publication on its own: a translation is paired with its
        # original among items of the same publication only.
        originals, translations = process_translations(read.published, translation_id="slug")
        hidden, hidden_translations = process_translations(read.hidden, translation_id="slug")
        drafts, draft_translations = process_translations(read.drafts, translation_id="slug")
        originals.sort(key=lambda c: (c.order, sort_key(plain_text(c.title))))
        # The decree asks for every unit's functions and contacts in English.
        state_of(self.settings).add_problems(
            problem_at(
                contact,
                "Slug",
                f"đơn vị chưa có bản tiếng Anh. Luật yêu cầu chức năng, nhiệm vụ và thông tin "
                f"liên hệ bằng tiếng Anh: hãy thêm tệp '{contact.slug}.en.md' cùng 'Slug: "
                f"{contact.slug}' và dòng 'Lang: en'.",
                "warning",
            )
            for contact in originals
            if contact.lang != "en" and not contact.translations
        )
        self.contacts = originals + hidden + drafts
        self.translations = translations + hidden_translations + draft_translations
        # Only published units are listed; procedures may name hidden ones.
        self.context["contacts"] = originals
        self.context["contacts_by_slug"] = {c.slug: c for c in originals + hidden}
        self.context["hidden_contacts"] = hidden
        self.context["draft_contacts"] = drafts
        self.context["contact_groups"] = [
            (group, name, [c for c in originals if c.group == group])
            for group, name in GROUPS.items()
        ]
        # The directory page, written even when empty (link checks, navigation).
        self.context.setdefault("listing_pages", []).append(self.settings["CONTACTS_SAVE_AS"])

    def generate_output(self, writer) -> None:
        for contact in self.contacts + self.translations:
            writer.write_file(
                contact.save_as,
                self.get_template("contact"),
                self.context,
                contact=contact,
                page=contact,
            )
        writer.write_file(
            self.settings["CONTACTS_SAVE_AS"], self.get_template("contacts"), self.context
        )
