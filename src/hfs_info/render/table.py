"""Terminal rendering with rich: headings, wrapped paragraphs, tables and panels of fields.

Every string reaches rich as a ``Text`` (never markup, never emoji codes) after control
characters are made inert. Nothing is cut at any width: table columns are sized so that every
word fits whole (cells wrap between words, never with an ellipsis), a table that cannot keep its
words whole is stacked as one block of fields per row, and a diagram wider than the terminal is
shown as the list of what it labels. A command to copy (``hfs-info treatments mvd``) is never
broken across lines: its words are glued into one for the layout, so a table column is made as
wide as it, prose wraps around it, and where it is wider than the terminal it stands whole on a
line of its own.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, TextIO

from hfs_info.commandline import COMMANDS
from hfs_info.document import (
    DIAGRAM_NOTE,
    Bars,
    Block,
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
    segments,
    unmarked,
)
from hfs_info.options import PROG
from hfs_info.render.bars import BAR_CELLS, bar_length
from hfs_info.text import inert

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from hfs_info.terminal import Terminal

# One palette, by role. Text a reader must be able to read (the notice and disclaimer, the
# source of a chart) keeps the terminal's own foreground: dim or faint text all but vanishes
# on some themes, and italic shows as reverse video or not at all on some terminals.
THEME = {
    "heading": "bold cyan",
    "subheading": "bold",
    "label": "bold",
    "header": "bold",
    "notice": "",
    "bullet": "cyan",
    "border": "dim",
    "highlight": "bold reverse",
    "bar": "cyan",
    "value": "bold",
    "source": "",
}

# Below this many columns per table column, a table is stacked rather than squeezed.
MIN_COLUMN_WIDTH = 18
# The widest a label of a block of fields gets before it wraps.
FIELD_LABEL_WIDTH = 20

# A command line to copy: the program's name, one of its commands, and the words after it up to
# punctuation that ends it (``: ; , ( )``). Its spaces are glued (GLUE, a private-use character
# no text holds, which rich takes for a letter) while the layout is made, and turned back into
# spaces after.
_COMMAND = re.compile(
    rf"\b{re.escape(PROG)} (?:{'|'.join(map(re.escape, COMMANDS))})\b(?: [^\s;:,()]+){{0,4}}"
)
GLUE = "\ue0ff"  # not document.HIGHLIGHT_START or _END


def glued(text: str) -> str:
    """``text`` with the spaces inside each command glued, so that no line breaks it."""
    return _COMMAND.sub(lambda m: m.group().replace(" ", GLUE), text)


def console_for(file: TextIO, terminal: Terminal) -> Console:
    """A rich console that never interprets markup or emoji codes and uses ``terminal``'s
    colour, width and character set."""
    from rich.console import Console

    return Console(
        file=file,
        width=terminal.width,
        # With a height as well, rich never reads COLUMNS and LINES itself (its reading
        # crashes on ``COLUMNS=²``); nothing we draw depends on the height.
        height=25,
        force_terminal=terminal.color,
        no_color=not terminal.color,
        color_system="standard" if terminal.color else None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        safe_box=not terminal.unicode,
    )


def print_view(view: View, console: Console, terminal: Terminal) -> None:
    from rich.console import Group

    # Every chart of a view shares its column widths, so bars of different groups line up.
    items = [item for block in view.blocks if isinstance(block, Bars) for item in block.items]
    chart = (
        max((len(unmarked(label)) for label, _, _ in items), default=0),
        max((len(unmarked(display)) for _, _, display in items), default=0),
    )
    for i, block in enumerate(view.blocks):
        if i:
            console.print()
        if isinstance(block, Bars):
            renderables = _bars(block, terminal, *chart)
        else:
            renderables = _renderables(block, console, terminal)
        for renderable in renderables:
            # Not cropped: a command wider than the terminal stands whole on its line. A Group,
            # as print would join a text with others into a new one, losing its wrapping.
            console.print(Group(renderable), crop=False)


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    import io

    buffer = io.StringIO()
    print_view(view, console_for(buffer, terminal), terminal)
    # rich pads wrapped lines with spaces; trailing blanks help nobody who copies the text.
    lines = buffer.getvalue().replace(GLUE, " ").split("\n")
    out.write("\n".join(line.rstrip(" ") for line in lines))


def _text(value: str, style: str = "") -> Text:
    from rich.text import Text

    pieces = [(glued(inert(piece)), highlighted) for piece, highlighted in segments(value)]
    unbroken = any(GLUE in piece for piece, _ in pieces)
    text = (_unbroken() if unbroken else Text)(style=THEME.get(style, style), overflow="fold")
    for piece, highlighted in pieces:
        text.append(piece, style=THEME["highlight"] if highlighted else "")
    return text


@cache
def _unbroken() -> type[Text]:
    """A rich Text that wraps between words like any other but never folds a word longer than
    the line (a glued command): that word stands whole on a line of its own."""
    from rich._wrap import divide_line
    from rich.containers import Lines
    from rich.text import Text

    class Unbroken(Text):
        def wrap(self, console: Console, width: int, **_: object) -> Lines:
            lines = Lines()
            for line in self.split(allow_blank=True):
                for piece in line.divide(divide_line(str(line), width, fold=False)):
                    piece.rstrip_end(width)
                    lines.append(piece)
            return lines

    return Unbroken


def _renderables(block: Block, console: Console, terminal: Terminal) -> list[RenderableType]:
    if isinstance(block, Heading):
        return [_text(block.text, "heading" if block.level == 1 else "subheading")]
    if isinstance(block, Paragraph | Hint):
        return [_text(block.text)]
    if isinstance(block, Notice):
        return [_text(block.text, "notice")]
    if isinstance(block, Bullets):
        return [_bullets(block, terminal)]
    if isinstance(block, Fields):
        return [_fields(block.pairs)]
    if isinstance(block, References):
        items = tuple(f"[{number}] {citation}" for number, citation in block.items)
        return [_bullets(Bullets(items), terminal)]
    if isinstance(block, Bars):
        return _bars(block, terminal, 0, 0)
    if isinstance(block, Diagram):
        return _diagram(block, terminal)
    if isinstance(block, Table) and block.compact:
        return _compact(block)
    if isinstance(block, Table) and block.headed_rows:
        return _headed_rows(block, terminal)
    if isinstance(block, Table):
        widths = _column_widths(block, terminal.width)
        if widths is None:
            return _stacked(block, terminal.width)
        return [_table(block, terminal, widths)]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - exhaustive above


def _column_widths(block: Table, width: int, room: int | None = None) -> list[int] | None:
    """Content widths for ``block``'s columns at ``width`` such that no word is folded, or None
    where that cannot be done (then the table is stacked). rich, left to itself, narrows the
    widest columns first and folds a word that no longer fits; here every column keeps at least
    its longest word. ``room``: the width the cells share (by default what the borders and
    padding of a boxed table leave)."""
    n = len(block.columns)
    # Each column has a space of padding on either side and a border on its left; the table has
    # one more border on its right.
    room = width - (3 * n + 1) if room is None else room
    if width < MIN_COLUMN_WIDTH * n:
        return None
    columns = list(zip(block.columns, *block.rows, strict=True))
    columns = [tuple(glued(cell) for cell in col) for col in columns]
    longest = [
        max(len(w) for cell in col for w in [*unmarked(cell).split(), ""]) for col in columns
    ]
    desired = [max(len(unmarked(cell)) for cell in col) for col in columns]
    if sum(longest) > room:
        return None
    if sum(desired) <= room:
        return [max(1, d) for d in desired]
    lengths = [[len(unmarked(cell)) for cell in col] for col in columns]
    widths = [max(1, m) for m in longest]
    _shorten_rows(widths, lengths, room)
    # Any room left goes a cell at a time to the column that would need the most lines, so a
    # long definition gets more room than a short list of aliases.
    total = [sum(col) for col in lengths]
    while sum(widths) < room:
        growing = [i for i in range(n) if widths[i] < desired[i]]
        if not growing:
            break
        widths[max(growing, key=lambda i: total[i] / widths[i])] += 1
    return widths


def _shorten_rows(widths: list[int], lengths: list[list[int]], room: int) -> None:
    """Widen columns, in place, where the room buys the most: each step takes the widening that
    saves the most table lines per cell spent (a row is as tall as its tallest cell; a cell of
    length L in a column of width w takes about ceil(L / w) lines)."""

    def height(ws: list[int]) -> int:
        lines = [[-(-length // w) for length in col] for col, w in zip(lengths, ws, strict=True)]
        return sum(max(row) for row in zip(*lines, strict=True))

    current = height(widths)
    while True:
        spare = room - sum(widths)
        best: tuple[float, int, int, int] | None = None
        for i, col in enumerate(lengths):
            # The widths at which some cell of this column needs one line fewer.
            steps = sorted({-(-L // (k - 1)) for L in col if (k := -(-L // widths[i])) > 1})
            for w in steps:
                if w - widths[i] > spare:
                    break
                trial = [*widths[:i], w, *widths[i + 1 :]]
                if (h := height(trial)) < current:
                    gain = (current - h) / (w - widths[i])
                    if best is None or gain > best[0]:
                        best = (gain, i, w, h)
                    break
        if best is None:
            return
        _, i, widths[i], current = best


def _bullets(block: Bullets, terminal: Terminal) -> RenderableType:
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style=THEME["bullet"])
    grid.add_column(overflow="fold")
    mark = "•" if terminal.unicode else "*"
    for item in block.items:
        grid.add_row(mark, _text(item))
    return grid


def _fields(pairs: tuple[tuple[str, str], ...]) -> RenderableType:
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style=THEME["label"], overflow="fold", max_width=FIELD_LABEL_WIDTH)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        grid.add_row(_text(label), _text(value))
    return grid


def _table(block: Table, terminal: Terminal, widths: list[int] | None) -> RenderableType:
    from rich import box
    from rich.table import Table as RichTable

    table = RichTable(
        title=_text(block.title, "subheading") if block.title else None,
        title_justify="left",
        box=box.ROUNDED if terminal.unicode else box.ASCII,
        border_style=THEME["border"],
        header_style=THEME["header"],
        show_lines=True,
    )
    for i, name in enumerate(block.columns):
        style = THEME["label"] if i == 0 else ""
        width = widths[i] if widths else None
        table.add_column(_text(name), overflow="fold", style=style, width=width)
    for row in block.rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


# A word as textwrap reads one: a no-break space is no place to break a line.
# A word as rich wraps it: between any Unicode whitespace (a no-break space too, which rich
# breaks at like a space).
_WORD = re.compile(r"\S+")


def wrapped_lines(words: list[int], width: int) -> int:
    """How many lines words of these lengths take when filled greedily into ``width`` columns,
    one space apart, none longer than ``width`` (``textwrap.wrap`` counts the same, slower)."""
    count, used = 1, -1
    for length in words:
        if used + 1 + length <= width:
            used += 1 + length
        else:
            count, used = count + 1, length
    return count


def _fewest_lines(block: Table, room: int) -> list[int] | None:
    """For a table of a few columns: the widths, together at most ``room`` and each at least
    its column's longest word, that give it the fewest lines with every cell wrapped between
    words (as rich wraps them); None where the words cannot all stay whole. Every split is
    tried: a comparison is read on one screen, and a line saved there is worth the search."""
    import itertools

    # The lengths of each cell's words, column by column.
    columns = [
        [[len(word) for word in _WORD.findall(unmarked(cell))] for cell in col]
        for col in zip(block.columns, *block.rows, strict=True)
    ]
    longest = [max((n for cell in col for n in cell), default=1) for col in columns]
    if sum(longest) > room:
        return None

    # Lines of each cell at each width its column may take.
    spare = room - sum(longest)
    heights = [
        {w: [wrapped_lines(cell, w) for cell in col] for w in range(low, low + spare + 1)}
        for col, low in zip(columns, longest, strict=True)
    ]
    best: tuple[int, int, list[int]] | None = None
    for extra in itertools.product(range(spare + 1), repeat=len(columns) - 1):
        if sum(extra) > spare:
            continue
        widths = [low + e for low, e in zip(longest, extra, strict=False)]
        widths.append(room - sum(widths))  # the last column takes what is left
        rows = zip(*(heights[i][w] for i, w in enumerate(widths)), strict=True)
        total = sum(max(row) for row in rows)
        # Fewest lines; then the most even columns.
        key = (total, max(widths) - min(widths))
        if best is None or key < best[:2]:
            best = (*key, widths)
    return best[2] if best else None


# Columns of a table with headed rows are this far apart.
_GAP = 2


def _headed_rows(block: Table, terminal: Terminal) -> list[RenderableType]:
    """A comparison: the column names, then each row as a rule that carries its name, with its
    cells side by side below it in columns as wide as the terminal allows. Where the words
    cannot all stay whole, stacked like any table."""
    from rich.table import Table as RichTable

    cells = Table(block.columns[1:], tuple(row[1:] for row in block.rows))
    n = len(cells.columns)
    room = terminal.width - _GAP * (n - 1)
    if n == 0 or terminal.width < MIN_COLUMN_WIDTH * n:
        return _stacked(block, terminal.width)
    widths = _fewest_lines(cells, room) if n <= 3 else _column_widths(cells, terminal.width, room)
    if widths is None:
        return _stacked(block, terminal.width)

    def grid(bold: bool) -> RichTable:
        out = RichTable.grid(padding=(0, _GAP, 0, 0))
        for i, width in enumerate(widths):
            # The last column has no gap after it: its padding would overflow the line.
            out.add_column(width=width + (_GAP if i < n - 1 else 0), overflow="fold")
            if bold:
                out.columns[-1].style = THEME["header"]
        return out

    out: list[RenderableType] = []
    if block.title:
        out.append(_text(block.title, "subheading"))
    header = grid(bold=True)
    header.add_row(*(_text(name) for name in cells.columns))
    out.append(header)
    line = "─" if terminal.unicode else "-"
    for row in block.rows:
        name = _text(row[0], "label")
        rule = max(2, terminal.width - len(unmarked(row[0])) - 1)
        name.append(" " + line * rule, style=THEME["border"])
        out.append(name)
        body = grid(bold=False)
        body.add_row(*(_text(cell) for cell in row[1:]))
        out.append(body)
    return out


def _compact(block: Table) -> list[RenderableType]:
    """A list like --help's: the key column unwrapped, the rest wrapping beside it."""
    from rich.padding import Padding
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style=THEME["label"])
    for _ in block.columns[1:]:
        grid.add_column(overflow="fold")
    for row in block.rows:
        grid.add_row(*(_text(cell) for cell in row))
    title = [_text(block.title, "subheading")] if block.title else []
    return [*title, Padding(grid, (0, 0, 0, 2))]


