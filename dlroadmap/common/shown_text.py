"""Text as an editor shows it, and the exact text behind it.

An editor shows printable_lines() of a note: control characters as symbols, bidi
controls as "�", no emoji variation selector, CR LF as one line break. That is for
the screen only: an edit of the shown text gives back the exact text, every
character the edit did not touch as it was, and what was typed as it was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dlroadmap.common.printable import printable_lines

# CR LF is one line break on screen, and behind it.
_UNITS = re.compile(r"\r\n|.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ShownText:
    exact: str
    shown: str
    # The exact text behind each shown character: "❤" may be "❤\ufe0f", a line break
    # "\r\n". Joined, they are `exact`.
    behind: tuple[str, ...]

    @classmethod
    def of(cls, exact: str) -> ShownText:
        shown: list[str] = []
        behind: list[str] = []
        hidden = ""  # characters shown as nothing, waiting for one shown to go with
        for unit in _UNITS.findall(exact):
            looks = "\n" if unit == "\r\n" else printable_lines(unit)
            if not looks:
                # Goes with the character it decorates (a selector follows its emoji).
                if behind:
                    behind[-1] += unit
                else:
                    hidden += unit
                continue
            shown.append(looks)
            behind.extend((hidden + unit, *[""] * (len(looks) - 1)))
            hidden = ""
        if hidden:
            # Nothing shown at all: kept while the text is, gone when it is replaced.
            shown.append("")
            behind.append(hidden)
        return cls(exact, "".join(shown), tuple(behind))

    def edited(self, shown: str) -> ShownText:
        """The exact text once what is shown reads `shown`: what the edit left as it
        was keeps the exact text behind it, the rest is taken as typed."""
        if shown == self.shown:
            return self
        old = self.shown
        limit = min(len(old), len(shown))
        start = 0
        while start < limit and old[start] == shown[start]:
            start += 1
        end = 0
        while end < limit - start and old[-1 - end] == shown[-1 - end]:
            end += 1
        behind = (
            self.behind[:start]
            + tuple(shown[start : len(shown) - end])
            + self.behind[len(self.behind) - end :]
        )
        return ShownText("".join(behind), shown, behind)
