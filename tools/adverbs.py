"""Write data/adverbs.txt: the common English words that are only ever adverbs.

An adverb says how, when, where or how much ("instead", "together", "mostly", "afterwards",
"somehow"), never what a question is about, so search never names one as a topic the guide
lacks (src/hfs_info/search_analysis.py, is_filler). A word that is also a noun, a verb or an
adjective ("early", "later", "alone", "straight") may name a topic and is not listed. The part
of speech is judged by lemminflect's English lexicon, not by a list of our own; the words are
those of data/common_words.txt (tools/common_words.py). The table is compiled here, once, from
a pinned lemminflect, and committed as data, so the tool has no run-time dependency on it:

    python -m venv /tmp/li && /tmp/li/bin/pip install lemminflect==0.2.3
    /tmp/li/bin/python tools/adverbs.py data/common_words.txt data/adverbs.txt
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

PINNED = "0.2.3"


def pinned_lemminflect() -> Any:
    """lemminflect, at the pinned version (the tables must not change with another one)."""
    from importlib.metadata import version

    import lemminflect

    if version("lemminflect") != PINNED:
        raise SystemExit(f"lemminflect {PINNED} is pinned; found {version('lemminflect')}")
    return lemminflect


def common_words(common: str) -> list[str]:
    """The words of data/common_words.txt (tools/common_words.py), in its order."""
    words: list[str] = []
    for line in Path(common).read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            words += line.split("\t", 1)[1].split()
    return words


def main(common: str, target: str) -> int:
    lemminflect = pinned_lemminflect()
    words = common_words(common)
    adverbs = sorted(w for w in words if set(lemminflect.getAllLemmas(w)) == {"ADV"})
    lines = [
        f"# Common English words (data/common_words.txt) that lemminflect {PINNED} knows only as",
        "# adverbs (tools/adverbs.py). One word per line. Generated: do not edit.",
        *adverbs,
    ]
    Path(target).write_text("\n".join(lines) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
