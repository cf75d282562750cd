"""Answers to questions: an SQLite FTS5 index of every record, ranked for the question asked.

People type questions ("how long do the shots last"), not keywords. A question is read in steps,
the way a Lucene/Elasticsearch analyzer chain would:

1. normalised (NFKC, case folding; private-use characters, our highlight markers, dropped);
2. cut into words; question forms ("how long", "what is") set what kind of answer is wanted,
   and stop words ("is", "it", "not") are dropped: neither ever drives the ranking;
3. each remaining word or phrase becomes a *concept*, searched as itself, as the word forms and
   everyday words the vocabulary (vocabulary.py) gives for it, then as a prefix of its stem, and
   last as the closest word of the dataset (a typo);
4. each record is scored by BM25 per concept (title and other names weigh more than text), by
   how many of the question's concepts it matches, and by whether its kind fits the question
   (a definition for "what is", a record with a number for "how long").

The index is built in memory on every search (sqlite3 is imported here and nowhere else); user
text never reaches FTS5 syntax: every word is quoted, and only "quoted phrases" and word*
prefixes are honoured on purpose. Nothing is invented: a question none of whose topic words the
guide uses is a miss (exit 1), with the closest topics and the commands that list everything.
"""

from __future__ import annotations

import heapq
import re
import shlex
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from hfs_info import query
from hfs_info.document import HIGHLIGHT_END, HIGHLIGHT_START, Found, Hit
from hfs_info.errors import NotFoundError
from hfs_info.models import TREATMENT_ASPECTS, Dataset

if TYPE_CHECKING:
    import sqlite3

    from hfs_info.vocabulary import Vocabulary

# BM25 column weights, in table order (id and kind unindexed; then title, names, body,
# context): a match in a title or in a record's other names (aliases, brand names) weighs more;
# the context (what an aspect, a figure or a reference belongs to: "surgery" for every row of
# MVD) weighs less, so "botox" finds the Botox record first, and "operation risks" MVD's risks.
WEIGHTS = (0.0, 0.0, 6.0, 6.0, 1.0, 0.5)
SNIPPET_TOKENS = 16
# How much a word found only through the vocabulary, a stem prefix or a typo correction counts,
# against the word as typed.
FORM_WEIGHT = 1.0
WORD_WEIGHT = 0.8
PREFIX_WEIGHT = 0.7
TYPO_WEIGHT = 0.6
TYPO_CUTOFF = 0.8  # difflib similarity of a typo to the word it is taken for
# How much the other terms of one concept add to its best term (see _concept_scores).
OTHER_TERMS = 0.3
# A record that matches a share s of the question's concepts keeps s**COVERAGE of its score
# (Lucene's classic "coord" factor, made steeper: a record answering the whole question beats
# one that repeats a single word).
COVERAGE = 2.0
# A record whose label the question spells out ("how does botox work" and "Botox injections: how
# it works") gains this factor; so does a record the question names exactly ("what is MVD").
LABEL_BONUS = 1.5
# The weight of a concept made of a question form's words ("how long", "how common").
QUESTION_FORM = 0.5
NAME_BONUS = 1.3
ALIAS_BONUS = 1.15

