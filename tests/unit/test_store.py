"""The state file: what is saved, how it reads, and how it refuses to be damaged."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dlroadmap import locations
from dlroadmap.errors import StateError
from dlroadmap.progress.locate import read_state, state_path_for
from dlroadmap.progress.revisit import Rating
from dlroadmap.progress.state import SCHEMA, dump_state
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.source import load_roadmap
from dlroadmap.roadmap.tally import Tally, overall, retally, tally_groups, tally_items

UTC_PLUS_2 = timezone(timedelta(hours=2))
T1 = datetime(2024, 5, 1, 10, 30, 0, tzinfo=UTC_PLUS_2)
T2 = datetime(2024, 6, 2, 8, 0, 5, tzinfo=UTC)
T3 = datetime(2025, 1, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-5)))

# Written in the same markdown style as the seed and with the same H1, but other items.
SAME_TITLE_OTHER_ITEMS = """# 🧠 Deep Learning Study Plan

## 🌱 Gardening

- Dig the beds
- Plant tomatoes
- Water every morning
"""


@pytest.fixture
def roadmap(seed_path: Path) -> Roadmap:
    return load_roadmap(seed_path)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where state files go; does not exist until the first save."""
    return tmp_path / "data" / "dlroadmap" / "roadmaps"


@pytest.fixture
def store(roadmap: Roadmap, seed_path: Path, folder: Path) -> Store:
    return Store.open(roadmap, seed_path, folder)


def by_text(roadmap: Roadmap, text: str) -> Node:
    matches = [node for node in roadmap.items() if node.text == text]
    assert len(matches) == 1, f"expected one item called {text!r}, found {len(matches)}"
    return matches[0]


def todo_items(roadmap: Roadmap) -> list[Node]:
    return [node for node in roadmap.items() if node.initial_status is Status.TODO]


def file_identity(path: Path) -> tuple[int, int, bytes]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns, path.read_bytes()


def private_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# Round trip ----------------------------------------------------------------------------


def test_statuses_notes_and_dates_round_trip(
    roadmap: Roadmap, seed_path: Path, folder: Path, store: Store
) -> None:
    first, second, third, fourth = todo_items(roadmap)[:4]
    assert store.set_status(first, Status.DONE, when=T1)
    assert store.set_status(second, Status.IN_PROGRESS, when=T2)
    assert store.set_status(third, Status.SKIPPED, when=T3)
    assert store.set_note(fourth, "Read chapter 3.\nRedo the exercises.", when=T2)
    assert store.set_note(first, "done in a weekend", when=T3)

    again = Store.open(roadmap, seed_path, folder)
    assert again.path == store.path
    assert [again.status(node) for node in (first, second, third, fourth)] == [
        Status.DONE,
        Status.IN_PROGRESS,
        Status.SKIPPED,
        Status.TODO,
    ]
    assert again.note(fourth) == "Read chapter 3.\nRedo the exercises."
    assert again.note(first) == "done in a weekend"
    assert again.note(second) == ""

    state = read_state(store.path)
    assert state.title == roadmap.text
    assert state.source == str(seed_path.resolve())
    assert state.items[first.id].status_changed == T1
    assert state.items[first.id].note_changed == T3
    assert state.items[second.id].status_changed == T2
    assert state.items[third.id].status_changed == T3
    assert state.items[fourth.id].note_changed == T2
    assert state.items[fourth.id].status is None
    assert state.items[fourth.id].status_changed is None
    assert state.items[first.id].text == first.text
    assert dict(again.notes()) == {
        first.id: "done in a weekend",
        fourth.id: "Read chapter 3.\nRedo the exercises.",
    }


def test_default_timestamps_are_local_aware_and_to_the_second(
    roadmap: Roadmap, store: Store
) -> None:
    node = todo_items(roadmap)[0]
    before = datetime.now().astimezone().replace(microsecond=0)
    store.set_status(node, Status.DONE)
    store.set_note(node, "n")
    after = datetime.now().astimezone()
    saved = read_state(store.path).items[node.id]
    for stamp in (saved.status_changed, saved.note_changed):
        assert stamp is not None
        assert stamp.tzinfo is not None
        assert stamp.microsecond == 0
        assert before <= stamp <= after


# The file a person reads ---------------------------------------------------------------


