"""The search index: every record a reader can be sent to, cut into whole sentences, in SQLite FTS5.

Each record (a section, a treatment and each of its aspects, a drug, a figure, a glossary term,
a reference...) is one row of the table ``entries``, ranked as a whole; each of its sentences (a
point of a list, an item of a record, or a sentence of a paragraph) is one row of ``passages``,
so that a hit shows the sentences that answer, whole, never a window cut inside a sentence (a
cut can drop a "not" or a "may"). The packaged dataset's index is shipped prebuilt
(data/search_index.sqlite, by tools/compile_data.py) and loaded; any other is built in memory
(SQLite is imported here and nowhere else, by ``_sqlite``).
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, NamedTuple

from hfs_info import query, vocabulary
from hfs_info.document import HIGHLIGHT_END, HIGHLIGHT_START
from hfs_info.models import TREATMENT_ASPECTS, Dataset
from hfs_info.patterns import deferred
from hfs_info.text import said_signs

if TYPE_CHECKING:
    import sqlite3
    from types import ModuleType

# BM25 column weights, in table order (id and kind unindexed; then title, names, body,
# context, asks): a match in a title or in a record's other names (aliases, brand names) weighs
# more; the context (what an aspect, a figure or a reference belongs to: "surgery" for every row
# of MVD) weighs less, so "botox" finds the Botox record first, and "operation risks" MVD's
# risks. The questions a record answers (document expansion, the vocabulary's [asks]) weigh
# ASKS_WEIGHT.
WEIGHTS = (0.0, 0.0, 6.0, 6.0, 1.0, 0.5)
ASKS_WEIGHT = 0.5

# Kinds of record, for the JSON Schema and the ranking.
KINDS = (
    "section",
    "nerve",
    "treatment",
    "drug",
    "statistic",
    "figure",
    "glossary",
    "reference",
    "registry",
    "link",
    "source",
    "contact",
)

# Where one sentence ends and the next begins: after . ! or ? and a space, before a capital
# letter, a digit or an opening quote or bracket; not after an abbreviation ("e.g.", "Dr.") or
# an initial ("C. botulinum").
_SENTENCE_END = deferred(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
_ABBREVIATION = deferred(
    r"(?:\b(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|no|fig|al|approx)|\b[A-Z])\.$", re.I
)


def sentences(text: str) -> tuple[str, ...]:
    """``text`` cut into whole sentences (a text without an end stop is one sentence)."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        elif piece:
            out.append(piece)
    return tuple(out)


class Entry(NamedTuple):
    """One searchable record: its stable id, kind, title, the command that shows it, its whole
    sentences (its text is these, joined), its other names (aliases, brand names), its
    context (the names of what it belongs to) and the treatment record a figure belongs to."""

    id: str
    kind: str
    title: str
    show: tuple[str, ...]  # the command's words after "hfs-info"
    passages: tuple[str, ...]
    names: str = ""
    context: str = ""
    part_of: str = ""  # a figure's treatment record ("treatment:mvd"), if it has one

    @property
    def body(self) -> str:
        return " ".join(self.passages)

    @property
    def command(self) -> str:
        """The command that shows the record, quoted for a POSIX shell (built only for the
        records shown: quoting every record of a large edition costs time)."""
        return " ".join(["hfs-info", *(shlex.quote(w) for w in self.show)])


# What a term of the guide's own glossary belongs to, said in words: the glossary, its word list
# ("glossary" alone lists it); also the origin such a term has in the dataset.
GLOSSARY = "glossary"
# ... and what every figure of the guide belongs to: its statistics ("stats" alone lists them).
STATISTICS = "statistics"


def _prose(*texts: str) -> tuple[str, ...]:
    return tuple(s for text in texts for s in sentences(text))


