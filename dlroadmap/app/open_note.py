"""The note open in the detail pane's editor: the topic it belongs to, and what is typed.

The main screen routes keys and redraws; this keeps the open note tied to its topic
when a reload renames it or another session saves it, and saves what was typed at once
whenever the editor is left (never through a message that could come too late).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from dlroadmap.roadmap.model import Node, Roadmap

if TYPE_CHECKING:
    from dlroadmap.app.edits import Edits
    from dlroadmap.app.widgets.detail import DetailPane
    from dlroadmap.app.widgets.note_editor import NoteEditor


class OpenNote:
    def __init__(
        self,
        detail: Callable[[], DetailPane],
        edits: Edits,
        node_of: Callable[[str], Node | None],
        note_of: Callable[[Node], str],
    ) -> None:
        self._detail = detail
        self._edits = edits
        self._node_of = node_of
        self._note_of = note_of
        # The item whose note is open in the editor, as it was when opened.
        self.node: Node | None = None

    @property
    def editor(self) -> NoteEditor | None:
        return self._detail().editor

    async def open(self, node: Node) -> None:
        self.node = node
        self._edits.begin_edit()
        await self._detail().start_editing(node.id, self._note_of(node))

    def save(self, node_id: str, text: str, base: str) -> None:
        saved = self._edits.save_note(node_id, text, base)
        editor = self.editor
        if saved is not None and editor is not None and editor.node_id == node_id:
            editor.saved(saved)

    def save_typed(self) -> None:
        """What was typed and not yet saved, saved now."""
        editor = self.editor
        if editor is None:
            return
        text = editor.take_text()
        if text is not None and editor.node_id is not None:
            self.save(editor.node_id, text, editor.base)

    def follow(self, new_ids: Mapping[str, str], roadmap: Roadmap) -> str | None:
        """The markdown was reloaded: the open note follows its topic to its new id; that id."""
        editor = self.editor
        if editor is None or editor.node_id is None:
            return None
        editor.node_id = new_ids.get(editor.node_id, editor.node_id)
        if self.node is not None:
            self.node = roadmap.get(editor.node_id) or self.node
        return editor.node_id

    def changed_elsewhere(self, changed: list[str]) -> None:
        """Another session saved these items: the open note hears of its own."""
        editor = self.editor
        if editor is not None and editor.node_id in changed:
            node = self._node_of(editor.node_id)
            if node is not None:
                editor.changed_elsewhere(self._note_of(node))

    def close(self, roadmap: Roadmap, unmatched: Mapping[str, Node]) -> bool | None:
        """Save what was typed and close the editor; whether its topic left the markdown
        while it was open (None: no note was open)."""
        editor = self.editor
        if editor is None or editor.node_id is None:
            return None
        self.save_typed()
        gone = self.node is not None and self.node.id not in unmatched
        gone = gone and roadmap.get(editor.node_id) is None
        self.node = None
        self._detail().stop_editing()
        return gone
