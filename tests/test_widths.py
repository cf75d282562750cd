"""Nothing is cut at any width: every word a table, chart or drawing shows reaches the output
whole, from the narrowest terminal the tool supports (40 columns) to beyond the widest (140)."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hfs_info import query, store, views
from hfs_info.document import Bars, Diagram, Fields, Table, View, unmarked
from hfs_info.render.table import render as render_table
from hfs_info.terminal import MIN_WIDTH, Terminal
from tests.depth import examples, widths

DS = store.load_packaged()
WIDTHS = widths()
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
            # is not shown there; a compact list (the home screen's commands) shows no headers.
            columns = block.columns[1:]
            columns = () if block.compact else columns
            words |= {w for column in columns for w in _words(column)}
        elif isinstance(block, Bars):
            for label, _, display in block.items:
                words |= _words(label) | _words(display)
        elif isinstance(block, Fields):
            words |= {w for pair in block.pairs for text in pair for w in _words(text)}
    return words


def _drawn_or_listed(view: View, out: set[str]) -> bool:
    """Each drawing is shown either whole or as the full list of what it labels; a brief one
    (inside a longer view) as its line, caption and command."""
    for block in view.blocks:
        if isinstance(block, Diagram) and block.brief:
            if not _words(block.brief) <= out:
                return False
        elif isinstance(block, Diagram):
            drawn = {w for line in block.lines for w in _words(line)}
            listed = {w for part in block.parts for w in _words(part)}
            if not (drawn <= out or listed <= out):
                return False
    return True


def _output_words(out: str) -> set[str]:
    # Box drawing and bar characters are not words; a word folded across two lines is missing.
    return _words(re.sub(r"[│─╭╮╰╯├┤┬┴┼█]", " ", out))


VIEWS: list[tuple[list[str], View]] = [
    (["figures", str(f.number)], views.figure(DS, f.number)) for f in DS.figures
] + [
    (["figures"], views.figures(DS)),
    (["stats", "--chart"], views.stats(DS, chart=True)),
    (["stats"], views.stats(DS)),
    (["treatments"], views.treatments(DS)),
    (["glossary"], views.glossary(DS)),
    (["medications"], views.medications(DS)),
    (["stats", "--with-sources"], views.stats(DS, with_sources=True)),
    (["treatments", "medication"], views.treatment(DS, query.find_treatment(DS, "medication"))),
    (["sources"], views.sources(DS)),
]
# The home screen has no --format: it is always the table layout.
CASES = [(args, view, fmt) for args, view in VIEWS for fmt in ("table", "plain")]
CASES.append(([], views.home(DS), "table"))


@pytest.mark.parametrize(
    ("args", "view", "fmt"),
    CASES,
    ids=[" ".join([*args, fmt]) if args else "home" for args, _, fmt in CASES],
)
def test_every_word_is_shown_whole_at_every_width(run, monkeypatch, args, view, fmt) -> None:
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


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
_CELL = st.lists(_WORD, min_size=1, max_size=30).map(" ".join)


@st.composite
def _tables(draw: st.DrawFn) -> Table:
    n = draw(st.integers(2, 4))
    columns = tuple(draw(st.lists(_WORD, min_size=n, max_size=n)))
    rows = draw(st.lists(st.tuples(*[_CELL] * n), min_size=1, max_size=6))
    return Table(columns, tuple(rows))


@settings(max_examples=examples(60), deadline=None)
@given(table=_tables(), width=st.integers(MIN_WIDTH, 140))
def test_any_table_keeps_its_words_whole(table: Table, width: int) -> None:
    out = io.StringIO()
    terminal = Terminal(color=False, width=width, unicode=True)
    render_table(View((table,), {}), out, terminal)
    text = out.getvalue()
    assert max(len(line) for line in text.split("\n")) <= width
    assert _shown(View((table,), {})) <= _output_words(text)


@given(
    words=st.lists(
        st.text(
            st.characters(categories=("L", "N", "P", "Zs"), exclude_characters=" "),
            min_size=1,
            max_size=12,
        )
    ),
    extra=st.integers(0, 40),
)
@example(words=["0", "\xa0"], extra=0)  # a lone no-break space: rich drops it at a line start
@example(words=["a\xa0b", "c"], extra=0)  # rich breaks at a no-break space
def test_wrapped_lines_counts_as_textwrap_does(words: list[str], extra: int) -> None:
    """The comparison's width search counts lines by word lengths; textwrap is the reference,
    given the words as rich finds them (between any Unicode whitespace: rich breaks at a
    no-break space, and drops one that would start a line, where textwrap keeps it in a word)."""
    import textwrap

    from hfs_info.render.table import _WORD, wrapped_lines

    text = " ".join(" ".join(words).split())
    width = max((len(w) for w in text.split()), default=1) + extra
    expected = max(1, len(textwrap.wrap(text, width, break_on_hyphens=False)))
    lengths = [len(w) for w in _WORD.findall(" ".join(words))]
    assert wrapped_lines(lengths, width) == expected
