"""Settings that outlive a session: a small TOML file under the user's config folder.

    theme = "nord"          # any Textual theme (the palette's "Change theme" sets it)
    mouse = false           # like --no-mouse: the terminal's own selection works
    show = "not_done"       # which topics the tree shows: all, not_done, in_progress, todo
    tree_width = 40         # the tree's share of the width, in percent (`<` `>` set it)
    sync = "auto"           # sync through git when the app starts and quits (or "off")
    weekly_goal = 5         # topics to finish a week: Today and review measure you by it
    [keymap]                # remap keys by binding id (the README lists them)
    "status.done" = "d"

A file that cannot be read is reported and left alone, never written over; the app runs
on defaults. Saving a setting changes that setting's line only, comments and all kept. Settings
that cannot work as meant (an unknown theme or binding id, a key taken twice) are reported
too, each by name, and the rest is used.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import platformdirs

from dlroadmap.common.files import open_file, write_atomically
from dlroadmap.common.printable import printable_path
from dlroadmap.errors import DlroadmapError
from dlroadmap.locations import APP_NAME


def config_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


# The tree's share of the window's width, in percent, and how far it may go.
TREE_WIDTH = 50
TREE_WIDTHS = range(20, 81)
SHOWS = ("all", "not_done", "in_progress", "todo")
MAX_WEEKLY_GOAL = 1000


# A NamedTuple: defined at every start, at a fraction of a frozen dataclass's cost.
class Config(NamedTuple):
    """The user's settings (config.toml)."""

    theme: str | None = None
    mouse: bool = True
    show: str = "all"
    tree_width: int = TREE_WIDTH
    # Read-only, as the default is shared by every Config.
    keymap: Mapping[str, str] = MappingProxyType({})
    # "auto": the app syncs (dlroadmap sync) as it starts and as it quits.
    sync: str = "off"
    # Topics a week the learner means to finish (None: no goal set).
    weekly_goal: int | None = None

    def with_theme(self, theme: str) -> Config:
        return self._replace(theme=theme)

    def with_view(self, show: str, tree_width: int) -> Config:
        return self._replace(show=show, tree_width=tree_width)


def load_config(path: Path) -> tuple[Config, str | None]:
    """The settings, and what is wrong with the file if it could not be used."""
    if not path.exists():
        return Config(), None
    # Imported here: most users have no settings file, and a start need not pay for it.
    import tomllib

    try:
        with open_file(path) as file:  # a named pipe there is refused, never waited on
            data = tomllib.loads(file.read().decode("utf-8"))
    except FileNotFoundError:
        return Config(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(), _not_used(path, str(error))
    config = _config_from(data)
    if config is None:
        return Config(), _not_used(path, _WRONG_TYPES)
    return config, None


def _not_used(path: Path, problem: str) -> str:
    return f"Settings in {printable_path(path)} were not used: {problem}. Running on defaults."


_WRONG_TYPES = (
    f'theme should be a string, mouse true or false, sync "auto" or "off", show one of '
    f"{', '.join(SHOWS)}, tree_width a number from {TREE_WIDTHS[0]} to {TREE_WIDTHS[-1]}, "
    f"weekly_goal a whole number from 1 to {MAX_WEEKLY_GOAL}, and [keymap] binding ids set "
    "to keys"
)


def _config_from(data: Mapping[str, Any]) -> Config | None:
    """The settings in a parsed file; None if a value is not of its kind."""
    theme, mouse, keymap = data.get("theme"), data.get("mouse", True), data.get("keymap", {})
    show, width = data.get("show", "all"), data.get("tree_width", TREE_WIDTH)
    sync, goal = data.get("sync", "off"), data.get("weekly_goal")
    if not (
        (theme is None or isinstance(theme, str))
        and isinstance(mouse, bool)
        and show in SHOWS
        and isinstance(width, int)
        and width in TREE_WIDTHS
        and isinstance(keymap, dict)
        and all(isinstance(v, str) for v in keymap.values())
        and sync in ("auto", "off")
        and (goal is None or _is_goal(goal))
    ):
        return None
    return Config(theme, mouse, show, width, dict(keymap), sync, goal)


def _is_goal(value: object) -> bool:
    # A bool is an int to Python; `weekly_goal = true` is not a number of topics.
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_WEEKLY_GOAL


def unused_settings(
    config: Config, path: Path, *, themes: Collection[str], keymap_problems: Sequence[str]
) -> str | None:
    """What in readable settings cannot work as meant, in one message naming the file; None
    if all can.

    The keymap's problems are the app's to find (it knows the bindings), as are its themes.
    """
    problems = list(keymap_problems)
    if config.theme is not None and config.theme not in themes:
        problems.append(f'theme "{config.theme}" is not a theme here (the default is used)')
    if not problems:
        return None
    return f"Settings in {printable_path(path)}:\n" + "\n".join(problems)


class SettingsNotSaved(DlroadmapError):
    """A setting applies in this session but could not be written to the settings file."""

    def __str__(self) -> str:
        return (
            f"Settings could not be saved to {printable_path(self.path)}: {self.problem} "
            "Changes apply until dlroadmap quits."
        )


def save_config(path: Path, config: Config) -> None:
    """Write into the settings file what differs in `config`, leaving the rest of it (other
    keys, comments, order, spacing) byte for byte as it was; SettingsNotSaved (never a bare
    OSError) if that cannot be done, and never over a file that cannot be read.
    """
    # Imported here: only a change of setting needs it, never a start.
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        with open_file(path) as file:
            text = file.read().decode("utf-8")
        document = tomlkit.parse(text)
    except FileNotFoundError:
        document = tomlkit.document()
    except (UnicodeDecodeError, TOMLKitError) as error:
        raise SettingsNotSaved(
            path, f"it cannot be read ({error}), so it is left as it is."
        ) from None
    except OSError as error:
        raise SettingsNotSaved(path, f"{error.strerror or error}.") from None
    if _config_from(document.unwrap()) is None:
        # What was not used is not replaced with defaults either: the user mends it.
        raise SettingsNotSaved(path, f"{_WRONG_TYPES}, so it is left as it is.")
    _put(document, "theme", config.theme, None)
    _put(document, "mouse", config.mouse, True)
    _put(document, "show", config.show, "all")
    _put(document, "tree_width", config.tree_width, TREE_WIDTH)
    _put(document, "sync", config.sync, "off")
    _put(document, "weekly_goal", config.weekly_goal, None)
    keymap = document.get("keymap")
    if config.keymap != (keymap or {}):
        if not isinstance(keymap, dict):
            keymap = document["keymap"] = tomlkit.table()
        for binding in [b for b in keymap if b not in config.keymap]:
            del keymap[binding]
        for binding, keys in sorted(config.keymap.items()):
            _put(keymap, binding, keys, None)
    try:
        write_atomically(path, tomlkit.dumps(document))
    except OSError as error:
        raise SettingsNotSaved(path, f"{error.strerror or error}.") from None


def _put(table: MutableMapping[str, Any], key: str, value: object, default: object) -> None:
    """Set `key` only if its value changes: an unchanged line keeps its form and comment."""
    if table.get(key, default) == value:
        return
    if value is None:
        del table[key]
    else:
        table[key] = value


@dataclass(slots=True)
class SettingsSaver:
    """Saves settings to `path`, raising SettingsNotSaved only for the first of a run of
    failures: browsing themes saves at each one, and the user is told once, not each time."""

    path: Path
    failing: bool = False

    def __call__(self, config: Config) -> None:
        try:
            save_config(self.path, config)
        except SettingsNotSaved:
            if not self.failing:
                self.failing = True
                raise
            return
        self.failing = False
