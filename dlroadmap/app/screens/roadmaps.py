"""The Roadmaps screen: every roadmap on the shelf, the last studied first; `enter`
switches to one in place, another key takes one off the shelf (asked twice), another
points one whose markdown is gone at its new place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from dlroadmap.app.commands import Scope, bindings
from dlroadmap.app.edits import Notice
from dlroadmap.app.key_names import named_keys
from dlroadmap.app.notices import tell
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.common.glyphs import bar
from dlroadmap.common.printable import printable, printable_path
from dlroadmap.errors import DlroadmapError
from dlroadmap.shelf.access import ShelfAccess
from dlroadmap.shelf.entries import Entry
from dlroadmap.shelf.listing import progress_text, studied_text, where_text

BAR_WIDTH = 20


class ShelfList(OptionList):
    """One option per roadmap: its title, progress and place, on two lines."""


class RoadmapsScreen(Screen[Path | None]):
    """Dismissed with the markdown to switch to, or None to stay."""

    BINDINGS = bindings(Scope.ROADMAPS)

    def __init__(
        self,
        shelf: ShelfAccess,
        current: Path,
        *,
        ascii_glyphs: bool = False,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._shelf = shelf
        self._current = current.resolve()  # the state file of the roadmap open now
        self._ascii = ascii_glyphs
        self._today = today
        self.entries: list[Entry] = []
        # The roadmap whose removal was asked for once: a second press removes it.
        self._removing: Path | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Your roadmaps", style="bold"), id="roadmaps-header")
        yield ShelfList(id="roadmaps-list")
        yield Input(id="roadmaps-path", placeholder="where its markdown is now")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).display = False
        self.show_shelf()
        self.query_one(ShelfList).focus()

    def show_shelf(self) -> None:
        """List the shelf as it is now, the cursor on the roadmap it was on, if still there."""
        was = self._selected()
        self.entries = self._shelf.entries()
        listed = self.query_one(ShelfList)
        index = listed.highlighted or 0
        listed.clear_options()
        listed.add_options(Option(self._row(entry)) for entry in self.entries)
        paths = [entry.state_path for entry in self.entries]
        if was is not None and was.state_path in paths:
            index = paths.index(was.state_path)
        if self.entries:
            listed.highlighted = min(index, len(self.entries) - 1)

    def _row(self, entry: Entry) -> Text:
        today = self._today()
        text = Text()
        text.append(printable(entry.title), style="bold")
        if entry.state_path.resolve() == self._current:
            text.append("  (open now)", style="italic")
        text.append("\n  ")
        fraction = entry.tally.fraction if entry.tally is not None else 0.0
        text.append(bar(fraction, BAR_WIDTH, self._ascii))
        text.append(f" {progress_text(entry)}  {studied_text(entry.last_studied, today)}\n  ")
        where = where_text(entry)
        if entry.found or entry.problem is not None:
            text.append(where, style="dim")
        else:
            keys = named_keys("roadmaps.locate", keymap_in_force(self.app), first=True)
            text.append(f"{where}: {keys} to say where it is now", style="bold")
        return text

    def _selected(self) -> Entry | None:
        index = self.query_one(ShelfList).highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    @on(OptionList.OptionSelected)
    def action_open(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if not entry.found:
            self._tell(
                f'The markdown of "{entry.title}" is gone from {printable_path(entry.source)}. '
                "Say where it is now first.",
                "warning",
            )
            return
        self.dismiss(None if entry.state_path.resolve() == self._current else entry.source)

    def action_remove(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if entry.state_path.resolve() == self._current:
            self._tell("That is the roadmap open now: switch to another first.", "warning")
            return
        if self._removing != entry.state_path:
            self._removing = entry.state_path
            keys = named_keys("roadmaps.remove", keymap_in_force(self.app), first=True)
            self._tell(
                f'Take "{entry.title}" off the shelf? Its progress file is moved aside, not '
                f"deleted. Press {keys} again to do it.",
                "warning",
            )
            return
        self._removing = None

        def remove() -> str:
            moved = printable_path(self._shelf.remove(entry))
            return f'"{entry.title}" is off the shelf; its progress is kept in {moved}.'

        self._change_shelf(remove)

    def action_locate(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        field = self.query_one(Input)
        field.value = "" if entry.found else str(entry.source)
        field.display = True
        field.focus()

    @on(Input.Submitted)
    def _located(self, event: Input.Submitted) -> None:
        entry = self._selected()
        path = Path(event.value.strip()).expanduser()
        self._close_path()
        if entry is None or not event.value.strip():
            return

        def relocate() -> str:
            self._shelf.relocate(entry, path)
            return f'"{entry.title}" is now read from {printable_path(path)}.'

        self._change_shelf(relocate)

    def _change_shelf(self, change: Callable[[], str]) -> None:
        """Make a change to the shelf, say what it did (or why not), show the shelf anew."""
        try:
            told = change()
        except DlroadmapError as error:
            self._tell(str(error), "error")
            return
        self._tell(told)
        self.show_shelf()

    def _close_path(self) -> None:
        field = self.query_one(Input)
        field.display = False
        self.query_one(ShelfList).focus()

    def action_back(self) -> None:
        if self.query_one(Input).display:
            self._close_path()
        else:
            self.dismiss(None)

    def _tell(
        self, message: str, severity: Literal["information", "warning", "error"] = "information"
    ) -> None:
        tell(self, Notice(message, severity=severity, timeout=8))
