"""The `/` filter: narrows the tree as the user types."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    BINDINGS = [
        Binding("escape", "clear", "Clear filter", id="filter.clear"),
    ]

    @dataclass
    class Cleared(Message):
        """Escape: the filter is gone and the whole tree is back."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="filter items and notes…", id=id, compact=True)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