# A word as FTS5's unicode61 tokenizer sees one: letters and digits (an underscore separates).
_WORD = re.compile(r"[^\W_]+")
_SEGMENT = re.compile(r'"([^"]*)"?|(\S+)')
_CONTRACTION = re.compile(r"\b(what|who|how|where|it|that|there)'s\b")
_NEGATION = re.compile(r"n't\b")
_POSSESSIVE = re.compile(r"(\w)'s\b")
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b", re.I
)

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
# How well each kind of record answers a question in general, for "what is ..." and for "how
# long / how many ...". Aspects are the rows of a treatment (treatment:botox/duration);
# "definition" names the records that define something (a treatment's summary, a glossary term,
# a drug, a section whose title asks "What is ...").
_PRIOR = {
    "section": 1.0,
    "nerve": 0.9,
    "treatment": 1.0,
    "aspect": 1.0,
    "drug": 0.9,
    "statistic": 0.9,
    "figure": 0.7,
    "glossary": 0.9,
    "reference": 0.6,
    "registry": 0.7,
    "link": 0.7,
    "source": 0.8,
    "contact": 0.8,
}
_DEFINITION_PRIOR = {
    "glossary": 2.0,
    "definition": 1.8,
    "aspect": 0.7,
    "statistic": 0.6,
    "figure": 0.6,
}
PICTURE_PRIOR = 2.0  # a figure, for "picture of ..." and "diagram of ..."
# Where the guide's facts come from, for "which study ..." and "what is this based on".
SOURCE_PRIOR = 2.0
_SOURCE_KINDS = frozenset({"reference", "source", "registry", "link"})
_NUMBER_PRIOR = {"statistic": 1.6, "with-number": 1.4, "without-number": 0.7}
# The most that kinds and bonuses together can multiply a score by (a bound, for pruning).
MAX_BOOST = (
    max(_PRIOR.values())
    * max(_DEFINITION_PRIOR.values())
    * PICTURE_PRIOR
    * SOURCE_PRIOR
    * max(_NUMBER_PRIOR.values())
    * LABEL_BONUS
    * max(NAME_BONUS, ALIAS_BONUS)
)
# A glossary term or drug the question does not name is about something else (trigeminal
# neuralgia's pain is not the answer to "is it painful").
_UNNAMED_TERM = 0.6


class Entry(NamedTuple):
    """One searchable record: its stable id, kind, title, the command that shows it, its text,
    its other names (aliases, brand names) and its context (the names of what it belongs to)."""

    id: str
    kind: str
    title: str
    show: tuple[str, ...]  # the command's words after "hfs-info"
    body: str
    names: str = ""
    context: str = ""

    @property
    def command(self) -> str:
        """The command that shows the record, quoted for a POSIX shell (built only for the
        records shown: quoting every record of a large edition costs time)."""
        return " ".join(["hfs-info", *(shlex.quote(w) for w in self.show)])


class Concept(NamedTuple):
    """What one word or phrase of a question asks about: FTS5 terms, each with a weight."""

    typed: str
    terms: tuple[tuple[str, float], ...]
    # How much the concept counts: less for the words of a question form ("how long"), which
    # help find the row that answers ("how long it lasts") but must not outweigh the topic.
    weight: float = 1.0


class Question(NamedTuple):
    concepts: tuple[Concept, ...]
    intents: frozenset[str]


