"""The format-neutral shape of what a command shows: a View of blocks plus its machine data.

Views (views.py) say *what* is shown (headings, paragraphs, tables, label/value fields); each
renderer in render/ says *how*, for one format. Nothing here knows about rich or terminals.
"""

import re
from typing import Any, NamedTuple

from hfs_info.patterns import deferred

# Search matches are marked inside text with two private-use characters; each renderer turns
# them into its own emphasis (a style, **bold**, <mark>) or drops them (plain, CSV, JSON).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
_MARKED = deferred(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_END}", re.S)


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
    """What a search found: the hits, best first; the typed topic words the guide never uses
    (the hits match the others); each typo with the dataset word it was read as; and each word
    followed to a related word of the guide."""

    hits: tuple[Hit, ...]
    unmatched: tuple[str, ...] = ()
    read_as: tuple[tuple[str, str], ...] = ()
    # each typed word the guide does not use that led to something only related, with the
    # guide's words it led to ("numb" -> weakness): said, never passed off as the word typed
    related: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the kind of figure the question asks for ("percentage", "duration", "number", or a unit:
    # "hours") when no answer shown holds one: the guide gives no such figure
    no_figure: str | None = None
    # each typed word the guide does not use that was followed to the guide's word for its
    # opposite ("voluntary" -> involuntary): said as the opposite, never swapped silently
    opposites: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # what the guide does not say of what the question names, each as (what it lacks, the
    # things named as typed): "figure" (no figure of the kind asked is about them: no_figure
    # is the kind), "definition" (what the word is), "together" (the things side by side),
    # "aspect" (the first answer is the aspect asked of another thing), "comparison" (the two
    # compared), "treatment" (how it is treated), "pain" (whether it hurts), "picture" (a figure
    # of it), "repeat" (whether it can be done again), "lasting" (whether it lasts, or must be
    # removed or replaced), "until" (the length of time until it comes back)
    unsaid: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def lacks(self) -> bool:
        """Whether the answer says first that the guide lacks something the question names:
        a typed word it never uses (or only one related to it), a figure of the kind asked, or
        what it does not say of the things named. The hits are then only the closest passages."""
        return bool(self.unmatched or self.related or self.no_figure or self.unsaid)


class Heading(NamedTuple):
    text: str
    level: int = 1


class Paragraph(NamedTuple):
    text: str


class Bullets(NamedTuple):
    items: tuple[str, ...]


class Fields(NamedTuple):
    """Label/value pairs about one thing (a treatment in full, the nerve, the provenance)."""

    pairs: tuple[tuple[str, str], ...]


class Table(NamedTuple):
    """Rows under named columns. The first column names each row, so a narrow renderer may
    stack the table as one block of fields per row instead of squeezing columns."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None
    compact: bool = False  # short rows, read best as a borderless list (like --help's commands)
    # Long cells side by side (a comparison): on a terminal each row's name is a rule above its
    # cells, so the cells have the whole width between them.
    headed_rows: bool = False
    # The index of a column of command lines: for someone at a terminal, like a Hint, so
    # documents (Markdown, HTML) leave the column out.
    commands: int | None = None


class References(NamedTuple):
    """The numbered list of works the text cites, as (number, citation). A document links each
    citation in its text ("[1]", "(reference 1)") to its entry."""

    items: tuple[tuple[int, str], ...]


# How text cites a numbered reference: "[1]" or "reference 1" (the guide's own wording).
CITATION = deferred(r"\[(?P<bracketed>\d+)\]|\breference (?P<worded>\d+)\b")


class Hint(NamedTuple):
    """A pointer to another command line, for someone at a terminal. Documents (Markdown, HTML,
    SVG, export) leave it out: a reader of a handout cannot type it."""

    text: str


class Bars(NamedTuple):
    """A horizontal bar chart of one group of percentages: (label, value, display) per bar,
    drawn against 100%. ``source`` says where the numbers come from; ``note`` says what a
    reader should know about the group as a whole (its items overlap)."""

    title: str
    source: str
    items: tuple[tuple[str, float, str], ...]
    note: str = ""


# The vector vocabulary of a drawing, in pixels on a canvas whose origin is the top left.
# ``role`` names what a shape stands for (nerve, artery, skull, sponge, ear, opening); each
# renderer picks its own look for a role.
Point = tuple[float, float]


class Line(NamedTuple):
    points: tuple[Point, ...]  # a polyline
    role: str


class Box(NamedTuple):
    x: float
    y: float
    width: float
    height: float
    role: str
    rounded: bool = False


class Dot(NamedTuple):
    x: float
    y: float
    radius: float
    role: str


class Label(NamedTuple):
    x: float
    y: float  # the baseline
    text: str
    anchor: str = "start"  # start, middle or end, as in SVG


Shape = Line | Box | Dot | Label


# What every drawing of one of the guide's figures says of itself, in every format.
DIAGRAM_NOTE = "A plain diagram of what the caption states, not the guide's own picture."


class Diagram(NamedTuple):
    """A drawing: ``lines`` for text formats (ASCII), ``shapes`` on a canvas of ``size`` for
    pictures. ``description`` says in words what it shows; ``caption`` is the guide's own.
    ``parts``: what the drawing labels, each in full, listed instead where the drawing is too
    wide for the terminal. Every format that draws it says DIAGRAM_NOTE with it.

    ``brief``: the line a terminal shows instead of the drawing inside a longer text (its
    caption and the command that draws it); documents draw it whatever."""

    title: str
    lines: tuple[str, ...]
    description: str
    parts: tuple[str, ...] = ()
    caption: str = ""
    shapes: tuple[Shape, ...] = ()
    size: tuple[float, float] = (0.0, 0.0)
    brief: str = ""


class Notice(NamedTuple):
    """The closing line of every screen of medical content: source and not-advice."""

    text: str


Block = Heading | Paragraph | Bullets | Fields | Table | References | Bars | Diagram | Notice | Hint


class View(NamedTuple):
    """One command's output. ``data``: the JSON document. ``records``: the CSV rows (a header
    and one row per record), or None for commands that are not tabular. ``drawing``: the view
    is a chart or diagram, so SVG applies. ``linked_data``: what the page is about as
    schema.org JSON-LD, for formats that carry it (HTML)."""

    blocks: tuple[Block, ...]
    data: dict[str, Any]
    records: tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] | None = None
    drawing: bool = False  # a chart or diagram: can also be written as SVG
    linked_data: dict[str, Any] | None = None


def for_documents(blocks: tuple[Block, ...] | list[Block]) -> list[Block]:
    """``blocks`` as a document shows them: without hints, figures drawn rather than named
    with the command that draws them, and tables without their columns of command lines (a
    reader of a handout cannot type them)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Hint):
            continue
        if isinstance(block, Diagram) and block.brief:  # documents draw every figure
            block = block._replace(brief="")
        if isinstance(block, Table) and block.commands is not None:
            keep = [i for i in range(len(block.columns)) if i != block.commands]
            block = block._replace(
                columns=tuple(block.columns[i] for i in keep),
                rows=tuple(tuple(row[i] for i in keep) for row in block.rows),
                commands=None,
            )
        out.append(block)
    return out


def without_highlights(blocks: list[Block]) -> list[Block]:
    """``blocks`` without search's highlighting of the words typed: in a document someone
    publishes (a fill region) it would read as the guide's own emphasis."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            block = block._replace(text=unmarked(block.text))
        elif isinstance(block, Table):
            block = block._replace(rows=tuple(tuple(map(unmarked, row)) for row in block.rows))
        out.append(block)
    return out


def shifted(view: View, by: int) -> View:
    """``view`` with every heading ``by`` levels lower (pandoc's --shift-heading-level-by), so
    that it nests under a heading of a larger document."""
    if not by:
        return view
    blocks = tuple(
        Heading(b.text, b.level + by) if isinstance(b, Heading) else b for b in view.blocks
    )
    return view._replace(blocks=blocks)
