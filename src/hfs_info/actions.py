"""What each command does once its arguments are parsed: load the data, pick a view, render it,
and return the text with where it goes and the exit status.

One typed handler per command, listed in HANDLERS, each taking the run's dataset, its Display
(display.py) and the command's own parameters by keyword. The Typer app (cli.py) calls the
handlers directly; the quick parser's answers (quick.py) go through ``run``. Nothing here
imports typer, so a command line the quick parser understands runs without loading the
framework.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from hfs_info.display import Display, resolve, split
from hfs_info.document import View
from hfs_info.errors import DataError, ExitStatus, NotFoundError, UnreadDataError, UsageError
from hfs_info.models import Dataset, GlossaryEntry, Medication
from hfs_info.options import CiteStyle, ExportFormat, Format
from hfs_info.query import PROSE_TOPICS

if TYPE_CHECKING:
    from hfs_info import payloads

R = TypeVar("R")


class Result(NamedTuple):
    """What a command produced. ``entry.main`` writes it, so that every write error (a closed
    pipe, a full disk) is handled in one place.

    ``path``: write to this file instead of stdout (``export -o``). ``utf8``: a document or
    machine format, always written as UTF-8 whatever the terminal's encoding (text for people
    is written in the stream's encoding, with ``?`` for what it cannot show). ``pager``: on a
    terminal, text longer than the screen goes through this pager (display.Display.pager: ""
    the default one, None none). ``warnings``: lines for stderr, each written after the tool's
    name before the output is, that do not change the status (fill: a file with no region).
    """

    text: str
    status: int = ExitStatus.OK
    path: str | None = None
    utf8: bool = False
    pager: str | None = ""
    warnings: tuple[str, ...] = ()


def _show(data: str | None, build: Callable[[Dataset], View], display: Display) -> Result:
    """Build the view of the run's dataset and render it as ``display`` says."""
    import io

    from hfs_info import render, store, terminal, views
    from hfs_info.blocks import with_cited_references, with_mentioned_figures
    from hfs_info.document import for_documents, shifted, without_highlights

    ds = store.load(data)
    view = with_mentioned_figures(ds, build(ds))
    chosen = display.format
    if display.fallback is not None and chosen not in render.formats_for(view):
        chosen = display.fallback  # only a preference: the command's default instead
    if display.document:  # a fill region: nothing that points at the terminal, no highlights
        view = view._replace(blocks=tuple(without_highlights(for_documents(view.blocks))))
    if chosen in (Format.markdown, Format.plain, Format.table):
        view = with_cited_references(ds, view)  # a view lists what its text cites
    if display.explain:
        view = views.explained(ds, view)
    view = shifted(view, display.shift)
    buffer = io.StringIO()
    render.write(view, chosen, buffer, terminal.detect(sys.stdout, display.color))
    return Result(
        buffer.getvalue(),
        utf8=chosen not in (Format.table, Format.plain),
        pager=display.pager,
    )


def home(data: str | None, display: Display) -> Result:
    from hfs_info import views

    return _show(data, views.home, display._replace(format=Format.table))


def topic(data: str | None, display: Display, *, name: str) -> Result:
    from hfs_info import views

    return _show(data, lambda ds: views.topic(ds, name), display)


def treatments(
    data: str | None,
    display: Display,
    *,
    words: tuple[str, ...] = (),
    full: bool = False,
    names_only: bool = False,
) -> Result:
    from hfs_info import query, views

    if names_only:
        return _names(data, display, "treatments", words, full)
    if not words:
        return _show(data, lambda ds: views.treatments(ds, full), display)
    return _show(
        data,
        lambda ds: views.treatment(ds, _one(ds, words, query.find_treatment, "treatments")),
        display,
    )