def entries(ds: Dataset) -> list[Entry]:
    """Every record a reader can be sent to, each with its stable id: sections, the nerve,
    treatments and each of their aspects, drugs, statistics, figures, glossary terms,
    references, trial registries, links, the guide itself and its contact."""
    out: list[Entry] = []
    for topic in query.TOPICS:
        for section in query.topic_sections(ds, topic):
            text = _prose(*section.paragraphs, *section.points)
            out.append(Entry(f"section:{section.id}", "section", section.title, (topic,), text))
    n = ds.nerve
    # a list of facts, not sentences: one passage, shown whole
    facts = (n.name, *n.also_called, n.origin, n.exit, f"{n.main_branches} main branches", n.kind)
    nerve_text = (query.LIST_SEPARATOR.join(facts),)
    also = "; ".join(n.also_called)
    out.append(Entry(f"nerve:{n.id}", "nerve", "The facial nerve", ("overview",), nerve_text, also))
    treatment_of = {s: t for t in ds.treatments for s in t.statistics}
    # The drugs belong to the medication treatment (as in query.find_treatment).
    drugs = tuple(name for m in ds.medications for name in (m.generic, m.brand))
    for t in ds.treatments:
        command = ("treatments", t.id)
        aliases = "; ".join((*t.aliases, *t.lookup))  # and the spellings people type
        context = "; ".join((*t.aliases, *(drugs if t.id == query.MEDICATION else ())))
        summary = _prose(t.summary)
        out.append(Entry(f"treatment:{t.id}", "treatment", t.name, command, summary, aliases))
        for attr, label in TREATMENT_ASPECTS:
            shown = query.aspect_text(t, attr)  # with the guide's framing of side effects
            if shown and attr != "summary":
                title = f"{t.name}: {label.lower()}"
                entry_id = f"treatment:{t.id}/{attr}"
                text = _prose(shown)
                out.append(Entry(entry_id, "treatment", title, command, text, "", context))
    for m in ds.medications:
        body = ("; ".join(part for part in (m.drug_class, m.purpose) if part),)
        out.append(
            Entry(f"drug:{m.id}", "drug", f"{m.generic} ({m.brand})", ("medications",), body)
        )
    for s in ds.statistics:
        text = (f"{s.described}; {s.population}",)
        owner = treatment_of.get(s.id)
        names = f"{owner.name}; {'; '.join(owner.aliases)}" if owner else ""
        title = f"{s.display}: {s.group}"
        part_of = f"treatment:{owner.id}" if owner else ""
        entry_id = f"statistic:{s.id}"
        # every figure belongs to the guide's statistics ("stats" alone lists them)
        context = f"{names}; {STATISTICS}" if names else STATISTICS
        out.append(Entry(entry_id, "statistic", title, ("stats",), text, "", context, part_of))
    for f in ds.figures:
        show = ("figures", str(f.number))
        out.append(Entry(f"figure:{f.id}", "figure", f"Figure {f.number}", show, _prose(f.caption)))
    for e in ds.glossary:
        names = "; ".join((*e.aliases, *e.lookup))
        show = ("glossary", e.term)
        definition = _prose(e.definition)
        # a term of the guide's own glossary belongs to it ("glossary" alone lists them)
        part = GLOSSARY if e.origin == GLOSSARY else ""
        out.append(Entry(f"glossary:{e.id}", "glossary", e.term, show, definition, names, part))
    sources = ("sources",)
    for r in ds.references:
        title = f"Reference {r.number}"
        # What the reference is the source of: the groups and treatments of its figures.
        backs = [s for s in ds.statistics if s.reference == r.id]
        owners = [treatment_of[s.id] for s in backs if s.id in treatment_of]
        names = "; ".join(
            dict.fromkeys([*(s.group for s in backs), *(n for t in owners for n in t.aliases)])
        )
        citation = (r.citation,)  # a citation is one unit, initials and all
        out.append(Entry(f"reference:{r.id}", "reference", title, sources, citation, "", names))
    for g in ds.registries:
        text = (f"A registry of clinical trials: {g.sponsors}; {g.url}",)
        out.append(Entry(f"registry:{g.id}", "registry", g.name, sources, text))
    for link in ds.links:
        text = (f"A web link: {link.url}",)
        out.append(Entry(f"link:{link.id}", "link", link.name, sources, text))
    p = ds.provenance
    about = (
        f"{p.series}, published by {p.publisher}; reviewed by {p.reviewer} "
        f"({p.reviewer_affiliation}); updated {p.updated}.",
        *_prose(p.standard),
        *_prose(p.disclaimer),
        *_prose(said_signs(p.copyright)),  # the "©" sign found by its word
    )
    out.append(Entry("source:guide", "source", p.title, sources, about))
    c = p.contact
    contact = (f"{c.name}, phone {c.phone}.", *_prose(c.purpose))
    out.append(Entry("contact:guide", "contact", "Contact", sources, contact))
    return out


def clean(text: str) -> str:
    """Data may not forge highlight markers."""
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


