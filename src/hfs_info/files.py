"""Writing files so that a failure never leaves a damaged one (export -o, fill)."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at ``path`` by ``data`` all at once.

    The bytes go to a new temporary file in the same folder (opened with mode "x", that is
    O_CREAT | O_EXCL, so nothing that already exists is opened), are flushed to disk, and the
    temporary file is renamed over ``path`` (os.replace, atomic within one file system). On any
    failure the temporary file is removed and the old file is untouched; OSError is raised. An
    existing file keeps its permissions; a symbolic link keeps pointing where it did, now at the
    new content.

    Something that exists and is not a regular file (a device such as /dev/full, a FIFO, a
    terminal) is written to in place, as ``> path`` would: replacing it would swap a device or
    pipe for a plain file.
    """
    import stat

    target = Path(path)
    try:
        info = target.stat()  # through any symbolic link (/proc/self/fd/1 is one, to a pipe)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, os.strerror(21), path)
        with target.open("wb") as stream:
            stream.write(data)
        return
    if target.is_symlink():
        target = target.resolve()
    if info is not None:
        mode = info.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("xb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(mode)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
