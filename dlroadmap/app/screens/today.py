"""`r`: the daily review in the app — where you stand, what to study now, what to revisit.

The same blocks as `dlroadmap review` prints (review_text.py lays them out), in
theme colours, with Now, Next and Revisit as a list to pick from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from dlroadmap.app.commands import BY_ID, Scope, bindings
from dlroadmap.app.edits import Notice
from dlroadmap.app.notices import tell
from dlroadmap.app.status_style import STATUS_COMPONENT_CLASSES, muted_style, status_style
from dlroadmap.progress.revisit import Rating
from dlroadmap.progress.store import Store
from dlroadmap.review.build import Review, build_review
from dlroadmap.review.text import BOLD, DIM, GREEN, YELLOW, Line, item_rows, screen_parts
from dlroadmap.roadmap.model import Node, Status

# Side by side, phases and calendar need this many columns; below it they stack.
SIDE_BY_SIDE = 76
CALENDAR_WIDTH = 34


# The tree's moves, by the list's own actions; and the items' status keys. Bound by the
# same ids, so that a remap in the settings changes them here too.
_TREE_MOVES = {
    "tree.down": "cursor_down",
    "tree.up": "cursor_up",
    "tree.page_up": "page_up",
    "tree.page_down": "page_down",
    "tree.first": "first",
    "tree.last": "last",
}
_STATUS_KEYS = ("status.done", "status.in_progress", "status.skipped", "status.todo")


def _as(command_id: str, action: str | None = None) -> BindingType:
    binding = BY_ID[command_id].binding()
    return binding if action is None else replace(binding, action=action)


class TodayList(OptionList):
    """Now, Next and Revisit: the items the review suggests, each one a jump away."""

    BINDINGS = [_as(command_id, action) for command_id, action in _TREE_MOVES.items()]
    COMPONENT_CLASSES = STATUS_COMPONENT_CLASSES


class TodayScreen(Screen[str | None]):
    """Dismissed with the id of the item to jump to in the tree, or None.

    `set_status` is the main screen's: a status changed here is undone, saved and shown
    in the tree as one changed there."""

    BINDINGS = [*bindings(Scope.TODAY), *map(_as, _STATUS_KEYS)]

    def __init__(
        self,
        store: Store,
        set_status: Callable[[Node, Status], None],
        *,
        ascii_glyphs: bool = False,
        today: Callable[[], date] = date.today,
        weekly_goal: int | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self._set_status = set_status
        self._today = today
        self._ascii = ascii_glyphs
        self._weekly_goal = weekly_goal
        self._revisit_ids: set[str] = set()
        # The rows of Now, Next and Revisit, and which is picked (drawn plain).
        self._rows: list[Line] = []
        self._picked: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="today-header")
        with VerticalScroll(id="today-body"):
            with Horizontal(id="today-top"):
                yield Static(id="today-phases")
                yield Static(id="today-calendar")
            yield Static(id="today-pace")
            yield TodayList(id="today-items")
            yield Static(id="today-days")
        yield Footer()

    def on_mount(self) -> None:
        self.show_review()
        self.query_one(TodayList).focus()
        # The theme's colours are in the texts shown: shown again in the new ones.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show_review())

    def on_resize(self) -> None:
        self.show_review()

    def show_review(self) -> None:
        review = build_review(
            self.store.roadmap,
            self.store.state,
            self.store.status,
            self._today(),
            weekly_goal=self._weekly_goal,
        )
        # The body's room: a column of padding each side and the scrollbar's gutter, kept
        # whether the scrollbar shows or not, so that rows laid out for it never wrap.
        width = max(20, self.size.width - 3)
        side_by_side = width >= SIDE_BY_SIDE
        parts = screen_parts(review, self.store.roadmap.text, width=width, ascii_only=self._ascii)
        beside = screen_parts(
            review,
            "",
            width=width - CALENDAR_WIDTH - 2 if side_by_side else width,
            ascii_only=self._ascii,
        )
        calendar = screen_parts(
            review, "", width=CALENDAR_WIDTH if side_by_side else width, ascii_only=self._ascii
        )["calendar"]
        # Few phases leave room beside the calendar: Pace goes there, under them, and the
        # screen keeps its rows for Now, Next and the days (80x24 holds it all).
        room_beside = len(calendar) - len(beside["phases"]) - 1
        pace_beside = side_by_side and len(beside["pace"]) <= room_beside
        left = [*beside["phases"], [], *beside["pace"]] if pace_beside else beside["phases"]
        self.query_one("#today-top").set_class(not side_by_side, "-stacked")
        self.query_one("#today-header", Static).update(self._text(parts["header"]))
        self.query_one("#today-phases", Static).update(self._text(left))
        self.query_one("#today-calendar", Static).update(self._text(calendar))
        pace = self.query_one("#today-pace", Static)
        pace.update(self._text([] if pace_beside else parts["pace"]))
        pace.display = not pace_beside
        self.query_one("#today-days", Static).update(self._text(parts["days"]))
        self._fill_items(review, width)

    def _style(self, code: str) -> Style:
        widget = self.query_one(TodayList)
        styles = {
            BOLD: Style(bold=True),
            DIM: muted_style(widget),
            GREEN: status_style(widget, Status.DONE),
            YELLOW: status_style(widget, Status.IN_PROGRESS),
        }
        return styles.get(code, Style())

    def _line(self, line: Line, *, plain: bool = False) -> Text:
        """`plain`: bold kept, no colours (the picked row: on the cursor's background, the
        colours chosen for the screen's would not all be readable)."""
        # Segments are already printable() text: appended, never parsed as markup.
        text = Text(no_wrap=True, end="")
        for segment, code in line:
            text.append(segment, self._style(code) if not plain or code == BOLD else None)
        return text

    def _text(self, lines: list[Line]) -> Text:
        return Text("\n").join(self._line(line) for line in lines)

    def _fill_items(self, review: Review, width: int) -> None:
        items = self.query_one(TodayList)
        highlighted = items.highlighted_option.id if items.highlighted_option else None
        items.clear_options()
        self._revisit_ids = {line.node_id for line in review.revisit}
        rows = item_rows(review, width=width, ascii_only=self._ascii)
        self._rows, self._picked = [line for line, _ in rows], None
        for line, node_id in rows:
            items.add_option(Option(self._line(line), id=node_id, disabled=node_id is None))
        ids = [option.id for option in items.options]
        # The same topic stays picked; else (at first, or once it left the lists) the
        # first one there is to act on, so that enter and the status keys work at once.
        if highlighted is not None and highlighted in ids:
            items.highlighted = ids.index(highlighted)
        else:
            items.highlighted = next((i for i, id_ in enumerate(ids) if id_ is not None), None)

    def _selected(self) -> Node | None:
        option = self.query_one(TodayList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.store.roadmap.get(option.id)

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()  # the rating keys apply to Revisit items only
        items = self.query_one(TodayList)
        if self._picked is not None:
            items.replace_option_prompt_at_index(self._picked, self._line(self._rows[self._picked]))
        index = event.option_index
        items.replace_option_prompt_at_index(index, self._line(self._rows[index], plain=True))
        self._picked = index

    @on(OptionList.OptionSelected)
    def action_jump(self) -> None:
        node = self._selected()
        if node is not None:
            self.dismiss(node.id)

    def action_rate(self, number: int) -> None:
        node = self._selected()
        if node is None or node.id not in self._revisit_ids:
            return
        rating = Rating(number)
        self.store.rate_revisit(node, rating)
        saved = self.store.item(node.id)
        due = saved.revisit["due"][:10] if saved and saved.revisit else "later"
        tell(self, Notice(f"{node.text}: {rating.name.lower()}, back on {due}."))
        self.show_review()

    def action_toggle_done(self) -> None:
        node = self._selected()
        if node is not None:
            done = self.store.status(node) == Status.DONE
            self._change(node, Status.TODO if done else Status.DONE)

    def action_set_status(self, status: str) -> None:
        node = self._selected()
        if node is not None:
            self._change(node, Status(status))

    def _change(self, node: Node, status: Status) -> None:
        self._set_status(node, status)
        self.show_review()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate":
            node = self._selected()
            return node is not None and node.id in self._revisit_ids
        return True
