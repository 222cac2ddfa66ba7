"""Running the repository's nginx configuration (deploy/nginx/) on a built
site, as production does: used by the test suite and the benchmarks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "nginx"


def render_server(root: Path, listen: str) -> str:
    """deploy/nginx/portal.conf with its placeholders filled."""
    text = (CONFIG / "portal.conf").read_text(encoding="utf-8")
    return (
        text.replace("@ROOT@", str(root)).replace("@LISTEN@", listen).replace("@HERE@", str(CONFIG))
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class RunningNginx:
    url: str
    process: subprocess.Popen
    prefix: Path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)


def start(root: Path) -> RunningNginx:
    """nginx in the foreground on a free loopback port, serving `root`."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    prefix = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
    port = _free_port()
    (prefix / "portal.conf").write_text(
        render_server(Path(root).resolve(), f"127.0.0.1:{port}"), encoding="utf-8"
    )
    user = (
        "user root;\n" if os.geteuid() == 0 else ""
    )  # workers must read the test's private tmp dirs
    temp = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (prefix / "nginx.conf").write_text(
        f"""{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temp}
    include {prefix}/portal.conf;
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {process.stderr.read().decode(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return RunningNginx(f"http://127.0.0.1:{port}", process, prefix)
        except OSError:
            time.sleep(0.05)
    process.terminate()
    raise RuntimeError("nginx did not start listening within 10 s")
