"""GitHub-flavoured Markdown: headings, paragraphs, lists and pipe tables, for pasting into
documents. Text is escaped so that dataset characters never turn into Markdown syntax."""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import TYPE_CHECKING, TextIO

from hfs_info.document import (
    CITATION,
    DIAGRAM_NOTE,
    Bars,
    Block,
    Bullets,
    Diagram,
    Fields,
    Heading,
    Notice,
    Paragraph,
    References,
    Table,
    View,
    for_documents,
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


# Where the citations of the page being written link to: the anchor of the heading over its
# list of references, and the numbers that list holds.
_CITED: ContextVar[tuple[str, frozenset[int]]] = ContextVar("cited", default=("", frozenset()))


def escape(text: str) -> str:
    """Markdown-inert text on one line: specials backslash-escaped, line breaks as <br>,
    search matches in **bold**, citations of the page's references as links to its list."""
    out = []
    for piece, highlighted in segments(text):
        escaped = _cited(inert(piece))
        out.append(f"**{escaped}**" if highlighted and escaped.strip() else escaped)
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>")


def _cited(text: str) -> str:
    """``text`` escaped, with each citation of a listed reference made a link to the list."""
    anchor, numbers = _CITED.get()
    out, position = [], 0
    for match in CITATION.finditer(text) if numbers else ():
        number = int(match.group("bracketed") or match.group("worded"))
        if number not in numbers:
            continue
        out.append(_escaped(text[position : match.start()]))
        out.append(f"[{_escaped(match.group())}](#{anchor})")
        position = match.end()
    out.append(_escaped(text[position:]))
    return "".join(out)


def _escaped(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def slug(text: str) -> str:
    """The anchor GitHub (and markdown-it-anchor, pandoc's gfm) gives a heading: lower case,
    punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    # Hints name command lines, which a reader of a document cannot type.
    blocks = for_documents(view.blocks)
    token = _CITED.set(_references_anchor(blocks))
    try:
        out.write("\n\n".join(_block(block) for block in blocks) + "\n")
    finally:
        _CITED.reset(token)


def _references_anchor(blocks: list[Block]) -> tuple[str, frozenset[int]]:
    """The anchor of the heading just over the (first) list of references, counting repeated
    headings as GitHub does (``notes``, ``notes-1``), and the numbers the list holds."""
    seen: dict[str, int] = {}
    anchor = ""
    for block in blocks:
        if isinstance(block, Heading):
            base = slug(unmarked(block.text))
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchor = f"{base}-{count}" if count else base
        elif isinstance(block, References) and anchor:
            return anchor, frozenset(number for number, _ in block.items)
    return "", frozenset()


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
    if isinstance(block, References):
        # The entries themselves are not links: "[1]" stays text.
        anchor = _CITED.set(("", frozenset()))
        try:
            return "\n".join(f"- {escape(f'[{n}] {citation}')}" for n, citation in block.items)
        finally:
            _CITED.reset(anchor)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bars):
        from hfs_info.render.bars import ascii_bars

        return _fenced(ascii_bars(block))
    if isinstance(block, Diagram):
        caption = f"\n\n{escape(block.title)}: {escape(block.caption)}" if block.caption else ""
        return _fenced("\n".join(block.lines)) + caption + f"\n\n*{escape(DIAGRAM_NOTE)}*"
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
