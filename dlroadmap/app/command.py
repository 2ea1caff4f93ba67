"""What a command of the app is: its keys, words and place. The table of them all is
`commands.py`."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from textual.binding import Binding


class Scope(Enum):
    """Where a command's keys are bound: whose `BINDINGS` it is in. The value titles its
    keys on the help screen."""

    TREE = "Roadmap tree"
    MAIN = "Items"  # the main screen, whatever has focus there
    EDITOR = "Notes editor"
    FILTER = "Filter"
    TODAY = "Today"
    NOTES = "Notes"
    ROADMAPS = "Roadmaps"
    CONFIRM = "Asked to confirm"
    HELP = "Help"
    APP = "App"


# A NamedTuple: defined at every start, at a fraction of a frozen dataclass's cost.
class Command(NamedTuple):
    id: str
    keys: str  # the default keys, as Textual names them ("down,j"); "" for the palette only
    action: str  # run in the scope's widget (or screen, or app)
    label: str  # the footer's word
    description: str  # the help screen's line, the palette's and the footer's tooltip
    scope: Scope
    footer: bool = False
    palette: str | None = None  # its name in the command palette, if it is there
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.footer,
            id=self.id,
            tooltip=self.description,
            priority=self.priority,
        )
