"""Generate docs/cli.md, the reference of every command and option, from the app itself.

Run ``python -m hfs_info.clidocs > docs/cli.md``; tests/test_formats.py fails when the file no
longer matches what this prints, so the reference cannot drift from the code.
"""

from __future__ import annotations

import inspect
from typing import Any

import typer

from hfs_info.cli import app
from hfs_info.entry import PROG


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


if __name__ == "__main__":
    print(generate(), end="")
