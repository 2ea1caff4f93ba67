"""What a learner sees and does with a roadmap's links and sections, driven by keys: the
detail pane's description, fields, resources and links; `o`; a status key on a whole
section (asked first, undone as one); and what was set aside, brought into the plan."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dlroadmap.app.app import RoadmapApp
from dlroadmap.app.screens.confirm import ConfirmScreen
from dlroadmap.app.screens.main import MainScreen
from dlroadmap.app.screens.pick_link import PickLinkScreen
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Roadmap, Span, Status
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import Told, point_at, screen_text

SIZE = (100, 30)
CS50 = "https://cs50.harvard.edu/x"
BOOK = "https://d2l.ai/"
HOSTILE = "https://x.example/[bold]\x1b]8;;https://evil.example\x1b\\"


def course(number: int, *, links: tuple[str, ...] = ()) -> Node:
    title = (Span(f"Course {number}", link=links[0]),) if links else (Span(f"Course {number}"),)
    return Node(
        f"courses/course-{number}",
        title,
        trackable=True,
        description=(Span("Read "), Span("the book", link=links[1])) if len(links) > 1 else (),
        fields=(("Duration", (Span("13 weeks"),)), ("Effort", (Span("8-10 hours/week"),))),
        resources=((Span("Lecture notes"),),),
    )


def plan() -> Roadmap:
    courses = Node("courses", (Span("Courses"),), trackable=False)
    courses.children = [course(1, links=(CS50, BOOK)), course(2, links=(CS50,))]
    courses.children += [course(n) for n in range(3, 8)]
    small = Node("small", (Span("Small"),), trackable=False)
    small.children = [Node(f"small/{n}", (Span(f"Small {n}"),), trackable=True) for n in (1, 2)]
    evil = Node("small/evil", (Span("Evil [bold]link", link=HOSTILE),), trackable=True)
    small.children.append(evil)
    about = "about the repository"
    contributing = Node("contributing", (Span("Contributing"),), trackable=False, aside=about)
    contributing.children = [
        Node(f"contributing/{n}", (Span(f"Rule {n}"),), trackable=True, aside=about) for n in (1, 2)
    ]
    return Roadmap((Span("Curriculum"),), phases=[courses, small, contributing])


class Browser(list[str]):
    """Stands in for the system's browser: the URLs it was asked to open."""

    def __call__(self, url: str) -> None:
        self.append(url)


def make(tmp_path: Path, browse: Browser | None = None) -> RoadmapApp:
    source = tmp_path / "plan.md"
    source.write_text("# Curriculum\n", encoding="utf-8")
    roadmap = plan()
    store = Store.open(roadmap, source, tmp_path / "state")
    return RoadmapApp(roadmap, store, browse=browse)


def saved_state(app: RoadmapApp) -> dict[str, object]:
    return tomllib.loads(app.store.path.read_text(encoding="utf-8"))


def statuses(app: RoadmapApp, section: str) -> list[Status]:
    node = app.store.roadmap.get(section)
    assert node is not None
    return [app.store.status(child) for child in node.children]


# -- the detail pane ----------------------------------------------------------------


