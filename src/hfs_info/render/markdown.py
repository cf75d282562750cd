"""GitHub-flavoured Markdown: headings, paragraphs, lists and pipe tables, for pasting into
documents. Text is escaped so that dataset characters never turn into Markdown syntax."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from hfs_info.document import (
    Bars,
    Bullets,
    Diagram,
    Fields,
    Heading,
    Hint,
    Notice,
    Paragraph,
    Table,
    View,
    segments,
    unmarked,
)
from hfs_info.text import inert

if TYPE_CHECKING:
    from hfs_info.terminal import Terminal

# Markdown syntax, plus what viewers render inside text: the ``&`` of an entity (``&lt;``,
# ``&rlm;``; ``#`` already defuses numeric ones) and the opening ``:`` of an emoji shortcode
# (``:pill:``). A backslash makes each a literal character (CommonMark escapes any ASCII
# punctuation), so ``&amp;`` and ``:pill:`` in the data read as written.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?\w+;)|:(?=[\w+-]+:))")


def escape(text: str) -> str:
    """Markdown-inert text on one line: specials backslash-escaped, line breaks as <br>,
    search matches in **bold**."""
    out = []
    for piece, highlighted in segments(text):
        escaped = _SPECIAL.sub(r"\\\1", inert(piece))
        out.append(f"**{escaped}**" if highlighted and escaped.strip() else escaped)
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>")


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    # Hints name command lines, which a reader of a document cannot type.
    blocks = [block for block in view.blocks if not isinstance(block, Hint)]
    out.write("\n\n".join(_block(block) for block in blocks) + "\n")


def _block(block: object) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape(block.text)}"
    if isinstance(block, Paragraph):
        return _paragraph(block.text)
    if isinstance(block, Notice):
        return f"*{escape(block.text)}*"
    if isinstance(block, Bullets):
        marks = ["-"] * len(block.items)
        return "\n".join(f"{m} {escape(i)}" for m, i in zip(marks, block.items, strict=True))
    if isinstance(block, Fields):
        return "\n".join(f"- **{escape(k)}:** {escape(v)}" for k, v in block.pairs)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bars):
        from hfs_info.render.bars import ascii_bars

        return _fenced(ascii_bars(block))
    if isinstance(block, Diagram):
        caption = f"\n\n{escape(block.title)}: {escape(block.caption)}" if block.caption else ""
        return _fenced("\n".join(block.lines)) + caption
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - exhaustive above


def _paragraph(text: str) -> str:
    escaped = escape(text)
    # A paragraph that starts like a list item or a numbered one would become a list.
    return re.sub(r"^([-+]|\d+[.)])(\s)", r"\\\1\2", escaped)


def _table(block: Table) -> str:
    lines = [f"**{escape(block.title)}**", ""] if block.title else []
    header = [escape(c) or " " for c in block.columns]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in block.rows]
    return "\n".join(lines)


def _fenced(text: str) -> str:
    """A code block whose fence is longer than any run of backticks inside it."""
    shown = inert(unmarked(text))
    longest = max((len(run) for run in re.findall("`+", shown)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{shown}\n{fence}"
