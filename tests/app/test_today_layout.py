"""The Today screen laid out for the room it has: nothing cut that fits, no row wrapped
into the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import OptionList, Static

from tests.apptools import make_app


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (40, 12)])
async def test_today_fits_its_width(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("p", "r")  # something in progress, an action on the calendar
        await pilot.pause()
        items = app.screen.query_one("#today-items", OptionList)
        # Each of Now, Next and Revisit's rows takes one line: none wrapped into the next.
        assert items.size.height == items.option_count
        for option in items.options:
            assert cell_len(option.prompt.plain) <= items.scrollable_content_region.width
        for name in ("#today-phases", "#today-calendar", "#today-days"):
            part = app.screen.query_one(name, Static)
            lines = str(part.render()).split("\n")
            room = part.content_size.width
            assert all(cell_len(line) <= room for line in lines), (name, room, lines)
        calendar = str(app.screen.query_one("#today-calendar", Static).render())
        assert "1 action on 1 day" in calendar


async def test_the_picked_row_is_scrolled_into_view(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("p", "r")
        await pilot.pause()
        items = app.screen.query_one("#today-items", OptionList)
        body = app.screen.query_one("#today-body")
        for key in ("end", "home"):
            await pilot.press(key)
            await pilot.pause()
            assert items.highlighted is not None
            shown = items.virtual_region.y + items.highlighted - body.scroll_y
            assert 0 <= shown < body.scrollable_content_region.height, key
