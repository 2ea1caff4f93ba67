"""Links beside a roadmap fetched from the web (`./week1/notes.md`) lead to the file on
the page it came from: shown in the detail pane and opened with `o`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from dlroadmap.app.app import RoadmapApp
from dlroadmap.fetch.update import Folders, add
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.app.test_links_and_sections import Browser
from tests.apptools import point_at, screen_text
from tests.served import Served, serving

SIZE = (100, 30)
PLAN = """# Exercises

## Week 1
| # | Exercise | Solution |
|---|----------|----------|
| 00 | [Hello world](./Roadmap/00%20-%20HELLO/ex.md) | [code](Roadmap/00%20-%20HELLO/py/) |
| 01 | [Variables](<Roadmap/01 - VARIABLES/>) | - |

## Week 2
- [Elsewhere](https://example.org/elsewhere)
- [Back to the top](#exercises)
"""


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def app_on(source: Path, states: Path, browse: Browser) -> RoadmapApp:
    """The app on a roadmap file, its links opened in `browse`."""
    roadmap = load_roadmap(source)
    store = Store.open(roadmap, source, states)
    return RoadmapApp(roadmap, store, source=source, browse=browse)


class Course(NamedTuple):
    served: Served
    app: RoadmapApp
    browser: Browser


@pytest.fixture
def course(tmp_path: Path, data_home: Path) -> Iterator[Course]:
    """The app on a roadmap added from a local server's /course/plan.md, served on."""
    browser = Browser()
    with serving() as served:
        copy, _ = add(served.put("/course/plan.md", PLAN), Folders(tmp_path / "states"))
        yield Course(served, app_on(copy, tmp_path / "states", browser), browser)


async def test_o_opens_a_relative_link_on_the_page_the_roadmap_came_from(course: Course) -> None:
    async with course.app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Variables")
        # The link's folder name has spaces: escaped, as a browser needs them.
        wanted = course.served.url("/course/Roadmap/01%20-%20VARIABLES/")
        # The detail pane's Links (the address wraps at the pane's edge).
        shown = screen_text(course.app)
        assert "Links" in shown and wanted[: wanted.index("%20-")] in shown
        await pilot.press("o")
        await pilot.pause()
        assert course.browser == [wanted]


async def test_of_several_relative_links_the_picked_one_opens(course: Course) -> None:
    async with course.app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Hello world")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert course.browser == [course.served.url("/course/Roadmap/00%20-%20HELLO/py/")]


async def test_a_local_roadmaps_relative_links_are_not_made_web_links(tmp_path: Path) -> None:
    # Beside a file on this machine there is no web page to follow them from.
    source = tmp_path / "plan.md"
    source.write_text(PLAN, encoding="utf-8")
    browser = Browser()
    app = app_on(source, tmp_path / "s", browser)
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Variables")
        await pilot.press("o")
        await pilot.pause()
        assert browser == []


@pytest.mark.parametrize(
    "edited",
    ["http://[::1", "file:///etc/", "javascript:alert(1)//", "\x1b]8;;https://evil.example/\x1b\\"],
    ids=["not a url", "file", "javascript", "escape"],
)
async def test_a_kept_copy_whose_url_file_was_edited_follows_no_link_from_it(
    tmp_path: Path, data_home: Path, edited: str
) -> None:
    # The `.url` file beside a kept copy is the user's to edit: one that is not a web
    # address (an unclosed [ crashed the detail pane) gives no page to follow links from.
    with serving() as served:
        copy, _ = add(served.put("/course/plan.md", PLAN), Folders(tmp_path / "states"))
    copy.with_suffix(".url").write_text(edited, encoding="utf-8")
    browser = Browser()
    app = app_on(copy, tmp_path / "states", browser)
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Variables")
        assert "Links" in screen_text(app)
        assert "\x1b" not in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert browser == []
