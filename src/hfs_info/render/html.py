"""One standalone, accessible HTML5 page (for `export`): a lang attribute, a table of contents
linking to every section, semantic headings, tables with header cells, a description list for
fields, real links for web addresses, figures and charts drawn inline as SVG with their
captions, styles for screen and print, and what the page is about as schema.org JSON-LD.

No script runs (the JSON-LD block is data, and the only <script> element) and nothing is fetched
from elsewhere. Every string is escaped, and code points that are not characters are replaced
(pictures.clean), so dataset text stays text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from contextvars import ContextVar
from html import escape
from typing import TYPE_CHECKING, Any, TextIO

from hfs_info import pictures
from hfs_info.document import (
    CITATION,
    DIAGRAM_NOTE,
    Bars,
    Block,
    Bullets,
    Diagram,
    Fields,
    Heading,
    Notice,
    Paragraph,
    References,
    Table,
    View,
    for_documents,
    segments,
)
from hfs_info.text import normalize

if TYPE_CHECKING:
    from hfs_info.terminal import Terminal

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1a1a1a;background:#fff}"
    "a{color:#1a5f85}"
    "table{border-collapse:collapse;margin:1rem 0}"
    "th,td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top;text-align:left}"
    "caption{font-weight:bold;text-align:left}"
    "dt{font-weight:bold}dd{margin:0 0 .5rem 1.5rem}"
    ".notice{font-style:italic;color:#444}"
    "nav.toc{border:1px solid #ccc;padding:.5rem 1rem;margin:1rem 0}"
    "nav.toc ol{margin:0;padding-left:1.25rem}"
    "figure{margin:1.5rem 0}figure svg{max-width:100%;height:auto}"
    "figcaption{font-size:.9rem;color:#333}"
    "@media print{"
    "body{max-width:none;margin:0;font-size:11pt}"
    "nav.toc{break-after:page}"
    "figure,table,dl{break-inside:avoid}"
    "h1,h2,h3,h4{break-after:avoid}"
    'a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}'
    "}"
)

# Web addresses in the text become links: http(s) ones as they are, www. ones over http (the
# guide gives its addresses without a scheme or with http://). Trailing punctuation stays text.
# A citation such as [1] or "reference 1" links to its entry in the page's list of references.
_LINKED = re.compile(
    r"(?P<address>\b(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]])|" + CITATION.pattern
)
# The reference numbers that have a list item on the page being written.
_REFERENCES: ContextVar[frozenset[str]] = ContextVar("references", default=frozenset())


def _e(text: str) -> str:
    """``text`` as HTML: escaped, search matches in <mark>, web addresses as links."""
    out = []
    for piece, highlighted in segments(text):
        html = _linked(pictures.clean(piece))
        out.append(f"<mark>{html}</mark>" if highlighted else html)
    return "".join(out)


def _linked(text: str) -> str:
    out, position = [], 0
    references = _REFERENCES.get()
    for match in _LINKED.finditer(text):
        address = match.group("address")
        number = match.group("bracketed") or match.group("worded")
        if address:
            href = address if address.startswith("http") else f"http://{address}"
        elif number in references:
            href, address = f"#ref-{number}", match.group()
        else:
            continue
        out.append(escape(text[position : match.start()], quote=True))
        out.append(f'<a href="{escape(href, quote=True)}">{escape(address, quote=True)}</a>')
        position = match.end()
    out.append(escape(text[position:], quote=True))
    return "".join(out)


def _plain(text: str) -> str:
    """``text`` escaped, without links (for <title> and attribute values)."""
    return escape(pictures.clean(text), quote=True)


class _Page:
    """Ids for headings and pictures, unique within the page."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.references: set[str] = set()  # numbers whose list item has its id already

    def ident(self, text: str, fallback: str) -> str:
        base = normalize(text).replace(" ", "-") or fallback
        ident, n = base, 1
        while ident in self.ids:
            n += 1
            ident = f"{base}-{n}"
        self.ids.add(ident)
        return ident


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    title = next((b.text for b in view.blocks if isinstance(b, Heading)), "hfs-info")
    page = _Page()
    blocks = for_documents(view.blocks)  # command lines are for the terminal only
    contents = page.ident("contents", "contents")
    numbers = {str(n) for block in blocks if isinstance(block, References) for n, _ in block.items}
    token = _REFERENCES.set(frozenset(numbers))
    try:
        body = _body(blocks, page, contents)
    finally:
        _REFERENCES.reset(token)
    linked = _json_ld(view.linked_data) if view.linked_data else ""
    out.write(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_plain(title)}</title>\n<style>{STYLE}</style>\n{linked}</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _body(blocks: Sequence[Block], page: _Page, contents: str) -> list[str]:
    labels = _labels(blocks)
    anchors = {i: page.ident(label, "section") for i, label in labels.items()}
    toc = _contents(blocks, anchors, labels, contents)
    # The contents go under the title and the notice that opens the page.
    after = 1 if len(blocks) > 1 and isinstance(blocks[1], Notice) else 0
    body = []
    for i, block in enumerate(blocks):
        body.append(_block(block, anchors.get(i, ""), page))
        if i == after and toc:
            body.append(toc)
    return body


