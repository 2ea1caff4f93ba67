"""State files saved by the release before "+" and "#" were spelled out in ids (bca46a0)
re-open with every status and note on its own topic, however the markdown changed since."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import tomli_w

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.parser import parse_roadmap

# -- the fixture of the old format: bca46a0's id rules (dlroadmap/ids.py), as they were --

_OLD_ASCII_RUN = re.compile(r"[^a-z0-9]+")


def _old_keep(char: str) -> bool:
    category = unicodedata.category(char)
    if category[0] in "LN":
        return True
    code = ord(char)
    selector = 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    return category in ("Mn", "Mc") and not selector


def _old_slug(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text).lower()
    if normal.isascii():
        slug = _OLD_ASCII_RUN.sub("-", normal).strip("-")
    else:
        out: list[str] = []
        pending_dash = False
        for char in normal:
            if _old_keep(char):
                if pending_dash and out:
                    out.append("-")
                pending_dash = False
                out.append(char)
            else:
                pending_dash = True
        slug = "".join(out)
    if len(slug) > 60:
        cut = slug.rfind("-", 0, 61)
        slug = (slug[:cut] if cut >= 30 else slug[:60]).strip("-")
    return slug or "untitled"


def _old_ids(siblings: list[Node], parent: str | None = None) -> Iterator[tuple[str, Node]]:
    """Each trackable node with the id that release gave it: a repeated slug got "-2"..."""
    taken: set[str] = set()
    for node in siblings:
        slug = candidate = _old_slug(node.text)
        number = 2
        while candidate in taken:
            candidate = f"{slug}-{number}"
            number += 1
        taken.add(candidate)
        node_id = candidate if parent is None else f"{parent}/{candidate}"
        if node.trackable:
            yield node_id, node
        yield from _old_ids(node.children, node_id)


# -- the roadmaps ----------------------------------------------------------------------

SAVED_WITH = """# Languages
## Systems
- C
- C++
- C#
- Review
- Review
## C++ Track
- Templates
- Learning Rate Scheduling
- Data Augmentation
"""

# The same topics, the same-named ones reordered, one lightly renamed.
EDITED = """# Languages
## Systems
- C#
- C
- C++
- Review
- Review
## C++ Track
- Learning-rate schedules
- Templates
- Data Augmentation
"""

RENAMED = {"Learning Rate Scheduling": "Learning-rate schedules"}
WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
DAY = WHEN.date().isoformat()


def old_state_file(folder: Path, source: Path) -> dict[tuple[str, str], tuple[Status, str]]:
    """A state file as bca46a0 saved it for SAVED_WITH, each topic with its own status and
    note; what each (section, topic) holds. The two "Review"s differ too."""
    roadmap = parse_roadmap(SAVED_WITH, "languages.md")
    statuses = (Status.DONE, Status.IN_PROGRESS, Status.SKIPPED)
    items: dict[str, object] = {}
    held: dict[tuple[str, str], tuple[Status, str]] = {}
    for number, (old_id, node) in enumerate(_old_ids(roadmap.phases)):
        section = _section(roadmap, node)
        status, note = statuses[number % 3], f"note {number} of {node.text} in {section}"
        items[old_id] = {
            "text": node.text,
            "status": status.value,
            "status_changed": WHEN,
            "note": note,
            "note_changed": WHEN,
        }
        held[(section, node.text if node.text != "Review" else f"Review {number}")] = (
            status,
            note,
        )
    assert {"systems/c", "systems/c-2", "systems/c-3", "systems/review-2"} <= set(items)
    state = {
        "schema": 2,
        "roadmap": {"title": "Languages", "source": str(source)},
        # The day's review names the noted topics by id, in the order they were noted.
        "activity": {DAY: {"actions": len(items), "notes": list(items)}},
        "items": items,
    }
    folder.mkdir(parents=True)
    (folder / "languages.toml").write_text(tomli_w.dumps(state), encoding="utf-8")
    return held


def _section(roadmap: Roadmap, node: Node) -> str:
    return roadmap.ancestors(node.id)[0].text


def topics(roadmap: Roadmap) -> dict[str, tuple[str, str]]:
    """Each topic's id, and its (section, text) as the saved file names it."""
    named = {}
    reviews = iter(("Review 3", "Review 4"))
    for node in roadmap.items():
        text = next(reviews) if node.text == "Review" else node.text
        old_text = next((old for old, new in RENAMED.items() if new == text), text)
        named[node.id] = (_section(roadmap, node), old_text)
    return named


def what_each_topic_holds(store: Store) -> dict[tuple[str, str], tuple[Status, str]]:
    return {
        name: (store.status(node), store.note(node))
        for node_id, name in topics(store.roadmap).items()
        if (node := store.roadmap.get(node_id)) is not None
    }


def noted_that_day(store: Store) -> list[tuple[str, str]]:
    named = topics(store.roadmap)
    return [named[node_id] for node_id in store.state.activity[DAY].notes]


