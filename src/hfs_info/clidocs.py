"""Generate, from the one declaration of the commands (the Typer app in cli.py), the files that
others read without loading Typer:

- ``python -m hfs_info.clidocs > docs/cli.md``: the reference of every command and option;
- ``python -m hfs_info.clidocs --man > man/hfs-info.1``: the manual page;
- ``python -m hfs_info.clidocs completion bash > completions/hfs-info`` (and ``zsh >
  completions/_hfs-info``, ``fish > completions/hfs-info.fish``): the completion scripts the
  wheel installs where the shells look for them (share/bash-completion/completions,
  share/zsh/site-functions, share/fish/vendor_completions.d);
- ``python -m hfs_info.clidocs table > src/hfs_info/commandline.py``: the command table that the
  quick parser (quick.py) and the home screen read.

The reference and the manual page both come from ``reference()``. Tests (tests/test_clidocs.py,
tests/test_formats.py, tests/test_packaging.py) fail when a checked-in file no longer matches
what this prints, so none can drift from the code. Only typer's public API is used
(``typer.main.get_command`` and the click objects it returns).
"""

from __future__ import annotations

import inspect
import re
import sys
import typing
from enum import StrEnum
from typing import Any, NamedTuple

import typer

from hfs_info import __version__, cli, options
from hfs_info.cli import plain_usage
from hfs_info.display import PAGER_ENV
from hfs_info.errors import ExitStatus
from hfs_info.options import COMPLETE_VAR, PROG
from hfs_info.preferences import FORMAT_ENV
from hfs_info.terminal import MAX_WIDTH, MIN_WIDTH

MARKDOWN_COMMAND = "python -m hfs_info.clidocs > docs/cli.md"
MAN_COMMAND = "python -m hfs_info.clidocs --man > man/hfs-info.1"

# The date of the release the manual page documents (its .TH line): change it with the version.
MAN_DATE = "2026-12-07"
# The completion scripts: the file each shell's loader looks for, under completions/.
COMPLETION_FILES = {"bash": "hfs-info", "zsh": "_hfs-info", "fish": "hfs-info.fish"}
# The user's preferences file (written by hand; the tool only reads it).
CONFIG_FILE = "$XDG_CONFIG_HOME/hfs-info/config.toml"
# The manual's DESCRIPTION after the help's first paragraph: what a reader needs before the
# options, in sentences.
MAN_DESCRIPTION = (
    "Each command shows one part of the guide: run hfs-info alone for the list of commands, "
    "and hfs-info help COMMAND (or hfs-info COMMAND --help) for the options of one. On a "
    "terminal the output is a table for people, paged when it is longer than the screen; "
    "--format plain, markdown or json (csv or svg where a command offers them) give output "
    "for scripts and documents, without the terminal's colour or layout.",
    "Every screen of content ends with the guide's notice: it is general information, not "
    "medical advice. The content paraphrases the guide, whose rights are the Mayfield "
    "Clinic's; nothing is added that the guide does not say.",
)
# The manual's EXAMPLES: a command line and what it does.
MAN_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("hfs-info treatments", "The three treatments side by side."),
    ("hfs-info treatments botox", "One treatment in full, by name or alias."),
    ("hfs-info glossary mvd", "One term of the glossary, by term or alias, in any case."),
    (
        "hfs-info search how long does botox last",
        "Answer a question in everyday words: the best match in full, then every match.",
    ),
    ("hfs-info stats --format csv > numbers.csv", "Every number in the guide, for a spreadsheet."),
    ("hfs-info glossary --format json", "The glossary as JSON (its schema: hfs-info schema)."),
    ("hfs-info export -o hfs.html", "The whole reference as one standalone HTML page."),
    (
        "hfs-info fill --check notes.md",
        "Exit 1 if the hfs-info regions of notes.md are out of date (fill notes.md updates them).",
    ),
    ("hfs-info --show-completion bash", "Print the bash completion script."),
)
# The manual's SEE ALSO.
MAN_SEE_ALSO = (
    "\\fBless\\fR(1), \\fBman\\fR(1). The project's README.md and docs/cli.md (the same "
    "reference as this page, in Markdown), in its source repository and source distribution; "
    'hfs-info help COMMAND. The guide itself: "Hemifacial Spasm", Mayfield Certified Health '
    "Info, Mayfield Clinic (hfs-info sources gives its details)."
)

