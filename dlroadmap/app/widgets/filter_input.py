"""The `/` filter: narrows the tree as the user types."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

# Shown in the empty filter, and where the filter will be before `/` first makes it.
FILTER_PLACEHOLDER = "/ filter items and notes"


class FilterInput(Input):
    """Enter and escape act on the screen at once, so keys typed next reach the tree."""

    BINDINGS = [
        Binding("escape", "screen.clear_filter", "Clear filter", id="filter.clear"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=FILTER_PLACEHOLDER, id=id, compact=True)

    async def action_submit(self) -> None:
        await self.run_action("screen.jump_to_match")
