"""This session's changes to its progress, written through the store for the main
screen: statuses and notes saved (a note merged with another session's), conflicts
and failed saves told, a note edited in the user's own editor, undo and redo.

No widgets and no Textual here: the screen hands in how to tell the user something
and how to suspend itself around the editor, so all of this runs without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from functools import cached_property, partial
from typing import TYPE_CHECKING, Literal, NamedTuple

from dlroadmap.common.printable import printable, printable_lines
from dlroadmap.errors import DlroadmapError
from dlroadmap.locations import editing_dir
from dlroadmap.progress.lock import SaveWaiting
from dlroadmap.roadmap.model import Status

if TYPE_CHECKING:
    from dlroadmap.progress.history import Change, Direction, History, Step
    from dlroadmap.progress.store import Store
    from dlroadmap.roadmap.model import Node


# A base no note can be: saving on it keeps both texts.
_UNKNOWN = "\x00unknown"


Severity = Literal["information", "warning", "error"]


# NamedTuples: defined at every start, at a fraction of a frozen dataclass's cost.
class _NoticeFields(NamedTuple):
    message: str
    title: str
    severity: Severity
    timeout: float | None  # None: the app's usual time


class Notice(_NoticeFields):
    """Something to tell the user; shown as plain text, never markup (`notices.tell`).

    Its text is made printable as it is made: whatever it quotes (a topic, a note, a
    file name, an error) cannot drive the terminal.
    """

    __slots__ = ()

    def __new__(
        cls,
        message: str,
        title: str = "",
        severity: Severity = "information",
        timeout: float | None = None,
    ) -> Notice:
        return super().__new__(cls, printable_lines(message), printable(title), severity, timeout)


class Edits:
    """Writes statuses and notes through the store, keeps them to undo, tells what went wrong."""

    def __init__(
        self, store: Store, find: Callable[[str], Node | None], tell: Callable[[Notice], None]
    ) -> None:
        self._store = store
        # Items by id, those whose place left the markdown included.
        self._find = find
        self._tell = tell
        # One stay in a notes editor; its saves while typing are undone as one edit.
        self._edit_group = 0
        self._last_problem = ""
        # Saving waits for another session's lock: told once, and once when it is over.
        self._waiting = False

    @cached_property
    def history(self) -> History:
        """This session's status changes and note edits, for `u` and `ctrl+r`."""
        # Imported at the first change, not before the first frame.
        from dlroadmap.progress.history import History

        return History()

    def set_status(self, node: Node, status: Status) -> bool:
        """Whether the item's status changed (kept to save later, if saving failed)."""
        before = self._store.status(node)
        if not self.write(lambda: self._store.set_status(node, status)):
            return False
        from dlroadmap.progress.history import Change

        self.history.push(Change(node.id, "status", before, self._store.status(node)))
        return True

    def set_statuses(self, section: Node, changes: list[tuple[Node, Status]]) -> list[str]:
        """Set the statuses of a section's topics as one change, saved and undone at once;
        the ids that changed."""
        before = {node.id: self._store.status(node) for node, _ in changes}
        if not self.write(lambda: bool(self._store.set_statuses(changes))):
            return []
        from dlroadmap.progress.history import Batch, Change

        done = tuple(
            Change(node.id, "status", before[node.id], self._store.status(node))
            for node, _ in changes
            if self._store.status(node) != before[node.id]
        )
        self.history.push(Batch(section.id, done))
        return [change.node_id for change in done]

    def begin_edit(self) -> None:
        """A new stay in an editor starts: its saves are one edit to undo."""
        self._edit_group += 1

    def save_note(self, node_id: str, text: str, base: str) -> str | None:
        """Save what was typed; if the note changed elsewhere since `base`, merge the two.

        The note as saved (None: the item is gone).
        """
        node = self._find(node_id)
        if node is None:
            return None
        current = self._store.note(node)
        if current != base and text != current:
            from dlroadmap.progress.merge import merge_text

            saved = self._store.item(node_id)
            text, conflict = merge_text(base, text, current, saved.note_changed if saved else None)
            if conflict:
                self._tell_conflict(node)
        self.write(lambda: self._store.set_note(node, text))
        from dlroadmap.progress.history import Change

        after = self._store.note(node)
        self.history.push(Change(node_id, "note", current, after, group=self._edit_group))
        return after

    def set_notes(self, notes: Sequence[tuple[Node, str]]) -> None:
        """Set several notes as one change, undone as one (an unmatched note attached to
        a topic, or deleted)."""
        from dlroadmap.progress.history import Batch, Change

        changes = []
        for node, text in notes:
            before = self._store.note(node)
            self.write(partial(self._store.set_note, node, text))
            changes.append(Change(node.id, "note", before, self._store.note(node)))
        done = tuple(change for change in changes if change.before != change.after)
        if done:
            self.history.push(Batch(done[0].node_id, done))

    def write(self, change: Callable[[], bool]) -> bool:
        """Make a change through the store; whether it changed anything.

        A failed save is told, and the change is kept in the store to save with the next.
        """
        try:
            changed = change()
        except SaveWaiting as error:
            self._tell_waiting(error)
            return True
        except (OSError, DlroadmapError) as error:
            self._tell(
                Notice(
                    f"Not saved yet: {error} The change is kept and saved with the next one.",
                    severity="error",
                    timeout=15,
                )
            )
            return True
        self._saved()
        return changed

    def _tell_waiting(self, error: SaveWaiting) -> None:
        if not self._waiting:
            self._waiting = True
            self._tell(Notice(str(error), severity="warning", timeout=15))

    def _saved(self) -> None:
        """A save went through: say so if it had been waiting, and tell any conflicts."""
        if self._waiting and not self._store.pending:
            self._waiting = False
            self._tell(Notice("Saved: the other dlroadmap session let go of the lock."))
        self.tell_conflicts()

    def catch_up(self) -> list[str]:
        """Take in what other sessions saved since we last looked, and save what is still
        pending here; the ids it changed."""
        try:
            changed = self._store.refresh()
        except SaveWaiting as error:
            # With nothing of ours waiting, another writer (a session, a sync) is mid-save:
            # the next look takes its changes in, and there is nothing to tell.
            if self._store.pending:
                self._tell_waiting(error)
            return []
        except (OSError, DlroadmapError) as error:
            # Looked for every few seconds: a lasting problem is told once.
            if str(error) != self._last_problem:
                self._last_problem = str(error)
                self._tell(Notice(str(error), severity="error", timeout=15))
            return []
        self._saved()
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
    ) -> bool:
        """The note in the user's own editor ($VISUAL, $EDITOR), run inside `suspended()`,
        which hands it the terminal; whether the note changed (if not, why is told).

        `catch_up` takes in what other sessions saved while the editor was open, so a
        note written in both keeps both texts.
        """
        from dlroadmap.app.external_editor import (
            EditorError,
            edit_text,
            find_editor,
            hand_over,
            note_file,
        )

        text: str | None = None
        saved = False
        try:
            # Found before suspending: a missing editor is told without a flash of shell.
            command = find_editor()
            base = self._store.note(node)
            file = note_file(self._store.path, node.id)
            hand_over(file, base)
            try:
                with suspended():
                    text = edit_text(base, command, file.path)
                    if text is not None:
                        # Saved before the terminal is taken back: after a hang-up there
                        # is none, and the app exits as soon as it is back.
                        catch_up()
                        self.begin_edit()
                        saved = self.save_note(node.id, text, base) is not None
            finally:
                if text is None or saved:
                    file.remove()
        except (EditorError, OSError) as error:
            if not saved:
                self._tell(
                    Notice(str(error), title="Note not edited", severity="error", timeout=10)
                )
            return saved
        if text is None:
            self._tell(Notice(f"No change to the note of “{node.text}”."))
        return saved

    def take_back_leftovers(self) -> None:
        """Take in what an editor wrote in a session that died with it open (`kill -9`),
        merged as another session's note would be, and say so."""
        if not editing_dir().is_dir():
            return  # the usual start: no editor was ever left open (its code not loaded)
        from dlroadmap.app.external_editor import (
            EditorError,
            changed_text,
            leftovers,
            read_leftover,
        )

        for file, handed in leftovers(self._store.path):
            node = self._find(file.node_id)
            try:
                written = read_leftover(file)
            except EditorError as error:
                self._tell(Notice(f"{error} It is kept in {file.path}.", severity="error"))
                continue
            current = self._store.note(node) if node is not None else ""
            text = changed_text(current if handed is None else handed, written)
            if text is None or (handed is None and changed_text(current, written) is None):
                file.remove()
                continue
            if node is None:
                self._tell(
                    Notice(
                        f"Text your editor saved for a topic no longer in the roadmap "
                        f"({file.node_id}) is kept in {file.path}.",
                        severity="warning",
                        timeout=20,
                    )
                )
                continue
            self.begin_edit()
            # What was handed over unknown: a note there now is kept beside the editor's.
            base = handed if handed is not None else "" if not current else _UNKNOWN
            saved = self.save_note(node.id, text, base)
            if saved is not None:
                file.remove()
                both = "; both texts are kept" if saved != text else ""
                self._tell(
                    Notice(
                        f"Text your editor saved for “{node.text}” when dlroadmap last "
                        f"stopped with it open is taken into its note{both}.",
                        title="Editor text recovered",
                        severity="warning",
                        timeout=20,
                    )
                )

    def undo(self, direction: Direction, catch_up: Callable[[], None]) -> Step:
        """Undo or redo the last change, and tell what came of it.

        `catch_up` takes in other sessions' changes first: one made since is not
        written over (see `history.step`).
        """
        from dlroadmap.progress.history import step

        history = self.history
        if (history.next_undo() if direction == "undo" else history.next_redo()) is not None:
            catch_up()
        done = step(history, direction, self._now, self._put_back)
        change = done.change
        node = self._find(change.node_id) if change else None
        title = node.text if node is not None else change.node_id if change else ""
        self._tell(
            Notice(
                done.message(title),
                severity="warning" if done.outcome in ("gone", "changed") else "information",
                timeout=8 if done.outcome == "changed" or done.left else None,
            )
        )
        return done

    def _now(self, change: Change) -> str | None:
        node = self._find(change.node_id)
        if node is None:
            return None
        return self._store.status(node) if change.field == "status" else self._store.note(node)

    def _put_back(self, changes: list[tuple[Change, str]]) -> None:
        statuses: list[tuple[Node, Status]] = []
        for change, value in changes:
            node = self._find(change.node_id)
            assert node is not None  # `step` writes only what `_now` found
            if change.field == "status":
                statuses.append((node, Status(value)))
            else:
                self.write(partial(self._store.set_note, node, value))
        if statuses:
            self.write(lambda: bool(self._store.set_statuses(statuses)))
