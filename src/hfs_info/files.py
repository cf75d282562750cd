"""Reading and writing the user's files as carefully as an editor saves them (export -o, fill).

A document is read only if it is an ordinary file (checked before it is opened, and opened
without blocking), and written by replacing it at once: never half-written, keeping its owner,
group and mode, never readable by more people while it is written, and not at all if it
changed since it was read, has other hard links, has no write permission for anyone (a read-only
file, refused even for root, whom the system would let write it), or could not be opened for
writing by the user. Its extended attributes (its access control list among them) go with it,
or it is not replaced. Ctrl-C and kill (SIGINT, SIGTERM, SIGHUP) wait until the new copy has
replaced it or been removed, so no temporary file is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

# How many symbolic links to follow before giving up, as the kernel does (ELOOP).
_MAX_LINKS = 40
# Folders whose entries are processes' files and devices, not documents: /dev/stdin is a link
# to /proc/self/fd/0, which may be the pipe the output is going to. /dev/shm is a folder of
# ordinary files (a tmpfs), documents like any.
_SPECIAL_FOLDERS = ("/dev/", "/proc/")
_ORDINARY_FOLDERS = ("/dev/shm/",)
# The signals that end a run from outside: held back while a file is replaced, so that the
# replacement finishes (or is undone) before the run ends, and no temporary file is left.
_ENDING_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class Refused(OSError):
    """A file this tool will not read or replace; ``strerror`` says why."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(errno.EPERM, why, path)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not an ordinary file"


def _through_special_folder(path: str) -> bool:
    """Whether ``path`` or a symbolic link on the way to its file is in /dev or /proc."""
    current = Path(path).absolute()
    for _ in range(_MAX_LINKS):
        if str(current).startswith(_SPECIAL_FOLDERS) and not str(current).startswith(
            _ORDINARY_FOLDERS
        ):
            return True
        if not current.is_symlink():
            return False
        current = Path(os.path.normpath(current.parent / current.readlink()))
    return False


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of the ordinary file at ``path`` (through symbolic links). Anything else (a
    directory, FIFO, socket, device, a process's file under /dev or /proc) is refused without
    being opened for reading data, so nothing blocks and nothing endless is read; so is a file
    of more than ``limit`` bytes."""
    if not path:
        raise FileNotFoundError(errno.ENOENT, "the file name is empty", path)
    info = Path(path).stat()
    if not stat.S_ISREG(info.st_mode):
        raise Refused(path, f"it is {_kind(info.st_mode)}, not a document")
    if _through_special_folder(path):
        raise Refused(path, "it is a device or process file (/dev, /proc), not a document")
    # O_NONBLOCK: had it become a FIFO since the check, opening it would not wait for a writer.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Refused(path, f"it is {_kind(os.fstat(fd).st_mode)}, not a document")
        too_large = f"it is larger than {(limit or 0) // 2**20} MiB, the most read of a document"
        if limit is not None and os.fstat(fd).st_size > limit:
            raise Refused(path, too_large)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(data) > limit:  # it grew while it was read
            raise Refused(path, too_large)
        return data
    finally:
        os.close(fd)


def check_replaceable(path: str) -> None:
    """Raise OSError if the existing file at ``path`` is not one ``write_atomic`` may replace:
    not an ordinary file, one with other hard links (replacing it would split them: the other
    names would keep the old text), a read-only one (no write permission bit at all: refused
    for every user, root included), or one the user could not open for writing."""
    info = Path(path).stat()
    if not stat.S_ISREG(info.st_mode):
        raise Refused(path, f"it is {_kind(info.st_mode)}")
    if info.st_nlink > 1:
        raise Refused(
            path,
            f"it has {info.st_nlink} hard links, and replacing it would split them "
            "(the other names would keep the old text); give a file with one link",
        )
    if stat.S_IMODE(info.st_mode) & 0o222 == 0:
        # No one may write it (mode 444, 400, ...): kept as an editor keeps it without its `!`,
        # for root too, whom the system itself would let open it.
        raise Refused(
            path,
            f"it is read-only (mode {stat.S_IMODE(info.st_mode):o}: no write permission for "
            "anyone), so it is kept as it is; make it writable (chmod u+w) to replace it",
        )
    effective = os.access in os.supports_effective_ids
    if not os.access(path, os.W_OK, effective_ids=effective):
        if path.endswith("/"):  # "a.md/": the system reads a folder, and a.md is none
            raise NotADirectoryError(errno.ENOTDIR, "not a directory (the name ends in '/')", path)
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            raise OSError(errno.EROFS, "it is on a read-only file system", path)
        raise PermissionError(
            errno.EACCES, "permission denied (you may not open it for writing)", path
        )


def write_atomic(path: str, data: bytes, original: bytes | None = None) -> None:
    """Replace the file at ``path`` by ``data`` all at once.

    The bytes go to a new temporary file in the same folder (created O_EXCL, so nothing that
    exists is opened; readable by no one but its owner, or less if the file is less readable),
    which takes the old file's owner, group and mode before anything is written to it, is
    flushed to disk, and is renamed over ``path`` (atomic within one file system). On any
    failure the temporary file is removed and the old file is untouched; OSError is raised. A
    symbolic link keeps pointing where it did, now at the new content.

    An existing ordinary file must pass ``check_replaceable``. ``original``: the bytes the file
    held when it was read; if it holds anything else just before the rename (an edit made
    meanwhile), nothing is replaced. A new file gets the mode the umask allows.

    Something that exists and is not an ordinary file (a device such as /dev/null, a pipe as
    /dev/stdout) is written to in place, as ``> path`` would, unless ``original`` is given: then
    the text came from a document, and only an ordinary file is one.
    """
    try:
        info: os.stat_result | None = Path(path).stat()  # through links: /dev/stdout is one
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode) or original is not None:
            raise Refused(path, f"it is {_kind(info.st_mode)}")
        _write_in_place(path, data)
        return
    if info is not None:
        check_replaceable(path)
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    # A short name of our own, so that a long file name does not make it too long.
    temporary = target.with_name(f".hfs-info-{os.urandom(6).hex()}.tmp")
    mode = 0o600 & info.st_mode if info is not None else 0o666
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with _signals_held():
        try:
            fd = os.open(temporary, flags | getattr(os, "O_CLOEXEC", 0), mode)
        except OSError as exc:
            from hfs_info.text import shown_name

            folder = shown_name(str(target.parent))
            why = (exc.strerror or str(exc)).lower()
            raise Refused(path, f"{why} (cannot create a file in {folder})") from None
        try:
            with os.fdopen(fd, "wb") as stream:
                if info is not None:
                    _take_owner_and_mode(stream.fileno(), info, path)
                    _take_attributes(stream.fileno(), target, path)
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if original is not None and _current(target) != original:
                raise Refused(
                    path, "it changed while fill ran, so nothing was written; run fill again"
                )
            temporary.replace(target)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and kill (SIGINT, SIGTERM, SIGHUP) for the block: one that comes
    meanwhile takes effect when it ends, after the file is replaced or its copy removed."""
    import signal
    import threading

    held = {getattr(signal, name) for name in _ENDING_SIGNALS if hasattr(signal, name)}
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = mask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, before)


