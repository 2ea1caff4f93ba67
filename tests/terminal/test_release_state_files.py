"""Nobody's progress is lost by the parser that reads real roadmaps as their learners mean
them: state files saved by release bca46a0 (its own code, run in a process of its own) on
the bundled plan and on every corpus file re-open with every status and note on the same
topic, or, for a topic now set aside, listed with the unmatched notes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.model import plain
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.repo import CORPUS, ROOT

RELEASE = "bca46a0"
ROADMAPS = [
    bundled_roadmap_path(),
    *(sorted(p for p in CORPUS.glob("*.md") if p.name != "SOURCES.md") if CORPUS.is_dir() else []),
]

# Run with the release's package first on the path: every item of each roadmap gets a
# status and a note of its own, saved by the release's store.
SAVE_WITH_THE_RELEASE = """
import json, sys
from pathlib import Path
from dlroadmap.model import Status
from dlroadmap.source import load_roadmap
from dlroadmap.store import Store

statuses = (Status.DONE, Status.IN_PROGRESS, Status.SKIPPED)
saved = {}
for source, folder in json.loads(sys.argv[1]):
    roadmap = load_roadmap(Path(source))
    store = Store.open(roadmap, Path(source), Path(folder))
    records = []
    for number, node in enumerate(n for n in roadmap.walk() if n.trackable):
        status, note = statuses[number % 3], f"note {number} on {node.text}"
        entry = store._entry(node).with_status(status, None).with_note(note, None)
        store.state.items[node.id] = entry
        records.append((node.id, node.text, status.value, note))
    store.save()
    saved[source] = records
print(json.dumps(saved))
"""


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release's package, taken from this checkout's history."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("no git history beside the tests: the release's code cannot be had")
    found = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{RELEASE}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if found.returncode != 0:
        pytest.skip(f"commit {RELEASE} is not in this checkout's history (a shallow clone?)")
    folder = tmp_path_factory.mktemp("release")
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", RELEASE, "dlroadmap"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


@pytest.fixture(scope="module")
def saved_by_release(
    release: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, list[tuple[str, str, str, str]]]]:
    """Per roadmap: the state folder the release saved into, and what it saved per item
    (id, text, status, note)."""
    states = tmp_path_factory.mktemp("states")
    jobs = [(str(path), str(states / path.stem)) for path in ROADMAPS]
    result = subprocess.run(
        [sys.executable, "-c", SAVE_WITH_THE_RELEASE, json.dumps(jobs)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(release)},
        cwd=release,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    saved = json.loads(result.stdout)
    return {
        source: (Path(folder), [tuple(record) for record in saved[source]])  # type: ignore[misc]
        for source, folder in jobs
    }


def _same_topic(text_now: str, text_then: str) -> bool:
    """The same topic's name, allowing for a status marker or a badge now left out."""
    return text_now == text_then or slugify(text_now, 10_000) in slugify(text_then, 10_000)


@pytest.mark.parametrize("path", ROADMAPS, ids=lambda path: path.name.split("--")[0])
def test_every_status_and_note_saved_by_the_release_is_on_its_topic(
    path: Path, saved_by_release: dict[str, tuple[Path, list[tuple[str, str, str, str]]]]
) -> None:
    folder, records = saved_by_release[str(path)]
    assert records, "the release saw items in every roadmap here"
    store = Store.open(load_roadmap(path), path, folder)
    roadmap = store.roadmap
    on_topics = {store.note(node): node for node in roadmap.items() if store.note(node)}
    unmatched = {item.note: (key, item) for key, item in store.unmatched()}
    order = {node.id: number for number, node in enumerate(roadmap.walk())}
    resources = {plain(run) for node in roadmap.walk() for run in node.resources}
    places: list[int] = []
    into_children = set()
    for old_id, text, status, note in records:
        node = on_topics.get(note)
        if node is not None:
            if node.id.startswith(f"{old_id}/"):
                # A heading-topic that now holds the paper its paragraph names: the note
                # followed its nearly same-named item, and the learner is told.
                into_children.add(old_id)
            else:
                assert _same_topic(node.text, text), (note, node.text)
            assert store.status(node).value == status, note
            places.append(order[node.id])
            continue
        # No longer a topic: set aside where it was, a heading that now holds the items
        # read from its table or paragraphs, or now a task's resource. Its note and status
        # are kept, and shown with the unmatched notes.
        assert note in unmatched, f"{note!r} is neither on its topic nor unmatched"
        key, item = unmatched[note]
        assert item.status is not None and item.status.value == status
        now = roadmap.get(key)
        if now is not None:
            assert (now.aside or now.children) and _same_topic(now.text, text), (note, now.text)
        else:
            assert text in resources, f"{note!r}: {text!r} is gone from the roadmap"
    # Each note on its own topic, in the roadmap's order.
    assert len(on_topics) + len(unmatched) == len(records)
    assert places == sorted(places)
    # The markdown did not change: nothing else moved, nothing else to tell the learner.
    assert {moved.old_id for moved in store.reattached} == into_children
