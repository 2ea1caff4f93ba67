"""Notes in $EDITOR from the real app on a pty: the screen handed over and taken back."""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find
from tests.editors import python_editor, write_script
from tests.ptytools import Terminal, state_home

FIRST = "Understand what Deep Learning is"


def saved_note(tmp_path: Path, text: str) -> str:
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, folder)
    return store.note(find(store.roadmap, text))


def test_e_edits_the_note_in_editor_in_a_real_terminal(tmp_path: Path) -> None:
    record = tmp_path / "edited-file"
    editor = write_script(
        tmp_path / "append",
        f'printf "appended-by-the-editor\\n" >> "$1"; printf "%s" "$1" > {record}',
    )
    terminal = Terminal([], {**state_home(tmp_path), "VISUAL": "", "EDITOR": str(editor)})
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type("e")
    # Back in the app, the detail pane shows the note as the editor left it.
    assert terminal.wait_for(b"appended-by-the-editor")
    terminal.type("q")
    assert terminal.close() == 0
    assert saved_note(tmp_path, FIRST) == "appended-by-the-editor"
    assert not Path(record.read_text()).exists()  # the temporary file is gone


_CONTROL_SEQUENCE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def shows(terminal: Terminal, text: bytes, seconds: float = 15) -> bool:
    """Whether `text` is drawn within `seconds`, styles or cursor moves between its words
    or not: a loaded machine may draw a line in more than one update."""
    words = re.compile(rb".{0,80}?".join(re.escape(word) for word in text.split()), re.S)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if words.search(_CONTROL_SEQUENCE.sub(b"", terminal.read(0.1))):
            return True
    return False


@pytest.mark.parametrize(
    ("variables", "message"),
    [({"EDITOR": "/nonexistent"}, b"cannot be found"), ({}, b"No editor found")],
)
def test_a_missing_editor_is_told_in_a_real_terminal(
    tmp_path: Path, variables: dict[str, str], message: bytes
) -> None:
    empty = tmp_path / "empty-bin"  # a PATH with neither vi nor nano
    empty.mkdir()
    env = {**state_home(tmp_path), "PATH": str(empty), "VISUAL": "", "EDITOR": "", **variables}
    terminal = Terminal([], env)
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type("e")
    assert shows(terminal, message)
    terminal.type("q")
    assert terminal.close() == 0
    assert saved_note(tmp_path, FIRST) == ""


def test_a_note_written_meanwhile_in_another_session_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    # While the editor is open, another session saves a note on the same topic.
    editor = python_editor(
        tmp_path,
        "from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap\n"
        "from dlroadmap.progress.store import Store\n"
        "source = bundled_roadmap_path()\n"
        f"other = Store.open(load_roadmap(source), source, Path({str(folder)!r}))\n"
        f"topic = next(n for n in other.roadmap.walk() if n.text == {FIRST!r})\n"
        "other.set_note(topic, 'written-in-the-other-session')\n"
        "with path.open('a') as file:\n"
        "    file.write('written-in-the-editor\\n')",
    )
    terminal = Terminal([], {**state_home(tmp_path), "VISUAL": "", "EDITOR": str(editor)})
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type("e")
    assert shows(terminal, b"two sessions")
    terminal.type("q")
    assert terminal.close() == 0
    note = saved_note(tmp_path, FIRST)
    assert "written-in-the-editor" in note
    assert "written-in-the-other-session" in note


