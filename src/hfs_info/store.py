"""Where a run's records come from: the dataset shipped in the package, or a file named by
``--data`` / ``HFS_INFO_DATA``, read defensively and validated by dataset.py.

The packaged TOML is shipped as JSON as well (tools/compile_data.py writes it, a test keeps it
in step), because the standard library's JSON parser needs no extra import and reads faster
than TOML (docs/benchmarks.md); the records are built from either by the same validating code,
so they cannot differ. Wheels and development installs alike read the JSON.
"""

from __future__ import annotations

import os
from functools import cache

from hfs_info.dataset import parse, trusted
from hfs_info.errors import DataError, UnreadDataError
from hfs_info.models import Dataset

PACKAGED_NAME = "hemifacial_spasm.toml"
# The same document as JSON (tools/compile_data.py); the TOML is read only if it is missing.
COMPILED_NAME = "hemifacial_spasm.json"
# A dataset file larger than this is refused before it is read (the shipped one is ~20 KB).
MAX_BYTES = 5 * 1024 * 1024


def load(path: str | None) -> Dataset:
    """The dataset at ``path`` (from --data or HFS_INFO_DATA), or the packaged one if None."""
    return load_packaged() if path is None else load_file(path)


@cache  # the packaged records never change within a process
def load_packaged() -> Dataset:
    compiled = package_data(COMPILED_NAME)
    if compiled is not None:
        import json

        return trusted(json.loads(compiled), f"<packaged>/{COMPILED_NAME}")
    data = package_data(PACKAGED_NAME)
    if data is None:  # pragma: no cover - every loader we ship with can read data files
        raise DataError(f"<packaged>/{PACKAGED_NAME}", ["cannot be read"])
    return parse(data, f"<packaged>/{PACKAGED_NAME}")


def load_file(path: str, given_as: str = "--data") -> Dataset:
    """The dataset file at ``path``: opened once, checked on the open descriptor (a regular
    file, at most MAX_BYTES), then parsed and validated. Never cached: the answer always comes
    from the file and the rules of the running code. ``given_as`` names where the path came
    from, for the message about an empty one."""
    from hfs_info.text import shown_name

    return parse(read_file(path, given_as), shown_name(path))


def read_file(path: str, given_as: str = "--data") -> bytes:
    """The bytes of the dataset file ``path``, or DataError naming what is wrong with it."""
    if not path.strip():
        raise DataError(given_as, ["the path is empty; give the path of a dataset file"])
    import stat

    from hfs_info.text import shown_name

    name = shown_name(path)  # as messages show it
    too_large = f"is larger than the {MAX_BYTES // 2**20} MiB limit"
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. The checks
        # are made on the descriptor itself, so a file swapped in after them is never read.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise UnreadDataError(name, ["is a directory, not a dataset file"])
            if not stat.S_ISREG(info.st_mode):
                raise UnreadDataError(name, ["is not a regular file (a FIFO, socket or device?)"])
            if info.st_size > MAX_BYTES:
                raise DataError(name, [too_large])
            chunks = []
            size = 0
            while size <= MAX_BYTES and (chunk := os.read(fd, MAX_BYTES + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)
        finally:
            os.close(fd)
    except OSError as exc:
        raise UnreadDataError(name, [(exc.strerror or str(exc)).lower()]) from None
    if len(data) > MAX_BYTES:  # it grew after fstat
        raise DataError(name, [too_large])
    return data


@cache  # the package's files do not change within a process: each is read once
def package_data(name: str) -> bytes | None:
    """A file of the ``hfs_info.data`` package, or None if it is not there. Read through the
    package's loader, as ``pkgutil.get_data`` does (wheel, sdist, editable and zip installs
    alike), without importing pkgutil and what it imports."""
    from importlib import import_module

    package = import_module("hfs_info.data")  # data/, mapped into the package at install
    get_data = getattr(getattr(package.__spec__, "loader", None), "get_data", None)
    if get_data is None or package.__file__ is None:  # pragma: no cover - not our loaders
        return None
    where = os.path.join(os.path.dirname(package.__file__), name)
    try:
        return bytes(get_data(where))
    except OSError:
        return None
