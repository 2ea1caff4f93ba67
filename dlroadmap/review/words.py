"""How the review names days, counts and places in the roadmap."""

from __future__ import annotations

from datetime import date, timedelta

from dlroadmap.common.printable import printable

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "day_text",
    "due_text",
    "finish_text",
    "plural",
    "rate_text",
    "short_phase",
    "where_text",
]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if today - timedelta(days=6) <= day < today:
        return WEEKDAYS[day.weekday()]
    short = f"{day.day} {MONTHS[day.month - 1]}"
    return short if day.year == today.year else f"{short} {day.year}"


def due_text(day: date, today: date) -> str:
    late = (today - day).days
    if late <= 0:
        return "due today"
    return "due yesterday" if late == 1 else f"due {late} days ago"


def finish_text(day: date, today: date) -> str:
    """A finish date as precise as a projection can be: the day within eight weeks, the
    part of the month within the year, the month beyond."""
    ahead = (day - today).days
    if ahead <= 0:
        return "today"
    month = MONTHS[day.month - 1]
    if ahead <= 56:
        return f"{day.day} {month}"
    if ahead <= 330:
        part = "early" if day.day <= 10 else "mid" if day.day <= 20 else "late"
        return f"{part} {month}"
    return f"{month} {day.year}"


def rate_text(per_week: float) -> str:
    """6, 1.5, 0.3: whole numbers bare, others to one decimal."""
    rounded = round(per_week) if per_week >= 10 else round(per_week, 1)
    return f"{rounded:g}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _unadorned(title: str) -> str:
    """The title without the emoji or marks before its first letter or digit."""
    for index, char in enumerate(title):
        if char.isalnum():
            return title[index:]
    return title.strip()


def short_phase(title: str) -> str:
    """'📚 Phase 1: Foundations' -> 'Phase 1'; a title without a colon stays whole."""
    text = _unadorned(title)
    head, colon, _rest = text.partition(":")
    return head.strip() if colon and head.strip() else text


def where_text(where: tuple[str, ...], arrow: str) -> str:
    """Where an item sits: its phase, short, then the sections down to it."""
    if not where:
        return ""
    parts = [short_phase(where[0]), *(_unadorned(title) for title in where[1:])]
    return printable(arrow.join(parts))
