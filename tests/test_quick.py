"""The quick parser (quick.py) against the Typer app it stands in for.

Two claims: whenever it answers for a command line, the app would have handed the same handler
exactly the same values; and it does answer for the everyday lines (else the speed it exists for
is lost without any test noticing). That its table is the app's is tests/test_clidocs.py.
Only typer's public API is used.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_info import actions, cli, quick
from hfs_info.commandline import COMMANDS
from hfs_info.errors import HfsError
from hfs_info.options import DATA_ENV, Option
from tests.depth import examples

# --- agreement on generated command lines ---------------------------------------------------

WORDS = [
    *COMMANDS, "", "-", "--", "-h", "--help", "--version", "--debug", "--data", "--data=",
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


def values(option: Option) -> st.SearchStrategy[str]:
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
def option_words(draw: st.DrawFn, option: Option) -> list[str]:
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
    name = draw(st.sampled_from(list(COMMANDS)))
    command = COMMANDS[name]
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


# The functions the Typer app calls, by name: the topic handler, the home screen, and each
# command's own (taken once, before any test replaces them).
HANDLERS = {
    name: getattr(actions, name)
    for name in ("home", "topic", *COMMANDS)
    if name not in actions.PROSE_TOPICS and name in ("home", "topic", *actions.HANDLERS)
}
Call = tuple[str, str | None, dict[str, Any]]


def _recorder(name: str, calls: list[Call]) -> Any:
    """A handler that records what it is given: (command, data, {display, own parameters})."""

    def record(data: str | None, display: Any, **own: Any) -> actions.Result:
        command = own.pop("name") if name == "topic" else name
        calls.append(("" if command == "home" else command, data, {"display": display, **own}))
        return actions.Result("")

    return record


def _typer_call(args: list[str], monkeypatch: pytest.MonkeyPatch) -> Call | str:
    """What the Typer app hands to a handler for ``args``, or how it refused them."""
    calls: list[Call] = []
    for name in HANDLERS:
        monkeypatch.setattr(actions, name, _recorder(name, calls))
    # The commands declared from a table call their handler through HANDLERS.
    recorders = {name: _recorder(name or "home", calls) for name in actions.HANDLERS}
    monkeypatch.setattr(actions, "HANDLERS", recorders)
    try:
        result = cli.invoke(args)
    except HfsError as exc:
        return f"refused: {exc}"
    if not calls:
        return f"no command (exit {result})"
    (call,) = calls
    return call


def _quick_call(answer: Any, monkeypatch: pytest.MonkeyPatch) -> Call:
    """What the handler is handed when ``actions.run`` runs the quick parser's ``answer``."""
    calls: list[Call] = []
    recorders = {name: _recorder(name or "home", calls) for name in actions.HANDLERS}
    monkeypatch.setattr(actions, "HANDLERS", recorders)
    actions.run(*answer)
    (call,) = calls
    return call


@settings(
    max_examples=examples(400),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(args=lines(), env=environs)
def test_whenever_it_answers_the_app_agrees(
    args: list[str], env: str | None, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    if env is None:
        monkeypatch.delenv(DATA_ENV, raising=False)
    else:
        monkeypatch.setenv(DATA_ENV, env)
    answer = quick.parse(args, os.environ)
    if answer is None or answer[0] not in actions.HANDLERS:  # entry.run leaves those to the app
        return
    assert _typer_call(args, monkeypatch) == _quick_call(answer, monkeypatch)
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
    monkeypatch.delenv(DATA_ENV, raising=False)
    answer = quick.parse(args, os.environ)
    assert answer is not None
    assert _typer_call(args, monkeypatch) == _quick_call(answer, monkeypatch)


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
        ["figures", "-f", "csv"],
        ["medications", "x"],
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


def test_every_command_has_a_handler_or_is_run_by_the_app() -> None:
    """A command missing from actions.HANDLERS would quietly take the slow path."""
    assert set(COMMANDS) - actions.APP_COMMANDS == set(actions.HANDLERS) - {""}
    assert set(COMMANDS) >= actions.APP_COMMANDS
