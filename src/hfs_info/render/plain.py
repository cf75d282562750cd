"""Plain text: no box drawing, no escape codes, no wrapping (lines are as long as the text).

Tables become one block per row, ``column: value`` lines under the row's key, so the output can
be read by a person and searched with grep.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from hfs_info.document import (
    DIAGRAM_NOTE,
    Bars,
    Bullets,
    Diagram,
    Fields,
    Heading,
    Hint,
    Notice,
    Paragraph,
    References,
    Table,
    View,
    unmarked,
)
from hfs_info.render.bars import ascii_bars
from hfs_info.text import inert

if TYPE_CHECKING:
    from hfs_info.terminal import Terminal


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    chunks = [_block(block) for block in view.blocks]
    out.write(inert(unmarked("\n\n".join(chunks))) + "\n")


def _block(block: object) -> str:
    if isinstance(block, Heading):
        return f"{block.text}\n{('=' if block.level == 1 else '-') * len(block.text)}"
    if isinstance(block, Paragraph | Notice | Hint):
        return block.text
    if isinstance(block, Bullets):
        marks = ["-"] * len(block.items)
        return "\n".join(f"{m} {item}" for m, item in zip(marks, block.items, strict=True))
    if isinstance(block, Fields):
        return _pairs(block.pairs)
    if isinstance(block, References):
        return "\n".join(f"- [{number}] {citation}" for number, citation in block.items)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bars):
        return ascii_bars(block)
    if isinstance(block, Diagram):
        if block.brief:
            return block.brief
        caption = f"\n\n{block.title}: {block.caption}" if block.caption else ""
        return "\n".join(block.lines) + caption + f"\n\n{DIAGRAM_NOTE}"
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - exhaustive above


def _pairs(pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs)


def _table(block: Table) -> str:
    if block.compact:
        width = max(len(row[0]) for row in block.rows)
        lines = [f"  {row[0]:<{width}}  {'  '.join(row[1:])}" for row in block.rows]
        return "\n".join([block.title, *lines] if block.title else lines)
    parts = [block.title] if block.title else []
    for row in block.rows:  # the first column names the row
        head, *rest = row
        parts.append("\n".join([head, _pairs(list(zip(block.columns[1:], rest, strict=True)))]))
    return "\n\n".join(parts)
