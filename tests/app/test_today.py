"""The daily review: the Today screen in the app and `dlroadmap review` at the shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from dlroadmap.app.screens.today import TodayScreen
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find, make_app, screen_text
from tests.ptytools import Terminal, state_home

SIZE = (80, 24)
FIRST = "Understand what Deep Learning is"


async def test_r_opens_today_and_enter_jumps_to_the_item(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "r")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "streak 1 day" in text
        assert "2/53 done" in text
        assert "Today       1 done  ✓ Understand what Deep Learning is" in text
        # The first pick is Next's first item; enter shows it in the tree.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TodayScreen)
        highlighted = app.screen.query_one("#tree").cursor_node.data
        assert highlighted.text in text


async def test_a_due_topic_is_rated_with_one_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    node = find(app.roadmap, FIRST)
    # Done three days ago: due for its first revisit yesterday.
    app.store.set_status(node, Status.DONE, when=datetime.now().astimezone() - timedelta(days=3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "Revisit     ✓ Understand what Deep Learning is" in screen_text(app)
        items = app.screen.query_one("#today-items")
        items.highlighted = next(i for i, o in enumerate(items.options) if o.id == node.id)
        await pilot.press("3")
        await pilot.pause()
        card = app.store.item(node.id).revisit
        assert card is not None
        assert datetime.fromisoformat(card["due"]).date() > date.today()
        assert "Revisit     nothing due" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, TodayScreen)


async def test_today_fits_80x24_without_scrolling(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "r")
        await pilot.pause()
        body = app.screen.query_one("#today-body")
        assert body.max_scroll_y == 0
        assert "This week" in screen_text(app)


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
