"""A note is saved exactly as written, whatever the screen shows of it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dlroadmap.common.shown_text import ShownText
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap

# What a terminal must not get raw, or draws wrong: an emoji's variation selector,
# CR LF line ends, bidi isolates, an escape sequence.
NOTES = (
    "I ❤️ this",
    "first\r\nsecond\r\n",
    "name: \u2067مرحبا\u2069 (2)",
    "\ufe0fleading selector",
    "colour \x1b[31mred\x1b[0m",
)


@pytest.mark.parametrize("note", NOTES)
def test_a_note_goes_through_the_store_and_its_file_unchanged(
    note: str, seed_path: Path, tmp_path: Path
) -> None:
    roadmap = load_roadmap(seed_path)
    node = next(roadmap.items())
    store = Store.open(roadmap, seed_path, tmp_path)
    store.set_note(node, note)
    on_disk = tomllib.loads(store.path.read_text(encoding="utf-8"))
    assert on_disk["items"][node.id]["note"] == note
    assert Store.open(roadmap, seed_path, tmp_path).note(node) == note


@pytest.mark.parametrize("note", NOTES)
def test_the_shown_text_is_safe_and_an_untouched_part_stays_exact(note: str) -> None:
    shown = ShownText.of(note)
    assert not {"\ufe0f", "\r", "\u2067", "\u2069", "\x1b"} & set(shown.shown)
    assert shown.edited(shown.shown).exact == note
    assert shown.edited(shown.shown + " more").exact == note + " more"
    assert shown.edited("typed " + shown.shown).exact == "typed " + note


def test_an_edit_in_the_middle_keeps_both_sides_exact() -> None:
    shown = ShownText.of("I ❤️ it\r\nsee \u2067x\u2069")
    assert shown.shown == "I ❤ it\nsee �x�"
    edited = shown.edited(shown.shown.replace("it\n", "it a lot\n"))
    assert edited.exact == "I ❤️ it a lot\r\nsee \u2067x\u2069"
    # Deleting a decorated character deletes what decorates it.
    assert shown.edited(shown.shown.replace("❤", "")).exact == "I  it\r\nsee \u2067x\u2069"


def test_what_is_typed_is_kept_as_typed() -> None:
    shown = ShownText.of("a").edited("a ❤️\u2067")
    assert shown.exact == "a ❤️\u2067"
    assert shown.edited(shown.shown + "!").exact == "a ❤️\u2067!"
