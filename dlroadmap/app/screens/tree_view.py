"""The main screen's keys for what its tree shows: topics by status, the split between
the panes, the filter and going from match to match. MainScreen is made on it."""

from __future__ import annotations

from textual.screen import Screen

from dlroadmap.app.edits import Notice
from dlroadmap.app.key_names import named_keys
from dlroadmap.app.notices import tell
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.app.view import View
from dlroadmap.app.widgets.tree_pane import TreePane
from dlroadmap.roadmap.filtering import Show


class TreeViewScreen(Screen[None]):
    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view

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
