"""How the main screen is laid out for this user: which topics the tree shows and how
much of the width it has. Kept in the settings (config.toml) as they change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dlroadmap.config import TREE_WIDTH, TREE_WIDTHS
from dlroadmap.roadmap.filtering import Show

# How far one press of `<` or `>` moves the split, in percent of the width.
WIDTH_STEP = 5


def _keep_nothing(show: Show, tree_width: int) -> None:
    """Without a settings file (tests, `serve`), a change lasts the session."""


@dataclass(slots=True)
class View:
    show: Show = Show.ALL
    tree_width: int = TREE_WIDTH  # percent
    keep: Callable[[Show, int], None] = _keep_nothing

    def shown(self, show: Show) -> None:
        self.show = show
        self.keep(show, self.tree_width)

    def widened(self, steps: int) -> bool:
        """The tree `steps` wider (narrower if negative); False if it is as far as it goes."""
        return self.resized(self.tree_width + steps * WIDTH_STEP)

    def resized(self, percent: int) -> bool:
        """The tree `percent` of the width, as far as it may go; False if that is no change."""
        width = min(TREE_WIDTHS[-1], max(TREE_WIDTHS[0], percent))
        if width == self.tree_width:
            return False
        self.tree_width = width
        self.keep(self.show, width)
        return True
