"""Bar lengths and ASCII charts, shared by the table, plain and Markdown formats."""

from __future__ import annotations

from hfs_info.document import Bars

# The longest bar, in cells; each bar is drawn in proportion to Bars.maximum.
BAR_CELLS = 30


def bar_length(value: float, maximum: float, cells: int = BAR_CELLS) -> int:
    """Cells for a bar: in proportion, and at least one for any value above zero."""
    if value <= 0 or maximum <= 0:
        return 0
    return max(1, round(cells * min(value, maximum) / maximum))


def ascii_bars(block: Bars) -> str:
    """A chart in ASCII: the label, then the bar of ``#`` and the exact value."""
    lines = [block.title]
    for label, value, display in block.items:
        bar = "#" * bar_length(value, block.maximum)
        lines += [label, f"  {bar} {display}"]
    if block.note:
        lines.append(block.note)
    lines.append(block.source)
    return "\n".join(lines)
