"""The README stays short and true: its examples are real output (console blocks, and the
`hfs-info` regions that `fill --check` checks), every example in its command table runs, its
links resolve, and its test command is the one CI runs."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_process

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text("utf-8")
EXAMPLES = re.findall(r"```console\n\$ (hfs-info[^\n]*)\n(.*?)```", README, re.S)
# The last column of the command table: one example of each command.
TABLE_EXAMPLES = re.findall(r"^\| `[a-z]+[^|]*\| [^|]+ \| `(hfs-info [^`]+)` \|$", README, re.M)


def test_the_readme_is_for_users_and_short() -> None:
    assert len(README.splitlines()) <= 250
    for heading in ("## Install", "## Commands", "## Formats and scripting", "## Exit status"):
        assert f"\n{heading}\n" in README
    assert "pipx install" in README and "uv tool install" in README


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_is_real_output(run, command: str, shown: str) -> None:
    result = run(*shlex.split(command)[1:])
    text = (result.stdout or result.stderr).replace("\r\n", "\n")  # CSV rows end in CRLF
    actual = text.rstrip("\n").split("\n")
    expected = shown.rstrip("\n").split("\n")
    if expected[-1] == "[…]":
        expected = expected[:-1]
        actual = actual[: len(expected)]
    assert actual == expected


def test_the_command_table_has_one_example_of_every_command() -> None:
    from hfs_info.commandline import COMMANDS

    named = [shlex.split(example)[1] for example in TABLE_EXAMPLES]
    assert sorted(named) == sorted(name for name in COMMANDS if name != "help")


@pytest.mark.parametrize("example", TABLE_EXAMPLES)
def test_every_example_in_the_command_table_runs(run, tmp_path, monkeypatch, example: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.md").write_text("# Notes\n", "utf-8")
    shutil.copy(ROOT / "data" / "hemifacial_spasm.toml", tmp_path / "my-edition.toml")
    result = run(*shlex.split(example)[1:])
    assert result.status == 0, result.stderr


def test_the_readme_regions_are_up_to_date() -> None:
    """CI keeps the README's `hfs-info` regions true: after a change of output, run
    `hfs-info fill README.md` and commit."""
    assert README.count("<!-- /hfs-info -->") >= 1
    result = run_process("fill", "--check", str(ROOT / "README.md"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_links_resolve() -> None:
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target


def test_ci_runs_exactly_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    test_command = next(b for b in blocks if "nox" in b)
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test_command in ci.splitlines()


def test_every_document_of_the_repository_passes_fill_check() -> None:
    """The pre-commit hook (.pre-commit-hooks.yaml) runs `fill --check` on every Markdown file:
    each of ours either has up-to-date regions or none, and none shows a bare marker (docs/cli.md
    quotes fill's help, whose markers are inline code there)."""
    documents = [*(ROOT / "docs").glob("*.md"), ROOT / "README.md", ROOT / "CHANGELOG.md"]
    result = run_process("fill", "--check", *map(str, documents))
    assert result.returncode == 0, result.stdout + result.stderr
