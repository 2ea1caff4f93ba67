"""The review's Pace block in words: the pace, what is left, the weekly goal.

Pace        at 6 a week: Phase 3 by 14 Dec, the roadmap by early May
Left        40 topics
Goal        3 of 5 this week · at 5 a week: Phase 3 by 10 Dec, the roadmap by late Apr
"""

from __future__ import annotations

from datetime import date

from dlroadmap.common.printable import printable
from dlroadmap.review.lines import Line, Look, labelled, muted_row
from dlroadmap.review.pace import Finish, Pace
from dlroadmap.review.words import finish_text, rate_text, short_phase


def _by(finish: Finish, today: date) -> str:
    return f"by {finish_text(finish.day, today)}" if finish.day else "not within ten years"


def projection(rate: float, phase: Finish | None, roadmap: Finish, today: date) -> list[str]:
    """'at 6 a week: Phase 3 by 14 Dec,', 'the roadmap by early May' (apart, to wrap between)."""
    head = f"at {rate_text(rate)} a week:"
    if phase is None or roadmap.left == 0:
        return [f"{head} every topic done"]
    whole = f"the roadmap {_by(roadmap, today)}"
    if phase.left == roadmap.left:  # the last phase left: its end is the roadmap's
        return [f"{head} {whole}"]
    return [f"{head} {printable(short_phase(phase.title))} {_by(phase, today)},", whole]


def pace_lines(pace: Pace, today: date, look: Look) -> list[Line]:
    """The Pace row and, with a weekly goal, the Goal row."""
    if pace.per_week is None:
        lines = [muted_row("Pace", f"not yet: {pace.reason}")]
    elif pace.reason:
        lines = [muted_row("Pace", pace.reason)]
    else:
        words = projection(pace.per_week, pace.phase, pace.roadmap, today)
        lines = labelled("Pace", [(" ", text, "") for text in words], look)
    if pace.goal is not None:  # this week's count against it is in the header
        goal = pace.goal
        words = projection(goal.per_week, goal.phase, goal.roadmap, today)
        lines += labelled("Goal", [(" ", text, "") for text in words], look)
    return lines
