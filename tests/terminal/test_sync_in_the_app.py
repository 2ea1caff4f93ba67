"""sync = "auto": the app syncs in the background as it starts and, briefly, as it quits."""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ptytools import Terminal
from tests.synctools import MATH, Machine, bare_repository, synced, two_machines_synced


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_repository(tmp_path)


def _until(done: Callable[[], bool], seconds: float = 40) -> bool:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        time.sleep(0.2)
    return done()


def _status(machine: Machine, text: str) -> str | None:
    try:
        return machine.items().get(text, {}).get("status")
    except (OSError, tomllib.TOMLDecodeError):
        return None  # git is writing it (the app reads it under its lock, never like this)


def _auto(machine: Machine) -> None:
    config = machine.root / "config" / "dlroadmap" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('sync = "auto"\n', "utf-8")


def test_the_app_syncs_as_it_starts_and_as_it_quits(tmp_path: Path, remote: Path) -> None:
    a, b = two_machines_synced(tmp_path, remote)
    a.change({MATH: "done"})
    synced(a)
    _auto(b)

    terminal = Terminal([str(b.markdown)], b.env)
    try:
        assert _until(lambda: _status(b, MATH) == "done")
        terminal.type("x")  # the topic under the cursor: skipped
        terminal.read(1)
        terminal.type("q")
        said = b"dlroadmap: synced; sent 1 skipped on deep-learning-study-plan."
        assert terminal.wait_for(said), terminal.output
    finally:
        assert terminal.close() == 0
    assert "Received: 1 skipped on deep-learning-study-plan." in synced(a)


def test_review_never_syncs(tmp_path: Path, remote: Path) -> None:
    a, b = two_machines_synced(tmp_path, remote)
    a.change({MATH: "done"})
    synced(a)
    _auto(b)
    b.env["GIT_SSH_COMMAND"] = "sh -c 'sleep 120' --"
    b.git("remote", "set-url", "origin", "ssh://quiet.invalid/progress.git")
    log = b.git("log", "--oneline")
    started = time.monotonic()
    review = b.run([sys.executable, "-m", "dlroadmap", "review", str(b.markdown)], check=True)
    assert time.monotonic() - started < 10
    assert "Today" in review.stdout
    assert b.git("log", "--oneline") == log
    assert MATH not in b.items()  # what the laptop did is not fetched


def test_quitting_waits_a_few_seconds_at_most_for_the_remote(tmp_path: Path, remote: Path) -> None:
    b = Machine(tmp_path, "server")
    synced(b, "--remote", str(remote))
    # A remote that never answers (as an SSH host gone quiet).
    b.git("remote", "set-url", "origin", "ssh://quiet.invalid/progress.git")
    b.env["GIT_SSH_COMMAND"] = "sh -c 'sleep 120' --"
    _auto(b)

    terminal = Terminal([str(b.markdown)], b.env)
    try:
        assert terminal.wait_for(b"Phase 1"), terminal.output
        terminal.type("x")
        terminal.read(1)
        started = time.monotonic()
        terminal.type("q")
        assert terminal.wait_for(b"did not answer within 5 seconds", seconds=20), terminal.output
        assert time.monotonic() - started < 9
    finally:
        assert terminal.close() == 0
    assert "skipped" in {item.get("status") for item in b.items().values()}
    assert not subprocess.run(["pgrep", "-f", "sleep 120"], capture_output=True).stdout

    b.git("remote", "set-url", "origin", str(remote))
    b.env.pop("GIT_SSH_COMMAND")
    assert "Sent: started deep-learning-study-plan (1 skipped)." in synced(b)
