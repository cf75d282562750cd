"""The Typer app: every command, option and help text, for the command lines that the quick
parser (quick.py) leaves to it: help, completion, usage errors and anything unusual.

Command bodies only hand their parsed values to ``actions.run``; ``entry.main`` is the one place
where errors become messages on stderr and exit statuses.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from hfs_info import __version__
from hfs_info.actions import ExportFormat, Output, ValidateFormat
from hfs_info.cite import Style as CiteStyle
from hfs_info.commands import short_help
from hfs_info.entry import PROG
from hfs_info.errors import HfsError, UsageError
from hfs_info.models import Dataset
from hfs_info.render import Format
from hfs_info.terminal import ColorChoice

APP_SETTINGS: dict[str, Any] = {
    "name": PROG,
    "help": "A command-line reference on hemifacial spasm, from the Mayfield Clinic patient "
    "guide (reviewed July 2018). General information, not medical advice.",
    "add_completion": True,
    "pretty_exceptions_enable": False,
    # Plain click help: rich's help panels pull in rich and markdown-it for every --help, about
    # 2.5x the start-up of the tool itself (benchmarks/), for boxes around the same text.
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**APP_SETTINGS)

# The output options, defined once and shared by every content command.
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format: table (rich, for people), plain, markdown, json, "
        "csv (tabular commands only) or svg (charts and diagrams only).",
    ),
]
ExplainOption = Annotated[
    bool,
    typer.Option("--explain", help="Add the glossary definitions of the terms the text uses."),
]
ShiftOption = Annotated[
    int,
    typer.Option(
        "--shift-heading-level-by",
        metavar="N",
        min=0,
        max=5,
        help="Move every heading down N levels (pandoc's option), so the output nests under "
        "a heading of a larger document.",
    ),
]
ColorOption = Annotated[
    ColorChoice,
    typer.Option(
        "--color",
        case_sensitive=False,
        help="Colour: auto (when writing to a terminal; NO_COLOR and FORCE_COLOR respected), "
        "always or never.",
    ),
]


def _run(ctx: typer.Context, command: str, **params: Any) -> Output:
    """Hand the parsed values to ``actions.run``, as the quick parser does (quick.py)."""
    from hfs_info import actions

    return actions.run(command, ctx.find_root().params.get("data"), params)


def _dataset(ctx: typer.Context) -> Dataset:
    """The dataset of this run: --data / HFS_INFO_DATA, else the packaged one."""
    from hfs_info import dataset

    return dataset.load(ctx.find_root().params.get("data"))


def _complete(ctx: typer.Context, incomplete: str, kind: str) -> list[str]:
    """Shell completion of treatment names or glossary terms (Typer's completion protocol)."""
    try:
        ds = _dataset(ctx)
    except HfsError:
        return []
    if kind == "treatment":
        names = [n for t in ds.treatments for n in (t.id, *t.aliases)]
    else:
        names = [n for e in ds.glossary for n in (e.term, *e.aliases)]
        names += [n for m in ds.medications for n in (m.generic, m.brand)]
    # Shells keep only candidates that start with what was typed, case and all; lookups ignore
    # case, so a candidate is offered in the typed case (``te`` offers ``tegretol`` for Tegretol).
    found = {
        n if n.startswith(incomplete) else _typed_case(n, incomplete)
        for n in names
        if n.casefold().startswith(incomplete.casefold())
    }
    return sorted(found, key=str.casefold)


def _typed_case(name: str, typed: str) -> str:
    lower = name.casefold()
    return lower if lower.startswith(typed) else typed + name[len(typed) :]


def _complete_treatment(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, "treatment")


def _complete_term(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, "term")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"{PROG} {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show the traceback of an internal error.", hidden=True),
    ] = False,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar="HFS_INFO_DATA",
            metavar="PATH",
            help="Read another dataset with the same schema (e.g. an updated edition) "
            "instead of the packaged one.",
            show_default=False,
        ),
    ] = None,
) -> Output | None:
    """A reference on hemifacial spasm. Run a command, e.g. `hfs-info treatments`."""
    if ctx.invoked_subcommand is None:
        return _run(ctx, "")
    return None


# The prose commands differ only in which of the guide's sections they show (query.TOPICS).
PROSE_COMMANDS = {
    "overview": ("What hemifacial spasm is, the facial nerve, and who is affected.", ""),
    "symptoms": ("Where the spasm starts and how it spreads.", " --format markdown"),
    "causes": ("What causes hemifacial spasm, and how it relates to trigeminal neuralgia.", ""),
    "diagnosis": ("How a diagnosis is made: history and exam, MRI, EMG with NCV.", " --explain"),
}


