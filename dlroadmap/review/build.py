"""Today's review: where the user stands and what to study next, as plain data.

Pure: no I/O, no clock (the day is passed in), no Textual or Rich. `dlroadmap
review` prints it (see review_text.py) and the app's Today screen shows it.

The rules are stated once, in RULES, for the help screen to show.

`to_json(review)` gives the `review --json` form; its keys are stable:

    date            "YYYY-MM-DD", the day of the review
    totals          {done, in_progress, todo, skipped, total, percent}
                    (total = done + in_progress + todo; percent = done / total, floored)
    phases          [{id, title, done, in_progress, todo, skipped, total, percent}]
    streak          days in a row with at least one action (see RULES)
    studied_today   true when today has at least one action
    now             [item + since]  items in progress, oldest change first
    next            [item]          the next items to start, in roadmap order
    revisit         {due: [item + due], waiting: N}
                    due today or earlier, most overdue first, at most DAILY_CAP;
                    `waiting` counts the due ones beyond the cap
    done            {today, yesterday, week: [item + date]}
    notes           {today, yesterday, week: [item + date]}
    calendar        [["YYYY-MM-DD", actions], ...] from a Monday 13 weeks back to today
    pace            {per_week, window_days, done_in_window, history_days, reason,
                     phase, roadmap, goal}, always there: `per_week` (topics done a week
                    over the window) is null until there is a week of history, and
                    `reason` says why there is no projection (null when there is one).
                    `phase` (the earliest not complete; null when all are, or when
                    a topic outside any phase is the earliest not done) and `roadmap`
                    are {id, title, left, finish}: `finish` the projected "YYYY-MM-DD",
                    null without a pace or beyond ten years. `goal`, with a weekly goal
                    set: {per_week, this_week, phase, roadmap}, the projection at it.
                    `time_left`: {topics, timed, lengths: [{unit, low, high}], hours,
                    rated}: the lengths the roadmap states for the topics left, summed
                    per unit (month, week, day, hour; never added across), of `timed`
                    of the `topics`; `hours` {low, high} (or null) from lengths at a
                    stated rate (13 weeks at 8-10 hours/week), for `rated` topics.

An item is {id, title, where, status}: `title` is plain text, `where` the titles
of the headings above it (outermost first), `status` one of todo, in_progress,
done, skipped. `since`, `due` and `date` are "YYYY-MM-DD" (`since` may be null
when the change was not recorded). Lists over a week are newest day first and
name each item once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, NamedTuple

from dlroadmap.progress import revisit
from dlroadmap.review.dates import local_date
from dlroadmap.review.pace import Finish, Pace, build_pace
from dlroadmap.roadmap.durations import Amount, TimeLeft
from dlroadmap.roadmap.model import Inline, Node, Roadmap, Status, plain
from dlroadmap.roadmap.tally import StatusOf, Tally, percent, tally_items

if TYPE_CHECKING:
    from dlroadmap.progress.state import State

NEXT_COUNT = 3
CALENDAR_WEEKS = 13
WEEK_DAYS = 7

RULES = (
    "Skipped items count as neither done nor to do: they are left out of every total.",
    "Your streak is the number of days in a row on which you did something (marked an "
    "item, wrote a note, rated a revisit). Today counts once you have; until the day is "
    "over, not having studied yet today does not break it. A change you undo (u) in the "
    "same session counts as never made.",
    "A topic marked done comes back for a revisit after a spaced interval that FSRS "
    "schedules from how well you said it held; at most "
    f"{revisit.DAILY_CAP} come back a day, the rest wait for the following days.",
    "Next is the first items not yet started, in roadmap order, of the earliest phase "
    f"that is not complete (filled up from the phases after it, {NEXT_COUNT} at most).",
    "Pace is the topics finished a week over the last four weeks, each counted on the day it "
    "was last marked done; the finish dates are where that pace (and a weekly_goal set in the "
    "settings) takes the earliest unfinished phase and the roadmap. Before a week of history "
    "there is no guess.",
)


class ItemLine(NamedTuple):
    node_id: str
    title: Inline
    # Titles of the headings above the item, plain text, outermost first.
    where: tuple[str, ...]
    status: Status
    # Now: when it changed status; done and notes lists: the day; Revisit: the due date.
    when: date | None


class PhaseLine(NamedTuple):
    node_id: str
    title: Inline
    tally: Tally


class Review(NamedTuple):
    today: date
    tally: Tally
    phases: tuple[PhaseLine, ...]
    now: tuple[ItemLine, ...]
    next: tuple[ItemLine, ...]
    revisit: tuple[ItemLine, ...]
    revisit_waiting: int
    done_today: tuple[ItemLine, ...]
    done_yesterday: tuple[ItemLine, ...]
    done_week: tuple[ItemLine, ...]
    notes_today: tuple[ItemLine, ...]
    notes_yesterday: tuple[ItemLine, ...]
    notes_week: tuple[ItemLine, ...]
    streak: int
    studied_today: bool
    calendar: tuple[tuple[date, int], ...]
    pace: Pace


def _line(roadmap: Roadmap, node: Node, status: Status, when: date | None) -> ItemLine:
    where = tuple(plain(above.title) for above in roadmap.ancestors(node.id))
    return ItemLine(node.id, node.title, where, status, when)


def _phases(roadmap: Roadmap, status_of: StatusOf) -> tuple[PhaseLine, ...]:
    lines = []
    for phase in roadmap.phases:
        items = [node for node in phase.walk() if node.is_topic]
        if items:
            lines.append(PhaseLine(phase.id, phase.title, tally_items(items, status_of)))
    return tuple(lines)


def _now(
    roadmap: Roadmap, state: State, status_of: StatusOf, tz: tzinfo | None
) -> tuple[ItemLine, ...]:
    found: list[tuple[float, int, ItemLine]] = []
    for order, node in enumerate(roadmap.items()):
        if status_of(node) is not Status.IN_PROGRESS:
            continue
        saved = state.items.get(node.id)
        changed = saved.status_changed if saved else None
        # An item in progress from the markdown itself has no date: the oldest of all.
        key = changed.timestamp() if changed else float("-inf")
        when = local_date(changed, tz) if changed else None
        found.append((key, order, _line(roadmap, node, Status.IN_PROGRESS, when)))
    return tuple(line for _key, _order, line in sorted(found, key=lambda f: f[:2]))


def _next(roadmap: Roadmap, status_of: StatusOf) -> tuple[ItemLine, ...]:
    # Complete phases hold no item to do, so the first items to do in roadmap order
    # are those of the earliest unfinished phase, then of the phases after it.
    picked: list[ItemLine] = []
    for node in roadmap.items():
        if status_of(node) is Status.TODO:
            picked.append(_line(roadmap, node, Status.TODO, None))
            if len(picked) == NEXT_COUNT:
                break
    return tuple(picked)


def _due(
    roadmap: Roadmap, state: State, status_of: StatusOf, today: date, tz: tzinfo | None
) -> list[ItemLine]:
    found: list[tuple[float, int, ItemLine]] = []
    for order, node in enumerate(roadmap.items()):
        saved = state.items.get(node.id)
        if saved is None or saved.revisit is None or status_of(node) is not Status.DONE:
            continue
        due = revisit.due(saved.revisit)
        day = local_date(due, tz)
        if day <= today:
            found.append((due.timestamp(), order, _line(roadmap, node, Status.DONE, day)))
    return [line for _key, _order, line in sorted(found, key=lambda f: f[:2])]


def _days(last: date, count: int) -> Iterator[date]:
    """`last` and the days before it, newest first."""
    for back in range(count):
        yield last - timedelta(days=back)


def _from_days(
    roadmap: Roadmap,
    state: State,
    status_of: StatusOf,
    days: Iterable[date],
    which: str,
) -> tuple[ItemLine, ...]:
    seen: set[str] = set()
    lines: list[ItemLine] = []
    for day in days:
        entry = state.activity.get(day.isoformat())
        for node_id in getattr(entry, which, ()) if entry else ():
            node = roadmap.get(node_id)
            if node is None or node_id in seen:
                continue
            status = status_of(node)
            if which == "done" and status is not Status.DONE:
                continue
            seen.add(node_id)
            lines.append(_line(roadmap, node, status, day))
    return tuple(lines)


def _actions(state: State, day: date) -> int:
    entry = state.activity.get(day.isoformat())
    return entry.actions if entry else 0


def _streak(state: State, today: date) -> int:
    day = today if _actions(state, today) > 0 else today - timedelta(days=1)
    streak = 0
    while _actions(state, day) > 0:
        streak += 1
        day -= timedelta(days=1)
    return streak


def calendar_start(today: date) -> date:
    """The Monday CALENDAR_WEEKS weeks back, counting this week as one of them."""
    return today - timedelta(days=today.weekday() + WEEK_DAYS * (CALENDAR_WEEKS - 1))


def _calendar(state: State, today: date) -> tuple[tuple[date, int], ...]:
    start = calendar_start(today)
    span = (today - start).days + 1
    return tuple(
        (day, _actions(state, day)) for day in (start + timedelta(days=n) for n in range(span))
    )


def build_review(
    roadmap: Roadmap,
    state: State,
    status_of: StatusOf,
    today: date,
    *,
    tz: tzinfo | None = None,
    weekly_goal: int | None = None,
) -> Review:
    """The review of `today`; saved times are read in `tz` (default: this machine's zone)."""
    due = _due(roadmap, state, status_of, today, tz)
    yesterday = today - timedelta(days=1)
    week = list(_days(today, WEEK_DAYS))

    def listed(days: Iterable[date], which: str) -> tuple[ItemLine, ...]:
        return _from_days(roadmap, state, status_of, days, which)

    return Review(
        today=today,
        tally=tally_items(roadmap.items(), status_of),
        phases=_phases(roadmap, status_of),
        now=_now(roadmap, state, status_of, tz),
        next=_next(roadmap, status_of),
        revisit=tuple(due[: revisit.DAILY_CAP]),
        revisit_waiting=max(0, len(due) - revisit.DAILY_CAP),
        done_today=listed([today], "done"),
        done_yesterday=listed([yesterday], "done"),
        done_week=listed(week, "done"),
        notes_today=listed([today], "notes"),
        notes_yesterday=listed([yesterday], "notes"),
        notes_week=listed(week, "notes"),
        streak=_streak(state, today),
        studied_today=_actions(state, today) > 0,
        calendar=_calendar(state, today),
        pace=build_pace(roadmap, state, status_of, today, tz=tz, weekly_goal=weekly_goal),
    )


# -- JSON ------------------------------------------------------------------------


def _counts(tally: Tally) -> dict[str, int]:
    return {
        "done": tally.done,
        "in_progress": tally.in_progress,
        "todo": tally.todo,
        "skipped": tally.skipped,
        "total": tally.total,
        "percent": percent(tally),
    }


def _item(line: ItemLine, date_key: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": line.node_id,
        "title": plain(line.title),
        "where": list(line.where),
        "status": line.status.value,
    }
    if date_key is not None:
        item[date_key] = line.when.isoformat() if line.when else None
    return item


def _dated(lines: Iterable[ItemLine]) -> list[dict[str, Any]]:
    return [_item(line, "date") for line in lines]


def _finish(finish: Finish | None) -> dict[str, Any] | None:
    if finish is None:
        return None
    day = finish.day.isoformat() if finish.day else None
    return {"id": finish.node_id, "title": finish.title, "left": finish.left, "finish": day}


def _amount(amount: Amount) -> dict[str, Any]:
    return {"unit": amount.unit, "low": amount.low, "high": amount.high}


def _time_left(left: TimeLeft) -> dict[str, Any]:
    return {
        "topics": left.topics,
        "timed": left.timed,
        "lengths": [_amount(amount) for amount in left.lengths],
        "hours": None if left.hours is None else {"low": left.hours.low, "high": left.hours.high},
        "rated": left.rated,
    }


def _pace(pace: Pace) -> dict[str, Any]:
    goal = pace.goal
    return {
        "per_week": None if pace.per_week is None else round(pace.per_week, 2),
        "window_days": pace.window_days,
        "done_in_window": pace.done_in_window,
        "history_days": pace.history_days,
        "reason": pace.reason,
        "phase": _finish(pace.phase),
        "roadmap": _finish(pace.roadmap),
        "goal": None
        if goal is None
        else {
            "per_week": goal.per_week,
            "this_week": goal.this_week,
            "phase": _finish(goal.phase),
            "roadmap": _finish(goal.roadmap),
        },
        "time_left": _time_left(pace.time_left),
    }


def to_json(review: Review) -> dict[str, Any]:
    """The review as JSON-ready data; the keys are listed in this module's docstring."""
    return {
        "date": review.today.isoformat(),
        "totals": _counts(review.tally),
        "phases": [
            {"id": phase.node_id, "title": plain(phase.title), **_counts(phase.tally)}
            for phase in review.phases
        ],
        "streak": review.streak,
        "studied_today": review.studied_today,
        "now": [_item(line, "since") for line in review.now],
        "next": [_item(line) for line in review.next],
        "revisit": {
            "due": [_item(line, "due") for line in review.revisit],
            "waiting": review.revisit_waiting,
        },
        "done": {
            "today": _dated(review.done_today),
            "yesterday": _dated(review.done_yesterday),
            "week": _dated(review.done_week),
        },
        "notes": {
            "today": _dated(review.notes_today),
            "yesterday": _dated(review.notes_yesterday),
            "week": _dated(review.notes_week),
        },
        "calendar": [[day.isoformat(), count] for day, count in review.calendar],
        "pace": _pace(review.pace),
    }
