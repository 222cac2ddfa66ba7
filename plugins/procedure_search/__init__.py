"""Pelican plugin: the procedure search index (plugins/procedure_search) that
theme/js/search.js queries on /thu-tuc/."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from portal import connect
from portal.state import Step, state_of
from procedure_search.index import build_index
from procedure_search.synonyms import read_groups


def plan_index(generators) -> None:
    """Name the index before pages are rendered (the search page links to it)."""
    context = generators[0].context
    settings = generators[0].settings
    procedures = context.get("procedures")
    if procedures is None:
        return
    state = state_of(settings)
    groups, problems = read_groups(Path(settings["PATH"]) / settings["SEARCH_SYNONYMS_FILE"])
    state.add_problems(problems)
    index = build_index(procedures, groups, settings)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(data.encode()).hexdigest()[:10]
    name = f"thu-tuc/tim-kiem.{digest}.json"
    state.files[name] = data
    context["SEARCH_INDEX_URL"] = name


STEPS = [Step("context", "procedure-search-index", plan_index)]


def register() -> None:
    connect()
