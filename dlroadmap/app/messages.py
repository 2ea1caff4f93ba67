"""Messages the widgets send up to the screen, which alone talks to the store."""

from textual.message import Message


class NoteEdited(Message):
    """The text in the notes editor, when it is left or after a pause in typing."""

    def __init__(self, node_id: str, text: str, base: str) -> None:
        super().__init__()
        self.node_id = node_id
        self.text = text
        # The saved note the edit started from, to tell a change made elsewhere meanwhile.
        self.base = base


class RoadmapsWanted(Message):
    """The Roadmaps screen was asked for: the app, which can switch roadmaps, opens it."""


class NoteEditorClosed(Message):
    """The editor was left; focus goes back to the tree."""
