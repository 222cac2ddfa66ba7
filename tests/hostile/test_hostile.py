"""Hostile and careless content: one case per file in cases/ (TOML).

Each case is either refused, with `check` and `build` naming the same file,
line and key in Vietnamese and the last good output left byte-identical, or
published with its payload inert in every output file (pages, JSON-LD,
feeds, search index, sitemap). In every case nothing outside the output
folder is written, and nothing outside content/ reaches the site.

A case file:

    about = "what the attacker or the careless editor does"
    output = "a/b/output"          # optional: where to build, inside the sandbox
    remove = ["tin-tuc/bai-tot.md"]  # optional: base files to delete
    [files]                        # written under content/
    "thu-tuc/x.md" = '''...'''   # a basic TOML string for control characters
    [symlinks]                     # under content/ → target; {secret}: a file
    "images/x.svg" = "{secret}"    # outside content/, {outside}: its folder
    [expect]
    outcome = "refused"            # or "published"
    file = "thu-tuc/x.md"          # refused: where the error is
    line = 9
    key = "Service-url"            # "" for the whole file
    message = "chỉ nhận"           # part of the Vietnamese message
    guard = true                   # refused by the build only: the content is
                                   # valid, but would empty the live site
    warning = "đã loại bỏ"         # published: part of a warning (optional)
    pages = ["thu-tuc/x/index.html"]   # published: files that must exist
    missing = ["ban-nhap/x/index.html"]  # published: files that must not
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from site_tools.build import BuildFailed, build, check
from site_tools.outputs import tree
from tests.hostile.inert import output_dangers

HERE = Path(__file__).parent
BASE = HERE.parents[0] / "check" / "base"
CASES = sorted((HERE / "cases").glob("*.toml"))
SECRET = "BI-MAT-NGOAI-THU-MUC-CONTENT-7f3a"
THEME_SCRIPTS = ("/theme/",)
ENGLISH_EXCEPTION = re.compile(r"\b\w+(Error|Exception)\b|Traceback")


def load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def snapshot(folder: Path, skip: Path) -> dict[str, bytes]:
    """Every file and link under `folder` except inside the output `skip`
    and the previous output beside it, which `build` removes in the
    background after the swap (site_tools.build._replace), so it may vanish
    while this looks. A staging folder left behind is seen."""

    def built(path: Path) -> bool:
        return path == skip or (
            path.parent == skip.parent and path.name.startswith(f".{skip.name}.old-")
        )

    found = {}
    for root, folders, files in os.walk(folder):
        here = Path(root)
        folders[:] = [name for name in folders if not built(here / name)]
        for path in sorted(here / name for name in files + folders):
            if path.is_symlink():
                found[path.relative_to(folder).as_posix()] = b"-> " + str(path.readlink()).encode()
            elif path.is_file():
                found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(BASE, root / "content")
    build(root / "content", root / "output")
    return tree(root / "output")


def sandbox(tmp_path: Path, case: dict, good: dict[str, bytes]) -> tuple[Path, Path]:
    """content/ from the base site plus the case's files, the secret file
    beside it, and the last good output where the case builds."""
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    (tmp_path / "bi-mat.txt").write_text(SECRET + "\n", encoding="utf-8")
    for name in case.get("remove", []):
        (content / name).unlink()
    for name, text in case.get("files", {}).items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8", "surrogatepass"))
    for name, target in case.get("symlinks", {}).items():
        link = content / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target.format(secret=tmp_path / "bi-mat.txt", outside=tmp_path))
    output = tmp_path / case.get("output", "output")
    for name, data in good.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_bytes(data)
    return content, output


def located(messages: list[str], expect: dict) -> list[str]:
    where = f"content/{expect['file']}:{expect['line']}:" if expect.get("file") else ""
    key = f" {expect['key']}:" if expect.get("key") else ""
    return [m for m in messages if where in m and f"{where}{key}" in m and expect["message"] in m]


def test_every_class_has_variants():
    """Issue 12's classes each have more than one case."""
    classes: dict[str, int] = {}
    for path in CASES:
        kind = path.stem.split("--")[0]
        classes[kind] = classes.get(kind, 0) + 1
    assert classes and all(count >= 2 for count in classes.values()), classes


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case(tmp_path, path, good_output):
    case = load(path)
    expect = case["expect"]
    content, output = sandbox(tmp_path, case, good_output)
    around = snapshot(tmp_path, output)

    report = check(content)
    for message in report.errors + report.warnings:
        assert not ENGLISH_EXCEPTION.search(message), message

    if expect["outcome"] == "refused":
        if expect.get("guard"):  # the live site's guard: content itself is valid
            assert report.errors == [], report.errors
        else:
            assert located(report.errors, expect), report.errors
        with pytest.raises(BuildFailed) as failed:
            build(content, output)
        assert located(failed.value.messages, expect), failed.value.messages
        assert tree(output) == good_output
    else:
        assert report.errors == [], report.errors
        built = build(content, output)
        assert built.errors == []
        if "warning" in expect:
            assert any(expect["warning"] in w for w in report.warnings), report.warnings
            assert any(expect["warning"] in w for w in built.warnings), built.warnings
        for page in expect.get("pages", []):
            assert (output / page).is_file(), page
        for page in expect.get("missing", []):
            assert not (output / page).exists(), page
        assert output_dangers(output, THEME_SCRIPTS) == []
        leaked = [name for name, data in tree(output).items() if SECRET.encode() in data]
        assert leaked == [], leaked

    assert snapshot(tmp_path, output) == around  # nothing written outside the output
