"""JSON: one UTF-8 document per call, typed values, never wrapped, never NaN or Infinity."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from hfs_info.document import View
    from hfs_info.terminal import Terminal

# json escapes C0 controls itself; C1 controls and bidi overrides are valid in JSON strings but
# can still reorder or hijack a terminal that displays the output, so they are escaped too.
_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    out.write(dumps(view.data) + "\n")
