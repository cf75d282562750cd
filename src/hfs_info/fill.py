"""`hfs-info fill`: keep regions of text files in step with the reference (as cog and
markdown-magic do).

A region is everything between ``<!-- hfs-info ARGS -->`` and ``<!-- /hfs-info -->``. In a
Markdown file (any file but an HTML one) a marker counts only where CommonMark reads it as an
HTML block, as markdown-it-py parses the file: markers shown in a fenced or indented code block
or in inline code are text, so a README can document them. A live marker in the middle of a
paragraph is an error: a region is a block of its own.

A region's content is the output of ``hfs-info ARGS``. ARGS are split like a shell would
(shlex) and parsed by the command line's own parser (quick.parse); the parsed call must be one
content command (one that offers the terminal's table, as declared in cli.py) with its own
options, and nothing else: no ``--``, no file to write, no other command, and --data only with
--allow-data. Markdown is the default format; the table format is refused, since its layout
depends on the terminal. Whatever the format, a region leaves out what only a terminal's user
can follow (hints naming commands, columns of command lines: Display.document), as a Markdown
document always does, and an SVG drawing there has no XML declaration (it is an element of the
document, not a file). Each region's text takes the line endings of the line its opening
marker is on, so that ``fill --check`` passes after ``fill``.

Everything outside the regions is kept byte for byte. Only ordinary files are read (a FIFO,
device, socket or directory is refused before it is opened), and a file is written only when
every region of every file given could be produced, through files.write_atomic: replaced at
once, keeping its owner, group, mode and extended attributes, and refused if it changed since
it was read.
"""

from __future__ import annotations

import bisect
import difflib
import re
import shlex
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from hfs_info.errors import DataError, HfsError, UsageError
from hfs_info.options import PROG, ColorChoice, Format
from hfs_info.text import c_quoted, inert, one_line, shown_name

if TYPE_CHECKING:
    from hfs_info.actions import Result

_MARKER = re.compile(r"<!--\s*(?:(?P<close>/hfs-info)\s*|hfs-info(?P<args>(?:\s[^>]*?)?))-->")
# The start of a marker, opening or closing, however it is spaced: ``hfs-info`` may be followed
# by spacing or by the comment's end (``<!--/hfs-info-->``), never by more of a word
# (``hfs-infos``, ``hfs-info-x``).
_BEGUN = re.compile(r"<!--\s*/?hfs-info(?!\w|-(?!->))")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_XML_DECLARATION = re.compile(r"\A<\?xml[^>]*\?>(?:\r\n|\r|\n)?")
# Files whose markers all count: HTML has no code blocks in the Markdown sense.
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# The largest document fill reads: far above any page people write, far below what would take
# the machine's memory (a 300 MB file took 1.5 GB and 14 s).
MAX_DOCUMENT_BYTES = 64 * 2**20


def _is_html(path: str) -> bool:
    """Whether a file is a page by its name's extension, as pathlib and git see it: a file named
    '.htm' is a dotfile without one."""
    from pathlib import PurePath

    return PurePath(path).suffix.lower() in _HTML_SUFFIXES


class Region(NamedTuple):
    line: int  # of the opening marker, counted from 1
    args: str
    start: int  # offset of the region's content (just after the opening marker)
    end: int  # offset of the closing marker
    # What each line of the content starts with, to stay in the block quote or list item that
    # holds the opening marker (``> ``, or spaces as wide as ``- ``).
    indent: str = ""


# What may come before a marker on its line: the marks of the block quotes and list items that
# hold it (CommonMark's containers), and spaces.
_CONTAINERS = re.compile(r"[ \t>*+\-0-9.)]*")


class _Document(NamedTuple):
    path: str
    raw: bytes  # as read, to tell whether it changed before it is written
    text: str