def _json_ld(data: dict[str, Any]) -> str:
    """``data`` in a JSON-LD script element. Inside <script> nothing is escaped by HTML, so the
    characters that could end the element or open a comment (< > &) are written as JSON escapes,
    which any JSON reader turns back into the same text."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = (
        pictures.clean(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def _labels(blocks: Sequence[Block]) -> dict[int, str]:
    """Each heading's name in the contents (and its anchor's words): its text, and where
    another heading has the same text (five "In numbers"), the headings it is under, nearest
    first, until it is told apart: "In numbers: Botox injections"."""
    headings = {i: b for i, b in enumerate(blocks) if isinstance(b, Heading)}
    above: dict[int, list[str]] = {}
    chain: list[Heading] = []
    for i, heading in headings.items():
        while chain and chain[-1].level >= heading.level:
            chain.pop()
        above[i] = [h.text for h in reversed(chain)]
        chain.append(heading)
    labels = {i: h.text for i, h in headings.items()}
    for depth in range(max((len(a) for a in above.values()), default=0)):
        counts = Counter(labels.values())
        repeated = [i for i, label in labels.items() if counts[label] > 1]
        if not repeated:
            break
        for i in repeated:
            if depth < len(above[i]):
                labels[i] = ": ".join([headings[i].text, *above[i][: depth + 1]])
    return labels


def _contents(
    blocks: Sequence[Block], anchors: dict[int, str], labels: dict[int, str], ident: str
) -> str:
    """A nested list of links to every heading below the page's title, each told apart from
    the others by its label."""
    entries = [
        (block.level, labels[i], anchors[i])
        for i, block in enumerate(blocks)
        if i and isinstance(block, Heading)
    ]
    if not entries:
        return ""
    top = min(level for level, _, _ in entries)
    out = [f'<nav class="toc" aria-labelledby="{ident}"><h2 id="{ident}">Contents</h2>']
    depth = 0
    for level, text, anchor in entries:
        level = level - top + 1
        if level > depth:
            out.append("<ol><li>" * (level - depth))
        else:
            out.append("</li></ol>" * (depth - level) + "</li><li>")
        depth = level
        out.append(f'<a href="#{escape(anchor, quote=True)}">{_plain(text)}</a>')
    out.append("</li></ol>" * depth + "</nav>")
    return "".join(out)


def _block(block: Block, anchor: str, page: _Page) -> str:
    if isinstance(block, Heading):
        level = max(1, min(block.level, 6))
        return f'<h{level} id="{escape(anchor, quote=True)}">{_e(block.text)}</h{level}>'
    if isinstance(block, Paragraph):
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, Notice):
        return f'<p class="notice" role="note">{_e(block.text)}</p>'
    if isinstance(block, Bullets):
        return f"<ul>{''.join(f'<li>{_e(item)}</li>' for item in block.items)}</ul>"
    if isinstance(block, References):
        token = _REFERENCES.set(frozenset())  # an entry does not link to itself
        try:
            items = "".join(
                f"<li{_reference_id(number, page)}>{_e(f'[{number}] {citation}')}</li>"
                for number, citation in block.items
            )
        finally:
            _REFERENCES.reset(token)
        return f'<ul class="references">{items}</ul>'
    if isinstance(block, Fields):
        pairs = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in block.pairs)
        return f"<dl>{pairs}</dl>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bars):
        ident = page.ident(f"chart {block.title}", "chart")
        picture = pictures.to_text(pictures.chart([block], ident))
        note = f" {_e(block.note)}" if block.note else ""
        caption = f"<strong>{_e(block.title)}</strong>.{note} {_e(block.source)}."
        return f"<figure>{picture}<figcaption>{caption}</figcaption></figure>"
    if isinstance(block, Diagram):
        ident = page.ident(block.title, "figure")
        picture = pictures.to_text(pictures.diagram(block, f"{ident}-picture"))
        caption = f"<strong>{_e(block.title)}</strong>: {_e(block.caption or block.description)}"
        caption += f" <em>{_e(DIAGRAM_NOTE)}</em>"
        return f'<figure id="{ident}">{picture}<figcaption>{caption}</figcaption></figure>'
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - exhaustive above


def _reference_id(number: int, page: _Page) -> str:
    """The id attribute of the first list item for reference N, which its citations link to."""
    if str(number) in page.references:
        return ""
    page.references.add(str(number))
    return f' id="ref-{number}"'


def _table(block: Table) -> str:
    caption = f"<caption>{_e(block.title)}</caption>" if block.title else ""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in block.columns)
    rows = []
    for row in block.rows:
        cells = [
            f'<th scope="row">{_e(c)}</th>' if i == 0 else f"<td>{_e(c)}</td>"
            for i, c in enumerate(row)
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
