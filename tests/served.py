"""A web server on 127.0.0.1 in a thread, serving what a test puts in `pages`: the only
server a test fetches from (no test reaches the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    location: str | None = None  # a redirect's target
    delay: float = 0.0  # seconds before answering


@dataclass
class Served:
    port: int
    pages: dict[str, Page] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def put(self, path: str, text: str) -> str:
        self.pages[path] = Page(text.encode())
        return self.url(path)


@contextmanager
def serving() -> Iterator[Served]:
    served = Served(0)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.asked.append(self.path)
            page = served.pages.get(self.path, Page(b"not here", 404))
            time.sleep(page.delay)
            self.send_response(page.status)
            if page.location is not None:
                self.send_header("Location", page.location)
            self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            # The client may give up first (a timeout, a size cap): as it should.
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(page.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    served.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
