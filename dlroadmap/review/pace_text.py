"""The review's Pace block in words: the pace, what is left, the weekly goal.

Pace        at 6 a week: Phase 3 by 14 Dec, the roadmap by early May
Left        40 topics
Goal        3 of 5 this week · at 5 a week: Phase 3 by 10 Dec, the roadmap by late Apr
"""

from __future__ import annotations

from datetime import date

from dlroadmap.common.printable import printable
from dlroadmap.review.lines import DIM, GREEN, Line, Look, Part, labelled, muted_row
from dlroadmap.review.pace import Finish, Pace
from dlroadmap.review.words import finish_text, plural, rate_text, short_phase


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
    """The Pace, Left and (with a weekly goal) Goal rows."""
    if pace.per_week is None:
        lines = [muted_row("Pace", f"not yet: {pace.reason}")]
    elif pace.reason:
        lines = [muted_row("Pace", pace.reason)]
    else:
        words = projection(pace.per_week, pace.phase, pace.roadmap, today)
        lines = labelled("Pace", [(" ", text, "") for text in words], look)
    lines += labelled("Left", [("", plural(pace.roadmap.left, "topic"), "")], look)
    if pace.goal is not None:
        goal = pace.goal
        met = goal.this_week >= goal.per_week
        parts: list[Part] = [
            ("", f"{goal.this_week} of {goal.per_week} this week", GREEN if met else "")
        ]
        words = projection(goal.per_week, goal.phase, goal.roadmap, today)
        parts += [(look.sep if i == 0 else " ", text, DIM) for i, text in enumerate(words)]
        lines += labelled("Goal", parts, look)
    return lines
