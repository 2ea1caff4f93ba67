"""The keys that reach past one item's status: a status key on a phase or section (every
topic under it, as one change to undo), `o` on a node's links, and `i` bringing a
set-aside section into the plan or setting it aside again."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from dlroadmap.app.detail_views import links_of
from dlroadmap.app.edits import Notice
from dlroadmap.app.key_names import named_keys
from dlroadmap.app.notices import tell
from dlroadmap.app.open_link import Browse, system_browser
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.common.glyphs import LABELS
from dlroadmap.common.weblinks import openable
from dlroadmap.roadmap.in_plan import section_aside, section_brought_back
from dlroadmap.roadmap.model import Node, Status
from dlroadmap.roadmap.section_marks import section_marks

if TYPE_CHECKING:
    from typing import Literal

    from dlroadmap.app.screens.main import MainScreen

# A key that would change more topics than this asks first.
CONFIRM_ABOVE = 5
# A title quoted in a one-line question or a notice is cut to this many characters.
QUOTED = 40
_ASK = {
    Status.DONE: "Mark done",
    Status.IN_PROGRESS: "Start",
    Status.SKIPPED: "Skip",
    Status.TODO: "Return to to do",
}


def quoted(text: str) -> str:
    return f"“{text if len(text) <= QUOTED else text[: QUOTED - 1] + '…'}”"


def topics(count: int) -> str:
    return f"{count} topic{'s' * (count != 1)}"


class NodeKeys:
    def __init__(self, screen: MainScreen, browse: Browse | Literal["system"] | None) -> None:
        self._screen = screen
        # Opens a link (`o`); None: copy it to the clipboard instead. Injected by tests.
        self._browse = system_browser() if browse == "system" else browse

    def _tell(self, message: str, *, warning: bool = False) -> None:
        tell(self._screen, Notice(message, severity="warning" if warning else "information"))

    def _key(self, command_id: str) -> str:
        return named_keys(command_id, keymap_in_force(self._screen.app), first=True)

    # -- a status key on a phase or section ----------------------------------

    def status_key(self, node: Node | None, status: Status, *, toggle: bool = False) -> None:
        """On an item, its status (`toggle`: done again is to do); on a phase or section,
        every topic's under it."""
        if node is not None and not node.is_topic:
            self.mark_section(node, status, toggle=toggle)
            return
        screen = self._screen
        item = screen.selected_item()  # None: it tells why
        if item is None:
            return
        if toggle and screen.store.status(item) == Status.DONE:
            status = Status.TODO
        if screen.edits.set_status(item, status):
            screen.after_change([item.id])

    def mark_section(self, section: Node, status: Status, *, toggle: bool = False) -> None:
        """Every topic under `section` as the key says, asked first if they are many."""
        changes = section_marks(section, status, self._screen.store.status, toggle=toggle)
        if not changes:
            if section.aside:
                self._tell(
                    f"{quoted(section.text)} is not in the plan: "
                    f"{self._key('plan.toggle')} brings it in.",
                    warning=True,
                )
            else:
                self._tell(f"Nothing to change in {quoted(section.text)}.")
            return
        apply = partial(self._marked, section, changes)
        if len(changes) <= CONFIRM_ABOVE:
            apply(True)
            return
        from dlroadmap.app.screens.confirm import ConfirmScreen

        question = f"{_ASK[changes[0][1]]} {topics(len(changes))} in {quoted(section.text)}?"
        self._screen.app.push_screen(ConfirmScreen(question), apply)

    def _marked(self, section: Node, changes: list[tuple[Node, Status]], yes: bool | None) -> None:
        if not yes:
            self._tell("Nothing changed.")
            return
        changed = self._screen.edits.set_statuses(section, changes)
        if changed:
            self._screen.after_change(changed)
            self._tell(
                f"{LABELS[changes[0][1]].capitalize()}: {topics(len(changed))} in "
                f"{quoted(section.text)}. {self._key('history.undo')} undoes it."
            )

    # -- o: a node's links --------------------------------------------------

    def open_link(self, node: Node | None) -> None:
        """The node's link (of several: the one the learner picks) opened, or copied."""
        if node is None:
            return
        links = links_of(node, self._screen.shown.follow)
        followed = tuple(link for link in links if openable(link.url))
        if not followed:
            others = f" (its links are not web links: {links[0].url} …)" if links else ""
            self._tell(f"{quoted(node.text)} has no link to open{others}.", warning=True)
        elif len(followed) == 1:
            self.follow(followed[0].url)
        else:
            from dlroadmap.app.screens.pick_link import PickLinkScreen

            def picked(url: str | None) -> None:
                if url is not None:
                    self.follow(url)

            self._screen.app.push_screen(PickLinkScreen(node.text, followed), picked)

    def follow(self, url: str) -> None:
        """Open `url` in the browser; with none to open here, copy it to the clipboard."""
        if self._browse is not None:
            try:
                self._browse(url)
            except OSError as error:
                self._tell(f"Could not start a browser ({error}).", warning=True)
            else:
                self._tell(f"Opening in your browser: {url}")
                return
        # OSC 52: the terminal on the learner's own machine holds the clipboard.
        self._screen.app.copy_to_clipboard(url)
        self._tell(f"Copied to your terminal's clipboard (no browser here): {url}")

    # -- i: in the plan or set aside -----------------------------------------

    def toggle_plan(self, node: Node | None) -> None:
        if node is None:
            return
        store = self._screen.store
        roadmap = store.roadmap
        aside = section_aside(roadmap, node.id)
        back = section_brought_back(roadmap, store.state.brought_back, node.id)
        if aside is None and back is None:
            self._tell(
                f"{quoted(node.text)} is in the plan as the file has it: only what was set "
                "aside (a table of contents, a licence...) can be brought in or set aside.",
                warning=True,
            )
            return
        section = aside or back
        assert section is not None
        self._screen.edits.write(partial(store.bring_back, section.id, back=aside is not None))
        self._screen.plan_changed(section.id)
        if aside is not None:
            brought = store.roadmap.get(section.id)
            count = sum(n.is_topic for n in brought.walk()) if brought else 0
            self._tell(
                f"{quoted(section.text)} is in the plan now ({topics(count)}); "
                f"{self._key('plan.toggle')} sets it aside again."
            )
        else:
            self._tell(f"{quoted(section.text)} is set aside again: not in the plan.")
