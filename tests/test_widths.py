"""Nothing is cut at any width: every word a table, chart or drawing shows reaches the output
whole, from the narrowest terminal the tool supports (40 columns) to beyond the widest (140)."""

from __future__ import annotations

import re

import pytest

from hfs_info import dataset, views
from hfs_info.document import Bars, Diagram, Fields, Table, View, unmarked
from hfs_info.terminal import MIN_WIDTH

DS = dataset.load_packaged()
WIDTHS = range(MIN_WIDTH, 141)
# Punctuation that may sit next to a word without changing it ("(ear)", "skull,", "term*").
_EDGES = "()[]{}.,;:*!?\"'"


def _words(text: str) -> set[str]:
    out = set()
    for token in unmarked(text).split():
        word = token.strip(_EDGES)
        if word and any(ch.isalnum() for ch in word):
            out.add(word)
    return out


def _shown(view: View) -> set[str]:
    """Every word of every table cell, chart label and value, field and drawing label."""
    words: set[str] = set()
    for block in view.blocks:
        if isinstance(block, Table):
            words |= {w for row in block.rows for cell in row for w in _words(cell)}
            # A stacked table names each row by its key cell, so the key column's own header
            # is not shown there.
            columns = block.columns[1:] if block.key_column else block.columns
            words |= {w for column in columns for w in _words(column)}
        elif isinstance(block, Bars):
            for label, _, display in block.items:
                words |= _words(label) | _words(display)
        elif isinstance(block, Fields):
            words |= {w for pair in block.pairs for text in pair for w in _words(text)}
    return words


def _drawn_or_listed(view: View, out: set[str]) -> bool:
    """Each drawing is shown either whole or as the full list of what it labels."""
    for block in view.blocks:
        if isinstance(block, Diagram):
            drawn = {w for line in block.lines for w in _words(line)}
            listed = {w for part in block.parts for w in _words(part)}
            if not (drawn <= out or listed <= out):
                return False
    return True


def _output_words(out: str) -> set[str]:
    # Box drawing and bar characters are not words; a word folded across two lines is missing.
    return _words(re.sub(r"[│─╭╮╰╯├┤┬┴┼█]", " ", out))


CASES: list[tuple[list[str], View]] = [
    (["figures", str(f.number)], views.figure(DS, f.number)) for f in DS.figures
] + [
    (["figures"], views.figures(DS)),
    (["stats", "--chart"], views.stats(DS, chart=True)),
    (["stats"], views.stats(DS)),
    (["treatments"], views.treatments(DS)),
    (["glossary"], views.glossary(DS)),
    (["medications"], views.medications(DS)),
    ([], views.home(DS)),
]


@pytest.mark.parametrize("fmt", ["table", "plain"])
@pytest.mark.parametrize(
    ("args", "view"), CASES, ids=lambda c: " ".join(c) if isinstance(c, list) else ""
)
def test_every_word_is_shown_whole_at_every_width(run, monkeypatch, args, view, fmt) -> None:
    if not args and fmt != "table":
        pytest.skip("the home screen has one format")
    expected = _shown(view)
    for width in WIDTHS:
        monkeypatch.setenv("COLUMNS", str(width))
        result = run(*args, "--format", fmt) if args else run()
        assert result.status == 0, result.stderr
        if fmt == "table":
            longest = max(len(line) for line in result.stdout.splitlines())
            assert longest <= width, (width, longest)
        shown = _output_words(result.stdout)
        assert not expected - shown, (width, sorted(expected - shown))
        assert _drawn_or_listed(view, shown), width


@pytest.mark.parametrize("figure", DS.figures, ids=lambda f: f"figure-{f.number}")
def test_figure_labels_from_the_dataset_are_shown_whole(run, monkeypatch, figure) -> None:
    labels = [*figure.labels]
    if figure.layout == "nerve-branches":
        nerve = DS.nerve
        labels += [nerve.name, nerve.origin, nerve.exit, *nerve.also_called[-1:]]
    for width in WIDTHS:
        monkeypatch.setenv("COLUMNS", str(width))
        out = run("figures", str(figure.number)).stdout
        flat = " ".join(re.sub(r"[│╭╮╰╯]", " ", out).split())
        for label in labels:
            assert " ".join(label.split()) in flat, (width, label)
