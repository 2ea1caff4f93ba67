"""Keys handled one at a time, in order, even when they arrive in a burst.

Textual hands a key to whatever has focus when the key arrives. In a burst
(typing ahead, a paste of keystrokes, an SSH link delivering several at once)
the keys after one that moves focus (`/`, `n`, `enter`, `escape`) would land in
the widget being left: text typed into the tree, a space typed into the filter.
Here each key is handed on only once the previous one has been dealt with: a
marker message follows it to the focused widget and bubbles back to the app
along the same path, after the key itself.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App, ReturnType
from textual.message import Message
from textual.timer import Timer

# If a marker is lost (its widget went away with a closing screen), the queue
# moves on after this long; long enough never to cut in on a slow key.
STALL_SECONDS = 2.0


class KeySettled(Message):
    """The key sent before this marker has been handled."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class OrderlyKeysApp(App[ReturnType]):
    def __init__(self) -> None:
        super().__init__()
        self._waiting_keys: deque[events.Key] = deque()
        self._key_number = 0
        self._stall: Timer | None = None

    @property
    def keys_waiting(self) -> int:
        """Keys received and not yet dealt with."""
        return len(self._waiting_keys)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._waiting_keys.append(event)
            if len(self._waiting_keys) == 1:
                await self._send_key()
            return
        await super().on_event(event)

    async def _send_key(self) -> None:
        self._key_number += 1
        await super().on_event(self._waiting_keys[0])
        target = self.focused or self.screen
        target.post_message(KeySettled(self._key_number))
        self._stall = self.set_timer(STALL_SECONDS, self._next_key)

    async def on_key_settled(self, message: KeySettled) -> None:
        message.stop()
        if message.number == self._key_number:
            await self._next_key()

    async def _next_key(self) -> None:
        if self._stall is not None:
            self._stall.stop()
            self._stall = None
        if self._waiting_keys:
            self._waiting_keys.popleft()
        if self._waiting_keys:
            await self._send_key()