def _one(
    ds: Dataset,
    words: tuple[str, ...],
    find: Callable[[Dataset, str], R],
    command: str,
    one: str = "looks up one name",
) -> R:
    """The record the words name together (``tic convulsif``). When they do not, but each word
    names a record of its own (``glossary mvd botox``), say that one is looked up at a time and
    how to look up each, rather than only that nothing matches."""
    wanted = " ".join(words)
    try:
        return find(ds, wanted)
    except NotFoundError as exc:
        found = [_named(ds, word, find) for word in words] if len(words) > 1 else [None]
        if any(record is None for record in found):
            raise _searched(ds, exc, wanted, command) from None
    if all(record is found[0] for record in found):  # "botox injection": two names of one
        return cast(R, found[0])
    import shlex

    each = "; ".join(f"hfs-info {command} {shlex.quote(word)}" for word in words)
    raise UsageError(f"{command} {one} at a time; {wanted!r} is several: {each}")


def _searched(ds: Dataset, miss: NotFoundError, wanted: str, command: str) -> NotFoundError:
    """A failed lookup as reported: its hint to search, kept only when a search of the words
    finds something; else the message says the guide answers neither, and where to browse."""
    from hfs_info import query
    from hfs_info import search as full_text

    hint = query.search_hint(wanted)
    message = str(miss)
    if not message.endswith(hint):
        return miss
    try:
        full_text.search(ds, " ".join(wanted.split()), limit=1)
    except (NotFoundError, UsageError):
        message = message.removesuffix("; " + hint)
        nor = "; nor does a search of the guide find it"  # treatments already lists its names
        browse = f" (every term: hfs-info {command})" if command == "glossary" else ""
        return NotFoundError(message + nor + browse, miss.suggestions, miss.more)
    return miss


def _named(ds: Dataset, word: str, find: Callable[[Dataset, str], object]) -> object | None:
    try:
        return find(ds, word)
    except NotFoundError:
        return None


def _names(
    data: str | None, display: Display, command: str, given: tuple[str, ...], other: bool = False
) -> Result:
    """``COMMAND --list``: the names of its entries, one a line and nothing else, each of
    which the command looks up (names are not content, so no notice). Shown inert: a name of
    a --data edition cannot forge a line or a terminal command. ``other``: an option of the
    command's own that --list leaves no room for was given."""
    import os

    from hfs_info import preferences, query, store
    from hfs_info.text import one_line

    if given:
        raise UsageError(f"{command} --list lists every name; give no name with it")
    # A preferred format (HFS_INFO_FORMAT, the config file) is no reason to refuse.
    shown = display.format is Format.table or display.format is preferences.preferred_format(
        os.environ, lambda: preferences.load(os.environ)
    )
    if not shown or display.explain or other:
        raise UsageError(f"{command} --list prints only names; it takes no other display option")
    names = query.list_names(store.load(data), command)
    return Result("".join(f"{one_line(n)}\n" for n in names), utf8=True, pager=display.pager)


def medications(data: str | None, display: Display, *, names_only: bool = False) -> Result:
    from hfs_info import views

    if names_only:
        return _names(data, display, "medications", ())
    return _show(data, views.medications, display)


def stats(
    data: str | None, display: Display, *, with_sources: bool = False, chart: bool = False
) -> Result:
    from hfs_info import views

    # The charts are the only drawing stats has, so --format svg asks for them (as --format
    # svg of figures N draws the figure); a preferred svg (fallback set) is no such request,
    # and stats then writes its table (display.py).
    drawn = chart or (display.format is Format.svg and display.fallback is None)
    return _show(data, lambda ds: views.stats(ds, with_sources, drawn), display)


def glossary(
    data: str | None, display: Display, *, words: tuple[str, ...] = (), names_only: bool = False
) -> Result:
    from hfs_info import views

    if names_only:
        return _names(data, display, "glossary", words)
    if not words:
        return _show(data, views.glossary, display)
    return _show(data, lambda ds: views.term(ds, _term(ds, words)), display)


def _term(ds: Dataset, words: tuple[str, ...]) -> GlossaryEntry | Medication:
    """The glossary entry or drug the words name; a miss that names a treatment says so, with
    the command that shows it (``glossary 'muscle relaxants'``: treatments medication)."""
    from hfs_info import query

    try:
        return _one(ds, words, query.find_term, "glossary")
    except NotFoundError as miss:
        try:
            treatment = query.find_treatment(ds, " ".join(words))
        except (NotFoundError, UsageError):
            raise miss from None
        typed = " ".join(words).strip()  # as the lookup quotes it
        message = f"{typed!r} is not in the glossary; it names a treatment: "
        message += f"hfs-info treatments {treatment.id}"
        raise NotFoundError(message, miss.suggestions, miss.more) from None


