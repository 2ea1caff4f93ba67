"""Writer processes on one state file, at once or killed mid-save: no change is ever lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from dlroadmap.progress.locate import read_state
from tests.unit.test_concurrency import items, open_store

WRITER = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path
    from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
    from dlroadmap.progress.lock import SaveWaiting
    from dlroadmap.progress.store import Store

    folder, start, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, folder)
    nodes = list(store.roadmap.items())
    for index in range(start, start + count):
        try:
            store.set_note(nodes[index % len(nodes)], f"note {index}")
        except SaveWaiting:
            # The other writer holds the lock: the change is kept, saved once it lets go
            # (the app retries in the background the same way).
            while True:
                time.sleep(0.05)
                try:
                    store.save()
                    break
                except SaveWaiting:
                    continue
        print(index, flush=True)
    """
)


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    # 20 distinct items each, interleaved saves from two processes.
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(start), "20"])
        for start in (0, 20)
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    store = open_store(tmp_path)
    notes = {store.note(node) for node in items(store.roadmap)[:40]}
    assert notes == {f"note {index}" for index in range(40)}


def test_a_writer_killed_at_any_moment_leaves_a_whole_file(tmp_path: Path) -> None:
    """kill -9 at random points, many times: the file always parses and holds every
    save the writer had finished (it prints an index after each save)."""
    randomness = random.Random(1234)
    nodes = items(open_store(tmp_path).roadmap)
    total = 0
    for round_number in range(25):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(round_number * 1000), "1000"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        # Let it start saving, then kill it somewhere in the middle of a save.
        first = writer.stdout.readline()
        assert first.strip().isdigit()
        time.sleep(randomness.uniform(0, 0.05))
        os.kill(writer.pid, signal.SIGKILL)
        finished = [int(line) for line in [first, *writer.stdout.read().split()] if line.strip()]
        writer.wait()
        state = read_state(open_store(tmp_path).path)
        for index in finished:
            # The item holds this save's note or a later one (the save in flight may
            # have landed before the kill), never an older one.
            saved = state.items[nodes[index % len(nodes)].id].note
            assert int(saved.removeprefix("note ")) >= index
        total += len(finished)
    assert total > 25
