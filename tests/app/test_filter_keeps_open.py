"""Clearing the filter gives the tree back as it was: the phases that were open, open."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Tree

from tests.apptools import make_app, point_at

PHASE_3 = "🛠️ Phase 3: Training, Optimization & Tuning"
PHASE_5 = "🗣️ Phase 5: NLP & Transformers"


def open_phases(app: object) -> set[str]:
    tree = app.screen.query_one("#tree", Tree)  # type: ignore[attr-defined]
    return {
        child.data.text
        for child in tree.root.children
        if child.is_expanded and getattr(child.data, "text", None)
    }


async def test_clearing_the_filter_keeps_open_phases_open(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        for phase in (PHASE_3, PHASE_5):
            await point_at(pilot, phase)
            await pilot.press("right")
        await pilot.pause()
        before = open_phases(app)
        assert {PHASE_3, PHASE_5} <= before
        await pilot.press("slash", *"loss", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert open_phases(app) >= before
