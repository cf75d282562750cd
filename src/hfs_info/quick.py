"""The quick parser: common command lines run without loading Typer.

Importing typer (and the click it vendors) is most of this tool's start-up time: more than the
lookup, the rendering and Python itself together (docs/benchmarks.md). This module understands a
strict subset of the command lines that the Typer app in cli.py accepts:

- the global ``--data PATH`` (or ``HFS_INFO_DATA``) and ``--debug``, before the command;
- a command name, then its options in the forms click accepts (``--format json``,
  ``--format=json``, ``-f json``, ``-fjson``, flags like ``--explain``), with choices matched
  without regard to case, and its arguments, in any order.

For such a line ``parse`` returns exactly what the Typer app would hand to ``actions.run``. For
anything else (``--help``, ``--version``, shell completion, ``--``, an unknown command or option,
a missing, extra or invalid value) it returns None and the Typer app parses the line, so help
and every usage error come from one place. tests/test_quick.py checks both halves: the table
below matches the app's own parameters, and for generated command lines the two parsers agree
whenever this one answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from hfs_info.actions import TOPICS, ExportFormat, ValidateFormat
from hfs_info.cite import Style as CiteStyle
from hfs_info.render import Format
from hfs_info.terminal import ColorChoice

DATA_ENV = "HFS_INFO_DATA"


class Option(NamedTuple):
    names: tuple[str, ...]
    param: str
    default: Any
    kind: type[StrEnum] | type[int] | type[str] | None  # None: a flag, True when given
    bounds: tuple[int, int] | None = None  # an int's closed range


class Argument(NamedTuple):
    param: str
    many: bool  # takes every word left (a tuple); else at most one
    required: bool
    kind: type[int] | type[str] = str


class Command(NamedTuple):
    options: tuple[Option, ...] = ()
    argument: Argument | None = None


FORMAT = Option(("--format", "-f"), "fmt", Format.table, Format)
COLOR = Option(("--color",), "color", ColorChoice.auto, ColorChoice)
EXPLAIN = Option(("--explain",), "explain", False, None)
SHIFT = Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5))
SHOWN = (FORMAT, COLOR, EXPLAIN, SHIFT)

COMMANDS: dict[str, Command] = {
    **{name: Command(SHOWN) for name in TOPICS},
    "treatments": Command(SHOWN, Argument("name", many=True, required=False)),
    "medications": Command(SHOWN),
    "stats": Command(
        (
            *SHOWN,
            Option(("--with-sources",), "with_sources", False, None),
            Option(("--chart",), "chart", False, None),
        )
    ),
    "glossary": Command((FORMAT, COLOR, SHIFT), Argument("term", many=True, required=False)),
    "sources": Command(SHOWN),
    "figures": Command(
        (FORMAT, COLOR, SHIFT), Argument("number", many=False, required=False, kind=int)
    ),
    "export": Command(
        (
            Option(("--format", "-f"), "fmt", ExportFormat.auto, ExportFormat),
            Option(("--output", "-o"), "output", None, str),
            SHIFT,
        )
    ),
    "fill": Command(
        (
            Option(("--check",), "check", False, None),
            Option(("--diff",), "diff", False, None),
            Option(("--allow-data",), "allow_data", False, None),
        ),
        Argument("files", many=True, required=True),
    ),
    "cite": Command((Option(("--style", "-s"), "style", CiteStyle.apa, CiteStyle),)),
    "schema": Command(),
    "search": Command(
        (Option(("--limit", "-n"), "limit", 10, int, (1, 100)), FORMAT, COLOR, SHIFT),
        Argument("words", many=True, required=True),
    ),
    "validate": Command(
        (Option(("--format", "-f"), "fmt", ValidateFormat.plain, ValidateFormat),),
        Argument("path", many=False, required=True),
    ),
}

Call = tuple[str, str | None, dict[str, Any]]


class _Declined(Exception):
    """The line is not one this parser answers for; the Typer app takes it."""


def parse(args: Sequence[str], environ: Mapping[str, str]) -> Call | None:
    """``(command, data, params)`` for ``actions.run`` (command "" is the home screen), or None
    when the Typer app must parse ``args``."""
    if any(key.endswith("_COMPLETE") for key in environ):  # shell completion is Typer's
        return None
    try:
        return _parse(list(args), environ)
    except _Declined:
        return None


def _is_option(word: str) -> bool:
    return word[:1] == "-" and len(word) > 1  # click's rule: "-" alone is an argument


def _parse(rest: list[str], environ: Mapping[str, str]) -> Call:
    data: str | None = None
    given = False
    while rest and _is_option(rest[0]):  # the top level stops at its first argument
        word = rest.pop(0)
        if word == "--debug":
            continue
        if word == "--data":
            data, given = _take(rest), True
        elif word.startswith("--data="):
            data, given = word.removeprefix("--data="), True
        else:
            raise _Declined
    if not given:
        data = environ.get(DATA_ENV) or None  # click ignores an empty variable
    if not rest:
        return "", data, {}
    name = rest.pop(0)
    command = COMMANDS.get(name)
    if command is None:
        raise _Declined
    return name, data, _parse_command(command, rest)


def _parse_command(command: Command, rest: list[str]) -> dict[str, Any]:
    by_name = {name: option for option in command.options for name in option.names}
    params: dict[str, Any] = {option.param: option.default for option in command.options}
    words: list[str] = []
    while rest:
        word = rest.pop(0)
        if not _is_option(word):
            words.append(word)
            continue
        if word[:2] == "--":  # also "--" itself, which no option is named
            name, equals, value = word.partition("=")
            option = by_name.get(name)
            if option is None or (option.kind is None and equals):
                raise _Declined
            if option.kind is None:
                params[option.param] = True
                continue
            if not equals:
                value = _take(rest)
        else:  # a short option: -f json, or -fjson
            option = by_name.get(word[:2])
            if option is None or option.kind is None:
                raise _Declined
            value = word[2:] or _take(rest)
        params[option.param] = _convert(value, option.kind, option.bounds)
    argument = command.argument
    if argument is None:
        if words:
            raise _Declined
    elif argument.many:
        if argument.required and not words:
            raise _Declined
        params[argument.param] = tuple(words)
    elif len(words) > 1 or (argument.required and not words):
        raise _Declined
    else:
        params[argument.param] = _convert(words[0], argument.kind) if words else None
    return params


def _take(rest: list[str]) -> str:
    """The next word, as an option's value (click takes it whatever it looks like)."""
    if not rest:
        raise _Declined
    return rest.pop(0)


def _convert(value: str, kind: Any, bounds: tuple[int, int] | None = None) -> Any:
    """``value`` as click and Typer convert it: a choice without regard to case, an int by
    ``int()`` within its range, else the text itself."""
    if kind is str:
        return value
    if kind is int:
        try:
            number = int(value)
        except ValueError:
            raise _Declined from None
        if bounds is not None and not bounds[0] <= number <= bounds[1]:
            raise _Declined
        return number
    wanted = value.casefold()
    for member in kind:
        if member.value.casefold() == wanted:
            return member
    raise _Declined
