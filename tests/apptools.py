"""Building the app for Pilot and snapshot tests, with its state in a temp folder."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path
from typing import Any

from textual.app import App

from dlroadmap.app.app import RoadmapApp
from dlroadmap.model import Node, Roadmap
from dlroadmap.source import bundled_roadmap_path, load_roadmap
from dlroadmap.store import Store


def make_app(state_folder: Path, roadmap_path: Path | None = None) -> RoadmapApp:
    path = roadmap_path or bundled_roadmap_path()
    roadmap = load_roadmap(path)
    return RoadmapApp(roadmap, Store.open(roadmap, path, state_folder))


def saved(app: RoadmapApp) -> dict[str, Any]:
    """What is in the state file on disk, read independently of the store."""
    path = app.store.path
    if not path.exists():
        return {}
    return tomllib.loads(path.read_text("utf-8")).get("items", {})


def find(roadmap: Roadmap, text: str) -> Node:
    return next(node for node in roadmap.walk() if node.text == text)


_TEXT_RUN = re.compile(r'<text[^>]*clip-path="url\(#[\w-]*-line-(\d+)\)"[^>]*>([^<]*)</text>')


def screen_text(app: App[object]) -> str:
    """The characters on screen, line by line, as a user would read them."""
    lines: dict[int, list[str]] = {}
    for number, run in _TEXT_RUN.findall(app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(run).replace("\xa0", " "))
    return "\n".join("".join(lines[number]).rstrip() for number in sorted(lines))
