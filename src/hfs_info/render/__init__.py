"""Output formats: one module per format, each with ``render(view, out, terminal)``."""

from __future__ import annotations

from enum import StrEnum
from importlib import import_module
from typing import TextIO

from hfs_info.document import View
from hfs_info.errors import UsageError
from hfs_info.terminal import Terminal


class Format(StrEnum):
    table = "table"
    plain = "plain"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    svg = "svg"


def formats_for(view: View) -> tuple[Format, ...]:
    """The formats a view can be written in: CSV only for tabular views, SVG only for charts
    and diagrams."""
    return tuple(
        f
        for f in Format
        if (f is not Format.csv or view.records is not None)
        and (f is not Format.svg or view.drawing)
    )


def write(view: View, fmt: Format, out: TextIO, terminal: Terminal) -> None:
    """Write ``view`` in ``fmt``; only the chosen format's module (and its imports) is loaded."""
    if fmt not in formats_for(view):
        names = ", ".join(f.value for f in formats_for(view))
        raise UsageError(f"--format {fmt.value} does not apply here; use one of: {names}")
    module = import_module(f"hfs_info.render.{fmt.value}")
    module.render(view, out, terminal)
