"""Habits people bring from git, gh, man and tldr: a pager on a terminal, `help COMMAND`, `-V`,
completion scripts for the shell named, flags that behave the same before or after the command,
help that lists what a command can do and nothing else."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_info.commandline import COMMANDS
from tests.conftest import on_a_terminal, run_process
from tests.depth import examples

# A pager that only records what it was given, so that a test can see whether output was paged.
FAKE_PAGER = """
import sys
with open(sys.argv[1], "wb") as out:
    out.write(sys.stdin.buffer.read())
"""


@pytest.fixture
def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER, "utf-8")
    record = tmp_path / "paged.txt"
    return f"{sys.executable} {script} {record}", record


def test_long_output_on_a_terminal_goes_through_the_pager(fake_pager) -> None:
    pager, record = fake_pager
    status, shown = on_a_terminal(["treatments"], {"HFS_INFO_PAGER": pager})
    assert status == 0
    paged = record.read_bytes()
    assert b"Microvascular" in paged and b"Microvascular" not in shown
    # Colour only to a pager that shows it (less -R; tests/test_pager.py): this one is not less.
    assert b"\x1b[" not in paged


def test_pager_falls_back_to_PAGER(fake_pager) -> None:
    pager, record = fake_pager
    assert on_a_terminal(["treatments"], {"PAGER": pager})[0] == 0
    assert b"Microvascular" in record.read_bytes()


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-pager", "treatments"], {}),  # before the command, as git has it
        (["treatments", "--no-pager"], {}),  # or after it
        (["treatments"], {"HFS_INFO_PAGER": "cat"}),
        (["treatments"], {"HFS_INFO_PAGER": ""}),
        (["treatments"], {"TERM": "dumb"}),
        (["glossary", "mvd"], {}),  # shorter than the screen
    ],
    ids=["--no-pager first", "--no-pager last", "cat", "empty", "TERM=dumb", "short"],
)
def test_no_pager_when_asked_or_not_needed(fake_pager, args: list[str], env) -> None:
    pager, record = fake_pager
    status, shown = on_a_terminal(
        args,
        {"PAGER": pager, **env} if "HFS_INFO_PAGER" in env else {"HFS_INFO_PAGER": pager, **env},
    )
    assert status == 0
    assert not record.exists()
    assert b"General information from the Mayfield Clinic guide" in shown.replace(b"\r\n", b" ")


def test_pipes_never_page(fake_pager) -> None:
    pager, record = fake_pager
    result = run_process("treatments", env={"HFS_INFO_PAGER": pager})
    assert result.returncode == 0 and b"Microvascular" in result.stdout
    assert not record.exists()


@pytest.mark.skipif(not Path("/usr/bin/less").exists(), reason="needs less")
def test_q_in_less_ends_cleanly() -> None:
    status, shown = on_a_terminal(["export"], {}, keys=b"q")
    assert status == 0
    assert b"Traceback" not in shown


def test_help_command_is_the_help(run) -> None:
    assert run("help").stdout == run("--help").stdout
    assert run("help", "search").stdout == run("search", "--help").stdout
    missing = run("help", "nosuch")
    assert missing.status == 2
    assert "no command 'nosuch'; the commands are: overview" in missing.stderr


def test_short_version_flag(run) -> None:
    assert run("-V").stdout == run("--version").stdout != ""


@pytest.mark.parametrize("flag", ["-V", "--version"])
@pytest.mark.parametrize(
    ("before", "after", "extra"),
    [
        ([], ["extra"], "extra"),
        ([], ["glossary", "mvd"], "glossary"),
        (["--color", "never"], ["overview"], "overview"),
        (["--data", "x.toml"], ["--", "x"], "x"),
        ([], ["x\x1b[2Jy"], "x\x1b[2Jy"),
    ],
)
def test_version_with_anything_more_is_a_usage_error(
    run, flag: str, before: list[str], after: list[str], extra: str
) -> None:
    """As any word too many is: nothing is silently dropped."""
    result = run(*before, flag, *after)
    assert (result.status, result.stdout) == (2, "")
    assert result.stderr == (
        f"hfs-info: --version takes no command or argument, and {extra!r} was given "
        "(see 'hfs-info --help')\n"
    )


@pytest.mark.parametrize(
    "args", [["--color", "never", "-V"], ["-V", "--no-pager"], ["--debug", "--version"]]
)
def test_version_with_the_tools_own_options_is_the_version(run, args: list[str]) -> None:
    assert run(*args).stdout == run("--version").stdout
    assert run(*args).status == 0


def _valued_options() -> list[tuple[str, str]]:
    from hfs_info.commandline import COMMANDS

    return [
        (name, option.names[-1])
        for name, command in COMMANDS.items()
        for option in command.options
        if option.kind is not None
    ]


@pytest.mark.parametrize(("command", "option"), _valued_options())
@pytest.mark.parametrize("before", [[], ["--no-pager"], ["--data", "x.toml"]])
def test_a_missing_value_points_to_the_commands_help(
    run, command: str, option: str, before: list[str]
) -> None:
    """``hfs-info overview -f`` is about overview's options: its help is the one to read."""
    result = run(*before, command, option)
    assert result.status == 2 and result.stdout == ""
    assert result.stderr == (
        f"hfs-info: option '{option}' requires an argument (see 'hfs-info {command} --help')\n"
    )


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F"),
        ("zsh", "#compdef hfs-info"),
        ("fish", "complete --command"),
    ],
)
@pytest.mark.parametrize("from_shell", ["/bin/bash", "/usr/bin/zsh", "/usr/bin/fish"])
def test_completion_script_for_the_shell_named(shell: str, marker: str, from_shell: str) -> None:
    result = run_process("--show-completion", shell, env={"SHELL": from_shell})
    assert result.returncode == 0
    assert marker in result.stdout.decode()


