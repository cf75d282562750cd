"""How common a word is in English: wordfreq's Zipf scale, from a table compiled at build time
(tools/common_words.py, a pinned wordfreq; data/common_words.txt). A leaf: the lookups
(query.py) and search (search_analysis.py) both judge words by it."""

from __future__ import annotations

from functools import cache

# A word of at least this Zipf frequency (about once per million words of English) is a common
# word: never read as a typo of another, nor taken for the start of a name it may not mean.
COMMON_ZIPF = 3.0
COMMON_WORDS = "common_words.txt"


@cache
def bands() -> tuple[tuple[float, str], ...]:
    """(Zipf, " word word ... ") per frequency band, most frequent first: English words of Zipf
    COMMON_ZIPF or more, compiled from a pinned wordfreq by tools/common_words.py. Kept as text
    and searched, not parsed into a table: only the few words that match nothing are looked up,
    and building a table of 28,000 words would cost more than a whole search."""
    from hfs_info.store import package_data

    data = package_data(COMMON_WORDS)
    if data is None:  # pragma: no cover - every loader we ship with can read data files
        return ()
    bands = []
    for line in data.decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            value, words = line.split("\t", 1)
            bands.append((float(value), f" {words} "))
    return tuple(bands)


@cache
def zipf(word: str) -> float:
    """How common ``word`` is in English (Zipf; 0 for a rare word or a non-word)."""
    needle = f" {word} "
    for value, words in bands():
        if needle in words:
            return value
    return 0.0
