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
        Binding("escape", "close", "Done editing", id="note.close"),
    ]

    def __init__(self, node_id: str, text: str, *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
        self.node_id = node_id
        self._saved_text = text
        self._pending: Timer | None = None

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)

    @on(TextArea.Changed)
    def _schedule_save(self) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(SAVE_AFTER_SECONDS, self.flush)

    def flush(self) -> None:
        """Hand up the text if it changed since it was last handed up."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        if self.text != self._saved_text:
            self._saved_text = self.text
            self.post_message(NoteEdited(self.node_id, self.text))

    def action_close(self) -> None:
        self.flush()
        self.post_message(NoteEditorClosed())
