"""Files generated from the one declaration of the commands (the Typer app) stay in step with it."""

from __future__ import annotations

from pathlib import Path

from hfs_info import clidocs

ROOT = Path(__file__).parents[1]


def test_command_table_matches_the_app() -> None:
    """src/hfs_info/commandline.py is what ``python -m hfs_info.clidocs table`` prints."""
    checked_in = (ROOT / "src" / "hfs_info" / "commandline.py").read_text("utf-8")
    assert checked_in == clidocs.command_table(), (
        "the command table is out of date: "
        "python -m hfs_info.clidocs table > src/hfs_info/commandline.py"
    )


def test_command_table_lists_every_command_and_option() -> None:
    import typer

    from hfs_info.cli import app
    from hfs_info.commandline import COMMANDS

    group = typer.main.get_command(app)
    assert list(COMMANDS) == list(group.commands)  # type: ignore[attr-defined]
    for name, command in COMMANDS.items():
        declared = {
            opt
            for param in group.commands[name].params  # type: ignore[attr-defined]
            if param.param_type_name == "option" and param.name != "help"
            for opt in param.opts
        }
        assert {n for option in command.options for n in option.names} == declared, name