def _stacked(block: Table, width: int) -> list[RenderableType]:
    """A narrow terminal: each row as its own heading with its cells as labelled fields. A
    command too wide to stand beside its label goes under it, on a line of its own."""
    out: list[RenderableType] = []
    if block.title:
        out.append(_text(block.title, "subheading"))
    label_width = min(FIELD_LABEL_WIDTH, max((len(name) for name in block.columns[1:]), default=0))
    for n, row in enumerate(block.rows):
        if n:
            out.append(_text(""))
        out.append(_text(row[0], "subheading"))
        pairs: list[tuple[str, str]] = []
        for label, value in zip(block.columns[1:], row[1:], strict=True):
            plain = unmarked(value)
            if _COMMAND.fullmatch(plain) and len(plain) > width - label_width - 2:
                out += [_fields(tuple(pairs))] if pairs else []
                out += [_text(label, "label"), _text(value)]
                pairs = []
            else:
                pairs.append((label, value))
        out += [_fields(tuple(pairs))] if pairs else []
    return out


def _bars(
    block: Bars, terminal: Terminal, label_width: int, value_width: int
) -> list[RenderableType]:
    """A chart: label, bar, exact value. ``label_width`` and ``value_width``: the widest label
    and value of every chart in the view (0: this chart's own), so bars start in one column."""
    from rich.table import Table as RichTable

    cells = max(8, min(BAR_CELLS, terminal.width - 34))
    value_width = max([value_width, *(len(unmarked(display)) for _, _, display in block.items)])
    label_width = max([label_width, *(len(unmarked(label)) for label, _, _ in block.items)])
    # The label wraps between words within what the bar and the value leave of the line.
    label_width = min(label_width, terminal.width - cells - value_width - 2)
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(overflow="fold", width=label_width)
    grid.add_column(no_wrap=True, style=THEME["bar"], width=cells)
    grid.add_column(no_wrap=True, style=THEME["value"], justify="right", width=value_width)
    mark = "█" if terminal.unicode else "#"
    for label, value, display in block.items:
        grid.add_row(_text(label), mark * bar_length(value, cells), _text(display))
    note = [_text(block.note)] if block.note else []
    return [_text(block.title, "subheading"), grid, *note, _text(block.source, "source")]


def _diagram(block: Diagram, terminal: Terminal) -> list[RenderableType]:
    from rich import box
    from rich.panel import Panel

    if block.brief:
        return [_text(block.brief)]
    # A panel adds a border and a space of padding on each side.
    needed = max((len(line) for line in block.lines), default=0) + 4
    caption = [_text(f"{block.title}: {block.caption}")] if block.caption else []
    caption.append(_text(DIAGRAM_NOTE))
    if needed > terminal.width and block.parts:
        # Squeezing a drawing cuts its labels; a list of what it shows keeps every word.
        note = f"{block.title}: the drawing needs {needed} columns; it shows:"
        return [_text(note, "subheading"), _bullets(Bullets(block.parts), terminal), *caption]
    body = _text("\n".join(block.lines))
    body.no_wrap = True
    body.overflow = "fold"
    return [
        Panel(
            body,
            title=_text(block.title),
            title_align="left",
            box=box.ROUNDED if terminal.unicode else box.ASCII,
            expand=False,
        ),
        *caption,
    ]
