"""JSON: one UTF-8 document per call, typed values, never wrapped, never NaN or Infinity."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, TextIO

from hfs_info.text import INVISIBLE

if TYPE_CHECKING:
    from hfs_info.document import View
    from hfs_info.terminal import Terminal

# json escapes C0 controls itself; C1 controls, bidi overrides and invisible characters are
# valid in JSON strings but can still reorder or hijack a terminal that displays the output, or
# hide there, so they are escaped too (the string a parser reads back is the same).
UNSAFE_CLASS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069" + INVISIBLE


def class_chars(body: str) -> frozenset[str]:
    """The characters of a regular-expression class body made of characters and ``a-b``
    ranges (as UNSAFE_CLASS is)."""
    return frozenset(chr(c) for low, high in class_ranges(body) for c in range(low, high + 1))


def class_ranges(body: str) -> tuple[tuple[int, int], ...]:
    """The code point ranges, first and last, of a regular-expression class body made of
    characters and ``a-b`` ranges (as UNSAFE_CLASS is)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.append((ord(body[i]), ord(body[i + 2])))
            i += 3
        else:
            out.append((ord(body[i]), ord(body[i])))
            i += 1
    return tuple(sorted(out))


# Most documents hold none of them: the few distinct characters of a document, each checked
# against the class's ranges, answer that at once, where compiling the class (it spans every
# plane) would cost every JSON run about a millisecond, and a set of its characters half that.
_UNSAFE_RANGES = class_ranges(UNSAFE_CLASS)


def _any_unsafe(text: str) -> bool:
    """Whether ``text`` holds a character of UNSAFE_CLASS."""
    if text.isascii():
        return "\x7f" in text
    return any(
        low <= code <= high
        for code in map(ord, set(text))
        if code >= 0x7F
        for low, high in _UNSAFE_RANGES
    )


@cache
def _unsafe() -> re.Pattern[str]:
    return re.compile(f"[{UNSAFE_CLASS}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a tag character: JSON spells it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    if not _any_unsafe(text):
        return text
    # A lone surrogate: how Python keeps a byte of the command line that is not UTF-8. JSON
    # text must be Unicode, and a parser may refuse "\udc9b", so it becomes U+FFFD, the
    # replacement character, as a UTF-8 decoder would make it.
    text = re.sub("[\ud800-\udfff]", "\ufffd", text)
    return _unsafe().sub(_escaped, text)


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    out.write(dumps(view.data) + "\n")
