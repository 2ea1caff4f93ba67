"""Textual's parsed styles kept between runs (textual_internals/style_cache.py): a start
with them parses no CSS and draws exactly what a start without them draws; edited CSS
is parsed afresh; an entry that is not what this cache writes (broken, planted, holding
code) is never used, nothing in it runs, and the CSS is parsed as without a cache."""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from pathlib import Path

import pytest
import textual.css.stylesheet
import textual.widgets
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.layout import Layout
from textual.widget import Widget

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.app.textual_internals import style_cache
from dlroadmap.app.textual_internals.style_cache import StyleCache
from dlroadmap.config import Config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap

APP_CSS = Path(style_cache.__file__).parents[1] / "app.tcss"


def make(tmp_path: Path, theme: str | None = None) -> RoadmapApp:
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    settings = Settings(Config(theme=theme), lambda config: None)
    return RoadmapApp(
        roadmap, store, settings=settings, style_cache=StyleCache(tmp_path / "styles")
    )


async def start(app: RoadmapApp, *keys: str) -> str:
    """The screen as first drawn (SVG, which holds every colour); then `keys`."""
    async with app.run_test(size=(100, 30)) as pilot:
        # Settled: a busy machine must not catch one start mid-way and not the other.
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        drawn = app.export_screenshot()
        await pilot.press(*keys)
        await pilot.pause()
        return drawn


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each CSS source Textual parses from now on was read from."""
    calls: list[str] = []
    parse = textual.css.stylesheet.parse

    def counting(scope: str, css: str, read_from: tuple[str, str], **kwargs: object) -> object:
        calls.append(read_from[1] or read_from[0])
        return parse(scope, css, read_from, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(textual.css.stylesheet, "parse", counting)
    return calls


def entry_of(tmp_path: Path) -> Path:
    [entry] = (tmp_path / "styles").glob("*.dlroadmap-cache")
    return entry


async def test_a_second_start_parses_no_css_and_draws_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await start(make(tmp_path))
    entry_of(tmp_path)

    parses = count_parses(monkeypatch)
    second = await start(make(tmp_path))
    assert parses == []
    assert second == first


async def test_a_theme_chosen_in_the_settings_is_drawn_the_same_with_the_cache(
    tmp_path: Path,
) -> None:
    # Neither theme's styles may leak into what the other draws.
    fresh_light = await start(make(tmp_path / "fresh-light", theme="textual-light"))
    fresh_default = await start(make(tmp_path / "fresh-default"))
    assert fresh_light != fresh_default
    await start(make(tmp_path))
    # The Today screen brings styles the first run did not parse.
    await start(make(tmp_path, theme="textual-light"), "r", "escape")
    assert await start(make(tmp_path, theme="textual-light")) == fresh_light
    assert await start(make(tmp_path)) == fresh_default


def hostile_code() -> bytes:
    """A marshalled code object that would leave a file behind if it ever ran."""
    code = compile("open('RAN', 'w').write('ran')", "<planted>", "exec")
    return marshal.dumps(code)


@pytest.mark.parametrize(
    "planted",
    [
        b"\x80\x05 not marshal at all",
        marshal.dumps(("a tuple", "of the wrong shape")),
        marshal.dumps(((("evil", "os.system('x')"),), [])),  # an unknown tag
        marshal.dumps(((("layout", "no-such-layout"),), [])),
        marshal.dumps(((("color", 1, 2, "three", 1.0, None, False),), [])),
        hostile_code(),
        marshal.dumps(((), [(("css", ("f", "n"), True, 0, ""), (hostile_code(),))])),
    ],
    ids=["garbage", "shape", "tag", "layout", "colour", "code", "code-inside"],
)
async def test_a_planted_entry_is_refused_and_the_css_parsed_afresh(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    planted: bytes,
) -> None:
    monkeypatch.chdir(tmp_path)
    first = await start(make(tmp_path))
    entry = entry_of(tmp_path)
    entry.write_bytes(planted)

    parses = count_parses(monkeypatch)
    drawn = await start(make(tmp_path))
    assert "app.tcss" in " ".join(parses)  # parsed, not taken from the entry
    assert drawn == first
    assert not (tmp_path / "RAN").exists()
    # Replaced by a good entry at exit: the next start parses nothing again.
    parses.clear()
    await start(make(tmp_path))
    assert parses == []


def stylesheet_with(css: str) -> Stylesheet:
    stylesheet = Stylesheet(variables={"primary": "#0178D4"})
    stylesheet.add_source(css, read_from=("plan.tcss", ""), is_default_css=False)
    return stylesheet


def test_changed_css_is_parsed_afresh_never_served_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = StyleCache(tmp_path)
    before = stylesheet_with("Static { color: red; }")
    cache.restore(before)
    before.parse()
    cache.keep(before)

    parses = count_parses(monkeypatch)
    again = stylesheet_with("Static { color: red; }")
    StyleCache(tmp_path).restore(again)
    again.parse()
    assert parses == []

    edited = stylesheet_with("Static { color: blue; }")
    StyleCache(tmp_path).restore(edited)
    edited.parse()
    assert parses == ["plan.tcss"]
    [rule] = edited.rules
    assert rule.styles.color.rgb == (0, 0, 255)


def test_other_theme_variables_are_another_entry(tmp_path: Path) -> None:
    cache = StyleCache(tmp_path)
    dark = stylesheet_with("Static { color: $primary; }")
    cache.restore(dark)
    dark.parse()
    cache.keep(dark)

    light = Stylesheet(variables={"primary": "#004578"})
    light.add_source("Static { color: $primary; }", read_from=("plan.tcss", ""))
    StyleCache(tmp_path).restore(light)
    [rule] = light.rules
    assert rule.styles.color.rgb == (0, 0x45, 0x78)


def test_a_theme_changed_meanwhile_never_gets_the_kept_styles(tmp_path: Path) -> None:
    cache = StyleCache(tmp_path)
    dark = stylesheet_with("Static { color: $primary; }")
    dark.add_source("Label { color: $primary; }", read_from=("later.tcss", ""))
    cache.restore(dark)
    dark.parse()
    cache.keep(dark)

    # A start with the dark theme's styles kept; the theme changes before a screen with
    # styles not yet asked for (later.tcss) is shown.
    again = stylesheet_with("Static { color: $primary; }")
    StyleCache(tmp_path).restore(again)
    again.parse()
    again.set_variables({"primary": "#004578"})
    again.add_source("Label { color: $primary; }", read_from=("later.tcss", ""))
    again.parse()
    assert [rule.styles.color.rgb for rule in again.rules] == [(0, 0x45, 0x78)] * 2


def every_default_css() -> Stylesheet:
    """A stylesheet of app.tcss and every stock widget's DEFAULT_CSS: all the value
    types Textual's CSS makes that dlroadmap could meet."""
    stylesheet = Stylesheet(variables=App[None]().get_css_variables())
    stylesheet.read(APP_CSS)
    for name in textual.widgets.__all__:
        widget = getattr(textual.widgets, name)
        if isinstance(widget, type) and issubclass(widget, Widget):
            scope = widget.__name__ if widget.SCOPED_CSS else ""
            read_from = (name, "DEFAULT_CSS")
            stylesheet.add_source(widget.DEFAULT_CSS, read_from, True, 0, scope)
    stylesheet.parse()
    return stylesheet


