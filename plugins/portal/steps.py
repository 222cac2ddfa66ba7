"""The portal's build steps, run at Pelican's run-level signals in the order
of their stage (portal.state.STAGES).

Plugins do not connect to those signals themselves: each declares a `STEPS`
list in its package, read here from the plugins Pelican loaded. Within a
stage steps run in name order and do not depend on each other, so the order
of PLUGINS never matters.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join

from portal.state import STAGES, BuildState, Step, state_of


class ContentErrors(Exception):
    """Raised at the gate once every rule has run and some content is in
    error: nothing is built from content known to be wrong."""


class ChecksDone(Exception):
    """Raised at the gate of a `check` run: everything was read and
    validated, and no page is to be written."""


def collect(plugins: list[Any]) -> list[Step]:
    steps = [step for plugin in plugins for step in getattr(plugin, "STEPS", ())]
    return sorted(steps, key=lambda step: (STAGES.index(step.stage), step.name))


def run_stage(state: BuildState, stage: str, argument: Any) -> None:
    for step in state.steps:
        if step.stage == stage:
            step.run(argument)


def on_initialized(pelican) -> None:
    import portal  # the backbone's own steps, also when it is not in PLUGINS

    state = state_of(pelican.settings)
    modules = {id(module): module for module in [portal, *pelican.plugins]}
    state.steps = collect(list(modules.values()))
    run_stage(state, "initialized", pelican)


def on_content_ready(generators) -> None:
    state = state_of(generators[0].settings)
    run_stage(state, "link", generators)
    run_stage(state, "check", generators)
    if state.problems.errors:
        raise ContentErrors(f"{len(state.problems.errors)} content errors")
    if state.mode == "check":
        raise ChecksDone()
    run_stage(state, "context", generators)


def on_finalized(pelican) -> None:
    state = state_of(pelican.settings)
    run_stage(state, "render", pelican)
    run_stage(state, "write", pelican)
    output = Path(pelican.settings["OUTPUT_PATH"])
    for name, text in sorted(state.files.items()):
        target = Path(sanitised_join(str(output), name))
        if state.preview is not None and state.preview.same_file(target, text):
            continue  # a preview leaves an unchanged file (and its .gz) alone
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for name, source in sorted(state.copies.items()):
        target = Path(sanitised_join(str(output), name))
        if (
            target.is_file()
            and target.stat().st_size == os.path.getsize(source)
            and target.stat().st_mtime >= os.path.getmtime(source)
        ):
            continue  # published by an earlier build (a preview, a rebuild)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)  # variants are never changed in place: share the bytes
        except OSError:  # another file system
            shutil.copyfile(source, target)
    run_stage(state, "finish", pelican)
