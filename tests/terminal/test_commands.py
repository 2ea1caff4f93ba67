"""The subcommands, declared once in dlroadmap.cli.COMMANDS: parsed, listed, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlroadmap.cli import COMMANDS
from dlroadmap.roadmap.source import bundled_roadmap_path
from tests.ptytools import Terminal, state_home


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", *args],
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_help_lists_every_command_with_its_usage() -> None:
    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    for command in COMMANDS.values():
        usage = run_cli(command.name, "--help").stdout.split("\n\n")[0]
        assert usage.startswith(f"usage: dlroadmap {command.name} ")
        # The same usage, one line, with the summary under it.
        listed = " ".join(usage.split()[1:]).replace(" [-h]", "")
        assert f"  {listed}\n      {command.summary}\n" in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_has_its_own_help(name: str) -> None:
    result = run_cli(name, "--help")
    assert result.returncode == 0, result.stderr
    assert " ".join(COMMANDS[name].description.split()[:6]) in " ".join(result.stdout.split())
    if COMMANDS[name].takes_roadmap:
        # A path, the URL it was added from, or its title: the help says so.
        assert "[ROADMAP]" in result.stdout
        assert "URL" in result.stdout
        assert "title" in result.stdout


def test_any_other_first_argument_is_the_roadmap(tmp_path: Path) -> None:
    missing = tmp_path / "reveiw"  # a command's name mistyped is a file name, as before
    result = run_cli(str(missing))
    assert result.returncode == 2
    assert str(missing) in result.stderr
    assert "invalid choice" not in result.stderr


def imports_when_run(tmp_path: Path, *args: str) -> bytes:
    """What the app imports, run at a terminal until it shows the plan and is quit."""
    terminal = Terminal(list(args), {**state_home(tmp_path), "PYTHONPROFILEIMPORTTIME": "1"})
    assert terminal.wait_for(b"Deep Learning")
    assert terminal.quit() == 0
    assert b"dlroadmap.cli" in terminal.output  # the import times were written
    return terminal.output


def test_dlroadmap_alone_never_loads_argparse(tmp_path: Path) -> None:
    assert b"| argparse" not in imports_when_run(tmp_path)


def test_the_probe_sees_argparse_when_arguments_are_parsed(tmp_path: Path) -> None:
    assert b"| argparse" in imports_when_run(tmp_path, str(bundled_roadmap_path()))