def run(
    data: str | None, files: tuple[str, ...], check: bool, diff: bool, allow_data: bool
) -> Result:
    """Fill ``files`` (or, with ``check`` or ``diff``, only report); ``data`` is the dataset
    of regions that do not name one."""
    from hfs_info import files as filesystem
    from hfs_info.actions import Result
    from hfs_info.errors import ExitStatus

    report: list[str] = []
    changed: list[tuple[_Document, str]] = []
    for path in _each_file_once(files):
        document = _read(path)
        new, stale = fill_text(document.text, path, data, allow_data)
        if new != document.text:
            changed.append((document, new))
        report += [
            f"{shown_name(path)}:{line}: out of date: {PROG} {one_line(args)}"
            for line, args in stale
        ]
    out: list[str] = []
    if diff:
        for document, new in changed:
            # Named as git names a file in a patch: quoted with C escapes if need be, so
            # that the patch stays well formed and git apply or patch can read it.
            name = c_quoted(document.path)
            lines = difflib.unified_diff(
                document.text.splitlines(keepends=True), new.splitlines(keepends=True), name, name
            )
            out += [_inert_line(line) for line in lines]
    if check:
        out += [line + "\n" for line in report]
    if not check and not diff:
        # Every file is checked before the first is written, so that a file that cannot be
        # written leaves the others as they were.
        for document, _ in changed:
            _writable(document.path)
        for document, new in changed:
            try:
                filesystem.write_atomic(document.path, new.encode("utf-8"), document.raw)
            except OSError as exc:
                raise UsageError(
                    f"cannot write {shown_name(document.path)}: {_reason(exc)}"
                ) from None
    status = ExitStatus.NOT_FOUND if check and report else ExitStatus.OK
    return Result("".join(out), status, utf8=True)


