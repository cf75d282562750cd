"""SVG: the terminal rendering of a chart or diagram, recorded by rich and exported as one
standalone picture for documents. rich's template names web fonts on a CDN; those references
are removed so the file needs nothing from the network (it falls back to a local monospace)."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, TextIO

from hfs_info.document import Heading
from hfs_info.render.table import console_for, print_view

if TYPE_CHECKING:
    from hfs_info.document import View
    from hfs_info.terminal import Terminal

_REMOTE_FONT = re.compile(r",\s*url\(\"https?://[^\"]*\"\)\s*format\(\"[^\"]*\"\)")


def render(view: View, out: TextIO, terminal: Terminal) -> None:
    # Always in colour and with box drawing, at the terminal's width: a picture, not a stream.
    picture = terminal._replace(color=True, unicode=True)
    console = console_for(io.StringIO(), picture, record=True)
    print_view(view, console, picture)
    title = next((b.text for b in view.blocks if isinstance(b, Heading)), "hfs-info")
    svg = console.export_svg(title=f"hfs-info: {title}")
    out.write(_REMOTE_FONT.sub("", svg))
