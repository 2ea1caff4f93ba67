"""Running the real `dlroadmap` command: in a pseudo-terminal, as a user's terminal would,
or piped, as a script would."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path


class Terminal:
    """A child process on a pty of a fixed size; collects everything it writes."""

    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)):
        import fcntl
        import struct
        import termios

        self.master, slave = os.openpty()
        columns, lines = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "dlroadmap", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**os.environ, "TERM": "xterm-256color", **env},
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    def read(self, seconds: float) -> bytes:
        """What arrives within `seconds`."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.output += chunk
        return self.output

    def wait_for(self, text: bytes, seconds: float = 40) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if text in self.read(0.1):
                return True
            if self.process.poll() is not None:
                return text in self.read(0.2)
        return False

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def quit(self, seconds: float = 40) -> int:
        """Press q until the app has gone (a key sent while it still starts may go unseen)."""
        end = time.monotonic() + seconds
        while self.process.poll() is None and time.monotonic() < end:
            self.type("q")
            self.read(0.5)
        return self.close()

    def signal(self, number: signal.Signals) -> None:
        self.process.send_signal(number)

    def close(self) -> int:
        try:
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            # Never leave an app running behind a failed test.
            self.process.kill()
            self.process.wait()
            raise
        finally:
            os.close(self.master)


def run_cli(
    *args: str | Path, python_options: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Run the command with the test's XDG folders, stdin and stdout not a terminal."""
    return subprocess.run(
        [sys.executable, *python_options, "-m", "dlroadmap", *map(str, args)],
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def state_home(tmp_path: Path) -> dict[str, str]:
    return {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