# What each exit status means (the numbers are errors.ExitStatus).
EXIT_STATUS: tuple[tuple[ExitStatus, str], ...] = (
    (ExitStatus.OK, "The output was written."),
    (ExitStatus.NOT_FOUND, "A lookup or search found nothing; the message is on stderr."),
    (
        ExitStatus.ERROR,
        "A usage error (unknown option or format, empty or over-long query), a dataset error "
        "or a write error.",
    ),
    (ExitStatus.INTERRUPTED, "Interrupted (Ctrl-C)."),
)
# Variables read by the terminal layer (terminal.py), besides those of options (--data).
ENVIRONMENT: tuple[tuple[str, str], ...] = (
    ("COLUMNS", f"The width to lay tables out for, clamped to {MIN_WIDTH} to {MAX_WIDTH} columns."),
    (
        FORMAT_ENV,
        "The preferred output format (e.g. plain), for the commands that can write it; "
        "--format wins, and it wins over the config file's format.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no colour (--color and the config file's color win).",
    ),
    ("FORCE_COLOR", "When set and not empty, colour even when not writing to a terminal."),
    ("TERM", "dumb: no colour and no cursor movement, as with NO_COLOR."),
    (
        PAGER_ENV,
        "The pager for output longer than the terminal (e.g. 'less -R'); empty or 'cat' for "
        "none. Else the config file's pager, else PAGER, else 'less -FRX' (or 'more'). Only "
        "when writing to a terminal.",
    ),
    ("PAGER", f"The pager, when neither {PAGER_ENV} nor the config file names one."),
    (
        "XDG_CONFIG_HOME",
        f"Where the config file is: $XDG_CONFIG_HOME/{PROG}/config.toml, else "
        f"~/.config/{PROG}/config.toml (keys format, color and pager; docs/preferences.md).",
    ),
)


class Param(NamedTuple):
    names: tuple[str, ...]  # an option's spellings, or an argument's metavar
    value: str | None  # the metavar of an option that takes a value
    text: str
    choices: tuple[str, ...]
    default: str | None
    envvar: str | None
    argument: bool


class Command(NamedTuple):
    name: str  # "" for the program itself
    usage: str
    text: str
    params: tuple[Param, ...]


def _param(param: Any) -> Param:
    choices = tuple(str(c) for c in getattr(param.type, "choices", None) or ())
    text = (getattr(param, "help", None) or "").strip()
    if param.param_type_name == "argument":
        name = param.human_readable_name.upper()
        return Param((name,), None, text, choices, None, None, True)
    takes_value = not getattr(param, "is_flag", False) and not getattr(param, "count", False)
    long = next((o for o in param.opts if o.startswith("--")), param.opts[0])
    value = (param.metavar or long.lstrip("-").upper()) if takes_value else None
    default = param.default
    shown = None
    if default not in (None, False, ()):
        shown = str(getattr(default, "value", default))
    envvar = getattr(param, "envvar", None)
    names = (*param.opts, *param.secondary_opts)
    return Param(names, value, text, choices, shown, envvar, False)


def reference() -> tuple[Command, ...]:
    """The program and each of its commands, in the order `hfs-info --help` lists them."""
    group = cli.click_app()
    ctx = typer.Context(group, info_name=PROG)
    shown = [p for p in group.params if p.name != "help"]
    commands = [
        Command(
            "",
            plain_usage(" ".join(group.collect_usage_pieces(ctx))),
            inspect.cleandoc(group.help or ""),
            tuple(_param(p) for p in shown),
        )
    ]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        sub = typer.Context(command, info_name=name, parent=ctx)
        params = [p for p in command.params if p.name not in ("help", "ctx")]
        commands.append(
            Command(
                name,
                plain_usage(" ".join(command.collect_usage_pieces(sub))),
                inspect.cleandoc(command.help or ""),
                tuple(_param(p) for p in params),
            )
        )
    return tuple(commands)


# --- Markdown (docs/cli.md) ------------------------------------------------------------------


def _markdown_param(param: Param) -> str:
    names = ", ".join(f"`{n}`" for n in param.names)
    if param.value:
        names += f" `{param.value}`"
    choices = f" One of: {', '.join(f'`{c}`' for c in param.choices)}." if param.choices else ""
    default = f" Default: `{param.default}`." if param.default is not None else ""
    envvar = f" Environment: `{param.envvar}`." if param.envvar else ""
    return f"- {names}: {param.text}{choices}{default}{envvar}".rstrip()


