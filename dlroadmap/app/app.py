"""The dlroadmap Textual app: a thin shell around the main screen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import Provider
from textual.screen import Screen

from dlroadmap.app.commands import Scope, bindings, in_palette, keys_in_force
from dlroadmap.app.edits import Notice
from dlroadmap.app.key_names import palette_help
from dlroadmap.app.keymap_check import keymap_problems
from dlroadmap.app.lifecycle import Lifecycle
from dlroadmap.app.notices import tell
from dlroadmap.app.screens.main import MainScreen
from dlroadmap.app.textual_internals.keymap import keymap_in_force, show_palette_key
from dlroadmap.app.textual_internals.orderly_keys import OrderlyKeysApp
from dlroadmap.app.textual_internals.style_cache import StyleCache
from dlroadmap.app.view import View
from dlroadmap.config import Config, config_path, unused_settings
from dlroadmap.errors import DlroadmapError
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.filtering import Show
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.shelf.access import ShelfAccess
from dlroadmap.shelf.kept import url_of

if TYPE_CHECKING:
    from dlroadmap.app.auto_sync import AutoSync
    from dlroadmap.app.open_link import Browse


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
        browse: Browse | Literal["system"] | None = "system",
        shelf: ShelfAccess | None = None,
        style_cache: StyleCache | None = None,
    ) -> None:
        super().__init__()
        # The roadmaps to switch to (None: the Roadmaps screen is not offered).
        self._shelf = shelf
        # The roadmap as parsed (the store's has what the learner brought into the plan).
        self.roadmap = roadmap
        self.store = store
        # The markdown file, watched for edits (None: not watched).
        self._source = source
        self._lifecycle = Lifecycle(
            self, source, lambda: self.roadmap, self._show_roadmap, self._save_and_exit
        )
        self._ascii = ascii_glyphs
        # Borders too (app.tcss): a terminal without the symbols has no box drawing either.
        self.set_class(ascii_glyphs, "-ascii")
        # Injected so that tests and screenshots can fix the day the review is for.
        self._today = today
        # Opens a link (`o`): "system" is the system's browser, if any (see open_link.py).
        self._browse = browse
        self._settings = settings
        self._style_cache = style_cache
        # Why the last save at quit failed, to say so.
        self._save_problem = ""
        self._auto_sync = self._syncing(settings)
        self._quitting = False
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

    def _syncing(self, settings: Settings | None) -> AutoSync | None:
        """The app's own syncs, when the settings say sync = "auto"."""
        if settings is None or settings.config.sync != "auto":
            return None
        from dlroadmap.app.auto_sync import AutoSync  # only a syncing app loads sync's code
        from dlroadmap.locations import data_dir

        return AutoSync(self, data_dir(), shown=self.on_app_focus)

    def watch_theme(self, theme: str) -> None:
        # The choice (from the palette's "Change theme") is there after a restart.
        if self._settings is not None and theme != self._settings.config.theme:
            self._keep(self._settings.config.with_theme(theme))

    def _keep_view(self, show: Show, tree_width: int) -> None:
        """What the tree shows and how wide it is, there after a restart."""
        if self._settings is not None:
            self._keep(self._settings.config.with_view(show.value, tree_width))

    def _keep(self, config: Config) -> None:
        from dlroadmap.config import SettingsNotSaved  # only a change of settings needs it

        assert self._settings is not None
        try:
            self._settings.keep(config)
        except SettingsNotSaved as error:
            # The setting is in use all the same; only the next start will not have it.
            tell(self, Notice(str(error), severity="warning", timeout=10))

    def get_default_screen(self) -> MainScreen:
        config = self._settings.config if self._settings is not None else Config()
        return MainScreen(
            self.store,
            ascii_glyphs=self._ascii,
            today=self._today,
            browse=self._browse,
            view=View(Show(config.show), config.tree_width, self._keep_view),
            weekly_goal=config.weekly_goal,
            source=self._source,
        )

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
            unmatched = [(saved.text, saved.note) for _, saved in self.store.unmatched()]
            target = export_progress(
                self.store.roadmap,
                self.store.status,
                self.store.note,
                self._source,
                Path.cwd(),
                unmatched,
            )
        except ExportError as error:
            message = f"Could not export to {error.path}: {error.reason}"
            tell(self, Notice(message, severity="error"))
            return
        tell(self, Notice(f"Exported to {target}", title="Export"))

    def action_update_roadmap(self) -> None:
        """Fetch the roadmap's latest version into its kept copy; the file watcher then
        shows what changed, as for any edit, and progress follows its topics."""
        if self._source is None or url_of(self._source) is None:
            message = "This roadmap was not added from a URL: there is nothing to update it from."
            tell(self, Notice(message, severity="warning"))
            return
        tell(self, Notice("Fetching its latest version…", title="Update"))
        self.run_worker(
            partial(self._fetch_latest, self._source),
            thread=True,
            group="update",
            exit_on_error=False,
        )

    def _fetch_latest(self, source: Path) -> None:
        """In a worker thread: the network may take seconds."""
        from dlroadmap.fetch.update import refresh  # only an update loads urllib

        try:
            changed = refresh(source)
        except DlroadmapError as error:
            self.call_from_thread(tell, self, Notice(str(error), severity="error"))
            return
        told = "Fetched: what changed shows in a moment." if changed else "It is up to date."
        self.call_from_thread(tell, self, Notice(told, title="Update"))

    def on_load(self) -> None:
        # The CSS is read by now, not yet parsed: that happens as the first screen mounts.
        if self._style_cache is not None:
            self._style_cache.restore(self.stylesheet)

    def on_mount(self) -> None:
        if self.store.recovered:
            tell(
                self,
                Notice(
                    "Changes a session could not save before it quit were merged back in "
                    f"(from {', '.join(path.name for path in self.store.recovered)}).",
                    title="Recovered",
                    timeout=15,
                ),
            )
        for problem in self.store.unreadable_recovery:
            tell(self, Notice(problem, severity="warning", timeout=15))
        self.call_after_refresh(self._after_first_frame)
        if self._settings is not None and self._settings.problem:
            tell(self, Notice(self._settings.problem, severity="warning", timeout=15))
        self._lifecycle.start()

    def _after_first_frame(self) -> None:
        """What would only slow the first frame down: watching the file, collecting garbage
        (start-up makes objects by the hundred thousand and frees almost none)."""
        gc.enable()
        self._lifecycle.watch()
        if self._auto_sync is not None:
            self._auto_sync.at_start()

    def on_unmount(self) -> None:
        self._lifecycle.stop()
        if self._style_cache is not None:
            # What this run parsed, the styles of screens opened after the first frame too.
            self._style_cache.keep(self.stylesheet)

    def _show_roadmap(self, roadmap: Roadmap) -> None:
        self.roadmap = roadmap
        for screen in self._main_screens():
            screen.replace_roadmap(roadmap)

    def _main_screens(self) -> list[MainScreen]:
        return [screen for screen in self.screen_stack if isinstance(screen, MainScreen)]

    def _save_and_exit(self) -> None:
        """A hang-up, a shutdown, a vanished terminal: no one to ask, so what cannot be
        saved goes to a recovery file at once."""
        if self._saved_now():
            self.exit()
        else:
            self._exit_keeping_unsaved()

    def _saved_now(self) -> bool:
        """Save what is on screen and what earlier saves left pending; whether all is saved."""
        for screen in self._main_screens():
            screen.commit()
        if not (self.store.writable and self.store.pending):
            return True
        try:
            self.store.save()
        except (OSError, DlroadmapError) as error:
            self._save_problem = str(error)
            return False
        return True

    def _exit_keeping_unsaved(self) -> None:
        """Exit with what could not be saved in a recovery file; if even that cannot be
        written, with every unsaved change on stderr and a non-zero status."""
        from dlroadmap.progress.recovery import lost_paragraph

        try:
            kept = self.store.keep_unsaved()
        except OSError as error:
            lost = lost_paragraph(
                self.store.path, self.store.unsaved_items(), error.strerror or str(error)
            )
            self.exit(return_code=1, message=Text(lost))
            return
        told = f"dlroadmap: changes that could not be saved are kept in {kept}; "
        self.exit(message=Text(told + "the next start merges them back in."))

    async def action_quit(self) -> None:
        if self._quitting:
            return  # syncing before quitting already
        if self._saved_now():
            await self._exit_synced()
            return
        from dlroadmap.app.screens.unsaved import UnsavedScreen

        topics = [item.text or key for key, item in sorted(self.store.unsaved_items().items())]
        self.push_screen(UnsavedScreen(self._save_problem, topics), self._unsaved_chosen)

    async def action_interrupt(self) -> None:
        """`ctrl+c`: quit, saving, from any screen; pressed again while asked about changes
        that cannot be saved, they go to the recovery file, so it always gets out."""
        from dlroadmap.app.screens.unsaved import UnsavedScreen

        if isinstance(self.screen, UnsavedScreen):
            self._exit_keeping_unsaved()
        else:
            await self.action_quit()

    async def _exit_synced(self) -> None:
        """Exit, after a sync of at most a few seconds when the settings ask for it."""
        if self._auto_sync is None:
            self.exit()
            return
        self._quitting = True
        tell(self, Notice("Syncing before quitting…", title="Sync", timeout=10))
        said = await self._auto_sync.at_quit()
        self.exit(message=Text(said) if said else None)

    async def _unsaved_chosen(self, choice: str | None) -> None:
        if choice == "retry":
            await self.action_quit()
        elif choice == "keep":
            self._exit_keeping_unsaved()

    def on_roadmaps_wanted(self) -> None:
        if self._shelf is None:
            return
        from dlroadmap.app.screens.roadmaps import RoadmapsScreen  # loaded when first wanted

        screen = RoadmapsScreen(self._shelf, self.store.path, ascii_glyphs=self._ascii)
        self.push_screen(screen, self._chosen)

    def _chosen(self, source: Path | None) -> None:
        # Once the Roadmaps screen has gone: the main screen is then the one to replace.
        if source is not None:
            self.call_later(self._switch_to, source)

    async def _switch_to(self, source: Path) -> None:
        """Show the roadmap in `source` in place of this one, saved first."""
        if self._shelf is None:
            return
        if not self._saved_now():
            message = (
                f"Still on this roadmap: its changes could not be saved ({self._save_problem})."
            )
            tell(self, Notice(message, severity="error"))
            return
        try:
            roadmap, store = self._shelf.open(source)
        except DlroadmapError as error:
            tell(self, Notice(str(error), severity="error"))
            return
        self.store.keep_in_cache()
        self.roadmap, self.store, self._source = roadmap, store, source
        self._lifecycle.follow(source)
        for screen in self._main_screens():
            await screen.show_other(store, source)

    def on_app_focus(self) -> None:
        for screen in self._main_screens():
            screen.take_in_other_sessions()
