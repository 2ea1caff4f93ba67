"""How long a topic takes, where the roadmap says so, and how much is left to study.

A topic states a duration in a table cell (a curriculum's `Duration | Effort` columns:
`13 weeks`, `8-10 hours/week`) or in a bracketed group of its title (`Linear algebra
(~3h)`, `Read the book [2 weeks]`). A cell counts only when its whole value is one
duration, a bracketed group only when it holds exactly one: `Week 3`, `2 weeks ago`,
`(3h of video and a quiz)` or a figure of six digits or more state none.

A duration is a *length* (`13 weeks`, `~3h`, `8 to 10 days`) or a *rate* of effort
(`8-10 hours/week`, `30 min a day`). Lengths keep the units the roadmap gives, never
converted into one another (a "week" of a course is not seven days of study); minutes
fold into hours, both being effort. A length in weeks with a rate per week (or days
with a rate per day) also gives a range of hours: 13 weeks at 8-10 hours/week is
104-130 h.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from dlroadmap.roadmap.model import Node, plain

__all__ = ["Amount", "Duration", "Rate", "TimeLeft", "amount_text", "duration_of", "time_left"]

# Units of a length, largest first: the order a sum is given in.
UNITS = ("month", "week", "day", "hour")


class Amount(NamedTuple):
    """A length, or a range of lengths (low == high when the roadmap gives one figure)."""

    low: float
    high: float
    unit: str  # one of UNITS


class Rate(NamedTuple):
    """Hours of effort per `per` (a range, as an Amount)."""

    low: float
    high: float
    per: str  # "week" or "day"


class Duration(NamedTuple):
    length: Amount | None
    rate: Rate | None


class TimeLeft(NamedTuple):
    topics: int  # topics passed in
    timed: int  # of them, how many give a length
    lengths: tuple[Amount, ...]  # their lengths summed, one per unit, in the order of UNITS
    hours: Amount | None  # hours from length x rate, summed over the topics giving both
    rated: int  # how many topics those hours cover


_APPROX = r"(?:[~≈]\s*|(?:about|around|roughly|approx\.?|approximately)\s+)?"
# Five digits at most: a longer figure is no time a topic takes, and a sum or a product
# of such figures overflows a float to inf (the review cannot print it, JSON cannot hold it).
_FIGURE = r"\d{1,5}"
_NUMBER = rf"{_FIGURE}(?:\.\d+)?"
_RANGE = rf"(?P<low>{_NUMBER})(?:(?:\s*[-–—]\s*|\s+to\s+)(?P<high>{_NUMBER}))?"
# A bare "m" could be minutes or months, and a bare "d" is as often "2D" (two-dimensional)
# as two days, so neither is a length's unit alone; after a slash ("5h/d") "d" is a day.
_HOUR = r"h|hrs?|hours?"
_MINUTE = r"mins?|minutes?"
_LENGTH_UNIT = (
    rf"(?P<hour>{_HOUR})|(?P<minute>{_MINUTE})|(?P<day>days?)"
    r"|(?P<week>w|wks?|weeks?)|(?P<month>mos?|months?)"
)
_PER = (
    r"(?:\s*/\s*|\s+(?:per|a|an|each|every)\s+)"
    r"(?:(?P<per_week>w|wks?|week)|(?P<per_day>d|day))"
    r"|\s+(?:(?P<weekly>weekly)|(?P<daily>daily))"
)
_FLAGS = re.IGNORECASE
_LENGTH = re.compile(rf"{_APPROX}{_RANGE}\s*(?:{_LENGTH_UNIT})", _FLAGS)
_RATE = re.compile(
    rf"{_APPROX}{_RANGE}\s*(?:(?P<hour>{_HOUR})|(?P<minute>{_MINUTE}))(?:{_PER})", _FLAGS
)
# "1h 30min", "1 h 30", "1h30m": one figure in hours and minutes (after hours, "m" is minutes).
_HOURS_MINUTES = re.compile(
    rf"{_APPROX}(?P<hours>{_FIGURE})\s*(?:{_HOUR})\s*(?P<minutes>{_FIGURE})\s*(?:m|{_MINUTE})?",
    _FLAGS,
)
_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")


def duration_of(node: Node) -> Duration | None:
    """What the node says of its duration: the first length and the first rate its cells
    (in column order), then its title's bracketed groups, give; None when they give none."""
    length: Amount | None = None
    rate: Rate | None = None
    for text in _stated(node):
        found_length, found_rate = _duration(text)
        length = length or found_length
        rate = rate or found_rate
    if length is None and rate is None:
        return None
    return Duration(length, rate)


