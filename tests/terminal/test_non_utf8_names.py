"""File and folder names that are not UTF-8 (`$'caf\\xe9.md'`): every command works on them,
and shows them without crashing."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import load_roadmap
from tests.ptytools import Terminal

# No H1: the roadmap is titled after its file's name.
PLAN = "- Tensors\n- Autograd\n"
LATIN1 = os.fsdecode(b"caf\xe9")  # a Latin-1 name, as old archives and some disks have


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`caf\\xe9.md` in a folder `caf\\xe9`, with the data home under such a name too."""
    folder = tmp_path / LATIN1
    folder.mkdir()
    path = folder / f"{LATIN1}.md"
    path.write_text(PLAN, encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", os.fsdecode(tmp_path / f"data-{LATIN1}"))
    return path


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[bytes]) -> bytes:
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stderr == b""
    return result.stdout


def test_where_prints_the_state_files_very_path(plan: Path) -> None:
    printed = ok(run("where", plan))
    path = Path(os.fsdecode(printed.rstrip(b"\n")))
    # Usable as is: the first save lands on the path `where` printed.
    store = Store.open(load_roadmap(plan), plan, path.parent)
    store.set_status(next(iter(store.roadmap.items())), Status.DONE)
    assert path.is_file()


def test_progress_is_kept_and_read_back_for_such_a_roadmap(plan: Path) -> None:
    state = Path(os.fsdecode(ok(run("where", plan)).rstrip(b"\n")))
    store = Store.open(load_roadmap(plan), plan, state.parent)
    tensors = next(iter(store.roadmap.items()))
    store.set_status(tensors, Status.DONE)
    store.set_note(tensors, "kept")

    again = Store.open(load_roadmap(plan), plan, state.parent)
    assert (again.path, again.status(tensors), again.note(tensors)) == (state, Status.DONE, "kept")
    saved = tomllib.loads(state.read_text(encoding="utf-8"))
    assert saved["roadmap"]["source"] == str(plan.resolve()).replace(LATIN1, "caf\\xe9")

    assert b"caf\\xe9" in ok(run("review", plan))
    assert b"Tensors _(done)_" in ok(run("export", plan))
    assert b'"status": "done"' in ok(run("export", plan, "--format", "json"))
    out = plan.parent / f"out-{LATIN1}.md"
    ok(run("export", plan, "-o", out))
    assert b"Tensors _(done)_" in out.read_bytes()


def test_errors_name_such_files_readably(plan: Path) -> None:
    missing = run("review", plan.parent / f"missing-{LATIN1}.md")
    assert missing.returncode == 2
    assert b"Traceback" not in missing.stderr
    assert b"missing-caf\\xe9.md: no such file" in missing.stderr

    mine = plan.parent / f"mine-{LATIN1}.md"
    mine.write_text("by hand\n", encoding="utf-8")
    refused = run("export", plan, "-o", mine)
    assert refused.returncode == 2
    assert b"mine-caf\\xe9.md: the export cannot be written" in refused.stderr


def test_the_app_opens_and_saves_such_a_roadmap(plan: Path) -> None:
    state = Path(os.fsdecode(ok(run("where", plan)).rstrip(b"\n")))
    terminal = Terminal([os.fsdecode(plan)], {"XDG_DATA_HOME": os.environ["XDG_DATA_HOME"]})
    assert terminal.wait_for(b"caf\\xe9")
    assert terminal.wait_for(b"Tensors")
    terminal.type(" ")
    for _ in range(100):
        if state.exists():
            break
        terminal.read(0.1)
    assert terminal.quit() == 0
    assert b"Traceback" not in terminal.output
    store = Store.open(load_roadmap(plan), plan, state.parent, writable=False)
    assert store.status(next(iter(store.roadmap.items()))) is Status.DONE
