"""A revisit card edited by hand into another valid form (whole numbers, a `Z` for UTC)
still opens and rates in the app, as FSRS reads it."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import tomli_w

from dlroadmap.roadmap.model import Status
from tests.apptools import find, make_app, saved, screen_text

FIRST = "Understand what Deep Learning is"


async def test_a_hand_edited_card_rates_with_one_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    node = find(app.roadmap, FIRST)
    app.store.set_status(node, Status.DONE, when=datetime.now().astimezone() - timedelta(days=9))
    data = tomllib.loads(app.store.path.read_text(encoding="utf-8"))
    yesterday = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    data["items"][node.id]["revisit"].update(stability=3, difficulty=5, due=yesterday)
    app.store.path.write_text(tomli_w.dumps(data), encoding="utf-8")

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "Revisit     ✓ Understand what Deep Learning is" in screen_text(app)
        items = app.screen.query_one("#today-items")
        items.highlighted = next(i for i, o in enumerate(items.options) if o.id == node.id)
        await pilot.press("3")
        await pilot.pause()
        assert "Revisit     nothing due" in screen_text(app)
    card = saved(app)[node.id]["revisit"]
    assert datetime.fromisoformat(card["due"]).date() > date.today()
    assert card["stability"] > 3