def _markdown_text(text: str) -> str:
    """Help text as Markdown: a paragraph that click keeps as written (marked ``\\b``, such as
    an example) becomes a code block instead of carrying a raw backspace character; an HTML
    comment elsewhere (fill's region markers) becomes inline code, shown as typed."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        kept = paragraph.lstrip("\n")
        if kept.startswith("\b\n"):
            paragraph = (
                "```\n"
                + "\n".join(line.rstrip() for line in kept[2:].rstrip().split("\n"))
                + "\n```"
            )
        else:  # an HTML comment (fill's markers) would vanish from the page, or act as one
            paragraph = re.sub(r"<!--.*?-->", lambda m: f"`{m.group(0)}`", paragraph, flags=re.S)
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def generate() -> str:
    """docs/cli.md."""
    program, *commands = reference()
    lines = [
        f"# `{PROG}` command reference",
        "",
        f"Generated from the application by `{MARKDOWN_COMMAND}` (the man page, from the same "
        f"data: `{MAN_COMMAND}`); a test fails when either file no longer matches.",
        "",
        f"## `{PROG}`",
        "",
        f"Usage: `{PROG} {program.usage}`",
        "",
        _markdown_text(program.text),
        "",
        *(_markdown_param(p) for p in program.params),
        "",
    ]
    for command in commands:
        lines += [
            f"## `{PROG} {command.name}`",
            "",
            f"Usage: `{PROG} {command.name} {command.usage}`",
            "",
            _markdown_text(command.text),
            "",
            *(_markdown_param(p) for p in command.params),
            "",
        ]
    lines += ["## Environment", ""]
    lines += [f"- `{name}`: {text}" for name, text in _environment(program, commands)]
    lines += ["", "## Exit status", ""]
    lines += [f"- `{int(status)}`: {text}" for status, text in EXIT_STATUS]
    lines.append("")
    return "\n".join(lines)


def _environment(program: Command, commands: list[Command]) -> list[tuple[str, str]]:
    from_options = [
        (p.envvar, f"{p.text.rstrip('.')}, when {p.names[0]} is not given.")
        for command in (program, *commands)
        for p in command.params
        if p.envvar
    ]
    return [*from_options, *ENVIRONMENT]


# --- the man page (man/hfs-info.1) -----------------------------------------------------------


def _roff(text: str) -> str:
    """``text`` as roff input: backslashes and minus signs escaped (so options copy as typed),
    and no line that roff would read as a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in escaped.split("\n")
    )


def _roff_paragraphs(text: str) -> list[str]:
    """Paragraphs of help text; one that click keeps as written (marked ``\\b``, such as an
    example) stays as written, without filling."""
    out: list[str] = []
    for n, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
        if n:
            out.append(".PP")
        if paragraph.lstrip("\n").startswith("\b\n"):
            lines = paragraph.lstrip("\n")[2:].rstrip().split("\n")
            out += [".nf", ".RS 2", *(_roff(line) for line in lines), ".RE", ".fi"]
        else:
            out.append(_roff(paragraph.strip()))
    return out


def _man_param(param: Param) -> list[str]:
    if param.argument:
        head = f"\\fI{_roff(param.names[0])}\\fR"
    else:
        head = ", ".join(f"\\fB{_roff(n)}\\fR" for n in param.names)
        if param.value:
            head += f" \\fI{_roff(param.value)}\\fR"
    text = param.text
    if param.choices:
        text += f" One of: {', '.join(param.choices)}."
    if param.default is not None:
        text += f" Default: {param.default}."
    if param.envvar:
        text += f" Environment: {param.envvar}."
    return [".TP", head, _roff(text.strip())]


