"""`?`: every key the app answers to, read from the bindings themselves so it never goes stale."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

MOUSE_NOTE = (
    "Everything works from the keyboard; the mouse works too. To copy text with the "
    "terminal's own selection while the app runs, hold Shift (Option on macOS) as you drag."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: Iterable[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self._sections = list(sections)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "escape to close"
            yield Static(self._table(), id="help-table")
            yield Static(Text(MOUSE_NOTE), id="help-mouse")

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        for title, bindings in self._sections:
            table.add_row(Text(title, style="bold underline"), "")
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                keys = " ".join(
                    self.app.get_key_display(Binding(key, binding.action))
                    for key in binding.key.split(",")
                )
                table.add_row(Text(keys), Text(binding.tooltip or binding.description))
            table.add_row("", "")
        return table
