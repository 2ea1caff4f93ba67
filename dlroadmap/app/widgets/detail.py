"""The right pane: where the selected node sits, its status, dates and notes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widget import AwaitMount
from textual.widgets import Static

from dlroadmap.app.about_text import about_text
from dlroadmap.app.detail_views import ChildLine, DetailView, GroupView, ItemView
from dlroadmap.app.inline import inline_text
from dlroadmap.app.key_names import named_keys
from dlroadmap.app.status_style import STATUS_COMPONENT_CLASSES, muted_style, status_style
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.common.glyphs import LABELS, bar, glyphs, path_separator
from dlroadmap.common.printable import printable, printable_lines
from dlroadmap.roadmap.tally import Tally, percent

if TYPE_CHECKING:
    from textual.theme import Theme

    from dlroadmap.app.widgets.note_editor import NoteEditor


def when(moment: datetime | None, today: datetime) -> str:
    if moment is None:
        return "never"
    days = (today.date() - moment.date()).days
    if days == 0:
        return f"today {moment:%H:%M}"
    if days == 1:
        return "yesterday"
    return f"{moment:%a %d %b %Y}"


class DetailPane(Vertical):
    """Shows a DetailView; the note is read-only text until editing starts."""

    COMPONENT_CLASSES = STATUS_COMPONENT_CLASSES
    # repaint=False: the parts that changed repaint themselves, not the whole pane.
    view: reactive[DetailView | None] = reactive(None, always_update=True, repaint=False)

    def __init__(self, *, ascii_glyphs: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._glyphs = glyphs(ascii_glyphs)
        self._ascii = ascii_glyphs
        self._shown: dict[str, Text] = {}
        self._rows: dict[str, int] = {}
        self._editor: NoteEditor | None = None
        self._editor_mounted: AwaitMount | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="detail-where")
        yield Static(id="detail-title")
        yield Static(id="detail-status")
        # What the roadmap says about the node, then the learner's note (or its contents).
        with VerticalScroll(id="detail-body"):
            yield Static(id="detail-about")
            yield Static(id="detail-notes-label")
            yield Static(id="detail-text")
        yield Static(id="detail-hint")

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_editor_if_running)
        self.app.theme_changed_signal.subscribe(self, self._restyle)

    def _restyle(self, _theme: Theme) -> None:
        """The theme's colours are in the texts shown: shown again in the new ones."""
        self._shown.clear()
        self.watch_view(self.view)

    def _mount_editor_if_running(self) -> None:
        # Not if the app quit meanwhile (`q` typed ahead): the pane has gone already.
        if self.is_attached:
            self._mount_editor()

    def _mount_editor(self) -> AwaitMount:
        """Mount the editor, hidden; filled only when editing starts, so moving through
        the tree never rebuilds one. Done once the first frame is out (a TextArea and
        its styles are a tenth of a start-up), or at once if a note is opened first."""
        if self._editor_mounted is None:
            from dlroadmap.app.widgets.note_editor import NoteEditor

            self._editor = NoteEditor(id="note-editor")
            self._editor.display = False
            self._editor_mounted = self.mount(self._editor, before="#detail-hint")
        return self._editor_mounted

    @property
    def editor(self) -> NoteEditor | None:
        """The notes editor while a note is being edited, else None."""
        editor = self._editor
        return editor if editor is not None and editor.node_id is not None else None

    def _show(self, selector: str, text: Text) -> None:
        """Update one part, only if it changed: every repaint goes down the SSH link."""
        widget = self.query_one(selector, Static)
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            # A part as many rows high as before needs no new layout of the pane.
            width = widget.content_size.width
            rows = (
                sum(max(1, -(-cell_len(line) // width)) for line in text.plain.split("\n"))
                if width
                else -1
            )
            widget.update(text, layout=rows < 0 or self._rows.get(selector) != rows)
            self._rows[selector] = rows

    def watch_view(self, view: DetailView | None) -> None:
        if view is None:
            return
        where = path_separator(self._ascii).join(map(printable, view.where))
        self._show("#detail-where", Text(where))
        title = inline_text(view.title)
        title.no_wrap = False
        self._show("#detail-title", title)
        about = about_text(view.about, muted_style(self))
        self.query_one("#detail-about").display = bool(about)
        self._show("#detail-about", about)
        if isinstance(view, ItemView):
            self._show_item(view)
        else:
            self._show_group(view)

    def _show_item(self, view: ItemView) -> None:
        today = datetime.now().astimezone()
        status = Text.assemble(
            # The mark in the status's colour; the word muted, as readable in every theme
            # as the words around it (a light theme's green is not, as text).
            (f"{self._glyphs[view.status]} ", status_style(self, view.status)),
            (LABELS[view.status], muted_style(self)),
            f" · changed {when(view.status_changed, today)}" if view.status_changed else "",
            f" · note edited {when(view.note_changed, today)}" if view.note else "",
        )
        self._show("#detail-status", status)
        self._show("#detail-notes-label", Text("Notes"))
        body = (
            Text(printable_lines(view.note))
            if view.note
            else Text(
                f"No notes yet. Press {self._keys('note.edit')} to write one.", muted_style(self)
            )
        )
        if view.children:
            body = Text.assemble(body, "\n\n", self._children_text(view.children))
        self._show("#detail-text", body)
        keys = self._keys
        marks = " ".join(keys(f"status.{s}") for s in ("in_progress", "skipped", "todo"))
        if view.about.links:  # room for one more key at 80 columns: "done" goes
            hint = f"{keys('links.open')} link · {keys('note.edit')} note · "
            hint += f"{keys('status.done')} {marks} status"
        else:
            hint = f"{keys('note.edit')} note · {keys('status.done')} done · {marks} status"
        self._show("#detail-hint", Text(hint))

    def _show_group(self, view: GroupView) -> None:
        tally = view.tally
        if view.about.aside:
            # Nothing in it is counted: why, instead of a bar of nothing.
            why = f"Not in the plan: {printable(view.about.aside)}"
            summary = Text(f"{why} · {self._keys('plan.toggle')} brings it in", muted_style(self))
        else:
            summary = self._summary(tally)
        self._show("#detail-status", summary)
        self._show("#detail-notes-label", Text("Contents"))
        self._show("#detail-text", self._children_text(view.children))
        keys = self._keys
        arrows = f"{keys('tree.collapse', first=True)} {keys('tree.expand', first=True)}"
        hint = f"{keys('tree.activate')} open/close · {arrows}"
        if view.about.aside:
            hint = f"{keys('plan.toggle')} into the plan · {hint}"
        elif tally.total:
            hint = f"{keys('status.done')} {keys('status.skipped')} all · {hint}"
        self._show("#detail-hint", Text(hint))

    def _summary(self, tally: Tally) -> Text:
        """A group's progress: a bar, done of all, and what is in progress or skipped."""
        summary = Text(
            f"{bar(tally.fraction, 20, self._ascii)} {tally.done}/{tally.total} done"
            f" · {percent(tally)}%"
        )
        if tally.in_progress:
            summary.append(f" · {tally.in_progress} in progress")
        if tally.skipped:
            summary.append(f" · {tally.skipped} skipped (not counted)")
        return summary

    def _keys(self, command_id: str, *, first: bool = False, short: bool = True) -> str:
        """The keys in force for a command, named as the hints name them."""
        return named_keys(command_id, keymap_in_force(self.app), first=first, short=short)

    def _children_text(self, children: tuple[ChildLine, ...], indent: str = "") -> Text:
        lines = Text()
        for index, child in enumerate(children):
            if index:
                lines.append("\n")
            lines.append(indent)
            if child.status is not None:
                lines.append(f"{self._glyphs[child.status]} ", status_style(self, child.status))
            title = inline_text(child.title)
            if child.children:
                title.stylize("bold")
            lines.append_text(title)
            if child.tally is not None and child.tally.total:
                lines.append(f"  {child.tally.done}/{child.tally.total}", muted_style(self))
            if child.children:
                lines.append("\n")
                lines.append_text(self._children_text(child.children, indent + "  "))
        return lines

    async def start_editing(self, node_id: str, text: str) -> NoteEditor:
        """Show the editor on this note and focus it at once, so no keystroke goes astray."""
        self.stop_editing()
        await self._mount_editor()
        editor = self._editor
        assert editor is not None
        editor.open_note(node_id, text)
        self.query_one("#detail-body").display = False
        editor.display = True
        self.add_class("-editing")
        # Through _show, which remembers what each part shows: the hint comes back after.
        done = self._keys("note.close", short=False)
        self._show("#detail-hint", Text(f"{done} done editing · saved as you type"))
        self.screen.set_focus(editor)
        return editor

    def stop_editing(self) -> None:
        """Back to the read-only note (the screen has taken any unsaved text first)."""
        editor = self.editor
        if editor is None:
            return
        editor.close_note()
        self.remove_class("-editing")
        editor.display = False
        self.query_one("#detail-body").display = True
