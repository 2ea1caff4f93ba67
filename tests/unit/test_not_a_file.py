"""Reading a roadmap or the settings: anything but a regular file is refused before it can
block (a named pipe waits for a writer when opened)."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from dlroadmap.config import Config, load_config
from dlroadmap.errors import RoadmapError
from dlroadmap.roadmap.source import load_roadmap


def _in_time(read: Callable[[Path], object], path: Path) -> object:
    """What `read(path)` returned or raised, within a few seconds; fails the test if it blocks."""
    raised: list[object] = []

    def load() -> None:
        try:
            raised.append(read(path))
        except BaseException as error:  # handed to the test's thread
            raised.append(error)

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        # Let a reader stuck on a pipe go, so no thread outlives the test.
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"loading {path} blocked")
    return raised[0]


def test_a_pipe_swapped_in_after_the_look_is_refused_without_blocking(
    tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is regular when looked at, and a named pipe by the time it is opened."""
    path = tmp_path / "plan.md"
    path.write_bytes(seed_path.read_bytes())
    real_stat = Path.stat

    def stat_then_swap(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        info = real_stat(self, follow_symlinks=follow_symlinks)
        if self == path:
            path.unlink()
            os.mkfifo(path)
        return info

    monkeypatch.setattr(Path, "stat", stat_then_swap)

    error = _in_time(load_roadmap, path)

    assert isinstance(error, RoadmapError)
    assert "named pipe" in str(error)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        error = _in_time(load_roadmap, path)
    assert isinstance(error, RoadmapError)
    assert "a socket" in str(error)


def test_a_named_pipe_for_the_settings_is_reported_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    os.mkfifo(path)

    result = _in_time(load_config, path)

    assert isinstance(result, tuple)
    config, problem = result
    assert config == Config()
    assert problem is not None and "named pipe" in problem and str(path) in problem
