"""Issue 12, in a real terminal: a hang-up or a shutdown with changes that cannot be
saved keeps them in a recovery file without asking; if even that cannot be written,
they are printed on stderr and the exit status is not 0."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from dlroadmap.progress import recovery
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find
from tests.ptytools import Terminal, state_home

FIRST = "Understand what Deep Learning is"


def open_store(folder: Path) -> Store:
    path = bundled_roadmap_path()
    return Store.open(load_roadmap(path), path, folder)


def exit_status(terminal: Terminal) -> int:
    """Wait for the app to end, reading all it writes (what it says as it exits too)."""
    for _ in range(60):
        if terminal.process.poll() is not None:
            break
        terminal.read(0.5)
    terminal.read(0.5)
    return terminal.close()


def test_sigterm_while_another_session_holds_the_lock_keeps_the_note(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    folder.mkdir(parents=True)
    script = (
        "import sys; from filelock import FileLock; lock = FileLock(sys.argv[1]); "
        "lock.acquire(); print('held', flush=True); sys.stdin.read()"
    )
    lock = f"{open_store(folder).path}.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", script, lock], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        terminal = Terminal([], state_home(tmp_path))
        assert terminal.wait_for(b"Deep Learning Study Plan")
        terminal.type("n")
        terminal.type("typed while another session was stuck")
        assert terminal.wait_for(b"stuck")
        terminal.signal(signal.SIGTERM)
        assert exit_status(terminal) == 0
    finally:
        holder.kill()
        holder.wait()
    store_path = Path(lock.removesuffix(".lock"))
    assert not store_path.exists()  # the lock was never free: nothing written there
    [kept] = recovery.recovery_files(store_path)
    assert str(kept.name).encode() in terminal.output.replace(b"\r\n", b"")
    # The next start merges it in and saves it; the recovery file is then gone.
    store = open_store(folder)
    assert store.note(find(store.roadmap, FIRST)) == "typed while another session was stuck"
    assert recovery.recovery_files(store_path) == []
    assert "stuck" in store_path.read_text("utf-8")


def test_nothing_can_be_written_the_note_is_printed_and_the_exit_fails(tmp_path: Path) -> None:
    env = state_home(tmp_path)
    # The data folder cannot be made: its parent is a file (as root, chmod would not do).
    Path(env["XDG_DATA_HOME"]).write_text("not a folder", encoding="utf-8")
    terminal = Terminal([], env)
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type(" ")
    terminal.type("n")
    terminal.type("the only copy of this thought")
    assert terminal.wait_for(b"thought")
    terminal.signal(signal.SIGTERM)
    assert exit_status(terminal) != 0
    output = terminal.output.replace(b"\r\n", b"\n")
    assert b"could not be saved" in output
    assert FIRST.encode() in output
    assert b"    the only copy of this thought" in output
