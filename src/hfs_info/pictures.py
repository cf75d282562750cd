"""SVG pictures of charts and diagrams for documents: shapes, lines and text on a light
background, with a <title> and <desc> for screen readers. The svg format (render/svg.py) writes
one as a file; the HTML page (render/html.py) draws them inline.

Written through xml.etree rather than an SVG library: a picture here is a few dozen rects, lines
and texts, which the standard library writes and escapes correctly, and no dependency is added.
Only presentation attributes that browsers and librsvg (rsvg-convert) treat alike are used: no
CSS, no web fonts, no textLength or baseline tricks, and every line of text is placed on its own
(SVG does not wrap text, and leading spaces are not kept). Text is made XML-safe: control,
surrogate and noncharacter code points (U+FFFE, U+FFFF) become visible or U+FFFD, so the file
is well-formed whatever the dataset holds.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from hfs_info.diagrams import CHAR_WIDTH, FONT_SIZE, MARGIN
from hfs_info.document import (
    DIAGRAM_NOTE,
    Bars,
    Box,
    Diagram,
    Dot,
    Label,
    Line,
    Shape,
    unmarked,
)
from hfs_info.text import inert, xml_safe

NAMESPACE = "http://www.w3.org/2000/svg"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
INK = "#1a1a1a"
MUTED = "#555555"
BACKGROUND = "#ffffff"
BAR = "#2a7fa8"
GRID = "#d9d9d9"
LINE_HEIGHT = 18
SMALL = 12

# How each role of a diagram's shapes is drawn: stroke, stroke width, fill, dashes.
ROLES: dict[str, tuple[str, float, str, str]] = {
    "nerve": ("#c8901a", 5, "none", ""),
    "artery": ("#b03a2e", 7, "none", ""),
    "skull": ("#7f7f7f", 4, "#f4f1ea", ""),
    "origin": ("#2a7fa8", 2, "#eaf2f8", ""),
    "ear": ("#a0522d", 2, "#f6d9c8", ""),
    "opening": ("#333333", 2, "#ffffff", "6 4"),
    "sponge": ("#a88c1e", 2, "#f7e8a6", ""),
}


def clean(text: str) -> str:
    """``text`` as it may appear in XML and HTML: no search markers, controls shown as text,
    and code points that are not characters replaced by U+FFFD."""
    return xml_safe(inert(unmarked(text)))


def to_text(element: ET.Element) -> str:
    return ET.tostring(element, encoding="unicode")


def _root(width: float, height: float, ident: str, title: str, desc: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": NAMESPACE,
            "version": "1.1",
            "width": _n(width),
            "height": _n(height),
            "viewBox": f"0 0 {_n(width)} {_n(height)}",
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "font-family": FONT,
            "font-size": str(FONT_SIZE),
            "fill": INK,
        },
    )
    ET.SubElement(svg, "title", {"id": f"{ident}-title"}).text = clean(title)
    ET.SubElement(svg, "desc", {"id": f"{ident}-desc"}).text = clean(desc)
    ET.SubElement(
        svg, "rect", {"x": "0", "y": "0", "width": "100%", "height": "100%", "fill": BACKGROUND}
    )
    return svg


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _text(
    parent: ET.Element,
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    size: int = FONT_SIZE,
    weight: str = "",
    color: str = "",
) -> None:
    attrs = {"x": _n(x), "y": _n(y)}
    if anchor != "start":
        attrs["text-anchor"] = anchor
    if size != FONT_SIZE:
        attrs["font-size"] = str(size)
    if weight:
        attrs["font-weight"] = weight
    if color:
        attrs["fill"] = color
    ET.SubElement(parent, "text", attrs).text = clean(text)


def _wrap(text: str, width: float, size: int = FONT_SIZE) -> list[str]:
    columns = max(20, int(width / (CHAR_WIDTH * size / FONT_SIZE)))
    return textwrap.wrap(clean(text), columns, break_on_hyphens=False) or [""]


def _paragraph(parent: ET.Element, y: float, text: str, width: float, size: int) -> float:
    """Wrapped lines of small print from ``y`` down; the y below them."""
    for line in _wrap(text, width, size):
        y += size + 4
        _text(parent, MARGIN, y, line, size=size, color=MUTED)
    return y


# --- diagrams --------------------------------------------------------------------------------


def diagram(
    block: Diagram, ident: str, heading: str | None = None, footer: str | None = None
) -> ET.Element:
    """``block`` drawn from its shapes; with ``heading`` above and the caption, what the
    drawing is (DIAGRAM_NOTE) and ``footer`` (the notice) below when it stands alone. Inline
    (in a page whose caption says them), its description says the caption and the note."""
    width, height = block.size
    width = max(width, 480.0)
    top = 40.0 if heading else 0.0
    caption_lines = _wrap(block.caption, width - 2 * MARGIN, SMALL) if heading else []
    note_lines = _wrap(DIAGRAM_NOTE, width - 2 * MARGIN, SMALL) if heading else []
    footer_lines = _wrap(footer, width - 2 * MARGIN, SMALL) if footer else []
    lines = len(caption_lines) + len(note_lines) + len(footer_lines)
    extra = lines * (SMALL + 4) + (16 if heading else 0)
    parts = dict.fromkeys((block.description, block.caption, DIAGRAM_NOTE, footer or ""))
    desc = " ".join(part for part in parts if part)
    svg = _root(width, top + height + extra, ident, f"{heading or block.title}", desc)
    if heading:
        _text(svg, MARGIN, 28, heading, size=18, weight="bold")
    canvas = ET.SubElement(svg, "g", {"transform": f"translate(0 {_n(top)})"} if top else {})
    for shape in block.shapes:
        _shape(canvas, shape)
    y = top + height
    if caption_lines:
        y = _paragraph(svg, y, block.caption, width - 2 * MARGIN, SMALL)
    if note_lines:
        y = _paragraph(svg, y, DIAGRAM_NOTE, width - 2 * MARGIN, SMALL)
    if footer:
        _paragraph(svg, y + 8, footer, width - 2 * MARGIN, SMALL)
    return svg


def _shape(parent: ET.Element, shape: Shape) -> None:
    if isinstance(shape, Label):
        _text(parent, shape.x, shape.y, shape.text, shape.anchor)
        return
    stroke, stroke_width, fill, dashes = ROLES.get(shape.role, (INK, 2, "none", ""))
    attrs = {"stroke": stroke, "stroke-width": _n(stroke_width)}
    if dashes:
        attrs["stroke-dasharray"] = dashes
    if isinstance(shape, Line):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in shape.points)
        attrs |= {"fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"}
        ET.SubElement(parent, "polyline", {"points": points, **attrs})
    elif isinstance(shape, Box):
        rounding = {"rx": "14", "ry": "14"} if shape.rounded else {}
        box = {"x": _n(shape.x), "y": _n(shape.y), "width": _n(shape.width)}
        box["height"] = _n(shape.height)
        ET.SubElement(parent, "rect", {**box, **rounding, "fill": fill, **attrs})
    elif isinstance(shape, Dot):
        circle = {"cx": _n(shape.x), "cy": _n(shape.y), "r": _n(shape.radius)}
        ET.SubElement(parent, "circle", {**circle, "fill": fill, **attrs})


# --- charts ----------------------------------------------------------------------------------

LABEL_COLUMNS = 40  # a bar's label wraps at this many characters
BAR_WIDTH = 320.0  # the length of a bar at the chart's maximum
VALUE_WIDTH = 120.0  # room for the exact value after the longest bar
TICKS = 4  # the axis is divided into this many steps


def chart(
    groups: Sequence[Bars], ident: str, heading: str | None = None, footer: str | None = None
) -> ET.Element:
    """Every group of ``groups`` in one picture on one shared axis and scale: a label column as
    wide as the longest label, then bars from one x, each with its exact value."""
    labels = {
        label: textwrap.wrap(clean(label), LABEL_COLUMNS, break_on_hyphens=False) or [""]
        for group in groups
        for label, _, _ in group.items
    }
    longest = max((len(line) for lines in labels.values() for line in lines), default=10)
    left = MARGIN + longest * CHAR_WIDTH + 12  # where every bar starts
    width = left + BAR_WIDTH + VALUE_WIDTH
    inner = width - 2 * MARGIN
    maximum = 100.0  # every chart is of percentages
    svg = _root(width, 0, ident, heading or "Chart", _chart_description(groups, footer))
    y = 0.0
    if heading:
        _text(svg, MARGIN, 30, heading, size=18, weight="bold")
        y = 40.0
    body = ET.SubElement(svg, "g")
    grid = ET.SubElement(body, "g", {"stroke": GRID, "stroke-width": "1"})
    grid_top = y + 8
    for group in groups:
        y += 30
        _band(body, y, FONT_SIZE, inner)
        _text(body, MARGIN, y, group.title, weight="bold")
        y += 8
        for label, value, display in group.items:
            lines = labels[label]
            row = max(len(lines), 1) * LINE_HEIGHT + 8
            length = BAR_WIDTH * max(0.0, min(value, maximum)) / maximum
            bar_y = y + (row - 14) / 2
            rect = {"x": _n(left), "y": _n(bar_y), "width": _n(length), "height": "14"}
            ET.SubElement(body, "rect", {**rect, "fill": BAR})
            _text(body, left + length + 6, bar_y + 12, display, weight="bold")
            for n, line in enumerate(lines):
                _text(body, MARGIN, y + 4 + (n + 1) * LINE_HEIGHT - 4, line)
            y += row
        for text, style in ((group.note, INK), (group.source, MUTED)):
            if text:
                for line in _wrap(text, inner, SMALL):
                    y += SMALL + 4
                    _band(body, y, SMALL, inner)
                    _text(body, MARGIN, y, line, size=SMALL, color=style)
    # One axis for every group: grid lines through all of them, tick values below.
    y += 10
    for step in range(TICKS + 1):
        x = left + BAR_WIDTH * step / TICKS
        ET.SubElement(grid, "line", {"x1": _n(x), "y1": _n(grid_top), "x2": _n(x), "y2": _n(y)})
        _text(body, x, y + 16, f"{maximum * step / TICKS:g}%", "middle", SMALL, color=MUTED)
    axis = {"x1": _n(left), "y1": _n(y), "x2": _n(left + BAR_WIDTH), "y2": _n(y)}
    ET.SubElement(body, "line", {**axis, "stroke": MUTED, "stroke-width": "1"})
    y += 20
    if footer:
        y = _paragraph(svg, y + 8, footer, inner, SMALL)
    height = y + MARGIN
    svg.set("height", _n(height))
    svg.set("viewBox", f"0 0 {_n(width)} {_n(height)}")
    return svg


def _band(parent: ET.Element, baseline: float, size: int, width: float) -> None:
    """A strip of background behind a line of text that runs across the chart, so that the
    axis's grid lines do not cross the words."""
    box = {"x": _n(MARGIN), "y": _n(baseline - size), "width": _n(width), "height": _n(size + 5)}
    ET.SubElement(parent, "rect", {**box, "fill": BACKGROUND})


def _chart_description(groups: Sequence[Bars], footer: str | None) -> str:
    parts = []
    for group in groups:
        values = "; ".join(f"{label}: {display}" for label, _, display in group.items)
        note = f" {group.note}" if group.note else ""
        parts.append(f"{group.title}: {values}.{note} {group.source}.")
    if footer:
        parts.append(footer)
    return " ".join(parts)