def manpage() -> str:
    """man/hfs-info.1, the manual page in roff (man macros)."""
    program, *commands = reference()
    # NAME is one short line (whatis and apropos show it): the help's opening words.
    name_line = program.text.split(". ")[0].split(", ")[0].rstrip(".")
    lines = [
        f'.\\" Generated from the application by {MAN_COMMAND}; do not edit.',
        f'.TH {_roff(PROG.upper())} 1 "{MAN_DATE}" "{_roff(PROG)} {__version__}" "User Commands"',
        # Ragged right and no hyphenation: medical words are never broken across lines.
        ".ad l",
        ".nh",
        ".SH NAME",
        f"{_roff(PROG)} \\- {_roff(name_line[:1].lower() + name_line[1:])}",
        ".SH SYNOPSIS",
        f".B {_roff(PROG)}",
        _roff(program.usage),
        ".br",
        f".B {_roff(PROG)}",
        "\\fICOMMAND\\fR \\fB\\-\\-help\\fR",
        ".SH DESCRIPTION",
        # The help's first paragraph; its list of two commands reads as sentences here.
        _roff(program.text.split("\n\n")[0].strip()),
        *(line for text in MAN_DESCRIPTION for line in (".PP", _roff(text))),
        ".SH OPTIONS",
        *(line for p in program.params for line in _man_param(p)),
        ".SH COMMANDS",
    ]
    for command in commands:
        lines += [
            f'.SS "{_roff(PROG)} {_roff(command.name)}"',
            f"{_roff(PROG)} {_roff(command.name)} {_roff(command.usage)}",
            ".PP",
            *_roff_paragraphs(command.text),
            *(line for p in command.params for line in _man_param(p)),
        ]
    lines.append(".SH EXIT STATUS")
    for status, text in EXIT_STATUS:
        lines += [".TP", f"\\fB{int(status)}\\fR", _roff(text)]
    lines.append(".SH ENVIRONMENT")
    for name, text in _environment(program, commands):
        lines += [".TP", f"\\fB{_roff(name)}\\fR", _roff(text)]
    lines += [
        ".SH FILES",
        ".TP",
        f"\\fI{_roff(CONFIG_FILE)}\\fR",
        _roff(
            "Your preferences, in TOML, all optional (without XDG_CONFIG_HOME: "
            "~/.config/hfs-info/config.toml): "
            'format (e.g. "plain"), color (auto, always or never) and pager (a command line; '
            '"" or "cat" for none). --format and HFS_INFO_FORMAT win over the format, --color '
            "over the color (which wins over NO_COLOR and FORCE_COLOR), --no-pager and "
            "HFS_INFO_PAGER over the pager. An unknown key or value is an error (exit status "
            "2), not ignored."
        ),
    ]
    lines.append(".SH EXAMPLES")
    for example, text in MAN_EXAMPLES:
        lines += [".TP", f"\\fB{_roff(example)}\\fR", _roff(text)]
    lines += [".SH SEE ALSO", MAN_SEE_ALSO.replace("-", "\\-")]
    lines.append("")
    return "\n".join(lines)


# --- completion scripts (completions/) -------------------------------------------------------

# typer's zsh script defines the function and registers it with compdef, which suits `source`
# or eval but not a file that zsh autoloads from site-functions: there the file's body runs as
# the completion function itself, on the first completion. Run it at once when autoloaded.
_ZSH_AUTOLOAD = """if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _hfs_info_completion "$@"
else
  compdef _hfs_info_completion hfs-info
fi"""


def completion(shell: str) -> str:
    """The completion script for ``shell`` (bash, zsh or fish), as ``--show-completion`` prints
    it, made a file the shell's completion loader can read."""
    import typer.completion

    script: str = typer.completion.get_completion_script(  # type: ignore[attr-defined]
        prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell
    )
    script = script.rstrip("\n") + "\n"
    if shell == "zsh":
        script = script.replace(f"compdef _hfs_info_completion {PROG}\n", _ZSH_AUTOLOAD + "\n")
    head = "#" if shell != "zsh" else "#compdef hfs-info\n#"
    if shell == "zsh":
        script = script.removeprefix("#compdef hfs-info\n")
    note = (
        f" {PROG} completion for {shell}. Generated from the application by "
        f"python -m hfs_info.clidocs completion {shell}; do not edit.\n"
    )
    return head + note + script


def _commands() -> list[tuple[str, Any]]:
    group = cli.click_app()
    ctx = typer.Context(group, info_name=PROG)
    names = group.list_commands(ctx)
    return [(name, group.get_command(ctx, name)) for name in names]


