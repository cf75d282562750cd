"""Write the fixture of hashed 8-word windows of the source guide, for tests/test_fidelity.py.

    .venv/bin/python tools/guide_windows.py /path/to/the/guide.txt

The tests must not read the guide, and the repository must not hold its sentences, so the
fixture keeps only a short hash of every run of WINDOW consecutive words: enough to tell that a
text of ours repeats the guide, not enough to rebuild the guide. Words are the guide's text
normalised as lookups normalise names (hfs_info.text.normalize: lower case, accents and
apostrophes dropped, everything but letters and digits a separator). Run it again, and commit
the fixture, only if the guide itself changes.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

from hfs_info.text import normalize

WINDOW = 8
FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "guide_windows.txt"


def words(text: str) -> list[str]:
    return normalize(text).split()


def window_hash(window: list[str] | tuple[str, ...]) -> str:
    """16 hex digits of BLAKE2b over the words joined by single spaces."""
    return hashlib.blake2b(" ".join(window).encode(), digest_size=8).hexdigest()


def windows(text: str, size: int = WINDOW) -> Iterator[tuple[str, ...]]:
    found = words(text)
    for start in range(len(found) - size + 1):
        yield tuple(found[start : start + size])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the guide's text file (it is read, never copied)")
    parser.add_argument("-o", "--output", default=str(FIXTURE), help="where to write the hashes")
    args = parser.parse_args(argv)
    data = Path(args.source).read_bytes()
    hashes = sorted({window_hash(w) for w in windows(data.decode("utf-8"))})
    header = [
        f"# BLAKE2b-64 of every {WINDOW}-word window of the source guide, normalised as",
        "# hfs_info.text.normalize does; written by tools/guide_windows.py.",
        f"# source sha256 {hashlib.sha256(data).hexdigest()}, {len(hashes)} windows",
    ]
    Path(args.output).write_text("\n".join([*header, *hashes]) + "\n", encoding="utf-8")
    print(f"{len(hashes)} windows -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