def test_file_is_readable_toml_with_schema_first_and_sorted_items(
    roadmap: Roadmap, store: Store
) -> None:
    items = todo_items(roadmap)
    chosen = [items[-1], items[0], items[len(items) // 2], items[3]]
    for node in chosen:  # Not in sorted order, so sorting is the store's doing.
        store.set_status(node, Status.DONE, when=T1)
    store.set_note(items[0], "First line of the note\nsecond line, ünïcode ✓ and (parens)", when=T1)

    text = store.path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"schema = {SCHEMA}"
    assert SCHEMA == 2

    headers = re.findall(r'^\[items\."([^"]+)"\]$', text, flags=re.MULTILINE)
    assert len(headers) == len(chosen)
    assert headers == sorted(node.id for node in chosen)

    # The note is a multi-line string whose lines read as the user wrote them.
    assert 'note = """\n' in text
    assert "First line of the note\n" in text
    assert '\nsecond line, ünïcode ✓ and (parens)"""\n' in text
    assert re.search(r"^status_changed = 2024-05-01[T ]10:30:00\+02:00$", text, re.MULTILINE)
    assert f'text = "{items[0].text}"' in text
    assert tomllib.loads(text)["schema"] == SCHEMA


NASTY_NOTES = {
    "unicode": "🧠 👩‍💻 e\u0301 中文 العربية \u202eRTL\u202c \ufeffBOM \u2028 \u0085 \U0010fffd",
    "triple quotes": 'before """ after "" and \'\'\' and a lone " at the end "',
    "ends with quotes": 'ends with """',
    "backslashes": "C:\\path\\to\\file \\n is not a newline \\\\ \\u0041 \\\ntrailing \\",
    "control characters": "red \x1b[31mtext\x1b[0m bell \x07 nul \x00 del \x7f vt \x0b ff \x0c",
    "tabs": "\tindented\n\t\ttwice",
    "crlf": "windows\r\nline\r\nendings\r\n",
    "lone cr": "old mac\rline\r",
    "crlf only": "\r\n\r\n",
    "leading newline": "\nstarts with a newline",
    "blank lines": "\n\n\n",
    "whitespace only": "   ",
    "trailing newlines": "text\n\n",
    "looks like toml": 'note = """\n[items."x"]\nstatus = "done"\n',
}


@pytest.mark.parametrize("note", NASTY_NOTES.values(), ids=NASTY_NOTES.keys())
def test_any_note_round_trips_exactly(roadmap: Roadmap, store: Store, note: str) -> None:
    node = todo_items(roadmap)[0]
    assert store.set_note(node, note, when=T1)
    read_back = read_state(store.path).items[node.id].note
    assert read_back.encode("utf-8") == note.encode("utf-8")


def test_all_nasty_notes_together_round_trip(roadmap: Roadmap, store: Store) -> None:
    nodes = todo_items(roadmap)
    notes = dict(zip((node.id for node in nodes), NASTY_NOTES.values(), strict=False))
    for node in nodes[: len(notes)]:
        store.set_note(node, notes[node.id], when=T2)
    state = read_state(store.path)
    assert {key: item.note for key, item in state.items.items()} == notes


@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_megabyte_note_round_trips(roadmap: Roadmap, store: Store, line_end: str) -> None:
    line = 'Lorem ipsum ✓ 🧠 "quoted" \\ back\tslash """ \x1b[0m' + line_end
    note = line * (1_000_000 // len(line.encode("utf-8")) + 1)
    assert len(note.encode("utf-8")) > 1_000_000
    node = todo_items(roadmap)[0]
    store.set_note(node, note, when=T1)
    assert read_state(store.path).items[node.id].note == note


def test_multiline_strings_are_kept_for_other_notes_only_without_cr(
    roadmap: Roadmap, store: Store
) -> None:
    node = todo_items(roadmap)[0]
    store.set_note(node, "plain\nnote", when=T1)
    assert 'note = """' in store.path.read_text(encoding="utf-8")
    # dump_state is what save writes; it must agree with the file.
    assert dump_state(store.state) == store.path.read_text(encoding="utf-8")


# Permissions and atomic writes ---------------------------------------------------------


def test_state_file_is_0600_and_new_folders_are_0700(roadmap: Roadmap, seed_path: Path) -> None:
    folder = locations.state_dir()
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert folder.is_relative_to(data_home)
    assert not data_home.exists()
    store = Store.open(roadmap, seed_path, folder)
    store.set_status(todo_items(roadmap)[0], Status.DONE)

    assert store.path.parent == folder
    assert private_mode(store.path) == 0o600
    # Every folder the save had to create is private, the data folder among them.
    for created in (folder, locations.data_dir(), data_home):
        assert private_mode(created) == 0o700, created


def test_mode_stays_0600_after_many_saves(roadmap: Roadmap, store: Store) -> None:
    node = todo_items(roadmap)[0]
    for index in range(5):
        store.set_note(node, f"version {index}")
    assert private_mode(store.path) == 0o600


def state_files(folder: Path) -> list[str]:
    """The files in the folder but the lock files a save leaves."""
    return sorted(path.name for path in folder.iterdir() if path.suffix != ".lock")


def test_saves_leave_no_temporary_files(roadmap: Roadmap, store: Store, folder: Path) -> None:
    for index, node in enumerate(todo_items(roadmap)[:10]):
        store.set_status(node, Status.DONE)
        store.set_note(node, f"note {index}")
    # The state file and its lock file (kept: removing a lock file on release is racy).
    names = sorted(path.name for path in folder.iterdir())
    assert names == [store.path.name, f"{store.path.name}.lock"]
    assert private_mode(folder / f"{store.path.name}.lock") == 0o600


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_write_leaves_old_file_byte_identical(
    roadmap: Roadmap,
    store: Store,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    first, second = todo_items(roadmap)[:2]
    store.set_status(first, Status.DONE, when=T1)
    store.set_note(first, "keep me", when=T1)
    before = store.path.read_bytes()

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(OSError, match="No space left"):
        store.set_status(second, Status.IN_PROGRESS, when=T2)
    monkeypatch.undo()

    assert store.path.read_bytes() == before
    assert state_files(folder) == [store.path.name]
    assert read_state(store.path).items[first.id].note == "keep me"


# Broken state files --------------------------------------------------------------------

BROKEN: dict[str, tuple[bytes, str]] = {
    "not toml": (b"this is = = not toml\n[[[", "not valid TOML"),
    "not utf-8": (b'schema = 1\n[roadmap]\ntitle = "\xff\xfe"\n', "not UTF-8"),
    "status is a number": (
        b'schema = 1\n[items."a/b"]\nstatus = 3\n',
        ".status should be a string, not 3",
    ),
    "note is a number": (
        b'schema = 1\n[items."a/b"]\nnote = 5\n',
        ".note should be a string, not 5",
    ),
    "text is a list": (b'[items."a/b"]\ntext = [1]\n', ".text should be a string"),
    "unknown status": (b'[items."a/b"]\nstatus = "finished"\n', "finished"),
    "newer schema": (b"schema = 99\n", "newer"),
    "schema is text": (b'schema = "one"\n', "schema"),
    "schema is zero": (b"schema = 0\n", "schema"),
    "items is a number": (b"items = 5\n", "[items] should be a"),
    "item is a string": (b'[items]\n"a/b" = "done"\n', 'items."a/b" should be a'),
    "roadmap is a string": (b'roadmap = "x"\n', "[roadmap] should be a"),
    "title is a number": (b"[roadmap]\ntitle = 7\n", "roadmap.title should be a"),
    "date is not a datetime": (
        b'[items."a/b"]\nstatus = "done"\nstatus_changed = "yesterday"\n',
        "status_changed should be a date-time",
    ),
}


@pytest.mark.parametrize(("content", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_state_file_raises_and_is_left_alone(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(content)
    with pytest.raises(StateError) as caught:
        read_state(path)
    message = str(caught.value)
    assert str(path) in message
    assert problem in message
    assert "\n\n" not in message
    assert path.read_bytes() == content


def test_state_error_for_bad_status_lists_the_allowed_values(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[items."a"]\nstatus = "finished"\n', encoding="utf-8")
    with pytest.raises(StateError) as caught:
        read_state(path)
    assert all(status.value in str(caught.value) for status in Status)


@pytest.mark.parametrize(("content", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_opening_a_store_on_a_broken_file_raises_and_keeps_it(
    roadmap: Roadmap, seed_path: Path, folder: Path, content: bytes, problem: str
) -> None:
    path = state_path_for(roadmap, seed_path, folder)
    folder.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(StateError) as caught:
        Store.open(roadmap, seed_path, folder)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)
    assert path.read_bytes() == content
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_unreadable_state_path_is_a_state_error(tmp_path: Path) -> None:
    path = tmp_path / "a-folder.toml"
    path.mkdir()
    with pytest.raises(StateError, match="cannot be read") as caught:
        read_state(path)
    assert str(path) in str(caught.value)


def test_unknown_keys_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(
        "schema = 1\n"
        'future_setting = "yes"\n'
        "[roadmap]\n"
        'title = "T"\n'
        'source = "/x.md"\n'
        "colour = 3\n"
        '[items."a/b"]\n'
        'text = "B"\n'
        'status = "done"\n'
        "status_changed = 2024-05-01T10:30:00+02:00\n"
        'tags = ["x", "y"]\n'
        '[items."a/b".sub]\nkey = 1\n'
        "[elsewhere]\nanything = true\n",
        encoding="utf-8",
    )
    state = read_state(path)
    assert state.title == "T"
    assert state.source == "/x.md"
    assert set(state.items) == {"a/b"}
    assert state.items["a/b"].status is Status.DONE
    assert state.items["a/b"].status_changed == T1


def test_missing_schema_and_sections_read_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_bytes(b"")
    state = read_state(path)
    assert (state.title, state.source, state.items) == ("", "", {})


# Which state file belongs to which roadmap --------------------------------------------


def copy_seed(seed_path: Path, folder: Path, name: str = "plan.md") -> Path:
    folder.mkdir(parents=True)
    return Path(shutil.copy(seed_path, folder / name))


def test_moved_copy_of_a_roadmap_finds_the_same_state(
    seed_path: Path, tmp_path: Path, folder: Path
) -> None:
    first = copy_seed(seed_path, tmp_path / "one")
    second = copy_seed(seed_path, tmp_path / "two", name="renamed.md")
    first_map = load_roadmap(first)
    store = Store.open(first_map, first, folder)
    store.set_status(todo_items(first_map)[0], Status.DONE, when=T1)

    second_map = load_roadmap(second)
    assert state_path_for(second_map, second.resolve(), folder) == store.path
    moved = Store.open(second_map, second, folder)
    assert moved.path == store.path
    assert moved.status(todo_items(second_map)[0]) is Status.DONE


def test_same_title_different_items_never_share_state(
    seed_path: Path, tmp_path: Path, folder: Path
) -> None:
    seed_copy = copy_seed(seed_path, tmp_path / "one")
    other_file = tmp_path / "two" / "plan.md"
    other_file.parent.mkdir()
    other_file.write_text(SAME_TITLE_OTHER_ITEMS, encoding="utf-8")
    seed_map, other_map = load_roadmap(seed_copy), load_roadmap(other_file)
    assert seed_map.text == other_map.text

    seed_store = Store.open(seed_map, seed_copy, folder)
    seed_store.set_status(todo_items(seed_map)[0], Status.DONE, when=T1)
    seed_bytes = seed_store.path.read_bytes()

    other_store = Store.open(other_map, other_file, folder)
    assert other_store.path != seed_store.path
    other_item = todo_items(other_map)[0]
    assert other_store.status(other_item) is Status.TODO
    other_store.set_status(other_item, Status.IN_PROGRESS, when=T2)

    assert seed_store.path.read_bytes() == seed_bytes
    assert state_files(folder) == sorted([seed_store.path.name, other_store.path.name])
    # Both keep finding their own file afterwards.
    assert state_path_for(seed_map, seed_copy.resolve(), folder) == seed_store.path
    assert state_path_for(other_map, other_file.resolve(), folder) == other_store.path
    assert Store.open(seed_map, seed_copy, folder).status(other_item) is Status.TODO


def test_state_file_is_named_after_the_title(roadmap: Roadmap, store: Store, folder: Path) -> None:
    assert store.path.parent == folder
    assert store.path.name == "deep-learning-study-plan.toml"


# Status lookups and no-op changes ------------------------------------------------------


def test_status_falls_back_to_initial_status(roadmap: Roadmap, store: Store) -> None:
    analyzer = by_text(roadmap, "Text Sentiment Analyzer")
    assert analyzer.initial_status is Status.DONE
    assert store.status(analyzer) is Status.DONE
    plain_item = todo_items(roadmap)[0]
    assert store.status(plain_item) is Status.TODO


def test_user_change_overrides_initial_status_even_back_to_todo(
    roadmap: Roadmap, seed_path: Path, folder: Path, store: Store
) -> None:
    analyzer = by_text(roadmap, "Text Sentiment Analyzer")
    assert store.set_status(analyzer, Status.TODO, when=T1)
    assert store.status(analyzer) is Status.TODO
    assert Store.open(roadmap, seed_path, folder).status(analyzer) is Status.TODO
    assert read_state(store.path).items[analyzer.id].status is Status.TODO

    assert store.set_status(analyzer, Status.DONE, when=T2)
    assert Store.open(roadmap, seed_path, folder).status(analyzer) is Status.DONE


def test_no_op_changes_do_not_create_a_file(roadmap: Roadmap, store: Store, folder: Path) -> None:
    analyzer = by_text(roadmap, "Text Sentiment Analyzer")
    todo = todo_items(roadmap)[0]
    assert store.set_status(analyzer, Status.DONE) is False
    assert store.set_status(todo, Status.TODO) is False
    assert store.set_note(todo, "") is False
    assert not store.path.exists()
    assert not folder.exists()


def test_no_op_changes_do_not_rewrite_the_file(roadmap: Roadmap, store: Store) -> None:
    node = todo_items(roadmap)[0]
    assert store.set_status(node, Status.IN_PROGRESS, when=T1) is True
    assert store.set_note(node, "a note", when=T1) is True
    before = file_identity(store.path)
    assert store.set_status(node, Status.IN_PROGRESS, when=T2) is False
    assert store.set_note(node, "a note", when=T2) is False
    assert file_identity(store.path) == before
    assert read_state(store.path).items[node.id].status_changed == T1


def test_clearing_a_note_is_saved(roadmap: Roadmap, seed_path: Path, store: Store) -> None:
    node = todo_items(roadmap)[0]
    store.set_note(node, "temporary", when=T1)
    assert store.set_note(node, "", when=T2) is True
    again = Store.open(roadmap, seed_path, store.path.parent)
    assert again.note(node) == ""
    assert dict(again.notes()) == {}


# Counting ------------------------------------------------------------------------------


def independent_tally(node: Node, status_of: Callable[[Node], Status]) -> Tally:
    counts = dict.fromkeys(Status, 0)
    for below in node.walk():
        if below is not node and below.trackable:
            counts[status_of(below)] += 1
    return Tally(
        done=counts[Status.DONE],
        in_progress=counts[Status.IN_PROGRESS],
        todo=counts[Status.TODO],
        skipped=counts[Status.SKIPPED],
    )


def test_tally_groups_matches_an_independent_count(roadmap: Roadmap, store: Store) -> None:
    cycle = [Status.DONE, Status.SKIPPED, Status.IN_PROGRESS, Status.TODO, Status.SKIPPED]
    for index, node in enumerate(roadmap.items()):
        store.set_status(node, cycle[index % len(cycle)], when=T1)

    groups = tally_groups(roadmap, store.status)
    parents = [node for node in roadmap.walk() if node.children]
    assert set(groups) == {node.id for node in parents}
    for node in parents:
        expected = independent_tally(node, store.status)
        assert groups[node.id] == expected, node.id
        assert groups[node.id].total == expected.done + expected.in_progress + expected.todo

    whole = overall(roadmap, groups, store.status)
    statuses = [store.status(node) for node in roadmap.items()]
    assert whole.skipped == statuses.count(Status.SKIPPED) > 0
    assert whole.total == len(statuses) - statuses.count(Status.SKIPPED)
    parts = [groups[phase.id] for phase in roadmap.phases if phase.children]
    parts.append(tally_items([p for p in roadmap.phases if p.trackable], store.status))
    for field in ("done", "in_progress", "todo", "skipped"):
        assert sum(getattr(part, field) for part in parts) == getattr(whole, field)
    assert whole == tally_items(roadmap.items(), store.status)


def test_retally_after_changes_equals_a_full_count(roadmap: Roadmap, store: Store) -> None:
    groups = tally_groups(roadmap, store.status)
    changed = todo_items(roadmap)[::7]
    for node in changed:
        store.set_status(node, Status.DONE, when=T1)
    updated = retally(roadmap, groups, [node.id for node in changed], store.status)
    assert updated == tally_groups(roadmap, store.status)
    assert updated != groups


def test_skipped_items_leave_a_group_complete(roadmap: Roadmap, store: Store) -> None:
    phase = next(p for p in roadmap.phases if p.children)
    below = [node for node in phase.walk() if node is not phase and node.trackable]
    assert len(below) >= 2
    store.set_status(below[0], Status.SKIPPED, when=T1)
    for node in below[1:]:
        store.set_status(node, Status.DONE, when=T1)
    tally = tally_groups(roadmap, store.status)[phase.id]
    assert tally == Tally(done=len(below) - 1, skipped=1)
    assert tally.complete
    assert tally.fraction == 1.0


# Activity, revisits and schema migration ---------------------------------------------


def test_each_action_is_counted_on_its_day(roadmap: Roadmap, store: Store) -> None:
    first, second = todo_items(roadmap)[:2]
    store.set_status(first, Status.DONE, when=T1)
    store.set_note(first, "a note", when=T1)
    store.set_note(first, "the note, edited", when=T1)
    store.set_status(second, Status.IN_PROGRESS, when=T2)
    days = read_state(store.path).activity
    day1, day2 = T1.date().isoformat(), T2.date().isoformat()
    assert days[day1].actions == 3
    assert days[day1].done == (first.id,)
    assert days[day1].notes == (first.id,)
    assert days[day2].actions == 1
    assert days[day2].done == ()


def test_a_done_topic_gets_a_revisit_card_due_two_days_later(
    roadmap: Roadmap, store: Store
) -> None:
    node = todo_items(roadmap)[0]
    store.set_status(node, Status.DONE, when=T1)
    card = read_state(store.path).items[node.id].revisit
    assert card is not None
    assert (datetime.fromisoformat(card["due"]) - T1).days == 2
    store.rate_revisit(node, Rating.GOOD, when=datetime.fromisoformat(card["due"]))
    again = read_state(store.path).items[node.id].revisit
    assert again is not None
    assert datetime.fromisoformat(again["due"]) > datetime.fromisoformat(card["due"])
    assert node.id in read_state(store.path).activity[again["last_review"][:10]].revisited


def test_a_revisit_is_rated_in_a_later_session_too(
    roadmap: Roadmap, seed_path: Path, folder: Path, store: Store
) -> None:
    # The card is read back from the file, where FSRS's empty fields are left out.
    node = todo_items(roadmap)[0]
    store.set_status(node, Status.DONE, when=T1)
    later = Store.open(roadmap, seed_path, folder)
    card = later.item(node.id).revisit if later.item(node.id) else None
    assert card is not None
    later.rate_revisit(node, Rating.AGAIN, when=datetime.fromisoformat(card["due"]))
    again = read_state(later.path).items[node.id].revisit
    assert again is not None and again["last_review"] > card["last_review"]


def test_a_schema_1_file_is_migrated_and_its_original_kept(
    roadmap: Roadmap, seed_path: Path, folder: Path
) -> None:
    node = todo_items(roadmap)[0]
    old = (
        'schema = 1\n\n[roadmap]\ntitle = "x"\nsource = "/x.md"\n\n'
        f'[items."{node.id}"]\ntext = "{node.text}"\nstatus = "done"\nnote = "kept"\n'
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "deep-learning-study-plan.toml"
    path.write_text(old, encoding="utf-8")
    store = Store.open(roadmap, seed_path, folder)
    assert store.backup is not None
    assert store.backup.read_text(encoding="utf-8") == old
    migrated = tomllib.loads(path.read_text(encoding="utf-8"))
    assert migrated["schema"] == SCHEMA
    assert migrated["items"][node.id]["note"] == "kept"


def test_a_read_only_store_writes_nothing(roadmap: Roadmap, seed_path: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "deep-learning-study-plan.toml"
    old = 'schema = 1\n[roadmap]\ntitle = "x"\n'
    path.write_text(old, encoding="utf-8")
    store = Store.open(roadmap, seed_path, folder, writable=False)
    assert store.backup is None
    assert path.read_text(encoding="utf-8") == old
    assert sorted(p.name for p in folder.iterdir()) == [path.name]
    with pytest.raises(RuntimeError):
        store.set_status(todo_items(roadmap)[0], Status.DONE)


def test_a_roadmap_without_a_title_keeps_its_progress_when_renamed(
    tmp_path: Path, folder: Path
) -> None:
    first = tmp_path / "notes.md"
    first.write_text("## A\n- one\n- two\n", encoding="utf-8")
    store = Store.open(load_roadmap(first), first, folder)
    store.set_status(todo_items(store.roadmap)[0], Status.DONE, when=T1)
    renamed = tmp_path / "elsewhere" / "renamed.md"
    renamed.parent.mkdir()
    first.rename(renamed)
    again = Store.open(load_roadmap(renamed), renamed, folder)
    assert again.path == store.path
    assert again.status(todo_items(again.roadmap)[0]) == Status.DONE
