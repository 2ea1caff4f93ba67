"""At home in a terminal: notes in $EDITOR, undo and redo, the command palette."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
from textual.command import CommandPalette

from dlroadmap.app.external_editor import EditorError, edit_text, find_editor
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.progress.history import Change, History
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find, make_app, saved, screen_text
from tests.ptytools import Terminal, state_home

SIZE = (100, 30)
FIRST = "Understand what Deep Learning is"
NO_EDITOR_PATH = "/nonexistent-bin"


def cursor_text(app) -> str:
    data = app.screen.query_one(RoadmapTree).cursor_node.data
    assert isinstance(data, Node)
    return data.text


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def write_script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


# -- the history, on its own ---------------------------------------------------


def test_history_undo_then_redo() -> None:
    history = History()
    history.push(Change("a", "status", "todo", "done"))
    history.push(Change("b", "note", "", "hello"))
    assert history.next_undo() == Change("b", "note", "", "hello")
    assert history.undone().node_id == "b"
    assert history.undone().node_id == "a"
    assert history.next_undo() is None
    assert history.redone().node_id == "a"
    assert history.next_redo() == Change("b", "note", "", "hello")


def test_a_new_change_forgets_what_was_undone() -> None:
    history = History()
    history.push(Change("a", "status", "todo", "done"))
    history.undone()
    history.push(Change("b", "status", "todo", "skipped"))
    assert history.next_redo() is None


def test_saves_while_typing_are_one_edit() -> None:
    history = History()
    history.push(Change("a", "note", "", "he", group=1))
    history.push(Change("a", "note", "he", "hello", group=1))
    history.push(Change("a", "note", "hello", "hello!", group=2))
    assert history.undone() == Change("a", "note", "hello", "hello!", group=2)
    assert history.undone() == Change("a", "note", "", "hello", group=1)
    # Typed and typed back in one stay: nothing to undo.
    history.push(Change("b", "note", "x", "xy", group=3))
    history.push(Change("b", "note", "xy", "x", group=3))
    assert history.next_undo() is None


def test_history_is_short() -> None:
    history = History(length=3)
    for number in range(5):
        history.push(Change(str(number), "status", "todo", "done"))
    assert len(history) == 3
    assert [history.undone().node_id for _ in range(3)] == ["4", "3", "2"]


# -- undo and redo in the app ----------------------------------------------------


async def test_u_undoes_a_status_change_and_ctrl_r_redoes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("space")
        assert saved(app)[item.id]["status"] == "done"
        await pilot.press("u")
        await pilot.pause()
        assert saved(app)[item.id]["status"] == "todo"
        assert app.store.status(item) is Status.TODO
        assert f"Undid: done on “{FIRST}”" in messages(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert saved(app)[item.id]["status"] == "done"
        assert f"Redid: done on “{FIRST}”" in messages(app)


async def test_undo_walks_back_several_changes_in_order(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("p", "x", "space")
        assert saved(app)[item.id]["status"] == "done"
        await pilot.press("u")
        assert saved(app)[item.id]["status"] == "skipped"
        await pilot.press("u")
        assert saved(app)[item.id]["status"] == "in_progress"
        await pilot.press("u")
        assert saved(app)[item.id]["status"] == "todo"
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo." in messages(app)


async def test_undo_restores_the_note_as_it_was_before_the_edit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    item = find(app.roadmap, FIRST)
    app.store.set_note(item, "old note")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *" and")
        await pilot.pause(1.5)  # saved once after the pause in typing ...
        assert saved(app)[item.id]["note"] == "old note and"
        await pilot.press(*" more", "escape")  # ... and again on leaving
        assert saved(app)[item.id]["note"] == "old note and more"
        await pilot.press("u")  # the whole stay in the editor is one edit
        await pilot.pause()
        assert saved(app)[item.id]["note"] == "old note"
        assert f"Undid: note edit on “{FIRST}”" in messages(app)
        await pilot.press("ctrl+r")
        assert saved(app)[item.id]["note"] == "old note and more"


async def test_undo_moves_the_cursor_to_what_it_changed(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "j", "j")
        assert cursor_text(app) != FIRST
        await pilot.press("u")
        await pilot.pause()
        assert cursor_text(app) == FIRST


async def test_undo_never_writes_over_another_sessions_later_change(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("space")
        other = Store.open(app.roadmap, bundled_roadmap_path(), tmp_path)
        other.set_status(find(other.roadmap, FIRST), Status.IN_PROGRESS)
        await pilot.press("u")  # at once: before the app's own look at the file
        await pilot.pause()
        assert saved(app)[item.id]["status"] == "in_progress"
        assert any("changed since" in message for message in messages(app))


async def test_u_and_ctrl_r_are_text_in_the_editor_and_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("space", "n", "u", "escape")
        assert saved(app)[item.id]["note"] == "u"
        assert saved(app)[item.id]["status"] == "done"
        await pilot.press("slash", "u")
        assert app.screen.query_one("#filter").value == "u"
        assert saved(app)[item.id]["status"] == "done"


async def test_help_lists_the_new_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        shown = screen_text(app)
        for description in (
            "Edit the note in $EDITOR",
            "Undo the last change",
            "Redo what was undone",
        ):
            assert description in shown
        assert "ctrl+r" in shown


# -- the command palette ---------------------------------------------------------


async def palette_go(pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.5)  # the palette gathers hits in the background
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_jumps_to_a_topic_by_part_of_its_name(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette_go(pilot, "feedforward neural")
        assert not isinstance(app.screen, CommandPalette)
        assert cursor_text(app) == "Feedforward Neural Networks"
        assert app.screen.query_one(RoadmapTree).has_focus


async def test_the_palette_clears_the_filter_to_jump(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"relu", "enter")
        assert app.screen.query_one("#filter").value == "relu"
        await palette_go(pilot, "hugging face")
        assert app.screen.query_one("#filter").value == ""
        assert cursor_text(app) == "Hugging Face Transformers"


async def test_the_palette_keeps_the_apps_own_commands(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette_go(pilot, "today")
        assert type(app.screen).__name__ == "TodayScreen"


HOSTILE = """# Hostile

