"""The portal's writer: Pelican lays every page out (paths, pagination,
overwrite checks, the content_written signal) through its own public
`Writer.write_file`; the rendering itself is deferred and done at the
"render" stage by one process per core.

Pelican asks the template to render and writes what it returns. The
template given to Pelican here is a stand-in whose `render` notes the job
and returns an empty placeholder (or, in a preview, the current text of a
page whose inputs did not change); the real text replaces the placeholder
before any later stage runs.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections import ChainMap
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import Writer

from portal.publication import is_written
from portal.state import BuildState, PageRecord, shown_item, state_of

# Below this many pages a second process costs more than it saves.
PAGES_PER_PROCESS = 50


class _Deferred:
    """Stands in for a Jinja template inside Pelican's write_file."""

    def __init__(
        self, template: Any, state: BuildState, output_path: str, own: dict[str, Any]
    ) -> None:
        self.template = template
        self.state = state
        self.output_path = output_path
        self.own = own  # what the generator gave besides the site's context

    def render(self, localcontext: dict[str, Any]) -> str:
        path = sanitised_join(self.output_path, localcontext["output_file"])
        self.state.pages.append(PageRecord.laid_out(path, localcontext, self.own))
        preview = self.state.preview
        if preview is not None:
            kept = preview.kept_text(path, self.template, localcontext)
            if kept is not None:
                return kept
        self.state.jobs.append((path, self.template, localcontext))
        return ""


class PortalWriter(Writer):
    def __init__(self, output_path, settings=None) -> None:
        super().__init__(output_path, settings=settings)
        self.state = state_of(self.settings)

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        """Pelican's write_file (same parameters); `kwargs` are what the
        template is given besides the context."""
        item = shown_item(kwargs)
        if item is not None and not is_written(item) and self.state.mode != "preview":
            return None  # a draft's or scheduled item's page: only a preview shows it
        single = not (relative_urls or paginated or {"articles", "dates"} & kwargs.keys())
        if name and single and self.keeps(name, template, context, kwargs):
            return None
        preview = self.state.preview
        listing = None
        if name and not single and preview is not None:
            listing = preview.listing(
                name, template, context, kwargs, paginated, (url, template_name)
            )
            kept = preview.kept_listing(name, listing)
            if kept is not None:
                self.state.pages.extend(kept)
                return None
        laid_out = len(self.state.pages)
        super().write_file(
            name,
            _Deferred(template, self.state, self.output_path, kwargs),
            context,
            relative_urls,
            paginated,
            template_name,
            override_output,
            url,
            **kwargs,
        )
        if listing is not None:
            preview.listing_laid_out(name, listing, self.state.pages[laid_out:])
        return None

    def keeps(self, name: str, template: Any, context: dict, kwargs: dict) -> bool:
        """In a preview, a single page (one that cannot paginate) whose
        inputs did not change is not written at all: its file, and its .gz,
        stay as they are. So is a listing none of whose inputs changed;
        other listings go through Pelican, page by page."""
        preview = self.state.preview
        if preview is None:
            return False
        path = sanitised_join(self.output_path, name)
        shown = ChainMap(kwargs, {"output_file": name}, context)
        if not preview.unchanged(path, template, shown):
            return False
        self.state.pages.append(PageRecord.laid_out(path, shown, kwargs))
        return True


def use_writer(pelican) -> type[Writer]:
    return PortalWriter


def _render(jobs: list[tuple[str, Any, dict[str, Any]]]) -> None:
    for path, template, localcontext in jobs:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(template.render(localcontext))


def render_pages(pelican) -> None:
    """Render the laid-out pages: forked processes take a share each (they
    inherit the whole build in memory, so nothing is pickled)."""
    state = state_of(pelican.settings)
    jobs, state.jobs = state.jobs, []
    share = max(1, min(os.cpu_count() or 1, len(jobs) // PAGES_PER_PROCESS))
    children = []
    for index in range(1, share):
        pid = os.fork()
        if pid == 0:  # child: render its share, then leave without cleanup
            code = 0
            try:
                _render(jobs[index::share])
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        children.append(pid)
    _render(jobs[0::share])
    failed = [pid for pid in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
    if failed:
        raise RuntimeError(
            f"rendering failed in {len(failed)} worker process(es); see the error above"
        )
