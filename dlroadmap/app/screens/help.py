"""`?`: every key the app answers to, the keys in force, from the table of commands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from dlroadmap.app.commands import Scope, bindings, commands_in, keys_in_force
from dlroadmap.app.key_names import key_names
from dlroadmap.app.textual_internals.keymap import keymap_in_force

MOUSE_NOTE = (
    "Everything works from the keyboard; the mouse works too. To select and copy text with "
    "the terminal's own selection while the app runs, hold Shift (Option on macOS) as you drag."
)
# The sections of each column, as the table's scopes; a screen's title names its key.
COLUMNS = (
    (Scope.TREE, Scope.EDITOR, Scope.FILTER, Scope.CONFIRM),
    (Scope.MAIN, Scope.TODAY, Scope.NOTES, Scope.ROADMAPS, Scope.APP),
)
_OPENED_BY = {Scope.TODAY: "today.open", Scope.NOTES: "notes.open", Scope.ROADMAPS: "shelf.open"}


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings(Scope.HELP)

    def __init__(self, notes: Sequence[str] = ()) -> None:
        super().__init__()
        self._notes = (*notes, MOUSE_NOTE)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            keymap = keymap_in_force(self.app)
            close = keys_in_force("help.close", keymap).split(",")[0]
            body.border_subtitle = f"{key_names(close)} to close"
            with Horizontal(id="help-columns"):
                for scopes in COLUMNS:
                    yield Static(_table(scopes, keymap), classes="help-column")
            yield Static(Text("\n\n".join((_section_note(keymap), *self._notes))), id="help-notes")
        # Its own footer: the main screen's would offer keys that do nothing here.
        yield Footer()

    def on_mount(self) -> None:
        # Taller than a small terminal: ↓, pagedown and end scroll it.
        self.query_one("#help-body").focus()


def _table(scopes: Iterable[Scope], keymap: Mapping[str, str]) -> Table:
    """Each scope's keys in force, as they are now, beside what they do."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="bold", min_width=7)
    table.add_column()
    for index, scope in enumerate(scopes):
        if index:
            table.add_row("", "")
        title = scope.value
        if scope in _OPENED_BY:
            title += f" ({key_names(keys_in_force(_OPENED_BY[scope], keymap))})"
        table.add_row(Text(title, style="bold underline"), "")
        for command in commands_in(scope):
            keys = key_names(keys_in_force(command.id, keymap))
            table.add_row(Text(keys), Text(command.description))
    return table


def _section_note(keymap: Mapping[str, str]) -> str:
    """What the status keys do on a phase or section, by the keys in force."""
    marks = " ".join(
        key_names(keys_in_force(f"status.{name}", keymap))
        for name in ("done", "in_progress", "skipped", "todo")
    )
    undo = key_names(keys_in_force("history.undo", keymap))
    return (
        f"On a phase or section, {marks} act on every topic under it, as one change that "
        f"{undo} undoes (done stays done on {key_names(keys_in_force('status.skipped', keymap))}"
        f" and {key_names(keys_in_force('status.in_progress', keymap))}); past 5 topics you "
        "are asked first."
    )

    def on_mount(self) -> None:
        # Taller than a small terminal: ↓, pagedown and end scroll it.
        self.query_one("#help-body").focus()
