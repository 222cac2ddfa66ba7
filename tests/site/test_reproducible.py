"""Building the same sources twice gives byte-identical output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from site_tools.outputs import tree

ROOT = Path(__file__).resolve().parents[2]


def test_second_build_in_another_process_is_identical(sample_site, tmp_path):
    # Another process with another hash seed: set and dict order must not leak.
    output = tmp_path / "again"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from site_tools.build import build; build(sys.argv[1], sys.argv[2])",
            str(ROOT / "content"),
            str(output),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    first, second = tree(sample_site.output), tree(output)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