def _each_file_once(files: tuple[str, ...]) -> list[str]:
    """``files`` without a second name of a file already named (``k.md ./k.md``): filled twice,
    its second write would find it changed by the first."""
    from pathlib import Path

    seen: set[tuple[int, int]] = set()
    once = []
    for path in files:
        try:
            info = Path(path).stat()
        except OSError:  # reported as it is read
            once.append(path)
            continue
        if (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            once.append(path)
    return once


def _inert_line(line: str) -> str:
    """A line of the diff with its control characters shown (its own line end kept)."""
    body = line.rstrip("\n")
    return inert(body) + line[len(body) :]


def _reason(exc: OSError) -> str:
    from hfs_info.files import Refused

    if isinstance(exc, Refused):  # our own words, already as they should read
        return exc.strerror or str(exc)
    return (exc.strerror or str(exc)).lower()


def _read(path: str) -> _Document:
    """The file at ``path``, which must be an ordinary file: refused by its type before it is
    opened, and opened without blocking, so that a FIFO, a terminal or /dev/zero is never
    read."""
    from hfs_info import files as filesystem

    try:
        raw = filesystem.read_regular(path, MAX_DOCUMENT_BYTES)
    except OSError as exc:
        raise UsageError(f"cannot read {shown_name(path)}: {_reason(exc)}") from None
    try:
        return _Document(path, raw, raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{shown_name(path)}: not UTF-8 text") from None


def _writable(path: str) -> None:
    from hfs_info import files as filesystem

    try:
        filesystem.check_replaceable(path)
    except OSError as exc:
        raise UsageError(f"cannot write {shown_name(path)}: {_reason(exc)}") from None


class _Lines:
    """Line numbers of offsets in a text whose lines may end in LF, CRLF or CR (as CommonMark
    counts them)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def index(self, offset: int) -> int:
        """The line holding ``offset``, counted from 0."""
        return bisect.bisect_right(self.starts, offset) - 1


def _live(text: str, path: str, lines: _Lines) -> list[int]:
    """The offsets of the markers that count: every one in an HTML file; in any other file
    those CommonMark reads as an HTML block (not in code, not in a paragraph)."""
    begun = [m.start() for m in _BEGUN.finditer(text)]
    closing = {m.start() for m in _BEGUN.finditer(text) if "/" in m.group()}
    if not begun or _is_html(path):
        return begun
    from markdown_it import MarkdownIt

    html: set[int] = set()  # lines of HTML blocks
    first: dict[int, int] = {}  # each line of an HTML block -> the line the block starts on
    inline: set[int] = set()  # lines of paragraphs with inline HTML that holds a marker
    # Blocks only: the text of a paragraph is parsed (for code spans and inline HTML) only
    # where it holds a marker, which keeps a long document fast.
    parser = MarkdownIt("commonmark")
    # A byte-order mark is no text of the first line (a space keeps every offset).
    source = " " + text[1:] if text.startswith("\ufeff") else text
    block_tokens = MarkdownIt("commonmark").disable("inline").parse(source)
    for token in block_tokens:
        if token.map is None:
            continue
        if token.type == "html_block":
            html.update(range(*token.map))
            first.update(dict.fromkeys(range(*token.map), token.map[0]))
        elif (
            token.type == "inline"
            and _BEGUN.search(token.content)
            and any(
                child.type == "html_inline" and _BEGUN.search(child.content)
                for inline_token in parser.parseInline(token.content)
                for child in inline_token.children or ()
            )
        ):
            inline.update(range(*token.map))
    matter = _front_matter_lines(text.removeprefix("\ufeff"))
    live = []
    for offset in begun:
        line = lines.index(offset)
        if line < matter:
            raise UsageError(
                f"{shown_name(path)}:{line + 1}: a region marker in the front matter (lines 1 to "
                f"{matter}) would write into the document's metadata; put it below"
            )
        if line in html:
            if offset not in closing and first[line] != line:
                # Inside an HTML block begun above (an open comment, a <div>): its indentation
                # is no container's, and what fill writes there would not be read back alike.
                raise UsageError(
                    f"{shown_name(path)}:{line + 1}: a region marker must begin a block of its "
                    f"own; this one is inside the HTML block of line {first[line] + 1}"
                )
            live.append(offset)
        elif line in inline:
            raise UsageError(
                f"{shown_name(path)}:{line + 1}: a region marker must start a line of its own, "
                "after a blank line or another block"
            )
    return live


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)", re.M)


def _front_matter_lines(text: str) -> int:
    """How many lines a YAML front matter block opening ``text`` takes (a first line of
    ``---``, up to a line of ``---`` or ``...``, as Jekyll, Hugo and pandoc read it); 0 if
    none. Static site generators read it as metadata, never as Markdown."""
    opening = re.match(r"---[ \t]*(?:\r\n|\r|\n)", text)
    if opening is None:
        return 0
    closing = _FRONT_MATTER_END.search(text, opening.end())
    if closing is None:
        return 0
    return len(_NEWLINE.findall(text, 0, closing.start())) + 1  # through its closing line


def regions(text: str, path: str) -> list[Region]:
    """The regions of ``text``, in order; unclosed, unopened or nested markers are errors."""
    lines = _Lines(text)
    live = set(_live(text, path, lines))
    found: list[Region] = []
    opening: re.Match[str] | None = None
    matches = [m for m in _MARKER.finditer(text) if m.start() in live]
    starts = {m.start() for m in matches}
    for offset in sorted(live - starts):
        line = lines.index(offset) + 1
        raise UsageError(f"{shown_name(path)}:{line}: a region marker must end with -->")
    for match in matches:
        line = lines.index(match.start()) + 1
        if match.group("close") is None:
            if opening is not None:
                where = lines.index(opening.start()) + 1
                raise UsageError(
                    f"{shown_name(path)}:{line}: a region opened inside the region of line {where}"
                )
            opening = match
        elif opening is None:
            raise UsageError(f"{shown_name(path)}:{line}: <!-- /hfs-info --> closes no region")
        else:
            start_line = lines.index(opening.start()) + 1
            args = opening.group("args").strip()
            found.append(
                Region(start_line, args, opening.end(), match.start(), _indent(text, opening, path))
            )
            opening = None
    if opening is not None:
        line = lines.index(opening.start()) + 1
        raise UsageError(
            f"{shown_name(path)}:{line}: region not closed (no <!-- /hfs-info --> after it)"
        )
    return found


def _indent(text: str, opening: re.Match[str], path: str) -> str:
    """How the lines of a region continue the containers its opening marker is in: ``> `` for
    a block quote, spaces for a list item's mark (``- `` gives two spaces)."""
    start = max(text.rfind("\n", 0, opening.start()), text.rfind("\r", 0, opening.start())) + 1
    before = text[start : opening.start()]
    if _is_html(path) or not _CONTAINERS.fullmatch(before):
        return ""
    # A block quote's ">" takes one space after it as its own: where the marker line has none
    # (">- "), the content lines get it, so that what follows keeps the list item's column.
    out = []
    for c, after in zip(before, (before + " ")[1:], strict=True):
        out.append(c if c in ">\t" else " ")
        if c == ">" and after not in " \t>":
            out.append(" ")
    return "".join(out)


def _line_end(text: str, offset: int) -> str:
    """The line end of the line holding ``offset``; for a last line without one, the
    document's first line end; LF in a one-line document."""
    found = _NEWLINE.search(text, offset) or _NEWLINE.search(text)
    return found.group() if found else "\n"


def fill_text(
    text: str, path: str, data: str | None, allow_data: bool
) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with every region filled, and (line, ARGS) of each region that changed."""
    pieces, stale, position = [], [], 0
    for region in regions(text, path):
        output = produce(region.args, f"{shown_name(path)}:{region.line}", data, allow_data, path)
        end = _line_end(text, region.start)
        lines = _NEWLINE.split(output.removesuffix("\r\n").removesuffix("\n"))
        indent = region.indent
        body = end + "".join((indent + line if line else indent.rstrip()) + end for line in lines)
        body += indent
        if text[region.start : region.end] != body:
            stale.append((region.line, region.args))
        pieces += [text[position : region.start], body]
        position = region.end
    pieces.append(text[position:])
    return "".join(pieces), stale


def _inert_in_html(text: str, fmt: object) -> str:
    """Text for a region of an HTML page, never markup there: JSON (for a ``<script>``) with
    ``<``, ``>`` and ``&`` written as JSON escapes, which read the same and cannot end the
    element; plain text and CSV (for a ``<pre>``) with them as HTML's character references,
    which show as the characters. A dataset's "</pre><script>" is then text (trial 6)."""
    if fmt == Format.json:
        return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    import html

    return html.escape(text, quote=False)


def produce(args: str, where: str, data: str | None, allow_data: bool, path: str) -> str:
    """The output of ``hfs-info ARGS`` for a region (``where``: FILE:LINE, for errors)."""
    from hfs_info import actions

    try:
        words = shlex.split(args)
    except ValueError as exc:
        raise UsageError(f"{where}: cannot split the region's arguments: {exc}") from None
    command, data, params = _call(words, where, data, allow_data, path)
    try:
        result = actions.run(command, data, params, document=True)
    except DataError:
        raise  # the dataset file is wrong, not the region: its message names the file and line
    except HfsError as exc:  # e.g. a name no treatment has: the document is wrong, not a lookup
        raise UsageError(f"{where}: {exc}") from None
    text = result.text
    if params["fmt"] == Format.svg:
        # An inline <svg> in Markdown or HTML is an element: an XML declaration there is text
        # out of place (HTML reads it as a bogus comment).
        text = _XML_DECLARATION.sub("", text, count=1)
    elif _is_html(path):
        text = _inert_in_html(text, params["fmt"])
    if _MARKER.search(text) or _BEGUN.search(text):
        raise UsageError(f"{where}: the output holds a region marker, so it cannot be a region")
    return text


def _call(
    words: list[str], where: str, data: str | None, allow_data: bool, path: str
) -> tuple[str, str | None, dict[str, Any]]:
    """The call the command line's parser makes of ``words`` (command, dataset, parameters),
    once it is one content command with its own options; the format defaults to Markdown, and
    colour and pager are off (the output goes into a file)."""
    from pathlib import Path

    from hfs_info import quick

    if not words:
        raise UsageError(f"{where}: a region must name a command")
    # Of the whole tool's options only --data may come before the command: the others
    # (--debug, --color, --no-pager) are not the command's, and fill sets the display itself.
    lead = 1 if words[0].startswith("--data=") else 2 if words[0] == "--data" else 0
    if words[lead:][:1] and _is_option(words[lead]):
        raise UsageError(f"{where}: {words[lead]} is not allowed before the command in a region")
    call = quick.parse(words, {}, defaults={"fmt": None})
    if call is None:
        raise UsageError(f"{where}: {_refusal(words)}")
    command, region_data, params = call
    allowed = content_commands()
    if command not in allowed:
        names = ", ".join(sorted(allowed))
        shown = command or shlex.join(words)
        raise UsageError(f"{where}: '{shown}' cannot fill a region; use one of: {names}")
    if region_data is not None:
        if not allow_data:
            raise UsageError(f"{where}: --data in a region needs 'fill --allow-data'")
        # A region's dataset is found from the file it is written in, wherever fill runs.
        data = str(Path(path).parent / region_data)
    html = _is_html(path)
    if params.get("fmt") is None and not html:
        params["fmt"] = Format.markdown
    elif params.get("fmt") in (None, Format.markdown) and html:
        # Markdown in an HTML page shows as text ("# Symptoms"); a page is written by export
        raise UsageError(
            f"{where}: an HTML file's region needs --format svg, plain, json or csv (Markdown "
            f"would show as text); for a whole page use '{PROG} export -f html'"
        )
    elif params["fmt"] == Format.table:
        raise UsageError(
            f"{where}: --format table is for terminals; use markdown, plain, json, ..."
        )
    params["color"] = ColorChoice.never
    params["no_pager"] = True
    return command, data, params


def _is_option(word: str) -> bool:
    return word.startswith("-") and word != "-"


def _refusal(words: list[str]) -> str:
    """Why the parser would not take ``words`` as one command line, as well as can be said
    without running anything."""
    if "--" in words:
        return "-- is not allowed in a region: ARGS are one command and its own options"
    rest = list(words)
    while rest and rest[0].startswith("-"):
        word = rest.pop(0)
        if word.partition("=")[0] != "--data":
            return f"{word} is not allowed before the command in a region"
        if "=" not in word and rest:
            rest.pop(0)
    if not rest:
        return "a region must name a command"
    name, options = rest[0], rest[1:]
    allowed = content_commands()
    if name not in allowed:
        return f"'{name}' cannot fill a region; use one of: {', '.join(sorted(allowed))}"
    for word in options:
        option = word.partition("=")[0] if word.startswith("--") else word[:2]
        if word.startswith("-") and word != "-" and option not in allowed[name]:
            return f"{option} is not allowed in a region of '{name}'"
    return (
        f"{PROG} {shlex.join(words)} is not a command line a region can hold (a missing or "
        f"invalid value, or a word too many; see '{PROG} {name} --help')"
    )


@cache
def content_commands() -> dict[str, frozenset[str]]:
    """Each content command, with the option names it declares (from the command table that
    cli.py's declarations generate), --help left out: the commands whose output can fill a
    region. A content command is one whose --format offers the table for people; the commands
    that write documents, files or reports offer other formats."""
    from hfs_info.commandline import COMMANDS

    return {
        name: frozenset(n for option in command.options for n in option.names) - {"--help"}
        for name, command in COMMANDS.items()
        if "table" in command.formats
    }
