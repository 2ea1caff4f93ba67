"""`dlroadmap review` at the shell: what it prints, piped or on a pty, and what it loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find
from tests.ptytools import Terminal, state_home

FIRST = "Understand what Deep Learning is"


def _review(tmp_path: Path, *args: str, tty: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **state_home(tmp_path)}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def _progress(tmp_path: Path) -> Store:
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, tmp_path / "data" / "dlroadmap" / "roadmaps")
    store.set_status(find(store.roadmap, FIRST), Status.DONE)
    store.set_note(find(store.roadmap, "Learn key math foundations"), "linear algebra first")
    return store


def test_review_prints_today_and_exits(tmp_path: Path) -> None:
    _progress(tmp_path)
    result = _review(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "streak 1 day" in result.stdout
    assert "Today       1 done · 1 note" in result.stdout
    assert "\x1b" not in result.stdout  # piped: plain text
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_review_json_agrees(tmp_path: Path) -> None:
    store = _progress(tmp_path)
    data = json.loads(_review(tmp_path, "--json").stdout)
    assert data["streak"] == 1
    assert data["totals"]["done"] == 2  # one ticked in the markdown, one by the user
    assert data["totals"]["total"] == 53
    assert [i["id"] for i in data["done"]["today"]] == [find(store.roadmap, FIRST).id]
    assert data["next"][0]["id"] == find(store.roadmap, "Learn key math foundations").id


def test_review_has_colour_on_a_terminal_and_none_with_no_color(tmp_path: Path) -> None:
    _progress(tmp_path)
    coloured = Terminal(["review"], state_home(tmp_path), size=(80, 40))
    assert coloured.wait_for(b"more")  # the calendar's legend, near the end
    assert coloured.close() == 0
    assert b"\x1b[" in coloured.output
    plain = Terminal(["review"], {**state_home(tmp_path), "NO_COLOR": "1"}, size=(80, 40))
    assert plain.wait_for(b"more")
    assert plain.close() == 0
    assert b"\x1b[" not in plain.output
    assert b"streak 1 day" in plain.output


def test_review_does_not_import_textual(tmp_path: Path) -> None:
    _progress(tmp_path)
    result = _review(tmp_path)
    assert result.returncode == 0
    imported = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dlroadmap", "review"],
        capture_output=True,
        text=True,
        env={**os.environ, **state_home(tmp_path)},
        timeout=60,
        check=False,
    ).stderr
    assert "dlroadmap.review.build" in imported
    assert "textual" not in imported
    assert " rich" not in imported


def test_the_text_review_does_not_load_heavy_modules() -> None:
    code = (
        "import sys, dlroadmap.review.build, dlroadmap.review.text; "
        "print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'textual', 'rich', 'mistune', 'fsrs', 'tomli_w', 'platformdirs', 'filelock'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_second_review_does_not_import_the_markdown_parser(tmp_path: Path) -> None:
    env = {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
    }
    command = [sys.executable, "-X", "importtime", "-m", "dlroadmap", "review"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert first.returncode == second.returncode == 0
    assert "mistune" in first.stderr
    assert "mistune" not in second.stderr
    assert second.stdout == first.stdout