def _complete(words: str, cword: int, shell: str = "bash") -> list[str]:
    env = {"_HFS_INFO_COMPLETE": f"complete_{shell}", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = run_process(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode().split()


def test_completion_offers_figure_numbers() -> None:
    assert _complete("hfs-info figures ", 2) == ["1", "2", "3", "4"]


def test_bash_completion_quotes_names_the_shell_would_split() -> None:
    assert _complete("hfs-info glossary bell", 2) == ["bell\\'s\\", "palsy", "bells\\", "palsy"]


@pytest.mark.parametrize(
    "args",
    [
        ["--color", "always", "glossary", "mvd"],
        ["glossary", "mvd", "--color", "always"],
        ["--color", "never", "glossary", "mvd", "--color", "always"],  # the command's wins
    ],
    ids=" ".join,
)
def test_color_before_or_after_the_command(run, args: list[str]) -> None:
    assert "\x1b[" in run(*args).stdout


def test_color_given_to_the_tool_reaches_the_command(run) -> None:
    assert "\x1b[" not in run("--color", "never", "glossary", "mvd").stdout


@pytest.mark.parametrize("command", ["export", "cite", "schema"])
def test_every_command_that_prints_takes_color(run, command: str) -> None:
    assert run(command, "--color", "never").status == 0
    assert run("--color", "never", command).status == 0


def test_cite_takes_format_like_every_other_command(run) -> None:
    bibtex = run("cite", "--format", "bibtex").stdout
    assert bibtex.startswith("@misc{")
    assert run("cite", "-f", "bibtex").stdout == run("cite", "--style", "bibtex").stdout == bibtex


@pytest.mark.parametrize(
    ("command", "formats"),
    [
        ("overview", "table, plain, markdown or json"),
        ("glossary", "table, plain, markdown, json or csv"),
        ("stats", "table, plain, markdown, json, csv or svg"),
        ("figures", "table, plain, markdown, json or svg"),
    ],
)
def test_help_lists_only_the_formats_a_command_gives(run, command: str, formats: str) -> None:
    text = " ".join(run(command, "--help").stdout.split())
    assert f"Output format: {formats} " in text


def test_help_uses_plain_metavars_and_no_markup(run) -> None:
    outputs = [run("--help").stdout, *(run(name, "--help").stdout for name in COMMANDS)]
    for text in outputs:
        assert "`" not in text and "{" not in text and "<int range>" not in text
    assert "Usage: hfs-info search [OPTIONS] QUERY…" in run("search", "--help").stdout
    assert "-n, --limit N" in run("search", "--help").stdout
    assert "--debug" in outputs[0]


def test_help_examples_are_one_command_a_line(run) -> None:
    text = run("treatments", "--help").stdout
    assert re.search(
        r"^  Examples:\n    hfs-info treatments\n    hfs-info treatments botox\n", text, re.M
    )


@pytest.mark.parametrize("command", ["glossary", "treatments"])
def test_several_names_say_that_one_is_looked_up_at_a_time(run, command: str) -> None:
    result = run(command, "mvd", "botox")
    assert result.status == 2
    assert result.stderr == (
        f"hfs-info: {command} looks up one name at a time; 'mvd botox' is several: "
        f"hfs-info {command} mvd; hfs-info {command} botox\n"
    )
    assert run("glossary", "tic", "convulsif").status == 0  # a name of several words is one


@pytest.mark.parametrize("width", ["40", "60", "100"])
@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_a_figure_keeps_its_caption_at_any_width(run, monkeypatch, width: str, number: int) -> None:
    from hfs_info import store

    monkeypatch.setenv("COLUMNS", width)
    shown = " ".join(run("figures", str(number)).stdout.split())
    caption = store.load_packaged().figures[number - 1].caption
    assert " ".join(f"Figure {number}: {caption}".split()) in shown


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_install_completion_never_writes_through_a_link(tmp_path: Path, shell: str) -> None:
    """The README links the installed tool's scripts into the home folder for pipx and uv;
    --install-completion must not write through such a link into the tool's own file."""
    from hfs_info.completion import INSTALLED_AT, Shell

    home = tmp_path / "home"
    shipped = tmp_path / "tool" / "share" / "script"
    shipped.parent.mkdir(parents=True)
    shipped.write_bytes(b"the shipped script\n")
    link = home / INSTALLED_AT[Shell(shell)]
    link.parent.mkdir(parents=True)
    link.symlink_to(shipped)
    result = run_process("--install-completion", shell, env={"HOME": str(home)})
    assert result.returncode == 2
    assert (
        result.stderr
        == (
            f"hfs-info: cannot install {shell} completion: {link} is a link to {shipped}, and "
            "writing there would change the file it points to; nothing was written (the link "
            "already loads completion if it points to the installed tool's script; remove it to "
            "install a copy instead)\n"
        ).encode()
    )
    assert result.stdout == b""
    assert shipped.read_bytes() == b"the shipped script\n" and link.is_symlink()
    assert sorted(p.name for p in home.iterdir()) == [link.relative_to(home).parts[0]]
    # Without the link, it installs a copy of the script there.
    link.unlink()
    result = run_process("--install-completion", shell, env={"HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout
        == (f"{shell} completion installed in {link}; it takes effect in a new shell\n").encode()
    )
    assert not link.is_symlink() and "hfs-info" in link.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["figures", "-1"], "no such option: -1 (see 'hfs-info figures --help')"),
        (["validate"], "missing argument 'PATH' (see 'hfs-info validate --help')"),
        (["overview", "extra"], "got unexpected extra argument(s) (extra)"),
        (["treatment"], "no such command 'treatment'; did you mean 'treatments'?"),
        (["cite", "--style", "mla"], "--style 'mla' is not one of: apa, bibtex, ris"),
        (["cite", "--style=mla"], "--style 'mla' is not one of: apa, bibtex, ris"),
    ],
)
def test_the_parsers_messages_are_in_the_tools_own_style(run, args, message) -> None:
    """Lower-case clauses on one line without a full stop, as every message of the tool's own,
    and an option named as it was typed (`--style`, not its alias `--format`; trial 8)."""
    result = run(*args)
    assert result.status == 2 and result.stdout == ""
    assert result.stderr.startswith(f"hfs-info: {message}")
    assert result.stderr.count("\n") == 1


