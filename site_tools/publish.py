"""`invoke publish`: check, build with publishconf.py, deploy.

The target is a local folder (a web server's document root on this machine)
or an rsync-over-SSH destination `user@host:/path`. It comes from the
command line, else the PORTAL_PUBLISH_TARGET environment variable, else
PUBLISH_TARGET in publishconf.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from site_tools.build import ROOT, BuildFailed, build, check, load_settings

PUBLISH_SETTINGS = ROOT / "publishconf.py"
REMOTE = re.compile(r"^(?:[\w.-]+@)?[\w.-]+:.+")  # user@host:/path (rsync over SSH)


class PublishRefused(Exception):
    """Nothing was deployed; the message says why."""


def resolve_target(target: str | None) -> str:
    if target:
        return target
    if os.environ.get("PORTAL_PUBLISH_TARGET"):
        return os.environ["PORTAL_PUBLISH_TARGET"]
    configured = load_settings(ROOT / "content", ROOT / "output", PUBLISH_SETTINGS).get(
        "PUBLISH_TARGET"
    )
    if not configured:
        raise PublishRefused(
            "chưa có nơi đăng: hãy đặt PORTAL_PUBLISH_TARGET (thư mục, hoặc user@máy-chủ:/đường/dẫn) "
            "hoặc PUBLISH_TARGET trong publishconf.py"
        )
    return configured


def publish(content: Path, target: str | None = None, allow_shrink: bool = False) -> str:
    """Deploy the site built from `content`; returns where it went. A site
    with no article or under half the pages of the last one published needs
    `allow_shrink` (site_tools.build.shrinkage)."""
    destination = resolve_target(target)
    report = check(content, PUBLISH_SETTINGS)
    if report.errors:
        raise BuildFailed(report.errors, report.warnings)
    if REMOTE.match(destination):
        staging = ROOT / ".cache" / "publish"
        build(content, staging, PUBLISH_SETTINGS, allow_shrink=allow_shrink)
        if not shutil.which("rsync"):
            raise PublishRefused("cần cài rsync để đăng lên máy chủ (apt-get install rsync)")
        subprocess.run(
            ["rsync", "-az", "--delete", "--checksum", "-e", "ssh", f"{staging}/", destination],
            check=True,
        )
    else:
        # atomic swap in place
        build(content, Path(destination), PUBLISH_SETTINGS, allow_shrink=allow_shrink)
    return destination
