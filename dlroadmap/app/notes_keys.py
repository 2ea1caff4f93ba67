"""What the Notes screen's choices do: show a note's topic in the tree, delete a note whose
topic left the markdown, or attach it to a topic picked by name; either change is one step
that undo takes back."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from dlroadmap.app.edits import Notice
from dlroadmap.app.key_names import named_keys
from dlroadmap.app.notices import tell
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.common.printable import printable
from dlroadmap.roadmap.model import Node

if TYPE_CHECKING:
    from dlroadmap.app.notes_list import NotesChoice
    from dlroadmap.app.screens.main import MainScreen


class NotesKeys:
    def __init__(self, screen: MainScreen) -> None:
        self._screen = screen

    def open(self) -> None:
        """The Notes screen: every note with its topic."""
        from dlroadmap.app.notes_list import note_entries
        from dlroadmap.app.screens.notes import NotesScreen

        screen = self._screen
        screen.end_editing()  # a note being typed is saved, and listed
        entries = note_entries(screen.roadmap, screen.store.notes(), screen.shown.unmatched)
        screen.app.push_screen(NotesScreen(entries), self._chosen)

    def _chosen(self, choice: NotesChoice | None) -> None:
        if choice is None:
            return
        what, node_id = choice
        node = self._screen.shown.node(node_id)
        if what == "jump" or node is None:
            self._screen.show_node(node_id)
        elif what == "delete":
            self._set_notes([(node, "")], f"Deleted the note on “{node.text}”.")
        else:
            from textual.command import CommandPalette

            from dlroadmap.app.palette import topic_picker

            picker = topic_picker(partial(self._attach, node))
            placeholder = f"Attach the note on “{printable(node.text)}” to which topic?"
            self._screen.app.push_screen(
                CommandPalette(providers=[picker], placeholder=placeholder)
            )

    def _attach(self, orphan: Node, topic_id: str) -> None:
        from dlroadmap.app.notes_list import attached

        store = self._screen.store
        topic = self._screen.shown.node(topic_id)
        if topic is not None:
            note = attached(store.note(topic), store.note(orphan))
            self._set_notes([(topic, note), (orphan, "")], f"Note attached to “{topic.text}”.")
            self._screen.show_node(topic_id)

    def _set_notes(self, notes: list[tuple[Node, str]], done: str) -> None:
        screen = self._screen
        screen.edits.set_notes(notes)
        screen.after_change([node.id for node, _ in notes])
        undo = named_keys("history.undo", keymap_in_force(screen.app))
        tell(screen, Notice(f"{done} {undo} undoes it."))