async def test_the_detail_pane_shows_what_the_roadmap_says_of_an_item(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Course 1")
        shown = screen_text(app)
    assert "Read the book" in shown
    assert "Duration 13 weeks · Effort 8-10 hours/week" in shown
    assert "• Lecture notes" in shown
    assert "1 Course 1" in shown and CS50 in shown and "2 the book" in shown
    assert "o link · n note · space p x t status" in shown


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_pane_is_read_at_80x24_with_or_without_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await point_at(pilot, "Course 1")
        shown = screen_text(app)
    assert "Duration 13 weeks ·" in shown and "Links" in shown and "1 Course 1" in shown


async def test_a_hostile_link_is_shown_as_written_never_followed(tmp_path: Path) -> None:
    browser = Browser()
    app = make(tmp_path, browser)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await point_at(pilot, "Evil [bold]link")
        shown = screen_text(app)
        await pilot.press("o")
        await pilot.pause()
    assert "Evil [bold]link" in shown
    assert "https://x.example/[bold]␛]8;;" in shown  # (the rest wraps)
    assert browser == []
    assert any("has no link to open" in message for message in told.messages)


# -- o ------------------------------------------------------------------------------


async def o_on(app: RoadmapApp, title: str) -> list[str]:
    """`o` on the item with this title; what the app told."""
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await point_at(pilot, title)
        await pilot.press("o")
        await pilot.pause()
    return told.messages


async def test_o_opens_the_items_only_link_in_the_browser(tmp_path: Path) -> None:
    browser = Browser()
    told = await o_on(make(tmp_path, browser), "Course 2")
    assert browser == [CS50]
    assert f"Opening in your browser: {CS50}" in told


async def test_o_with_several_links_lets_the_learner_pick(tmp_path: Path) -> None:
    browser = Browser()
    app = make(tmp_path, browser)
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Course 1")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PickLinkScreen)
        assert "2 the book" in screen_text(app)
        await pilot.press("2")  # by its number
        await pilot.pause()
        await pilot.press("o", "down", "enter")  # by the arrows
        await pilot.pause()
        await pilot.press("o", "escape")  # none
        await pilot.pause()
        assert not isinstance(app.screen, PickLinkScreen)
    assert browser == [BOOK, BOOK]


async def test_o_with_no_browser_here_copies_the_link(tmp_path: Path) -> None:
    app = make(tmp_path, browse=None)
    told = await o_on(app, "Course 2")
    assert app.clipboard == CS50
    assert f"Copied to your terminal's clipboard (no browser here): {CS50}" in told


async def test_o_on_an_item_without_a_link_says_so(tmp_path: Path) -> None:
    browser = Browser()
    told = await o_on(make(tmp_path, browser), "Course 3")
    assert browser == []
    assert "“Course 3” has no link to open." in told


# -- one key for a whole section ----------------------------------------------------


async def test_x_on_a_section_asks_then_skips_all_and_u_takes_it_back(tmp_path: Path) -> None:
    app = make(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await point_at(pilot, "Course 1")
        await pilot.press("space")  # done stays done
        await point_at(pilot, "Courses")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Skip 6 topics in “Courses”?" in screen_text(app)
        await pilot.press("n")  # anything but y or enter: no
        await pilot.pause()
        assert statuses(app, "courses") == [Status.DONE] + [Status.TODO] * 6
        await pilot.press("x", "y")
        await pilot.pause()
        assert statuses(app, "courses") == [Status.DONE] + [Status.SKIPPED] * 6
        on_disk = saved_state(app)["items"]
        assert isinstance(on_disk, dict)
        assert sum(item.get("status") == "skipped" for item in on_disk.values()) == 6
        await pilot.press("u")
        await pilot.pause()
        assert statuses(app, "courses") == [Status.DONE] + [Status.TODO] * 6
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert statuses(app, "courses") == [Status.DONE] + [Status.SKIPPED] * 6
    assert "Skipped: 6 topics in “Courses”. u undoes it." in told.messages
    assert "Undid: skipped on 6 topics in “Courses”" in told.messages


async def test_a_few_topics_change_at_once_and_space_toggles_them(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Small")
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert statuses(app, "small") == [Status.IN_PROGRESS] * 3
        await pilot.press("space")
        await pilot.pause()
        assert statuses(app, "small") == [Status.DONE] * 3
        await pilot.press("space")  # all done already: back to to do
        await pilot.pause()
        assert statuses(app, "small") == [Status.TODO] * 3
        await pilot.press("p", "t")
        await pilot.pause()
        assert statuses(app, "small") == [Status.TODO] * 3


async def test_enter_confirms_too(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Courses")
        await pilot.press("space", "enter")
        await pilot.pause()
        assert statuses(app, "courses") == [Status.DONE] * 7


# -- what is not in the plan --------------------------------------------------------


async def test_a_set_aside_section_is_listed_apart_and_brought_back(tmp_path: Path) -> None:
    app = make(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Not in the plan (1)" in shown and "0/10" in shown
        await point_at(pilot, "Contributing")
        shown = screen_text(app)
        assert "Contributing · about the repository" in shown  # the tree
        assert "Not in the plan: about the repository · i" in shown  # the pane (it wraps)
        await pilot.press("x")  # nothing in it is counted: nothing to skip
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        shown = screen_text(app)
        assert "0/12" in shown and "Not in the plan" not in shown
        assert saved_state(app)["brought_back"] == ["contributing"]
    assert "“Contributing” is not in the plan: i brings it in." in told.messages
    assert "“Contributing” is in the plan now (2 topics); i sets it aside again." in told.messages

    again = make(tmp_path)  # the next start: still in the plan
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0/12" in screen_text(again)
        await point_at(pilot, "Rule 1")
        await pilot.press("i")
        await pilot.pause()
        assert "0/10" in screen_text(again) and "Not in the plan (1)" in screen_text(again)
    assert "brought_back" not in saved_state(again)


async def test_a_section_brought_back_in_another_session_shows_here(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = Store.open(plan(), tmp_path / "plan.md", tmp_path / "state")
        other.bring_back("contributing")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.take_in_other_sessions()  # what its timer does every two seconds
        await pilot.pause()
        shown = screen_text(app)
    assert "0/12" in shown and "Not in the plan" not in shown


async def test_a_licence_section_of_a_real_file_is_set_aside_and_brought_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "README.md"
    path.write_text("# Plan\n\n## Study\n\n- Tensors\n- Autograd\n\n## License\n\n- MIT\n", "utf-8")
    roadmap = load_roadmap(path)
    app = RoadmapApp(roadmap, Store.open(roadmap, path, tmp_path / "state"), browse=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Not in the plan (1)" in screen_text(app) and "0/2" in screen_text(app)
        await point_at(pilot, "License")
        await pilot.press("i")
        await pilot.pause()
        assert "0/3" in screen_text(app)
    assert saved_state(app)["brought_back"] == ["license"]


async def test_a_closed_sections_count_follows_a_key_on_it(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Small")
        assert "▶ Small" in screen_text(app)  # its branch is closed
        await pilot.press("space")
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "▶ Small" in line)
        assert "3/3" in line.split("││")[0], line


async def test_a_set_aside_heading_that_names_its_reason_does_not_say_it_twice(
    tmp_path: Path,
) -> None:
    markdown = tmp_path / "plan.md"
    markdown.write_text(
        "# Plan\n\n## Table of Contents\n- [Basics](#basics)\n- [More](#more)\n\n"
        "## Basics\n- Sets\n- Logic\n\n## More\n- Graphs\n\n"
        "## Contributing\n- Open a pull request\n- Sign the CLA\n",
        encoding="utf-8",
    )
    roadmap = load_roadmap(markdown)
    app = RoadmapApp(roadmap, Store.open(roadmap, markdown, tmp_path / "state"))
    async with app.run_test(size=SIZE) as pilot:
        await point_at(pilot, "Table of Contents")
        await point_at(pilot, "Contributing")
        shown = screen_text(app)
        contents = next(line for line in shown.splitlines() if "Table of Contents" in line)
        assert "· table of contents" not in contents.casefold()
        assert "Contributing · about the repository" in shown
