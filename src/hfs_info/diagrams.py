"""Plain ASCII drawings of the guide's four figures, from the dataset's figure and nerve records.

Each drawing shows only what the figure's caption (and, for Figure 1, the nerve record) states:
no anatomy, branch names or measurements the guide does not give. ASCII only, so the same lines
serve the terminal, plain text, Markdown, HTML and SVG.
"""

from __future__ import annotations

from hfs_info.models import Figure, Nerve


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
    for n in range(1, nerve.main_branches + 1):
        lines.append(f"      +--- main branch {n}")
    lines.append(f"           ({controls})")
    return tuple(lines), (nerve.origin, name, skull, branches, controls)


def _skull_opening(figure: Figure) -> Drawing:
    skull, ear, opening = (_label(figure, i, d) for i, d in enumerate(("skull", "ear", "opening")))
    key = f"{opening}: the opening made in the {skull} behind the {ear}"
    lines = (
        f"  {skull}, seen from the side",
        "  .-----------------------------------------------.",
        "  | front                                    back |",
        "  |                                               |",
        f"  |                        ({ear})   [ {opening} ]",
        "  |                                               |",
        "  '-----------------------------------------------'",
        f"  [ {key.replace(':', ' ]:', 1)}",
    )
    return lines, (f"{skull}, seen from the side", key)


def _compression(figure: Figure) -> Drawing:
    artery, nerve = _label(figure, 0, "artery"), _label(figure, 1, "nerve")
    width = max(len(artery), len(nerve))
    start = 2 + width + 2  # where the vessel and the nerve are drawn from
    bend = start + 18  # the column where the artery turns down onto the nerve
    lines = (
        f"  {artery:<{width}}  " + "=" * 18 + "\\",
        " " * (bend + 1) + "\\   presses on the nerve",
        f"  {nerve:<{width}}  " + "-" * (bend + 2 - start) + "*" + "-" * 16,
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
    return lines, (f"a {sponge} between the {artery} and the {nerve} takes the pressure off",)
