"""Writing files so that a crash, a kill or a planted link never costs the user data."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, NamedTuple

# A file's inode, modification time and size: changes whenever it is replaced or
# rewritten (see Seen for when it cannot be trusted alone). None: no such file.
Signature = tuple[int, int, int] | None


def signature(info: os.stat_result) -> Signature:
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def signature_of(path: Path) -> Signature:
    try:
        return signature(path.stat())
    except FileNotFoundError:
        return None


class Seen(NamedTuple):
    """A file as some content was read from or written to it: its signature, a hash of
    those bytes (None: unknown) and when the signature was taken."""

    signature: Signature
    digest: int | None
    at: int


def still_holds(path: Path, seen: Seen, racy_ns: int, now: int) -> tuple[bool, Seen]:
    """Whether the file surely still holds what was last `seen`, and what to remember of
    it `now` (ns). A signature taken less than `racy_ns` after the write it stamps is
    not trusted alone: the bytes decide."""
    found = signature_of(path)
    if found != seen.signature:
        return False, seen
    # Trusted alone if taken well after the write, unless the clock was set back since.
    if found is None or (seen.at - found[1] > racy_ns and now >= seen.at):
        return True, seen
    if seen.digest is None:
        return False, seen
    try:
        if hash(path.read_bytes()) != seen.digest:
            return False, seen
    except OSError:
        return False, seen
    if now - found[1] > racy_ns:
        # Checked long enough after its write that a later save must be stamped later:
        # from now on the signature alone tells.
        return True, seen._replace(at=now)
    return True, seen


class NotAFile(OSError):
    """Something other than a regular file where one was to be read: a folder, a named
    pipe, a device or a socket (`kind` says which, as "a named pipe (FIFO)")."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is {kind}, not a file", os.fsdecode(path))
        self.kind = kind

    def __str__(self) -> str:
        return f"it is {self.kind}, not a file"


def open_file(path: Path) -> BinaryIO:
    """`path` opened to read, if it is a regular file; NotAFile if it is anything else.

    Looked at before it is opened: opening a named pipe to read waits for a writer, and a
    device may never end. Opened without waiting (O_NONBLOCK), and the open handle looked
    at again, so that a pipe put there since the first look is refused too.
    """
    _refuse_unless_regular(path, path.stat())
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    file = os.fdopen(handle, "rb")
    try:
        _refuse_unless_regular(path, os.fstat(handle))
    except BaseException:
        file.close()
        raise
    return file


def _refuse_unless_regular(path: Path, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise NotAFile(path, "a folder")
    if stat.S_ISFIFO(mode):
        raise NotAFile(path, "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise NotAFile(path, "a device")
    if stat.S_ISSOCK(mode):
        raise NotAFile(path, "a socket")
    raise NotAFile(path, "not a regular file")


def make_private_folder(folder: Path) -> None:
    """`mkdir -p`, but every folder it creates is 0700, as the XDG spec asks."""
    if folder.is_dir():
        return
    make_private_folder(folder.parent)
    folder.mkdir(mode=0o700, exist_ok=True)


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace `path` with `text` so that readers see the old file or the new, never a mix.

    A `path` that is a symbolic link (dotfiles, a sync folder) stays one: the file it
    points to is replaced, so every copy that reads through the link sees the change.
    """
    target = _through_links(path)
    make_private_folder(target.parent)
    # mkstemp makes an unpredictable name with mode 0600 and never follows a planted link.
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(text.encode("utf-8") if isinstance(text, str) else text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _through_links(path: Path) -> Path:
    """The file `path` names once the links it is made of are followed (a link to a file
    not there yet: where the link points).

    A link owned by another user is not followed but replaced, as if no link: planted in
    a folder others can write to, it would aim our write at any file of ours.
    """
    target = path
    for _ in range(_MAX_LINKS):
        try:
            info = target.lstat()
        except FileNotFoundError:
            break
        if not stat.S_ISLNK(info.st_mode) or info.st_uid != os.geteuid():
            break
        target = target.parent / os.readlink(target)
    else:
        # A loop: replacing one of its links would break it without a word.
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), os.fsdecode(path))
    return Path(os.path.realpath(target.parent)) / target.name


# As many links in a row as Linux follows before it calls it a loop.
_MAX_LINKS = 40
