"""Settings that outlive a session: a small TOML file under the user's config folder.

    theme = "nord"          # any Textual theme (the palette's "Change theme" sets it)
    mouse = false           # like --no-mouse: the terminal's own selection works
    show = "not_done"       # which topics the tree shows: all, not_done, in_progress, todo
    tree_width = 40         # the tree's share of the width, in percent (`<` `>` set it)
    [keymap]                # remap keys by binding id (the README lists them)
    "status.done" = "d"

A file that cannot be read is reported and left alone; the app runs on defaults. Settings
that cannot work as meant (an unknown theme or binding id, a key taken twice) are reported
too, each by name, and the rest is used.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

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


@dataclass(frozen=True, slots=True)
class Config:
    """The user's settings (config.toml)."""

    theme: str | None = None
    mouse: bool = True
    show: str = "all"
    tree_width: int = TREE_WIDTH
    keymap: dict[str, str] = field(default_factory=dict)
    # Keys of a newer dlroadmap, written back as they were.
    extra: dict[str, Any] = field(default_factory=dict)

    def with_theme(self, theme: str) -> Config:
        return replace(self, theme=theme)

    def with_view(self, show: str, tree_width: int) -> Config:
        return replace(self, show=show, tree_width=tree_width)


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
        return Config(), (
            f"Settings in {printable_path(path)} were not used: {error}. Running on defaults."
        )
    theme, mouse, keymap = data.get("theme"), data.get("mouse", True), data.get("keymap", {})
    show, width = data.get("show", "all"), data.get("tree_width", TREE_WIDTH)
    if not (
        (theme is None or isinstance(theme, str))
        and isinstance(mouse, bool)
        and show in SHOWS
        and isinstance(width, int)
        and width in TREE_WIDTHS
        and isinstance(keymap, dict)
        and all(isinstance(v, str) for v in keymap.values())
    ):
        return Config(), (
            f"Settings in {printable_path(path)} were not used: theme should be a string, "
            f"mouse true or false, show one of {', '.join(SHOWS)}, tree_width a number from "
            f"{TREE_WIDTHS[0]} to {TREE_WIDTHS[-1]}, and [keymap] binding ids set to keys. "
            "Running on defaults."
        )
    extra = {k: v for k, v in data.items() if k not in _KNOWN}
    return Config(theme, mouse, show, width, keymap, extra), None


_KNOWN = ("theme", "mouse", "show", "tree_width", "keymap")


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
    """Write the settings; SettingsNotSaved (never a bare OSError) if they cannot be."""
    data: dict[str, Any] = dict(config.extra)
    if config.theme is not None:
        data["theme"] = config.theme
    data["mouse"] = config.mouse
    if config.show != "all":
        data["show"] = config.show
    if config.tree_width != TREE_WIDTH:
        data["tree_width"] = config.tree_width
    if config.keymap:
        data["keymap"] = dict(sorted(config.keymap.items()))
    try:
        write_atomically(path, tomli_w.dumps(data))
    except OSError as error:
        raise SettingsNotSaved(path, f"{error.strerror or error}.") from None


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
