"""SVG: a chart or a diagram as a standalone picture (pictures.py draws it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from hfs_info.document import Bars, Diagram, Heading, Notice, View
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
        picture = chart(bars, "chart", heading=title, footer=notice)
    else:
        picture = diagram(drawing, "figure", heading=title, footer=notice)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + to_text(picture) + "\n")
