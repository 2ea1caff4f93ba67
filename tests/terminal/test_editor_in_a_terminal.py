"""Notes in $EDITOR from the real app on a pty: the screen handed over and taken back."""

from __future__ import annotations

import re
import time
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
    """Whether `text` is drawn within `seconds`, styles between its words or not."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in _CONTROL_SEQUENCE.sub(b"", terminal.read(0.1)):
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
