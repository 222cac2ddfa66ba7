"""An atomic Pelican build: the output folder is replaced only by a complete,
error-free build, so a content mistake never takes the live site down."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETTINGS = ROOT / "pelicanconf.py"


class BuildFailed(Exception):
    """The build found errors; `messages` says what, one per line."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class BuildReport:
    output: Path
    warnings: list[str] = field(default_factory=list)


class _Collector(logging.Handler):
    """Keeps every warning and error logged while Pelican runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]}"
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(message)


def load_settings(
    content: Path, output: Path, settings_file: Path = DEFAULT_SETTINGS, **overrides
) -> dict:
    override = {"PATH": str(Path(content).resolve()), "OUTPUT_PATH": str(Path(output).resolve())}
    override.update(overrides)
    return read_settings(str(settings_file), override=override)


def build(
    content: Path | str = ROOT / "content",
    output: Path | str = ROOT / "output",
    settings_file: Path | str = DEFAULT_SETTINGS,
    **overrides,
) -> BuildReport:
    """Build `content` into `output`; raise BuildFailed and leave `output`
    untouched when anything logged an error."""
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    collector = _Collector()
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    try:
        settings = load_settings(Path(content), staging, Path(settings_file), **overrides)
        Pelican(settings).run()
    except Exception as error:  # a plugin or Pelican stopped: report, keep output
        collector.errors.append(f"{type(error).__name__}: {error}")
    finally:
        root_logger.removeHandler(collector)
    if collector.errors:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(collector.errors)
    _replace(output, staging)
    return BuildReport(output=output, warnings=collector.warnings)


def _replace(output: Path, staging: Path) -> None:
    """Swap the finished build in with two renames on the same filesystem."""
    previous = output.with_name(f".{output.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    output.chmod(0o755)  # mkdtemp made it private; web servers must read it
    shutil.rmtree(previous, ignore_errors=True)
