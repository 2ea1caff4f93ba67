"""The dlroadmap Textual app: a thin shell around the main screen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.command import Provider
from textual.screen import Screen

from dlroadmap.app.commands import (
    Scope,
    bindings,
    in_palette,
    keymap_problems,
    keys_in_force,
    palette_help,
)
from dlroadmap.app.lifecycle import Lifecycle
from dlroadmap.app.screens.main import MainScreen
from dlroadmap.app.textual_internals.keymap import keymap_in_force, show_palette_key
from dlroadmap.app.textual_internals.orderly_keys import OrderlyKeysApp
from dlroadmap.config import Config, config_path, unused_settings
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Roadmap


@dataclass
class Settings:
    """The user's settings, and how to keep a change to them (the app does no file I/O)."""

    config: Config
    save: Callable[[Config], None]
    problem: str | None = None
    path: Path = field(default_factory=config_path)

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
    # The table's commands and Textual's own (see get_system_commands), and every node to jump to.
    COMMANDS = App.COMMANDS | {_roadmap_commands}
    BINDINGS = bindings(Scope.APP)

    def __init__(
        self,
        roadmap: Roadmap,
        store: Store,
        *,
        ascii_glyphs: bool = False,
        today: Callable[[], date] = date.today,
        settings: Settings | None = None,
        source: Path | None = None,
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
        if settings is not None:
            self.set_keymap(settings.config.keymap)
            show_palette_key(
                self, keys_in_force("app.palette", keymap_in_force(self)).split(",")[0]
            )
            if settings.config.theme in self.available_themes:
                self.theme = settings.config.theme
            # Told when the app starts (on_mount), as a file that cannot be read is.
            settings.problem = settings.problem or unused_settings(
                settings.config,
                settings.path,
                themes=self.available_themes,
                keymap_problems=keymap_problems(keymap_in_force(self)),
            )

    def watch_theme(self, theme: str) -> None:
        # The choice (from the palette's "Change theme") is there after a restart.
        if self._settings is not None and theme != self._settings.config.theme:
            self._settings.keep(self._settings.config.with_theme(theme))

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.roadmap, self.store, ascii_glyphs=self._ascii, today=self._today)

    def action_help(self) -> None:
        # Imported here: the review's code loads when first wanted.
        from dlroadmap.app.screens.help import HelpScreen
        from dlroadmap.review.build import RULES

        self.push_screen(HelpScreen(notes=RULES))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's Theme, Quit and Keys (its key panel) are the table's here.
        replaced = {
            self.action_change_theme,
            self.action_quit,
            self.action_show_help_panel,
            self.action_hide_help_panel,
        }
        for textuals in super().get_system_commands(screen):
            if textuals.callback not in replaced:
                yield textuals
        keymap = keymap_in_force(self)
        scopes = {Scope.APP, Scope.MAIN} if isinstance(screen, MainScreen) else {Scope.APP}
        for command in in_palette(scopes):
            node = self if command.scope is Scope.APP else screen
            assert command.palette is not None
            yield SystemCommand(
                command.palette,
                palette_help(command, keymap),
                partial(node.run_action, command.action),
            )

    def action_export(self) -> None:
        """Write `NAME-progress.md` in the current folder, as `dlroadmap export` would."""
        from dlroadmap.export.files import ExportError, export_progress  # only an export pays

        try:
            target = export_progress(
                self.roadmap, self.store.status, self.store.note, self._source, Path.cwd()
            )
        except ExportError as error:
            message = f"Could not export to {error.path}: {error.reason}"
            self.notify(message, severity="error", markup=False)
            return
        self.notify(f"Exported to {target}", title="Export", markup=False)

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
