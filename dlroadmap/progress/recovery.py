"""Changes that could not be saved when the app had to quit, kept in a recovery file.

A recovery file sits beside the state file, named after it, and holds the unsaved
items in the state file's own format (so a person can read it, and the same codec
reads it back). The next start merges it in as another session's save would be,
and deletes it only once that is saved. Nothing here knows of widgets.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from dlroadmap.common.files import open_file
from dlroadmap.common.printable import printable, printable_lines, printable_path
from dlroadmap.progress import reattach
from dlroadmap.progress.state import ItemState, State, decode_state, dump_state, now

# `NAME.unsaved-STAMP.toml` beside `NAME.toml`: never taken for a roadmap's state file.
MARK = ".unsaved-"


def recovery_files(state_path: Path) -> list[Path]:
    """The recovery files left for this state file, oldest first."""
    try:
        return sorted(state_path.parent.glob(f"{state_path.stem}{MARK}*{state_path.suffix}"))
    except OSError:
        return []


def is_recovery_file(path: Path) -> bool:
    return MARK in path.name


def write_recovery(state_path: Path, title: str, items: Mapping[str, ItemState]) -> Path:
    """Keep `items` in a new private file beside the state file, never over another; its path.

    Raises OSError when it cannot be written (then nothing is left behind).
    """
    state = State(title=title, source="", items=dict(items))
    data = dump_state(state).encode("utf-8")
    folder = state_path.parent
    stamp = now().strftime("%Y%m%d-%H%M%S")
    # mkstemp: mode 0600, a name nobody can plant a link at; linked to its final name,
    # which fails rather than replace a file already there.
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{state_path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        for number in range(1, 1000):
            suffix = "" if number == 1 else f"-{number}"
            target = folder / f"{state_path.stem}{MARK}{stamp}{suffix}{state_path.suffix}"
            try:
                os.link(temp_name, target)
            except FileExistsError:
                continue
            return target
        raise FileExistsError(f"no free name for a recovery file in {folder}")
    finally:
        Path(temp_name).unlink(missing_ok=True)


def read_recovery(path: Path) -> State:
    """What a recovery file holds (StateError if it cannot be read)."""
    from dlroadmap.errors import StateError

    try:
        # Refused if not a regular file, never waited on (a named pipe would be).
        with open_file(path) as file:
            data = file.read()
    except OSError as error:  # NotAFile too: "... (it is a named pipe (FIFO), not a file)."
        raise StateError(path, f"it cannot be read ({error.strerror or error}).") from None
    return decode_state(data, path)


class TakenIn(NamedTuple):
    """What take_in merged: the items, the notes now holding two texts, the files taken
    in (deleted by the store once what they held is saved), and why each file that could
    not be read was left where it is (one paragraph each, for the user)."""

    items: dict[str, ItemState]
    conflicts: tuple[str, ...]
    taken: tuple[Path, ...]
    unreadable: tuple[str, ...]


def take_in(state_path: Path, items: Mapping[str, ItemState], moves: Mapping[str, str]) -> TakenIn:
    """Merge back into `items` what a session could not save before it quit (the state
    file's recovery files, their ids seen through `moves`), as another session's save is
    merged: neither side is lost."""
    from dlroadmap.errors import StateError

    merged_items = dict(items)
    conflicts: tuple[str, ...] = ()
    taken: list[Path] = []
    unreadable: list[str] = []
    for path in recovery_files(state_path):
        try:
            kept = read_recovery(path)
        except StateError as error:
            # Left where it is, for the user to look at: they are told why.
            unreadable.append(
                f"The recovery file {printable_path(path)} was not merged in: "
                f"{error.problem} It was left where it is."
            )
            continue
        from dlroadmap.progress.merge import merge  # only when there is one: not at every start

        # No common version: a field both hold differently is merged, never dropped.
        merged = merge({}, merged_items, reattach.apply(kept.items, moves))
        merged_items = merged.items
        conflicts += merged.conflicts
        taken.append(path)
    return TakenIn(merged_items, conflicts, tuple(taken), tuple(unreadable))


def lost_paragraph(state_path: Path, items: Mapping[str, ItemState], reason: str) -> str:
    """What was lost, for stderr when not even a recovery file could be written: the
    topics, and every unsaved note in full so that the user can copy it."""
    lines = [
        f"dlroadmap: these changes could not be saved to {printable(str(state_path))} "
        f"({printable(reason)}), "
        "nor kept in a recovery file beside it; they are lost unless you copy them now:"
    ]
    for key in sorted(items):
        item = items[key]
        status = f" [{item.status.value}]" if item.status is not None else ""
        # Shown as printable text: a note's escape codes never drive the terminal.
        lines.append(f"- {printable(item.text or key)}{status}")
        if item.note:
            lines.extend(f"    {line}" for line in printable_lines(item.note).splitlines())
    return "\n".join(lines)