def entries(ds: Dataset) -> list[Entry]:
    """Every record a reader can be sent to, each with its stable id: sections, the nerve,
    treatments and each of their aspects, drugs, statistics, figures, glossary terms,
    references, trial registries, links, the guide itself and its contact."""
    out: list[Entry] = []
    for topic in query.TOPICS:
        for section in query.topic_sections(ds, topic):
            text = " ".join((*section.paragraphs, *section.points))
            out.append(Entry(f"section:{section.id}", "section", section.title, (topic,), text))
    n = ds.nerve
    nerve_text = " ".join(
        (n.name, *n.also_called, n.origin, n.exit, f"{n.main_branches} main branches", n.kind)
    )
    also = " ".join(n.also_called)
    out.append(Entry(f"nerve:{n.id}", "nerve", "The facial nerve", ("overview",), nerve_text, also))
    treatment_of = {s: t for t in ds.treatments for s in t.statistics}
    # The drugs belong to the medication treatment (as in query.find_treatment).
    drugs = tuple(name for m in ds.medications for name in (m.generic, m.brand))
    for t in ds.treatments:
        command = ("treatments", t.id)
        aliases = "; ".join(t.aliases)
        context = "; ".join((*t.aliases, *(drugs if t.id == query.MEDICATION else ())))
        out.append(Entry(f"treatment:{t.id}", "treatment", t.name, command, t.summary, aliases))
        for attr, label in TREATMENT_ASPECTS:
            shown = query.aspect_text(t, attr)  # with the guide's framing of side effects
            if shown and attr != "summary":
                title = f"{t.name}: {label.lower()}"
                out.append(
                    Entry(
                        f"treatment:{t.id}/{attr}", "treatment", title, command, shown, "", context
                    )
                )
    for m in ds.medications:
        body = f"{m.drug_class}; {m.purpose or ''}"
        out.append(
            Entry(f"drug:{m.id}", "drug", f"{m.generic} ({m.brand})", ("medications",), body)
        )
    for s in ds.statistics:
        text = f"{s.described}; {s.population}"
        owner = treatment_of.get(s.id)
        names = f"{owner.name}; {'; '.join(owner.aliases)}" if owner else ""
        title = f"{s.display}: {s.group}"
        out.append(Entry(f"statistic:{s.id}", "statistic", title, ("stats",), text, "", names))
    for f in ds.figures:
        show = ("figures", str(f.number))
        out.append(Entry(f"figure:{f.id}", "figure", f"Figure {f.number}", show, f.caption))
    for e in ds.glossary:
        names = "; ".join(e.aliases)
        show = ("glossary", e.term)
        out.append(Entry(f"glossary:{e.id}", "glossary", e.term, show, e.definition, names))
    sources = ("sources",)
    for r in ds.references:
        title = f"Reference {r.number}"
        # What the reference is the source of: the groups and treatments of its figures.
        backs = [s for s in ds.statistics if s.reference == r.id]
        owners = [treatment_of[s.id] for s in backs if s.id in treatment_of]
        names = "; ".join(
            dict.fromkeys([*(s.group for s in backs), *(n for t in owners for n in t.aliases)])
        )
        out.append(Entry(f"reference:{r.id}", "reference", title, sources, r.citation, "", names))
    for g in ds.registries:
        text = f"A registry of clinical trials: {g.sponsors}; {g.url}"
        out.append(Entry(f"registry:{g.id}", "registry", g.name, sources, text))
    for link in ds.links:
        out.append(Entry(f"link:{link.id}", "link", link.name, sources, f"A web link: {link.url}"))
    p = ds.provenance
    about = (
        f"{p.series}, published by {p.publisher}; reviewed by {p.reviewer} "
        f"({p.reviewer_affiliation}); updated {p.updated}. {p.standard} {p.copyright}"
    )
    out.append(Entry("source:guide", "source", p.title, sources, about))
    c = p.contact
    contact = f"{c.name}, phone {c.phone}. {c.purpose}"
    out.append(Entry("contact:guide", "contact", "Contact", sources, contact))
    return out


# --- reading the question ---------------------------------------------------------------------


