"""Checking and building the site with the same validators.

`check` reads and validates everything without writing the site; `build`
runs the same checks as part of the build and replaces the output folder
only by a complete, error-free build, so a content mistake never takes the
live site down.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

from contacts.model import CONTACT_KEYS  # noqa: E402
from documents.model import DOCUMENT_KEYS  # noqa: E402
from news.rules import ARTICLE_KEYS  # noqa: E402
from portal.files import stored_file_problems  # noqa: E402
from portal.state import BUILD_STATE_KEY, BuildState, state_of  # noqa: E402
from portal.steps import ChecksDone, ContentErrors  # noqa: E402
from problems import Problem  # noqa: E402
from problems.source import file_problems, is_ignored, scan  # noqa: E402
from procedures.model import PROCEDURE_KEYS  # noqa: E402

DEFAULT_SETTINGS = ROOT / "pelicanconf.py"
# A build with fewer pages than this share of the live site's needs the
# editor's confirmation (a content folder emptied by mistake).
SHRINK_LIMIT = 0.5
# Pelican's own log messages (their format strings, tested against the
# installed Pelican) that the portal's checks already say better, with the
# file named: they are not shown twice. Any other Pelican message reaches the
# editor as it is.
PELICAN_SAID_BETTER = frozenset(
    {
        "Docutils has no localization for '%s'. Using 'en' instead.",  # no reST is read
        "Cannot get modification stamp for %s\n\t%s",  # a missing {static} file: link check
        "Unable to find '%s', skipping url replacement.",  # a missing {filename}: link check
    }
)


class BuildFailed(Exception):
    """The content has errors; `messages` says what, one per line."""

    def __init__(self, messages: list[str], warnings: list[str] | None = None) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages
        self.warnings = warnings or []


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    output: Path | None = None


class PelicanLog(logging.Handler):
    """The one place where Pelican's own warnings and errors are caught and
    turned into problems of the build. A message about a file the portal
    already reported is dropped (its arguments name the file), so the editor
    gets one clear message per mistake, not a parser's second one."""

    def __init__(self, state: BuildState, content: Path) -> None:
        super().__init__(logging.WARNING)
        self.state = state
        self.content = content.resolve()

    def reported(self, value: object) -> bool:
        """Does `value` name a file the portal already reported? Pelican
        names sources relative to the content folder or absolutely."""
        if not isinstance(value, str) or not value:
            return False
        paths = self.state.problems.paths
        return os.path.abspath(value) in paths or str(self.content / value) in paths

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("pelican") or record.msg in PELICAN_SAID_BETTER:
            return
        args = record.args if isinstance(record.args, tuple) else ()
        if any(self.reported(arg) for arg in args):
            return
        message = record.getMessage().splitlines()[0]
        severity = "error" if record.levelno >= logging.ERROR else "warning"
        self.state.add_problems([Problem("", 0, "", f"Pelican: {message}", severity)])


def load_settings(
    content: Path, output: Path, settings_file: Path = DEFAULT_SETTINGS, **overrides
) -> dict:
    override = {"PATH": str(Path(content).resolve()), "OUTPUT_PATH": str(Path(output).resolve())}
    override.update(overrides)
    return read_settings(str(settings_file), override=override)


def known_keys(settings: dict) -> dict[str, frozenset[str]]:
    """Content folder → the keys its content type uses (docs/huong-dan-bien-tap.md)."""
    kinds = [
        ("ARTICLE_PATHS", ARTICLE_KEYS),
        ("PAGE_PATHS", frozenset()),
        ("PROCEDURE_PATHS", PROCEDURE_KEYS),
        ("CONTACT_PATHS", CONTACT_KEYS),
        ("DOCUMENT_PATHS", DOCUMENT_KEYS),
    ]
    return {folder: keys for setting, keys in kinds for folder in settings.get(setting, [])}


def scan_sources(content: Path, settings: dict) -> list[Problem]:
    """Every file under content/ before Pelican reads anything: links that
    lead outside it, formats the portal does not read, sizes, encoding, empty
    and binary files, control characters, malformed dates and unknown
    (mistyped) keys; in the folders of files offered for download
    (ATTACHMENT_PATHS), any kind a citizen should not open."""
    content = Path(content)
    state = state_of(settings)
    folders = state.keys
    attachments = {content / folder for folder in settings["STATIC_PATHS"]}
    problems = []
    for folder, subfolders, names in os.walk(content):  # links are not followed
        here = Path(folder)
        subfolders[:] = sorted(d for d in subfolders if not is_ignored(d))
        for name in [*subfolders, *sorted(n for n in names if not is_ignored(n))]:
            path = here / name
            top = path.relative_to(content).parts[0]
            in_sources = (
                top in folders and top != name and not (attachments & {path, *path.parents})
            )
            found = file_problems(path, content, in_sources and not path.is_dir())
            if not found and not in_sources:
                found = stored_file_problems(path, content, settings)
            problems.extend(found)
            if found or path.is_dir() or not in_sources:
                continue
            keys = folders[top]
            if state.current(os.path.abspath(path)) is not None:  # kept by a preview or rebuild
                found = state.derived(str(path), "scan", lambda _html, p=path, k=keys: scan(p, k))
            else:
                found = scan(path, keys)
            problems.extend(found)
    return problems


def missing_content(content: Path) -> str:
    """Why `content` cannot be read as a content folder ("" when it can)."""
    if Path(content).is_dir():
        return ""
    return (
        f"không có thư mục nội dung '{content}'. Hãy kiểm tra tên thư mục "
        "(tham số --content) hoặc chạy lệnh từ thư mục gốc của cổng."
    )


