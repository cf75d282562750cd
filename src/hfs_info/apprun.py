"""Running the Typer app on a command line that the quick parser left to it: what typer and
click print (help, --version, completion scripts) is collected as the run's output, and click's
exceptions become the tool's own usage errors, so that ``entry.main`` writes and reports
everything in one place."""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from hfs_info.actions import Result
from hfs_info.errors import UsageError
from hfs_info.options import PROG

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


def run_app(command: Any, args: list[str], tidy: Callable[[str], str]) -> Result:
    """Parse ``args`` with ``command`` (the app's click group) and run the command. Usage errors
    become ``UsageError`` (exit status 2); what typer and click print themselves is returned,
    passed through ``tidy``, like any command's output."""
    import typer

    collected = _Collected(sys.stdout)
    real, sys.stdout = sys.stdout, collected
    try:
        # Not standalone: usage errors come back to us instead of being printed by typer.
        result = command.main(args=args, prog_name=PROG, standalone_mode=False)
    except SystemExit as exc:  # shell completion ends the run itself
        result = exc.code if isinstance(exc.code, int) else 0
    except typer.Abort:
        raise KeyboardInterrupt from None
    except Exception as exc:
        raise _usage_error(exc, command, args) from None
    finally:
        sys.stdout = real
    if isinstance(result, Result):
        return result
    from hfs_info import display

    pager = display.pager(os.environ, _configured_pager)
    return Result(tidy(collected.getvalue()), status=result or 0, pager=pager)


def _configured_pager() -> str | None:
    """The config file's pager for what typer and click print (help, completion scripts): help
    is shown whatever the config file holds, so a file the tool cannot use (a typo in a key,
    bad TOML) means no preference here; the commands that read it report it."""
    from hfs_info import preferences
    from hfs_info.errors import HfsError

    try:
        return preferences.load(os.environ).pager
    except HfsError:
        return None


def _usage_error(exc: Exception, root: Any, args: list[str]) -> Exception:
    """click's exceptions (which typer uses without re-exporting them) carry their message;
    anything else is ours and goes on to entry.main as it is. The help pointed to is the
    command's whose line it is: click leaves some errors without their context (an option's
    missing value), and those are placed from the command line itself."""
    format_message = getattr(exc, "format_message", None)
    if format_message is None:
        return exc
    if not hasattr(exc, "ctx"):  # not a usage error: the message says it all
        return UsageError(format_message())
    if exc.ctx is not None:
        where = exc.ctx.command_path
    else:
        _, word = root_words(root, args)
        where = f"{PROG} {word}" if word in getattr(root, "commands", {}) else PROG
    message = _ranged(exc, args) or _our_words(format_message(), args)
    return UsageError(f"{message} (see '{where} --help')")


def _ranged(exc: Any, args: Sequence[str]) -> str | None:
    """A value of a whole-number option that is no whole number or out of its range ("'two'
    is not a valid int range", "9 is not in the range 0<=x<=5"), said as the tool says other
    bad values: the option as typed, the value, and what it may be ("--shift-heading-level-by
    'two' is not a whole number from 0 to 5"). None for any other error."""
    param = getattr(exc, "param", None)
    kind = getattr(param, "type", None)
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if param is None or not isinstance(low, int) or not isinstance(high, int):
        return None
    typed = _typed_value(param.opts, args)
    if typed is None:
        return None  # not from the command line (a setting): click's words say where
    option, value = typed
    return f"{option} {value!r} is not a whole number from {low} to {high}"


def _typed_value(options: Sequence[str], args: Sequence[str]) -> tuple[str, str] | None:
    """The option of ``options`` and its value as last typed in ``args`` (``--limit 3``,
    ``--limit=3``, ``-n3``: click takes the last); None if none was typed."""
    found = None
    for k, word in enumerate(args):
        if word == "--":
            break
        for option in options:
            if word == option and k + 1 < len(args):
                found = (option, args[k + 1])
            elif word.startswith(option + "=") and option.startswith("--"):
                found = (option, word[len(option) + 1 :])
            elif not option.startswith("--") and word.startswith(option) and word != option:
                found = (option, word[len(option) :])
    return found


def _our_words(message: str, args: Sequence[str] = ()) -> str:
    """click's message in the tool's own style: a value not among an option's choices
    ("Invalid value for '--format' / '-f': 'svg' is not one of 'table', 'plain'.") as the tool
    says the same mistake elsewhere ("--format 'svg' is not one of: table, plain"), named by
    the option as typed (``--style``, not its alias ``--format``); any other lower-case, as one
    clause, without a full stop ("No such option: -1" as "no such option: -1")."""
    import re

    found = re.fullmatch(
        r"Invalid value for ('--[\w-]+'(?: / '[^']*')*): '(.*)' is not one of (.*)\.",
        message,
        re.S,
    )
    if found is None:
        return _in_our_style(message)
    names, value, choices = found.groups()
    aliases = re.findall(r"'([^']*)'", names)
    typed = [a for a in aliases if any(w == a or w.startswith(a + "=") for w in args)]
    option = next((a for a in typed if a.startswith("--")), aliases[0])
    return f"{option} '{value}' is not one of: {choices.replace(chr(39), '')}"


def _in_our_style(message: str) -> str:
    """A message lower-case (unless it starts with a name in capitals), its sentences one line
    of clauses, without a closing full stop, as every message of the tool's own."""
    text = message.strip().replace(". Did you mean", "; did you mean")
    if text[:1].isupper() and text[1:2].islower():
        text = text[0].lower() + text[1:]
    return text.removesuffix(".")


def root_words(root: Any, args: list[str]) -> tuple[list[str], str | None]:
    """The options of ``args`` that come before the command (those of the whole tool, with
    their values) and the first word after them (the command's name, or a word after
    ``--``), None if there is none. ``root``: the app's click group."""
    valued = {
        name
        for param in root.params
        if param.param_type_name == "option"
        and not getattr(param, "is_flag", False)
        and not getattr(param, "count", False)
        for name in param.opts
    }
    options: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            return options, next(words, None)
        if not word.startswith("-") or word == "-":
            return options, word
        options.append(word)
        if word in valued:
            next(words, None)  # its value
    return options, None


class _Collected(io.StringIO):
    """Stands in for stdout while the app parses: keeps what typer and click print, while
    ``isatty``, ``fileno`` and ``encoding`` answer for the real stream, from which the handlers
    decide colour and width."""

    def __init__(self, real: TextIO | None) -> None:
        super().__init__()
        self._real = real

    def isatty(self) -> bool:
        return self._real is not None and self._real.isatty()

    def fileno(self) -> int:
        if self._real is None:
            raise OSError(9, "stdout is closed")
        return self._real.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # StringIO's is read-only
        return getattr(self._real, "encoding", None) or "utf-8"
