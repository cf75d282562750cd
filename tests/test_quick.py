"""The quick parser (quick.py) against the Typer app it stands in for.

Three claims: its table of commands and options is the app's; whenever it answers for a command
line, the app would have handed ``actions.run`` exactly the same values; and it does answer for
the everyday lines (else the speed it exists for is lost without any test noticing).
Output equality over every golden case is checked in test_golden.py.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer._click import types as click_types  # typer 0.28 vendors click

from hfs_info import actions, cli, quick
from hfs_info.errors import HfsError


def _app_params() -> dict[str, Any]:
    """What the app declares: for each command, its options and arguments as quick describes
    them (names, parameter, default, kind, bounds)."""
    root = typer.main.get_command(cli.app)
    described: dict[str, Any] = {}
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        options, argument = [], None
        for param in command.params:
            if param.param_type_name == "argument":
                kind = int if isinstance(param.type, click_types.IntParamType) else str
                argument = quick.Argument(param.name, param.nargs == -1, param.required, kind)
                continue
            choices = getattr(param.type, "choices", None)
            if param.is_flag:
                kind = None
            elif choices:
                kind = type(param.default)  # the enum the app converts the choice to
                assert [member.value for member in kind] == list(choices)
            else:
                kind = int if isinstance(param.type, click_types.IntParamType) else str
            bounds = (param.type.min, param.type.max) if hasattr(param.type, "min") else None
            options.append(
                quick.Option(tuple(param.opts + param.secondary_opts), param.name,
                             param.default, kind, bounds)
            )  # fmt: skip
        described[name] = quick.Command(tuple(options), argument)
    return described


def test_the_table_of_commands_is_the_apps() -> None:
    assert _app_params() == quick.COMMANDS


def test_the_top_level_options_it_reads_are_the_apps() -> None:
    root = typer.main.get_command(cli.app)
    params = {p.name: p for p in root.params}
    assert params["data"].opts == ["--data"] and params["data"].envvar == quick.DATA_ENV
    assert params["debug"].opts == ["--debug"] and params["debug"].is_flag
    # Everything else at the top level (--version, completion, --help) is left to the app.
    assert set(params) == {"version", "debug", "data", "install_completion", "show_completion"}


# --- agreement on generated command lines ---------------------------------------------------

WORDS = [
    *quick.COMMANDS, "", "-", "--", "-h", "--help", "--version", "--debug", "--data", "--data=",
    "--data=x.toml", "x.toml", "--format", "--format=", "--format=json", "--format=JSON", "-f",
    "-fjson", "-fJSON", "-f=json", "-fjs", "--form", "-ftable", "--color", "--color=always",
    "never", "auto", "ALWAYS", "json", "plain", "markdown", "csv", "svg", "html", "table",
    "--explain", "--explain=1", "--no-explain", "--with-sources", "--chart", "--limit", "-n",
    "-n3", "-n0", "-n101", "--limit=100", "0", "1", "4", "5", "+3", " 7", "1_0", "٣", "x",
    "--output", "-o", "-o-", "-ofile.md", "--style", "-s", "bibtex", "RIS", "botox", "mvd",
    "Bell’s", "tic", "convulsif", "-x", "--bogus", "-fn", "[bold]", "\x1b[31m",
    "--shift-heading-level-by", "--shift-heading-level-by=2", "6", "-1", "auto", "--check",
    "--diff", "--allow-data", "doc.md",
]  # fmt: skip

word = st.sampled_from(WORDS) | st.text(max_size=8)


def values(option: quick.Option) -> st.SearchStrategy[str]:
    """Values for ``option``: mostly ones it takes (choices in any case, numbers near the
    bounds), some not."""
    if option.kind is int:
        good: st.SearchStrategy[str] = st.integers(-3, 130).map(str)
    elif option.kind is str:
        good = st.sampled_from(["out.md", "-", "x y"])
    else:
        members = [m.value for m in option.kind]  # type: ignore[union-attr]
        good = st.sampled_from(
            members + [m.upper() for m in members] + [m.title() for m in members]
        )
    return good | good | word


@st.composite
def option_words(draw: st.DrawFn, option: quick.Option) -> list[str]:
    """``option`` written in one of the forms click accepts (or a broken one)."""
    name = draw(st.sampled_from(option.names))
    if option.kind is None:
        return [draw(st.sampled_from([name, name, f"{name}=1"]))]
    value = draw(values(option))
    if name.startswith("--"):
        return draw(st.sampled_from([[name, value], [f"{name}={value}"], [name]]))
    return draw(st.sampled_from([[name, value], [name + value], [name]]))


@st.composite
def lines(draw: st.DrawFn) -> list[str]:
    """Mostly lines built from a command's own options and arguments, in any order, so that
    many examples are lines the quick parser answers for; some entirely free."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.lists(word, max_size=7))
    tops = st.sampled_from([["--debug"], ["--data", "e.toml"], ["--data=d.toml"], ["--data"]])
    top = [w for unit in draw(st.lists(tops, max_size=2)) for w in unit]
    name = draw(st.sampled_from(list(quick.COMMANDS)))
    command = quick.COMMANDS[name]
    arguments = st.sampled_from(["botox", "mvd", "tic", "2", "9", "", "-"]) | word
    rest: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        pick = draw(st.integers(0, 9))
        if pick <= 5 and command.options:
            rest += draw(option_words(draw(st.sampled_from(command.options))))
        elif pick <= 8 and command.argument is not None:
            rest.append(draw(arguments))
        else:
            rest.append(draw(word))
    return [*top, name, *rest]


