"""Pelican plugin: the procedure search index (plugins/procedure_search) that
theme/js/search.js queries on /thu-tuc/."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pelican import signals

from problems import log_problems
from procedure_search.index import build_index
from procedure_search.synonyms import read_groups


def write_index(generators) -> None:
    context = generators[0].context
    settings = generators[0].settings
    procedures = context.get("procedures")
    if procedures is None:
        return
    groups, problems = read_groups(Path(settings["PATH"]) / settings["SEARCH_SYNONYMS_FILE"])
    log_problems(problems)
    index = build_index(procedures, groups, settings)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(data.encode()).hexdigest()[:10]
    name = f"thu-tuc/tim-kiem.{digest}.json"
    target = Path(settings["OUTPUT_PATH"]) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(data, encoding="utf-8")
    context["SEARCH_INDEX_URL"] = name


def register() -> None:
    signals.all_generators_finalized.connect(write_index)