def normalize_query(text: str) -> str:
    """What a person typed, as search reads it: NFKC (full-width letters, ligatures, combining
    accents composed), case-folded, curly apostrophes straightened, private-use characters
    (which the highlight markers are) removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():  # private use (category Co) covers the highlight markers
        text = "".join(c for c in text if unicodedata.category(c) != "Co")
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def read_question(text: str, vocabulary: Vocabulary) -> Question:
    """The concepts and intents of what a person typed (before it meets the index)."""
    text = normalize_query(text)
    text = _CONTRACTION.sub(r"\1 is", text)
    text = _NEGATION.sub(" not", text)
    text = _POSSESSIVE.sub(r"\1s", text)
    concepts: list[Concept] = []
    intents: set[str] = set()
    run: list[str] = []  # plain words in a row, read together for phrases ("come back")
    for phrase, token in _SEGMENT.findall(text):
        words = _WORD.findall(phrase or token)
        if not phrase and not token.endswith("*"):
            run += words
            continue
        concepts += _concepts(run, vocabulary, intents)
        run = []
        if phrase and words:
            exact = '"' + " ".join(words) + '"'
            concepts.append(Concept(" ".join(words), ((exact, 1.0),)))
        elif words:  # a word* prefix, searched as typed
            *rest, last = words
            concepts += _concepts(rest, vocabulary, intents)
            concepts.append(Concept(last + "*", ((f'"{last}"*', 1.0),)))
    concepts += _concepts(run, vocabulary, intents)
    # A word typed twice is one concept.
    unique = {c.typed: c for c in concepts}
    return Question(tuple(unique.values()), frozenset(intents))


def _concepts(words: list[str], vocabulary: Vocabulary, intents: set[str]) -> list[Concept]:
    """Concepts of a run of plain words: longest vocabulary phrases first, then single words."""
    questions = {
        phrase: intent for intent, phrases in vocabulary.questions.items() for phrase in phrases
    }
    out: list[Concept] = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words) - i < size:
                continue
            if questions.get(phrase) == "source":
                # "which study", "what research": asks for where facts come from, and the word
                # is still a topic (the trials and the references are about research).
                intents.add("source")
            elif phrase in questions:
                intents.add(questions[phrase])
                # "how common" asks for a number and about being common
                if phrase in vocabulary.words:
                    out.append(_concept(phrase, vocabulary)._replace(weight=QUESTION_FORM))
                break
            if phrase in vocabulary.words or phrase in vocabulary.forms or size == 1:
                if size == 1 and phrase in vocabulary.stop_words:
                    break
                out.append(_concept(phrase, vocabulary))
                break
        i += size
    return out


def _concept(phrase: str, vocabulary: Vocabulary) -> Concept:
    terms: dict[str, float] = {_quoted(phrase): 1.0}
    for form in _lookup(vocabulary.forms, phrase):
        terms.setdefault(_quoted(form), FORM_WEIGHT)
    for word in _lookup(vocabulary.words, phrase):
        terms.setdefault(_quoted(word), WORD_WEIGHT)
    return Concept(phrase, tuple(terms.items()))


def _lookup(table: dict[str, tuple[str, ...]], word: str) -> tuple[str, ...]:
    """A vocabulary entry for ``word`` or, failing that, for its singular (``shots`` finds
    ``shot``)."""
    if word in table:
        return table[word]
    for suffix in ("es", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem in table:
                return table[stem]
    return ()


def _quoted(phrase: str) -> str:
    return '"' + " ".join(_WORD.findall(phrase)) + '"'


def _stem_prefix(word: str) -> str | None:
    """A prefix to try when a word matches nothing as typed (``diagnosed`` -> ``diagnos``)."""
    for suffix in ("ations", "ation", "ness", "ment", "ings", "ing", "ful", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word[:-1] if len(word) >= 6 else None


def fts_query(text: str) -> str | None:
    """The FTS5 expression matching any concept of what a person typed (None: nothing to search
    for). Every word is quoted, so operators (AND, OR, NEAR), parentheses, colons, minus signs
    and stray quotes are only ever words or nothing."""
    from hfs_info import vocabulary

    question = read_question(text, vocabulary.load())
    terms = [term for c in question.concepts for term, _ in c.terms]
    return " OR ".join(dict.fromkeys(terms)) or None


# --- the index and the ranking -----------------------------------------------------------------


def _index(ds: Dataset) -> tuple[sqlite3.Connection, list[Entry]]:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE entries USING fts5("
        "id UNINDEXED, kind UNINDEXED, title, names, body, context, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    rows = entries(ds)
    db.executemany(
        "INSERT INTO entries (rowid, id, kind, title, names, body, context) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (i, e.id, e.kind, *map(_clean, (e.title, e.names, e.body, e.context)))
            for i, e in enumerate(rows)
        ],
    )
    return db, rows


def _match(db: sqlite3.Connection, expression: str) -> dict[int, float]:
    """rowid -> BM25 relevance (higher is better) of the records matching ``expression``."""
    import sqlite3

    try:
        found = db.execute(
            "SELECT rowid, bm25(entries, ?, ?, ?, ?, ?, ?) FROM entries WHERE entries MATCH ?",
            (*WEIGHTS, expression),
        ).fetchall()
    except sqlite3.OperationalError:  # a term FTS5 cannot parse matches nothing
        return {}
    return {rowid: -score for rowid, score in found}


def _concept_scores(
    db: sqlite3.Connection, concept: Concept, vocabulary_words: Callable[[], list[str]]
) -> tuple[dict[int, float], str | None]:
    """rowid -> the best weighted relevance of any term of ``concept``; a concept none of whose
    terms matches is tried as a stem prefix, then as the closest word of the dataset (returned
    too: the word a typo was read as)."""
    found: dict[int, list[float]] = {}
    for term, weight in concept.terms:
        for rowid, score in _match(db, term).items():
            found.setdefault(rowid, []).append(weight * score)
    # The best term counts in full, other terms of the same concept a little (a record that
    # says both "people" and "affected" is more about "how many people" than one that says one).
    scores = {
        rowid: max(found) + OTHER_TERMS * (sum(found) - max(found))
        for rowid, found in found.items()
    }
    if scores or concept.typed.endswith("*") or " " in concept.typed:
        return scores, None
    prefix = _stem_prefix(concept.typed)
    if prefix is not None:
        scores = {r: PREFIX_WEIGHT * s for r, s in _match(db, f'"{prefix}"*').items()}
        if scores:
            return scores, None
    import difflib

    # A typo keeps its first letter far more often than not; requiring it keeps "cover" from
    # becoming "over" and so answering a question the guide does not answer.
    typed = concept.typed
    if len(typed) < 4:  # too short to tell a slip of the keys from another word
        return {}, None
    # As lookups allow (query.py): one slip, two in a long word; "worse" is not "works" and
    # "cancre" not "care".
    slips = 1 if len(typed) < 8 else 2
    same_start = [w for w in vocabulary_words() if w[0] == typed[0]]
    for close in difflib.get_close_matches(typed, same_start, n=1, cutoff=TYPO_CUTOFF):
        if query.edit_distance(typed, close, slips) > slips:
            continue
        scores = {r: TYPO_WEIGHT * s for r, s in _match(db, f'"{close}"').items()}
        if scores:
            return scores, close
    return {}, None


def _kind_prior(entry: Entry, intents: frozenset[str], named: bool) -> float:
    kind = "aspect" if entry.kind == "treatment" and "/" in entry.id else entry.kind
    prior = _PRIOR[kind]
    if kind in ("glossary", "drug") and not named:
        prior *= _UNNAMED_TERM
    if "definition" in intents:
        defines = kind in ("glossary", "drug") or (
            kind == "treatment" or (kind == "section" and entry.title.casefold().startswith("what"))
        )
        if defines:
            prior *= _DEFINITION_PRIOR.get(kind if kind == "glossary" else "definition", 1.0)
        else:
            prior *= _DEFINITION_PRIOR.get(kind, 1.0)
    if "picture" in intents:
        prior *= PICTURE_PRIOR if kind == "figure" else 1.0
    if "source" in intents:
        prior *= SOURCE_PRIOR if kind in _SOURCE_KINDS else 1.0
    if "number" in intents:
        if kind == "statistic":
            prior *= _NUMBER_PRIOR["statistic"]
        elif _NUMBER.search(entry.body):
            prior *= _NUMBER_PRIOR["with-number"]
        else:
            prior *= _NUMBER_PRIOR["without-number"]
    return prior


class Ranking(NamedTuple):
    """Every record that answers a question, best first, with its score (higher is better);
    the typed words the guide never uses; the typos, each with the word it was read as."""

    ranked: list[tuple[Entry, float]]
    unmatched: tuple[str, ...]
    read_as: tuple[tuple[str, str], ...]


def rank(ds: Dataset, text: str) -> Ranking:
    """Every record that answers ``text``, ranked. NotFoundError when nothing answers: no topic
    word of the question is in the guide."""
    db, rows = _index(ds)
    try:
        return _ranked(ds, db, rows, _question(ds, text), text)
    finally:
        db.close()


def _question(ds: Dataset, text: str) -> Question:
    from hfs_info import vocabulary

    wanted = query.check_query(text, "search query")
    question = read_question(wanted, vocabulary.load())
    if not question.concepts:
        raise NotFoundError(_miss(wanted, "only question words"), suggestions(ds, wanted))
    return question


def _miss(wanted: str, why: str = "", closest: tuple[str, ...] = ()) -> str:
    """One line: nothing answers, the closest topics (if any word matched) and the commands that
    list everything."""
    because = f" ({why})" if why else ""
    near = f"; closest topics: {', '.join(closest)}" if closest else ""
    return (
        f"nothing in the guide answers {wanted!r}{because}{near}; "
        f"see every topic with: {', '.join(LIST_EVERYTHING)}"
    )


def _ranked(
    ds: Dataset,
    db: sqlite3.Connection,
    rows: list[Entry],
    question: Question,
    wanted: str,
    limit: int | None = None,
) -> Ranking:
    from hfs_info import vocabulary

    words = cache(lambda: _content_words(rows))  # only for a word that matches nothing
    found = [_concept_scores(db, c, words) for c in question.concepts]
    per_concept = [scores for scores, _ in found]
    known = [scores for scores in per_concept if scores]
    subject = vocabulary.load().subject
    specific = [
        c
        for c, scores in zip(question.concepts, per_concept, strict=True)
        if scores and c.typed not in subject and c.weight == 1.0
    ]
    # Honesty: a question whose topic words the guide never uses has no answer here, even if
    # a word naming the guide's subject ("hemifacial spasm") matches.
    unknown = len(per_concept) - len(known)
    if not known or (unknown and not specific):
        near: dict[int, float] = {}
        for scores in known:
            for rowid, score in scores.items():
                near[rowid] = near.get(rowid, 0.0) + score
        best = sorted(near, key=lambda r: (-near[r], rows[r].id))
        topics = [rows[r].command for r in best if rows[r].kind in TOPIC_KINDS]
        closest = tuple(dict.fromkeys(topics))[:CLOSEST_TOPICS]
        raise NotFoundError(_miss(wanted, closest=closest), suggestions(ds, wanted))
    totals: dict[int, float] = {}
    matched: dict[int, float] = {}
    for concept, scores in zip(question.concepts, per_concept, strict=True):
        for rowid, score in scores.items():
            totals[rowid] = totals.get(rowid, 0.0) + concept.weight * score
            matched[rowid] = matched.get(rowid, 0.0) + concept.weight
    asked = sum(
        c.weight for c, scores in zip(question.concepts, per_concept, strict=True) if scores
    )
    named = _named(db, question)
    typed = {_light_stem(w) for w in _WORD.findall(normalize_query(wanted))}
    phrases = {c.typed for c in question.concepts}
    base = {r: total * (matched[r] / asked) ** COVERAGE for r, total in totals.items()}
    ranked: list[tuple[Entry, float]] = []
    top: list[float] = []  # a min-heap of the limit best scores so far
    for rowid in sorted(base, key=lambda r: -base[r]):
        # Kinds and bonuses multiply a score by at most MAX_BOOST: once even that cannot lift a
        # record above the limit-th best, no later one can either (it keeps large editions fast).
        if limit is not None and len(top) >= limit and base[rowid] * MAX_BOOST < top[0]:
            break
        entry = rows[rowid]
        score = base[rowid] * _kind_prior(entry, question.intents, rowid in named)
        if _label_asked(entry, typed):
            score *= LABEL_BONUS
        if rowid in named and normalize_query(entry.title) in phrases:
            score *= NAME_BONUS
        elif rowid in named and _names(entry) & phrases:
            score *= ALIAS_BONUS
        ranked.append((entry, score))
        if limit is not None:
            (heapq.heappush if len(top) < limit else heapq.heappushpop)(top, score)
    ranked.sort(key=lambda pair: (-pair[1], pair[0].id))
    if limit is not None:
        ranked = ranked[:limit]
    unmatched = tuple(
        c.typed for c, (scores, _) in zip(question.concepts, found, strict=True) if not scores
    )
    read_as = tuple(
        (c.typed, close) for c, (_, close) in zip(question.concepts, found, strict=True) if close
    )
    return Ranking(ranked, unmatched, read_as)


def _light_stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _label_asked(entry: Entry, typed: set[str]) -> bool:
    """Whether the question spells out this treatment aspect's label (every word of "how it
    works", question words included, bar "it" and "is")."""
    if entry.kind != "treatment" or "/" not in entry.id:
        return False
    label = entry.title.rsplit(": ", 1)[-1]
    words = {_light_stem(w) for w in _WORD.findall(label.casefold())} - {"it", "i"}
    return words <= typed


