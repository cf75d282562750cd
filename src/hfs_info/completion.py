"""Shell completion: the candidates for treatment names, glossary terms and figure numbers, and
the options that print or install a shell's completion script (Typer's completion protocol)."""

# No ``from __future__ import annotations``: Typer reads the callbacks' annotations.
import os
import re
import sys
from enum import StrEnum
from typing import Annotated

import typer
import typer.completion

from hfs_info.errors import HfsError
from hfs_info.options import COMPLETE_VAR, PROG


class Shell(StrEnum):
    """Shells that ``--show-completion`` and ``--install-completion`` write scripts for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def _candidates(ctx: typer.Context, incomplete: str, kind: str) -> list[str]:
    from hfs_info import store

    try:
        ds = store.load(ctx.find_root().params.get("data"))
    except HfsError:
        return []
    if kind == "treatment":
        names = [n for t in ds.treatments for n in (t.id, *t.aliases)]
    elif kind == "figure":
        names = [str(f.number) for f in ds.figures]
    else:
        names = [n for e in ds.glossary for n in (e.term, *e.aliases)]
        names += [n for m in ds.medications for n in (m.generic, m.brand)]
    # Shells keep only candidates that start with what was typed, case and all; lookups ignore
    # case, so a candidate is offered in the typed case (``te`` offers ``tegretol`` for Tegretol).
    # A name with a control, invisible or line-breaking character is not offered: a shell would
    # put it on the command line raw, and a newline forges a second candidate.
    found = {
        n if n.startswith(incomplete) else _typed_case(n, incomplete)
        for n in names
        if n.casefold().startswith(incomplete.casefold()) and _typable(n)
    }
    if os.environ.get(COMPLETE_VAR) == "complete_bash":
        # bash puts a candidate on the line as it is: quote what the shell would split or
        # read (the space and apostrophe of Bell's palsy), as printf %q does. zsh and fish
        # quote candidates themselves.
        found = {re.sub(r"([^\w@%+=:,./-])", r"\\\1", n) for n in found}
    return sorted(found, key=str.casefold)


def _typable(name: str) -> bool:
    from hfs_info.text import one_line

    return "\t" not in name and one_line(name) == name


def _typed_case(name: str, typed: str) -> str:
    lower = name.casefold()
    return lower if lower.startswith(typed) else typed + name[len(typed) :]


def treatment(ctx: typer.Context, incomplete: str) -> list[str]:
    return _candidates(ctx, incomplete, "treatment")


def term(ctx: typer.Context, incomplete: str) -> list[str]:
    return _candidates(ctx, incomplete, "term")


def figure(ctx: typer.Context, incomplete: str) -> list[str]:
    return _candidates(ctx, incomplete, "figure")


def show(value: Shell | None) -> None:
    """--show-completion SHELL: print the script and end the run."""
    if value is not None:
        # typer.completion's helpers (re-exported there without __all__).
        script = typer.completion.get_completion_script(  # type: ignore[attr-defined]
            prog_name=PROG, complete_var=COMPLETE_VAR, shell=value.value
        )
        sys.stdout.write(script.rstrip("\n") + "\n")
        raise typer.Exit()


# Where Typer's --install-completion writes each shell's script, under the home folder.
INSTALLED_AT = {
    Shell.bash: f".bash_completions/{PROG}.sh",
    Shell.zsh: f".zfunc/_{PROG}",
    Shell.fish: f".config/fish/completions/{PROG}.fish",
}


def install(value: Shell | None) -> None:
    """--install-completion SHELL: install the script and end the run. A script that is a
    symbolic link (as the README's links for pipx and uv make) is refused: writing it would
    change the file it points to, the installed tool's own script (and, for uv, the copy in its
    cache, hard-linked to it)."""
    if value is not None:
        from pathlib import Path

        target = Path.home() / INSTALLED_AT[value]
        if target.is_symlink():
            from hfs_info.text import shown_name

            raise HfsError(
                f"cannot install {value} completion: {shown_name(str(target))} is a link to "
                f"{shown_name(str(target.readlink()))}, and writing there would change the file "
                "it points to; nothing was written (the link already loads completion if it "
                "points to the installed tool's script; remove it to install a copy instead)"
            )
        shell, path = typer.completion.install(  # type: ignore[attr-defined]
            shell=value.value, prog_name=PROG, complete_var=COMPLETE_VAR
        )
        sys.stdout.write(
            f"{shell} completion installed in {path}; it takes effect in a new shell\n"
        )
        raise typer.Exit()


# The options of the whole tool that act at once and end the run.
ShowOption = Annotated[
    Shell | None,
    typer.Option(
        "--show-completion",
        callback=show,
        is_eager=True,
        metavar="SHELL",
        help="Print the completion script for SHELL (bash, zsh or fish).",
        show_default=False,
    ),
]
InstallOption = Annotated[
    Shell | None,
    typer.Option(
        "--install-completion",
        callback=install,
        is_eager=True,
        metavar="SHELL",
        help="Install completion for SHELL (bash, zsh or fish).",
        show_default=False,
    ),
]
