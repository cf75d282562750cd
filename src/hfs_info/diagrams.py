"""Drawings of the guide's four figures, from the dataset's figure and nerve records: ASCII lines
for text (terminal, plain text, Markdown) and shapes for pictures (SVG, inline in HTML).

Each drawing shows only what the figure's caption (and, for Figure 1, the nerve record) states:
no anatomy, branch names, order of branches, directions or measurements the guide does not give;
an artery that presses on a nerve lies against it and does not join it. The two forms carry the
same labels.
"""

from __future__ import annotations

from hfs_info.document import Box, Dot, Label, Line, Shape
from hfs_info.models import Figure, Nerve

# Pictures are laid out before any font is chosen, so text is measured by an estimate that is
# wide for a 14 px sans-serif face: labels may end short of where they are allowed to, never past.
FONT_SIZE = 14
CHAR_WIDTH = 8.0
MARGIN = 20.0

Canvas = tuple[tuple[Shape, ...], tuple[float, float]]


def draw(figure: Figure, nerve: Nerve) -> tuple[str, ...]:
    """The lines of ``figure``'s drawing."""
    return _drawing(figure, nerve)[0]


def parts(figure: Figure, nerve: Nerve) -> tuple[str, ...]:
    """What the drawing labels, in reading order, each in full: the list a renderer shows
    instead of the drawing where the drawing is too wide to show uncut."""
    return _drawing(figure, nerve)[1]


def _drawing(figure: Figure, nerve: Nerve) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if figure.layout == "nerve-branches":
        return _nerve_branches(figure, nerve)
    if figure.layout == "skull-opening":
        return _skull_opening(figure)
    if figure.layout == "compression":
        return _compression(figure)
    return _decompression(figure)


def picture(figure: Figure, nerve: Nerve) -> Canvas:
    """``figure`` as shapes for a picture, with the size of the canvas they need: the same
    labels as its ASCII drawing, nothing more."""
    if figure.layout == "nerve-branches":
        shapes = _nerve_branches_shapes(figure, nerve)
    elif figure.layout == "skull-opening":
        shapes = _skull_opening_shapes(figure)
    elif figure.layout == "compression":
        shapes = _compression_shapes(figure)
    else:
        shapes = _decompression_shapes(figure)
    return shapes, _size(shapes)


def text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _size(shapes: tuple[Shape, ...]) -> tuple[float, float]:
    right = bottom = 0.0
    for shape in shapes:
        if isinstance(shape, Line):
            right = max(right, *(x for x, _ in shape.points))
            bottom = max(bottom, *(y for _, y in shape.points))
        elif isinstance(shape, Box):
            right, bottom = max(right, shape.x + shape.width), max(bottom, shape.y + shape.height)
        elif isinstance(shape, Dot):
            right, bottom = max(right, shape.x + shape.radius), max(bottom, shape.y + shape.radius)
        else:
            width = text_width(shape.text)
            end = {"start": width, "middle": width / 2}.get(shape.anchor, 0.0)
            right, bottom = max(right, shape.x + end), max(bottom, shape.y + FONT_SIZE / 3)
    return round(right + MARGIN), round(bottom + MARGIN)


def describe(figure: Figure, nerve: Nerve) -> str:
    """What the drawing shows, in words (alt text for HTML and SVG)."""
    if figure.layout == "nerve-branches":
        return (
            f"The {nerve.name} runs from {nerve.origin}, leaves the skull {nerve.exit} and "
            f"divides into {nerve.main_branches} main branches."
        )
    return figure.caption


def _label(figure: Figure, index: int, fallback: str) -> str:
    return figure.labels[index] if index < len(figure.labels) else fallback


Drawing = tuple[tuple[str, ...], tuple[str, ...]]  # (lines, parts)


def _nerve_branches(figure: Figure, nerve: Nerve) -> Drawing:
    also = f" ({nerve.also_called[-1]})" if nerve.also_called else ""
    name = f"{nerve.name}{also}"
    skull = f"skull: the nerve leaves it {nerve.exit}"
    branches = f"{nerve.main_branches} main branches"
    controls = f"together they control {_label(figure, 0, 'the face')}"
    lines = [
        f"  {nerve.origin}",
        "      |",
        f"      |   {name}",
        "      |",
        f"  ====+====   {skull}",
        "      |",
    ]
    # The branches are drawn alike and labelled once: the guide neither names nor orders them.
    middle = (nerve.main_branches - 1) // 2
    for n in range(nerve.main_branches):
        lines.append("      +----" + (f"   {branches}" if n == middle else ""))
    lines.append(f"           ({controls})")
    return tuple(lines), (nerve.origin, name, skull, branches, controls)


def _skull_opening(figure: Figure) -> Drawing:
    skull, ear, opening = (_label(figure, i, d) for i, d in enumerate(("skull", "ear", "opening")))
    key = f"{opening}: the opening made in the {skull} behind the {ear}"
    # The ear and the opening sit inside the outline, however long their labels; where the
    # opening is (behind the ear) the key says in words, as the caption does.
    inside = f"({ear})   [ {opening} ]"
    inner = max(len(inside) + 8, 30)
    lines = (
        f"  {skull}",
        "  ." + "-" * inner + ".",
        "  |" + " " * inner + "|",
        "  |" + inside.center(inner) + "|",
        "  |" + " " * inner + "|",
        "  '" + "-" * inner + "'",
        f"  [ {key.replace(':', ' ]:', 1)}",
    )
    return lines, (skull, key)


