"""`o`: an item's link in the system's browser, or, where there is no screen to show a
browser on (over SSH, a console), copied to the terminal's clipboard (OSC 52).

The browser is started in a process of its own, its output thrown away (a browser's
warnings would be drawn over the app) and not waited for. Tests hand the app their own
`Browse`, so no test ever starts a browser.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping

# Opens a URL in the browser.
Browse = Callable[[str], None]

# Python's own choice of browser (webbrowser), in a process that outlives nothing of ours.
_OPEN = "import sys, webbrowser; sys.exit(not webbrowser.open(sys.argv[1]))"
_REMOTE = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")
_DISPLAYS = ("DISPLAY", "WAYLAND_DISPLAY")


def system_browser(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> Browse | None:
    """The system's browser, or None where a browser would not be seen: over SSH, and on
    a Linux or BSD console with no graphical display."""
    if any(environ.get(name) for name in _REMOTE):
        return None
    if platform not in ("darwin", "win32") and not any(environ.get(n) for n in _DISPLAYS):
        return None
    return launch_browser


def launch_browser(url: str) -> None:
    # Our own interpreter; the URL is an argument, never read by a shell.
    subprocess.Popen(
        [sys.executable, "-c", _OPEN, url],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
