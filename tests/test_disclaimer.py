"""The notice and disclaimer go with every piece of content, in every format that shows it:
one test over every content command and each format it writes (the golden files leave it out,
tests/test_golden.py, so that a change of its wording is one change here, not one per file)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from hfs_info import store
from hfs_info.commandline import COMMANDS
from hfs_info.options import Format

PROVENANCE = store.load_packaged().provenance
SHOWN = f"{PROVENANCE.notice} {PROVENANCE.disclaimer}"

# What each command needs to show content (the commands that look one thing up are also run
# with it: a lookup shows content too); the svg form of each command that draws.
RUNS = {
    "search": [["search", "botox"]],
    "treatments": [["treatments"], ["treatments", "mvd"]],
    "glossary": [["glossary"], ["glossary", "mvd"]],
    "figures": [["figures"], ["figures", "1"]],
    "stats": [["stats"], ["stats", "--chart"]],
}
DRAWS = {("stats", "--chart"), ("treatments", "mvd"), ("figures", "1")}
CONTENT = [name for name, command in COMMANDS.items() if "table" in command.formats]
CASES = [
    (args, fmt)
    for name in CONTENT
    for args in RUNS.get(name, [[name]])
    for fmt in COMMANDS[name].formats
    if fmt != Format.svg or tuple(args) in DRAWS
]


def final_paragraph(text: str) -> str:
    """The last paragraph of ``text``, its lines joined, Markdown emphasis taken off."""
    last = text.rstrip("\n").rsplit("\n\n", 1)[-1]
    return " ".join(last.split()).strip("*")


def without_disclaimer(text: str, fmt: str) -> str:
    """``text`` with the notice and disclaimer taken off: the paragraph it ends with (it must
    end with it); in JSON, where they are values (the top-level ``disclaimer`` and the
    provenance's), each stands as a placeholder."""
    if fmt == "json":
        assert json.loads(text)["disclaimer"] == PROVENANCE.disclaimer
        for value, placeholder in [
            (PROVENANCE.disclaimer, "(the disclaimer)"),
            (PROVENANCE.notice, "(the notice)"),
        ]:
            text = text.replace(json.dumps(value, ensure_ascii=False), f'"{placeholder}"')
        return text
    assert final_paragraph(text) == SHOWN, text[-300:]
    return text.rstrip("\n").rsplit("\n\n", 1)[0] + "\n"


@pytest.mark.parametrize(
    ("args", "fmt"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else v
)
def test_every_command_and_format_carries_the_disclaimer(run, args: list[str], fmt: str) -> None:
    result = run(*args, "--format", fmt, "--color", "never")
    assert result.status == 0, result.stderr
    out = result.stdout
    if fmt == "json":
        assert json.loads(out)["disclaimer"] == PROVENANCE.disclaimer
        assert PROVENANCE.disclaimer not in without_disclaimer(out, fmt)
    elif fmt == "svg":
        words = " ".join(" ".join(ET.fromstring(out).itertext()).split())
        assert PROVENANCE.notice in words and PROVENANCE.disclaimer in words
    elif fmt == "csv":
        # CSV is data for a spreadsheet or a script: a header and rows, nothing else.
        assert PROVENANCE.disclaimer not in out
        assert re.match(r"^[a-z_]+(,[a-z_]+)*\r\n", out), out[:80]
    else:
        assert final_paragraph(out) == SHOWN


def test_the_home_screen_carries_it(run) -> None:
    assert final_paragraph(run().stdout) == SHOWN


def test_every_content_command_is_covered() -> None:
    covered = {args[0] for args, _ in CASES}
    assert covered == set(CONTENT) and len(CONTENT) >= 10
