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
from news.rules import ARTICLE_KEYS  # noqa: E402
from problems import ContentErrors, Problem  # noqa: E402
from problems.source import scan  # noqa: E402
from procedures.model import PROCEDURE_KEYS  # noqa: E402

DEFAULT_SETTINGS = ROOT / "pelicanconf.py"
CONTENT_SUFFIXES = {".md", ".markdown"}
# Pelican's notices that say nothing to an editor, or that the portal's own
# checks say better (duplicate slugs: content_checks names both files).
IGNORED_MESSAGES = (
    "Docutils has no localization",
    'items "with slug',
    "original (not translated) items with slug",
    "Cannot get modification stamp for",  # a {static} link to a missing file: ours names the article
    "skipping url replacement",  # likewise for {filename}
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
    output: Path | None = None


class _Collector(logging.Handler):
    """Keeps warnings and errors logged while Pelican runs. A Pelican message
    about a file the portal's own checks already explained is dropped: the
    editor gets one clear message per mistake, not a parser's second one."""

    def __init__(self, reported: set[str], content: Path) -> None:
        super().__init__(logging.WARNING)
        self.content = content.resolve()
        self.reported: set[str] = set()
        for path in reported:
            self.remember(path)
        self.report = Report()

    def remember(self, shown: str) -> None:
        """Note a reported file under every name Pelican may give it."""
        absolute = (Path.cwd() / shown).resolve()
        self.reported.update({shown, str(absolute)})
        if absolute.is_relative_to(self.content):
            self.reported.add(absolute.relative_to(self.content).as_posix())

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if any(text in message for text in IGNORED_MESSAGES):
            return
        if record.name.startswith("portal"):
            self.remember(message.split(":", 1)[0])
        elif any(path in message for path in self.reported):
            return
        if record.exc_info and record.exc_info[1] is not None and record.name != "portal.content":
            message = f"{message.splitlines()[0]}: {record.exc_info[1]}"
        target = self.report.errors if record.levelno >= logging.ERROR else self.report.warnings
        target.append(message)


def load_settings(
    content: Path, output: Path, settings_file: Path = DEFAULT_SETTINGS, **overrides
) -> dict:
    override = {"PATH": str(Path(content).resolve()), "OUTPUT_PATH": str(Path(output).resolve())}
    override.update(overrides)
    return read_settings(str(settings_file), override=override)


def known_keys(settings: dict) -> dict[str, frozenset[str]]:
    """Content folder → the keys its content type uses (DESIGN.md)."""
    kinds = [
        ("ARTICLE_PATHS", ARTICLE_KEYS),
        ("PAGE_PATHS", frozenset()),
        ("PROCEDURE_PATHS", PROCEDURE_KEYS),
        ("CONTACT_PATHS", CONTACT_KEYS),
    ]
    return {folder: keys for setting, keys in kinds for folder in settings.get(setting, [])}


def scan_sources(content: Path, settings: dict) -> list[Problem]:
    """Encoding, empty and binary files, malformed dates and unknown (mistyped)
    keys, in every source."""
    content = Path(content)
    folders = known_keys(settings)
    problems = []
    for path in sorted(content.rglob("*")):
        if path.suffix.lower() in CONTENT_SUFFIXES and path.is_file():
            folder = path.relative_to(content).parts[0]
            problems.extend(scan(path, folders.get(folder)))
    return problems


class _ContextOnly(Pelican):
    """Pelican that reads and validates everything but writes no page."""

    def run(self) -> None:
        context = self.settings.copy()
        context.update(generated_content={}, static_links=set(), static_content={})
        context["localsiteurl"] = self.settings["SITEURL"]
        generators = [
            cls(
                context=context,
                settings=self.settings,
                path=self.path,
                theme=self.theme,
                output_path=self.output_path,
            )
            for cls in self._get_generator_classes()
        ]
        from pelican import signals

        for generator in generators:
            if hasattr(generator, "generate_context"):
                generator.generate_context()
        signals.all_generators_finalized.send(generators)


def _run(content: Path, settings: dict, write: bool) -> Report:
    problems = scan_sources(content, settings)
    collector = _Collector({p.path for p in problems}, content)
    for problem in problems:
        target = (
            collector.report.errors if problem.severity == "error" else collector.report.warnings
        )
        target.append(str(problem))
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    try:
        (Pelican if write else _ContextOnly)(settings).run()
    except ContentErrors:
        pass  # every message is already in the report
    except Exception as error:  # a plugin or Pelican stopped: report it
        collector.report.errors.append(f"{type(error).__name__}: {error}")
    finally:
        root_logger.removeHandler(collector)
    return collector.report


def check(
    content: Path | str = ROOT / "content",
    settings_file: Path | str = DEFAULT_SETTINGS,
    **overrides,
) -> Report:
    """Every problem in `content`, without building the site."""
    with tempfile.TemporaryDirectory(prefix="portal-check-") as scratch:
        settings = load_settings(Path(content), Path(scratch), Path(settings_file), **overrides)
        return _run(Path(content), settings, write=False)


def build(
    content: Path | str = ROOT / "content",
    output: Path | str = ROOT / "output",
    settings_file: Path | str = DEFAULT_SETTINGS,
    **overrides,
) -> Report:
    """Build `content` into `output`; raise BuildFailed and leave `output`
    untouched when anything is wrong."""
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    settings = load_settings(Path(content), staging, Path(settings_file), **overrides)
    report = _run(Path(content), settings, write=True)
    if report.errors:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(report.errors, report.warnings)
    _replace(output, staging)
    report.output = output
    return report


def cache_folder(content: Path, settings_file: Path = DEFAULT_SETTINGS) -> Path:
    """Where the reader cache of one content folder lives. The name also
    covers the settings and the plugins' code: a change to either starts a
    fresh cache instead of serving HTML converted the old way."""
    digest = hashlib.sha256(str(Path(content).resolve()).encode())
    for source in [Path(settings_file), *sorted((ROOT / "plugins").rglob("*.py"))]:
        digest.update(source.read_bytes())
    return ROOT / ".cache" / "pelican" / digest.hexdigest()[:16]


def rebuild(
    content: Path | str = ROOT / "content",
    output: Path | str = ROOT / "output",
    settings_file: Path | str = DEFAULT_SETTINGS,
    **overrides,
) -> Report:
    """Build as `build` does, reusing what the last successful build read:
    Pelican's reader cache keeps each unchanged source's converted, typeset
    HTML and metadata (checked by content hash), so only edited files go
    through Markdown again. The cache is dropped whenever a build fails."""
    cache = cache_folder(Path(content), Path(settings_file))
    settings = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
        "CHECK_MODIFIED_METHOD": "sha256",
        "CACHE_PATH": str(cache),
        **overrides,
    }
    try:
        return build(content, output, settings_file, **settings)
    except BuildFailed:
        shutil.rmtree(cache, ignore_errors=True)
        raise


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
