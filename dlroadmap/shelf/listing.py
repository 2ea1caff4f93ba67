"""The shelf as `dlroadmap list` prints it: one line per roadmap, or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from dlroadmap.common.printable import path_text, printable, printable_path
from dlroadmap.shelf.entries import Entry


def studied_text(day: date | None, today: date) -> str:
    if day is None:
        return "not studied yet"
    ago = (today - day).days
    if ago == 0:
        return "studied today"
    if ago == 1:
        return "studied yesterday"
    if 1 < ago < 7:
        return f"studied {ago} days ago"
    return f"studied {day.isoformat()}"


def progress_text(entry: Entry) -> str:
    if entry.tally is None:
        return "-/-"
    return f"{entry.tally.done}/{entry.tally.total}"


def where_text(entry: Entry) -> str:
    """Where the markdown lives (the URL of a fetched one), flagged when it is gone."""
    if entry.problem is not None:
        return f"cannot be read: {printable(entry.problem)}"
    if entry.url is not None:
        return printable(entry.url)
    place = printable_path(entry.source)
    return place if entry.found else f"GONE (was {place})"


def lines(entries: Sequence[Entry], today: date) -> list[str]:
    if not entries:
        return ["No roadmap has saved progress yet: open one (dlroadmap ROADMAP.md)."]
    titles = [printable(entry.title) for entry in entries]
    progress = [progress_text(entry) for entry in entries]
    studied = [studied_text(entry.last_studied, today) for entry in entries]
    title_width = min(max(map(len, titles)), 36)
    progress_width = max(map(len, progress))
    studied_width = max(map(len, studied))
    return [
        f"{_cut(title, title_width):<{title_width}}  {count:>{progress_width}}  "
        f"{when:<{studied_width}}  {where_text(entry)}"
        for title, count, when, entry in zip(titles, progress, studied, entries, strict=True)
    ]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_json(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    return [
        {
            "title": entry.title,
            "done": None if entry.tally is None else entry.tally.done,
            "total": None if entry.tally is None else entry.tally.total,
            "last_studied": None if entry.last_studied is None else entry.last_studied.isoformat(),
            "source": path_text(entry.source) if entry.problem is None else None,
            "found": entry.found,
            "url": entry.url,
            "state_file": path_text(entry.state_path),
            "problem": entry.problem,
        }
        for entry in entries
    ]
