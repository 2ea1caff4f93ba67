"""A one-line question over the footer: its keys (`y`, `enter`) say yes, any other no."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from dlroadmap.app.commands import Scope, bindings, keys_in_force
from dlroadmap.app.key_names import named_keys
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.common.printable import printable


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True for yes, False for anything else."""

    DEFAULT_CSS = """
    ConfirmScreen { align: left bottom; background: transparent; }
    #confirm-line {
        height: 1; width: 100%; padding: 0 1;
        background: $warning-muted; color: $text; text-style: bold;
    }
    ConfirmScreen:ansi #confirm-line { background: ansi_default; text-style: reverse; }
    """
    BINDINGS = bindings(Scope.CONFIRM)

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        keys = named_keys("confirm.yes", keymap_in_force(self.app)).replace(" ", "/")
        line = f"{printable(self._question)} {keys}: yes · any other key: no"
        yield Static(Text(line, no_wrap=True, overflow="ellipsis"), id="confirm-line")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def on_key(self, event: events.Key) -> None:
        # The yes keys go on to the bindings; every other key answers no, and stops here.
        yes = keys_in_force("confirm.yes", keymap_in_force(self.app)).split(",")
        if event.key not in (key.strip() for key in yes):
            event.stop()
            event.prevent_default()
            self.dismiss(False)
