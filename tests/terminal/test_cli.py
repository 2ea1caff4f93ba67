"""The `dlroadmap` command, run for real in a subprocess."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from dlroadmap import __version__, locations
from dlroadmap.progress.locate import state_path_for
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import load_roadmap
from tests.ptytools import run_cli

SAME_TITLE_OTHER_ITEMS = """# 🧠 Deep Learning Study Plan

## 🌱 Gardening

- Dig the beds
- Plant tomatoes
"""


@pytest.fixture
def data_home() -> Path:
    """The XDG_DATA_HOME the conftest set for this test."""
    return Path(os.environ["XDG_DATA_HOME"])


def where(roadmap: Path | None = None) -> Path:
    result = run_cli("where", *([roadmap] if roadmap else []))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    return Path(lines[0])


def copy_seed(seed_path: Path, folder: Path, name: str = "plan.md") -> Path:
    folder.mkdir(parents=True)
    return Path(shutil.copy(seed_path, folder / name))


def add_progress(roadmap_path: Path) -> Path:
    """Save some progress in-process, in the same data folder the subprocess will use."""
    roadmap = load_roadmap(roadmap_path)
    store = Store.open(roadmap, roadmap_path, locations.state_dir())
    node = next(node for node in roadmap.items() if node.initial_status is Status.TODO)
    assert store.set_status(node, Status.DONE)
    return store.path


def assert_one_paragraph_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("dlroadmap: "), message
    assert "Traceback" not in message
    assert "\n\n" not in message
    assert len(message.splitlines()) <= 3, message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


# Version and help ----------------------------------------------------------------------


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"dlroadmap {__version__}"


def test_help_mentions_where() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "where" in result.stdout
    assert "usage: dlroadmap" in result.stdout


def test_where_help() -> None:
    result = run_cli("where", "--help")
    assert result.returncode == 0
    assert "usage: dlroadmap where" in result.stdout


def test_unknown_option_is_a_usage_error() -> None:
    result = run_cli("--no-such-option")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "--no-such-option" in result.stderr


@pytest.mark.parametrize(("typed", "meant"), [("revew", "review"), ("exprot", "export")])
def test_a_misspelt_command_is_named(typed: str, meant: str) -> None:
    result = run_cli(typed)
    assert result.returncode == 2
    assert f"Did you mean `dlroadmap {meant}`?" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_roadmap_far_from_any_command_is_not_taken_for_one() -> None:
    result = run_cli("no-such-plan.md")
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "Did you mean" not in result.stderr


# where ---------------------------------------------------------------------------------


def test_where_prints_an_absolute_toml_path_under_the_data_home(data_home: Path) -> None:
    path = where()
    assert path.is_absolute()
    assert path.suffix == ".toml"
    assert path.is_relative_to(data_home.resolve() / "dlroadmap")
    # Asking does not create anything.
    assert not data_home.exists()


def test_where_for_the_bundled_roadmap_matches_the_store(seed_path: Path) -> None:
    expected = add_progress(seed_path)
    assert where() == expected.resolve()
    assert where(seed_path) == expected.resolve()


def test_where_differs_for_different_roadmaps(seed_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "elsewhere.md"
    other.parent.mkdir()
    other.write_text("# Rust Study Plan\n\n## Basics\n\n- Ownership\n", encoding="utf-8")
    assert where(seed_path) != where(other)


def test_where_differs_for_a_same_titled_roadmap_once_progress_exists(
    seed_path: Path, tmp_path: Path
) -> None:
    seed_copy = copy_seed(seed_path, tmp_path / "one")
    other = tmp_path / "two" / "plan.md"
    other.parent.mkdir()
    other.write_text(SAME_TITLE_OTHER_ITEMS, encoding="utf-8")
    seed_state = add_progress(seed_copy)

    assert where(seed_copy) == seed_state.resolve()
    assert where(other) != seed_state.resolve()
    assert where(other).parent == seed_state.resolve().parent


def test_where_finds_the_same_state_for_a_moved_copy(seed_path: Path, tmp_path: Path) -> None:
    first = copy_seed(seed_path, tmp_path / "one")
    moved = copy_seed(seed_path, tmp_path / "somewhere" / "else", name="renamed.md")
    state = add_progress(first)
    assert where(first) == state.resolve()
    assert where(moved) == state.resolve()


# Files that are not roadmaps -----------------------------------------------------------


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "does-not-exist.md"


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "a-folder.md"
    path.mkdir()
    return path


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return path


def _latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.md"
    path.write_bytes("# Café résumé\n\n- crème brûlée\n".encode("latin-1"))
    return path


BAD_ROADMAPS = {
    "missing": (_missing, "no such file"),
    "folder": (_folder, "folder"),
    "binary": (_binary, "NUL"),
    "not utf-8": (_latin1, "UTF-8"),
}


@pytest.mark.parametrize("command", [["where"], ["review"], []], ids=["where", "review", "app"])
@pytest.mark.parametrize(("make", "problem"), BAD_ROADMAPS.values(), ids=BAD_ROADMAPS.keys())
def test_unusable_roadmap_is_one_paragraph_and_exit_2(
    tmp_path: Path,
    data_home: Path,
    command: list[str],
    make: Callable[[Path], Path],
    problem: str,
) -> None:
    path = make(tmp_path)
    result = run_cli(*command, path)
    assert_one_paragraph_error(result, str(path), problem)
    assert not data_home.exists()


# Broken state files --------------------------------------------------------------------

BROKEN_STATES = {
    "not toml": (b"schema = = 1\n[[[\n", "not valid TOML"),
    "wrong type": (b'schema = 1\n[items."x"]\nstatus = 3\n', "status"),
    "newer schema": (b"schema = 99\n", "newer"),
    "not utf-8": (b'[roadmap]\ntitle = "\xff"\n', "UTF-8"),
    # Read in this machine's zone, these times fall outside the calendar: review crashed.
    "last of time": (
        b'[items."x"]\nstatus = "done"\nstatus_changed = 9999-12-31T23:00:00-12:00\n',
        "end of the calendar",
    ),
    # Python reads these as dates too, but the calendar and the streak look days up by
    # 2026-12-01: the pace counted what they listed, the calendar showed nothing.
    "basic date": (b'[activity."20261201"]\nactions = 1\n', "named by a date like"),
    "week date": (b'[activity."2026-W49-2"]\nactions = 1\n', "named by a date like"),
    "first of time": (
        b'[items."x"]\nnote = "n"\nnote_changed = 0001-01-01T00:30:00+14:00\n',
        "end of the calendar",
    ),
}


@pytest.mark.parametrize("command", [["where"], ["review"], []], ids=["where", "review", "app"])
@pytest.mark.parametrize(("content", "problem"), BROKEN_STATES.values(), ids=BROKEN_STATES.keys())
def test_broken_state_file_exits_2_and_is_left_byte_identical(
    seed_path: Path, command: list[str], content: bytes, problem: str
) -> None:
    folder = locations.state_dir()
    state = state_path_for(load_roadmap(seed_path), seed_path.resolve(), folder)
    folder.mkdir(parents=True)
    state.write_bytes(content)
    before = state.stat()

    result = run_cli(*command, seed_path)

    assert_one_paragraph_error(result, str(state), problem)
    assert state.read_bytes() == content
    after = state.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert [path.name for path in folder.iterdir()] == [state.name]


# Startup cost --------------------------------------------------------------------------


def test_where_does_not_import_textual() -> None:
    result = run_cli("where", python_options=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imports = result.stderr.splitlines()
    assert any(line.rstrip().endswith("dlroadmap.progress.store") for line in imports), (
        "no importtime"
    )
    heavy = [line for line in imports if "textual" in line or re.search(r"\|\s+rich(\.|$)", line)]
    assert heavy == []
