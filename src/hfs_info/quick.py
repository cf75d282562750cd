"""The quick parser: common command lines run without loading Typer.

Importing typer (and the click it vendors) is most of this tool's start-up time
(docs/benchmarks.md). This module understands a strict subset of the command lines that the
Typer app in cli.py accepts, reading the command table generated from that app
(commandline.py), so no command or option is declared here:

- the options of the whole tool that carry a value or a flag (``--data PATH`` or
  ``HFS_INFO_DATA``, ``--debug``), before the command;
- a command name, then its options in the forms click accepts (``--format json``,
  ``--format=json``, ``-f json``, ``-fjson``, flags like ``--chart``), with choices matched
  without regard to case, and its arguments, in any order.

For such a line ``parse`` returns exactly what the Typer app hands to the command's handler
(actions.HANDLERS). For anything else (``--help``, ``--version``, shell completion, ``--``, an
unknown command or option, a missing, extra or invalid value) it returns None and the Typer app
parses the line, so help and every usage error come from one place. tests/test_quick.py checks
that for generated command lines the two agree whenever this one answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from hfs_info.commandline import COMMANDS, ROOT_OPTIONS
from hfs_info.display import merged
from hfs_info.options import COMPLETE_VAR, DATA_ENV, Command, Option

# The options of the whole tool that are not display options.
_OWN = ("data", "debug")
# (command, data, params): "" is the home screen, data None the packaged dataset.
Call = tuple[str, str | None, dict[str, Any]]


class _Declined(Exception):
    """The line is not one this parser answers for; the Typer app takes it."""


def parse(
    args: Sequence[str], environ: Mapping[str, str], defaults: Mapping[str, Any] | None = None
) -> Call | None:
    """``(command, data, params)`` for ``actions.run``, or None when the Typer app must parse
    ``args``. ``defaults``: values for the parameters the line does not give, instead of the
    declared ones (fill uses None to tell a format left out from one given)."""
    if environ.get(COMPLETE_VAR):  # shell completion is Typer's
        return None
    try:
        return _parse(list(args), environ, defaults or {})
    except _Declined:
        return None


def _is_option(word: str) -> bool:
    return word[:1] == "-" and len(word) > 1  # click's rule: "-" alone is an argument


def _parse(rest: list[str], environ: Mapping[str, str], defaults: Mapping[str, Any]) -> Call:
    root: dict[str, Any] = {}
    while rest and _is_option(rest[0]):  # the top level stops at its first argument
        option, value = _option(rest, {n: o for o in ROOT_OPTIONS for n in o.names})
        root[option.param] = value
    data = root.pop("data") if "data" in root else environ.get(DATA_ENV) or None  # click ignores ""
    root.pop("debug", None)  # read by entry.run itself
    # The other options of the whole tool (--color, --no-pager) are display options: the home
    # screen takes them, and a command that has the same option takes the tool's value unless
    # it was given its own (display.merged).
    shared = {o.param: root.get(o.param, o.default) for o in ROOT_OPTIONS if o.param not in _OWN}
    if not rest:
        return "", data, shared
    name = rest.pop(0)
    command = COMMANDS.get(name)
    if command is None:
        raise _Declined
    return name, data, merged(_parse_command(command, rest, defaults), shared)


def _parse_command(
    command: Command, rest: list[str], defaults: Mapping[str, Any]
) -> dict[str, Any]:
    by_name = {name: option for option in command.options for name in option.names}
    params: dict[str, Any] = {o.param: defaults.get(o.param, o.default) for o in command.options}
    words: list[str] = []
    while rest:
        if not _is_option(rest[0]):
            words.append(rest.pop(0))
            continue
        option, value = _option(rest, by_name)
        params[option.param] = value
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


def _option(rest: list[str], by_name: dict[str, Option]) -> tuple[Option, Any]:
    """The option that starts ``rest`` and its value, taken off ``rest``."""
    word = rest.pop(0)
    if word[:2] == "--":  # also "--" itself, which no option is named
        name, equals, value = word.partition("=")
        option = by_name.get(name)
        if option is None or (option.kind is None and equals):
            raise _Declined
        if option.kind is None:
            return option, True
        if not equals:
            value = _take(rest)
    else:  # a short option: -f json, or -fjson
        option = by_name.get(word[:2])
        if option is None or option.kind is None:
            raise _Declined
        value = word[2:] or _take(rest)
    return option, _convert(value, option.kind, option.bounds, option.choices)


def _take(rest: list[str]) -> str:
    """The next word, as an option's value (click takes it whatever it looks like)."""
    if not rest:
        raise _Declined
    return rest.pop(0)


def _convert(
    value: str,
    kind: Any,
    bounds: tuple[int, int] | None = None,
    choices: tuple[str, ...] | None = None,
) -> Any:
    """``value`` as click and Typer convert it: a choice (one of ``choices`` if given) without
    regard to case, an int by ``int()`` within its range, else the text itself."""
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
        if member.value.casefold() == wanted and (choices is None or member.value in choices):
            return member
    raise _Declined
