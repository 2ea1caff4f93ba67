"""Notes saved through the store for the main screen: merged with another session's
note, conflicts and failed saves told, a note edited in the user's own editor.

No widgets and no Textual here: the screen hands in how to tell the user something
and how to suspend itself around the editor, so all of this runs without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dlroadmap.errors import DlroadmapError

if TYPE_CHECKING:
    from dlroadmap.progress.history import Change
    from dlroadmap.progress.store import Store
    from dlroadmap.roadmap.model import Node


@dataclass(frozen=True, slots=True)
class Notice:
    """Something to tell the user; shown as plain text, never markup."""

    message: str
    title: str = ""
    severity: Literal["information", "warning", "error"] = "information"
    timeout: float | None = None  # None: the app's usual time


class Notes:
    """Writes notes (and any other change) through the store, telling what went wrong."""

    def __init__(
        self, store: Store, find: Callable[[str], Node | None], tell: Callable[[Notice], None]
    ) -> None:
        self._store = store
        # Items by id, those whose place left the markdown included.
        self._find = find
        self._tell = tell
        # One stay in a notes editor; its saves while typing are undone as one edit.
        self._edit_group = 0

    def begin_edit(self) -> None:
        """A new stay in an editor starts: its saves are one edit to undo."""
        self._edit_group += 1

    def save(self, node_id: str, text: str, base: str) -> Change | None:
        """Save what was typed; if the note changed elsewhere since `base`, keep both.

        The change made, for the history (None: the item is gone).
        """
        node = self._find(node_id)
        if node is None:
            return None
        current = self._store.note(node)
        if current != base and text != current:
            from dlroadmap.progress.merge import keep_both

            saved = self._store.item(node_id)
            text = keep_both(text, current, saved.note_changed if saved else None)
            self._tell_conflict(node)
        self.write(lambda: self._store.set_note(node, text))
        from dlroadmap.progress.history import Change

        return Change(node_id, "note", current, self._store.note(node), group=self._edit_group)

    def write(self, change: Callable[[], bool]) -> bool:
        """Make a change through the store (a note, a status); whether it changed anything.

        A failed save is told, and the change is kept in the store to save with the next.
        """
        try:
            changed = change()
        except (OSError, DlroadmapError) as error:
            self._tell(
                Notice(
                    f"Not saved yet: {error} The change is kept and saved with the next one.",
                    severity="error",
                    timeout=15,
                )
            )
            return True
        self.tell_conflicts()
        return changed

    def tell_conflicts(self) -> None:
        """Tell each note the store found written in two sessions at once."""
        for node_id in self._store.take_conflicts():
            node = self._find(node_id)
            if node is not None:
                self._tell_conflict(node)

    def _tell_conflict(self, node: Node) -> None:
        self._tell(
            Notice(
                f"“{node.text}” was written in two sessions at once; "
                "both texts are kept in its note.",
                severity="warning",
                timeout=10,
            )
        )

    def edit_externally(
        self,
        node: Node,
        suspended: Callable[[], AbstractContextManager[object]],
        catch_up: Callable[[], None],
    ) -> Change | None:
        """The note in the user's own editor ($VISUAL, $EDITOR), run inside `suspended()`,
        which hands it the terminal; the change saved, or None (and why, told).

        `catch_up` takes in what other sessions saved while the editor was open, so a
        note written in both keeps both texts.
        """
        from dlroadmap.app.external_editor import EditorError, edit_text, find_editor

        try:
            # Found before suspending: a missing editor is told without a flash of shell.
            command = find_editor()
            base = self._store.note(node)
            with suspended():
                text = edit_text(base, command)
        except (EditorError, OSError) as error:
            self._tell(Notice(str(error), title="Note not edited", severity="error", timeout=10))
            return None
        if text is None:
            self._tell(Notice(f"No change to the note of “{node.text}”."))
            return None
        catch_up()
        self.begin_edit()
        return self.save(node.id, text, base)
