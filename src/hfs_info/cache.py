"""A cache of validated --data datasets, so a large edition is parsed and checked only once.

Entries live under ``$XDG_CACHE_HOME/hfs-info`` (``~/.cache/hfs-info``), one file per dataset
path. An entry is JSON, never pickle, so reading one cannot run code. It is used only when the
dataset file's path, size, modification time and content hash all match what the entry records,
and when the entry's own payload hash matches its payload; anything else (a corrupt, truncated,
foreign or stale entry) is ignored and rewritten. Failing to read or write the cache is never
an error: the dataset is then simply read from its file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

FORMAT = 1


def _producer() -> str:
    """Entries are only trusted by the version that wrote them: a newer hfs-info may check
    datasets more strictly, so it validates them again."""
    from hfs_info import __version__

    return f"{FORMAT}/{__version__}"


class Key(NamedTuple):
    path: str
    size: int
    mtime_ns: int
    digest: str  # hash of the dataset file's bytes

    @classmethod
    def of(cls, file: Path, size: int, mtime_ns: int, data: bytes) -> Key:
        return cls(str(file.resolve()), size, mtime_ns, _hash(data))


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=32).hexdigest()


def directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hfs-info"


def _stem(key: Key) -> str:
    """One name per dataset path (its versions share it)."""
    return _hash(key.path.encode("utf-8", "surrogatepass"))[:32]


def _entry_path(key: Key) -> Path:
    return directory() / f"{_stem(key)}.json"


def read(key: Key) -> dict[str, Any] | None:
    """The cached dataset document for ``key``, or None when there is no trustworthy entry."""
    try:
        text = _entry_path(key).read_bytes()
        header_line, _, payload = text.partition(b"\n")
        header = json.loads(header_line)
        expected = {
            "format": _producer(),
            "path": key.path,
            "size": key.size,
            "mtime_ns": key.mtime_ns,
            "digest": key.digest,
            "payload": _hash(payload),
        }
        if header != expected:
            return None
        data = json.loads(payload)
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def write(key: Key, data: dict[str, Any]) -> None:
    """Store ``data`` (an already validated dataset document) for ``key``; best effort."""
    try:
        payload = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):  # a TOML date or the like: not worth caching
        return
    body = payload.encode("utf-8")
    header = {
        "format": _producer(),
        "path": key.path,
        "size": key.size,
        "mtime_ns": key.mtime_ns,
        "digest": key.digest,
        "payload": _hash(body),
    }
    target = _entry_path(key)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(json.dumps(header).encode() + b"\n" + body)
        temporary.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def index_path(key: Key) -> Path:
    """Where the search index of the dataset ``key`` is kept (see search.py)."""
    version = _hash(_producer().encode())[:8]  # another version may index differently
    return directory() / f"{_stem(key)}.{key.digest[:32]}{version}.fts"


def file_hash(path: Path) -> str | None:
    try:
        return _hash(path.read_bytes())
    except OSError:
        return None


def seal(path: Path) -> None:
    """Record the hash of a finished index file beside it, so a changed file is not trusted."""
    digest = file_hash(path)
    if digest is not None:
        with contextlib.suppress(OSError):
            path.with_suffix(".sha").write_text(digest, "ascii")


def sealed(path: Path) -> bool:
    """Whether ``path`` is exactly the file that was sealed."""
    try:
        expected = path.with_suffix(".sha").read_text("ascii")
    except (OSError, UnicodeDecodeError):
        return False
    return expected == file_hash(path)


def prune_indexes(current: Path) -> None:
    """Remove the indexes of earlier versions of the same dataset file."""
    prefix = current.name.split(".", 1)[0]
    with contextlib.suppress(OSError):
        for old in current.parent.glob(f"{prefix}.*"):
            if old.suffix in (".fts", ".sha") and old.stem != current.stem:
                old.unlink(missing_ok=True)
