"""`dlroadmap serve`: the app in a browser, for the one person who started it.

Listening on 127.0.0.1 keeps other machines out, not other web pages: any site open in
the browser may point a WebSocket at localhost. So, as Jupyter does, each run makes a
secret token and prints the address that holds it. The page is served only to a request
that brings the token (in the address, or in the cookie the page then sets: strict
same-site, so a page of another site never sends it), and only for the address served
(a renamed host, as in DNS rebinding, is refused). The WebSocket that streams the screen
and takes the keys also needs the token, and an Origin that is the served address.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from aiohttp import web
from textual_serve.server import Server

COOKIE = "dlroadmap-token"


class PrivateServer(Server):
    """textual-serve's Server, its page, WebSocket and downloads for the token's holder only."""

    def __init__(self, command: str, *, port: int, title: str) -> None:
        super().__init__(command, host="127.0.0.1", port=port, title=title)
        self.token = secrets.token_urlsafe(32)
        self.address = f"http://127.0.0.1:{port}"

    @property
    def url(self) -> str:
        """The address to open: the page, with the token."""
        return f"{self.address}/?token={self.token}"

    def _check(self, request: web.Request, *, origin: bool) -> None:
        # A browser sends the Origin of the page that opens a WebSocket, whatever it is.
        if request.host != self.address.removeprefix("http://"):
            raise web.HTTPForbidden(text="dlroadmap serves 127.0.0.1 only.\n")
        if origin and request.headers.get("Origin", self.address) != self.address:
            raise web.HTTPForbidden(text="Another site may not use this dlroadmap.\n")
        given = request.query.get("token") or request.cookies.get(COOKIE, "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise web.HTTPForbidden(
                text="Open the address dlroadmap printed when it started: it holds its token.\n"
            )

    async def handle_index(self, request: web.Request) -> Any:
        self._check(request, origin=False)
        page = await super().handle_index(request)
        page.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict")
        return page

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self._check(request, origin=True)
        return await super().handle_websocket(request)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        self._check(request, origin=False)
        return await super().handle_download(request)

    async def on_startup(self, app: web.Application) -> None:
        print(f"dlroadmap: open {self.url}", flush=True)
        print("(the token in it keeps out other pages and users; Ctrl+C stops)", flush=True)
