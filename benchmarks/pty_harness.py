"""Run a command in a real pseudo-terminal and watch what it draws, through pyte.

A `PtySession` spawns the command on the slave side of a fresh pty of a fixed
size (the size set with TIOCSWINSZ, and in COLUMNS/LINES), reads everything it
writes from the master side and feeds it to a `pyte` screen, an in-memory
xterm emulator. Like a real terminal it answers queries: pyte's own replies
(device attributes, cursor position) are written back into the pty, and the
harness answers Textual's DECRQM query for synchronized output (mode 2026) with
"supported", as kitty, WezTerm, foot, iTerm2, Windows Terminal... do. Textual
then brackets every frame in CSI ?2026h ... CSI ?2026l, which gives the harness
exact frame boundaries: a screen test is evaluated only where a terminal would
show the screen, at the end of a frame (or at the end of a read when output is
not bracketed). Textual never blocks waiting for any of these replies (checked
in textual/drivers/linux_driver.py: the queries are fire-and-forget).

Timing rules, shared by every figure measured here:

* The clock is read right after a read from the pty returns and before pyte
  parses it, so the emulator's own cost is not charged to the app; everything
  available is drained in one go before pyte is fed.
* "First frame" after a key: the end of the first complete frame written after
  the key, i.e. when a terminal with synchronized output would show the change.
* "Settled": the last byte before the output went quiet for `quiet` seconds.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyte

COLUMNS = 120
LINES = 36

SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
SYNC_QUERY = b"\x1b[?2026$p"
# DECRPM: mode 2026 is known and currently reset (2), i.e. supported.
SYNC_REPLY = b"\x1b[?2026;2$y"
_MARKERS = (SYNC_START, SYNC_END, SYNC_QUERY)
_LONGEST = max(len(m) for m in _MARKERS)

ScreenTest = Callable[[pyte.Screen], bool]


class HarnessError(RuntimeError):
    """The child did not draw what was expected in time, or died; holds the last screen."""


@dataclass(frozen=True, slots=True)
class Paint:
    """When a screen test first held: seconds since spawn, bytes written up to then."""

    seconds: float
    nbytes: int
    screen: str


@dataclass(frozen=True, slots=True)
class KeyResult:
    """What one key made the app write, until the output went quiet.

    Times are seconds from writing the key to the pty; None when nothing came.
    """

    nbytes: int
    first_byte: float | None
    first_frame: float | None
    settled: float | None
    frames: int


@dataclass(slots=True)
class _Step:
    stamp: float
    nbytes: int
    frames: int
    hit: int | None  # total bytes at the frame end where the test first held
    hit_screen: str = ""


@dataclass(slots=True)
class PtySession:
    argv: Sequence[str]
    env: Mapping[str, str]
    columns: int = COLUMNS
    lines: int = LINES
    sync_output: bool = True
    proc: subprocess.Popen[bytes] = field(init=False)
    master: int = field(init=False)
    screen: pyte.Screen = field(init=False)
    stream: pyte.ByteStream = field(init=False)
    started: float = field(init=False)
    total_bytes: int = field(init=False, default=0)
    frames: int = field(init=False, default=0)
    _pending: bytes = field(init=False, default=b"")
    _in_frame: bool = field(init=False, default=False)
    _eof: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.screen = pyte.Screen(self.columns, self.lines)
        # pyte answers queries it knows (DA, DSR) through this hook: into the pty.
        self.screen.write_process_input = self._reply  # type: ignore[method-assign]
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.lines, self.columns, 0, 0))
        env = dict(self.env)
        env.update(TERM="xterm-256color", COLUMNS=str(self.columns), LINES=str(self.lines))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            list(self.argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
            # The pty becomes the child's controlling terminal, as in a real terminal.
            preexec_fn=_take_controlling_tty,
        )
        os.close(slave)
        os.set_blocking(master, False)
        self.master = master

    # -- plumbing --------------------------------------------------------------

    def _reply(self, data: str | bytes) -> None:
        with contextlib.suppress(OSError):
            os.write(self.master, data.encode() if isinstance(data, str) else data)

    def _read_available(self, timeout: float) -> bytes:
        """Wait up to `timeout` for output, then drain all that is there."""
        if self._eof:
            time.sleep(max(0.0, timeout))
            return b""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return b""
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(self.master, 1 << 16)
            except BlockingIOError:
                break
            except OSError as error:  # EIO: the child closed its side
                if error.errno != errno.EIO:
                    raise
                self._eof = True
                break
            if not chunk:
                self._eof = True
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def _segments(self, data: bytes) -> Iterator[tuple[bytes, bool]]:
        """Split output at frame ends: (bytes, screen is consistent after them)."""
        buf = self._pending + data
        self._pending = b""
        start = 0
        at = 0
        while True:
            at = buf.find(b"\x1b[?2026", at)
            if at < 0:
                break
            marker = next((m for m in _MARKERS if buf.startswith(m, at)), None)
            if marker is None:
                if len(buf) - at < _LONGEST:  # maybe a marker cut by the read: keep it
                    self._pending = buf[at:]
                    buf = buf[:at]
                    break
                at += 1
                continue
            end = at + len(marker)
            if marker == SYNC_QUERY:
                if self.sync_output:
                    self._reply(SYNC_REPLY)
            elif marker == SYNC_START:
                self._in_frame = True
            else:
                self._in_frame = False
                yield buf[start:end], True
                start = end
            at = end
        if start < len(buf):
            yield buf[start:], not self._in_frame

    def _step(self, timeout: float, test: ScreenTest | None = None) -> _Step:
        data = self._read_available(timeout)
        stamp = time.perf_counter()
        frames = 0
        hit: int | None = None
        hit_screen = ""
        for segment, consistent in self._segments(data):
            self.total_bytes += len(segment)
            self.stream.feed(segment)
            if consistent:
                frames += 1
                if test is not None and hit is None and test(self.screen):
                    hit = self.total_bytes
                    hit_screen = self.text()
        self.frames += frames
        return _Step(stamp, len(data), frames, hit, hit_screen)

    def _alive(self) -> bool:
        return not self._eof and self.proc.poll() is None

    # -- what the harness asks ---------------------------------------------------

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, test: ScreenTest, timeout: float) -> Paint:
        """The first frame end at which `test(screen)` holds."""
        deadline = time.perf_counter() + timeout
        while True:
            now = time.perf_counter()
            if now > deadline:
                raise HarnessError(f"timed out after {timeout:.0f} s; screen:\n{self.text()}")
            step = self._step(min(0.05, deadline - now), test)
            if step.hit is not None:
                return Paint(step.stamp - self.started, step.hit, step.hit_screen)
            if not step.nbytes and not self._alive():
                raise HarnessError(
                    f"exited with {self.proc.poll()} before drawing; screen:\n{self.text()}"
                )

    def wait_quiet(
        self,
        quiet: float,
        first_timeout: float = 0.0,
        until: ScreenTest | None = None,
        timeout: float = 60.0,
    ) -> KeyResult:
        """Read until nothing arrives for `quiet` s (waiting up to `first_timeout` s for a start).

        `first_timeout` lets a slow key (Textual holds a lone ESC for ESCDELAY,
        100 ms, and sees it on its 100 ms input tick) show up before silence counts.
        With `until`, the first frame is the first one at whose end `until` holds,
        and the output only counts as over once it has held.
        """
        start = time.perf_counter()
        deadline = start + timeout
        nbytes = frames = 0
        first_byte = first_frame = settled = None
        last_activity = start
        while True:
            now = time.perf_counter()
            waiting = first_byte is None or (until is not None and first_frame is None)
            window = max(quiet, first_timeout) if waiting else quiet
            if now - last_activity >= window:
                break
            if now > deadline:
                raise HarnessError(f"output never went quiet within {timeout:.0f} s")
            step = self._step(window - (now - last_activity), until)
            if step.nbytes:
                nbytes += step.nbytes
                elapsed = step.stamp - start
                if first_byte is None:
                    first_byte = elapsed
                if first_frame is None and (step.hit is not None if until else step.frames):
                    first_frame = elapsed
                frames += step.frames
                settled = elapsed
                last_activity = step.stamp
            elif not self._alive():
                break
        return KeyResult(nbytes, first_byte, first_frame, settled, frames)

    def press(
        self,
        key: bytes,
        quiet: float,
        first_timeout: float = 1.0,
        until: ScreenTest | None = None,
    ) -> KeyResult:
        """Write one key's bytes; measure what comes back until the output is quiet."""
        os.write(self.master, key)
        return self.wait_quiet(quiet, first_timeout, until)

    def peak_rss_kib(self) -> int:
        """VmHWM of the child: the most resident memory it has held so far."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise HarnessError("no VmHWM in /proc/<pid>/status")

    def close(self, quit_key: bytes | None = b"q", grace: float = 3.0) -> None:
        """Ask politely (`quit_key`), then SIGTERM, then SIGKILL the child's session."""
        try:
            if quit_key is not None and self.proc.poll() is None:
                with contextlib.suppress(OSError):
                    os.write(self.master, quit_key)
                deadline = time.perf_counter() + grace
                while self.proc.poll() is None and time.perf_counter() < deadline:
                    # Keep draining: a child blocked on a full pty never exits.
                    self._read_available(0.02)
            for sig in (signal.SIGTERM, signal.SIGKILL):
                if self.proc.poll() is not None:
                    break
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, sig)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout=grace)
            self.proc.wait()
        finally:
            with contextlib.suppress(OSError):
                os.close(self.master)

    def __enter__(self) -> PtySession:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.close(quit_key=b"q" if kind is None else None)


def _take_controlling_tty() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def shows(*needles: str) -> ScreenTest:
    """A screen test: every needle is somewhere on the screen."""

    def test(screen: pyte.Screen) -> bool:
        text = "\n".join(screen.display)
        return all(needle in text for needle in needles)

    return test


def lacks(*needles: str) -> ScreenTest:
    """A screen test: none of the needles is on the screen."""

    def test(screen: pyte.Screen) -> bool:
        text = "\n".join(screen.display)
        return not any(needle in text for needle in needles)

    return test


# What a terminal in its default (legacy) keyboard mode sends; pyte never answers
# Textual's kitty keyboard protocol request, so Textual expects these.
KEYS: dict[str, bytes] = {
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "space": b" ",
    "n": b"n",
    "escape": b"\x1b",
    "q": b"q",
}