def test_validate_reports_a_file_it_cannot_read_as_an_error(run, tmp_path) -> None:
    """A missing file or a folder is an I/O error, one line on stderr as any command's; a file
    read and found wrong is a report on stdout (trial 8)."""
    missing = run("validate", str(tmp_path / "none.toml"))
    assert (missing.status, missing.stdout) == (2, "")
    assert missing.stderr == f"hfs-info: {tmp_path / 'none.toml'}: no such file or directory\n"
    folder = run("validate", str(tmp_path))
    assert (folder.status, folder.stdout) == (2, "")
    assert folder.stderr == f"hfs-info: {tmp_path}: is a directory, not a dataset file\n"
    bad = tmp_path / "bad.toml"
    bad.write_text("x\n", "utf-8")
    report = run("validate", str(bad))
    assert report.status == 2 and report.stdout.startswith(f"{bad}:1:")
    assert report.stderr == ""


def _bounded_options() -> list[tuple[str, str, tuple[int, int]]]:
    """(command, option, bounds) of every whole-number option, from the one table of them."""
    return [
        (name, alias, option.bounds)
        for name, command in COMMANDS.items()
        for option in command.options
        if option.bounds is not None
        for alias in option.names
    ]


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    case=st.sampled_from(_bounded_options()),
    value=st.one_of(
        st.integers(min_value=-1000, max_value=1000).map(str),
        st.sampled_from(["two", "II", "2nd", "1.5", "", "x", "0x2", "\uff11"]),
    ),
    glued=st.booleans(),
)
def test_a_whole_number_option_names_what_it_may_be(
    run, case: tuple[str, str, tuple[int, int]], value: str, glued: bool
) -> None:
    """A value of a whole-number option that is no whole number in its range is refused in
    the tool's words: the option as typed, the value, and the range (not click's "is not a
    valid int range" or "0<=x<=5"); a value in range is taken."""
    command, option, (low, high) = case
    typed = [f"{option}={value}"] if glued and option.startswith("--") else [option, value]
    if glued and not option.startswith("--"):
        typed = [option + value] if value else [option, value]
    result = run(command, *typed, *(["pain"] if command == "search" else []))
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is not None and low <= number <= high and value.strip() == str(number):
        assert result.status in (0, 1), result.stderr
        return
    if number is not None and low <= number <= high:
        return  # a full-width digit: click reads it as int() does
    assert result.status == 2 and result.stdout == ""
    assert result.stderr == (
        f"hfs-info: {option} {value!r} is not a whole number from {low} to {high} "
        f"(see 'hfs-info {command} --help')\n"
    )