def open_store(
    markdown: str, tmp_path: Path, saved_from: str = "languages.md"
) -> tuple[Store, dict[tuple[str, str], object]]:
    source = tmp_path / "languages.md"
    source.write_text(markdown, encoding="utf-8")
    folder = tmp_path / "roadmaps"
    held = old_state_file(folder, (tmp_path / saved_from).resolve())
    store = Store.open(parse_roadmap(markdown, "languages.md"), source, folder)
    assert store.path == folder / "languages.toml"
    return store, dict(held)


def test_an_old_file_reopens_on_the_same_markdown_with_nothing_told(tmp_path: Path) -> None:
    store, held = open_store(SAVED_WITH, tmp_path)
    assert what_each_topic_holds(store) == held
    assert noted_that_day(store) == list(held)
    # Ids changed with the rules, but no topic moved: nothing to tell.
    assert store.reattached == []


def test_an_old_file_reopens_on_reordered_and_renamed_topics(tmp_path: Path) -> None:
    store, held = open_store(EDITED, tmp_path)
    assert what_each_topic_holds(store) == held
    assert noted_that_day(store) == list(held)
    # Told of what moved among its same-named siblings, and of the rename; not of the
    # topics that stayed in place under a renumbered id.
    assert sorted(m.new_text for m in store.reattached) == ["C#", "C++", "Learning-rate schedules"]
    # Saved that way: the file read anew holds the same.
    again = Store.open(store.roadmap, tmp_path / "languages.md", tmp_path / "roadmaps")
    assert what_each_topic_holds(again) == held
    assert again.reattached == []


def test_an_old_file_is_found_when_the_markdown_moved_and_most_ids_changed(
    tmp_path: Path,
) -> None:
    # Found by its items, not its path: most ids changed with "C++" spelled out, the
    # topics' texts did not.
    store, held = open_store(EDITED, tmp_path, saved_from="old-place/languages.md")
    assert what_each_topic_holds(store) == held


def test_a_session_that_set_state_aside_takes_in_what_another_saved_since(
    tmp_path: Path,
) -> None:
    # Saved when "C++" came first: it had the id "c", and "C" had "c-2". Now only "C"
    # is left, with the id "c": the note of "C++" is set aside, the one of "C" follows.
    saved_with = "# Languages\n## Systems\n- C++\n- C\n"
    old = {node.text: old_id for old_id, node in _old_ids(parse_roadmap(saved_with, "x").phases)}
    assert old == {"C++": "systems/c", "C": "systems/c-2"}
    folder, source = tmp_path / "roadmaps", tmp_path / "languages.md"
    source.write_text("# Languages\n## Systems\n- C\n", encoding="utf-8")
    folder.mkdir()
    items = {old_id: {"text": text, "note": f"on {text}"} for text, old_id in old.items()}
    state = {"schema": 2, "roadmap": {"title": "Languages", "source": str(source)}, "items": items}
    (folder / "languages.toml").write_text(tomli_w.dumps(state), encoding="utf-8")

    roadmap = parse_roadmap(source.read_text(encoding="utf-8"), "languages.md")
    first = Store.open(roadmap, source, folder)
    (c,) = roadmap.items()
    assert first.note(c) == "on C"
    assert [item.note for _key, item in first.unmatched()] == ["on C++"]
    # Another session, started later, writes a note on "C" under its id, "c": that
    # is C's own state, not the old file's "c" that was set aside.
    Store.open(roadmap, source, folder).set_note(c, "C, later")
    first.refresh()
    assert first.note(c) == "C, later"
    assert [item.note for _key, item in first.unmatched()] == ["on C++"]


def test_an_old_file_opened_once_then_same_named_sections_swapped_keeps_each_note(
    tmp_path: Path,
) -> None:
    markdown = "# Languages\n## 📚 Review\n- Basics\n## 🧪 Review\n- Basics\n"
    old = [old_id for old_id, _node in _old_ids(parse_roadmap(markdown, "x").phases)]
    assert old == ["review/basics", "review-2/basics"]
    folder, source = tmp_path / "roadmaps", tmp_path / "languages.md"
    source.write_text(markdown, encoding="utf-8")
    folder.mkdir()
    items = {key: {"text": "Basics", "note": f"note {n}"} for n, key in enumerate(old)}
    state = {"schema": 2, "roadmap": {"title": "Languages", "source": str(source)}, "items": items}
    (folder / "languages.toml").write_text(tomli_w.dumps(state), encoding="utf-8")
    # Opened once by this release, which records each topic's headings...
    Store.open(parse_roadmap(markdown, "x"), source, folder)
    # ...so that swapping the sections later swaps nothing of their topics' notes.
    swapped = markdown.replace("📚", "X").replace("🧪", "📚").replace("X", "🧪")
    roadmap = parse_roadmap(swapped, "x")
    store = Store.open(roadmap, source, folder)
    notes = {roadmap.ancestors(node.id)[0].text: store.note(node) for node in roadmap.items()}
    assert notes == {"📚 Review": "note 0", "🧪 Review": "note 1"}
