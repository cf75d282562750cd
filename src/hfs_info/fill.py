"""`hfs-info fill`: keep regions of text files in step with the reference (as cog and
markdown-magic do).

A region is everything between ``<!-- hfs-info ARGS -->`` and ``<!-- /hfs-info -->``. Its
content is the output of ``hfs-info ARGS``, produced by the same parsing and actions as the
command line (quick.parse, else the Typer app). Everything outside the regions is kept byte for
byte; a file is replaced atomically (files.write_atomic), and only when every region of every
file given could be produced.

ARGS are split like a shell would (shlex) and checked before anything runs: they must name a
content command (one that takes the shared --format option, as declared in cli.py) and only
that command's own options; no -o, nothing that writes a file, and --data only with
--allow-data. Markdown is the default format; the terminal's table format is refused, since its
layout depends on the terminal.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from hfs_info.errors import HfsError, UsageError
from hfs_info.options import PROG

if TYPE_CHECKING:
    from hfs_info.actions import Result

    # How fill runs a command line that the quick parser leaves to the Typer app (cli.invoke).
    Invoke = Callable[[list[str]], Result]

_MARKER = re.compile(r"<!--\s*(?:(?P<close>/hfs-info)\s*|hfs-info(?P<args>(?:\s[^>]*?)?))-->")
_BEGUN = re.compile(r"<!--\s*/?hfs-info(?![\w-])")
_DATA = "--data"


class Region(NamedTuple):
    line: int  # of the opening marker, counted from 1
    args: str
    start: int  # offset of the region's content (just after the opening marker)
    end: int  # offset of the closing marker


def run(
    data: str | None,
    files: tuple[str, ...],
    check: bool,
    diff: bool,
    allow_data: bool,
    invoke: Invoke | None = None,
) -> Result:
    """Fill ``files`` (or, with ``check`` or ``diff``, only report); ``data`` is the dataset
    of regions that do not name one."""
    from hfs_info.actions import Result
    from hfs_info.errors import ExitStatus
    from hfs_info.files import write_atomic

    report: list[str] = []
    changed: list[tuple[str, str, str]] = []
    for path in files:
        old = _read(path)
        new, stale = fill_text(old, path, data, allow_data, invoke)
        if new != old:
            changed.append((path, old, new))
        report += [f"{path}:{line}: out of date: {PROG} {args}" for line, args in stale]
    out: list[str] = []
    if diff:
        for path, old, new in changed:
            out += difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True), path, path
            )
    if check:
        out += [line + "\n" for line in report]
    if not check and not diff:
        for path, _, new in changed:
            try:
                write_atomic(path, new.encode("utf-8"))
            except OSError as exc:
                reason = (exc.strerror or str(exc)).lower()
                raise UsageError(f"cannot write {path}: {reason}") from None
    status = ExitStatus.NOT_FOUND if check and report else ExitStatus.OK
    return Result("".join(out), status, utf8=True)


def _read(path: str) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {(exc.strerror or str(exc)).lower()}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None


def regions(text: str, path: str) -> list[Region]:
    """The regions of ``text``, in order; unclosed, unopened or nested markers are errors."""
    found: list[Region] = []
    opening: re.Match[str] | None = None
    matches = list(_MARKER.finditer(text))
    starts = {m.start() for m in matches}
    for begun in _BEGUN.finditer(text):
        if begun.start() not in starts:
            line = text.count("\n", 0, begun.start()) + 1
            raise UsageError(f"{path}:{line}: a region marker must end with -->")
    for match in matches:
        line = text.count("\n", 0, match.start()) + 1
        if match.group("close") is None:
            if opening is not None:
                where = text.count("\n", 0, opening.start()) + 1
                raise UsageError(
                    f"{path}:{line}: a region opened inside the region of line {where}"
                )
            opening = match
        elif opening is None:
            raise UsageError(f"{path}:{line}: <!-- /hfs-info --> closes no region")
        else:
            start_line = text.count("\n", 0, opening.start()) + 1
            args = opening.group("args").strip()
            found.append(Region(start_line, args, opening.end(), match.start()))
            opening = None
    if opening is not None:
        line = text.count("\n", 0, opening.start()) + 1
        raise UsageError(f"{path}:{line}: region not closed (no <!-- /hfs-info --> after it)")
    return found


def fill_text(
    text: str, path: str, data: str | None, allow_data: bool, invoke: Invoke | None = None
) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with every region filled, and (line, ARGS) of each region that changed."""
    pieces, stale, position = [], [], 0
    crlf = "\r\n" in text
    for region in regions(text, path):
        output = produce(region.args, f"{path}:{region.line}", data, allow_data, path, invoke)
        body = "\n" + output if output.endswith("\n") else f"\n{output}\n"
        if crlf:  # a file with CRLF line ends gets its new lines the same way
            body = body.replace("\r\n", "\n").replace("\n", "\r\n")
        if text[region.start : region.end] != body:
            stale.append((region.line, region.args))
        pieces += [text[position : region.start], body]
        position = region.end
    pieces.append(text[position:])
    return "".join(pieces), stale


