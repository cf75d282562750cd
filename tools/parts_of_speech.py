"""Write data/adjectives.txt and data/verbs.txt: the common English words that are only ever
adjectives, and those that are only ever verbs.

An adjective standing before the word that names the answer a question asks for ("the typical
age", "the realistic odds", "the overall picture") says what the answer should be like, not
what it is about, so search never names it as a topic the guide lacks (src/hfs_info/
search_analysis.py, describes_answer). A word that is also a noun or a verb ("exact",
"second", "upper") may name a topic and is not listed, nor is a comparative or a superlative
("youngest": asks for an extreme). The part of speech is judged by lemminflect's English
lexicon, not by a list of our own; the words are those of data/common_words.txt
(tools/common_words.py). The table is compiled here, once, from a pinned lemminflect, and
committed as data, so the tool has no run-time dependency on it.

A verb beside a word naming a part of the guide itself ("according to the glossary", "what is
shown in Figure 4", "as defined in the guide") speaks of what the guide says, not of a topic
(describes_guide); a word that is also a noun or an adjective ("driving", "mention") is not
listed.

    python -m venv /tmp/li && /tmp/li/bin/pip install lemminflect==0.2.3
    /tmp/li/bin/python tools/parts_of_speech.py data/common_words.txt data/adjectives.txt \
        data/verbs.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from adverbs import PINNED, common_words, pinned_lemminflect  # tools/, beside this file


def main(common: str, adjectives_target: str, verbs_target: str) -> int:
    lemminflect = pinned_lemminflect()
    words = common_words(common)
    adjectives = sorted(
        w
        for w in set(words)
        if w.isalpha()
        and (lemmas := lemminflect.getAllLemmas(w))
        and set(lemmas) <= {"ADJ", "ADV"}
        and lemmas.get("ADJ") == (w,)
    )
    lines = [
        f"# Common English words (data/common_words.txt) that lemminflect {PINNED} knows only as",
        "# adjectives (or adverbs too), each its own base form (tools/parts_of_speech.py).",
        "# One word per line. Generated: do not edit.",
        *adjectives,
    ]
    Path(adjectives_target).write_text("\n".join(lines) + "\n", "utf-8")
    verbs = sorted(
        w for w in set(words) if w.isalpha() and set(lemminflect.getAllLemmas(w)) == {"VERB"}
    )
    lines = [
        f"# Common English words (data/common_words.txt) that lemminflect {PINNED} knows only as",
        "# verbs, in any form (tools/parts_of_speech.py).",
        "# One word per line. Generated: do not edit.",
        *verbs,
    ]
    Path(verbs_target).write_text("\n".join(lines) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
