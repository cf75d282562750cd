"""A cache of validated --data datasets, so a large edition is parsed and checked only once.

Entries live under ``$XDG_CACHE_HOME/hfs-info`` (``~/.cache/hfs-info``), one file per dataset
path. An entry is JSON, never pickle, so reading one cannot run code. It is used only when the
dataset file's path, size, modification time and content hash all match what the entry records,
and when the entry's own checksum matches its payload; anything else (a corrupt, truncated,
foreign or stale entry) is ignored and rewritten. Failing to read or write the cache is never
an error: the dataset is then simply read from its file.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from io import BufferedReader

# Paths are plain strings handled with os.path: importing pathlib costs more than reading a
# cache entry, and this module is on the start-up path of every --data run.

try:  # hashlib.blake2b is this type; importing it directly skips loading OpenSSL's bindings
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the built-in module
    from hashlib import blake2b

FORMAT = 4  # 4: CRC-32 of the payload; 3: dataset.encode's compact form; 2: rows; 1: TOML


def _producer() -> str:
    """Entries are only trusted by the version that wrote them, with the record layout it had:
    a newer hfs-info may check datasets more strictly, so it validates them again."""
    from hfs_info import __version__, models

    return f"{FORMAT}/{__version__}/{digest_of(models.layout().encode())[:16]}"


class Key(NamedTuple):
    path: str
    size: int
    mtime_ns: int
    digest: str  # hash of the dataset file's bytes

    @classmethod
    def of(cls, file: str, size: int, mtime_ns: int, digest: str) -> Key:
        return cls(os.path.realpath(file), size, mtime_ns, digest)


def digest_of(data: bytes | memoryview) -> str:
    return blake2b(data, digest_size=32).hexdigest()


def checksum(payload: bytes | memoryview) -> int:
    """CRC-32 of an entry's payload, as gzip and zip use against accidental damage (a torn or
    corrupted file); about four times as fast as blake2b on a large entry. The identity of the
    dataset file an entry belongs to is the blake2b ``digest_of`` its bytes."""
    return zlib.crc32(payload)


def stream_hash(handle: BufferedReader, limit: int) -> tuple[str, int]:
    """The hash of what ``handle`` holds (as ``digest_of`` its bytes would give) and how many
    bytes were read, at most ``limit + 1``; read in blocks, so that a large file is never held
    in memory only to be hashed."""
    digest = blake2b(digest_size=32)
    block = bytearray(1 << 18)
    view = memoryview(block)
    total = 0
    while total <= limit and (count := handle.readinto(block)):
        digest.update(view[:count])
        total += count
    return digest.hexdigest(), total


def directory() -> str:
    """``$XDG_CACHE_HOME/hfs-info``; as the XDG spec asks, a relative XDG_CACHE_HOME is ignored
    and ``~/.cache`` used instead."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "hfs-info")


def _stem(key: Key) -> str:
    """One name per dataset path (its versions share it)."""
    return digest_of(key.path.encode("utf-8", "surrogatepass"))[:32]


def _entry_path(key: Key) -> str:
    return os.path.join(directory(), f"{_stem(key)}.json")


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _write_bytes(path: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def read(key: Key) -> list[Any] | None:
    """The cached dataset for ``key`` in its compact form (see ``write``), or None when there is
    no trustworthy entry."""
    try:
        text = _read_bytes(_entry_path(key))
        start = text.index(b"\n") + 1
        header = json.loads(text[:start])
        expected = {
            "format": _producer(),
            "path": key.path,
            "size": key.size,
            "mtime_ns": key.mtime_ns,
            "digest": key.digest,
            "payload": checksum(memoryview(text)[start:]),  # no copy of a large payload
        }
        if header != expected:
            return None
        data = _decode(text.decode("utf-8"), start)  # the header is ASCII: same offset
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return data if isinstance(data, list) else None


def _decode(text: str, start: int) -> Any:
    """The one JSON document in ``text`` from ``start`` on, as ``json.loads`` of that slice
    would give, without copying it first."""
    data, end = json.JSONDecoder().raw_decode(text, start)
    if text[end:].strip():
        raise ValueError("extra data after the dataset")
    return data


def write(key: Key, data: list[Any]) -> None:
    """Store ``data`` (a validated dataset in the compact form of ``dataset.encode``) for
    ``key``; best effort."""
    try:
        payload = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):  # not expected of validated records; then simply not cached
        return
    body = payload.encode("utf-8")
    header = {
        "format": _producer(),
        "path": key.path,
        "size": key.size,
        "mtime_ns": key.mtime_ns,
        "digest": key.digest,
        "payload": checksum(body),
    }
    target = _entry_path(key)
    temporary = temporary_for(target)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        _write_bytes(temporary, json.dumps(header).encode() + b"\n" + body)
        os.replace(temporary, target)
    except OSError:
        remove(temporary)


def temporary_for(path: str) -> str:
    """A name beside ``path`` to write to before moving it into place."""
    return f"{os.path.splitext(path)[0]}.{os.getpid()}.tmp"


def remove(path: str) -> None:
    """Remove ``path`` if it is there; best effort."""
    with contextlib.suppress(OSError):
        os.remove(path)


def index_path(key: Key) -> str:
    """Where the search index of the dataset ``key`` is kept (see search.py)."""
    version = digest_of(_producer().encode())[:8]  # another version may index differently
    return os.path.join(directory(), f"{_stem(key)}.{key.digest[:32]}{version}.fts")


def file_hash(path: str) -> str | None:
    try:
        return digest_of(_read_bytes(path))
    except OSError:
        return None


def _seal_path(path: str) -> str:
    return os.path.splitext(path)[0] + ".sha"


def seal(path: str) -> None:
    """Record the hash of a finished index file beside it, so a changed file is not trusted."""
    digest = file_hash(path)
    if digest is not None:
        with contextlib.suppress(OSError):
            _write_bytes(_seal_path(path), digest.encode("ascii"))


def sealed(path: str) -> bool:
    """Whether ``path`` is exactly the file that was sealed."""
    try:
        expected = _read_bytes(_seal_path(path)).decode("ascii")
    except (OSError, UnicodeDecodeError):
        return False
    return expected == file_hash(path)


def prune_indexes(current: str) -> None:
    """Remove the indexes of earlier versions of the same dataset file."""
    folder, name = os.path.split(current)
    prefix = name.split(".", 1)[0]
    keep = os.path.splitext(name)[0]
    with contextlib.suppress(OSError):
        for other in os.listdir(folder):
            stem, suffix = os.path.splitext(other)
            if other.startswith(f"{prefix}.") and suffix in (".fts", ".sha") and stem != keep:
                remove(os.path.join(folder, other))
