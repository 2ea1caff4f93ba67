"""A state file that is not a regular file (a named pipe, a folder) is refused at once, in
one paragraph naming it, by every command and the app: before, a pipe hung them all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ptytools import Terminal, run_cli, state_home


def _state_path() -> Path:
    return Path(run_cli("where").stdout.strip())


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # Bounded well below run_cli's minute: a hang shows as TimeoutExpired, soon.
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )


@pytest.mark.parametrize("command", ["review", "where", "export"])
def test_a_named_pipe_for_the_state_file_is_refused_without_hanging(command: str) -> None:
    path = _state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)

    result = _run(command)

    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(path) in result.stderr and "named pipe" in result.stderr
    assert path.exists() and not path.is_file()  # left where it was, as it was


def test_the_app_refuses_a_named_pipe_for_the_state_file(tmp_path: Path) -> None:
    env = state_home(tmp_path)
    path = tmp_path / "data" / "dlroadmap" / "roadmaps" / "deep-learning-study-plan.toml"
    path.parent.mkdir(parents=True)
    os.mkfifo(path)

    terminal = Terminal([], env)

    assert terminal.wait_for(b"named pipe")
    assert terminal.close() == 2
    assert b"Traceback" not in terminal.output
