"""Plain ASCII drawings of the guide's four figures, from the dataset's figure and nerve records.

Each drawing shows only what the figure's caption (and, for Figure 1, the nerve record) states:
no anatomy, branch names or measurements the guide does not give. ASCII only, so the same lines
serve the terminal, plain text, Markdown, HTML and SVG.
"""

from __future__ import annotations

from hfs_info.models import Figure, Nerve


def draw(figure: Figure, nerve: Nerve) -> tuple[str, ...]:
    """The lines of ``figure``'s drawing."""
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


def _nerve_branches(figure: Figure, nerve: Nerve) -> tuple[str, ...]:
    also = f" ({nerve.also_called[-1]})" if nerve.also_called else ""
    lines = [
        f"  {nerve.origin}",
        "      |",
        f"      |   {nerve.name}{also}",
        "      |",
        f"  ====+====   skull: the nerve leaves it {nerve.exit}",
        "      |",
    ]
    for n in range(1, nerve.main_branches + 1):
        lines.append(f"      +--- main branch {n}")
    lines.append(f"           (together they control {_label(figure, 0, 'the face')})")
    return tuple(lines)


def _skull_opening(figure: Figure) -> tuple[str, ...]:
    skull, ear, opening = (_label(figure, i, d) for i, d in enumerate(("skull", "ear", "opening")))
    return (
        f"  {skull}, seen from the side",
        "  .-----------------------------------------------.",
        "  | front                                    back |",
        "  |                                               |",
        f"  |                        ({ear})   [ {opening} ]",
        "  |                                               |",
        "  '-----------------------------------------------'",
        f"  [ {opening} ]: the opening made in the {skull} behind the {ear}",
    )


def _compression(figure: Figure) -> tuple[str, ...]:
    artery, nerve = _label(figure, 0, "artery"), _label(figure, 1, "nerve")
    width = max(len(artery), len(nerve))
    start = 2 + width + 2  # where the vessel and the nerve are drawn from
    bend = start + 18  # the column where the artery turns down onto the nerve
    return (
        f"  {artery:<{width}}  " + "=" * 18 + "\\",
        " " * (bend + 1) + "\\   presses on the nerve",
        f"  {nerve:<{width}}  " + "-" * (bend + 2 - start) + "*" + "-" * 16,
    )


def _decompression(figure: Figure) -> tuple[str, ...]:
    artery, sponge, nerve = (
        _label(figure, i, d) for i, d in enumerate(("artery", "sponge", "nerve"))
    )
    width = max(len(artery), len(nerve))
    return (
        f"  {artery:<{width}}  " + "=" * 38,
        " " * (width + 4 + 12) + f"[ {sponge} ]   placed to relieve the pressure",
        f"  {nerve:<{width}}  " + "-" * 38,
    )