def produce(
    args: str,
    where: str,
    data: str | None,
    allow_data: bool,
    path: str,
    invoke: Invoke | None = None,
) -> str:
    """The output of ``hfs-info ARGS`` for a region (``where``: FILE:LINE, for errors)."""
    try:
        words = shlex.split(args)
    except ValueError as exc:
        raise UsageError(f"{where}: cannot split the region's arguments: {exc}") from None
    words, data = _checked(words, where, data, allow_data, path)
    try:
        result = _invoke(words, data, invoke)
    except UsageError as exc:
        raise UsageError(f"{where}: {exc}") from None
    except HfsError as exc:  # e.g. a name no treatment has: the document is wrong, not a lookup
        raise UsageError(f"{where}: {exc}") from None
    if _MARKER.search(result.text):
        raise UsageError(f"{where}: the output holds a region marker, so it cannot be a region")
    return result.text


def _checked(
    words: list[str], where: str, data: str | None, allow_data: bool, path: str
) -> tuple[list[str], str | None]:
    """``words`` as they will run (the default format added) and the dataset, once every word
    is allowed."""
    rest = list(words)
    while rest and rest[0].startswith("-"):
        word = rest.pop(0)
        if word != _DATA and not word.startswith(_DATA + "="):
            raise UsageError(f"{where}: {word} is not allowed before the command in a region")
        if not allow_data:
            raise UsageError(f"{where}: --data in a region needs 'fill --allow-data'")
        value = word.partition("=")[2] if "=" in word else (rest.pop(0) if rest else "")
        if not value:
            raise UsageError(f"{where}: --data needs a PATH")
        # A region's dataset is found from the file it is written in, wherever fill runs.
        data = str(Path(path).parent / value)
    if not rest:
        raise UsageError(f"{where}: a region must name a command")
    name, options = rest[0], rest[1:]
    allowed = content_commands()
    if name not in allowed:
        names = ", ".join(sorted(allowed))
        raise UsageError(f"{where}: '{name}' cannot fill a region; use one of: {names}")
    formats = [w for w in options if _option_name(w) in ("--format", "-f")]
    for word in options:
        if word == "--":
            break
        option = _option_name(word)
        if option and option not in allowed[name]:
            raise UsageError(f"{where}: {option} is not allowed in a region of '{name}'")
    if not formats:
        options = [*options, "--format", "markdown"]
    elif _format_value(options) == "table":
        raise UsageError(
            f"{where}: --format table is for terminals; use markdown, plain, json, ..."
        )
    return [name, *options], data


def _option_name(word: str) -> str:
    if not word.startswith("-") or word == "-":
        return ""
    if word.startswith("--"):
        return word.partition("=")[0]
    return word[:2]


def _format_value(options: list[str]) -> str:
    """The last --format value given (click keeps the last), in lower case."""
    value = ""
    for n, word in enumerate(options):
        if word in ("--format", "-f"):
            value = options[n + 1] if n + 1 < len(options) else ""
        elif word.startswith("--format="):
            value = word.partition("=")[2]
        elif word.startswith("-f") and not word.startswith("--"):
            value = word[2:]
    return value.casefold()


@cache
def content_commands() -> dict[str, frozenset[str]]:
    """Each content command, with the option names it declares (from the command table that
    cli.py's declarations generate): the commands whose output can fill a region. A content
    command is one whose --format offers the table for people; the commands that write
    documents, files or reports offer other formats."""
    from hfs_info.commandline import COMMANDS

    return {
        name: frozenset(n for option in command.options for n in option.names)
        for name, command in COMMANDS.items()
        if "table" in command.formats
    }


def _invoke(words: list[str], data: str | None, invoke: Invoke | None) -> Result:
    """Run ``words`` as the command line does: the quick parser, else ``invoke`` (the Typer
    app's, handed in by cli.py, which owns it). Colour and pager are off: the output goes into
    a file."""
    from hfs_info import actions, quick

    words = [*words, "--color", "never", "--no-pager"]
    call = quick.parse(words, {})
    if call is not None and call[0] in actions.HANDLERS:
        command, _, params = call
        return actions.run(command, data, params)
    if invoke is None:
        raise UsageError(f"{PROG} {shlex.join(words)}: not a command line to fill a region with")
    return invoke([*((_DATA, data) if data is not None else ()), *words])
