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
    auto = "auto"  # from the output file's extension, else Markdown
    markdown = "markdown"
    json = "json"
    html = "html"


# What `export -o FILE` writes when --format is not given, by FILE's extension (as pandoc does).
EXTENSIONS: dict[str, ExportFormat] = {
    ".md": ExportFormat.markdown,
    ".markdown": ExportFormat.markdown,
    ".html": ExportFormat.html,
    ".htm": ExportFormat.html,
    ".json": ExportFormat.json,
}


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
    shift: int = 0,
) -> Output:
    import io

    from hfs_info import dataset, render, terminal, views
    from hfs_info.document import shifted

    ds = dataset.load(data)
    view = build(ds)
    if explain:
        view = views.explained(ds, view)
    view = shifted(view, shift)
    buffer = io.StringIO()
    render.write(view, fmt, buffer, terminal.detect(sys.stdout, color))
    return Output(buffer.getvalue())


def home(data: str | None) -> Output:
    from hfs_info import views

    return _show(data, views.home, Format.table, ColorChoice.auto)


def topic(
    data: str | None, name: str, fmt: Format, color: ColorChoice, explain: bool, shift: int
) -> Output:
    from hfs_info import views

    return _show(data, lambda ds: views.topic(ds, name), fmt, color, explain, shift)


def treatments(
    data: str | None,
    name: tuple[str, ...],
    fmt: Format,
    color: ColorChoice,
    explain: bool,
    shift: int,
) -> Output:
    from hfs_info import query, views

    if not name:
        return _show(data, views.treatments, fmt, color, explain, shift)
    wanted = " ".join(name)
    return _show(
        data,
        lambda ds: views.treatment(ds, query.find_treatment(ds, wanted)),
        fmt,
        color,
        explain,
        shift,
    )


def medications(
    data: str | None, fmt: Format, color: ColorChoice, explain: bool, shift: int
) -> Output:
    from hfs_info import views

    return _show(data, views.medications, fmt, color, explain, shift)


def stats(
    data: str | None,
    fmt: Format,
    color: ColorChoice,
    explain: bool,
    shift: int,
    with_sources: bool,
    chart: bool,
) -> Output:
    from hfs_info import views

    return _show(data, lambda ds: views.stats(ds, with_sources, chart), fmt, color, explain, shift)


def glossary(
    data: str | None, term: tuple[str, ...], fmt: Format, color: ColorChoice, shift: int
) -> Output:
    from hfs_info import query, views

    if not term:
        return _show(data, views.glossary, fmt, color, shift=shift)
    wanted = " ".join(term)
    return _show(
        data, lambda ds: views.term(ds, query.find_term(ds, wanted)), fmt, color, shift=shift
    )


def sources(data: str | None, fmt: Format, color: ColorChoice, explain: bool, shift: int) -> Output:
    from hfs_info import views

    return _show(data, views.sources, fmt, color, explain, shift)


def figures(
    data: str | None, number: int | None, fmt: Format, color: ColorChoice, shift: int
) -> Output:
    from hfs_info import views

    if number is None:
        return _show(data, views.figures, fmt, color, shift=shift)
    wanted = number
    return _show(data, lambda ds: views.figure(ds, wanted), fmt, color, shift=shift)


def export(data: str | None, fmt: ExportFormat, output: str | None, shift: int) -> Output:
    import io
    from importlib import import_module

    from hfs_info import dataset, terminal, views
    from hfs_info.document import shifted

    path = None if output == "-" else output
    fmt = export_format(fmt, path)
    buffer = io.StringIO()
    renderer = import_module(f"hfs_info.render.{fmt.value}")
    view = shifted(views.export(dataset.load(data)), shift)
    renderer.render(view, buffer, terminal.detect(buffer))
    return Output.to(buffer.getvalue(), path)


def export_format(fmt: ExportFormat, path: str | None) -> ExportFormat:
    """The format `export` writes: ``fmt`` as given, else the one ``path``'s extension names,
    else Markdown. A format that contradicts the extension is a usage error: the file would
    not open as what its name says."""
    from pathlib import PurePath

    from hfs_info.errors import UsageError

    extension = PurePath(path).suffix.lower() if path else ""
    implied = EXTENSIONS.get(extension)
    if fmt is ExportFormat.auto:
        return implied or ExportFormat.markdown
    if implied is not None and implied is not fmt:
        raise UsageError(
            f"--format {fmt.value} does not match the extension of {path} "
            f"({extension} is {implied.value}); drop --format or rename the file"
        )
    return fmt


def fill(
    data: str | None, files: tuple[str, ...], check: bool, diff: bool, allow_data: bool
) -> Output:
    from hfs_info import fill as regions

    return regions.run(data, files, check=check, diff=diff, allow_data=allow_data)


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
    data: str | None,
    words: tuple[str, ...],
    limit: int,
    fmt: Format,
    color: ColorChoice,
    shift: int,
) -> Output:
    from hfs_info import search as full_text
    from hfs_info import views

    text = " ".join(" ".join(words).split())  # tabs and newlines are only spacing here

    def build(ds: Dataset) -> View:
        index_file = None
        if data is not None:  # a --data edition keeps its index in the cache
            from hfs_info import cache, dataset

            index_file = cache.index_path(dataset.load_entry(data)[1])
        return views.search_results(ds, text, full_text.search(ds, text, limit, index_file))

    return _show(data, build, fmt, color, shift=shift)


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
