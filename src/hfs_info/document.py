"""The format-neutral shape of what a command shows: a View of blocks plus its machine data.

Views (views.py) say *what* is shown (headings, paragraphs, tables, label/value fields); each
renderer in render/ says *how*, for one format. Nothing here knows about rich or terminals.
"""

import re
from typing import Any, NamedTuple

# Search matches are marked inside text with two private-use characters; each renderer turns
# them into its own emphasis (a style, **bold**, <mark>) or drops them (plain, CSV, JSON).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
_MARKED = re.compile(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_END}", re.S)


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_highlighted) runs."""
    out: list[tuple[str, bool]] = []
    position = 0
    for match in _MARKED.finditer(text):
        if match.start() > position:
            out.append((text[position : match.start()], False))
        out.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        out.append((text[position:], False))
    return [
        (piece.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""), hi) for piece, hi in out
    ]


def unmarked(text: str) -> str:
    """``text`` without highlight markers."""
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def highlight_spans(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The unmarked text and the [start, end) offsets of its highlighted runs."""
    plain, spans, position = [], [], 0
    for piece, highlighted in segments(text):
        if highlighted:
            spans.append((position, position + len(piece)))
        plain.append(piece)
        position += len(piece)
    return "".join(plain), spans


class Hit(NamedTuple):
    """A ranked search match (search.py makes them, views.py shows them). ``title``, ``snippet``
    and ``text`` carry HIGHLIGHT_START/END around matches; ``text`` is the record's whole text,
    shown in full for the best hit. ``id`` is stable across runs (``treatment:botox/duration``);
    ``score`` is higher for a better match and only compares hits of one search."""

    id: str
    kind: str
    title: str
    command: str
    snippet: str
    text: str
    score: float


class Found(NamedTuple):
    """What a search found: the hits, best first; the typed words the guide never uses (the
    hits match the others); and each typo with the dataset word it was read as."""

    hits: tuple[Hit, ...]
    unmatched: tuple[str, ...] = ()
    read_as: tuple[tuple[str, str], ...] = ()


class Heading(NamedTuple):
    text: str
    level: int = 1


class Paragraph(NamedTuple):
    text: str


class Bullets(NamedTuple):
    items: tuple[str, ...]
    numbered: bool = False


class Fields(NamedTuple):
    """Label/value pairs about one thing (a treatment in full, the nerve, the provenance)."""

    pairs: tuple[tuple[str, str], ...]


class Table(NamedTuple):
    """Rows under named columns. ``key_column``: the first column names each row, so a narrow
    renderer may stack the table as one block of fields per row instead of squeezing columns."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None
    key_column: bool = True


class Bars(NamedTuple):
    """A horizontal bar chart of one group of figures: (label, value, display) per bar, drawn
    against ``maximum``. ``source`` says where the figures come from."""

    title: str
    source: str
    items: tuple[tuple[str, float, str], ...]
    maximum: float = 100.0


class Diagram(NamedTuple):
    """A drawing made of ASCII lines; ``description`` says in words what it shows."""

    title: str
    lines: tuple[str, ...]
    description: str


class Notice(NamedTuple):
    """The closing line of every screen of medical content: source and not-advice."""

    text: str


Block = Heading | Paragraph | Bullets | Fields | Table | Bars | Diagram | Notice


class View(NamedTuple):
    """One command's output. ``data``: the JSON document. ``records``: the CSV rows (a header
    and one row per record), or None for commands that are not tabular. ``drawing``: the view
    is a chart or diagram, so SVG applies."""

    blocks: tuple[Block, ...]
    data: dict[str, Any]
    records: tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] | None = None
    drawing: bool = False  # a chart or diagram: can also be written as SVG