def _names(entry: Entry) -> set[str]:
    """The record's title and other names, normalised as questions are."""
    return {normalize_query(n) for n in (entry.title, *entry.names.split("; ")) if n}


def _named(db: sqlite3.Connection, question: Question) -> set[int]:
    """Records whose title or other names the question uses (it asks about them by name)."""
    named: set[int] = set()
    terms = [term for concept in question.concepts for term, _ in concept.terms]
    if terms:
        named |= set(_match(db, "{title names} : (" + " OR ".join(terms) + ")"))
    return named


def search(ds: Dataset, text: str, limit: int = 10) -> list[Hit]:
    """The best ``limit`` records for ``text``; NotFoundError when nothing answers."""
    return list(answer(ds, text, limit).hits)


def answer(ds: Dataset, text: str, limit: int = 10) -> Found:
    """What ``search`` finds, with the words of ``text`` the guide never uses and the typos
    read as dataset words; NotFoundError when nothing answers."""
    question = _question(ds, text)
    db, rows = _index(ds)
    try:
        ranking = _ranked(ds, db, rows, question, text, limit)
        terms = [term for c in question.concepts for term, _ in c.terms]
        terms += [f'"{close}"' for _, close in ranking.read_as]
        rowids = {entry.id: rowid for rowid, entry in enumerate(rows)}
        hits = tuple(
            _hit(db, rowids[entry.id], entry, score, terms) for entry, score in ranking.ranked
        )
    finally:
        db.close()
    return Found(hits, ranking.unmatched, ranking.read_as)


