"""The README's examples are real output, and its set-up commands are the ones CI runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text("utf-8")
EXAMPLES = re.findall(r"```console\n\$ (hfs-info[^\n]*)\n(.*?)```", README, re.S)


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 10


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


def test_ci_runs_exactly_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    test_command = next(b for b in blocks if "nox" in b)
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test_command in ci.splitlines()
