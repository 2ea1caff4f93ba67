"""Where each roadmap's markdown lives on this machine: never synced.

A state file names its markdown (`[roadmap] source`), but a path on a laptop means nothing
on a server. What git stores has no source (the clean filter empties it); what git writes
into the data folder gets this machine's source back (the smudge filter), from a map kept
inside the repository's own `.git` folder, which is never synced. A roadmap that came from
another machine and was never opened here has an empty source: its markdown is not on
this machine until it is opened here once (`dlroadmap PATH/TO/IT.md`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from dlroadmap.common.files import write_atomically

if TYPE_CHECKING:
    from dlroadmap.progress.state import State

MAP_NAME = "dlroadmap-sources.json"


def markdown_here(state: State) -> Path | None:
    """The markdown of this state's roadmap on this machine, None if it is not here (a
    roadmap synced from another machine and not yet opened here, or one since moved)."""
    if not state.source:
        return None
    path = Path(state.source)
    return path if path.is_file() else None


def _source_line(lines: list[str]) -> tuple[int | None, int | None]:
    """Where `[roadmap]` starts and where its `source` line is (None: not there)."""
    table = None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            if table is not None:
                break  # past the [roadmap] table
            if stripped.replace(" ", "") == "[roadmap]":
                table = number
        elif table is not None and stripped.partition("=")[0].strip() == "source":
            return table, number
    return table, None


def source_of(text: str) -> str:
    """The source a state file's text names ("" if none or unreadable)."""
    import tomllib

    lines = text.splitlines()
    _table, number = _source_line(lines)
    if number is None:
        return ""
    try:
        value = tomllib.loads(lines[number]).get("source", "")
    except tomllib.TOMLDecodeError:
        return ""
    return value if isinstance(value, str) else ""


def with_source(text: str, source: str) -> str:
    """A state file's text naming `source` instead, all else as it was."""
    import tomli_w

    lines = text.splitlines(keepends=True)
    table, number = _source_line(lines)
    line = tomli_w.dumps({"source": source})
    if number is not None:
        ending = lines[number][len(lines[number].rstrip("\r\n")) :] or "\n"
        lines[number] = line.rstrip("\n") + ending
    elif table is not None and source:
        lines.insert(table + 1, line)
    return "".join(lines)


def read_map(git_dir: Path) -> dict[str, str]:
    """This machine's sources, by the state file's path in the repository."""
    try:
        data = json.loads((git_dir / MAP_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def write_map(git_dir: Path, sources: dict[str, str]) -> None:
    if read_map(git_dir) != sources:
        write_atomically(git_dir / MAP_NAME, json.dumps(sources, indent=1, sort_keys=True))


def remember_sources(data: Path, git_dir: Path, names: list[str]) -> None:
    """Note the sources the state files in the data folder name now, before git rewrites
    them (files that lost theirs keep the one remembered)."""
    sources = read_map(git_dir)
    for name in names:
        try:
            found = source_of((data / name).read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if found:
            sources[name] = found
    write_map(git_dir, sources)