def _hit(db: sqlite3.Connection, rowid: int, entry: Entry, score: float, terms: list[str]) -> Hit:
    """``entry`` as a Hit, its matches marked (by any term of the question that it contains)."""
    expression = " OR ".join(dict.fromkeys(terms))
    row = db.execute(
        "SELECT snippet(entries, 4, ?, ?, '…', ?), highlight(entries, 2, ?, ?), "
        "highlight(entries, 4, ?, ?) FROM entries WHERE entries MATCH ? AND rowid = ?",
        (
            HIGHLIGHT_START,
            HIGHLIGHT_END,
            SNIPPET_TOKENS,
            HIGHLIGHT_START,
            HIGHLIGHT_END,
            HIGHLIGHT_START,
            HIGHLIGHT_END,
            expression,
            rowid,
        ),
    ).fetchone()
    if row is None:  # matched through a stem prefix or a typo only: shown unmarked
        body = _clean(entry.body)
        snippet = body if len(body.split()) <= SNIPPET_TOKENS else _first_words(body)
        row = (snippet, _clean(entry.title), body)
    snippet, title, text = row
    return Hit(entry.id, entry.kind, title, entry.command, snippet, text, round(score, 4))


def _first_words(text: str) -> str:
    return " ".join(text.split()[:SNIPPET_TOKENS]) + "…"