class Index(NamedTuple):
    db: sqlite3.Connection
    rows: list[Entry]
    # entry rowid -> the rowid of its first sentence (its sentences are numbered in a row)
    first: list[int]
    # each own name of an entity's record (see own_names) -> the records it names
    own_names: dict[str, frozenset[int]]

    def close(self) -> None:
        self.db.close()


# The packaged dataset's index, built by tools/compile_data.py and shipped (data/), so that a
# search of the packaged guide loads it instead of building it (a few milliseconds of every
# search: docs/benchmarks.md). It holds the fingerprint of what it was built from; a search of
# anything else, or of a dataset whose rows differ, builds its own.
PREBUILT_NAME = "search_index.sqlite"


def fingerprint(dataset: bytes, words: bytes) -> str:
    """What an index is built from, as a checksum: the compiled dataset and vocabulary files
    (the rows and the questions of [asks] come from them) and INDEX_FORMAT (how rows are
    indexed). An index whose fingerprint differs is not used."""
    import zlib

    return f"{INDEX_FORMAT}:{zlib.crc32(dataset):08x}:{zlib.crc32(words):08x}"


# Bumped when how rows are indexed changes (the tokenizer, the tables, clean()): an index of an
# older format is not used.
INDEX_FORMAT = 1


def serialized(ds: Dataset, built_from: str) -> bytes:
    """The index of ``ds`` as a SQLite database image, with the fingerprint of the files it is
    ``built_from`` (for the tools)."""
    index = build(ds)
    index.db.execute("CREATE TABLE meta (fingerprint TEXT)")
    index.db.execute("INSERT INTO meta VALUES (?)", (built_from,))
    index.db.commit()  # FTS5 writes its pending terms on commit
    return index.db.serialize()


def _sqlite() -> ModuleType:
    """The SQLite driver: its C module, which is all search uses. The ``sqlite3`` package
    around it adds only the datetime adapters (deprecated since Python 3.12), and importing
    datetime for them took more time than a search (benchmarks/run.py); ``sqlite3`` itself
    where the C module is not found apart."""
    try:
        driver: ModuleType = __import__("_sqlite3")
    except ImportError:  # an interpreter without the C module apart
        import sqlite3

        driver = sqlite3
    return driver


def _prebuilt(ds: Dataset) -> Index | None:
    """The shipped index, when ``ds`` is the packaged dataset and the index was built from the
    same compiled files; else None."""
    from hfs_info import store

    if ds is not store.load_packaged():
        return None
    image = store.package_data(PREBUILT_NAME)
    dataset = store.package_data(store.COMPILED_NAME)
    words = store.package_data(vocabulary.COMPILED_NAME)
    if image is None or dataset is None or words is None:
        return None
    sqlite = _sqlite()
    db = sqlite.connect(":memory:")
    try:
        db.deserialize(image)
        found = db.execute("SELECT fingerprint FROM meta").fetchone()
    except (sqlite.Error, AttributeError):  # damaged, or a SQLite without deserialize
        db.close()
        return None
    if found is None or found[0] != fingerprint(dataset, words):
        db.close()
        return None
    rows = entries(ds)
    return Index(db, rows, _firsts(rows), own_names(rows))


def _firsts(rows: list[Entry]) -> list[int]:
    """The rowid of each entry's first sentence (its sentences are numbered in a row)."""
    first, count = [], 0
    for e in rows:
        first.append(count)
        count += len(e.passages)
    return first


def build(ds: Dataset) -> Index:
    """An in-memory FTS5 index of every record and of every sentence of every record."""
    db = _sqlite().connect(":memory:")
    tokenize = "tokenize = 'porter unicode61 remove_diacritics 2'"
    db.execute(
        "CREATE VIRTUAL TABLE entries USING fts5("
        f"id UNINDEXED, kind UNINDEXED, title, names, body, context, asks, {tokenize})"
    )
    db.execute(f"CREATE VIRTUAL TABLE passages USING fts5(text, {tokenize})")
    rows = entries(ds)
    asks = vocabulary.load().asks  # questions each record answers: searched, never shown
    db.executemany(
        "INSERT INTO entries (rowid, id, kind, title, names, body, context, asks) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                i,
                e.id,
                e.kind,
                *map(clean, (e.title, e.names, e.body, e.context)),
                " ; ".join(asks.get(e.id, ())),
            )
            for i, e in enumerate(rows)
        ],
    )
    texts = [clean(passage) for e in rows for passage in e.passages]
    db.executemany("INSERT INTO passages (rowid, text) VALUES (?, ?)", enumerate(texts))
    return Index(db, rows, _firsts(rows), own_names(rows))