def time_left(nodes: Iterable[Node]) -> TimeLeft:
    """The lengths of the given topics summed per unit, and the hours their rates give."""
    topics = timed = rated = 0
    sums: dict[str, tuple[float, float]] = {}
    hours_low = hours_high = 0.0
    for node in nodes:
        topics += 1
        duration = duration_of(node)
        if duration is None or duration.length is None:
            continue
        timed += 1
        length = duration.length
        low, high = sums.get(length.unit, (0.0, 0.0))
        sums[length.unit] = (low + length.low, high + length.high)
        effort = _effort(length, duration.rate)
        if effort is not None:
            rated += 1
            hours_low += effort.low
            hours_high += effort.high
    lengths = tuple(Amount(*sums[unit], unit) for unit in UNITS if unit in sums)
    hours = Amount(hours_low, hours_high, "hour") if rated else None
    return TimeLeft(topics, timed, lengths, hours, rated)


def amount_text(amount: Amount, *, ascii_only: bool = False) -> str:
    """`13 weeks`, `1 week`, `3 h 20 min`, `45 min`; a range with an en dash (a hyphen when
    ascii_only) between its figures: `10-12 weeks`, `104-130 h`."""
    dash = "-" if ascii_only else "–"
    if amount.unit == "hour":
        low, high = _hours_text(amount.low), _hours_text(amount.high)
        if low == high:
            return low
        if low.endswith(" h") and high.endswith(" h") and "min" not in low + high:
            return f"{low.removesuffix(' h')}{dash}{high}"
        return f"{low} {dash} {high}"
    low, high = _figure(amount.low), _figure(amount.high)
    word = amount.unit if high == "1" else f"{amount.unit}s"
    return f"{low} {word}" if low == high else f"{low}{dash}{high} {word}"


def _stated(node: Node) -> Iterator[str]:
    """Each text that may state a duration: every cell, then each bracketed group."""
    for _, value in node.fields:
        yield plain(value)
    for match in _BRACKETED.finditer(node.text):
        yield match.group(1) if match.group(1) is not None else match.group(2)


def _duration(text: str) -> tuple[Amount | None, Rate | None]:
    """The length or the rate the whole text is, if it is one."""
    text = text.strip()
    if match := _RATE.fullmatch(text):
        low, high = _bounds(match)
        if match["minute"]:
            low, high = low / 60, high / 60
        per = "week" if match["per_week"] or match["weekly"] else "day"
        return None, Rate(low, high, per)
    if match := _LENGTH.fullmatch(text):
        low, high = _bounds(match)
        unit = next(unit for unit in (*UNITS, "minute") if match[unit])
        if unit == "minute":
            return Amount(low / 60, high / 60, "hour"), None
        return Amount(low, high, unit), None
    if match := _HOURS_MINUTES.fullmatch(text):
        hours = int(match["hours"]) + int(match["minutes"]) / 60
        return Amount(hours, hours, "hour"), None
    return None, None


def _bounds(match: re.Match[str]) -> tuple[float, float]:
    low = float(match["low"])
    high = float(match["high"]) if match["high"] else low
    return min(low, high), max(low, high)


def _effort(length: Amount, rate: Rate | None) -> Amount | None:
    """The hours a length at a rate per the same unit takes (never across units)."""
    if rate is None or rate.per != length.unit:
        return None
    return Amount(length.low * rate.low, length.high * rate.high, "hour")


def _hours_text(hours: float) -> str:
    """Under ten hours to the minute (`3 h 20 min`, `45 min`), else to the hour."""
    if hours >= 10:
        return f"{round(hours)} h"
    whole, minutes = divmod(round(hours * 60), 60)
    if not minutes:
        return f"{whole} h"
    return f"{whole} h {minutes} min" if whole else f"{minutes} min"


def _figure(value: float) -> str:
    """A count of days, weeks or months to a tenth: `13`, `1.5`."""
    return f"{value:.1f}".removesuffix(".0")
