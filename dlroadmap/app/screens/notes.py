"""The Notes view (`ctrl+n`): every note with its topic, to jump to; a note whose topic
left the markdown can be attached to another topic or deleted (`u` undoes either)."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from dlroadmap.app.commands import Scope, bindings
from dlroadmap.app.notes_list import NoteEntry, NotesChoice
from dlroadmap.app.status_style import STATUS_COMPONENT_CLASSES, muted_style
from dlroadmap.common.printable import printable

_PATH_SEPARATOR = " › "


class NotesList(OptionList):
    COMPONENT_CLASSES = STATUS_COMPONENT_CLASSES


class NotesScreen(Screen[NotesChoice | None]):
    """Dismissed with what to do and on which note, or None."""

    BINDINGS = bindings(Scope.NOTES)

    def __init__(self, entries: list[NoteEntry]) -> None:
        super().__init__()
        self._entries = {entry.node_id: entry for entry in entries}

    def compose(self) -> ComposeResult:
        unmatched = sum(entry.unmatched for entry in self._entries.values())
        count = f"{len(self._entries)} note" + ("" if len(self._entries) == 1 else "s")
        if unmatched:
            count += f", {unmatched} unmatched (topic no longer in the roadmap)"
        yield Static(Text.assemble(("Notes", "bold"), f" · {count}"), id="notes-header")
        yield NotesList(id="notes-list")
        yield Footer()

    def on_mount(self) -> None:
        notes = self.query_one(NotesList)
        muted = muted_style(notes)
        for entry in self._entries.values():
            # Text, never markup: titles and notes are the user's; one line each.
            where = Text(printable(_PATH_SEPARATOR.join(entry.where)), muted, no_wrap=True)
            title = Text(printable(entry.title), "bold", no_wrap=True)
            first = entry.note.strip().splitlines()[0] if entry.note.strip() else ""
            line = Text("  " + printable(first), no_wrap=True, overflow="ellipsis")
            above = " › " if entry.where else ""
            prompt = Text("\n").join([Text.assemble(where, above, title), line])
            notes.add_option(Option(prompt, id=entry.node_id))
        if self._entries:
            notes.highlighted = 0  # `enter` acts at once
        else:
            notes.add_option(Option(Text("No notes yet."), disabled=True))
        notes.focus()

    def _highlighted(self) -> NoteEntry | None:
        option = self.query_one(NotesList).highlighted_option
        return self._entries.get(option.id) if option is not None and option.id else None

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self) -> None:
        self.refresh_bindings()  # attach and delete are for unmatched notes only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("attach", "delete"):
            entry = self._highlighted()
            return entry is not None and entry.unmatched
        return True

    @on(OptionList.OptionSelected)
    def action_jump(self) -> None:
        self._close("jump")

    def action_attach(self) -> None:
        self._close("attach")

    def action_delete(self) -> None:
        self._close("delete")

    def _close(self, what: Literal["jump", "attach", "delete"]) -> None:
        entry = self._highlighted()
        if entry is not None:
            self.dismiss((what, entry.node_id))