# The kinds of record that are an entity's own record (a treatment's summary, not its aspects).
OWN_KINDS = frozenset({"treatment", "drug", "glossary", "nerve"})
_BRACKETED = deferred(r"\(([^)]*)\)")


def own_names(rows: list[Entry]) -> dict[str, frozenset[int]]:
    """Each own name of an entity's record: its title, the title without and within its
    brackets ("phenytoin (Dilantin)": phenytoin, Dilantin), its other names (aliases, brand
    names), as its words but stop words joined by spaces; with the records it names."""
    from hfs_info.search_analysis import WORD

    stop = vocabulary.load().stop_words  # "The facial nerve" is named "facial nerve"
    table: dict[str, set[int]] = {}
    for rowid, entry in enumerate(rows):
        if entry.kind not in OWN_KINDS or "/" in entry.id:
            continue
        outside = _BRACKETED.sub(" ", entry.title)
        inside = " ".join(_BRACKETED.findall(entry.title))
        for name in (entry.title, outside, inside, *entry.names.split(";")):
            words = " ".join(w for w in WORD.findall(name.casefold()) if w not in stop)
            if words:
                table.setdefault(words, set()).add(rowid)
    return {name: frozenset(found) for name, found in table.items()}


# The index last built, with the dataset it was built from: a process that searches the same
# dataset again (the test suite, thousands of times) does not build it again. Searches only
# read it.
_built: tuple[Dataset, Index] | None = None


def index_for(ds: Dataset) -> Index:
    """The index of ``ds``, built on its first search in the process and kept for the next
    search of the same dataset object (the packaged dataset is one object per process; each
    --data read is a new one, and replaces it)."""
    global _built
    if _built is None or _built[0] is not ds:
        if _built is not None:
            _built[1].close()
        _built = (ds, _prebuilt(ds) or build(ds))
    return _built[1]


def row_of(ix: Index, passage: int) -> int:
    """The rowid of the record that passage ``passage`` is a sentence of."""
    import bisect

    return bisect.bisect_right(ix.first, passage) - 1


def titled(ix: Index, passage: int) -> str:
    """Sentence ``passage`` read with its record's title ("Botox injections: how long it
    lasts. Usually lasts three months."): what a figure is of is often said only there."""
    rowid = row_of(ix, passage)
    entry = ix.rows[rowid]
    return f"{entry.title}. {entry.passages[passage - ix.first[rowid]]}"


def match(db: sqlite3.Connection, expression: str, table: str = "entries") -> dict[int, float]:
    """rowid -> BM25 relevance (higher is better) of the rows of ``table`` (entries or
    passages) matching ``expression``."""
    if table == "entries":
        sql = "SELECT rowid, bm25(entries, ?, ?, ?, ?, ?, ?, ?) FROM entries WHERE entries MATCH ?"
        args: tuple[object, ...] = (*WEIGHTS, ASKS_WEIGHT, expression)
    else:
        sql = "SELECT rowid, bm25(passages) FROM passages WHERE passages MATCH ?"
        args = (expression,)
    try:
        found = db.execute(sql, args).fetchall()
    except _sqlite().OperationalError:  # a term FTS5 cannot parse matches nothing
        return {}
    return {rowid: -score for rowid, score in found}


def highlighted(db: sqlite3.Connection, rowid: int, expression: str) -> str | None:
    """Passage ``rowid`` with the matches of ``expression`` marked, or None if none match."""
    row = db.execute(
        "SELECT highlight(passages, 0, ?, ?) FROM passages WHERE passages MATCH ? AND rowid = ?",
        (HIGHLIGHT_START, HIGHLIGHT_END, expression, rowid),
    ).fetchone()
    return None if row is None else str(row[0])


def highlighted_title(db: sqlite3.Connection, rowid: int, expression: str) -> tuple[str, str]:
    """Entry ``rowid``'s title and whole text, matches of ``expression`` marked (unmarked if it
    matches only through a stem prefix or a typo)."""
    row = db.execute(
        "SELECT highlight(entries, 2, ?, ?), highlight(entries, 4, ?, ?) FROM entries "
        "WHERE entries MATCH ? AND rowid = ?",
        (HIGHLIGHT_START, HIGHLIGHT_END, HIGHLIGHT_START, HIGHLIGHT_END, expression, rowid),
    ).fetchone()
    if row is None:
        return "", ""
    return str(row[0]), str(row[1])
