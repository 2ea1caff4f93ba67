"""Parsed roadmaps kept between runs: the same roadmap back, or a fresh parse, never an error."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.roadmap.cache import cached_parse
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, read_text


def shape(roadmap: Roadmap) -> list[tuple[str, str, bool, str]]:
    return [
        (node.id, node.text, node.trackable, node.initial_status.value) for node in roadmap.walk()
    ]


def test_a_cached_roadmap_is_the_parsed_one(tmp_path: Path) -> None:
    text = read_text(bundled_roadmap_path())
    first = cached_parse(text, "plan", tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    again = cached_parse(text, "plan", tmp_path)
    assert shape(again) == shape(first) == shape(parse_roadmap(text, "plan"))
    assert [e.phase_id for e in again.overview] == [e.phase_id for e in first.overview]
    assert again.text == first.text


def test_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    text = "# Plan\n## One\n- a\n"
    cached_parse(text, "plan", tmp_path)
    edited = cached_parse(text + "- b\n", "plan", tmp_path)
    assert [node.text for node in edited.items()] == ["a", "b"]


def test_a_broken_cache_entry_is_a_miss(tmp_path: Path) -> None:
    text = "# Plan\n## One\n- a\n"
    cached_parse(text, "plan", tmp_path)
    entry = next(tmp_path.glob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert [node.text for node in cached_parse(text, "plan", tmp_path).items()] == ["a"]
    assert entry.read_bytes() != b"not a pickle"
