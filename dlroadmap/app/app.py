"""The dlroadmap Textual app: a thin shell around the main screen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen

from dlroadmap.app.lifecycle import Lifecycle
from dlroadmap.app.screens.main import MainScreen
from dlroadmap.app.textual_internals.orderly_keys import OrderlyKeysApp
from dlroadmap.app.textual_internals.style_cache import StyleCache
from dlroadmap.app.widgets.filter_input import FilterInput
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.common.files import write_atomically
from dlroadmap.config import Config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.model import Roadmap


@dataclass
class Settings:
    """The user's settings, and how to keep a change to them (the app does no file I/O)."""

    config: Config
    save: Callable[[Config], None]
    problem: str | None = None

    def keep(self, config: Config) -> None:
        self.config = config
        self.save(config)


def _roadmap_commands() -> type[Provider]:
    # Imported when the palette first opens, as Textual's own providers are.
    from dlroadmap.app.palette import RoadmapCommands

    return RoadmapCommands


class RoadmapApp(OrderlyKeysApp[None]):
    CSS_PATH = "app.tcss"
    TITLE = "dlroadmap"
    # Below 76 columns the help screen stacks its two columns.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]
    # Textual's own commands (Theme, Quit, and Today and Keys below), and every node to jump to.
    COMMANDS = App.COMMANDS | {_roadmap_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Save and quit"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Show this list of keys"),
    ]

    def __init__(
        self,
        roadmap: Roadmap,
        store: Store,
        *,
        ascii_glyphs: bool = False,
        today: Callable[[], date] = date.today,
        settings: Settings | None = None,
        source: Path | None = None,
        style_cache: StyleCache | None = None,
    ) -> None:
        super().__init__()
        self.roadmap = roadmap
        self.store = store
        # The markdown file, watched for edits (None: not watched).
        self._source = source
        self._lifecycle = Lifecycle(
            self, source, lambda: self.roadmap, self._show_roadmap, self._save_and_exit
        )
        self._ascii = ascii_glyphs
        # Injected so that tests and screenshots can fix the day the review is for.
        self._today = today
        self._settings = settings
        self._style_cache = style_cache
        if settings is not None:
            self.set_keymap(settings.config.keymap)
            if settings.config.theme in self.available_themes:
                self.theme = settings.config.theme

    def watch_theme(self, theme: str) -> None:
        # The choice (from the palette's "Change theme") is there after a restart.
        if self._settings is not None and theme != self._settings.config.theme:
            self._settings.keep(self._settings.config.with_theme(theme))

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.roadmap, self.store, ascii_glyphs=self._ascii, today=self._today)

    def action_help(self) -> None:
        # Imported here: the review's and the editor's code load when first wanted.
        from dlroadmap.app.screens.help import HelpScreen
        from dlroadmap.app.screens.today import TodayScreen
        from dlroadmap.app.widgets.note_editor import NoteEditor
        from dlroadmap.review.build import RULES

        moves = [b for b in RoadmapTree.BINDINGS if isinstance(b, Binding) and b.key != "space"]
        self.push_screen(
            HelpScreen(
                left=[("Roadmap tree", [*moves, *_TREE_EXTRAS]), ("Items", MainScreen.BINDINGS)],
                right=[
                    ("Notes editor", [*NoteEditor.BINDINGS, _EDITOR_TAB]),
                    ("Filter", [*FilterInput.BINDINGS, _FILTER_SUBMIT]),
                    ("Today (r)", TodayScreen.BINDINGS),
                    ("App", [*self.BINDINGS, _PALETTE]),
                ],
                notes=RULES,
            )
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield SystemCommand(
                "Today",
                "The daily review: progress, what next, what to revisit",
                screen.action_today,
            )
            yield SystemCommand("Keys", "Every key dlroadmap answers to", self.action_help)
            yield SystemCommand(
                "Export",
                "Write the roadmap with your progress and notes as markdown, here",
                self.action_export,
            )

    def action_export(self) -> None:
        """Write `NAME-progress.md` in the current folder, as `dlroadmap export` would."""
        from dlroadmap.export.markdown import to_markdown  # only an export pays for it

        target = (
            Path.cwd() / f"{slugify(self.roadmap.text, max_length=40) or 'roadmap'}-progress.md"
        )
        if self._source is not None and target.resolve() == self._source.resolve():
            target = target.with_name(f"{target.stem}-export.md")
        try:
            write_atomically(target, to_markdown(self.roadmap, self.store.status, self.store.note))
        except OSError as error:
            self.notify(f"Could not export to {target}: {error}", severity="error", markup=False)
            return
        self.notify(f"Exported to {target}", title="Export", markup=False)

    def on_load(self) -> None:
        # The CSS is read by now, not yet parsed: that happens as the first screen mounts.
        if self._style_cache is not None:
            self._style_cache.restore(self.stylesheet)

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        if self._settings is not None and self._settings.problem:
            self.notify(self._settings.problem, severity="warning", markup=False, timeout=15)
        self._lifecycle.start()

    def _after_first_frame(self) -> None:
        """What would only slow the first frame down: watching the file, collecting garbage
        (start-up makes objects by the hundred thousand and frees almost none)."""
        gc.enable()
        self._lifecycle.watch()

    def on_unmount(self) -> None:
        self._lifecycle.stop()
        if self._style_cache is not None:
            # What this run parsed, the styles of widgets made after the first frame too.
            self._style_cache.keep(self.stylesheet)

    def _show_roadmap(self, roadmap: Roadmap) -> None:
        self.roadmap = roadmap
        for screen in self._main_screens():
            screen.replace_roadmap(roadmap)

    def _main_screens(self) -> list[MainScreen]:
        return [screen for screen in self.screen_stack if isinstance(screen, MainScreen)]

    def _save_and_exit(self) -> None:
        for screen in self._main_screens():
            screen.commit()
        self.exit()

    def on_app_focus(self) -> None:
        for screen in self._main_screens():
            screen.take_in_other_sessions()

    async def action_quit(self) -> None:
        self._save_and_exit()


# Keys Textual's widgets handle themselves, listed so the help screen covers every key.
_TREE_EXTRAS = [
    Binding("shift+up,shift+down", "", "Sibling", tooltip="Previous / next sibling"),
    Binding("shift+left", "", "Parent", tooltip="Jump to the parent"),
]
_FILTER_SUBMIT = Binding("enter", "", "Go", tooltip="First match, back to the tree")
_EDITOR_TAB = Binding("tab", "", "Leave", tooltip="Leave the editor (saved)")
_PALETTE = Binding("ctrl+p", "", "Palette", tooltip="Command palette")
