"""Output formats: one module per format, each with a ``render(view, out, terminal)`` function
(the Renderer protocol). ``renderer`` is the one place that picks the module for a format, and
imports only that one (and what it imports)."""

from __future__ import annotations

from typing import Protocol, TextIO

from hfs_info.document import View
from hfs_info.errors import UsageError
from hfs_info.options import ExportFormat, Format
from hfs_info.terminal import Terminal


class Renderer(Protocol):
    def __call__(self, view: View, out: TextIO, terminal: Terminal, /) -> None: ...


def formats_for(view: View) -> tuple[Format, ...]:
    """The formats a view can be written in: CSV only for tabular views, SVG only for charts
    and diagrams."""
    return tuple(
        f
        for f in Format
        if (f is not Format.csv or view.records is not None)
        and (f is not Format.svg or view.drawing)
    )


def renderer(fmt: Format | ExportFormat) -> Renderer:
    """The render function of ``fmt``'s module."""
    match fmt.value:
        case "table":
            from hfs_info.render import table

            return table.render
        case "plain":
            from hfs_info.render import plain

            return plain.render
        case "markdown":
            from hfs_info.render import markdown

            return markdown.render
        case "json":
            from hfs_info.render import json

            return json.render
        case "csv":
            from hfs_info.render import csv

            return csv.render
        case "svg":
            from hfs_info.render import svg

            return svg.render
        case "html":
            from hfs_info.render import html

            return html.render
    raise AssertionError(f"no renderer for {fmt!r}")  # pragma: no cover - every format has one


def write(view: View, fmt: Format, out: TextIO, terminal: Terminal) -> None:
    """Write ``view`` in ``fmt``, or UsageError if the view has no such form."""
    if fmt not in formats_for(view):
        names = ", ".join(f.value for f in formats_for(view))
        why = {
            Format.csv: " (CSV is for tables of records)",
            Format.svg: " (SVG draws a chart or a figure: stats --chart, a treatment with "
            "percentages such as treatments mvd, or figures N)",
        }.get(fmt, "")
        raise UsageError(f"--format {fmt.value} does not apply here{why}; use one of: {names}")
    renderer(fmt)(view, out, terminal)