environs = st.sampled_from([None, "", "env.toml"])


def _typer_call(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str | None, dict[str, Any]] | str:
    """What the Typer app hands to ``actions.run`` for ``args``, or how it refused them."""
    calls: list[tuple[str, str | None, dict[str, Any]]] = []

    def record(command: str, data: str | None, params: dict[str, Any]) -> actions.Output:
        calls.append((command, data, params))
        return actions.Output("")

    monkeypatch.setattr(actions, "run", record)
    try:
        result = cli.invoke(args)
    except HfsError as exc:
        return f"refused: {exc}"
    if not calls:
        return f"no command (exit {result})"
    (call,) = calls
    return call


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(args=lines(), env=environs)
def test_whenever_it_answers_the_app_agrees(
    args: list[str], env: str | None, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    if env is None:
        monkeypatch.delenv(quick.DATA_ENV, raising=False)
    else:
        monkeypatch.setenv(quick.DATA_ENV, env)
    answer = quick.parse(args, os.environ)
    if answer is None:
        return
    assert _typer_call(args, monkeypatch) == answer
    capsys.readouterr()


EVERYDAY = [
    [],
    ["treatments"],
    ["treatments", "botox", "--format", "json"],
    ["glossary", "mvd"],
    ["glossary", "tic", "convulsif", "-f", "plain"],
    ["glossary", "botox", "--format=json", "--color", "never"],
    ["stats", "--format", "csv"],
    ["stats", "--chart", "--with-sources", "-fmarkdown"],
    ["search", "how", "long", "does", "botox", "last", "-n", "3"],
    ["figures", "2", "--format", "svg"],
    ["export", "--format", "html", "-o", "page.html"],
    ["export", "-o", "page.html", "--shift-heading-level-by", "1"],
    ["overview", "-f", "markdown", "--shift-heading-level-by=2"],
    ["fill", "--check", "handout.md", "notes.md"],
    ["cite", "--style", "bibtex"],
    ["schema"],
    ["validate", "edition.toml", "-f", "json"],
    ["--data", "edition.toml", "symptoms", "--explain"],
    ["--debug", "overview"],
]


@pytest.mark.parametrize("args", EVERYDAY, ids=lambda a: " ".join(a) or "(home)")
def test_it_answers_for_everyday_lines_as_the_app_would(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(quick.DATA_ENV, raising=False)
    answer = quick.parse(args, os.environ)
    assert answer is not None
    assert _typer_call(args, monkeypatch) == answer


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["glossary", "--help"],
        ["-h"],
        ["--version"],
        ["glossary", "--", "-x"],
        ["glossary", "--bogus"],
        ["stats", "extra"],
        ["search"],
        ["figures", "one"],
        ["figures", "1", "2"],
        ["search", "x", "--limit", "0"],
        ["glossary", "-f", "yaml"],
        ["glossary", "--format"],
        ["--format", "json", "glossary"],
        ["nosuchcommand"],
        ["stats", "--chart=yes"],
    ],
    ids=" ".join,
)
def test_it_leaves_help_and_mistakes_to_the_app(args: list[str]) -> None:
    assert quick.parse(args, {}) is None


def test_completion_is_left_to_the_app() -> None:
    assert quick.parse(["glossary"], {"_HFS_INFO_COMPLETE": "complete_bash"}) is None


def test_the_data_variable_is_read_as_click_reads_it() -> None:
    assert quick.parse(["stats"], {"HFS_INFO_DATA": "e.toml"}) == (
        "stats",
        "e.toml",
        quick.parse(["stats"], {})[2],  # type: ignore[index]
    )
    assert quick.parse(["stats"], {"HFS_INFO_DATA": ""})[1] is None  # type: ignore[index]
    given_wins = quick.parse(["--data", "a.toml", "stats"], {"HFS_INFO_DATA": "e.toml"})
    assert given_wins is not None and given_wins[1] == "a.toml"
