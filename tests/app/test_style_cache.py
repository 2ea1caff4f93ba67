"""Styles at start-up. Textual's parsed styles kept between runs: a start with them parses
no CSS and draws exactly what a start without them draws; a broken or foreign entry is
simply not used. And the first frame is styled as fully as a restyle of everything."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import textual.css.stylesheet

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.app.textual_internals.style_cache import StyleCache
from dlroadmap.config import Config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import screen_text


def make(tmp_path: Path, theme: str | None = None) -> RoadmapApp:
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    settings = Settings(Config(theme=theme), lambda config: None)
    styles = StyleCache(tmp_path / "styles")
    return RoadmapApp(roadmap, store, settings=settings, style_cache=styles)


async def start(app: RoadmapApp, *keys: str) -> tuple[str, str]:
    """The screen as first drawn (SVG, which holds every colour) and as read; then `keys`."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        drawn = app.export_screenshot(), screen_text(app)
        await pilot.press(*keys)
        await pilot.pause()
        return drawn


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    parse = textual.css.stylesheet.parse

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return parse(*args, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counting)
    return calls


async def test_a_second_start_parses_no_css_and_draws_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_svg, first_text = await start(make(tmp_path))
    assert "Deep Learning Study Plan" in first_text
    assert list((tmp_path / "styles").glob("*.pickle"))

    parses = count_parses(monkeypatch)
    second_svg, _ = await start(make(tmp_path))
    assert parses == []
    assert second_svg == first_svg


async def test_a_broken_entry_is_parsed_afresh_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_svg, _ = await start(make(tmp_path))
    (entry,) = (tmp_path / "styles").glob("*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")

    parses = count_parses(monkeypatch)
    svg, _ = await start(make(tmp_path))
    assert parses
    assert svg == first_svg
    kept = pickle.loads(entry.read_bytes())  # whole again, and holding the parses
    assert isinstance(kept, dict) and kept


async def test_a_theme_chosen_in_the_settings_is_drawn_the_same_with_the_cache(
    tmp_path: Path,
) -> None:
    # Textual applies the theme after loading, re-parsing everything with its colours:
    # neither theme's parses may leak into what the other draws.
    fresh_light, _ = await start(make(tmp_path / "fresh-light", theme="textual-light"))
    fresh_default, _ = await start(make(tmp_path / "fresh-default"))
    assert fresh_light != fresh_default
    await start(make(tmp_path))
    # The Today screen's widgets bring styles the first run did not parse.
    await start(make(tmp_path, theme="textual-light"), "r", "escape")
    assert (await start(make(tmp_path, theme="textual-light")))[0] == fresh_light
    assert (await start(make(tmp_path)))[0] == fresh_default


@pytest.mark.parametrize("theme", [None, "textual-light", "textual-ansi"])
async def test_the_first_frame_is_styled_as_a_full_restyle_styles_it(
    tmp_path: Path, theme: str | None
) -> None:
    # The main screen skips Textual's restyle of everything on its first resume (the
    # mount has just styled it all): nothing may be left for such a restyle to change.
    app = make(tmp_path, theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = app.export_screenshot()
        app.screen.update_node_styles(animate=False)
        await pilot.pause()
        assert app.export_screenshot() == first