def sources(data: str | None, display: Display) -> Result:
    from hfs_info import views

    return _show(data, views.sources, display)


def figures(data: str | None, display: Display, *, words: tuple[str, ...] = ()) -> Result:
    from hfs_info import query, views

    if not words:
        return _show(data, views.figures, display)
    return _show(
        data,
        lambda ds: views.figure(
            ds, _one(ds, words, query.find_figure_named, "figures", "draws one figure").number
        ),
        display,
    )


# export, cite, schema and validate take --color like every command that prints, so that it can
# be given anywhere; their output has no colour.


def export(
    data: str | None,
    display: Display,
    *,
    document_format: ExportFormat = ExportFormat.auto,
    output: str | None = None,
) -> Result:
    import io

    from hfs_info import compose, render, store, terminal
    from hfs_info.document import shifted
    from hfs_info.text import shown_name

    if output is not None and not output.strip():
        raise UsageError("export --output: the path is empty; give a file name, or - for stdout")
    path = None if output == "-" else output
    chosen = export_format(document_format, path)
    if path is not None and data is not None and _same_file(path, data):
        raise UsageError(
            f"export --output {shown_name(path)}: that is the dataset being read (--data); "
            "write the export somewhere else"
        )
    buffer = io.StringIO()
    view = shifted(compose.export(store.load(data)), display.shift)
    render.renderer(chosen)(view, buffer, terminal.detect(buffer))
    return Result(buffer.getvalue(), path=path, utf8=True, pager=display.pager)


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
    (".svg", ".csv", ".tsv", ".toml", ".yaml", ".yml", ".xml", ".xhtml", ".jsonld", ".pdf",
     ".docx", ".odt", ".rtf", ".epub", ".tex", ".rst", ".png", ".jpg", ".jpeg", ".gif", ".webp")
)  # fmt: skip


def export_format(fmt: ExportFormat, path: str | None) -> ExportFormat:
    """The format `export` writes: ``fmt`` as given, else the one ``path``'s extension names,
    else (no extension, or stdout) Markdown. An extension that names another format (``.svg``,
    ``.csv``, ``.toml``, ``.pdf``, or another one of export's) is a usage error, --format or
    not: the file would not open as what its name says. One that names no format
    (``notes.md.bak``) is a usage error only without --format, which cannot be told from it;
    with --format it is the user's name to choose."""
    from pathlib import PurePath

    from hfs_info.text import shown_name

    extension = PurePath(path).suffix.lower() if path else ""
    implied = EXTENSIONS.get(extension)
    name, shown = shown_name(path or ""), shown_name(extension)  # as messages show them
    if fmt is ExportFormat.auto and extension and implied is None:
        known = ", ".join(sorted(EXTENSIONS))
        if extension in OTHER_FORMATS:  # refused with --format too: no point offering it
            raise UsageError(
                f"export --output {name}: cannot write a {shown} file (another format's); "
                f"export writes Markdown, HTML or JSON ({known}): rename the file"
            )
        raise UsageError(
            f"export --output {name}: {shown} names no format export writes ({known}); "
            "rename the file, or give --format to write it under this name"
        )
    if extension in OTHER_FORMATS:  # --format given: the name would still say another format
        assert fmt is not ExportFormat.auto
        raise UsageError(
            f"export --output {name}: cannot write a {shown} file (another format's), "
            f"even with --format {fmt.value}; name it as what it holds ("
            + ", ".join(e for e, f in EXTENSIONS.items() if f is fmt)
            + ") or with an extension that names no format"
        )
    if fmt is ExportFormat.auto:
        return implied or ExportFormat.markdown
    if implied is not None and implied is not fmt:
        raise UsageError(
            f"--format {fmt.value} does not match the extension of {name} "
            f"({shown} is {implied.value}); drop --format or rename the file"
        )
    return fmt


