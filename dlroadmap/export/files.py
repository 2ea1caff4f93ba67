"""An export written to a file: which file, replaced atomically, and never the roadmap."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from dlroadmap.common.files import write_atomically
from dlroadmap.errors import DlroadmapError
from dlroadmap.export.markdown import to_markdown
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.model import Node, Roadmap
from dlroadmap.roadmap.tally import StatusOf

__all__ = ["ExportError", "export_progress", "same_file", "write_export"]


class ExportError(DlroadmapError):
    """The export was not written; no file was changed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, f"the export cannot be written there ({reason}).")
        self.reason = reason


def same_file(one: Path, other: Path) -> bool:
    if one.resolve() == other.resolve():
        return True
    try:
        return os.path.samefile(one, other)  # a hard link, say
    except OSError:
        return False  # one of them does not exist (yet)


def write_export(target: Path, text: str) -> None:
    """Replace `target` with `text`, so that a reader sees the old file or the new."""
    try:
        write_atomically(target, text)
    except OSError as error:
        raise ExportError(target, error.strerror or str(error)) from None


def export_progress(
    roadmap: Roadmap,
    status_of: StatusOf,
    note_of: Callable[[Node], str],
    source: Path | None,
    folder: Path,
) -> Path:
    """Write the roadmap with its progress as markdown to `NAME-progress.md` in `folder`,
    where NAME is the roadmap's title (`NAME-progress-export.md` when that name is the
    roadmap file itself, `source`); the file written."""
    target = folder / f"{slugify(roadmap.text, max_length=40) or 'roadmap'}-progress.md"
    if source is not None and same_file(target, source):
        target = target.with_name(f"{target.stem}-export.md")
    write_export(target, to_markdown(roadmap, status_of, note_of))
    return target