def _prose_command(name: str, summary: str, example: str) -> None:
    def command(
        ctx: typer.Context,
        fmt: FormatOption = Format.table,
        color: ColorOption = ColorChoice.auto,
        explain: ExplainOption = False,
        shift: ShiftOption = 0,
    ) -> Output:
        return _run(ctx, name, fmt=fmt, color=color, explain=explain, shift=shift)

    command.__doc__ = f"{summary}\n\nExample: hfs-info {name}{example}"
    app.command(name=name, short_help=short_help(name))(command)


for _name, (_summary, _example) in PROSE_COMMANDS.items():
    _prose_command(_name, _summary, _example)


@app.command(short_help=short_help("treatments"))
def treatments(
    ctx: typer.Context,
    name: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="NAME...",
            help="One treatment by name or alias: medication, botox, mvd, surgery, ...",
            show_default=False,
            autocompletion=_complete_treatment,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    color: ColorOption = ColorChoice.auto,
    explain: ExplainOption = False,
    shift: ShiftOption = 0,
) -> Output:
    """The three treatments side by side, or one of them in full.

    Examples: hfs-info treatments | hfs-info treatments botox | hfs-info treatments mvd -f json
    """
    return _run(
        ctx,
        "treatments",
        name=tuple(name or ()),
        fmt=fmt,
        color=color,
        explain=explain,
        shift=shift,
    )


@app.command(short_help=short_help("medications"))
def medications(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    color: ColorOption = ColorChoice.auto,
    explain: ExplainOption = False,
    shift: ShiftOption = 0,
) -> Output:
    """The drugs the guide names: generic and brand name, class, and the monitoring they need.

    Example: hfs-info medications --format csv
    """
    return _run(ctx, "medications", fmt=fmt, color=color, explain=explain, shift=shift)


@app.command(short_help=short_help("stats"))
def stats(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    color: ColorOption = ColorChoice.auto,
    explain: ExplainOption = False,
    shift: ShiftOption = 0,
    with_sources: Annotated[
        bool, typer.Option("--with-sources", help="Show each figure's full citation.")
    ] = False,
    chart: Annotated[
        bool,
        typer.Option("--chart", help="Draw the percentages as bar charts (also --format svg)."),
    ] = False,
) -> Output:
    """Every figure in the guide, with its unit, what it measures, population and source.

    Example: hfs-info stats --format csv > stats.csv
    """
    return _run(
        ctx,
        "stats",
        fmt=fmt,
        color=color,
        explain=explain,
        shift=shift,
        with_sources=with_sources,
        chart=chart,
    )


@app.command(short_help=short_help("glossary"))
def glossary(
    ctx: typer.Context,
    term: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="TERM...",
            help="A term or alias, any case; several words need no quotes (tic convulsif).",
            show_default=False,
            autocompletion=_complete_term,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    color: ColorOption = ColorChoice.auto,
    shift: ShiftOption = 0,
) -> Output:
    """All glossary terms, or one term by name or alias.

    Examples: hfs-info glossary | hfs-info glossary mvd | hfs-info glossary botox -f json
    """
    return _run(ctx, "glossary", term=tuple(term or ()), fmt=fmt, color=color, shift=shift)


@app.command(short_help=short_help("sources"))
def sources(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    color: ColorOption = ColorChoice.auto,
    explain: ExplainOption = False,
    shift: ShiftOption = 0,
) -> Output:
    """Where this comes from: publisher, reviewer, references, trial registries, links.

    Example: hfs-info sources
    """
    return _run(ctx, "sources", fmt=fmt, color=color, explain=explain, shift=shift)


@app.command(short_help=short_help("figures"))
def figures(
    ctx: typer.Context,
    number: Annotated[
        int | None,
        typer.Argument(metavar="[N]", help="Draw figure N (1 to 4).", show_default=False),
    ] = None,
    fmt: FormatOption = Format.table,
    color: ColorOption = ColorChoice.auto,
    shift: ShiftOption = 0,
) -> Output:
    """The guide's four figures with their captions, or one drawn as a plain diagram.

    Examples: hfs-info figures | hfs-info figures 1 | hfs-info figures 4 --format svg > fig4.svg
    """
    return _run(ctx, "figures", number=number, fmt=fmt, color=color, shift=shift)


@app.command(short_help=short_help("export"))
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Document format; auto: from the extension of FILE (.md, .html, .htm, .json), "
            "else markdown.",
        ),
    ] = ExportFormat.auto,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE instead of stdout (- is stdout), replacing it only once the "
            "whole document is written.",
        ),
    ] = None,
    shift: ShiftOption = 0,
) -> Output:
    """The whole reference as one document: every section, the treatment comparison, drugs,
    figures with sources, glossary, captions, references, links, provenance and disclaimer.

    Example: hfs-info export -o hemifacial-spasm.html
    """
    return _run(ctx, "export", fmt=fmt, output=output, shift=shift)


