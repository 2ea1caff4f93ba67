"""`dlroadmap serve`: the app in a browser, on this machine only, for whoever holds the
address it printed (its secret token): another web page open in the browser gets neither
the page nor the WebSocket that streams the screen and takes keys."""

from __future__ import annotations

import asyncio
import os
import re
import selectors
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the web extra (textual-serve) is not installed")

import aiohttp  # after the skip: it comes with textual-serve


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def printed_url(server: subprocess.Popen[bytes], seconds: float = 30) -> str:
    """The address the server prints when it starts."""
    assert server.stdout is not None
    printed = b""
    with selectors.DefaultSelector() as waiting:
        waiting.register(server.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if waiting.select(deadline - time.monotonic()):
                chunk = os.read(server.stdout.fileno(), 4096)
                assert chunk, f"the server exited, having printed {printed!r}"
                printed += chunk
                if found := re.search(rb"http://127\.0\.0\.1:\d+/\?token=[\w-]+", printed):
                    return found.group().decode()
    raise AssertionError(f"no address printed, only {printed!r}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A real server on 127.0.0.1; yields the address it printed (with its token)."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    server = subprocess.Popen(
        [sys.executable, "-m", "dlroadmap", "serve", "--port", str(free_port())],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        url = printed_url(server)
        for _ in range(100):  # printed as it starts: listening a moment later
            try:
                status_of(url)
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_the_page_is_served_with_the_printed_address_only(served: str) -> None:
    with urllib.request.urlopen(served, timeout=10) as reply:
        page = reply.read().decode("utf-8", "replace")
    assert "dlroadmap" in page and "textual" in page.lower()
    address, token = served.split("/?token=")
    assert status_of(f"{address}/") == 403
    assert status_of(f"{address}/?token={token[:-1]}") == 403
    assert status_of(f"{address}/?token={token}x") == 403


async def first_bytes(url: str, origin: str | None, cookies: dict[str, str]) -> bytes:
    """What the WebSocket sends first (the app's screen), or the refusal's status."""
    async with (
        aiohttp.ClientSession(cookies=cookies) as session,
        session.ws_connect(url, origin=origin, timeout=aiohttp.ClientWSTimeout(ws_close=5)) as ws,
    ):
        while True:
            message = await asyncio.wait_for(ws.receive(), timeout=60)
            if message.type == aiohttp.WSMsgType.BINARY:
                return bytes(message.data)
            assert message.type == aiohttp.WSMsgType.TEXT, message


def websocket(served: str, origin: str | None, token: str | None) -> bytes | int:
    address = served.split("/?token=")[0]
    url = f"{address.replace('http', 'ws')}/ws?width=80&height=24"
    cookies = {} if token is None else {"dlroadmap-token": token}
    try:
        return asyncio.run(first_bytes(url, origin, cookies))
    except aiohttp.WSServerHandshakeError as refused:
        return refused.status


def test_a_websocket_from_another_site_is_refused(served: str) -> None:
    token = served.split("/?token=")[1]
    assert websocket(served, "http://evil.example", token) == 403
    assert websocket(served, "http://localhost.evil.example:1", token) == 403


def test_a_websocket_without_the_token_is_refused(served: str) -> None:
    address = served.split("/?token=")[0]
    assert websocket(served, address, None) == 403
    assert websocket(served, address, "guessed") == 403


def test_the_page_own_websocket_streams_the_app(served: str) -> None:
    address, token = served.split("/?token=")
    screen = websocket(served, address, token)
    assert isinstance(screen, bytes) and screen
