"""Write data/guide_words.txt: every word the source guide uses, once, sorted.

    .venv/bin/python tools/guide_words.py /path/to/the/guide.txt

Search tells a reader which typed words are "not in the guide". The dataset is the guide in our
own words, so a word of the guide may be missing from it ("rule out" is "exclude" here): without
this list, search would say the guide lacks a word it uses. The list holds single words only,
in sorted order (no sentence of the guide can be read from it), normalised as lookups normalise
names (hfs_info.text.normalize: lower case, accents and apostrophes dropped, everything but
letters and digits a separator), without the words of web addresses. Run it again, and commit
the list, only if the guide changes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hfs_info.text import normalize

TARGET = Path(__file__).resolve().parent.parent / "data" / "guide_words.txt"
HEADER = (
    "# Every word of the source guide (Hemifacial Spasm, Mayfield Clinic, updated July 2018),",
    "# once, sorted: tools/guide_words.py. One word per line. Generated: do not edit.",
)


# A web address: its words are a name to type, not words the guide uses ("blepharospasm" is
# only in www.blepharospasm.org), so they are left out.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:org|com|gov|net)\S*", re.IGNORECASE)


def main(source: str) -> int:
    text = ADDRESS.sub(" ", Path(source).read_text("utf-8"))
    words = sorted(set(normalize(text).split()))
    TARGET.write_text("\n".join((*HEADER, *words)) + "\n", "utf-8")
    print(f"{TARGET}: {len(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(sys.argv[1]))