@app.command(short_help=short_help("cite"))
def cite(
    ctx: typer.Context,
    style: Annotated[
        CiteStyle, typer.Option("--style", "-s", case_sensitive=False, help="Citation style.")
    ] = CiteStyle.apa,
) -> Output:
    """Citations of the guide itself and of each reference it cites.

    Example: hfs-info cite --style bibtex >> references.bib
    """
    return _run(ctx, "cite", style=style)


@app.command(short_help=short_help("schema"))
def schema(ctx: typer.Context) -> Output:
    """The JSON Schema (draft 2020-12) of every command's `--format json` output.

    Example: hfs-info schema > hfs-info.schema.json
    """
    return _run(ctx, "schema")


@app.command(short_help=short_help("search"))
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...",
            help='Words to look for; "a phrase" in quotes; word* for a prefix.',
            show_default=False,
        ),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=100, help="Show at most this many hits.")
    ] = 10,
    fmt: FormatOption = Format.table,
    color: ColorOption = ColorChoice.auto,
    shift: ShiftOption = 0,
) -> Output:
    """Ranked full-text search over every section, treatment, drug, figure and term.

    Examples: hfs-info search how long does botox last | hfs-info search '"facial nerve"'
    """
    return _run(ctx, "search", words=tuple(words), limit=limit, fmt=fmt, color=color, shift=shift)


@app.command(short_help=short_help("validate"))
def validate(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="PATH", help="The dataset file to check.")],
    fmt: Annotated[
        ValidateFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="Report format."),
    ] = ValidateFormat.plain,
) -> Output:
    """Check a dataset file against the schema and report every problem at once.

    Each problem is one line on stdout, `PATH: key.path: what is wrong`. Exit status 0 only for
    a valid dataset, 2 otherwise.

    Example: hfs-info validate my-edition.toml
    """
    return _run(ctx, "validate", path=path, fmt=fmt)


@app.command(short_help=short_help("fill"))
def fill(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...", help="Text files with hfs-info regions.", show_default=False
        ),
    ],
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Change nothing; exit 1 and list the regions that are out of date."
        ),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Change nothing; show what would change as a diff.")
    ] = False,
    allow_data: Annotated[
        bool,
        typer.Option("--allow-data", help="Let a region name another dataset with --data PATH."),
    ] = False,
) -> Output:
    """Keep documents in step with the reference: each region between
    <!-- hfs-info ARGS --> and <!-- /hfs-info --> is replaced by the output of
    hfs-info ARGS (Markdown unless ARGS choose a format); the rest of the file is kept byte
    for byte. ARGS may only name a content command and its display options.

    Example: hfs-info fill --check handout.md
    """
    return _run(ctx, "fill", files=tuple(files), check=check, diff=diff, allow_data=allow_data)


# --- parsing a command line that the quick parser left to the app ---------------------------


def invoke(args: list[str]) -> Output | int | None:
    """Parse ``args`` with the app and run the command. Usage errors become ``UsageError`` (exit
    status 2) for ``entry.main`` to report; what typer prints itself (help, --version) gives
    back the exit status as an int."""
    # typer 0.28 vendors click; its exception classes are reached through typer's package.
    from typer._click import exceptions as click_errors

    command = typer.main.get_command(_app_for(args))
    try:
        # Not standalone: usage errors come back to us instead of being printed by typer/rich.
        result: Output | int | None = command.main(args=args, prog_name=PROG, standalone_mode=False)
    except click_errors.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else PROG
        raise UsageError(f"{exc.format_message()} (see '{where} --help')") from None
    except click_errors.ClickException as exc:
        raise UsageError(exc.format_message()) from None
    except typer.Abort:
        raise KeyboardInterrupt from None
    return result


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command that ``args`` name, when they name one.

    Typer turns every registered command into a click command before parsing, which costs
    start-up time for commands that will not run; like click's documented "lazy group", only the
    command asked for is built. Anything else (no command, an unknown one, --help or --version
    of the whole tool, shell completion) gets the full app, so its listings stay complete.
    """
    import os

    if any(key.endswith("_COMPLETE") for key in os.environ):
        return app
    name = _command_name(args)
    chosen = [c for c in app.registered_commands if _registered_name(c) == name]
    if not chosen:
        return app
    lazy = typer.Typer(**APP_SETTINGS)
    lazy.registered_callback = app.registered_callback
    lazy.registered_commands = chosen
    return lazy


def _registered_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def _command_name(args: list[str]) -> str | None:
    """The first word of ``args`` that is not a global option or its value."""
    words = iter(args)
    for word in words:
        if word == "--data":
            next(words, None)
        elif not word.startswith("-"):
            return word
        elif word == "--":
            return next(words, None)
    return None
