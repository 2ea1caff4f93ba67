"""Jekyll/Hugo front matter, cut from a roadmap before it is parsed."""

from __future__ import annotations

import re

__all__ = ["strip_front_matter"]

# Lines of YAML (or TOML) front matter: "key: value" / "key = value"; besides keys,
# indented continuations, "- " sequence entries and "[table]" headers may appear.
_FRONT_MATTER_KEY = re.compile(r"""[\w"'][\w ."'-]*\s*[:=](?:\s|$)""")
_FRONT_MATTER_OTHER = re.compile(r"[ \t]|-(?:\s|$)|\[")


def strip_front_matter(text: str) -> str:
    """Drop a Jekyll/Hugo front matter block at the very start of the document.

    mistune would read YAML front matter as a thematic break plus a setext heading,
    so it is cut from the text before parsing. Only a fenced block whose lines all
    look like YAML/TOML and which holds at least one key counts; a document that
    merely opens with a horizontal rule is left alone.
    """
    text = text.removeprefix("\ufeff")
    first_end = text.find("\n")
    fence = text[:first_end].rstrip() if first_end >= 0 else ""
    if fence not in ("---", "+++"):
        return text
    closers = ("---", "...") if fence == "---" else ("+++",)
    has_key = False
    pos = first_end + 1
    while pos < len(text):
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line = text[pos:end].rstrip()
        if line in closers:
            return text[end + 1 :] if has_key else text
        if line:
            if _FRONT_MATTER_KEY.match(line):
                has_key = True
            elif not _FRONT_MATTER_OTHER.match(line):
                return text
        pos = end + 1
    return text