def _literal(value: Any) -> str:
    """``value`` as Python source: an enum member by its class, anything else by ``repr``."""
    if isinstance(value, StrEnum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, tuple):
        items = ", ".join(_literal(v) for v in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    return repr(value)


def _choice_enum(callback: Any, param: Any) -> tuple[type[StrEnum], tuple[str, ...] | None]:
    """The enum (options.py) whose members a choice option takes, and the values it takes of
    them when not all. Read from the command function's annotation; the display option --format
    (parameter ``fmt``) takes some members of Format, listed in cli.WRITES."""
    if param.name == "fmt":
        return options.Format, tuple(str(choice) for choice in param.type.choices)
    hint = typing.get_type_hints(callback.__wrapped__)[param.name]
    enum: type[StrEnum]
    (enum,) = [t for t in (typing.get_args(hint) or (hint,)) if t is not type(None)]
    if vars(options).get(enum.__name__) is not enum:
        raise LookupError(f"{param.name}: its choices are not an enum of options.py: {enum}")
    return enum, None


def _option_row(callback: Any, param: Any) -> tuple[str, set[str]]:
    """The ``Option(...)`` source of a click option, and the enum classes it names."""
    names = _literal((*param.opts, *param.secondary_opts))
    enums: set[str] = set()
    extra = ""
    if param.is_flag:
        kind, default = "None", "False"
    elif getattr(param.type, "choices", None) is not None:
        enum, choices = _choice_enum(callback, param)
        kind = enum.__name__
        enums.add(kind)
        default = _literal(enum(param.default)) if param.default is not None else "None"
        if choices is not None:
            extra = f", choices={_literal(choices)}"  # a keyword: the range comes before it
    elif param.type.name.startswith("int"):  # click's INT ("integer") or an IntRange
        kind, default = "int", repr(param.default)
        if hasattr(param.type, "min"):
            extra = f", bounds={_literal((param.type.min, param.type.max))}"
    else:
        kind, default = "str", repr(param.default)
    return f"Option({names}, {param.name!r}, {default}, {kind}{extra})", enums


def _argument_row(param: Any) -> str:
    many = param.nargs == -1
    kind = "int" if param.type.name.startswith("int") else "str"
    return f"Argument({param.name!r}, many={many}, required={param.required}, kind={kind})"


def _usage(name: str, command: Any) -> str:
    """``treatments [NAME]``, ``search QUERY``: the name and its argument, as the home screen
    and the command list show them."""
    for param in command.params:
        if param.param_type_name == "argument":
            word = (param.metavar or param.name.upper()).strip("[]").removesuffix("...")
            return f"{name} {word}" if param.required else f"{name} [{word}]"
    return name


IMPORTED = ("Argument", "Command", "Option")


def command_table() -> str:
    """The source of commandline.py: plain data, one option a line. The file is left out of
    ruff (pyproject.toml), so what it holds does not depend on the formatter's version."""
    group = cli.click_app()
    rows: list[str] = []
    enums: set[str] = set()
    for name, command in _commands():
        options = []
        argument = "None"
        for param in command.params:
            if param.param_type_name == "argument":
                argument = _argument_row(param)
            elif param.name != "help":
                row, named = _option_row(command.callback, param)
                options.append(f"        {row},")
                enums |= named
        rows += [
            f"    {name!r}: Command(",
            f"        {_usage(name, command)!r},",
            f"        {command.short_help!r},",
            *(["        (", *(f"    {row}" for row in options), "        ),"] if options else []),
            *([] if options else ["        (),"]),
            f"        {argument},",
            "    ),",
        ]
    # The options of the whole tool that carry a value or a flag into every run (--version and
    # the completion options act at once and end the run: the app handles them).
    root = []
    for p in group.params:
        if p.name not in (None, "help") and not p.is_eager and "completion" not in p.name:
            row, named = _option_row(group.callback, p)
            root.append(f"    {row},")
            enums |= named
    header = [
        '"""The command table: every command with its usage line, summary, options and argument.',
        "",
        "GENERATED from the Typer app in cli.py by `python -m hfs_info.clidocs table`: do not",
        "edit. tests/test_clidocs.py fails when this file no longer matches the app.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f"from hfs_info.options import {', '.join(sorted({*IMPORTED, *enums}))}",
        "",
        "ROOT_OPTIONS: tuple[Option, ...] = (",
        *root,
        ")",
        "",
        "COMMANDS: dict[str, Command] = {",
    ]
    return "\n".join([*header, *rows, "}", ""])


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "markdown"
    if what == "completion":
        print(completion(sys.argv[2]), end="")
    else:
        print({"table": command_table, "--man": manpage}.get(what, generate)(), end="")
