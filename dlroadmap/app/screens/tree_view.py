"""The main screen's keys for what its tree shows: topics by status, the split between
the panes, the filter and going from match to match. MainScreen is made on it."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widget import Widget

from dlroadmap.app.edits import Notice
from dlroadmap.app.key_names import named_keys
from dlroadmap.app.notices import tell
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.app.view import View
from dlroadmap.app.widgets.tree_pane import TreePane
from dlroadmap.config import TREE_WIDTHS
from dlroadmap.roadmap.filtering import Show


class TreeViewScreen(Screen[None]):
    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view
        # Where the mouse has the border between the panes, while it drags it.
        self._dragged_to: int | None = None

    @property
    def tree_pane(self) -> TreePane:
        return self.query_one(TreePane)

    def on_mount(self) -> None:
        self.tree_pane.styles.width = f"{self.view.tree_width}%"

    def action_toggle_finished(self) -> None:
        self._show(Show.NOT_DONE if self.view.show is Show.ALL else Show.ALL)

    def action_next_show(self) -> None:
        self._show(self.view.show.next())

    def _show(self, show: Show) -> None:
        self.view.shown(show)
        self.tree_pane.set_show(show)

    def action_tree_width(self, steps: int) -> None:
        if self.view.widened(steps):
            self.tree_pane.styles.width = f"{self.view.tree_width}%"

    def on_mouse_down(self, event: events.MouseDown) -> None:
        # On the tree's right border or the detail pane's left one: the two meet there.
        pane = self.tree_pane.region
        if (
            pane.y <= event.screen_y < pane.bottom
            and pane.right - 1 <= event.screen_x <= pane.right
        ):
            self._dragged_to = self.view.tree_width
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragged_to is not None:
            panes = self.tree_pane.parent
            assert isinstance(panes, Widget)
            left, width = panes.region.x, max(1, panes.region.width)
            self._dragged_to = round(100 * (event.screen_x + 1 - left) / width)
            low, high = TREE_WIDTHS[0], TREE_WIDTHS[-1]
            self.tree_pane.styles.width = f"{min(high, max(low, self._dragged_to))}%"

    def on_mouse_up(self) -> None:
        if self._dragged_to is not None:
            self.release_mouse()
            self.view.resized(self._dragged_to)  # kept once, where the drag ends
            self._dragged_to = None

    def action_next_match(self, direction: int) -> None:
        if not self.tree_pane.next_match(direction):
            keys = named_keys("filter.open", keymap_in_force(self.app))
            message = (
                f"No matches to go to: {keys} filters the tree, then these keys go one by one."
            )
            tell(self, Notice(message))

    async def action_open_filter(self) -> None:
        await self.tree_pane.open_filter()

    def action_jump_to_match(self) -> None:
        self.tree_pane.jump_to_match()

    def action_clear_filter(self) -> None:
        self.tree_pane.clear_filter()