## Phase [bold]one[/]

### Topics \\
- Use [red]tags[/red] here \\
- Title \x1b]0;pwned\x07 here
"""


async def test_the_palette_shows_names_literally(tmp_path: Path) -> None:
    roadmap = tmp_path / "hostile.md"
    roadmap.write_text(HOSTILE, encoding="utf-8")
    app = make_app(tmp_path / "state", roadmap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"tags")
        await pilot.pause(0.5)
        shown = screen_text(app)
        assert "Use [red]tags[/red] here" in shown
        assert "Phase [bold]one[/]" in shown
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_text(app).startswith("Use [red]tags[/red] here")


# -- notes in $EDITOR ------------------------------------------------------------


def python_editor(tmp_path: Path, body: str, name: str = "editor") -> Path:
    """An 'editor' that runs `body` with `path` bound to the file it is given."""
    script = tmp_path / name
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom pathlib import Path\npath = Path(sys.argv[-1])\n"
        f"{body}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def test_edit_text_returns_what_the_editor_wrote(tmp_path: Path) -> None:
    editor = python_editor(
        tmp_path,
        "with path.open('a') as file:\n    file.write('appended\\n')",
    )
    assert edit_text("old", [str(editor)]) == "old\nappended"
    assert edit_text("", [str(editor)]) == "appended"
    assert edit_text("ends in a newline\n", [str(editor)]) == "ends in a newline\nappended\n"


def test_edit_text_unchanged_is_none(tmp_path: Path) -> None:
    # Saved without a change, the newline an editor adds on writing is no change.
    editor = python_editor(tmp_path, "path.write_text(path.read_text())")
    assert edit_text("same", [str(editor)]) is None
    assert edit_text("", [str(editor)]) is None


def test_the_temp_file_is_private_md_and_removed(tmp_path: Path) -> None:
    record = tmp_path / "record"
    editor = python_editor(
        tmp_path,
        f"import os\nPath({str(record)!r}).write_text("
        "f'{oct(os.stat(path).st_mode & 0o777)} {path.suffix} {path}')",
    )
    assert edit_text("private", [str(editor)]) is None
    mode, suffix, name = record.read_text().split(" ", 2)
    assert mode == oct(0o600)
    assert suffix == ".md"
    assert not Path(name).exists()


def test_an_editor_that_fails_changes_nothing(tmp_path: Path) -> None:
    editor = python_editor(tmp_path, "path.write_text('half-typed')\nsys.exit(3)")
    with pytest.raises(EditorError, match="status 3"):
        edit_text("kept", [str(editor)])


def test_an_editor_that_writes_bytes_not_utf8_changes_nothing(tmp_path: Path) -> None:
    editor = python_editor(tmp_path, "path.write_bytes(b'\\xff\\xfe')")
    with pytest.raises(EditorError, match="UTF-8"):
        edit_text("kept", [str(editor)])


def test_find_editor_order(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("vi", "nano", "myed", "other"):
        write_script(bin_dir / name, "exit 0")
    path = str(bin_dir)
    myed, other = str(bin_dir / "myed"), str(bin_dir / "other")
    assert find_editor({"PATH": path}) == [str(bin_dir / "vi")]
    assert find_editor({"PATH": path, "EDITOR": "myed --wait"}) == [myed, "--wait"]
    assert find_editor({"PATH": path, "EDITOR": "myed", "VISUAL": "other"}) == [other]
    assert find_editor({"PATH": path, "EDITOR": "myed", "VISUAL": " "}) == [myed]
    (bin_dir / "vi").unlink()
    assert find_editor({"PATH": path}) == [str(bin_dir / "nano")]


def test_find_editor_says_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(EditorError, match=r"\$EDITOR is set to '/nonexistent'"):
        find_editor({"PATH": str(tmp_path), "EDITOR": "/nonexistent"})
    with pytest.raises(EditorError, match="No editor found"):
        find_editor({"PATH": str(tmp_path)})
    with pytest.raises(EditorError, match="cannot be read"):
        find_editor({"PATH": str(tmp_path), "VISUAL": "'unclosed"})


async def test_e_without_a_real_terminal_says_so_and_keeps_the_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = python_editor(tmp_path, "path.write_text('never')")
    monkeypatch.setenv("VISUAL", str(editor))
    app = make_app(tmp_path)
    item = find(app.roadmap, FIRST)
    app.store.set_note(item, "kept")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert any("cannot hand the screen" in message for message in messages(app))
        assert app.store.note(item) == "kept"


async def test_e_with_no_editor_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", "")
    monkeypatch.setenv("EDITOR", "/nonexistent")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert any("cannot be found" in message for message in messages(app))
        await pilot.press("h", "e")  # on a section: there is no note to edit
        await pilot.pause()
        assert any("Select an item" in message for message in messages(app))


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


def test_palette_matching_takes_bounded_time_on_a_line_of_repeats() -> None:
    # Textual's matcher alone takes seconds here: it tries every way the letters fit.
    from textual.fuzzy import Matcher

    from dlroadmap.app.palette import _match

    line = " - ".join(f"level {number}" for number in range(1000))
    started = time.monotonic()
    score, offsets = _match(Matcher("level le vel"), line)
    assert time.monotonic() - started < 0.5
    assert score > 0
    assert [line[offset] for offset in offsets] == list("level le vel")


async def test_export_from_the_palette_writes_the_progress_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path / "state")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "ctrl+p", *"Export")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
    exported = tmp_path / "deep-learning-study-plan-progress.md"
    text = exported.read_text(encoding="utf-8")
    assert "- [x] Understand what Deep Learning is" in text
