"""Citations: the one resolver from a document number written anywhere in
content to the document in the library.

The numbers a body cites are found while sources are converted (DERIVED,
`cited_numbers`). At the link step every item gets `citations` (number key →
document) and every document its `cited_by`, `replaced_by` and `replaces`.
Pages link the numbers with the `link_citations` filter, given the item's
citations explicitly, so what a page shows depends only on what its
template is handed."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from documents.model import Document
from portal.markup import rewrite
from portal.publication import is_listed, is_written
from portal.published import all_content
from portal.state import state_of
from problems import Problem, display_path, line_containing, problem_at
from vietnamese.text import CITED_NUMBER, number_key, plain_text, sort_key

_QUIET = frozenset({"a", "code", "pre", "script", "style"})  # never linked inside these


def cited_numbers(body_html: str) -> tuple[str, ...]:
    """Document numbers written in a body, as written, once each."""
    return tuple(dict.fromkeys(m.group() for m in CITED_NUMBER.finditer(plain_text(body_html))))


def link_citations(html: str, citations: dict[str, Document], siteurl: str = "") -> Markup:
    """`html` with each cited number that is in the library made a link to
    its document; text inside links, code and preformatted blocks is left."""
    if not citations:
        return Markup(html)
    return rewrite(
        html,
        _QUIET,
        text=lambda run: CITED_NUMBER.sub(lambda m: _linked(m.group(), citations, siteurl), run),
    )


def _linked(number: str, citations: dict[str, Document], siteurl: str) -> str:
    document = citations.get(number_key(number))
    if document is None:
        return number
    return f'<a class="citation" href="{siteurl}/{document.url}">{number}</a>'


def link_documents(generators) -> None:
    """Every item's citations, every document's citing items and its
    replacements; unknown Replaced-by numbers and duplicates are problems,
    numbers not in the library an editor's note in `check`."""
    context, settings = generators[0].context, generators[0].settings
    state = state_of(settings)
    documents = sorted(  # a duplicate is reported at the later file
        [
            *context.get("documents", []),
            *context.get("hidden_documents", []),
            *context.get("draft_documents", []),
        ],
        key=lambda d: d.source_path,
    )
    library: dict[str, Document] = {}
    problems: list[Problem] = []
    for document in documents:
        first = library.get(document.key)
        if first is not None and is_written(first) == is_written(document):
            problems.append(
                problem_at(
                    document,
                    "Number",
                    f"số '{document.number}' đã dùng ở {display_path(first.source_path)}. "
                    "Mỗi văn bản có một số, ký hiệu riêng.",
                )
            )
        elif first is None or is_written(document):
            library[document.key] = document
    for document in documents:
        number = document.replaced_by_number
        if not number:
            continue
        replacement = library.get(number_key(number))
        if replacement is None or (is_written(document) and not is_written(replacement)):
            problems.append(
                problem_at(
                    document,
                    "Replaced-by",
                    f"không có văn bản số '{number}' trong thư viện (content/van-ban). "
                    "Hãy thêm văn bản đó, hoặc viết đúng số của nó.",
                )
            )
            continue
        document.replaced_by = replacement
        replacement.replaces.append(document)
    written = {key: d for key, d in library.items() if is_written(d)}
    unknown: dict[str, list[tuple[Any, str]]] = {}
    for item in all_content(context, drafts=True):
        found = state.derived(item.source_path, "document-numbers", cited_numbers)
        own = getattr(item, "key", None)
        item.citations = {}
        for number in found:
            key = number_key(number)
            target = written.get(key)
            if target is None:
                unknown.setdefault(key, []).append((item, number))
            elif key != own:
                item.citations[key] = target
                if is_listed(item) and item not in target.cited_by:
                    target.cited_by.append(item)
    for document in library.values():
        document.cited_by.sort(key=lambda i: sort_key(plain_text(i.title)))
        document.replaces.sort(key=lambda d: d.issued or 0)
    state.add_problems(problems)
    if state.mode == "check":
        state.add_problems(
            Problem(
                str(item.source_path),
                line_containing(item.source_path, number),
                "",
                f"số hiệu '{number}' chưa có trong thư viện văn bản nên chưa thành liên kết. "
                "Nếu là văn bản của thành phố, hãy thêm nó vào content/van-ban.",
                "note",
            )
            for uses in unknown.values()
            for item, number in uses
        )
