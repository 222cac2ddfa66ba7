"""A small static server for previews: folders serve their index.html and
unknown paths get the site's own 404 page, as the production server does."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path
from typing import ClassVar


class PortalRequestHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".svg": "image/svg+xml",
    }

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    handler = functools.partial(PortalRequestHandler, directory=str(directory))
    with http.server.ThreadingHTTPServer((host, port), handler) as server:
        print(f"Đang phục vụ {directory} tại http://{host}:{port}/ (Ctrl+C để dừng)")
        server.serve_forever()


def serve_in_background(directory: Path) -> http.server.ThreadingHTTPServer:
    """Serve `directory` on a free loopback port from a daemon thread (tests
    and benchmarks); `server.server_address[1]` is the port."""
    import threading

    class Quiet(PortalRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
