"""How a command of the Typer app is declared: the display options (--format, --color,
--explain, --no-pager, --shift-heading-level-by) declared once, which formats each command
writes, and the ``command`` decorator that gives a command the display options it takes and
hands it their values resolved into one ``Display`` (display.py)."""

# No ``from __future__ import annotations`` here: Typer reads these annotations.
import inspect
import os
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

from hfs_info.actions import Result
from hfs_info.display import merged, resolve
from hfs_info.options import CHARTED, DRAWN, PROSE, REPORT, TABULAR, ColorChoice, Format
from hfs_info.preferences import FORMAT_ENV
from hfs_info.query import PROSE_TOPICS

# What each command can write with --format, its default first (subsets of options.Format).
# A command not listed here has no display format.
WRITES: dict[str, tuple[Format, ...]] = {
    **dict.fromkeys(PROSE_TOPICS, PROSE),
    "treatments": CHARTED,
    "medications": TABULAR,
    "stats": CHARTED,
    "glossary": TABULAR,
    "sources": PROSE,
    "figures": DRAWN,
    "search": TABULAR,
    "validate": REPORT,
}
# What a command's --format help adds about its formats.
FORMAT_NOTES = {
    "treatments": "svg charts one treatment's percentages",
    "stats": "svg draws the charts (as --chart does)",
    "figures": "svg draws figure N",
    "validate": "plain gives one problem a line",
}


_FORMAT_CHOICES: dict[tuple[Format, ...], Any] = {}


def _format_option(formats: tuple[Format, ...], note: str) -> Any:
    """The --format option of a command that writes ``formats``. Its choices are an enum made
    from those members of Format (Typer offers an enum's values); the value it gives is
    resolved to a Format by display.resolve. No default: without the flag, the preferred
    format or the command's first applies."""
    choices: Any = _FORMAT_CHOICES.get(formats)
    if choices is None:
        name = "".join(f.value.title() for f in formats) + "Format"
        choices = _FORMAT_CHOICES[formats] = StrEnum(name, [(f.name, f.value) for f in formats])
    names = [f.value for f in formats]
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    people = (
        " (table is for people; the others for scripts and documents)" if "table" in names else ""
    )
    help_text = (
        f"Output format: {listed}{people}{'; ' + note if note else ''}. Default: {names[0]}, "
        f"or the preferred format ({FORMAT_ENV}, the config file) when this command writes it."
    )
    return Annotated[
        choices | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            metavar="FORMAT",
            help=help_text,
            show_default=False,
        ),
    ]


ColorOption = Annotated[
    ColorChoice | None,
    typer.Option(
        "--color",
        case_sensitive=False,
        metavar="WHEN",
        help="Colour: auto (on a terminal, unless NO_COLOR is set or TERM is dumb; FORCE_COLOR "
        "forces it), always or never. Default: the config file's color, else auto.",
        show_default=False,
    ),
]
NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Print straight to the terminal, never through a pager (see HFS_INFO_PAGER).",
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


# Every display option but --format: its declaration and its value when not given.
DISPLAY_OPTIONS: dict[str, tuple[Any, Any]] = {
    "color": (ColorOption, None),
    "explain": (ExplainOption, False),
    "no_pager": (NoPagerOption, False),
    "shift": (ShiftOption, 0),
}
# What the commands that show the guide's content take besides colour and pager.
CONTENT = ("explain", "shift")


def command(
    app: typer.Typer, name: str, short_help: str, *, takes: tuple[str, ...] = ()
) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Declare ``func`` as the command ``name`` of ``app``, with the display options it takes:
    --format when WRITES lists it, --color and --no-pager always, and those named in ``takes``.
    ``func`` declares its own parameters and a keyword-only ``display: Display``, which it is
    given resolved (display.resolve), as the quick parser's runs are."""
    shown = {
        key: declared
        for key, declared in DISPLAY_OPTIONS.items()
        if key in ("color", "no_pager", *takes)
    }
    if name in WRITES:
        shown = {"fmt": (_format_option(WRITES[name], FORMAT_NOTES.get(name, "")), None), **shown}
    formats = WRITES.get(name, ())

    def declare(func: Callable[..., Result]) -> Callable[..., Result]:
        def run(ctx: typer.Context, **params: Any) -> Result:
            given = merged({key: params.pop(key) for key in shown}, ctx.find_root().params)
            return func(ctx, **params, display=resolve(given, formats, os.environ))

        own = [p for p in inspect.signature(func).parameters.values() if p.name != "display"]
        keyword = inspect.Parameter.KEYWORD_ONLY
        added = [
            inspect.Parameter(k, keyword, annotation=a, default=d) for k, (a, d) in shown.items()
        ]
        run.__signature__ = inspect.Signature([*own, *added], return_annotation=Result)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in (*own, *added)}
        run.__doc__ = func.__doc__
        app.command(name=name, short_help=short_help)(run)
        return func

    return declare
