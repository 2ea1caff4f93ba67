"""Settings that outlive a session: a small TOML file under the user's config folder.

    theme = "nord"          # any Textual theme (the palette's "Change theme" sets it)
    mouse = false           # like --no-mouse: the terminal's own selection works
    [keymap]                # remap keys by binding id, as the help screen names them
    "status.done" = "d"

A file that cannot be read is reported and left alone; the app runs on defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from dlroadmap.common.files import write_atomically
from dlroadmap.locations import APP_NAME


def config_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


@dataclass(frozen=True, slots=True)
class Config:
    """The user's settings (config.toml)."""

    theme: str | None = None
    mouse: bool = True
    keymap: dict[str, str] = field(default_factory=dict)
    # Keys of a newer dlroadmap, written back as they were.
    extra: dict[str, Any] = field(default_factory=dict)

    def with_theme(self, theme: str) -> Config:
        return replace(self, theme=theme)


def load_config(path: Path) -> tuple[Config, str | None]:
    """The settings, and what is wrong with the file if it could not be used."""
    if not path.exists():
        return Config(), None
    # Imported here: most users have no settings file, and a start need not pay for it.
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(), f"Settings in {path} were not used: {error}. Running on defaults."
    theme, mouse, keymap = data.get("theme"), data.get("mouse", True), data.get("keymap", {})
    if not (
        (theme is None or isinstance(theme, str))
        and isinstance(mouse, bool)
        and isinstance(keymap, dict)
        and all(isinstance(v, str) for v in keymap.values())
    ):
        return Config(), (
            f"Settings in {path} were not used: theme should be a string, mouse true or "
            "false, and [keymap] binding ids set to keys. Running on defaults."
        )
    extra = {k: v for k, v in data.items() if k not in ("theme", "mouse", "keymap")}
    return Config(theme, mouse, keymap, extra), None


def save_config(path: Path, config: Config) -> None:
    data: dict[str, Any] = dict(config.extra)
    if config.theme is not None:
        data["theme"] = config.theme
    data["mouse"] = config.mouse
    if config.keymap:
        data["keymap"] = dict(sorted(config.keymap.items()))
    write_atomically(path, tomli_w.dumps(data))