def _compression(figure: Figure) -> Drawing:
    artery, nerve = _label(figure, 0, "artery"), _label(figure, 1, "nerve")
    width = max(len(artery), len(nerve))
    pad = " " * (width + 4)
    # The artery comes down and lies along the nerve, pressing on it: drawn against the
    # nerve's line, never crossing or merging into it.
    lines = (
        f"  {artery:<{width}}  " + "=" * 18 + "\\",
        pad + " " * 19 + "\\",
        pad + " " * 20 + "=" * 14 + "   presses on the nerve",
        f"  {nerve:<{width}}  " + "-" * 44,
    )
    return lines, (f"the {artery} presses on the {nerve}",)


def _decompression(figure: Figure) -> Drawing:
    artery, sponge, nerve = (
        _label(figure, i, d) for i, d in enumerate(("artery", "sponge", "nerve"))
    )
    width = max(len(artery), len(nerve))
    lines = (
        f"  {artery:<{width}}  " + "=" * 38,
        " " * (width + 4 + 12) + f"[ {sponge} ]   placed to relieve the pressure",
        f"  {nerve:<{width}}  " + "-" * 38,
    )
    return lines, (
        f"a {sponge} placed between the {artery} and the {nerve} to relieve the pressure",
    )


def _nerve_branches_shapes(figure: Figure, nerve: Nerve) -> tuple[Shape, ...]:
    also = f" ({nerve.also_called[-1]})" if nerve.also_called else ""
    x, top, skull, fork = 60.0, 30.0, 110.0, 150.0
    shapes: list[Shape] = [
        Box(MARGIN, top, max(80.0, text_width(nerve.origin) + 20), 30, "origin", rounded=True),
        Label(MARGIN + 10, top + 20, nerve.origin),
        Line(((x, top + 30), (x, fork)), "nerve"),
        Label(x + 14, 90, f"{nerve.name}{also}"),
        Line(((MARGIN, skull), (x + 120, skull)), "skull"),
        Label(x + 134, skull + 5, f"skull: the nerve leaves it {nerve.exit}"),
    ]
    # Drawn alike and labelled once: the guide neither names nor orders the branches.
    middle = (nerve.main_branches - 1) // 2
    for n in range(nerve.main_branches):
        y = fork + 10 + n * 26
        shapes += [Line(((x, fork), (x + 40, y), (x + 140, y)), "nerve")]
        if n == middle:
            shapes.append(Label(x + 150, y + 5, f"{nerve.main_branches} main branches"))
    bottom = fork + 10 + (nerve.main_branches - 1) * 26 + 36
    shapes.append(Label(MARGIN, bottom, f"together they control {_label(figure, 0, 'the face')}"))
    return tuple(shapes)


def _skull_opening_shapes(figure: Figure) -> tuple[Shape, ...]:
    skull, ear, opening = (_label(figure, i, d) for i, d in enumerate(("skull", "ear", "opening")))
    inner = max(420.0, text_width(ear) + text_width(opening) + 260)
    left, top, height = MARGIN, 50.0, 150.0
    right = left + inner
    ear_x = right - text_width(opening) - 130
    return (
        Label(left, 30, skull),
        Box(left, top, inner, height, "skull", rounded=True),
        Dot(ear_x, top + 90, 16, "ear"),
        Label(ear_x, top + 130, ear, "middle"),
        Box(ear_x + 36, top + 72, text_width(opening) + 24, 36, "opening"),
        Label(ear_x + 48, top + 95, opening),
        Label(
            left, top + height + 30, f"{opening}: the opening made in the {skull} behind the {ear}"
        ),
    )


def _compression_shapes(figure: Figure) -> tuple[Shape, ...]:
    artery, nerve = _label(figure, 0, "artery"), _label(figure, 1, "nerve")
    start = MARGIN + max(text_width(artery), text_width(nerve)) + 16
    bend, down = start + 180, start + 230
    # The artery's stroke (7 wide) runs along the top of the nerve's (5 wide), edge to edge:
    # pressing on it, not joining it.
    return (
        Label(MARGIN, 55, artery),
        Line(((start, 50), (bend, 50), (down, 114), (down + 120, 114)), "artery"),
        Label(MARGIN, 125, nerve),
        Line(((start, 120), (down + 200, 120)), "nerve"),
        Label(down + 16, 90, "presses on the nerve"),
    )


def _decompression_shapes(figure: Figure) -> tuple[Shape, ...]:
    artery, sponge, nerve = (
        _label(figure, i, d) for i, d in enumerate(("artery", "sponge", "nerve"))
    )
    start = MARGIN + max(text_width(artery), text_width(nerve)) + 16
    width = max(120.0, text_width(sponge) + 24)
    end = start + width + 240
    box_x = start + 120
    return (
        Label(MARGIN, 55, artery),
        Line(((start, 50), (end, 50)), "artery"),
        Box(box_x, 62, width, 46, "sponge", rounded=True),
        Label(box_x + width / 2, 90, sponge, "middle"),
        Label(box_x + width + 14, 90, "placed to relieve the pressure"),
        Label(MARGIN, 125, nerve),
        Line(((start, 120), (end, 120)), "nerve"),
    )
