"""Write data/common_words.txt: the English words search never "corrects", with their frequency.

Search reads a word that matches nothing in the guide as a typo of a near guide word only if the
word is rare or not a word at all ("spams" -> spasms); a common English word ("plain", "worse",
"lower") is never rewritten, and very common words are filler, never named as missing topics.
"Common" is judged by wordfreq's Zipf scale (log10 of frequency per billion words: 3.0 is about
once per million words), not by a list of our own. The table is compiled here, once, from a
pinned wordfreq, and committed as data, so the tool has no run-time dependency on wordfreq and
its data files:

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python tools/common_words.py data/common_words.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PINNED = "3.1.1"
LOWEST = 3.0  # Zipf: about once per million words
_WORD = re.compile(r"[a-z]+")


def main(target: str) -> int:
    from importlib.metadata import version

    import wordfreq

    if version("wordfreq") != PINNED:
        raise SystemExit(f"wordfreq {PINNED} is pinned; found {version('wordfreq')}")
    bands: dict[float, list[str]] = {}
    for word in wordfreq.iter_wordlist("en"):
        zipf = wordfreq.zipf_frequency(word, "en")
        if zipf < LOWEST:
            break
        if _WORD.fullmatch(word):
            bands.setdefault(zipf, []).append(word)
    lines = [
        f"# English words of Zipf frequency {LOWEST} or more, from wordfreq {PINNED}",
        "# (tools/common_words.py).",
        "# One line per frequency: ZIPF<TAB>words, most frequent first. Generated: do not edit.",
    ]
    for zipf, words in sorted(bands.items(), reverse=True):
        lines.append(f"{zipf:.2f}\t{' '.join(words)}")
    Path(target).write_text("\n".join(lines) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
