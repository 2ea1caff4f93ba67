"""The notes editor: a TextArea that hands its text up when left or after a pause in typing."""

from __future__ import annotations

from textual import on
from textual.timer import Timer
from textual.widgets import TextArea

from dlroadmap.app.commands import Scope, bindings
from dlroadmap.app.messages import NoteEdited, NoteEditorClosed
from dlroadmap.common.shown_text import ShownText

# Long enough not to write on every keystroke, short enough that a dropped
# SSH link loses at most a sentence.
SAVE_AFTER_SECONDS = 1.0
# Typing that never pauses (a steady typist, a paste trickling in over SSH) is saved
# this long after its first unsaved change at the latest.
SAVE_AT_LEAST_EVERY_SECONDS = 5.0


class NoteEditor(TextArea):
    BINDINGS = bindings(Scope.EDITOR)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
        self.node_id: str | None = None
        # The saved note this edit builds on: if the store's note moves away from it
        # (another session), saving keeps both texts instead of writing over theirs.
        self.base = ""
        # The note last given to or handed up from the editor: the editor shows it made
        # safe for the terminal, and an edit gives back its exact text.
        self._note = ShownText.of("")
        self._handed = ""  # the editor text last handed up to be saved
        self._pending: Timer | None = None
        self._overdue: Timer | None = None  # the latest save, however steady the typing

    def open_note(self, node_id: str, note: str) -> None:
        self.node_id = node_id
        self.base = note
        self._show(note)
        self.move_cursor(self.document.end)

    def close_note(self) -> None:
        self._stop_timer()
        self.node_id = None
        self.load_text("")

    def saved(self, note: str) -> None:
        """The store now holds `note` for this item (maybe both sessions' texts)."""
        self.base = note
        shown = ShownText.of(note)
        if shown.shown != self._handed:
            # Both texts merged, or typed characters the terminal must not get raw.
            self._replace_keeping_cursor(note)
        else:
            self._note = shown

    def changed_elsewhere(self, note: str) -> None:
        """Another session saved this note; show it, unless our own typing is unsaved."""
        if self.text == self._handed:
            self.base = note
            self._replace_keeping_cursor(note)

    def _replace_keeping_cursor(self, note: str) -> None:
        cursor = self.cursor_location
        self._show(note)
        self.move_cursor(cursor)

    def _show(self, note: str) -> None:
        self._note = ShownText.of(note)
        self._handed = self._note.shown
        self.load_text(self._handed)

    @on(TextArea.Changed)
    def _schedule_save(self) -> None:
        if self.node_id is None:
            return
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(SAVE_AFTER_SECONDS, self.flush)
        if self._overdue is None:
            self._overdue = self.set_timer(SAVE_AT_LEAST_EVERY_SECONDS, self.flush)

    def _stop_timer(self) -> None:
        for timer in (self._pending, self._overdue):
            if timer is not None:
                timer.stop()
        self._pending = self._overdue = None

    def take_text(self) -> str | None:
        """The note if it changed since it was last handed up, marking it handed up: its
        exact text, with what the editor showed differently left as it was saved."""
        self._stop_timer()
        if self.node_id is None or self.text == self._handed:
            return None
        self._handed = self.text
        self._note = self._note.edited(self.text)
        return self._note.exact

    def flush(self) -> None:
        """After a pause in typing, or a while of typing without one: hand the text up
        to be saved."""
        text = self.take_text()
        if text is not None and self.node_id is not None:
            self.post_message(NoteEdited(self.node_id, text, self.base))

    def on_blur(self) -> None:
        # Leaving the editor (a click elsewhere, the palette) ends the edit, saving it.
        if self.node_id is not None:
            self.post_message(NoteEditorClosed())
