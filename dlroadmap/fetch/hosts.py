"""Where the markdown behind a web address is: a raw file as it is; a repository page on
GitHub, GitLab or Codeberg, its README; a file page there, the raw file. Pure: no network."""

from __future__ import annotations

from urllib.parse import urlsplit

# A repository's README, as its host serves it raw: GitHub and GitLab serve the default
# branch as HEAD, which needs no API call to name it.
_BRANCHES = ("HEAD",)
_READMES = ("README.md", "readme.md", "Readme.md")


def _readmes(base: str, branches: tuple[str, ...] = _BRANCHES, folder: str = "") -> list[str]:
    prefix = f"{folder.strip('/')}/" if folder.strip("/") else ""
    return [f"{base}/{branch}/{prefix}{name}" for branch in branches for name in _READMES]


def _github(parts: list[str]) -> list[str] | None:
    owner, repo, *rest = parts
    raw = f"https://raw.githubusercontent.com/{owner}/{repo.removesuffix('.git')}"
    if not rest:
        return _readmes(raw)
    if rest[0] == "blob" and len(rest) >= 3:
        return [f"{raw}/{'/'.join(rest[1:])}"]
    if rest[0] == "tree" and len(rest) >= 2:
        return _readmes(raw, (rest[1],), "/".join(rest[2:]))
    return None


def _gitlab(parts: list[str]) -> list[str] | None:
    # gitlab.com/group/sub/project/-/blob/branch/path: the project is what comes before "-".
    if "-" in parts:
        at = parts.index("-")
        project, kind, rest = parts[:at], parts[at + 1 : at + 2], parts[at + 2 :]
    else:
        project, kind, rest = parts, [], []
    raw = f"https://gitlab.com/{'/'.join(project)}/-/raw"
    if not kind:
        return _readmes(raw)
    if kind == ["blob"] and len(rest) >= 2:
        return [f"{raw}/{'/'.join(rest)}"]
    if kind == ["tree"] and rest:
        return _readmes(raw, (rest[0],), "/".join(rest[1:]))
    return None


def _codeberg(parts: list[str]) -> list[str] | None:
    owner, repo, *rest = parts
    base = f"https://codeberg.org/{owner}/{repo}"
    if not rest:
        return [
            url
            for branch in ("main", "master")
            for url in _readmes(f"{base}/raw/branch", (branch,))
        ]
    # codeberg.org/owner/repo/src/branch/main/path: the raw file at raw/branch/main/path.
    if rest[0] == "src" and len(rest) >= 4:
        return [f"{base}/raw/{'/'.join(rest[1:])}"]
    return None


_HOSTS = {
    "github.com": _github,
    "www.github.com": _github,
    "gitlab.com": _gitlab,
    "codeberg.org": _codeberg,
}


def markdown_urls(url: str) -> list[str]:
    """The addresses to try, in order, for the markdown that `url` shows."""
    parts = urlsplit(url)
    where = _HOSTS.get(parts.hostname or "")
    path = [part for part in parts.path.split("/") if part]
    if where is None or len(path) < 2:
        return [url]
    return where(path) or [url]


def page_of(url: str) -> str:
    """The page a roadmap added from `url` is read on, for its relative links to be
    followed from: a raw file's page on its host (GitHub, GitLab, Codeberg), a
    repository's README page, or any other address as it is; "" for one that is not an
    address at all (a kept copy's `.url` file edited by hand)."""
    try:
        raw = urlsplit(markdown_urls(url)[0])
    except ValueError:  # an unclosed [: urljoin would raise on it too
        return ""
    path = [part for part in raw.path.split("/") if part]
    if raw.hostname == "raw.githubusercontent.com" and len(path) >= 3:
        owner, repo, *rest = path
        return f"https://github.com/{owner}/{repo}/blob/{'/'.join(rest)}"
    if raw.hostname == "gitlab.com" and "-" in path and path[path.index("-") + 1 :][:1] == ["raw"]:
        at = path.index("-")
        return f"https://gitlab.com/{'/'.join(path[:at])}/-/blob/{'/'.join(path[at + 2 :])}"
    if raw.hostname == "codeberg.org" and path[2:3] == ["raw"]:
        return f"https://codeberg.org/{'/'.join(path[:2])}/src/{'/'.join(path[3:])}"
    # Never a password typed into the address in the links made from it.
    return raw._replace(netloc=raw.netloc.rpartition("@")[2]).geturl()
