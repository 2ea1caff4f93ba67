"""The help screen: one border round it, and a footer naming only keys that work there."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.app.screens.help import HelpScreen
from tests.apptools import make_app, screen_text


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_help_has_one_bottom_border_and_its_own_footer(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        # The panes underneath do not show their borders below the help's own.
        assert [line for line in lines if line.lstrip().startswith("╰")] == [
            next(line for line in lines if "to close" in line)
        ]
        footer = lines[-1]
        assert "Close" in footer
        for elsewhere in ("Done", "In progress", "Today", "Note"):
            assert elsewhere not in footer, footer
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
