"""Full-text search: an SQLite FTS5 index of every record, ranked by BM25.

The index is built from the dataset only when a search runs (sqlite3 is imported here and
nowhere else): in memory, for the dataset of the run.
User text never reaches FTS5 syntax: it is cut into words, each word is quoted, and only two
forms are honoured on purpose: "quoted phrases" and word* prefixes.
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, NamedTuple

from hfs_info import query
from hfs_info.document import HIGHLIGHT_END, HIGHLIGHT_START
from hfs_info.errors import NotFoundError
from hfs_info.models import Dataset

if TYPE_CHECKING:
    import sqlite3

# Matches in a title or in a record's other names (aliases, brand names) weigh more than
# matches in its text (bm25 column weights: kind, title, names, body).
WEIGHTS = (0.0, 8.0, 8.0, 1.0)
SNIPPET_TOKENS = 16
_WORD = re.compile(r"\w+")
_SEGMENT = re.compile(r'"([^"]*)"?|(\S+)')
# Words so common in questions that matching them says nothing ("how long does botox last").
STOPWORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
        "how", "get", "gets", "many", "much",
        "i", "in", "is", "it", "of", "on", "or", "the", "to", "what", "when", "where", "which",
        "who", "why", "with", "my", "me", "you", "your",
    }
)  # fmt: skip


class Entry(NamedTuple):
    """One searchable record: what it is, its title, the command that shows it, its text."""

    kind: str
    title: str
    command: str
    body: str
    names: str = ""


class Hit(NamedTuple):
    """A ranked match. ``title`` and ``snippet`` carry HIGHLIGHT_START/END around matches."""

    kind: str
    title: str
    command: str
    snippet: str
    score: float


def _command(*words: str) -> str:
    return " ".join(["hfs-info", *(shlex.quote(w) for w in words)])


def entries(ds: Dataset) -> list[Entry]:
    """Every section, nerve fact, treatment aspect, drug, statistic, caption, term, reference."""
    from hfs_info import views

    out: list[Entry] = []
    for topic in query.TOPICS:
        for section in query.topic_sections(ds, topic):
            text = " ".join((*section.paragraphs, *section.points))
            out.append(Entry("section", section.title, _command(topic), text))
    n = ds.nerve
    nerve_text = " ".join(
        (n.name, *n.also_called, n.origin, n.exit, f"{n.main_branches} main branches", n.kind)
    )
    out.append(
        Entry(
            "section", "The facial nerve", _command("overview"), nerve_text, " ".join(n.also_called)
        )
    )
    for t in ds.treatments:
        command = _command("treatments", t.id)
        out.append(Entry("treatment", t.name, command, t.summary, "; ".join(t.aliases)))
        for attr, label in views.DETAIL:
            if getattr(t, attr):  # with the guide's framing: "For example: drowsiness; ..."
                text = views.aspect(t, attr)
                out.append(Entry("treatment", f"{t.name}: {label.lower()}", command, text))
    for m in ds.medications:
        body = f"{m.drug_class}; {m.purpose or ''}"
        out.append(
            Entry("drug", f"{m.generic} ({m.brand})", _command("medications"), body, m.brand)
        )
    for s in ds.statistics:
        text = f"{s.described}; {s.population}"
        out.append(Entry("statistic", f"{s.display}: {s.group}", _command("stats"), text))
    for f in ds.figures:
        out.append(
            Entry("figure", f"Figure {f.number}", _command("figures", str(f.number)), f.caption)
        )
    for e in ds.glossary:
        names = "; ".join(e.aliases)
        out.append(Entry("glossary", e.term, _command("glossary", e.term), e.definition, names))
    for r in ds.references:
        out.append(Entry("reference", f"Reference {r.number}", _command("sources"), r.citation))
    return out


def fts_query(text: str) -> str | None:
    """The FTS5 expression for what a person typed, or None when nothing in it is searchable.

    Every word is quoted, so operators (AND, OR, NEAR), parentheses, colons, minus signs and
    stray quotes are only ever words or nothing. Words are joined with OR and BM25 ranks
    the records that match most of them first.
    """
    terms: list[str] = []
    for phrase, token in _SEGMENT.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
            continue
        words = _WORD.findall(token)
        prefix = token.endswith("*") and bool(words)
        for i, word in enumerate(words):
            last = i == len(words) - 1
            if word.casefold() in STOPWORDS and not (prefix and last):
                continue
            terms.append(f'"{word}"' + ("*" if prefix and last else ""))
    return " OR ".join(dict.fromkeys(terms)) or None


def _create(db: sqlite3.Connection, ds: Dataset) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE entries USING fts5("
        "kind UNINDEXED, title, names, body, command UNINDEXED, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "INSERT INTO entries (kind, title, names, body, command) VALUES (?, ?, ?, ?, ?)",
        [
            (e.kind, _clean(e.title), _clean(e.names), _clean(e.body), e.command)
            for e in entries(ds)
        ],
    )


def search(ds: Dataset, text: str, limit: int = 10) -> list[Hit]:
    """The best ``limit`` records for ``text``; NotFoundError when nothing matches."""
    wanted = query.check_query(text, "search query")
    expression = fts_query(wanted)
    if expression is None:
        raise NotFoundError(f"nothing to search for in {wanted!r}")
    import sqlite3

    db = sqlite3.connect(":memory:")
    _create(db, ds)
    try:
        rows = db.execute(
            "SELECT kind, NULL, command, "
            "snippet(entries, 3, ?, ?, '…', ?), "
            "highlight(entries, 1, ?, ?), bm25(entries, ?, ?, ?, ?) AS score "
            "FROM entries WHERE entries MATCH ? ORDER BY score LIMIT ?",
            (
                HIGHLIGHT_START,
                HIGHLIGHT_END,
                SNIPPET_TOKENS,
                HIGHLIGHT_START,
                HIGHLIGHT_END,
                *WEIGHTS,
                expression,
                limit,
            ),
        ).fetchall()
    finally:
        db.close()
    if not rows:
        raise NotFoundError(f"nothing matches {wanted!r}", _suggestions(ds, wanted))
    return [
        Hit(kind, title, command, snippet, score)
        for kind, _, command, snippet, title, score in rows
    ]


def _clean(text: str) -> str:
    """Data may not forge highlight markers."""
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def _suggestions(ds: Dataset, text: str) -> tuple[str, ...]:
    """Near misses for the words of a failed search (``botx`` -> ``botox``), never applied."""
    import difflib

    vocabulary = {
        word.casefold()
        for entry in entries(ds)
        for word in _WORD.findall(f"{entry.title} {entry.names} {entry.body}")
        if len(word) > 2
    }
    found: dict[str, None] = {}
    for word in _WORD.findall(text.casefold()):
        for close in difflib.get_close_matches(word, vocabulary, n=2, cutoff=0.75):
            found.setdefault(close)
    return tuple(found)[: query.MAX_SUGGESTIONS]
