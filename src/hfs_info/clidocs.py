"""Generate, from the one declaration of the commands (the Typer app in cli.py), the files that
others read without loading Typer:

- ``python -m hfs_info.clidocs > docs/cli.md``: the reference of every command and option;
- ``python -m hfs_info.clidocs table > src/hfs_info/commandline.py``: the command table that the
  quick parser (quick.py) and the home screen read.

tests/test_clidocs.py fails when a checked-in file no longer matches what this prints, so
neither can drift from the code. Only typer's public API is used (``typer.main.get_command``
and the click objects it returns).
"""

from __future__ import annotations

import inspect
import sys
from enum import StrEnum
from typing import Any

import typer

from hfs_info import options
from hfs_info.cli import app
from hfs_info.options import PROG


def _param_line(param: Any) -> str:
    names = ", ".join(f"`{n}`" for n in [*param.opts, *param.secondary_opts])
    kind = getattr(param.type, "choices", None)
    choices = f" One of: {', '.join(f'`{c}`' for c in kind)}." if kind else ""
    default = param.default
    shown = ""
    if param.param_type_name == "option" and default not in (None, False, ()):
        shown = f" Default: `{getattr(default, 'value', default)}`."
    envvar = f" Environment: `{param.envvar}`." if getattr(param, "envvar", None) else ""
    text = (getattr(param, "help", None) or "").strip()
    if param.param_type_name == "argument":
        names = f"`{param.human_readable_name.upper()}`"
    return f"- {names}: {text}{choices}{shown}{envvar}".rstrip()


def generate() -> str:
    group = typer.main.get_command(app)
    lines = [
        f"# `{PROG}` command reference",
        "",
        "Generated from the application by `python -m hfs_info.clidocs > docs/cli.md`; "
        "a test fails when this file no longer matches.",
        "",
        f"## `{PROG}`",
        "",
        inspect.cleandoc(group.help or ""),
        "",
        *(_param_line(p) for p in group.params if p.name != "help"),
        "",
    ]
    ctx = typer.Context(group, info_name=PROG)
    for name in group.list_commands(ctx):  # type: ignore[attr-defined]
        command = group.get_command(ctx, name)  # type: ignore[attr-defined]
        sub = typer.Context(command, info_name=name, parent=ctx)
        usage = " ".join(command.collect_usage_pieces(sub))
        lines += [
            f"## `{PROG} {name}`",
            "",
            f"Usage: `{PROG} {name} {usage}`",
            "",
            inspect.cleandoc(command.help or ""),
            "",
            *(_param_line(p) for p in command.params if p.name not in ("help", "ctx")),
            "",
        ]
    return "\n".join(lines)


def _commands() -> list[tuple[str, Any]]:
    group = typer.main.get_command(app)
    ctx = typer.Context(group, info_name=PROG)
    names = group.list_commands(ctx)  # type: ignore[attr-defined]
    return [(name, group.get_command(ctx, name)) for name in names]  # type: ignore[attr-defined]


def _literal(value: Any) -> str:
    """``value`` as Python source, as ruff formats it: an enum member by its class, strings in
    double quotes, tuples with their trailing comma."""
    if isinstance(value, StrEnum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, tuple):
        items = ", ".join(_literal(v) for v in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    return repr(value)


def _choice_enum(param: Any) -> type[StrEnum]:
    """The enum (options.py) whose members a choice option takes: its default's class, or for an
    option without a default, the one enum with exactly its choices."""
    if isinstance(param.default, StrEnum):
        return type(param.default)
    wanted = list(param.type.choices)
    (found,) = [
        value
        for value in vars(options).values()
        if isinstance(value, type)
        and issubclass(value, StrEnum)
        and value is not StrEnum
        and [m.value for m in value] == wanted
    ]
    return found


def _option_row(param: Any) -> tuple[str, set[str]]:
    """The ``Option(...)`` source of a click option, and the enum classes it names."""
    names = _literal((*param.opts, *param.secondary_opts))
    enums: set[str] = set()
    bounds = ""
    if param.is_flag:
        kind, default = "None", "False"
    elif getattr(param.type, "choices", None) is not None:
        kind = _choice_enum(param).__name__
        enums.add(kind)
        default = _literal(param.default)
    elif param.type.name.startswith("int"):  # click's INT ("integer") or an IntRange
        kind, default = "int", repr(param.default)
        if hasattr(param.type, "min"):
            bounds = f", ({param.type.min}, {param.type.max})"
    else:
        kind, default = "str", repr(param.default)
    return f"Option({names}, {_literal(param.name)}, {default}, {kind}{bounds})", enums


def _argument_row(param: Any) -> str:
    many = param.nargs == -1
    kind = "int" if param.type.name.startswith("int") else "str"
    name = _literal(param.name)
    return f"Argument({name}, many={many}, required={param.required}, kind={kind})"


def _usage(name: str, command: Any) -> str:
    """``treatments [NAME]``, ``search QUERY``: the name and its argument, as the home screen
    and the command list show them."""
    for param in command.params:
        if param.param_type_name == "argument":
            word = (param.metavar or param.name.upper()).strip("[]").removesuffix("...")
            return f"{name} {word}" if param.required else f"{name} [{word}]"
    return name


def command_table() -> str:
    """The source of commandline.py."""
    group = typer.main.get_command(app)
    rows: list[str] = []
    enums: set[str] = set()
    for name, command in _commands():
        options = []
        argument = "None"
        for param in command.params:
            if param.param_type_name == "argument":
                argument = _argument_row(param)
            elif param.name != "help":
                row, named = _option_row(param)
                options.append(row)
                enums |= named
        if len(options) > 1:
            listed = ["        options=(", *(f"            {o}," for o in options), "        ),"]
        else:
            listed = [f"        options=({''.join(f'{o},' for o in options)}),"]
        rows += [
            f"    {_literal(name)}: Command(",
            f"        usage={_literal(_usage(name, command))},",
            f"        summary={_literal(command.short_help)},",
            *listed,
            f"        argument={argument},",
            "    ),",
        ]
    # The options of the whole tool that carry a value or a flag into every run (--version and
    # the completion options act at once and end the run: the app handles them).
    root = [
        _option_row(p)[0]
        for p in group.params
        if p.name not in (None, "help") and not p.is_eager and "completion" not in p.name
    ]
    header = [
        '"""The command table: every command with its usage line, summary, options and argument.',
        "",
        "GENERATED from the Typer app in cli.py by `python -m hfs_info.clidocs table`: do not",
        "edit. tests/test_clidocs.py fails when this file no longer matches the app.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from hfs_info.options import (",
        *(f"    {name}," for name in sorted({"Argument", "Command", "Option", *enums})),
        ")",
        "",
        "ROOT_OPTIONS: tuple[Option, ...] = (",
        *(f"    {row}," for row in root),
        ")",
        "",
        "COMMANDS: dict[str, Command] = {",
    ]
    return "\n".join([*header, *rows, "}", ""])


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "markdown"
    print(command_table() if what == "table" else generate(), end="")
