"""Bar lengths and ASCII charts, shared by the table, plain and Markdown formats."""

from __future__ import annotations

from hfs_info.document import Bars

# The longest bar, in cells: 100%. Every chart is of percentages (document.Bars).
BAR_CELLS = 30


def bar_length(percent: float, cells: int = BAR_CELLS) -> int:
    """Cells for the bar of ``percent``: in proportion, and at least one above zero."""
    if percent <= 0:
        return 0
    return max(1, round(cells * min(percent, 100.0) / 100.0))


def ascii_bars(block: Bars) -> str:
    """A chart in ASCII: the label, then the bar of ``#`` and the exact value."""
    lines = [block.title]
    for label, value, display in block.items:
        bar = "#" * bar_length(value)
        lines += [label, f"  {bar} {display}"]
    if block.note:
        lines.append(block.note)
    lines.append(block.source)
    return "\n".join(lines)