def comparable(rules: Mapping[str, object]) -> dict[str, object]:
    """Rules with each layout (equal only to itself) as its class, and each value with
    its type: 1 and True are equal, yet not the same style."""
    return {
        name: (type(value), type(value) if isinstance(value, Layout) else value)
        for name, value in rules.items()
    }


def test_what_is_kept_reads_back_as_textual_parsed_it() -> None:
    stylesheet = every_default_css()
    cache = stylesheet._parse_cache
    parses = {key: cache.get(key) for key in list(cache.keys())}

    restored = style_cache.decode(marshal.loads(marshal.dumps(style_cache.encode(parses)))).all()

    # Every source: each value type Textual's stock CSS makes is one this cache keeps.
    assert set(restored) == set(parses)
    for key, rule_sets in restored.items():
        parsed = parses[key]
        assert [rule.selectors for rule in rule_sets] == [rule.selectors for rule in parsed]
        for mine, theirs in zip(rule_sets, parsed, strict=True):
            assert comparable(mine.styles._rules) == comparable(theirs.styles._rules)
            assert mine.styles.important == theirs.styles.important
            assert mine.selector_names == theirs.selector_names
            assert mine.pseudo_classes == theirs.pseudo_classes
            assert (mine.is_default_rules, mine.tie_breaker) == (
                theirs.is_default_rules,
                theirs.tie_breaker,
            )
            assert [s.specificity for s in mine.selector_set] == [
                s.specificity for s in theirs.selector_set
            ]


def test_a_source_holding_a_value_of_another_type_is_left_out() -> None:
    stylesheet = stylesheet_with("Static { color: red; }")
    stylesheet.add_source("Label { width: 3; }", read_from=("other.tcss", ""))
    stylesheet.parse()
    cache = stylesheet._parse_cache
    parses = {key: cache.get(key) for key in list(cache.keys())}
    [odd_key] = [key for key in parses if key[1][0] == "other.tcss"]
    parses[odd_key][0].styles._rules["width"] = object()  # type: ignore[typeddict-item]

    restored = style_cache.decode(marshal.loads(marshal.dumps(style_cache.encode(parses)))).all()

    assert [key[1][0] for key in restored] == ["plan.tcss"]
