"""Conventions a reader already knows: one screen at start, alphabetical glossary, one meaning
per word, a disclaimer that reads on any terminal theme."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from hfs_info import store
from hfs_info.commandline import COMMANDS

DS = store.load_packaged()
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def test_home_screen_fits_one_terminal_screen(run) -> None:
    out = run().stdout
    lines = out.rstrip("\n").split("\n")
    assert len(lines) <= 24
    assert max(len(line) for line in lines) <= 80
    # Every command, one a line, with what it shows; `help` is named in the list's title.
    for name, command in COMMANDS.items():
        if name != "help":
            pattern = rf"^  {re.escape(command.usage)} +{re.escape(command.summary)}$"
            assert re.search(pattern, out, re.M), command.usage
    assert "hfs-info help COMMAND" in out
    # The notice and disclaimer stay.
    notice = " ".join(lines[-3:])
    assert DS.provenance.disclaimer in notice and "not medical advice" in notice


def _glossary_terms(text: str) -> list[str]:
    return [line for line in text.split("\n") if line and not line.startswith((" ", "*"))]


def test_glossary_is_alphabetical_in_every_format(run) -> None:
    expected = sorted((e.term for e in DS.glossary), key=str.casefold)
    marked = {e.term for e in DS.glossary if e.origin == "glossary"}
    assert marked and len(marked) < len(expected)  # both kinds exist, or the test proves little

    def bare(term: str) -> str:
        return term.removesuffix("*")

    data = json.loads(run("glossary", "--format", "json").stdout)["glossary"]
    assert [e["term"] for e in data] == expected
    assert {e["term"] for e in data if e["origin"] == "glossary"} == marked

    rows = list(csv.DictReader(io.StringIO(run("glossary", "--format", "csv").stdout)))
    assert [r["term"] for r in rows] == expected

    md = run("glossary", "--format", "markdown").stdout
    shown = [m.replace("\\*", "*") for m in re.findall(r"^\| (.+?) \|", md, re.M)][1:]
    assert [bare(t) for t in shown] == expected
    assert {bare(t) for t in shown if t.endswith("*")} == marked

    plain = run("glossary", "--format", "plain").stdout
    headings = [line for line in plain.split("\n") if bare(line) in expected and ":" not in line]
    assert [bare(t) for t in headings] == expected
    assert {bare(t) for t in headings if t.endswith("*")} == marked

    for fmt in ("table", "plain", "markdown"):
        out = run("glossary", "--format", fmt).stdout.replace("\\*", "*")
        assert "* in the guide's own glossary; the other terms are explained in its running" in (
            " ".join(line.strip("│ ") for line in out.split("\n"))
        ), fmt


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "json", "csv"])
def test_stats_are_numbers_not_figures(run, fmt: str) -> None:
    """`figures` shows the guide's pictures; `stats` never calls its numbers figures."""
    out = run("stats", "--format", fmt).stdout
    assert "figure" not in out.lower()
    if fmt in ("table", "plain", "markdown"):
        assert "Numbers from the guide" in out


def test_stats_wording_in_help_home_and_export(run) -> None:
    assert "figure" not in run("stats", "--help").stdout.lower()
    home = run().stdout
    stats_line = next(line for line in home.split("\n") if line.strip().startswith("stats"))
    assert "number" in stats_line and "figure" not in stats_line
    export = run("export").stdout
    assert "#### In numbers" in export
    assert "Figures from the guide" not in export
    detail = run("treatments", "mvd", "--format", "markdown").stdout
    assert "## In numbers" in detail
    assert "| Number | What it measures |" in run("stats", "--format", "markdown").stdout


def test_disclaimer_is_never_dim_or_italic(run, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = run("symptoms", "--color", "always").stdout
    last = out.rstrip("\n").split("\n")[-3:]
    codes = {code for line in last for m in SGR.finditer(line) for code in m.group(1).split(";")}
    assert "not medical advice" in SGR.sub("", " ".join(last))
    assert not codes & {"2", "3"}, codes


@pytest.mark.parametrize("width", [40, 50, 80, 120])
def test_bars_of_every_group_start_in_one_column(run, monkeypatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = run("stats", "--chart").stdout
    starts = {line.index("█") for line in out.split("\n") if "█" in line}
    values = {len(line) for line in out.split("\n") if "█" in line}
    assert len(starts) == 1 and len(values) == 1, (starts, values)


def test_appears_in_names_each_place_and_each_command_once(run) -> None:
    out = run("glossary", "hfs", "--format", "plain").stdout
    line = next(line for line in out.split("\n") if line.startswith("Appears in: "))
    assert line == "Appears in: Overview; What is hemifacial spasm?; Who is affected?; Causes"
    hint = next(line for line in out.split("\n") if line.startswith("Shown by: "))
    assert hint == "Shown by: hfs-info overview; hfs-info causes"
    document = run("glossary", "hfs", "--format", "markdown").stdout
    assert "Overview; What is hemifacial spasm?" in document and "hfs-info" not in document
