"""What the learner must know of how the file was read (a code fence never closed) is
told as a notice when the app opens, and again only when an edit brings it anew."""

from __future__ import annotations

from pathlib import Path

from tests.apptools import Told, shown_when, watched_app

PLAN = "# Plan\n## Basics\n- Tensors\n\n```python\nx = 1\n\n## More\n- Autograd\n- Optimizers\n"
WARNING = (
    "Line 5: a code fence (```) is never closed; "
    "the 2 list items and 1 heading after it are read as code."
)


async def test_an_unclosed_fence_is_told_when_the_app_opens(tmp_path: Path) -> None:
    app, _path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told.hook) as pilot:
        await pilot.pause()
        assert told.messages.count(WARNING) == 1


async def test_an_edit_that_leaves_a_fence_open_is_told_once(tmp_path: Path) -> None:
    closed = PLAN.replace("x = 1\n", "x = 1\n```\n")
    app, path = watched_app(tmp_path, closed)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told.hook) as pilot:
        await pilot.pause()
        assert not any("never closed" in message for message in told.messages)
        path.write_text(PLAN, encoding="utf-8")
        await shown_when(pilot, told, WARNING)
        path.write_text(PLAN + "- Schedulers\n", encoding="utf-8")
        await shown_when(pilot, told, "1 added")
        assert told.messages.count(WARNING) == 1
