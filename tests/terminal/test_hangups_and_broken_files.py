"""Never lose a note, in a real terminal: a hang-up, a vanished pty, a broken state file."""

from __future__ import annotations

import hashlib
import signal
from pathlib import Path

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find
from tests.ptytools import Terminal, state_home

FIRST = "Understand what Deep Learning is"


def test_sighup_saves_the_note_being_typed(tmp_path: Path) -> None:
    env = state_home(tmp_path)
    terminal = Terminal([], env)
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type("n")
    terminal.type("typed just before the link dropped")
    # On screen, and at once: well inside the pause after which it would save anyway.
    assert terminal.wait_for(b"dropped")
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    # Not saved yet: it is the hang-up that must save it.
    assert not any(b"dropped" in file.read_bytes() for file in folder.glob("*.toml"))
    terminal.signal(signal.SIGHUP)
    terminal.close()
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, folder)
    assert store.note(find(store.roadmap, FIRST)) == "typed just before the link dropped"


def test_a_broken_state_file_can_be_moved_aside_at_the_prompt(tmp_path: Path) -> None:
    env = state_home(tmp_path)
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    folder.mkdir(parents=True)
    broken = folder / "deep-learning-study-plan.toml"
    broken.write_bytes(b"\x00garbage = = =")
    digest = hashlib.sha256(broken.read_bytes()).hexdigest()

    declined = Terminal([], env)
    assert declined.wait_for(b"[y/N]")
    declined.type("n\r")
    assert declined.close() == 2
    assert hashlib.sha256(broken.read_bytes()).hexdigest() == digest

    accepted = Terminal([], env)
    assert accepted.wait_for(b"[y/N]")
    accepted.type("y\r")
    assert accepted.wait_for(b"Deep Learning Study Plan")
    assert accepted.quit() == 0
    aside = [path for path in folder.iterdir() if ".broken-" in path.name]
    assert len(aside) == 1
    assert str(aside[0]).encode() in accepted.output.replace(b"\r\n", b"")
    assert hashlib.sha256(aside[0].read_bytes()).hexdigest() == digest


def test_a_vanished_terminal_saves_and_exits_instead_of_spinning(tmp_path: Path) -> None:
    """No hang-up signal (a pty closed under it): the app notices within a second or two."""
    import os
    import time

    terminal = Terminal([], state_home(tmp_path))
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type("n")
    terminal.type("written as the window closed")
    assert terminal.wait_for(b"closed")
    os.close(terminal.master)
    for _ in range(100):
        if terminal.process.poll() is not None:
            break
        time.sleep(0.1)
    else:
        terminal.process.kill()
    assert terminal.process.wait() == 0
    path = bundled_roadmap_path()
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    store = Store.open(load_roadmap(path), path, folder)
    assert store.note(find(store.roadmap, FIRST)) == "written as the window closed"


def test_steady_typing_then_kill_9_keeps_all_but_the_last_seconds(tmp_path: Path) -> None:
    """One key every quarter second, never a pause: saved as it goes, not only at a pause."""
    import os
    import time

    from dlroadmap.app.widgets.note_editor import SAVE_AT_LEAST_EVERY_SECONDS

    terminal = Terminal([], state_home(tmp_path))
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type("n")
    typed = ""
    end = time.monotonic() + SAVE_AT_LEAST_EVERY_SECONDS + 3
    while time.monotonic() < end:
        character = "abcdefghij"[len(typed) % 10]
        terminal.type(character)
        typed += character
        terminal.read(0.25)
    terminal.process.kill()
    terminal.process.wait()
    os.close(terminal.master)
    path = bundled_roadmap_path()
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    store = Store.open(load_roadmap(path), path, folder)
    note = store.note(find(store.roadmap, FIRST))
    # What was typed up to the last few seconds (3 s of it at most, and the start-up's).
    assert typed.startswith(note)
    assert len(note) >= 4 * SAVE_AT_LEAST_EVERY_SECONDS - 12
