"""CSV (RFC 4180, by the csv module): a header row, then one row per record, CRLF line ends.

Empty optional fields are empty cells; booleans are ``true``/``false``; list fields are joined
with ``; `` (views.LIST_SEPARATOR).
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

from hfs_info.document import unmarked
from hfs_info.text import inert

if TYPE_CHECKING:
    from hfs_info.document import View
    from hfs_info.terminal import Terminal


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return inert(unmarked(str(value)))


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    assert view.records is not None  # render.write only picks CSV for tabular views
    header, rows = view.records
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
