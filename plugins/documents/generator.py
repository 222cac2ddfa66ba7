"""Reads the document library and writes its pages: the table of every
document, the listings by type and by year, each document, and the drafts
put out for comment."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from pelican.generators import CachingGenerator

from documents.model import Document, validate_document
from portal.content import read_valid
from portal.state import state_of
from vietnamese.text import slugify


@dataclass
class Shelf:
    """Documents under one heading (a type or a year), with its listing page."""

    name: str
    slug: str
    url: str
    documents: list[Document] = field(default_factory=list)


def newest_first(documents: list[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: (d.issued, d.date, d.number), reverse=True)


class DocumentGenerator(CachingGenerator):
    """content/van-ban/ → /van-ban/, /van-ban/<slug>/, /van-ban/loai/<slug>/,
    /van-ban/nam/<yyyy>/ and /du-thao/."""

    def generate_context(self) -> None:
        settings = self.settings
        read = read_valid(self, settings["DOCUMENT_PATHS"], Document, validate_document)
        documents = newest_first(read.published)
        self.documents = documents
        self.unlisted = read.hidden + read.drafts
        # Types in the order of the settings list; years newest first.
        self.by_type = [
            Shelf(name, slugify(name), settings["DOCUMENT_TYPE_URL"].format(slug=slugify(name)))
            for name in settings["DOCUMENT_TYPES"]
        ]
        for shelf in self.by_type:
            shelf.documents = [d for d in documents if d.type == shelf.name]
        self.by_type = [shelf for shelf in self.by_type if shelf.documents]
        years = sorted({d.year for d in documents}, reverse=True)
        self.by_year = [
            Shelf(str(year), str(year), settings["DOCUMENT_YEAR_URL"].format(year=year))
            for year in years
        ]
        for shelf in self.by_year:
            shelf.documents = [d for d in documents if str(d.year) == shelf.name]
        drafts = [d for d in documents if d.is_draft_for_comment]
        self.context.update(
            documents=documents,
            hidden_documents=read.hidden,
            draft_documents=read.drafts,
            document_types=self.by_type,
            document_years=self.by_year,
            document_issuers=sorted({d.issuer for d in documents}),
            document_fields=sorted({d.field for d in documents}),
            drafts_for_comment=sorted(drafts, key=lambda d: d.comment_until, reverse=True),
            # The build's date in the city: how many days are left to comment.
            today=state_of(settings).now.astimezone(ZoneInfo(settings["TIMEZONE"])).date(),
        )
        self.context.setdefault("listing_pages", []).extend(
            [
                settings["DOCUMENTS_URL"],
                settings["DRAFTS_FOR_COMMENT_URL"],
                *(shelf.url for shelf in self.by_type + self.by_year),
            ]
        )

    def generate_output(self, writer) -> None:
        settings = self.settings
        template = self.get_template("document")
        for document in self.documents + self.unlisted:
            writer.write_file(
                document.save_as, template, self.context, document=document, page=document
            )
        writer.write_file(
            f"{settings['DOCUMENTS_URL']}index.html", self.get_template("documents"), self.context
        )
        writer.write_file(
            f"{settings['DRAFTS_FOR_COMMENT_URL']}index.html",
            self.get_template("drafts_for_comment"),
            self.context,
        )
        listing = self.get_template("document_list")
        for view, shelves in (("type", self.by_type), ("year", self.by_year)):
            for shelf in shelves:
                writer.write_file(
                    f"{shelf.url}index.html",
                    listing,
                    self.context,
                    paginated={"documents": shelf.documents},
                    template_name="document_list",
                    url=shelf.url,
                    view=view,
                    shelf=shelf,
                )
