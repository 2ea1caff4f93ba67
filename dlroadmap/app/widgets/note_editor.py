"""The notes editor: a TextArea that hands its text up when left or after a pause in typing."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import TextArea

from ..messages import NoteEdited, NoteEditorClosed

# Long enough not to write on every keystroke, short enough that a dropped
# SSH link loses at most a sentence.
SAVE_AFTER_SECONDS = 1.0


class NoteEditor(TextArea):
    BINDINGS = [
        # The screen closes the editor at once, so keys typed next reach the tree.
        Binding("escape", "screen.close_editor", "Done editing", id="note.close"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
        self.node_id: str | None = None
        self._saved_text = ""
        self._pending: Timer | None = None

    def open_note(self, node_id: str, text: str) -> None:
        self.node_id = node_id
        self._saved_text = text
        self.load_text(text)
        self.move_cursor(self.document.end)

    def close_note(self) -> None:
        """Forget the note; the text was handed up by flush()."""
        self.node_id = None
        self.load_text("")

    @on(TextArea.Changed)
    def _schedule_save(self) -> None:
        if self.node_id is None:
            return
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(SAVE_AFTER_SECONDS, self.flush)

    def flush(self) -> None:
        """Hand up the text if it changed since it was last handed up."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        if self.node_id is not None and self.text != self._saved_text:
            self._saved_text = self.text
            self.post_message(NoteEdited(self.node_id, self.text))

    def on_blur(self) -> None:
        # Leaving the editor (a click elsewhere, the palette) ends the edit, saving it.
        if self.node_id is not None:
            self.flush()
            self.post_message(NoteEditorClosed())
