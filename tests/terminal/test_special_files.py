"""A roadmap path that names something other than a file is refused at once, never waited on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dlroadmap.progress import recovery
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.ptytools import Terminal, run_cli, state_home


@pytest.mark.parametrize("command", ["where", "review", "export"])
def test_a_named_pipe_for_a_roadmap_is_refused_without_hanging(
    tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "plan.md"
    os.mkfifo(fifo)

    # Before, the command waited for a writer forever (run_cli gives up after a minute).
    result = run_cli(command, fifo)

    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "named pipe" in result.stderr and str(fifo) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_device_for_a_roadmap_is_refused(tmp_path: Path) -> None:
    # /dev/zero reads forever (up to the size limit); a device is no roadmap however it reads.
    link = tmp_path / "plan.md"
    link.symlink_to("/dev/zero")

    result = run_cli("review", link)

    assert result.returncode == 2, result.stderr
    assert "a device" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_regular_file_still_opens(seed_path: Path, tmp_path: Path) -> None:
    plan = Path(shutil.copy(seed_path, tmp_path / "plan.md"))
    result = run_cli("review", plan)
    assert result.returncode == 0, result.stderr


def test_a_named_pipe_for_a_recovery_file_never_hangs_the_start(tmp_path: Path) -> None:
    env = state_home(tmp_path)
    folder = Path(env["XDG_DATA_HOME"]) / "dlroadmap" / "roadmaps"
    folder.mkdir(parents=True)
    state_path = Store.open(
        load_roadmap(bundled_roadmap_path()), bundled_roadmap_path(), folder
    ).path
    fifo = state_path.with_name(f"{state_path.stem}{recovery.MARK}20260101-000000.toml")
    os.mkfifo(fifo)

    terminal = Terminal([], env)
    try:
        # Before, the start waited for a writer to the pipe forever: nothing was drawn.
        assert terminal.wait_for(b"Deep Learning Study Plan")
        # The notice names the problem (its words, as drawn between cursor moves).
        assert terminal.wait_for(b"FIFO") and b"merged" in terminal.output
    finally:
        assert terminal.quit() == 0
    assert fifo.is_fifo()
