"""Today's review as plain terminal text: what `dlroadmap review` prints.

Plain Python on purpose (it runs at every login): no Textual, no Rich, colours
written as ANSI codes by hand, and only when asked. Every line fits the given
width, counting East Asian wide characters as two columns. All text that comes
from the roadmap or a note goes through printable(), so it cannot drive the
terminal.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dlroadmap.common.glyphs import bar
from dlroadmap.common.printable import printable
from dlroadmap.review.lines import (
    BOLD,
    DIM,
    GREEN,
    LABEL_WIDTH,
    YELLOW,
    Line,
    Look,
    Segment,
    blank_label,
    cell_width,
    clip,
    label_cell,
    line_width,
    muted_row,
    pad,
    paint,
    spread,
)
from dlroadmap.review.pace_text import pace_lines
from dlroadmap.review.words import (
    MONTHS,
    WEEKDAYS,
    day_text,
    due_text,
    plural,
    short_phase,
    where_text,
)
from dlroadmap.roadmap.model import Status, plain
from dlroadmap.roadmap.tally import Tally, percent

if TYPE_CHECKING:
    from dlroadmap.review.build import ItemLine, PhaseLine, Review

# The styles and widths the Today screen draws with too.
__all__ = [
    "BOLD",
    "DIM",
    "GREEN",
    "YELLOW",
    "Line",
    "item_rows",
    "render",
    "screen_parts",
]

STATUS_STYLE = {
    Status.DONE: GREEN,
    Status.IN_PROGRESS: YELLOW,
    Status.TODO: "",
    Status.SKIPPED: DIM,
}

PHASE_LABEL_MAX = 16
PHASE_BAR_MAX = 20
SECTION_TITLE_MAX = 32  # one title in a Today / Yesterday / This week line
REVISIT_HINT = "rate it in the app: dlroadmap, r"
# Upper bounds of the calendar's shades: 0, 1, 2-3, 4-6, 7 and more.
SHADE_LIMITS = (0, 1, 3, 6)
SHADES = ("·", "░", "▒", "▓", "█")
ASCII_SHADES = (".", "-", "+", "*", "#")


def _title(line: ItemLine | PhaseLine) -> str:
    return printable(plain(line.title))


# -- header and phases ------------------------------------------------------------


def _header(review: Review, roadmap_title: str, look: Look) -> list[Line]:
    day = review.today
    when = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"
    left: Line = [(" ", ""), ("Today", BOLD), (f"{look.sep}{when}", "")]
    tally, goal = review.tally, review.pace.goal
    right: list[Segment] = [(f"streak {plural(review.streak, 'day')}", "")]
    if goal is not None:
        met = goal.this_week >= goal.per_week
        right.append((f"{goal.this_week} of {goal.per_week} this week", GREEN if met else ""))
    right += [(f"{tally.done}/{tally.total} done", ""), (f"{percent(tally)}%", "")]
    title = printable(roadmap_title)
    return [[(" ", ""), (title, BOLD)], spread(left, right, look.sep, look)]


def _bar(tally: Tally, cells: int, look: Look) -> Line:
    drawn = bar(tally.fraction, cells, look.ascii_only)
    full = "#" if look.ascii_only else "█"
    filled = len(drawn) - len(drawn.lstrip(full))
    return [(drawn[:filled], GREEN), (drawn[filled:], DIM)]


def _phase_cell(phase: PhaseLine, label_w: int, bar_w: int, count_w: int, look: Look) -> Line:
    label = look.cut(printable(short_phase(plain(phase.title))), label_w)
    count = f"{phase.tally.done}/{phase.tally.total}"
    style = GREEN if phase.tally.complete else ""
    cell: Line = [(pad(label, label_w), style), (" ", "")]
    if bar_w > 0:
        cell += [*_bar(phase.tally, bar_w, look), (" ", "")]
    return [*cell, (count.rjust(count_w), style)]


def _phases(review: Review, look: Look) -> list[Line]:
    phases = review.phases
    if not phases:
        return []
    labels = [cell_width(printable(short_phase(plain(p.title)))) for p in phases]
    label_w = min(PHASE_LABEL_MAX, max(labels))
    count_w = max(len(f"{p.tally.done}/{p.tally.total}") for p in phases)
    inner = look.width - 1
    two_bar = (inner - 3) // 2 - label_w - count_w - 2
    columns = 2 if len(phases) > 1 and two_bar >= 8 else 1
    bar_w = two_bar if columns == 2 else inner - label_w - count_w - 2
    bar_w = min(PHASE_BAR_MAX, bar_w) if bar_w >= 4 else 0
    rows = (len(phases) + columns - 1) // columns
    lines: list[Line] = []
    for row in range(rows):
        line: Line = [(" ", "")]
        for column in range(columns):
            index = column * rows + row
            if index < len(phases):
                gap: Line = [("   ", "")] if column else []
                line += gap + _phase_cell(phases[index], label_w, bar_w, count_w, look)
        lines.append(line)
    return lines


# -- Now, Next, Revisit -------------------------------------------------------------


def _item_row(
    first: bool, label: str, item: ItemLine, info: str, widths: tuple[int, int], look: Look
) -> Line:
    title_w, info_w = widths
    line = label_cell(label) if first else blank_label()
    line += [(look.glyph(item.status), STATUS_STYLE[item.status]), (" ", "")]
    if not info:
        return [*line, (look.cut(_title(item), title_w + 2 + info_w), "")]
    return [
        *line,
        (pad(look.cut(_title(item), title_w), title_w), ""),
        ("  ", ""),
        (look.cut(info, info_w), DIM),
    ]


def _items(review: Review, look: Look) -> list[Line]:
    return [line for line, _ in _item_rows(review, look)]


def _item_rows(review: Review, look: Look, *, hint: bool = True) -> list[tuple[Line, str | None]]:
    """Now, Next and Revisit rows, each with the id of the item it shows (None: text)."""
    today = review.today
    sections: list[tuple[str, list[tuple[ItemLine, str]], str]] = [
        (
            "Now",
            [(i, f"since {day_text(i.when, today)}" if i.when else "") for i in review.now],
            "nothing in progress",
        ),
        (
            "Next",
            [(i, where_text(i.where, look.arrow)) for i in review.next],
            "nothing left to start",
        ),
        (
            "Revisit",
            [(i, due_text(i.when or today, today)) for i in review.revisit],
            "nothing due",
        ),
    ]
    avail = look.width - LABEL_WIDTH - 3
    infos = [cell_width(info) for _, rows, _ in sections for _, info in rows]
    info_w = min(max(infos, default=0), avail * 2 // 5)
    widths = (max(0, avail - 2 - info_w), info_w)
    lines: list[tuple[Line, str | None]] = []
    for label, rows, empty in sections:
        if not rows:
            lines.append((muted_row(label, empty), None))
        for index, (item, info) in enumerate(rows):
            lines.append((_item_row(index == 0, label, item, info, widths, look), item.node_id))
    if review.revisit and hint:
        lines += [(row, None) for row in _revisit_hint(review, look)]
    return lines


def _revisit_hint(review: Review, look: Look) -> list[Line]:
    parts = [REVISIT_HINT]
    if review.revisit_waiting:
        parts.insert(0, f"+{review.revisit_waiting} more tomorrow")
    indent = " " * (LABEL_WIDTH + 3)
    joined = look.sep.join(parts)
    if cell_width(indent + joined) < look.width:
        return [[(indent, ""), (joined, DIM)]]
    return [[(indent, ""), (part, DIM)] for part in parts]


# -- Today, Yesterday, This week --------------------------------------------------


def _summary(done: tuple[ItemLine, ...], notes: tuple[ItemLine, ...], look: Look) -> Line:
    """Counts, then as many titles as fit whole (the first one cut if it must), then '+N more'."""
    counts = []
    if done:
        counts.append(f"{len(done)} done")
    if notes:
        counts.append(plural(len(notes), "note"))
    line: Line = [(look.sep.join(counts), "")]
    seen = {item.node_id for item in done}
    items = [*done, *(item for item in notes if item.node_id not in seen)]
    room = look.width - LABEL_WIDTH - 1 - cell_width(line[0][0])
    for shown, item in enumerate(items):
        more = len(items) - shown - 1
        reserve = len(f"  +{more} more") if more else 0
        # "  ✓ " before each title.
        fits = room - reserve - 4
        title = look.cut(_title(item), min(SECTION_TITLE_MAX, fits))
        if fits <= 0 or (shown and cell_width(title) < cell_width(_title(item))):
            line.append((f"  +{len(items) - shown} more", DIM))
            break
        glyph = (look.glyph(item.status), STATUS_STYLE[item.status])
        line += [("  ", ""), glyph, (f" {title}", "")]
        room -= 4 + cell_width(title)
    return line


def _days(review: Review, look: Look) -> list[Line]:
    rows = (
        ("Today", review.done_today, review.notes_today),
        ("Yesterday", review.done_yesterday, review.notes_yesterday),
        ("This week", review.done_week, review.notes_week),
    )
    lines: list[Line] = []
    for label, done, notes in rows:
        if done or notes:
            lines.append([*label_cell(label), *_summary(done, notes, look)])
        elif label == "Today" and review.studied_today:
            # Counted for the streak (a topic started, a revisit rated), yet nothing to list.
            lines.append(muted_row(label, "nothing done or noted yet"))
        elif label == "Today" and review.streak:
            keep = f"nothing yet{look.sep}study today to make it {plural(review.streak + 1, 'day')}"
            lines.append(muted_row(label, keep))
        else:
            lines.append(muted_row(label, "nothing yet" if label == "Today" else "nothing"))
    return lines


# -- the calendar -----------------------------------------------------------------


def _shade(count: int, look: Look) -> str:
    shades = ASCII_SHADES if look.ascii_only else SHADES
    level = sum(1 for limit in SHADE_LIMITS if count > limit)
    return shades[level]


def _weeks(review: Review) -> list[list[tuple[date, int]]]:
    calendar = list(review.calendar)
    return [calendar[start : start + 7] for start in range(0, len(calendar), 7)]


def _month_row(weeks: list[list[tuple[date, int]]], offset: int) -> Line:
    """Month names over the columns (weeks) holding the 1st, where they do not collide."""
    places: list[tuple[int, str]] = []
    for column, week in enumerate(weeks):
        firsts = [day for day, _ in week if day.day == 1]
        if firsts:
            places.append((offset + 2 * column, MONTHS[firsts[0].month - 1]))
    # The first column is named too, when that leaves room for the next name.
    if weeks and weeks[0] and (not places or places[0][0] >= offset + 4):
        places.insert(0, (offset, MONTHS[weeks[0][0][0].month - 1]))
    text = ""
    for position, name in places:
        if position >= len(text) + (1 if text else 0):
            text = text.ljust(position) + name
    return [(text, DIM)]


def _calendar(review: Review, look: Look) -> list[Line]:
    weeks = _weeks(review)
    if not weeks:
        return []
    lines = [_month_row(weeks, 6)]
    for weekday in range(7):
        label = WEEKDAYS[weekday] if weekday in (0, 2, 4) else ""
        line: Line = [(f" {label:<5}", DIM)]
        for week in weeks:
            if weekday < len(week):
                count = week[weekday][1]
                line.append((_shade(count, look), GREEN if count else DIM))
            else:
                line.append((" ", ""))
            line.append((" ", ""))
        lines.append(line)
    return [*lines, *_legend(review, look)]


def _legend(review: Review, look: Look) -> list[Line]:
    """The shades, and the counts beside them or, where there is no room, under them."""
    shades = ASCII_SHADES if look.ascii_only else SHADES
    actions = sum(count for _, count in review.calendar)
    days = sum(1 for _, count in review.calendar if count)
    line: Line = [(" " * 6, ""), ("less ", DIM), (shades[0], DIM)]
    line += [(f" {shade}", GREEN) for shade in shades[1:]]
    line.append((" more", DIM))
    summary = f"{plural(actions, 'action')} on {plural(days, 'day')}"
    if line_width(line) + 3 + cell_width(summary) <= look.width:
        return [[*line, (f"   {summary}", DIM)]]
    return [line, [(" " * 6, ""), (summary, DIM)]]


# -- all of it --------------------------------------------------------------------


def screen_parts(
    review: Review, roadmap_title: str, *, width: int = 80, ascii_only: bool = False
) -> dict[str, list[Line]]:
    """The review's blocks as styled segments, cut to `width`, for the app's Today screen."""
    look = Look(max(1, width), ascii_only)
    return {
        "header": [clip(line, look) for line in _header(review, roadmap_title, look)[1:]],
        "phases": [clip(line, look) for line in _phases(review, look)],
        "pace": [clip(line, look) for line in pace_lines(review.pace, review.today, look)],
        "days": [clip(line, look) for line in _days(review, look)],
        "calendar": [clip(line, look) for line in _calendar(review, look)],
    }


def item_rows(
    review: Review, *, width: int = 80, ascii_only: bool = False
) -> list[tuple[Line, str | None]]:
    """Now, Next and Revisit as styled rows, each with its item's id (None: a text row).

    Without the hint on rating written for the terminal: the screen has its keys.
    """
    look = Look(max(1, width), ascii_only)
    return [(clip(line, look), node_id) for line, node_id in _item_rows(review, look, hint=False)]


def render(
    review: Review,
    roadmap_title: str,
    *,
    width: int = 80,
    color: bool = False,
    ascii_only: bool = False,
) -> str:
    """The review as lines of at most `width` columns (no trailing newline)."""
    look = Look(max(1, width), ascii_only)
    blocks = (
        _header(review, roadmap_title, look),
        _phases(review, look),
        pace_lines(review.pace, review.today, look),
        _items(review, look),
        _days(review, look),
        _calendar(review, look),
    )
    lines: list[Line] = []
    for block in blocks:
        if block:
            lines += [*([[]] if lines else []), *block]
    return "\n".join(paint(clip(line, look), color) for line in lines)