def run_pelican(content: Path, settings: dict, state: BuildState) -> Report:
    """Run Pelican once with the portal's plugins; every problem found, by
    the source scan, the readers, the validators or Pelican, is in the report."""
    settings[BUILD_STATE_KEY] = state
    state.keys = known_keys(settings)
    state.add_problems(scan_sources(content, settings))
    bridge = PelicanLog(state, content)
    root_logger = logging.getLogger()
    root_logger.addHandler(bridge)
    try:
        Pelican(settings).run()
    except (ContentErrors, ChecksDone):
        pass  # every problem is in the state
    except Exception as error:  # a plugin or Pelican stopped: a fault of the program
        logging.getLogger(__name__).debug("build stopped", exc_info=error)
        state.add_problems(
            [
                Problem(
                    "",
                    0,
                    "",
                    "bản dựng dừng vì một lỗi của chương trình, không phải của nội dung "
                    f"({error}). Hãy báo cho người phụ trách kỹ thuật.",
                )
            ]
        )
    finally:
        root_logger.removeHandler(bridge)
    return Report(
        errors=[str(p) for p in state.problems.errors],
        warnings=[str(p) for p in state.problems.warnings],
        notes=[str(p) for p in state.problems.notes],
    )


def check(
    content: Path | str = ROOT / "content",
    settings_file: Path | str = DEFAULT_SETTINGS,
    **overrides,
) -> Report:
    """Every problem in `content`, without building the site."""
    missing = missing_content(Path(content))
    if missing:
        return Report(errors=[missing])
    with tempfile.TemporaryDirectory(prefix="portal-check-") as scratch:
        settings = load_settings(Path(content), Path(scratch), Path(settings_file), **overrides)
        return run_pelican(Path(content), settings, BuildState(mode="check"))


def shrinkage(live: Path, new: Path, settings: dict) -> str:
    """Why the new build must not replace the live site without the editor's
    say-so ("" when it may): it has no article, or far fewer pages."""
    before = sum(1 for _ in live.rglob("*.html")) if live.is_dir() else 0
    if before == 0:
        return ""  # nothing live to protect
    after = sum(1 for _ in new.rglob("*.html"))
    article_pages = re.sub(r"\{[^}]*\}", "*", settings["ARTICLE_SAVE_AS"])
    confirm = (
        "Nếu đúng là muốn thay trang đang chạy, hãy dựng lại với tùy chọn "
        "--allow-shrink (invoke build --allow-shrink)."
    )
    if not any(new.glob(article_pages)):
        return f"bản dựng mới không có bài viết nào, trang đang chạy có {before} trang. {confirm}"
    if after < before * SHRINK_LIMIT:
        return (
            f"bản dựng mới chỉ có {after} trang, chưa bằng một nửa {before} trang đang chạy "
            f"(có thể thư mục nội dung bị thiếu). {confirm}"
        )
    return ""


def build(
    content: Path | str = ROOT / "content",
    output: Path | str = ROOT / "output",
    settings_file: Path | str = DEFAULT_SETTINGS,
    state: BuildState | None = None,
    allow_shrink: bool = False,
    **overrides,
) -> Report:
    """Build `content` into `output`; raise BuildFailed and leave `output`
    untouched when anything is wrong, or when the new site is near-empty
    beside the live one and `allow_shrink` was not given."""
    missing = missing_content(Path(content))
    if missing:  # before anything is created beside the output
        raise BuildFailed([missing])
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    settings = load_settings(Path(content), staging, Path(settings_file), **overrides)
    report = run_pelican(Path(content), settings, state or BuildState())
    if not report.errors and not allow_shrink:
        shrunk = shrinkage(output, staging, settings)
        report.errors += [shrunk] if shrunk else []
    if report.errors:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(report.errors, report.warnings)
    _replace(output, staging)
    report.output = output
    return report


def cache_folder(content: Path, settings_file: Path = DEFAULT_SETTINGS) -> Path:
    """Where `rebuild` keeps the converted sources of one content folder. The
    name also covers the settings and the plugins' code: a change to either
    starts afresh instead of serving HTML converted the old way."""
    digest = hashlib.sha256(str(Path(content).resolve()).encode())
    for source in [Path(settings_file), *sorted((ROOT / "plugins").rglob("*.py"))]:
        digest.update(source.read_bytes())
    return ROOT / ".cache" / "converted" / digest.hexdigest()[:16]


def rebuild(
    content: Path | str = ROOT / "content",
    output: Path | str = ROOT / "output",
    settings_file: Path | str = DEFAULT_SETTINGS,
    allow_shrink: bool = False,
    **overrides,
) -> Report:
    """Build as `build` does, reusing what the last successful build
    converted: each unchanged source (same bytes) keeps its typeset,
    sanitised HTML, so only edited files go through Markdown again. The
    saved conversions are dropped whenever a build fails."""
    folder = cache_folder(Path(content), Path(settings_file))
    saved = folder / "converted.pickle"
    state = BuildState()
    if saved.is_file():
        with saved.open("rb") as handle:
            state.converted = pickle.load(handle)
    try:
        report = build(
            content, output, settings_file, state=state, allow_shrink=allow_shrink, **overrides
        )
    except BuildFailed:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    folder.mkdir(parents=True, exist_ok=True)
    current = {path: done for path, done in state.converted.items() if os.path.exists(path)}
    with saved.open("wb") as handle:
        pickle.dump(current, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return report


def _replace(output: Path, staging: Path) -> None:
    """Swap the finished build in with two renames on the same filesystem."""
    previous = output.with_name(f".{output.name}.old-{os.getpid()}-{time.time_ns()}")
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    output.chmod(0o755)  # mkdtemp made it private; web servers must read it
    # The new site is live: the old one is removed without waiting for it.
    if previous.exists():
        subprocess.Popen(["rm", "-rf", str(previous)], start_new_session=True)
