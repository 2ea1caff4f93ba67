"""Messages the widgets send up to the screen, which alone talks to the store."""

from dataclasses import dataclass

from textual.message import Message


@dataclass
class NoteEdited(Message):
    """The text in the notes editor, when it is left or after a pause in typing."""

    node_id: str
    text: str
    # The saved note the edit started from, to tell a change made elsewhere meanwhile.
    base: str


@dataclass
class NoteEditorClosed(Message):
    """The editor was left; focus goes back to the tree."""
