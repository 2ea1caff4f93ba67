"""The Roadmaps screen: every roadmap on the shelf; enter switches to one in place, a
roadmap is taken off the shelf (asked twice, its file kept) or pointed at its new place."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.app.app import RoadmapApp
from dlroadmap.app.screens.main import MainScreen
from dlroadmap.app.screens.roadmaps import RoadmapsScreen
from dlroadmap.fetch.update import Folders, add
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import load_roadmap
from dlroadmap.shelf.access import ShelfAccess
from tests.app.test_commands import palette_run
from tests.apptools import Told, find, screen_text, until
from tests.served import serving


def _roadmap(folder: Path, name: str, title: str, topics: list[str]) -> Path:
    path = folder / f"{name}.md"
    path.write_text(f"# {title}\n\n## Phase\n\n" + "".join(f"- {t}\n" for t in topics))
    return path


def _shelf(tmp_path: Path) -> tuple[ShelfAccess, Path, Path]:
    shelf = ShelfAccess(tmp_path / "state")
    alpha = _roadmap(tmp_path, "alpha", "Alpha Plan", ["one", "two", "three"])
    beta = _roadmap(tmp_path, "beta", "Beta Course", ["uno", "dos"])
    for path, done in ((beta, "uno"), (alpha, "one")):
        roadmap, store = shelf.open(path)
        store.set_status(find(roadmap, done), Status.DONE)
    return shelf, alpha, beta


def _app(shelf: ShelfAccess, path: Path) -> RoadmapApp:
    roadmap, store = shelf.open(path)
    return RoadmapApp(roadmap, store, source=path, shelf=shelf)


def _listed(app: RoadmapApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, RoadmapsScreen)
    return [entry.title for entry in screen.entries]


async def test_b_lists_the_shelf_and_enter_switches_in_place(tmp_path: Path) -> None:
    shelf, alpha, beta = _shelf(tmp_path)
    app = _app(shelf, alpha)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # "two", the first not done: saved before the switch
        await pilot.press("b")
        assert _listed(app) == ["Alpha Plan", "Beta Course"]
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.roadmap.text != "Alpha Plan")
        assert app.roadmap.text == "Beta Course"
        assert isinstance(app.screen, MainScreen) and app.screen.store is app.store
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "Beta Course" in header and "█" in header and "1/2" in header
        await pilot.press("space")  # on the first topic not done: "dos", in Beta's file
        assert app.store.status(find(app.roadmap, "dos")) is Status.DONE
    alpha_store = Store.open(load_roadmap(alpha), alpha, tmp_path / "state")
    assert alpha_store.status(find(alpha_store.roadmap, "two")) is Status.DONE
    beta_store = Store.open(load_roadmap(beta), beta, tmp_path / "state")
    assert beta_store.status(find(beta_store.roadmap, "dos")) is Status.DONE
    assert beta_store.status(find(beta_store.roadmap, "uno")) is Status.DONE


async def test_a_roadmap_is_taken_off_the_shelf_when_asked_twice(tmp_path: Path) -> None:
    shelf, alpha, _beta = _shelf(tmp_path)
    beta_file = next(entry.state_path for entry in shelf.entries() if entry.title == "Beta Course")
    kept = beta_file.read_bytes()
    app = _app(shelf, alpha)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told.hook) as pilot:
        await pilot.press("b", "d")  # on the roadmap open now: refused
        assert "switch to another first" in told.messages[-1]
        await pilot.press("down", "d")
        assert "Press d again" in told.messages[-1]
        assert beta_file.exists()
        await pilot.press("d")
        assert _listed(app) == ["Alpha Plan"]
    assert not beta_file.exists()
    (moved,) = beta_file.parent.glob("beta-course.removed-*.toml")
    assert moved.read_bytes() == kept
    assert [entry.title for entry in shelf.entries()] == ["Alpha Plan"]


async def test_a_roadmap_whose_markdown_moved_is_pointed_at_its_new_place(tmp_path: Path) -> None:
    shelf, alpha, beta = _shelf(tmp_path)
    moved = beta.rename(tmp_path / "beta-moved.md")
    app = _app(shelf, alpha)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told.hook) as pilot:
        await pilot.press("b", "down")
        screen = app.screen
        assert isinstance(screen, RoadmapsScreen)
        assert not screen.entries[1].found
        await pilot.press("enter")  # gone: nothing to open yet
        assert "Say where it is now first" in told.messages[-1]
        await pilot.press("m", *"/nowhere.md", "enter")
        assert "no such file" in told.messages[-1]
        await pilot.press("m", "ctrl+u", *str(moved), "enter")
        (entry,) = (entry for entry in screen.entries if entry.title == "Beta Course")
        assert entry.found and entry.source == moved
        await pilot.press("enter")
        await until(pilot, lambda: app.roadmap.text == "Beta Course")
        assert app.store.status(find(app.roadmap, "uno")) is Status.DONE


async def test_the_palette_opens_the_roadmaps_screen(tmp_path: Path) -> None:
    shelf, alpha, _beta = _shelf(tmp_path)
    app = _app(shelf, alpha)
    async with app.run_test(size=(80, 24)) as pilot:
        await palette_run(pilot, "Roadmaps")
        assert _listed(app) == ["Alpha Plan", "Beta Course"]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_update_from_its_url_fetches_and_the_tree_follows(tmp_path: Path) -> None:
    shelf = ShelfAccess(tmp_path / "state")
    told = Told()
    with serving() as served:
        url = served.put("/plan.md", "# Served\n\n## One\n\n- first\n- second\n")
        copy, _roadmap = add(url, Folders(shelf.folder))
        app = _app(shelf, copy)
        async with app.run_test(size=(80, 24), message_hook=told.hook) as pilot:
            await pilot.press("space")  # "first" done
            served.put("/plan.md", "# Served\n\n## One\n\n- first\n- third\n")
            await palette_run(pilot, "Update from its URL")
            await until(pilot, lambda: any("1 added, 1 removed" in m for m in told.messages))
            assert [node.text for node in app.roadmap.items()] == ["first", "third"]
            assert app.store.status(find(app.roadmap, "first")) is Status.DONE
            await palette_run(pilot, "Update from its URL")
            await until(pilot, lambda: "It is up to date." in told.messages)
    assert "Fetched: what changed shows in a moment." in told.messages


async def test_update_of_a_local_roadmap_says_there_is_no_url(tmp_path: Path) -> None:
    shelf, alpha, _beta = _shelf(tmp_path)
    app = _app(shelf, alpha)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told.hook) as pilot:
        await palette_run(pilot, "Update from its URL")
        assert "not added from a URL" in told.messages[-1]
