"""Notes in $EDITOR, without the app: which editor is found, and what its file gives back."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.app.external_editor import EditorError, edit_text, find_editor
from tests.editors import python_editor, write_script


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
