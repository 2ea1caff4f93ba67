"""Text nobody should trust, without the app: any markdown parses, any note round-trips."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlroadmap.progress.state import ItemState, State, dump_state, parse_state
from dlroadmap.roadmap.model import Node
from dlroadmap.roadmap.parser import parse_roadmap

markdown_lines = st.lists(
    st.one_of(
        st.sampled_from(
            ["#", "##", "###", "####", "-", "*", "+", "1.", "  -", "    -", ">", "```"]
        ).flatmap(lambda marker: st.text(max_size=30).map(lambda text: f"{marker} {text}")),
        st.text(max_size=40),
        st.sampled_from(
            ["---", "===", "| a | b |", "|---|---|", "<div>", "- [x] done", "x -> Done"]
        ),
    ),
    max_size=40,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_lines)
def test_the_parser_takes_any_text(lines: list[str]) -> None:
    roadmap = parse_roadmap("\n".join(lines), "fallback")
    ids = [node.id for node in roadmap.walk()]
    assert len(ids) == len(set(ids))
    for node in roadmap.walk():
        assert isinstance(node, Node)
        assert node.id and "/" not in node.id.rsplit("/", 1)[-1]
        assert node.trackable or node.children


notes = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.sampled_from(
    ['"""', "a\\b", "\\u0000", "x\r\ny", "\r", "''' \"\"\" '''", "\x1b[31m", "\x00", "\ud7ff"]
)


@settings(max_examples=300)
@given(note=notes, text=notes)
def test_any_note_round_trips_byte_for_byte(note: str, text: str) -> None:
    state = State("title", "/source.md", {"id": ItemState(text=text, note=note)})
    again = parse_state(dump_state(state), Path("state.toml"))
    assert again.items["id"].note.encode("utf-8", "surrogatepass") == note.encode(
        "utf-8", "surrogatepass"
    )
    assert again.items["id"].text == text


def test_a_megabyte_note_round_trips() -> None:
    note = ('ünïcode """ \\ \x1b \r\n' * 60_000)[:1_000_000]
    state = State("title", "/source.md", {"id": ItemState(text="t", note=note)})
    assert parse_state(dump_state(state), Path("s.toml")).items["id"].note == note
