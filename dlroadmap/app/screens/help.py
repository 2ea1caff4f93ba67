"""`?`: every key the app answers to, read from the bindings themselves so it never goes stale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

MOUSE_NOTE = (
    "Everything works from the keyboard; the mouse works too. To select and copy text with "
    "the terminal's own selection while the app runs, hold Shift (Option on macOS) as you drag."
)
# Key names as people say them; the rest (p, x, ctrl+p) read fine as they are.
_KEY_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "question_mark": "?",
    "slash": "/",
    "escape": "esc",
}

Section = tuple[str, Sequence[BindingType]]


def key_names(keys: str) -> str:
    names = []
    for key in keys.split(","):
        modifiers, _, name = key.strip().rpartition("+")
        name = _KEY_NAMES.get(name, name)
        names.append(f"{modifiers}+{name}" if modifiers else name)
    return " ".join(names)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(
        self, left: Sequence[Section], right: Sequence[Section], notes: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self._columns = (left, right)
        self._notes = (*notes, MOUSE_NOTE)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "esc to close"
            with Horizontal(id="help-columns"):
                for sections in self._columns:
                    yield Static(self._table(sections), classes="help-column")
            yield Static(Text("\n\n".join(self._notes)), id="help-notes")

    @staticmethod
    def _table(sections: Iterable[Section]) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True, style="bold", min_width=7)
        table.add_column()
        for index, (title, bindings) in enumerate(sections):
            if index:
                table.add_row("", "")
            table.add_row(Text(title, style="bold underline"), "")
            for binding in bindings:
                if isinstance(binding, Binding):
                    description = binding.tooltip or binding.description
                    table.add_row(Text(key_names(binding.key)), Text(description))
        return table
