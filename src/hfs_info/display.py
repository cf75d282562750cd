"""How a run shows its output, decided once: the display options (format, colour, glossary
notes, pager, heading shift) resolved against the user's preferences into one ``Display`` that
every handler takes.

The quick parser and the Typer app both hand their parsed values here (``resolve``), so the
rules live in one place:

- format: the flag; else ``HFS_INFO_FORMAT``; else the config file's ``format``; a preferred
  format the command cannot write gives way to the command's default (its first format),
  and so does one the view at hand has no form in (SVG of a list, CSV of a card): only a
  format given with --format is ever refused;
- colour: the flag (after the command, else before it); else the config file's ``color``; else
  auto, which terminal.py settles (NO_COLOR, FORCE_COLOR, a terminal): a flag or the file's
  colour overrides NO_COLOR, as no-color.org asks;
- pager: none with ``--no-pager``; else ``HFS_INFO_PAGER``, the config file's ``pager``, ``PAGER``,
  in git's order; an empty value or ``cat`` means none.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from hfs_info.options import ColorChoice, Format

PAGER_ENV = "HFS_INFO_PAGER"


class Display(NamedTuple):
    """The display of one run. The first five are resolved against the preferences; every
    other field is a display option of the same name, taken as given (declare.py declares
    its flag), so that a new one is a field here and a flag there."""

    format: Format = Format.table  # --format (parameter fmt)
    color: ColorChoice = ColorChoice.auto  # --color
    pager: str | None = ""  # the pager's command line ("": the default); None: --no-pager
    # The command's default format, when ``format`` is only a preference: what is written
    # instead if the view at hand has no such form (a list of treatments is no SVG). None: the
    # format was given with --format, and a view without it is a usage error.
    fallback: Format | None = None
    # The output goes into a document (a fill region): no hints for the terminal and no
    # columns of command lines, whatever the format (plain too), as Markdown never has them.
    document: bool = False
    explain: bool = False  # add the glossary definitions of the terms the text uses
    shift: int = 0  # heading levels to move every heading down


# The options taken as they are given: the fields after the five resolved ones.
AS_GIVEN = Display._fields[5:]
# The parameter names the display options have in the app and the command table.
PARAMS = ("fmt", "color", "no_pager", *AS_GIVEN)
# The display options the whole tool takes before the command as well (the command's own value,
# when given, wins).
SHARED = ("color", "no_pager")


def merged(params: Mapping[str, Any], root: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` of a command, each shared option the command did not give taken from the
    whole tool's (``hfs-info --no-pager glossary``)."""
    out = dict(params)
    for key in SHARED:
        if key in out and not out[key]:
            out[key] = root.get(key) or out[key]
    return out


def split(params: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``params`` as (display options, the command's own)."""
    shown = {k: v for k, v in params.items() if k in PARAMS}
    return shown, {k: v for k, v in params.items() if k not in PARAMS}


def resolve(
    given: Mapping[str, Any],
    formats: Sequence[str],
    environ: Mapping[str, str],
    document: bool = False,
) -> Display:
    """The Display of a command that writes ``formats`` (its default first; empty when it has
    no --format), from its ``given`` display options and the preferences. The config file is
    read only when a flag leaves something to it, and then once."""
    from hfs_info import preferences

    read: list[preferences.Preferences] = []

    def file() -> preferences.Preferences:
        if not read:
            read.append(preferences.load(environ))
        return read[0]

    fmt = Format(given["fmt"]) if given.get("fmt") else Format.table
    fallback = None
    if formats and not given.get("fmt"):
        preferred = preferences.preferred_format(environ, file)
        fmt = preferred if preferred is not None and preferred in formats else Format(formats[0])
        fallback = Format(formats[0])
    color = given.get("color") or file().color or ColorChoice.auto
    return Display(
        format=fmt,
        fallback=fallback,
        document=document,
        color=ColorChoice(color),
        pager=None if given.get("no_pager") else pager(environ, lambda: file().pager),
        **{key: given[key] for key in AS_GIVEN if key in given},
    )


def pager(environ: Mapping[str, str], configured: Callable[[], str | None]) -> str | None:
    """The pager's command line ("" for the default, less or more), or None for none.
    ``configured``: the config file's ``pager``, asked only when HFS_INFO_PAGER is not set."""
    if PAGER_ENV in environ:
        chosen: str | None = environ[PAGER_ENV]
    else:
        chosen = configured()
        if chosen is None:
            chosen = environ.get("PAGER")
    if chosen is None:
        return ""
    chosen = chosen.strip()
    return None if chosen in ("", "cat") else chosen