def editing_files(tmp_path: Path) -> list[Path]:
    """The note files in our private editing folder."""
    folder = tmp_path / "data" / "dlroadmap" / "editing"
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def wait_until(terminal: Terminal, done: Callable[[], bool], seconds: float = 30) -> bool:
    """Whether `done()` comes to hold; the terminal read meanwhile (a full pty blocks the app)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if done():
            return True
        terminal.read(0.05)
    return done()


def saving_editor(tmp_path: Path) -> tuple[Path, Path]:
    """An editor that writes (`:w`), then waits to be closed; and where it says its pid
    and, once it is ended by a signal, that signal."""
    pid = tmp_path / "editor-pid"
    editor = python_editor(
        tmp_path,
        "import os, signal, time\n"
        "def ended(number, _frame):\n"
        f"    Path({str(pid)!r}).write_text(f'ended by {{number}}')\n"
        "    raise SystemExit(1)\n"
        "signal.signal(signal.SIGHUP, ended)\n"
        "signal.signal(signal.SIGTERM, ended)\n"
        "path.write_text(path.read_text() + 'saved with :w\\n')\n"
        f"Path({str(pid)!r}).write_text(str(os.getpid()))\n"
        "time.sleep(60)",
    )
    return editor, pid


def open_editor(terminal: Terminal, pid: Path) -> None:
    """`e`, again if the first was sent while the app still started and went unseen."""
    for _ in range(3):
        terminal.type("e")
        if wait_until(terminal, pid.exists, 10):
            return
    raise AssertionError(terminal.output[-2000:])


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM])
def test_what_the_editor_wrote_is_saved_when_the_app_is_told_to_stop(
    tmp_path: Path, number: signal.Signals
) -> None:
    """`:w` in the editor, then the terminal closes (or a shutdown): the `:w` text is kept."""
    editor, pid = saving_editor(tmp_path)
    terminal = Terminal([], {**state_home(tmp_path), "VISUAL": "", "EDITOR": str(editor)})
    assert terminal.wait_for(b"Deep Learning Study Plan")
    open_editor(terminal, pid)
    # The note's file is ours, private, and not in $TMPDIR.
    [file] = editing_files(tmp_path)
    assert file.parent.stat().st_mode & 0o777 == 0o700
    terminal.signal(number)
    assert wait_until(terminal, lambda: terminal.process.poll() is not None)
    # The editor was told too, as it would be by its own terminal's hang-up.
    assert wait_until(terminal, lambda: pid.read_text() == f"ended by {number}", 10)
    assert terminal.close() == 0
    assert saved_note(tmp_path, FIRST) == "saved with :w"
    assert editing_files(tmp_path) == []


def test_a_kill_9_with_the_editor_open_is_taken_back_at_the_next_start(tmp_path: Path) -> None:
    editor, pid = saving_editor(tmp_path)
    env = {**state_home(tmp_path), "VISUAL": "", "EDITOR": str(editor)}
    terminal = Terminal([], env)
    assert terminal.wait_for(b"Deep Learning Study Plan")
    open_editor(terminal, pid)
    terminal.process.kill()
    terminal.process.wait()
    os.kill(int(pid.read_text()), signal.SIGKILL)
    os.close(terminal.master)
    assert len(editing_files(tmp_path)) == 1
    assert saved_note(tmp_path, FIRST) == ""

    again = Terminal([], env)
    assert shows(again, b"Editor text recovered")
    assert again.quit() == 0
    assert saved_note(tmp_path, FIRST) == "saved with :w"
    assert editing_files(tmp_path) == []


def saved_status(tmp_path: Path, text: str) -> str:
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, folder)
    return store.status(find(store.roadmap, text)).value


@pytest.mark.parametrize(
    ("body", "told", "kept"),
    [
        ("exit 3", b"had not changed it", []),
        (
            'printf "half-written\\n" >> "$1"; exit 3',
            b"the text it wrote is kept in",
            ["half-written\n"],
        ),
    ],
)
def test_an_editor_that_fails_gives_back_a_working_app(
    tmp_path: Path, body: str, told: bytes, kept: list[str]
) -> None:
    """`:cq` in vim, or any editor exiting non-zero: the app comes back whole, says so,
    and the note is as it was."""
    editor = write_script(tmp_path / "failing", body)
    terminal = Terminal([], {**state_home(tmp_path), "VISUAL": "", "EDITOR": str(editor)})
    assert terminal.wait_for(b"Deep Learning Study Plan")
    handed = len(terminal.output)
    terminal.type("e")
    assert shows(terminal, b"exited with status 3")
    assert shows(terminal, told)
    # The screen is drawn again, and the app reads keys one at a time (no line mode,
    # no echo): space marks the topic done.
    assert b"Deep Learning Study Plan" in _CONTROL_SEQUENCE.sub(b"", terminal.output[handed:])
    terminal.type(" ")
    assert shows(terminal, b"changed today")
    terminal.type("q")
    assert terminal.close() == 0
    assert saved_note(tmp_path, FIRST) == ""
    assert saved_status(tmp_path, FIRST) == "done"
    # What the editor wrote is kept aside, not taken into the note at the next start.
    folder = tmp_path / "data" / "dlroadmap" / "editing"
    assert [path.read_text() for path in folder.glob("*.kept")] == kept
    assert editing_files(tmp_path) == []
