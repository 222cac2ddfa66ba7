"""Shared fixtures: the sample site built once per session, and small fixture
sites written into temporary folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from site_tools.build import build
from tests.helpers import BuiltSite, write_content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuiltSite:
    output = tmp_path_factory.mktemp("sample") / "output"
    build(ROOT / "content", output)
    return BuiltSite(output)


@pytest.fixture
def fixture_site(tmp_path) -> Callable[[dict[str, str]], BuiltSite]:
    """Build a small site from the given files; raises BuildFailed on errors."""

    def make(files: dict[str, str], output: Path | None = None) -> BuiltSite:
        content = write_content(tmp_path, files)
        target = output or tmp_path / "output"
        build(content, target)
        return BuiltSite(target)

    return make
