"""What each command does, once its arguments are parsed: pick a view, render it, return it.

Both ways of parsing a command line end here with the same values: the Typer app (cli.py) and
the quick parser for common command lines (quick.py). Nothing here imports typer or click, so a
command line the quick parser understands runs without loading the framework.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from hfs_info.cite import Style as CiteStyle
from hfs_info.document import View
from hfs_info.errors import DataError, ExitStatus
from hfs_info.models import Dataset
from hfs_info.render import Format
from hfs_info.terminal import ColorChoice


class Output(str):
    """What a command prints. Commands return it and ``entry.main`` writes it, so that every
    write error (a closed pipe, a full disk) is handled in one place. ``path``: write to this
    file instead of stdout (``export -o``); ``status``: the exit status to end with."""

    path: str | None = None
    status: int = 0

    @classmethod
    def to(cls, text: str, path: str | None, status: int = 0) -> Output:
        out = cls(text)
        out.path = path
        out.status = status
        return out


class ValidateFormat(StrEnum):
    plain = "plain"
    json = "json"


class ExportFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


# The prose commands differ only in which of the guide's sections they show (query.TOPICS).
TOPICS = ("overview", "symptoms", "causes", "diagnosis")


def run(command: str, data: str | None, params: dict[str, Any]) -> Output:
    """Run ``command`` ("" for the home screen) on the dataset ``data`` (None: the packaged
    one) with its parsed ``params``."""
    if command in TOPICS:
        return topic(data, command, **params)
    action: Callable[..., Output] = globals()[command or "home"]
    return action(data, **params)


def _show(
    data: str | None,
    build: Callable[[Dataset], View],
    fmt: Format,
    color: ColorChoice,
    explain: bool = False,
) -> Output:
    import io

    from hfs_info import dataset, render, terminal, views

    ds = dataset.load(data)
    view = build(ds)
    if explain:
        view = views.explained(ds, view)
    buffer = io.StringIO()
    render.write(view, fmt, buffer, terminal.detect(sys.stdout, color))
    return Output(buffer.getvalue())


def home(data: str | None) -> Output:
    from hfs_info import views

    return _show(data, views.home, Format.table, ColorChoice.auto)


def topic(data: str | None, name: str, fmt: Format, color: ColorChoice, explain: bool) -> Output:
    from hfs_info import views

    return _show(data, lambda ds: views.topic(ds, name), fmt, color, explain)


def treatments(
    data: str | None, name: tuple[str, ...], fmt: Format, color: ColorChoice, explain: bool
) -> Output:
    from hfs_info import query, views

    if not name:
        return _show(data, views.treatments, fmt, color, explain)
    wanted = " ".join(name)
    return _show(
        data, lambda ds: views.treatment(ds, query.find_treatment(ds, wanted)), fmt, color, explain
    )


def medications(data: str | None, fmt: Format, color: ColorChoice, explain: bool) -> Output:
    from hfs_info import views

    return _show(data, views.medications, fmt, color, explain)


def stats(
    data: str | None,
    fmt: Format,
    color: ColorChoice,
    explain: bool,
    with_sources: bool,
    chart: bool,
) -> Output:
    from hfs_info import views

    return _show(data, lambda ds: views.stats(ds, with_sources, chart), fmt, color, explain)


def glossary(data: str | None, term: tuple[str, ...], fmt: Format, color: ColorChoice) -> Output:
    from hfs_info import query, views

    if not term:
        return _show(data, views.glossary, fmt, color)
    wanted = " ".join(term)
    return _show(data, lambda ds: views.term(ds, query.find_term(ds, wanted)), fmt, color)


def sources(data: str | None, fmt: Format, color: ColorChoice, explain: bool) -> Output:
    from hfs_info import views

    return _show(data, views.sources, fmt, color, explain)


def figures(data: str | None, number: int | None, fmt: Format, color: ColorChoice) -> Output:
    from hfs_info import views

    if number is None:
        return _show(data, views.figures, fmt, color)
    wanted = number
    return _show(data, lambda ds: views.figure(ds, wanted), fmt, color)


def export(data: str | None, fmt: ExportFormat, output: str | None) -> Output:
    import io
    from importlib import import_module

    from hfs_info import dataset, terminal, views

    buffer = io.StringIO()
    renderer = import_module(f"hfs_info.render.{fmt.value}")
    renderer.render(views.export(dataset.load(data)), buffer, terminal.detect(buffer))
    return Output.to(buffer.getvalue(), None if output == "-" else output)


def cite(data: str | None, style: CiteStyle) -> Output:
    from hfs_info import cite as citations
    from hfs_info import dataset

    ds = dataset.load(data)
    return Output(citations.cite(style, ds.provenance, ds.references))


def schema(data: str | None) -> Output:
    from hfs_info import schema as output_schema
    from hfs_info.render.json import dumps

    return Output(dumps(output_schema.output_schema()) + "\n")


def search(
    data: str | None, words: tuple[str, ...], limit: int, fmt: Format, color: ColorChoice
) -> Output:
    from hfs_info import search as full_text
    from hfs_info import views

    text = " ".join(" ".join(words).split())  # tabs and newlines are only spacing here

    def build(ds: Dataset) -> View:
        return views.search_results(ds, text, full_text.answer(ds, text, limit))

    return _show(data, build, fmt, color)


def validate(data: str | None, path: str, fmt: ValidateFormat) -> Output:
    """Check the file ``path`` (``data``, the dataset of the run, plays no part)."""
    from hfs_info import dataset

    try:
        ds = dataset.load_file(path)
        where, problems = path, []
    except DataError as exc:
        ds, where, problems = None, exc.source, exc.problems
    if fmt is ValidateFormat.json:
        from hfs_info.render.json import dumps

        report = {"path": path, "valid": not problems, "problems": problems}
        text = dumps(report) + "\n"
    elif problems:
        from hfs_info.text import inert

        text = "".join(f"{inert(where)}: {inert(p)}\n" for p in problems)
    else:
        assert ds is not None
        text = f"{path}: valid ({len(ds.statistics)} statistics, {len(ds.glossary)} terms)\n"
    return Output.to(text, None, ExitStatus.ERROR if problems else ExitStatus.OK)
