"""An export written to a file: which file, replaced atomically, and never over a roadmap,
a state file, or a file that dlroadmap did not write (unless the user says so)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from dlroadmap.common.files import open_file, write_atomically
from dlroadmap.errors import DlroadmapError
from dlroadmap.export.markdown import to_markdown
from dlroadmap.locations import data_dir, state_dir
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.model import Node, Roadmap
from dlroadmap.roadmap.tally import StatusOf

__all__ = ["ExportError", "ExportRefused", "export_progress", "same_file", "write_export"]

# How many exported files are remembered as ours to replace (the most recent).
RECORD_LIMIT = 200
# How many names the app's export tries before it reports the first refusal.
_TRIES = 10
_ELSEWHERE = "It was left as it was: choose another file for -o."


class ExportError(DlroadmapError):
    """The export was not written; no file was changed."""

    def __init__(self, path: Path, reason: str, advice: str = "") -> None:
        problem = f"the export cannot be written there ({reason})."
        super().__init__(path, f"{problem} {advice}" if advice else problem)
        self.reason = reason


class ExportRefused(ExportError):
    """The file is there and is not an export to replace: left exactly as it was."""


def same_file(one: Path, other: Path) -> bool:
    if one.resolve() == other.resolve():
        return True
    try:
        return os.path.samefile(one, other)  # a hard link, say
    except OSError:
        return False  # one of them does not exist (yet)


def write_export(
    target: Path,
    text: str,
    *,
    force: bool = False,
    state_folder: Path | None = None,
    record: Path | None = None,
) -> None:
    """Replace `target` with `text`, so that a reader sees the old file or the new.

    A state file (one under `state_folder`, or any file that reads as one) is never
    replaced. Nor, unless `force`, is any other existing file but an export written
    here earlier and unchanged since: `record` keeps the digest of each export written.
    """
    record = record or data_dir() / "exports.json"
    written = _read_record(record)
    key = os.fsdecode(os.path.realpath(target))
    _refuse_to_replace(target, force, state_folder or state_dir(), written.get(key))
    data = text.encode("utf-8")
    try:
        write_atomically(target, data)
    except OSError as error:
        raise ExportError(target, error.strerror or str(error)) from None
    written.pop(key, None)
    written[key] = hashlib.sha256(data).hexdigest()
    # The export is written: a record that cannot be kept only means --force next time.
    with contextlib.suppress(OSError):
        _write_record(record, written)


def _refuse_to_replace(target: Path, force: bool, state_folder: Path, digest: str | None) -> None:
    resolved = Path(os.path.realpath(target))
    if resolved.is_relative_to(os.path.realpath(state_folder)):
        raise ExportRefused(target, "it is in the folder of progress files", _ELSEWHERE)
    try:
        info = os.stat(resolved)
    except OSError:
        return  # not there yet, or unreachable: writing it says why
    if stat.S_ISDIR(info.st_mode):
        return  # replacing a folder fails, and says so
    data = _contents(resolved) if stat.S_ISREG(info.st_mode) else None
    if data is not None and _is_state_file(data):
        raise ExportRefused(
            target, "it is a dlroadmap progress file, with your progress and notes", _ELSEWHERE
        )
    if force or (data is not None and hashlib.sha256(data).hexdigest() == digest):
        return
    raise ExportRefused(
        target,
        "the file exists and is not an export written by dlroadmap, or was changed since",
        "It was left as it was: choose another file for -o, or add --force to replace it.",
    )


def _contents(path: Path) -> bytes | None:
    """The bytes of a regular file; None for anything else, or a file that cannot be read."""
    try:
        with open_file(path) as file:
            return file.read()
    except OSError:
        return None


def _is_state_file(data: bytes) -> bool:
    """Whether `data` reads as a state file: TOML with a whole-number schema and a
    [roadmap] table, as every state file is saved (whatever else it holds)."""
    import tomllib

    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(parsed.get("schema"), int) and isinstance(parsed.get("roadmap"), dict)


def _read_record(path: Path) -> dict[str, str]:
    import json

    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write_record(path: Path, written: dict[str, str]) -> None:
    import json

    recent = dict(list(written.items())[-RECORD_LIMIT:])
    write_atomically(path, json.dumps(recent, indent=1) + "\n")


def export_progress(
    roadmap: Roadmap,
    status_of: StatusOf,
    note_of: Callable[[Node], str],
    source: Path | None,
    folder: Path,
    unmatched: Sequence[tuple[str, str]] = (),
) -> Path:
    """Write the roadmap with its progress as markdown to `NAME-progress.md` in `folder`,
    where NAME is the roadmap's title; the file written. When that name is the roadmap
    file itself (`source`) or a file not to replace, the next of `NAME-progress-export.md`,
    `NAME-progress-export-2.md` and so on."""
    stem = f"{slugify(roadmap.text, max_length=40) or 'roadmap'}-progress"
    text = to_markdown(roadmap, status_of, note_of, unmatched)
    names = [stem, f"{stem}-export", *(f"{stem}-export-{n}" for n in range(2, _TRIES))]
    refused: ExportRefused | None = None
    for name in names:
        target = folder / f"{name}.md"
        if source is not None and same_file(target, source):
            continue
        try:
            write_export(target, text)
        except ExportRefused as error:
            refused = refused or error
            continue
        return target
    assert refused is not None  # the roadmap is one file: at most one name was skipped
    raise refused
