"""Write the packaged data as JSON: data/hemifacial_spasm.json and data/search_vocabulary.json;
and the search index of the packaged dataset, data/search_index.sqlite.

    .venv/bin/python tools/compile_data.py          # write the files
    .venv/bin/python tools/compile_data.py --check  # exit 1 if any is out of date

The TOML files in data/ are the sources people edit. The tool reads the JSON copies (the
standard library's JSON parser needs no extra import and is faster than TOML, see
docs/benchmarks.md), in a wheel and in a development install alike, so the tests read what
users run. Both sources are validated first: a broken dataset or vocabulary is never written.
tests/test_packaging.py fails when a JSON file no longer matches its TOML: run this and commit.
The index is a SQLite image, built from the JSON just written by the code of this checkout; it
is out of date when what it holds differs from a new build (its bytes depend on the SQLite
version, so they are not compared); search uses it only when its fingerprint matches the
packaged rows (src/hfs_info/search_index.py).
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data"


def compiled() -> dict[Path, str]:
    """Each JSON file of data/ and the text it should hold."""
    from hfs_info import store, vocabulary
    from hfs_info.dataset import build

    dataset = tomllib.loads((DATA / store.PACKAGED_NAME).read_text("utf-8"))
    _, problems = build(dataset)
    if problems:
        raise SystemExit(f"{DATA / store.PACKAGED_NAME}: " + "; ".join(problems))
    words = tomllib.loads((DATA / vocabulary.SOURCE_NAME).read_text("utf-8"))
    problems = vocabulary.problems(words)
    if problems:
        raise SystemExit(f"{DATA / vocabulary.SOURCE_NAME}: " + "; ".join(problems))
    return {
        DATA / store.COMPILED_NAME: _json(dataset),
        DATA / vocabulary.COMPILED_NAME: _json(words),
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def index_rows(image: bytes) -> list[tuple[object, ...]]:
    """Everything a search index image holds: its fingerprint, every row of both tables."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.deserialize(image)
    rows = db.execute("SELECT * FROM meta").fetchall()
    rows += db.execute("SELECT rowid, * FROM entries ORDER BY rowid").fetchall()
    rows += db.execute("SELECT rowid, * FROM passages ORDER BY rowid").fetchall()
    db.close()
    return rows


def main(argv: list[str]) -> int:
    stale = []
    for path, text in compiled().items():
        if path.exists() and path.read_text("utf-8") == text:
            continue
        stale.append(path)
        if "--check" not in argv:
            path.write_text(text, encoding="utf-8")
    from hfs_info import search_index, store, vocabulary
    from hfs_info.dataset import validated

    packaged = (DATA / store.COMPILED_NAME).read_bytes()
    words = (DATA / vocabulary.COMPILED_NAME).read_bytes()
    dataset = validated(json.loads(packaged), f"data/{store.COMPILED_NAME}")
    image = search_index.serialized(dataset, search_index.fingerprint(packaged, words))
    index = DATA / search_index.PREBUILT_NAME
    if not index.exists() or index_rows(index.read_bytes()) != index_rows(image):
        stale.append(index)
        if "--check" not in argv:
            index.write_bytes(image)
    for path in stale:
        print(f"{path.relative_to(ROOT)}: {'out of date' if '--check' in argv else 'written'}")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
