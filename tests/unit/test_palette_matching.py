"""The command palette's matching of topic names, without the palette."""

from __future__ import annotations

import time


def test_palette_matching_takes_bounded_time_on_a_line_of_repeats() -> None:
    # Textual's matcher alone takes seconds here: it tries every way the letters fit.
    from textual.fuzzy import Matcher

    from dlroadmap.app.palette import _match

    line = " - ".join(f"level {number}" for number in range(1000))
    started = time.monotonic()
    score, offsets = _match(Matcher("level le vel"), line)
    assert time.monotonic() - started < 0.5
    assert score > 0
    assert [line[offset] for offset in offsets] == list("level le vel")
