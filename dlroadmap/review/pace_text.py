"""The review's Pace block in words: the pace, what is left, the weekly goal.

Pace        at 6 a week: Phase 3 by 14 Dec, the roadmap by early May
Left        40 topics
Goal        3 of 5 this week · at 5 a week: Phase 3 by 10 Dec, the roadmap by late Apr
"""

from __future__ import annotations

from datetime import date

from dlroadmap.common.printable import printable
from dlroadmap.review.lines import DIM, Line, Look, Part, labelled
from dlroadmap.review.pace import Finish, Pace
from dlroadmap.review.words import finish_text, plural, rate_text, short_phase
from dlroadmap.roadmap.durations import TimeLeft, amount_text


def _by(finish: Finish, today: date) -> str:
    return f"by {finish_text(finish.day, today)}" if finish.day else "not within ten years"


def projection(rate: float, phase: Finish | None, roadmap: Finish, today: date) -> list[str]:
    """'at 6 a week: Phase 3 by 14 Dec,', 'the roadmap by early May' (apart, to wrap between)."""
    head = f"at {rate_text(rate)} a week:"
    if roadmap.left == 0:
        return [f"{head} every topic done"]
    whole = f"the roadmap {_by(roadmap, today)}"
    # No phase to name, or the last phase left: its end is the roadmap's.
    if phase is None or phase.left == roadmap.left:
        return [f"{head} {whole}"]
    return [f"{head} {printable(short_phase(phase.title))} {_by(phase, today)},", whole]


def _time_left(left: TimeLeft, look: Look) -> list[Part]:
    """'9 topics · 27 weeks, 4 h 30 min · 145-189 h of study · 6 of 9 with a time'."""
    ascii_only = look.ascii_only
    parts: list[Part] = [("", plural(left.topics, "topic"), "")]
    # Each unit apart: a course's weeks and a video's hours are never added together.
    # Each its own part, for a narrow row to wrap between them.
    for index, amount in enumerate(left.lengths):
        parts.append((", " if index else look.sep, amount_text(amount, ascii_only=ascii_only), ""))
    if left.hours is not None:
        hours = f"{amount_text(left.hours, ascii_only=ascii_only)} of study"
        parts.append((look.sep, hours, DIM))
    if left.timed < left.topics:
        parts.append((look.sep, f"{left.timed} of {left.topics} with a time", DIM))
    return parts


def pace_lines(pace: Pace, today: date, look: Look) -> list[Line]:
    """The Pace row; Left, where the roadmap states times; and Goal, with a weekly goal."""
    if pace.per_week is None:
        lines = labelled("Pace", [("", f"not yet: {pace.reason}", DIM)], look)
    elif pace.reason:
        lines = labelled("Pace", [("", pace.reason, DIM)], look)
    else:
        words = projection(pace.per_week, pace.phase, pace.roadmap, today)
        lines = labelled("Pace", [(" ", text, "") for text in words], look)
    if pace.time_left.timed:
        lines += labelled("Left", _time_left(pace.time_left, look), look)
    if pace.goal is not None:  # this week's count against it is in the header
        goal = pace.goal
        words = projection(goal.per_week, goal.phase, goal.roadmap, today)
        lines += labelled("Goal", [(" ", text, "") for text in words], look)
    return lines
