"""`shift+↓` on the last phase and `shift+↑` on the first line stop there, alike: the
cursor neither leaves the tree nor wraps round without a word."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Tree

from tests.apptools import make_app, point_at

LAST_PHASE = "🚀 Phase 7: Final Projects & Portfolio"


def cursor_text(app: object) -> str:
    node = app.screen.query_one("#tree", Tree).cursor_node  # type: ignore[attr-defined]
    assert node is not None
    return str(node.label.plain) if node.data is None else node.data.text


async def test_the_sibling_moves_stop_at_the_ends(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await point_at(pilot, LAST_PHASE)
        await pilot.press("shift+down")
        await pilot.pause()
        assert cursor_text(app) == LAST_PHASE
        await pilot.press("shift+right")  # its parent's next sibling: there is none
        await pilot.pause()
        assert cursor_text(app) == LAST_PHASE
        await pilot.press("home")
        await pilot.pause()
        first = cursor_text(app)
        await pilot.press("shift+up")
        await pilot.pause()
        assert cursor_text(app) == first
        await pilot.press("shift+down")
        await pilot.pause()
        assert cursor_text(app) != first  # the moves still move
