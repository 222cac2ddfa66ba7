"""The portal reaches Pelican through its public seams only, and its plugins
do not depend on their order."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pelican

from site_tools.build import PELICAN_SAID_BETTER, build, load_settings
from site_tools.outputs import tree

ROOT = Path(__file__).resolve().parents[2]
OUR_CODE = ["plugins", "site_tools", "bench", "tasks.py", "pelicanconf.py", "publishconf.py"]
# Documented functions whose names start with an underscore.
ALLOWED = {"_exit"}  # os._exit: a forked child leaves without cleanup


def pelican_private_names() -> set[str]:
    """Every private attribute or method Pelican's own code defines."""
    names = set()
    for source in Path(pelican.__file__).parent.rglob("*.py"):
        if "tests" in source.parts:
            continue
        text = source.read_text(encoding="utf-8")
        names |= set(re.findall(r"self\.(_[a-z]\w*)\s*=", text))
        names |= set(re.findall(r"def (_[a-z]\w*)\(", text))
    return names


def private_uses(source: str, pelican_names: set[str]) -> list[tuple[int, str]]:
    """(line, use) of `x._name` where x is not self/cls, `self._name` where
    _name is one of Pelican's, and private names imported from a module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            if node.attr.startswith("__") or node.attr in ALLOWED:
                continue
            owner = node.value.id if isinstance(node.value, ast.Name) else ""
            if owner not in ("self", "cls") or node.attr in pelican_names:
                found.append((node.lineno, f".{node.attr}"))
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append((node.lineno, f"import {alias.name}"))
    return sorted(found)


def test_no_private_member_of_pelican_or_another_module_is_touched():
    pelican_names = pelican_private_names()
    assert {"_open_w", "_content", "_written_files"} <= pelican_names  # the scan works
    files = []
    for entry in OUR_CODE:
        target = ROOT / entry
        files += [target] if target.is_file() else sorted(target.rglob("*.py"))
    found = [
        f"{path.relative_to(ROOT)}:{line}: {use}"
        for path in files
        for line, use in private_uses(path.read_text(encoding="utf-8"), pelican_names)
    ]
    assert found == []


def test_the_private_access_check_catches_each_kind():
    source = (
        "from pelican.utils import _private_helper\n"
        "def f(writer, item):\n"
        "    writer._open_w('x', 'utf-8')\n"
        "    return item._content\n"
        "class W:\n"
        "    def g(self):\n"
        "        self._mine = 1\n"
        "        return self._written_files\n"
    )
    assert private_uses(source, pelican_private_names()) == [
        (1, "import _private_helper"),
        (3, "._open_w"),
        (4, "._content"),
        (8, "._written_files"),
    ]


def test_pelican_messages_the_portal_knows_are_still_pelicans():
    """The messages left out because the portal says them better are matched
    by Pelican's own format strings: an upgrade that rewords one fails here."""
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in Path(pelican.__file__).parent.glob("*.py")
    )
    for message in PELICAN_SAID_BETTER:
        assert repr(message)[1:-1] in source or message in source, message


def test_reversed_plugins_give_the_same_site(sample_site, tmp_path):
    settings = load_settings(ROOT / "content", tmp_path)
    reversed_plugins = list(reversed(settings["PLUGINS"]))
    output = tmp_path / "reversed"
    build(ROOT / "content", output, PLUGINS=reversed_plugins)
    assert tree(output) == tree(sample_site.output)


def test_no_module_keeps_per_build_state():
    """Module-level mutable values are registries or constants, never
    per-build state: every plugin module is scanned for assignments to
    module globals from inside functions."""
    offenders = []
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Global):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
