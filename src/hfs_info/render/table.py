"""Terminal rendering with rich: headings, wrapped paragraphs, tables and panels of fields.

Every string reaches rich as a ``Text`` (never markup, never emoji codes) after control
characters are made inert. Cells fold rather than ellipsize, so medical text is never cut; a
table too wide for the terminal is stacked as one block of fields per row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from hfs_info.document import (
    Bars,
    Block,
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
)
from hfs_info.text import inert

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from hfs_info.terminal import Terminal

# One palette, by role.
THEME = {
    "heading": "bold cyan",
    "subheading": "bold",
    "label": "bold",
    "header": "bold",
    "notice": "dim italic",
    "bullet": "cyan",
    "border": "dim",
    "highlight": "bold reverse",
    "bar": "cyan",
    "value": "bold",
    "source": "dim",
}

# The longest bar, in cells; each bar is drawn in proportion to Bars.maximum.
BAR_CELLS = 30

# Below this many columns per table column, a table is stacked rather than squeezed.
MIN_COLUMN_WIDTH = 18


def console_for(file: TextIO, terminal: Terminal) -> Console:
    """A rich console that never interprets markup or emoji codes and uses ``terminal``'s
    colour, width and character set."""
    from rich.console import Console

    return Console(
        file=file,
        width=terminal.width,
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
    # Every chart of the view gets the same value column, so that all bars start at one x.
    values = max(
        (len(display) for b in view.blocks if isinstance(b, Bars) for _, _, display in b.items),
        default=0,
    )
    for i, block in enumerate(view.blocks):
        if i:
            console.print()
        if isinstance(block, Bars):
            renderables = _bars(block, terminal, values)
        else:
            renderables = _renderables(block, console, terminal)
        for renderable in renderables:
            console.print(renderable)


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    import io

    buffer = io.StringIO()
    print_view(view, console_for(buffer, terminal), terminal)
    # rich pads wrapped lines with spaces; trailing blanks help nobody who copies the text.
    out.write("\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n")))


def _text(value: str, style: str = "") -> Text:
    from rich.text import Text

    text = Text(style=THEME.get(style, style))
    for piece, highlighted in segments(value):
        text.append(inert(piece), style=THEME["highlight"] if highlighted else "")
    return text


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
    if isinstance(block, Bars):
        return _bars(block, terminal, 0)
    if isinstance(block, Diagram):
        return _diagram(block, terminal)
    if isinstance(block, Table):
        columns_fit = terminal.width >= MIN_COLUMN_WIDTH * len(block.columns)
        if block.key_column and not columns_fit:
            return _stacked(block)
        return [_table(block, terminal)]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - exhaustive above


def _bullets(block: Bullets, terminal: Terminal) -> RenderableType:
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style=THEME["bullet"])
    grid.add_column(overflow="fold")
    mark = "•" if terminal.unicode else "*"
    for n, item in enumerate(block.items, start=1):
        grid.add_row(f"{n}." if block.numbered else mark, _text(item))
    return grid


def _fields(pairs: tuple[tuple[str, str], ...]) -> RenderableType:
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style=THEME["label"], overflow="fold", max_width=20)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        grid.add_row(_text(label), _text(value))
    return grid


def _table(block: Table, terminal: Terminal) -> RenderableType:
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
        style = THEME["label"] if i == 0 and block.key_column else ""
        table.add_column(_text(name), overflow="fold", style=style)
    for row in block.rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


def _stacked(block: Table) -> list[RenderableType]:
    """A narrow terminal: each row as its own heading with its cells as labelled fields."""
    out: list[RenderableType] = []
    if block.title:
        out.append(_text(block.title, "subheading"))
    for n, row in enumerate(block.rows):
        if n:
            out.append(_text(""))
        out.append(_text(row[0], "subheading"))
        out.append(_fields(tuple(zip(block.columns[1:], row[1:], strict=True))))
    return out


def bar_length(value: float, maximum: float, cells: int = BAR_CELLS) -> int:
    """Cells for a bar: in proportion, and at least one for any value above zero."""
    if value <= 0 or maximum <= 0:
        return 0
    return max(1, round(cells * min(value, maximum) / maximum))


def _bars(block: Bars, terminal: Terminal, values: int) -> list[RenderableType]:
    """One group of bars across the whole width: the label column takes what the bar and
    value columns (``values`` wide, shared by the view's charts) leave, so bars line up."""
    from rich.table import Table as RichTable

    cells = max(8, min(BAR_CELLS, terminal.width - 34))
    values = max(values, *(len(display) for _, _, display in block.items))
    grid = RichTable.grid(padding=(0, 1), expand=True)
    grid.add_column(overflow="fold", ratio=1)
    grid.add_column(no_wrap=True, style=THEME["bar"], width=cells)
    grid.add_column(no_wrap=True, style=THEME["value"], width=values)
    mark = "█" if terminal.unicode else "#"
    for label, value, display in block.items:
        grid.add_row(_text(label), mark * bar_length(value, block.maximum, cells), _text(display))
    note = [_text(block.note)] if block.note else []
    return [_text(block.title, "subheading"), grid, *note, _text(block.source, "source")]


def _diagram(block: Diagram, terminal: Terminal) -> list[RenderableType]:
    from rich import box
    from rich.panel import Panel

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
        *([_text(f"{block.title}: {block.caption}")] if block.caption else []),
    ]
