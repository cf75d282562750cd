"""Commands to copy (search's "Show it with", the hints) are never broken across lines by the
tool: at 80 columns and wider each stands whole on a line; narrower, a command longer than the
width stands whole on a line of its own (render/table.py)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info.document import Paragraph, Table, View
from tests.conftest import on_a_terminal, run_process
from tests.depth import examples

QUERIES = ["botox", "how long does botox last", "microvascular decompression", "facial nerve"]
COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def commands_of(query: str) -> list[str]:
    result = run_process("search", *query.split(), "-f", "json", "-n", "20")
    return [hit["command"] for hit in json.loads(result.stdout)["results"]]


@pytest.mark.parametrize("query", QUERIES)
def test_each_command_stands_whole_on_an_80_column_terminal(query: str) -> None:
    status, shown = on_a_terminal(["search", *query.split(), "-n", "20"], {}, rows=200)
    assert status == 0
    lines = [COLOUR.sub("", line) for line in shown.decode().split("\r\n")]
    for command in commands_of(query):
        assert any(command in line for line in lines), (command, lines)


def render(view: View, width: int) -> list[str]:
    import io

    from hfs_info.render.table import render as draw
    from hfs_info.terminal import Terminal

    buffer = io.StringIO()
    draw(view, buffer, Terminal(color=False, width=width, unicode=True))
    return buffer.getvalue().split("\n")


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14)


@settings(max_examples=examples(150), deadline=None)
@given(
    width=st.integers(40, 120),
    command=st.builds(
        lambda name, words: " ".join(["hfs-info", name, *words]),
        st.sampled_from(["glossary", "treatments", "stats", "figures", "search"]),
        st.lists(names, min_size=0, max_size=4),
    ),
    found=st.lists(names, min_size=1, max_size=8).map(" ".join),
    match=st.lists(names, min_size=1, max_size=30).map(" ".join),
)
def test_a_command_is_never_broken_at_any_width(
    width: int, command: str, found: str, match: str
) -> None:
    view = View(
        (
            Table(("Found", "Show it with", "Match"), ((found, command, match),)),
            Paragraph(f"Show it with: {command}"),
            Paragraph(f"More: {command}; hfs-info medications"),
        ),
        {},
    )
    lines = render(view, width)
    for line in lines:
        # A line holds the whole command, or none of its first words (never a piece).
        if "hfs-info" in line and line.rstrip().endswith("hfs-info"):
            pytest.fail(f"broken after hfs-info at {width}: {lines}")
    whole = [line for line in lines if command in line]
    assert len(whole) >= 3, (width, lines)  # the table (or its stacked fields) and both lines
    for line in whole:
        if len(line) > width:  # longer than the terminal: the command alone (and its comma)
            assert line.strip().rstrip(";,.") == command, (width, line)
