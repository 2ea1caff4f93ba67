"""Keys typed before the real app has drawn anything, on a pty: none is lost or fatal."""

from __future__ import annotations

from pathlib import Path

from tests.ptytools import Terminal, state_home


def test_a_note_typed_ahead_at_login_lands_in_the_note(tmp_path: Path) -> None:
    # Typed before the app has drawn anything: the editor may not even exist yet.
    terminal = Terminal([], state_home(tmp_path))
    terminal.type("nfirst words")
    assert terminal.wait_for(b"first words")
    terminal.type("\x1b")
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    for _ in range(100):
        terminal.read(0.1)
        if any("first words" in f.read_text(encoding="utf-8") for f in folder.glob("*.toml")):
            break
    assert terminal.quit() == 0
    state = next(folder.glob("*.toml")).read_text(encoding="utf-8")
    assert 'note = "first words"' in state


def test_quitting_as_soon_as_it_starts_is_a_clean_exit(tmp_path: Path) -> None:
    # `q` typed ahead: the app exits right after its first frame, before the widgets it
    # makes once that frame is out (the note editor) exist. Nothing may be left to fail.
    terminal = Terminal([], state_home(tmp_path))
    terminal.type("q")
    for _ in range(300):
        terminal.read(0.1)
        if terminal.process.poll() is not None:
            break
    terminal.read(0.2)
    assert terminal.close() == 0
    assert b"Traceback" not in terminal.output and b"Error" not in terminal.output
