"""The roadmap as the main screen shows it: the markdown's tree, the tally of every group,
and the saved notes whose topic left the markdown. Kept in step with the store as the
markdown is reloaded and statuses change; the screen only draws it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dlroadmap.app.roadmap_changes import reload_notice
from dlroadmap.common.weblinks import absolute, relative
from dlroadmap.roadmap.model import Node, Roadmap, Span, Status
from dlroadmap.roadmap.tally import Tally, overall, retally, tally_groups

if TYPE_CHECKING:
    from pathlib import Path

    from dlroadmap.app.edits import Notice
    from dlroadmap.progress.store import Store


class ShownRoadmap:
    def __init__(self, store: Store, source: Path | None = None) -> None:
        # As the store has it: what the learner brought back into the plan is in it.
        self.roadmap = store.roadmap
        self._store = store
        # The markdown file, and (looked up at the first relative link) the web page it
        # was fetched from: "" when it was not.
        self._source = source
        self._page: str | None = None
        self.tallies: dict[str, Tally] = {}
        # Saved notes whose place left the markdown, shown under "Unmatched notes".
        self.unmatched = self._unmatched()

    def _unmatched(self) -> dict[str, Node]:
        return {key: _orphan(key, item.text) for key, item in self._store.unmatched()}

    def follow(self, url: str) -> str:
        """Where a link leads: one relative to a roadmap fetched from the web, to the file
        beside it there (`./week1/` on GitHub: that folder's page); any other, as written."""
        if not relative(url) or self._source is None:
            return url
        if self._page is None:
            from dlroadmap.fetch.hosts import page_of
            from dlroadmap.shelf.kept import url_of

            fetched = url_of(self._source)
            self._page = page_of(fetched) if fetched else ""
        return absolute(url, self._page or None)

    def count(self) -> None:
        self.tallies = tally_groups(self.roadmap, self._store.status)

    def recount(self, changed: list[str]) -> None:
        self.tallies = retally(self.roadmap, self.tallies, changed, self._store.status)

    def overall(self) -> Tally:
        return overall(self.roadmap, self.tallies, self._store.status)

    def find_unmatched(self) -> None:
        self.unmatched = self._unmatched()

    def node(self, node_id: str) -> Node | None:
        """A node of the roadmap, or a saved item no longer in it (its note deleted
        too: an undo may bring it back)."""
        found = self.roadmap.get(node_id) or self.unmatched.get(node_id)
        if found is None and (saved := self._store.item(node_id)) is not None:
            return _orphan(node_id, saved.text)
        return found

    def first_open_item(self) -> Node | None:
        """Where the user left off: the first item neither done nor skipped."""
        finished = (Status.DONE, Status.SKIPPED)
        status = self._store.status
        return next((n for n in self.roadmap.items() if status(n) not in finished), None)

    def replace(self, roadmap: Roadmap) -> tuple[dict[str, str], Notice | None]:
        """The markdown as edited: saved items follow their topics where they went. The
        ids that moved (old to new), and what to tell the user (None: nothing)."""
        moved = self._store.reload(roadmap)
        notice = reload_notice(self.roadmap, self._store.roadmap, moved)
        self.take_plan()
        return {m.old_id: m.new_id for m in moved}, notice

    def take_plan(self) -> None:
        """The store's roadmap, as a section came into the plan or left it."""
        self.roadmap = self._store.roadmap
        self.find_unmatched()
        self.count()


def _orphan(key: str, text: str) -> Node:
    return Node(key, (Span(text),), trackable=True)
