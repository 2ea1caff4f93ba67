"""Jekyll/Hugo front matter, cut from a roadmap before it is parsed."""

from __future__ import annotations

import re

__all__ = ["front_matter_title", "split_front_matter"]

# Lines of YAML (or TOML) front matter: "key: value" / "key = value"; besides keys,
# indented continuations, "- " sequence entries and "[table]" headers may appear.
_FRONT_MATTER_KEY = re.compile(r"""[\w"'][\w ."'-]*\s*[:=](?:\s|$)""")
_FRONT_MATTER_OTHER = re.compile(r"[ \t]|-(?:\s|$)|\[")
# The title key at the top level: 'title: "ML Road Map"' (YAML) or 'title = "..."' (TOML).
_TITLE = re.compile(r"""^title\s*[:=][ \t]*(?P<value>\S.*?)\s*$""", re.MULTILINE)


def front_matter_title(block: str) -> str:
    """The `title` a front matter block gives, unquoted; "" when it gives none."""
    match = _TITLE.search(block)
    if match is None:
        return ""
    value = match.group("value")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def split_front_matter(text: str) -> tuple[str, str]:
    """A Jekyll/Hugo front matter block at the very start of the document ("" when there
    is none), and the rest of the document.

    mistune would read YAML front matter as a thematic break plus a setext heading,
    so it is cut from the text before parsing. Only a fenced block whose lines all
    look like YAML/TOML and which holds at least one key counts; a document that
    merely opens with a horizontal rule is left alone.
    """
    text = text.removeprefix("\ufeff")
    first_end = text.find("\n")
    fence = text[:first_end].rstrip() if first_end >= 0 else ""
    if fence not in ("---", "+++"):
        return "", text
    closers = ("---", "...") if fence == "---" else ("+++",)
    has_key = False
    pos = first_end + 1
    while pos < len(text):
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line = text[pos:end].rstrip()
        if line in closers:
            return (text[first_end + 1 : pos], text[end + 1 :]) if has_key else ("", text)
        if line:
            if _FRONT_MATTER_KEY.match(line):
                has_key = True
            elif not _FRONT_MATTER_OTHER.match(line):
                return "", text
        pos = end + 1
    return "", text
