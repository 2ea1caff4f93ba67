"""Which markdown a ROADMAP on the command line names: a path, a URL it was added from,
or the title of a roadmap on the shelf (or the start of one, in any case)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from dlroadmap.common.printable import printable
from dlroadmap.errors import DlroadmapError, RoadmapError
from dlroadmap.shelf.entries import Entry
from dlroadmap.shelf.kept import copy_of


def is_url(argument: str) -> bool:
    return argument.casefold().startswith(("http://", "https://"))


def by_title(argument: str, entries: Sequence[Entry]) -> Entry | None:
    """The roadmap titled `argument`: the one whose title it is, or else the one whose
    title starts with it (ignoring case); None when none does. Several: an error."""
    wanted = argument.strip().casefold()
    if not wanted:
        return None
    exact = [entry for entry in entries if entry.title.casefold() == wanted]
    starting = exact or [entry for entry in entries if entry.title.casefold().startswith(wanted)]
    if len(starting) > 1:
        named = "; ".join(f'"{printable(entry.title)}"' for entry in starting)
        raise DlroadmapError(
            argument,
            f"several roadmaps on your shelf have titles starting so: {named}. "
            "Give more of the title, or the path of its markdown.",
        )
    return starting[0] if starting else None


def choose(argument: str, shelf: Callable[[], Sequence[Entry]]) -> Path:
    """The markdown that `argument` names; a RoadmapError when it names none.

    `shelf` gives the roadmaps on the shelf, read only when a title is to be looked up.
    """
    if is_url(argument):
        copy = copy_of(argument)
        if copy is None:
            raise RoadmapError(
                argument,
                "no roadmap was added from that address. Add it first: dlroadmap add URL.",
            )
        return copy
    path = Path(argument).expanduser()
    if path.exists() or path.is_symlink():
        return path
    entry = by_title(argument, shelf())
    if entry is not None:
        if not entry.found:
            raise RoadmapError(
                entry.source,
                f'the markdown of "{printable(entry.title)}" is no longer there. Open it '
                "where it is now (dlroadmap PATH): its progress comes along.",
            )
        return entry.source
    raise RoadmapError(
        path,
        "no such file, nor a roadmap on your shelf by that title (dlroadmap list shows "
        "them). Check the path and try again.",
    )
