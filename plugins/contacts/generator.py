"""Reads the contact directory and writes its pages."""

from __future__ import annotations

import logging

from pelican.generators import CachingGenerator
from pelican.utils import process_translations

from contacts.model import GROUPS, Contact, validate_contact
from problems import log_problems
from vietnamese.text import sort_key

logger = logging.getLogger(__name__)


class ContactGenerator(CachingGenerator):
    """content/lien-he/ → /lien-he/, /lien-he/<slug>/ and /en/lien-he/<slug>/."""

    def generate_context(self) -> None:
        contacts = []
        for path in sorted(self.get_files(self.settings["CONTACT_PATHS"])):
            try:
                contact = self.readers.read_file(
                    base_path=self.path, path=path, content_class=Contact, context=self.context
                )
            except Exception as error:  # one unreadable file must not hide the others
                logger.error("Could not process %s: %s", path, error)
                continue
            problems = validate_contact(contact.source_path, contact.metadata)
            log_problems(problems)
            if not problems:
                contacts.append(contact)
        originals, translations = process_translations(contacts, translation_id="slug")
        originals.sort(key=lambda c: (c.order, sort_key(c.title)))
        self.contacts = originals
        self.translations = translations
        self.context["contacts"] = originals
        self.context["contacts_by_slug"] = {c.slug: c for c in originals}
        self.readers.save_cache()  # the Markdown of unchanged files, for rebuilds
        self.context["contact_groups"] = [
            (group, name, [c for c in originals if c.group == group])
            for group, name in GROUPS.items()
        ]

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
