"""Regenerate screenshots/*.svg from a headless run of the app on the bundled plan.

    python scripts/screenshots.py

The state lives in a temp folder; nothing of the user's is read or written.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.apptools import DEMO_NOTE_ON, make_demo_app, point_at  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (100, 30)


async def shoot(name: str, keys: Sequence[str], size: tuple[int, int] = SIZE) -> None:
    with tempfile.TemporaryDirectory() as state:
        app = make_demo_app(Path(state))
        async with app.run_test(size=size) as pilot:
            await point_at(pilot, DEMO_NOTE_ON)
            await pilot.press(*keys)
            await pilot.pause()
            app.save_screenshot(str(OUT / f"{name}.svg"))
    print(OUT / f"{name}.svg")


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    await shoot("main", [])
    await shoot("main-80x24", [], size=(80, 24))
    await shoot("notes", ["n", "enter", *"Next: read the GELU paper."])
    await shoot("filter", ["slash", *"network"])
    await shoot("help", ["question_mark"])
    await shoot("today", ["r"], size=(80, 24))


if __name__ == "__main__":
    asyncio.run(main())
