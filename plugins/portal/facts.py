"""A content item's facts, presented once: each fact is a label, a plain-text
value and, when it is one, a link (`portal.links`, the only maker of a
fact's href). Page templates (the summary_box and
contact_block components), JSON-LD, feeds and the search index all read the
same `Fact`s, and each output escapes them in its one place: Jinja's
autoescape for pages, `jsonld.schema.to_script` for JSON-LD, `facts_html`
here for feed HTML, JSON and `textContent` for the search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from portal.links import NO_LINK, Link


@dataclass(frozen=True)
class Fact:
    key: str  # stable name: "fee", "phone" …
    label: str  # as shown to readers
    text: str  # plain text, never markup
    link: Link = NO_LINK  # from portal.links.link_of when the fact is a link

    @property
    def href(self) -> str:
        """tel:, mailto:, https: (or http:) — or "" when not a link."""
        return self.link.href


def text_of(metadata: dict[str, Any], key: str) -> str:
    """A metadata value as plain text (as the editor wrote it, trimmed)."""
    return str(metadata.get(key, "") or "").strip()


def set_text_fields(item: Any, metadata: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Each key's value as plain text on `item`, under the key's name with
    `_` for `-` ("processing-time" → item.processing_time)."""
    for key in keys:
        setattr(item, key.replace("-", "_"), text_of(metadata, key))


class HasFacts:
    """Mixin of content models: `facts` (built once by the model), the
    `links` of its link keys (metadata key → Link, reported by the model's
    validator with `portal.links.problems_of_links`) and the link of one fact by
    key."""

    facts: tuple[Fact, ...] = ()
    links: dict[str, Link]  # set by each model

    def fact_href(self, key: str) -> str:
        return next((f.href for f in self.facts if f.key == key), "")


def facts_html(facts: tuple[Fact, ...] | list[Fact]) -> Markup:
    """Facts as an HTML description list for feed content: every label and
    value escaped here."""
    rows = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(fact.label, fact.text) for fact in facts
    )
    return Markup("<dl>{}</dl>").format(rows) if rows else Markup("")


def facts_text(facts: tuple[Fact, ...] | list[Fact]) -> str:
    """Facts as one plain-text line (feed summaries, descriptions)."""
    return "; ".join(f"{fact.label}: {fact.text}" for fact in facts)
