"""CSV (RFC 4180, by the csv module): a header row, then one row per record, CRLF line ends.

Empty optional fields are empty cells; booleans are ``true``/``false``; list fields are joined
with ``; `` (views.LIST_SEPARATOR).

A text cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return, or their full-width forms) gets a leading ``'``, as OWASP recommends
against CSV injection; this holds for text such as ``-2 mg`` too. Numbers are numbers in the
records, never text, and are written as they are.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

from hfs_info.document import unmarked
from hfs_info.text import inert

if TYPE_CHECKING:
    from hfs_info.document import View
    from hfs_info.terminal import Terminal


# What makes Excel, LibreOffice Calc or Google Sheets read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    text = inert(unmarked(str(value)))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    assert view.records is not None  # render.write only picks CSV for tabular views
    header, rows = view.records
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
