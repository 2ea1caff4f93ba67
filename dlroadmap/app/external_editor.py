"""Editing a note in the user's own editor ($VISUAL, $EDITOR, else vi or nano).

No widgets here: the screen suspends the app around `edit_text` and saves what comes back.
The note's file lives in a private folder of ours, named for the state file, the topic
and this process, and is removed only once what it holds is saved: after a `kill -9`
the next start finds it (`leftovers`) and takes it back.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from urllib.parse import quote, unquote

from dlroadmap.common.files import make_private_folder
from dlroadmap.locations import editing_dir

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


def edit_text(text: str, command: list[str], at: Path | None = None) -> str | None:
    """Let the user edit `text` in `command`; the new text, or None if unchanged.

    Runs in the foreground with the terminal: call it with the app suspended. The file
    is private (0600): `at` (left for the caller to remove once it saved the text), else
    a temporary file, removed whatever happens. If the app is told to stop meanwhile (a
    hang-up, SIGTERM), the editor is passed the signal and what it has written so far
    (`:w`) is the new text.
    """
    # Editors end the last line with a newline when they write; so does this file, so
    # that saving without a change is seen as no change.
    written = text if not text or text.endswith("\n") else text + "\n"
    if at is None:
        descriptor, name = tempfile.mkstemp(prefix="dlroadmap-note-", suffix=".md")
        path = Path(name)
    else:
        descriptor = os.open(at, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        path = at
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
            file.write(written)
        status = _run(command, path)
        if status:
            raise EditorError(_failed(Path(command[0]).name, status, text, path, at))
        edited = _read_back(path)
    finally:
        if at is None:
            path.unlink(missing_ok=True)
    return changed_text(text, edited)


def _failed(editor: str, status: int, text: str, path: Path, at: Path | None) -> str:
    """What to say of an editor that exited with an error (vim's `:cq`): the note stays
    as it was; what the editor wrote is kept aside, where the next start will not take
    it back into the note, if there is somewhere to keep it."""
    said = f"{editor} exited with status {status}, so the note is unchanged"
    try:
        wrote = changed_text(text, _read_back(path)) is not None
    except EditorError:
        wrote = True  # something unreadable: kept as it is
    if not wrote:
        return f"{said} (the editor had not changed it)."
    if at is None:
        return f"{said}; the text it wrote was not kept."
    kept = at.with_suffix(".kept")
    try:
        path.replace(kept)
    except OSError as error:
        return f"{said}; the text it wrote could not be kept: {error.strerror or error}."
    return f"{said}; the text it wrote is kept in {kept}."


def changed_text(text: str, edited: str) -> str | None:
    """What the editor's file says the note now is; None if it is still `text`."""
    if edited.rstrip("\n") == text.rstrip("\n"):
        return None
    # The newline the editor added is not part of the note, unless the note had one.
    return edited if text.endswith("\n") else edited.removesuffix("\n")


def _read_back(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise EditorError("The edited note is not UTF-8 text; the note is unchanged.") from None
    except OSError as error:
        raise EditorError(f"The edited note cannot be read back: {error}.") from None


class _Stopped(Exception):
    """The app was told to stop (the signal's number) while the editor ran."""


def _stop(number: int, _frame: FrameType | None) -> None:
    raise _Stopped(number)


def _run(command: list[str], path: Path) -> int | None:
    """Run the editor on `path` and wait for it; its exit status (None: the app was
    told to stop meanwhile, and passed that on to the editor)."""
    # Signal handlers can only be set from the main thread.
    if threading.current_thread() is not threading.main_thread():
        return _start(command, path).wait()
    # A hang-up or SIGTERM ends the wait; the app's own handling of them (saving and
    # exiting) still runs once it is back: Python's wakeup fd has the signal already.
    # Set before the start, so that one coming as the editor starts is not missed (the
    # editor gets the default handling back as it starts).
    previous = {number: signal.signal(number, _stop) for number in _STOPPING}
    process: subprocess.Popen[bytes] | None = None
    try:
        process = _start(command, path)
        # Like git: a ctrl+c meant for the editor must not interrupt us while it runs.
        # Set only after the start: an ignored signal stays ignored in the editor.
        previous[signal.SIGINT] = signal.signal(signal.SIGINT, signal.SIG_IGN)
        return process.wait()
    except _Stopped as stopped:
        if process is not None:
            with suppress(ProcessLookupError):
                process.send_signal(stopped.args[0])
        return None
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


_STOPPING = (signal.SIGHUP, signal.SIGTERM)


def _start(command: list[str], path: Path) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen([*command, str(path)])
    except OSError as error:
        raise EditorError(f"{command[0]} cannot be started: {error.strerror or error}.") from None


# -- the note's file, kept until what it holds is saved ---------------------------


@dataclass(frozen=True, slots=True)
class NoteFile:
    """The file a note is edited in, and beside it the note as it was handed over."""

    path: Path
    state: str  # the state file's name
    node_id: str
    pid: int

    @property
    def handed(self) -> Path:
        return self.path.with_suffix(".handed")

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
        self.handed.unlink(missing_ok=True)


def editing_folder() -> Path:
    """Our private folder (0700) for notes being edited."""
    folder = editing_dir()
    make_private_folder(folder)
    folder.chmod(0o700)  # made by us, maybe looser, before
    return folder


def note_file(state: Path, node_id: str) -> NoteFile:
    """Where this process edits this topic's note; the note as handed over kept beside it."""
    # Quoted, so that "+" parts the name unambiguously and no id makes a path of it.
    name = f"{quote(state.name, safe='')}+{quote(node_id, safe='')}+{os.getpid()}.md"
    return NoteFile(editing_folder() / name, state.name, node_id, os.getpid())


def hand_over(file: NoteFile, note: str) -> None:
    """Keep the note as handed to the editor, to tell at the next start whether it changed."""
    descriptor = os.open(file.handed, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handed:
        handed.write(note)


def leftovers(state: Path) -> Iterator[tuple[NoteFile, str | None]]:
    """Notes of this state file left in the editing folder by a process that died with
    its editor open, each with what it held when handed over (None: unknown)."""
    folder = editing_dir()
    prefix = f"{quote(state.name, safe='')}+"
    for path in sorted(folder.glob(f"{prefix}*.md")) if folder.is_dir() else ():
        quoted_id, _, pid = path.stem.removeprefix(prefix).rpartition("+")
        if not pid.isdigit() or _running(int(pid)):
            continue  # another session's editor is still open on it
        file = NoteFile(path, state.name, unquote(quoted_id), int(pid))
        try:
            handed: str | None = file.handed.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            handed = None
        yield file, handed


def read_leftover(file: NoteFile) -> str:
    """What the editor wrote in a leftover note file."""
    return _read_back(file.path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