def _clean(text: str) -> str:
    """Data may not forge highlight markers."""
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


# --- misses -------------------------------------------------------------------------------------


def _content_words(rows: list[Entry]) -> list[str]:
    """The dataset's own words that say something (no stop words, no question words)."""
    from hfs_info import vocabulary

    stop = vocabulary.load().stop_words
    found = {
        word
        for entry in rows
        for word in _WORD.findall(normalize_query(f"{entry.title} {entry.names} {entry.body}"))
        if len(word) > 2 and word not in stop and not word.isdigit()
    }
    return sorted(found)


def suggestions(ds: Dataset, text: str) -> tuple[str, ...]:
    """For a miss: near misses among the dataset's content words (``botx`` -> ``botox``), never
    applied; then the commands that list everything."""
    import difflib

    from hfs_info import vocabulary

    vocab = vocabulary.load()
    words = _content_words(entries(ds))
    found: dict[str, None] = {}
    known = set(words)
    for word in _WORD.findall(normalize_query(text)):
        if word in vocab.stop_words or word in known:
            continue
        for close in difflib.get_close_matches(word, words, n=2, cutoff=0.75):
            if close != word:
                found.setdefault(close)
    return tuple(found)[:5]


# The kinds of record whose command is a topic to offer after a miss.
TOPIC_KINDS = frozenset({"section", "nerve", "treatment", "glossary", "drug"})
# How many of the commands closest to a question that has no answer a miss names.
CLOSEST_TOPICS = 2
# The commands that list everything, offered after a miss.
LIST_EVERYTHING = ("hfs-info", "hfs-info glossary", "hfs-info stats", "hfs-info export")
