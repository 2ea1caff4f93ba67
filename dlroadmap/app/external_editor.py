"""Editing a note in the user's own editor ($VISUAL, $EDITOR, else vi or nano).

No widgets here: the screen suspends the app around `edit_text` and saves what comes back.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

# Tried, in this order, only when neither $VISUAL nor $EDITOR is set.
FALLBACKS = ("vi", "nano")


class EditorError(Exception):
    """The editor could not be found or run, or gave nothing usable back; said plainly."""


def find_editor(environ: Mapping[str, str] | None = None) -> list[str]:
    """The editor command as an argument list, its program resolved on $PATH.

    A set $VISUAL or $EDITOR is used or reported, never silently swapped for vi: a typo
    in it should be fixed, not hidden behind an editor the user may not know how to leave.
    """
    environ = os.environ if environ is None else environ
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if not value:
            continue
        try:
            command = shlex.split(value)
        except ValueError as error:
            raise EditorError(f"${variable} ({value!r}) cannot be read: {error}.") from None
        if not command:
            continue
        program = shutil.which(command[0], path=environ.get("PATH"))
        if program is None:
            raise EditorError(
                f"${variable} is set to {value!r}, but {command[0]!r} cannot be found. "
                "Set it to your editor's command."
            )
        return [program, *command[1:]]
    for name in FALLBACKS:
        program = shutil.which(name, path=environ.get("PATH"))
        if program is not None:
            return [program]
    raise EditorError(
        "No editor found: neither $VISUAL nor $EDITOR is set, and neither vi nor nano is "
        "installed. Set $EDITOR to your editor's command (for example EDITOR=micro)."
    )


def edit_text(text: str, command: list[str]) -> str | None:
    """Let the user edit `text` in `command`; the new text, or None if unchanged.

    Runs in the foreground with the terminal: call it with the app suspended. The
    temporary file is private (0600) and removed whatever happens.
    """
    # Editors end the last line with a newline when they write; so does this file, so
    # that saving without a change is seen as no change.
    written = text if not text or text.endswith("\n") else text + "\n"
    descriptor, name = tempfile.mkstemp(prefix="dlroadmap-note-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
            file.write(written)
        status = _run(command, path)
        if status != 0:
            raise EditorError(
                f"{Path(command[0]).name} exited with status {status}; the note is unchanged."
            )
        try:
            edited = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise EditorError("The edited note is not UTF-8 text; the note is unchanged.") from None
        except OSError as error:
            raise EditorError(f"The edited note cannot be read back: {error}.") from None
    finally:
        path.unlink(missing_ok=True)
    if edited.rstrip("\n") == text.rstrip("\n"):
        return None
    # The newline the editor added is not part of the note, unless the note had one.
    return edited if text.endswith("\n") else edited.removesuffix("\n")


def _run(command: list[str], path: Path) -> int:
    """Run the editor on `path` and wait for it; its exit status."""
    try:
        process = subprocess.Popen([*command, str(path)])
    except OSError as error:
        raise EditorError(f"{command[0]} cannot be started: {error.strerror or error}.") from None
    # Like git: a ctrl+c meant for the editor must not interrupt us while it runs.
    # Ignored only after the start, so the editor itself still gets ctrl+c as usual.
    # (Signal handlers can only be set from the main thread.)
    if threading.current_thread() is not threading.main_thread():
        return process.wait()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return process.wait()
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
