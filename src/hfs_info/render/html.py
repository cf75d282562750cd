"""One standalone, accessible HTML page (for `export`): a lang attribute, semantic headings,
tables with header cells, a description list for fields; inline styles only, no scripts and no
external assets. Every string is escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, TextIO

from hfs_info.document import (
    Bars,
    Bullets,
    Diagram,
    Fields,
    Heading,
    Notice,
    Paragraph,
    Table,
    View,
    segments,
)
from hfs_info.text import inert, xml_safe

if TYPE_CHECKING:
    from hfs_info.terminal import Terminal

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1a1a1a}"
    "table{border-collapse:collapse;margin:1rem 0}"
    "th,td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top;text-align:left}"
    "caption{font-weight:bold;text-align:left}"
    "dt{font-weight:bold}dd{margin:0 0 .5rem 1.5rem}"
    ".notice{font-style:italic;color:#444}"
    ".bar{display:inline-block;height:1em;background:#2a7fa8;vertical-align:middle}"
    "figure{margin:1rem 0}pre{overflow-x:auto}"
)


def _safe(text: str) -> str:
    """Escaped text that shows its controls and invisibles, and holds nothing XML refuses."""
    return escape(xml_safe(inert(text)), quote=True)


def _e(text: str) -> str:
    return "".join(
        f"<mark>{_safe(piece)}</mark>" if highlighted else _safe(piece)
        for piece, highlighted in segments(text)
    )


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    title = next((b.text for b in view.blocks if isinstance(b, Heading)), "hfs-info")
    body = "\n".join(_block(block) for block in view.blocks)
    out.write(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _block(block: object) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 6)
        return f"<h{level}>{_e(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, Notice):
        return f'<p class="notice" role="note">{_e(block.text)}</p>'
    if isinstance(block, Bullets):
        tag = "ol" if block.numbered else "ul"
        items = "".join(f"<li>{_e(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Fields):
        pairs = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in block.pairs)
        return f"<dl>{pairs}</dl>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bars):
        return _bars(block)
    if isinstance(block, Diagram):
        return (
            f'<figure><pre role="img" aria-label="{_e(block.description)}">'
            f"{_e(chr(10).join(block.lines))}</pre><figcaption>{_e(block.title)}</figcaption>"
            "</figure>"
        )
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - exhaustive above


def _table(block: Table) -> str:
    caption = f"<caption>{_e(block.title)}</caption>" if block.title else ""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in block.columns)
    rows = []
    for row in block.rows:
        cells = [
            f'<th scope="row">{_e(c)}</th>' if i == 0 and block.key_column else f"<td>{_e(c)}</td>"
            for i, c in enumerate(row)
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _bars(block: Bars) -> str:
    """A chart as a table: each bar an inline-styled span as wide as its share of the maximum,
    with the exact value beside it, so it reads the same with or without the bars."""
    rows = []
    for label, value, display in block.items:
        share = 100 * max(0.0, min(value, block.maximum)) / block.maximum if block.maximum else 0
        bar = f'<span class="bar" style="width:{share:.1f}%" aria-hidden="true"></span>'
        rows.append(
            f'<tr><th scope="row">{_e(label)}</th>'
            f'<td style="width:40%">{bar}</td><td>{_e(display)}</td></tr>'
        )
    return (
        f"<figure><table><caption>{_e(block.title)}</caption>"
        '<thead><tr><th scope="col">What it measures</th><th scope="col">Chart</th>'
        f'<th scope="col">Number</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"<figcaption>{_e(block.source)}</figcaption></figure>"
    )
