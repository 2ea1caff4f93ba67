"""An app that dies on an unexpected error says so in its exit status."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.ptytools import state_home

# The real command line, with one key's handler made to fail as a bug would.
FAILING_HELP = """
import sys
from dlroadmap.app.app import RoadmapApp

def broken(self: RoadmapApp) -> None:
    raise RuntimeError("a bug in a handler")

RoadmapApp.action_help = broken
from dlroadmap.cli import main
sys.exit(main([]))
"""


def test_an_error_in_a_handler_exits_non_zero(tmp_path: Path) -> None:
    master, slave = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", FAILING_HELP],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": "xterm-256color", **state_home(tmp_path)},
        start_new_session=True,
    )
    os.close(slave)
    output = b""
    try:
        deadline = time.monotonic() + 40
        while process.poll() is None and time.monotonic() < deadline:
            # Pressed until the app is up to see it, and has died of it.
            if b"Deep Learning Study Plan" in output:
                os.write(master, b"?")
            output += _read(master, 0.5)
        status = process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        output += _read(master, 0.2)
        os.close(master)

    assert b"a bug in a handler" in output
    assert status != 0


def _read(fd: int, seconds: float) -> bytes:
    data = b""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if not select.select([fd], [], [], left)[0]:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data
