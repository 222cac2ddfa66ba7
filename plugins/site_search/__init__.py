"""Pelican plugin: the search of the whole portal at /tim-kiem/ (issue 13).

At the "context" stage it reads a record from each published item's model
(`site_search.records`), builds the sharded index (`site_search.index`),
leaves its files in `state.files` (written at the "write" stage) and names
the manifest for the templates as SITE_SEARCH_INDEX_URL.
"""

from __future__ import annotations

from pathlib import Path

from portal import connect
from portal.state import Step, state_of
from procedure_search.synonyms import read_groups
from site_search.index import INDEX_FOLDER, build_index, weights_of, with_synonyms
from site_search.records import records_of, search_body


def plan_index(generators) -> None:
    context = generators[0].context
    settings = generators[0].settings
    state = state_of(settings)
    # The procedure search reports the file's problems; read here only.
    groups, _ = read_groups(Path(settings["PATH"]) / settings["SEARCH_SYNONYMS_FILE"])
    sources = {}
    records = []
    for source, record in records_of(context):
        sources[id(record)] = source
        records.append(record)

    def weights(record):
        return state.remember(
            sources[id(record)],
            "site-search-weights",
            (record, groups),
            lambda: weights_of(
                with_synonyms(record, groups),
                state.derived(sources[id(record)], "site-search-body", search_body).terms,
            ),
        )

    files = build_index(records, groups, weights)
    context["SITE_SEARCH_INDEX_URL"] = files.pop("manifest")
    context["SEARCH_ARCHIVE_MONTHS"] = archive_months(context.get("dates") or [], settings)
    state.files.update(files)


def archive_months(dates, settings) -> list[tuple[str, str, int]]:
    """(label, path, count) of each month with articles, newest first: the
    archive page (/luu-tru/, paginated) where the month's first article is,
    for the search page's routes without JavaScript."""
    per_page = (settings.get("PAGINATED_TEMPLATES") or {}).get("archives") or len(dates) or 1
    months: dict[tuple[int, int], list[int]] = {}
    for position, article in enumerate(dates):
        months.setdefault((article.date.year, article.date.month), []).append(position)
    found = []
    for (year, month), positions in sorted(months.items(), reverse=True):
        number = min(positions) // per_page + 1
        path = settings["ARCHIVES_URL"] + (f"trang-{number}/" if number > 1 else "")
        found.append((f"Tháng {month:02d}/{year}", path, len(positions)))
    return found


def drop_stale(pelican) -> None:
    """Remove index files of an earlier build from the output (a preview
    updates its output in place, and every index file's name changes with
    any edit): tim-kiem/ holds only this build's index and its page."""
    state = state_of(pelican.settings)
    folder = Path(pelican.settings["OUTPUT_PATH"]) / INDEX_FOLDER
    current = {name for name in state.files if name.startswith(f"{INDEX_FOLDER}/")}
    for path in folder.glob("*.json*"):
        if f"{INDEX_FOLDER}/{path.name.removesuffix('.gz')}" not in current:
            path.unlink()


STEPS = [
    Step("context", "site-search-index", plan_index),
    Step("finish", "site-search-stale", drop_stale),
]
# Made from each body while sources are converted (portal.reading.derive).
DERIVED = {"site-search-body": search_body}


def register() -> None:
    connect()
