"""What each command does once its arguments are parsed: load the data, pick a view, render it,
and return the text with where it goes and the exit status.

One typed handler per command, listed in HANDLERS. The Typer app (cli.py) calls the handlers
directly; the quick parser (quick.py) looks them up in HANDLERS. Nothing here imports typer, so a
command line the quick parser understands runs without loading the framework.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar, cast

from hfs_info.document import View
from hfs_info.errors import DataError, ExitStatus, NotFoundError, UsageError
from hfs_info.models import Dataset
from hfs_info.options import CiteStyle, ColorChoice, ExportFormat, Format, ValidateFormat
from hfs_info.query import PROSE_TOPICS

R = TypeVar("R")


class Result(NamedTuple):
    """What a command produced. ``entry.main`` writes it, so that every write error (a closed
    pipe, a full disk) is handled in one place.

    ``path``: write to this file instead of stdout (``export -o``). ``utf8``: a document or
    machine format, always written as UTF-8 whatever the terminal's encoding (text for people
    is written in the stream's encoding, with ``?`` for what it cannot show). ``page``: on a
    terminal, text longer than the screen may go through a pager (not with --no-pager).
    """

    text: str
    status: int = ExitStatus.OK
    path: str | None = None
    utf8: bool = False
    page: bool = True


def _show(
    data: str | None,
    build: Callable[[Dataset], View],
    fmt: str,
    color: ColorChoice | None,
    explain: bool,
    no_pager: bool,
    shift: int = 0,
) -> Result:
    """Build the view of the run's dataset and render it in ``fmt`` (a format's name: each
    command offers its own set of them, options.py), its headings ``shift`` levels down."""
    import io

    from hfs_info import render, store, terminal, views
    from hfs_info.blocks import with_cited_references, with_mentioned_figures
    from hfs_info.document import shifted

    ds = store.load(data)
    chosen = Format(fmt)
    view = with_mentioned_figures(ds, build(ds))
    if chosen is Format.markdown:  # a document lists what it cites; a terminal has `sources`
        view = with_cited_references(ds, view)
    if explain:
        view = views.explained(ds, view)
    view = shifted(view, shift)
    buffer = io.StringIO()
    render.write(view, chosen, buffer, terminal.detect(sys.stdout, color or ColorChoice.auto))
    return Result(
        buffer.getvalue(), utf8=chosen not in (Format.table, Format.plain), page=not no_pager
    )


def home(data: str | None, color: ColorChoice | None, no_pager: bool) -> Result:
    from hfs_info import views

    return _show(data, views.home, Format.table, color, False, no_pager)


def topic(
    data: str | None,
    name: str,
    fmt: str,
    color: ColorChoice | None,
    explain: bool,
    no_pager: bool,
    shift: int,
) -> Result:
    from hfs_info import views

    return _show(data, lambda ds: views.topic(ds, name), fmt, color, explain, no_pager, shift)


def treatments(
    data: str | None,
    name: tuple[str, ...],
    fmt: str,
    color: ColorChoice | None,
    explain: bool,
    no_pager: bool,
    shift: int,
    full: bool = False,
    names_only: bool = False,
) -> Result:
    from hfs_info import query, views

    if names_only:
        return _names(data, "treatments", name, fmt, explain or full, no_pager)
    if not name:
        return _show(
            data, lambda ds: views.treatments(ds, full), fmt, color, explain, no_pager, shift
        )
    return _show(
        data,
        lambda ds: views.treatment(ds, _one(ds, name, query.find_treatment, "treatments")),
        fmt,
        color,
        explain,
        no_pager,
        shift,
    )


def _one(ds: Dataset, words: tuple[str, ...], find: Callable[[Dataset, str], R], command: str) -> R:
    """The record the words name together (``tic convulsif``). When they do not, but each word
    names a record of its own (``glossary mvd botox``), say that one is looked up at a time and
    how to look up each, rather than only that nothing matches."""
    wanted = " ".join(words)
    try:
        return find(ds, wanted)
    except NotFoundError:
        if len(words) < 2:
            raise
        found = [_named(ds, word, find) for word in words]
        if any(record is None for record in found):
            raise
    if all(record is found[0] for record in found):  # "botox injection": two names of one
        return cast(R, found[0])
    import shlex

    each = "; ".join(f"hfs-info {command} {shlex.quote(word)}" for word in words)
    raise UsageError(f"{command} looks up one name at a time; {wanted!r} is several: {each}")


def _named(ds: Dataset, word: str, find: Callable[[Dataset, str], object]) -> object | None:
    try:
        return find(ds, word)
    except NotFoundError:
        return None


def _names(
    data: str | None,
    command: str,
    given: tuple[str, ...],
    fmt: str,
    other_options: bool,
    no_pager: bool,
) -> Result:
    """``COMMAND --list``: the names of its entries, one a line and nothing else, each of
    which the command looks up (names are not content, so no notice). Shown inert: a name of
    a --data edition cannot forge a line or a terminal command."""
    from hfs_info import query, store
    from hfs_info.text import one_line

    if given:
        raise UsageError(f"{command} --list lists every name; give no name with it")
    if fmt != Format.table or other_options:
        raise UsageError(f"{command} --list prints only names; it takes no other display option")
    names = query.list_names(store.load(data), command)
    return Result("".join(f"{one_line(n)}\n" for n in names), utf8=True, page=not no_pager)


def medications(
    data: str | None,
    fmt: str,
    color: ColorChoice | None,
    explain: bool,
    no_pager: bool,
    shift: int,
    names_only: bool = False,
) -> Result:
    from hfs_info import views

    if names_only:
        return _names(data, "medications", (), fmt, explain, no_pager)
    return _show(data, views.medications, fmt, color, explain, no_pager, shift)


def stats(
    data: str | None,
    fmt: str,
    color: ColorChoice | None,
    explain: bool,
    with_sources: bool,
    chart: bool,
    no_pager: bool,
    shift: int,
) -> Result:
    from hfs_info import views

    return _show(
        data, lambda ds: views.stats(ds, with_sources, chart), fmt, color, explain, no_pager, shift
    )


def glossary(
    data: str | None,
    term: tuple[str, ...],
    fmt: str,
    color: ColorChoice | None,
    no_pager: bool,
    shift: int,
    names_only: bool = False,
) -> Result:
    from hfs_info import query, views

    if names_only:
        return _names(data, "glossary", term, fmt, False, no_pager)
    if not term:
        return _show(data, views.glossary, fmt, color, False, no_pager, shift)
    return _show(
        data,
        lambda ds: views.term(ds, _one(ds, term, query.find_term, "glossary")),
        fmt,
        color,
        False,
        no_pager,
        shift,
    )


def sources(
    data: str | None,
    fmt: str,
    color: ColorChoice | None,
    explain: bool,
    no_pager: bool,
    shift: int,
) -> Result:
    from hfs_info import views

    return _show(data, views.sources, fmt, color, explain, no_pager, shift)


def figures(
    data: str | None,
    number: int | None,
    fmt: str,
    color: ColorChoice | None,
    no_pager: bool,
    shift: int,
) -> Result:
    from hfs_info import views

    if number is None:
        return _show(data, views.figures, fmt, color, False, no_pager, shift)
    wanted = number
    return _show(data, lambda ds: views.figure(ds, wanted), fmt, color, False, no_pager, shift)


# export, cite, schema and validate take --color like every command that prints, so that it can
# be given anywhere; their output has no colour.


def export(
    data: str | None,
    fmt: ExportFormat,
    output: str | None,
    color: ColorChoice | None,
    no_pager: bool,
    shift: int,
) -> Result:
    import io

    from hfs_info import compose, render, store, terminal
    from hfs_info.document import shifted

    if output is not None and not output.strip():
        raise UsageError("export --output: the path is empty; give a file name, or - for stdout")
    path = None if output == "-" else output
    chosen = export_format(fmt, path)
    if path is not None and data is not None and _same_file(path, data):
        raise UsageError(
            f"export --output {path}: that is the dataset being read (--data); "
            "write the export somewhere else"
        )
    buffer = io.StringIO()
    view = shifted(compose.export(store.load(data)), shift)
    render.renderer(chosen)(view, buffer, terminal.detect(buffer))
    return Result(buffer.getvalue(), path=path, utf8=True, page=not no_pager)


# What `export -o FILE` writes when --format is not given, by FILE's extension (as pandoc does).
EXTENSIONS: dict[str, ExportFormat] = {
    ".md": ExportFormat.markdown,
    ".markdown": ExportFormat.markdown,
    ".txt": ExportFormat.markdown,
    ".html": ExportFormat.html,
    ".htm": ExportFormat.html,
    ".json": ExportFormat.json,
}


# Extensions of formats export does not write: a file named so would not open as its name says.
OTHER_FORMATS = frozenset(
    (".svg", ".csv", ".tsv", ".toml", ".yaml", ".yml", ".xml", ".jsonld", ".pdf", ".docx", ".odt",
     ".rtf", ".epub", ".tex", ".rst", ".png", ".jpg", ".jpeg", ".gif", ".webp")
)  # fmt: skip


def export_format(fmt: ExportFormat, path: str | None) -> ExportFormat:
    """The format `export` writes: ``fmt`` as given, else the one ``path``'s extension names,
    else (no extension, or stdout) Markdown. An extension that names another format (``.svg``,
    ``.csv``, ``.pdf``, or another one of export's) is a usage error, as is, without --format,
    one that names no format export knows: the file would not open as what its name says."""
    from pathlib import PurePath

    extension = PurePath(path).suffix.lower() if path else ""
    implied = EXTENSIONS.get(extension)
    if extension in OTHER_FORMATS or (extension and implied is None and fmt is ExportFormat.auto):
        known = ", ".join(sorted(EXTENSIONS))
        raise UsageError(
            f"export --output {path}: cannot write a {extension} file; export writes "
            f"Markdown, HTML or JSON ({known}, or any name with --format)"
        )
    if fmt is ExportFormat.auto:
        return implied or ExportFormat.markdown
    if implied is not None and implied is not fmt:
        raise UsageError(
            f"--format {fmt.value} does not match the extension of {path} "
            f"({extension} is {implied.value}); drop --format or rename the file"
        )
    return fmt


def _same_file(path: str, other: str) -> bool:
    """Whether ``path`` names the file ``other`` names (through links), if both exist."""
    from pathlib import Path

    try:
        return Path(path).samefile(other)
    except OSError:
        return False


def cite(data: str | None, style: CiteStyle, color: ColorChoice | None, no_pager: bool) -> Result:
    from hfs_info import cite as citations
    from hfs_info import store

    ds = store.load(data)
    text = citations.cite(style, ds.provenance, ds.references)
    return Result(text, utf8=True, page=not no_pager)


def schema(data: str | None, color: ColorChoice | None, no_pager: bool) -> Result:
    from hfs_info import schema as output_schema
    from hfs_info.render.json import dumps

    return Result(dumps(output_schema.output_schema()) + "\n", utf8=True, page=not no_pager)


def search(
    data: str | None,
    words: tuple[str, ...],
    limit: int,
    fmt: str,
    color: ColorChoice | None,
    no_pager: bool,
    shift: int,
) -> Result:
    from hfs_info import search as full_text
    from hfs_info import views

    text = " ".join(" ".join(words).split())  # tabs and newlines are only spacing here
    return _show(
        data,
        lambda ds: views.search_results(ds, text, full_text.answer(ds, text, limit)),
        fmt,
        color,
        False,
        no_pager,
        shift,
    )


def validate(
    data: str | None, path: str, fmt: ValidateFormat, color: ColorChoice | None, no_pager: bool
) -> Result:
    """Check the file ``path`` (``data``, the dataset of the run, plays no part)."""
    from hfs_info import store
    from hfs_info.text import one_line

    try:
        ds = store.load_file(path, given_as="validate")
        where, problems = path, []
    except DataError as exc:
        ds, where, problems = None, exc.source, exc.problems
    status = ExitStatus.ERROR if problems else ExitStatus.OK
    if fmt is ValidateFormat.json:
        from hfs_info.render.json import dumps

        report = {"path": path, "valid": not problems, "problems": problems}
        return Result(dumps(report) + "\n", status, utf8=True, page=not no_pager)
    if problems:
        text = "".join(f"{one_line(where)}: {one_line(p)}\n" for p in problems)
    else:
        assert ds is not None
        counts = f"{len(ds.statistics)} statistics, {len(ds.glossary)} terms"
        text = f"{one_line(path)}: valid ({counts})\n"
    return Result(text, status, page=not no_pager)


def _topic_handler(name: str) -> Callable[..., Result]:
    def handler(
        data: str | None,
        fmt: str,
        color: ColorChoice | None,
        explain: bool,
        no_pager: bool,
        shift: int,
    ) -> Result:
        return topic(data, name, fmt, color, explain, no_pager, shift)

    return handler


# Every command's handler, by the command's name ("" is the home screen). The quick parser
# calls ``HANDLERS[name](data, **params)`` with the parameters the command table declares.
HANDLERS: dict[str, Callable[..., Result]] = {
    "": home,
    **{name: _topic_handler(name) for name in PROSE_TOPICS},
    "treatments": treatments,
    "medications": medications,
    "stats": stats,
    "glossary": glossary,
    "sources": sources,
    "figures": figures,
    "export": export,
    "cite": cite,
    "schema": schema,
    "search": search,
    "validate": validate,
}


def run(command: str, data: str | None, params: dict[str, Any]) -> Result:
    """Run ``command`` ("" for the home screen) on the dataset ``data`` (None: the packaged
    one) with its parsed ``params``."""
    return HANDLERS[command](data, **params)
