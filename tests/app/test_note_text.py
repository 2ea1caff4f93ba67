"""Notes typed, pasted and edited in the app are saved exactly as written; the
screen shows them safely."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import TextArea

from tests.apptools import find, make_app, saved, screen_text

SIZE = (100, 30)
TOPIC = "Understand what Deep Learning is"
# An emoji with its variation selector, CR LF line ends, a bidi isolate.
NOTE = "I ❤️ it\r\nsee \u2067abc\u2069 here"


async def test_editing_a_saved_note_keeps_what_the_screen_does_not_show(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    node = find(app.roadmap, TOPIC)
    app.store.set_note(node, NOTE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*" now")
        await pilot.press("escape")
        await pilot.pause()
        assert saved(app)[node.id]["note"] == NOTE + " now"
        # Shown safely: the isolates as visible symbols, never raw to the terminal.
        text = screen_text(app)
        assert "see �abc� here now" in text
        assert "\u2067" not in text


async def test_a_pasted_note_is_saved_as_pasted_through_later_edits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    node = find(app.roadmap, TOPIC)
    pasted = "❤️ \u2067abc\u2069"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.focused, TextArea)
        # As the terminal's bracketed paste reaches the app.
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        await pilot.press("!", "escape")
        await pilot.pause()
        assert saved(app)[node.id]["note"] == pasted + "!"
        # Opened again (shown without the selector and isolates) and added to.
        await pilot.press("n", "?", "escape")
        await pilot.pause()
        assert saved(app)[node.id]["note"] == pasted + "!?"
