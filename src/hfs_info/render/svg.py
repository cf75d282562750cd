"""SVG: a chart or a diagram as a standalone picture (pictures.py draws it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from hfs_info.document import Bars, Diagram, Heading, Notice, Table, View
from hfs_info.pictures import chart, diagram, to_text

if TYPE_CHECKING:
    from hfs_info.terminal import Terminal


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    title = next((b.text for b in view.blocks if isinstance(b, Heading)), "hfs-info")
    notice = next((b.text for b in view.blocks if isinstance(b, Notice)), "")
    # A view's charts are its picture (a treatment's percentages); a figure the view only
    # mentions is drawn by `figures N`.
    bars = [b for b in view.blocks if isinstance(b, Bars)]
    drawing = next((b for b in view.blocks if isinstance(b, Diagram)), None)
    if bars or drawing is None:
        left = _tables_left_out(view)
        footer = f"{left} {notice}" if left else notice
        picture = chart(bars, "chart", heading=title, footer=footer)
    else:
        picture = diagram(drawing, "figure", heading=title, footer=notice)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + to_text(picture) + "\n")


def _tables_left_out(view: View) -> str:
    """What a chart leaves out of its view, said under it: the tables beside the bars (`stats
    --chart`: the numbers that are not percentages), by their headings and sizes; a chart that
    silently dropped numbers would read as all there is."""
    heading, left = "", []
    for block in view.blocks:
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Table) and block.rows:
            count = len(block.rows)
            left.append(f"{heading or 'a table'} ({count} {'row' if count == 1 else 'rows'})")
    if not left:
        return ""
    return "Not drawn here, shown by the other formats: " + "; ".join(left) + "."
