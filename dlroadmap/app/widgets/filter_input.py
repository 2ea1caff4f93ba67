"""The `/` filter: narrows the tree as the user types."""

from __future__ import annotations

from textual.widgets import Input

from dlroadmap.app.commands import Scope, bindings


class FilterInput(Input):
    """Enter and escape act on the screen at once, so keys typed next reach the tree."""

    BINDINGS = bindings(Scope.FILTER)

    def __init__(self, placeholder: str, *, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id, compact=True)

    async def action_submit(self) -> None:
        await self.run_action("screen.jump_to_match")
