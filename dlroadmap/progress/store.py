"""The one reader and writer of a roadmap's state file.

Every change is saved at once, atomically, under a file lock. Another session
may have saved since this one last looked: its changes are merged in (see
merge.py), never written over. A file that cannot be read is never written.

A change that cannot be saved (the lock held elsewhere, a full disk) stays pending
in memory: the next save or refresh tries again, and at quit what is still pending
goes to a recovery file (see recovery.py), which the next start merges back in.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from dlroadmap.common.files import Seen, signature_of, still_holds, write_atomically
from dlroadmap.common.printable import path_text
from dlroadmap.progress import reattach, recovery, revisit
from dlroadmap.progress.activity import Action, listed, merge_activity, record
from dlroadmap.progress.cache import StateCache
from dlroadmap.progress.locate import find_state
from dlroadmap.progress.lock import SaveLock, SaveWaiting
from dlroadmap.progress.set_aside import keep_original
from dlroadmap.progress.state import SCHEMA, ItemState, State, now
from dlroadmap.progress.takeback import Field, SessionChanges, Step, activity_without, restored
from dlroadmap.roadmap.in_plan import bring_back
from dlroadmap.roadmap.model import Node, Roadmap, Status

# File systems stamp a write with a clock tick's time (ext4: a few ms; FAT: 2 s), and
# a replaced file's inode is soon reused: two saves this close together can leave the
# same inode, time and size. A signature taken this soon after its file was written is
# not trusted alone: the bytes decide.
RACY_NS = 3_000_000_000


class Store:
    """Progress and notes of one roadmap, in memory and in its file."""

    def __init__(
        self,
        path: Path,
        roadmap: Roadmap,
        source: Path,
        *,
        found: State | None = None,
        writable: bool = True,
        files: StateCache | None = None,
    ) -> None:
        self.path = path
        # A read-only store (`dlroadmap review`) shows the state as it would be, writing nothing.
        self.writable = writable
        # The roadmap as the markdown says, and (`roadmap`) with what the learner brought
        # back into the plan in it: what everything else counts and shows.
        self.parsed = self.roadmap = roadmap
        # Where the original of a file from an older schema was kept, if it was.
        self.backup: Path | None = None
        self._lock = SaveLock(path)
        self._files = files or StateCache()
        if found is None and path.exists():
            found = self._files.read(path)
        self._see_read()
        state = found or State(title=roadmap.text, source=path_text(source))
        roadmap = self.roadmap = bring_back(roadmap, state.brought_back)
        self._writer = self._files.writer_for(state)
        # Saved items whose ids left the markdown follow their text to where it went;
        # every version of the file read later is seen through the same moves.
        moves = reattach.reattach(state.items, roadmap)
        self._moves = {moved.old_id: moved.new_id for moved in moves}
        state.items = reattach.apply(state.items, self._moves, roadmap)
        state.activity = reattach.apply_to_activity(state.activity, self._moves)
        # What the user is told: topics followed, not ids renumbered or state set aside.
        self.reattached = reattach.followed(moves)
        recorded = reattach.recording_headings(state.items, roadmap)
        if recorded is not None:
            state.items = recorded
        state.title, state.source = roadmap.text, path_text(source)
        migrate = found is not None and found.schema < SCHEMA
        if migrate and writable:
            self.backup = keep_original(path, found.schema if found else SCHEMA)
        self.state = state
        # The version both this session and the file started from, for merging.
        self._base = state.copy()
        # Notes rewritten in two sessions at once, now holding both texts.
        self.conflicts: tuple[str, ...] = ()
        # This session's own changes, to take back when set back (see takeback.py).
        self._session = SessionChanges()
        # Changes made here and not yet in the file (a save failed or waits for the lock).
        self._unsaved = False
        # Recovery files merged in at the start (to tell); deleted once their items are saved.
        self.recovered: tuple[Path, ...] = ()
        self._recovered_unsaved: tuple[Path, ...] = ()
        # Why each recovery file that could not be read was left as it is (to tell).
        self.unreadable_recovery: tuple[str, ...] = ()
        if writable:
            self._take_in_recovered()
        if writable and (moves or migrate or recorded is not None or self.recovered):
            # Failing, it stays pending: saved by the next save or refresh, kept at quit.
            with suppress(SaveWaiting, OSError):
                self.save()

    @classmethod
    def open(
        cls,
        roadmap: Roadmap,
        source: Path,
        folder: Path,
        *,
        writable: bool = True,
        cache: Path | None = None,
    ) -> Store:
        """The store of this roadmap's state file; `cache`: a folder of parsed state files."""
        source = source.resolve()
        files = StateCache(cache)
        path, found = find_state(roadmap, source, folder, files)
        return cls(path, roadmap, source, found=found, writable=writable, files=files)

    # -- reading -------------------------------------------------------------

    def item(self, node_id: str) -> ItemState | None:
        return self.state.items.get(node_id)

    def status(self, node: Node) -> Status:
        saved = self.state.items.get(node.id)
        if saved is not None and saved.status is not None:
            return saved.status
        return node.initial_status

    def note(self, node: Node) -> str:
        saved = self.state.items.get(node.id)
        return saved.note if saved else ""

    def notes(self) -> Iterable[tuple[str, str]]:
        return ((key, item.note) for key, item in self.state.items.items() if item.note)

    def unmatched(self) -> list[tuple[str, ItemState]]:
        """Saved items with a note whose place is no longer a topic of the markdown: gone
        from it, or set aside (a table of contents, a licence section)."""
        return [
            (key, item)
            for key, item in sorted(self.state.items.items())
            if item.note and not ((node := self.roadmap.get(key)) and node.is_topic)
        ]

    # -- changing ------------------------------------------------------------

    def _entry(self, node: Node) -> ItemState:
        entry = self.state.items.get(node.id)
        if entry is None:
            entry = ItemState(text=node.text)
        # An unmatched item keeps the text (and headings) it was saved with.
        return (
            entry
            if self.roadmap.get(node.id) is None
            else reattach.placed(entry, node, self.roadmap)
        )

    def set_status(self, node: Node, status: Status, when: datetime | None = None) -> bool:
        """Record and save a status change; False when nothing changed.

        Setting back what this session changed (an undo) takes that change back.
        """
        return bool(self.set_statuses([(node, status)], when))

    def set_statuses(
        self, changes: Iterable[tuple[Node, Status]], when: datetime | None = None
    ) -> list[Node]:
        """Record status changes and save them in one write; the nodes that changed."""
        when = when or now()
        changed = [node for node, status in changes if self._status_to(node, status, when)]
        if changed:
            self.save()
        return changed

    def _status_to(self, node: Node, status: Status, when: datetime) -> bool:
        if self.status(node) == status:
            return False
        if not self._take_back(node, "status", status.value):
            entry = self._entry(node).with_status(status, when)
            if status is Status.DONE and entry.revisit is None:
                entry = replace(entry, revisit=revisit.first_card(when))
            action = Action.DONE if status is Status.DONE else Action.STATUS
            self._change(node, "status", status.value, entry, when, action)
        return True

    def set_note(self, node: Node, note: str, when: datetime | None = None) -> bool:
        """Record and save a note; False when it is unchanged.

        Writing back what the note was before this session's edits takes them back.
        """
        if self.note(node) == note:
            return False
        when = when or now()
        if not self._take_back(node, "note", note):
            self._change(
                node, "note", note, self._entry(node).with_note(note, when), when, Action.NOTE
            )
        self.save()
        return True

    def _value(self, node: Node, field: Field) -> str:
        return self.status(node).value if field == "status" else self.note(node)

    def _change(
        self, node: Node, field: Field, value: str, entry: ItemState, when: datetime, action: Action
    ) -> None:
        day = when.date()
        step = Step(
            before=self._value(node, field),
            after=value,
            item=self.state.items.get(node.id),
            day=day,
            action=action,
            listed_it=not listed(self.state.activity, day, action, node.id),
        )
        self._session.add(node.id, field, step)
        self.state.items[node.id] = entry
        self._record(when, action, node.id)

    def _take_back(self, node: Node, field: Field, value: str) -> bool:
        """Set `field` back to `value` by taking back this session's changes since it held
        it, as if never made; False when this session's own changes do not lead there."""
        taken = self._session.take_back(node.id, field, self._value(node, field), value)
        if not taken:
            return False
        self.state.activity = activity_without(self.state.activity, node.id, taken)
        self.state.items[node.id] = restored(self._entry(node), taken, field, value)
        return True

    def rate_revisit(
        self, node: Node, rating: revisit.Rating, when: datetime | None = None
    ) -> None:
        """Record how well a done topic held up on revisiting it; FSRS sets the next date."""
        when = when or now()
        entry = self._entry(node)
        card = revisit.rate(entry.revisit, rating, when) if entry.revisit else None
        self.state.items[node.id] = replace(entry, revisit=card or revisit.first_card(when))
        self._record(when, Action.REVISIT, node.id)
        self.save()

    def _record(self, when: datetime, action: Action, node_id: str) -> None:
        self.state.activity = record(self.state.activity, when.date(), action, node_id)

    def reload(self, roadmap: Roadmap) -> list[reattach.Reattached]:
        """Take the markdown as edited: saved items follow their topics where they went."""
        old, self.parsed = self.roadmap, roadmap
        roadmap = self.roadmap = bring_back(roadmap, self.state.brought_back)
        # A topic the version before had was not renamed from a deleted one.
        found = reattach.reattach(self.state.items, roadmap, {n.text for n in old.items()})
        if found:
            moves = {item.old_id: item.new_id for item in found}
            self._moves.update(moves)
            self.state.items = reattach.apply(self.state.items, moves, roadmap)
            self.state.activity = reattach.apply_to_activity(self.state.activity, moves)
            if self.writable:
                self.save()
        return reattach.followed(found)

    def bring_back(self, section_id: str, *, back: bool = True) -> bool:
        """Bring a set-aside section into the plan (`back` False: set it aside again)."""
        ids = set(self.state.brought_back) - {section_id}
        self.state.brought_back = tuple(sorted(ids | {section_id} if back else ids))
        self.roadmap = bring_back(self.parsed, self.state.brought_back)
        self.save()
        return True

    def warm_up(self, state: State) -> None:
        """Do a save's slow parts ahead of the first save (from a worker thread).

        `state` is a copy taken on the caller's thread. Every table's text is made and
        kept, and the lock's module loaded: on a large roadmap the first change is
        then as quick as the rest.
        """
        import filelock  # noqa: F401 - loaded now, not on the first keypress

        self._writer.dump(state)
        self.keep_in_cache()

    def keep_in_cache(self) -> None:
        """Keep the state as last saved (or read) so the next start need not parse it."""
        self._files.keep(self._writer.snapshot())

    @property
    def pending(self) -> bool:
        """Whether changes made here are not yet saved."""
        return self._unsaved

    def unsaved_items(self) -> dict[str, ItemState]:
        """The items as changed here since the file last held them."""
        return {
            key: item for key, item in self.state.items.items() if self._base.items.get(key) != item
        }

    def keep_unsaved(self) -> Path:
        """Write what is still unsaved to a recovery file; its path (OSError if it cannot)."""
        return recovery.write_recovery(self.path, self.state.title, self.unsaved_items())

    def _take_in_recovered(self) -> None:
        taken_in = recovery.take_in(self.path, self.state.items, self._moves)
        self.state.items = taken_in.items
        self.conflicts += taken_in.conflicts
        self.recovered = self._recovered_unsaved = taken_in.taken
        self.unreadable_recovery = taken_in.unreadable

    def take_conflicts(self) -> tuple[str, ...]:
        """Notes merged from two sessions since last asked: each is told once."""
        conflicts, self.conflicts = self.conflicts, ()
        return conflicts

    # -- the file ------------------------------------------------------------

    def _read_theirs(self) -> State:
        theirs = self._files.read(self.path)
        moves = reattach.still_to_move(theirs.items, self._moves, self.roadmap)
        theirs.items = reattach.apply(theirs.items, moves, self.roadmap)
        theirs.activity = reattach.apply_to_activity(theirs.activity, moves)
        return theirs

    def _see_read(self) -> None:
        """Remember the file as last read, or as missing: never a signature without the
        bytes it belongs to (a file found there unread is then read at the next look)."""
        seen = self._files.seen(self.path) if self.path.exists() else None
        self._seen = seen or Seen(None, None, time.time_ns())

    def _unchanged(self) -> bool:
        """Whether the file surely still holds what was last seen."""
        unchanged, self._seen = still_holds(self.path, self._seen, RACY_NS, time.time_ns())
        return unchanged

    def _take_in_theirs(self) -> tuple[list[str], bool]:
        """Merge what another session saved since we last looked (the file changed).

        The ids whose state changed here, and whether the file lacks anything we hold.
        """
        theirs = self._read_theirs() if self.path.exists() else State("", "")
        from dlroadmap.progress.merge import merge, merge_brought_back  # not before the 1st frame

        merged = merge(self._base.items, self.state.items, theirs.items)
        changed = [key for key, item in merged.items.items() if self.state.items.get(key) != item]
        activity = merge_activity(self._base.activity, self.state.activity, theirs.activity)
        ahead = merged.items != theirs.items or activity != theirs.activity
        self.state.items = merged.items
        self.state.activity = activity
        self.state.extra = {**theirs.extra, **self.state.extra}
        brought_back = merge_brought_back(self._base, self.state, theirs)
        ahead = ahead or brought_back != theirs.brought_back
        if brought_back != self.state.brought_back:
            self.state.brought_back = brought_back
            self.roadmap = bring_back(self.parsed, brought_back)
        self.conflicts += merged.conflicts
        return changed, ahead

    def save(self) -> None:
        """Write the state, with whatever another session saved meanwhile merged in.

        Waits at most LOCK_WAIT for the lock (then SaveWaiting, see lock.py); on any failure the
        changes stay pending.
        """
        if not self.writable:
            raise RuntimeError("a read-only store never writes")
        self._unsaved = True
        with self._lock.taken():
            if not self._unchanged():
                self._take_in_theirs()
            self._write()

    def _write(self) -> None:
        text = self._writer.dump(self.state)
        data = text.encode("utf-8")
        write_atomically(self.path, data)
        # Under the lock: the file holds these bytes until this session lets go.
        at = time.time_ns()
        self._seen = Seen(signature_of(self.path), hash(data), at)
        self._base = self.state.copy()
        self._files.wrote(data, self._base, self._writer)
        self._unsaved = False
        for path in self._recovered_unsaved:
            path.unlink(missing_ok=True)  # what it held is in the file now
        self._recovered_unsaved = ()

    def refresh(self) -> list[str]:
        """Take in what another session saved, if anything; the ids whose state changed.

        Changes still pending here are saved now (SaveWaiting if the lock is still held).
        """
        if self._unchanged() and not self._unsaved:
            return []
        with self._lock.taken():
            changed, ahead = self._take_in_theirs()
            if ahead or self._unsaved:
                # Merged notes, or a change whose save failed earlier: write them down.
                self._write()
            else:
                self._see_read()
                self._base = self.state.copy()
        return changed
