"""Parsed state files kept between runs: the same state back, quicker, and never a stale one."""

from __future__ import annotations

import stat
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NoReturn

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlroadmap.progress import state as state_module
from dlroadmap.progress.activity import DayActivity
from dlroadmap.progress.cache import StateCache
from dlroadmap.progress.revisit import Rating, first_card, rate
from dlroadmap.progress.state import ItemState, State, StateWriter, decode_state
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Roadmap, Status
from dlroadmap.roadmap.source import load_roadmap

WHEN = datetime(2025, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def no_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading TOML fails from here on: whatever is read must come from the cache."""

    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError("parsed the TOML instead of taking it from the cache")

    monkeypatch.setattr(tomllib, "loads", refuse)


def open_store(seed_path: Path, tmp_path: Path) -> Store:
    return Store.open(
        load_roadmap(seed_path), seed_path, tmp_path / "data", cache=tmp_path / "cache"
    )


def the_same(one: State, other: State) -> None:
    """Equal, down to what equality leaves out (unknown keys, UTC offsets)."""
    assert one == other
    assert one.extra == other.extra and one.schema == other.schema
    for key, item in one.items.items():
        theirs = other.items[key]
        assert item.extra == theirs.extra
        for mine, its in ((item.status_changed, theirs.status_changed),
                          (item.note_changed, theirs.note_changed)):  # fmt: skip
            assert (mine and mine.utcoffset()) == (its and its.utcoffset())
    for day, activity in one.activity.items():
        assert activity.extra == other.activity[day].extra


def test_a_saved_state_is_read_back_from_the_cache(
    seed_path: Path, tmp_path: Path, no_toml: None
) -> None:
    store = open_store(seed_path, tmp_path)
    items = list(store.roadmap.items())
    store.set_status(items[0], Status.DONE, WHEN)
    store.set_note(items[1], "tricky: [bold] \"quotes\" '''", WHEN)
    store.keep_in_cache()

    again = open_store(seed_path, tmp_path)
    assert again.status(items[0]) is Status.DONE
    assert again.note(items[1]) == "tricky: [bold] \"quotes\" '''"
    entries = list((tmp_path / "cache").iterdir())
    assert entries and all(stat.S_IMODE(e.stat().st_mode) == 0o600 for e in entries)
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700


def test_a_file_changed_by_hand_is_read_afresh(seed_path: Path, tmp_path: Path) -> None:
    store = open_store(seed_path, tmp_path)
    item = next(store.roadmap.items())
    store.set_note(item, "first thought", WHEN)
    store.keep_in_cache()
    text = store.path.read_text(encoding="utf-8")
    store.path.write_text(text.replace("first thought", "second thought"), encoding="utf-8")

    assert open_store(seed_path, tmp_path).note(item) == "second thought"


def test_a_broken_cache_entry_is_a_miss(seed_path: Path, tmp_path: Path) -> None:
    store = open_store(seed_path, tmp_path)
    item = next(store.roadmap.items())
    store.set_note(item, "kept", WHEN)
    store.keep_in_cache()
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"\x80\x05garbage")

    assert open_store(seed_path, tmp_path).note(item) == "kept"


def test_a_broken_state_file_is_refused_even_after_a_good_one_was_cached(
    seed_path: Path, tmp_path: Path
) -> None:
    store = open_store(seed_path, tmp_path)
    store.set_note(next(store.roadmap.items()), "kept", WHEN)
    store.keep_in_cache()
    store.path.write_text("schema = [", encoding="utf-8")

    with pytest.raises(state_module.StateError, match="not valid TOML"):
        open_store(seed_path, tmp_path)


def test_the_first_save_after_a_cached_start_writes_only_what_changed(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(seed_path, tmp_path)
    items = list(store.roadmap.items())
    for item in items[:20]:
        store.set_status(item, Status.DONE, WHEN)
    store.keep_in_cache()

    made: list[str] = []
    item_toml = state_module._item_toml
    monkeypatch.setattr(state_module, "_item_toml", lambda key, item: made.append(key) or
                        item_toml(key, item))  # fmt: skip
    again = open_store(seed_path, tmp_path)
    again.set_status(items[25], Status.IN_PROGRESS, WHEN)

    assert made == [items[25].id]
    assert decode_state(again.path.read_bytes(), again.path).items[items[25].id].status is (
        Status.IN_PROGRESS
    )


# -- what the cache gives is what parsing gives ------------------------------------------

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r"), max_size=40)
offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
times = st.builds(
    lambda seconds, micro, zone: (
        datetime.fromtimestamp(seconds, UTC).replace(microsecond=micro).astimezone(zone)
    ),
    st.integers(0, 4_000_000_000),
    st.sampled_from([0, 0, 123456]),
    offsets | st.just(UTC),
)
extras = st.dictionaries(
    st.sampled_from(["later", "colour", "pinned"]),
    st.integers(-(2**40), 2**40) | texts | st.booleans() | st.lists(st.integers(), max_size=3),
    max_size=2,
)


@st.composite
def item_states(draw: st.DrawFn) -> ItemState:
    status = draw(st.none() | st.sampled_from(Status))
    card = None
    if draw(st.booleans()):
        card = first_card(draw(times))
        for rating in draw(st.lists(st.sampled_from(Rating), max_size=2)):
            card = rate(card, rating, draw(times))
    return ItemState(
        text=draw(texts),
        status=status,
        status_changed=draw(st.none() | times) if status else None,
        note=draw(texts),
        note_changed=draw(st.none() | times),
        revisit=card,
        extra=draw(extras),
    )


ids = st.text(alphabet="abc-/xyz", min_size=1, max_size=12)
days = st.dates().map(lambda d: d.isoformat())
day_activity = st.builds(
    DayActivity,
    actions=st.integers(0, 50),
    done=st.lists(ids, max_size=3).map(tuple),
    notes=st.lists(ids, max_size=3).map(tuple),
    revisited=st.lists(ids, max_size=2).map(tuple),
    extra=extras,
)
states = st.builds(
    State,
    title=texts,
    source=texts,
    items=st.dictionaries(ids, item_states(), max_size=6),
    activity=st.dictionaries(days, day_activity, max_size=3),
    extra=st.dictionaries(st.sampled_from(["plugins", "sync"]), st.dictionaries(
        st.sampled_from(["on", "url"]), texts | st.booleans(), max_size=2), max_size=1),
    schema=st.sampled_from([1, 2]),
)  # fmt: skip


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(state=states)
def test_what_a_save_leaves_cached_is_what_reading_the_file_gives(
    state: State, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("cache")
    path = folder / "state.toml"
    writer = StateWriter()
    text = writer.dump(state)
    path.write_text(text, encoding="utf-8")
    writing = StateCache(folder / "entries")
    writing.wrote(text.encode("utf-8"), state, writer)
    writing.keep()

    original = tomllib.loads
    tomllib.loads = None  # type: ignore[assignment]
    try:
        cached = StateCache(folder / "entries").read(path)
    finally:
        tomllib.loads = original
    the_same(cached, decode_state(path.read_bytes(), path))


def test_a_roadmap_cache_hit_keeps_its_index(seed_path: Path, tmp_path: Path) -> None:
    first = load_roadmap(seed_path, cache=tmp_path)
    again = load_roadmap(seed_path, cache=tmp_path)
    assert isinstance(again, Roadmap) and again is not first
    for node in first.walk():
        assert again.get(node.id) is not None
        assert [a.id for a in again.ancestors(node.id)] == [a.id for a in first.ancestors(node.id)]