def _same_file(path: str, other: str) -> bool:
    """Whether ``path`` names the file ``other`` names (through links), if both exist."""
    from pathlib import Path

    try:
        return Path(path).samefile(other)
    except OSError:
        return False


def cite(data: str | None, display: Display, *, style: CiteStyle = CiteStyle.apa) -> Result:
    from hfs_info import cite as citations
    from hfs_info import store

    ds = store.load(data)
    text = citations.cite(style, ds.provenance, ds.references)
    return Result(text, utf8=True, pager=display.pager)


def schema(data: str | None, display: Display) -> Result:
    from hfs_info import schema as output_schema
    from hfs_info.render.json import dumps

    return Result(dumps(output_schema.output_schema()) + "\n", utf8=True, pager=display.pager)


def search(
    data: str | None, display: Display, *, words: tuple[str, ...], limit: int = 10
) -> Result:
    from hfs_info import search as full_text
    from hfs_info import views

    text = " ".join(" ".join(words).split())  # tabs and newlines are only spacing here
    return _show(
        data,
        lambda ds: views.search_results(ds, text, full_text.answer(ds, text, limit)),
        display,
    )


def validate(data: str | None, display: Display, *, path: str) -> Result:
    """Check the file ``path`` (``data``, the dataset of the run, plays no part)."""
    from hfs_info import store
    from hfs_info.text import one_line, shown_name

    failed: DataError | None = None
    try:
        ds = store.load_file(path, given_as="validate")
        where, problems = path, []
    except DataError as exc:
        ds, where, problems, failed = None, exc.where, exc.problems, exc
    status = ExitStatus.ERROR if problems else ExitStatus.OK
    if display.format is Format.json:
        from hfs_info import views
        from hfs_info.render.json import dumps

        line = failed.line if failed else None
        column = failed.column if failed and line is not None else None
        payload: payloads.Validate = {
            "path": path,
            "valid": not problems,
            "problems": tuple({"message": p, "line": line, "column": column} for p in problems),
        }
        # As every JSON document, it carries the source and disclaimer: the packaged guide's,
        # since validate reads no dataset but PATH (which may be the broken --data file).
        report = views.document("validate", payload, store.load_packaged())
        return Result(dumps(report) + "\n", status, utf8=True, pager=display.pager)
    if isinstance(failed, UnreadDataError):
        raise failed  # an I/O error: one line on stderr, as any command's (the JSON report has it)
    if problems:
        text = "".join(f"{one_line(where)}: {one_line(p)}\n" for p in problems)
    else:
        assert ds is not None
        counts = f"{len(ds.statistics)} statistics, {len(ds.glossary)} terms"
        text = f"{shown_name(path)}: valid ({counts})\n"
    return Result(text, status, pager=display.pager)


# The commands the Typer app runs itself, without a handler here: help reads the app, and fill
# runs command lines the quick parser may leave to the app.
APP_COMMANDS = frozenset({"help", "fill"})

# Every command's handler, by the command's name ("" is the home screen). Each is called by
# keyword: ``handler(data, display, **own)`` with the command's own parameters.
HANDLERS: dict[str, Callable[..., Result]] = {
    "": home,
    **{name: partial(topic, name=name) for name in PROSE_TOPICS},
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


def run(
    command: str,
    data: str | None,
    params: Mapping[str, Any],
    environ: Mapping[str, str] | None = None,
    document: bool = False,
) -> Result:
    """Run ``command`` ("" for the home screen) on the dataset ``data`` (None: the packaged
    one) with its parsed ``params`` (display options and its own, as the command table names
    them). ``document``: the output goes into a document (fill), in whatever format, so
    it leaves out what only a terminal's user can follow (Display.document)."""
    import os

    from hfs_info.commandline import COMMANDS

    given, own = split(params)
    formats = () if not command else COMMANDS[command].formats
    display = resolve(given, formats, os.environ if environ is None else environ, document)
    return HANDLERS[command](data, display, **own)
