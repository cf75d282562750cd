"""JSON: one UTF-8 document per call, typed values, never wrapped, never NaN or Infinity."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, TextIO

from hfs_info.text import INVISIBLE

if TYPE_CHECKING:
    from hfs_info.document import View
    from hfs_info.terminal import Terminal

# json escapes C0 controls itself; C1 controls, bidi overrides and invisible characters are
# valid in JSON strings but can still reorder or hijack a terminal that displays the output, or
# hide there, so they are escaped too (the string a parser reads back is the same).
_UNSAFE = re.compile(f"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069{INVISIBLE}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a tag character: JSON spells it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# A lone surrogate: how Python keeps a byte of the command line that is not UTF-8. JSON text
# must be Unicode, and a parser may refuse "\udc9b", so it becomes U+FFFD, the replacement
# character, as a UTF-8 decoder would make it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return _UNSAFE.sub(_escaped, _SURROGATE.sub("\ufffd", text))


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    out.write(dumps(view.data) + "\n")
