"""The top line: which roadmap this is and how far through it the user is."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from dlroadmap.app.inline import inline_text
from dlroadmap.common.glyphs import bar
from dlroadmap.roadmap.model import Inline
from dlroadmap.roadmap.tally import Tally, percent


class ProgressHeader(Static):
    def __init__(self, *, ascii_glyphs: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ascii = ascii_glyphs

    def show(self, title: Inline, tally: Tally) -> None:
        """The roadmap's title (it may change: the markdown is watched) and its progress."""
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        dash = " - " if self._ascii else " — "
        heading = Text.assemble(("dlroadmap", "bold"), dash, inline_text(title))
        figures = f"{tally.done}/{tally.total}  {percent(tally)}%"
        # The bar gives way first on a narrow terminal; the figures stay.
        width = max(0, min(20, self.size.width // 4))
        progress = f"{bar(tally.fraction, width, self._ascii)}  {figures}" if width else figures
        grid.add_row(heading, Text(progress))
        # One line high whatever it says (app.tcss): no layout of the screen needed.
        self.update(grid, layout=False)