def _write_in_place(path: str, data: bytes) -> None:
    """Write to something that is not an ordinary file (a device, a pipe) as ``> path`` would;
    a FIFO nothing reads is refused at once instead of waiting for a reader forever."""
    flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise Refused(path, "it is a FIFO (named pipe) that nothing is reading") from None
        raise
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)


def _take_attributes(fd: int, target: Path, path: str) -> None:
    """Give the open temporary file the extended attributes of the file it replaces, its
    access control list (system.posix_acl_access) among them: a copy without them would lock
    out the people the list lets in, and give its group what the list's mask held back."""
    names = getattr(os, "listxattr", None)
    if names is None:
        return
    try:
        wanted = {name: os.getxattr(target, name) for name in names(target)}
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.ENODATA):
            return
        raise
    for name, value in wanted.items():
        try:
            if os.getxattr(fd, name) == value:
                continue  # given already (a security label the system set alike)
        except OSError:
            pass
        try:
            os.setxattr(fd, name, value)
        except OSError:
            raise Refused(
                path,
                f"its extended attribute {name} could not be kept by a new copy, so it is "
                "kept as it is",
            ) from None


def _take_owner_and_mode(fd: int, info: os.stat_result, path: str) -> None:
    """Give the open temporary file the owner, group and mode of the file it replaces (the
    owner first: changing it clears set-id bits)."""
    now = os.fstat(fd)
    if (now.st_uid, now.st_gid) != (info.st_uid, info.st_gid):
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except PermissionError:
            raise Refused(
                path,
                f"its owner and group ({info.st_uid}:{info.st_gid}) could not be kept "
                "by a new copy; only its owner (or root) can replace it",
            ) from None
    os.fchmod(fd, stat.S_IMODE(info.st_mode))


def _current(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except OSError:
        return None
