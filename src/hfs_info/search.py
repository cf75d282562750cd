"""Answers to questions: the records that answer what a person typed, best first, each shown by
the whole sentences that answer it.

Three modules share the work: search_analysis reads the question (concepts, intents, typo and
filler rules), search_index holds the records and their sentences in SQLite FTS5, and this module
ranks: each record is scored by BM25 per concept (title and other names weigh more than text),
by how many of the question's concepts it matches, and by whether its kind fits the question (a
definition for "what is", a record with a number for "how long", the results for "success
rate"). The hit's snippet is its best-matching sentence, whole, with the sentence before it when
it leans on it ("It can, however, ...") and the caveat after it ("However, ...").

User text never reaches FTS5 syntax: every word is quoted, and only "quoted phrases" and word*
prefixes are honoured on purpose. Nothing is invented: a question none of whose topic words the
guide uses is a miss (exit 1); a word the guide never uses is named, never silently replaced.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from hfs_info import search_analysis, search_gaps
from hfs_info.document import Found, Hit
from hfs_info.errors import NotFoundError
from hfs_info.models import PERCENT, TREATMENT_ASPECTS
from hfs_info.patterns import deferred
from hfs_info.query import MEDICATION
from hfs_info.search_analysis import (
    COMMON_ZIPF,
    TERM,
    WORD,
    Concept,
    Question,
    is_filler,
    may_correct,
    normalize_query,
    numbers,
    quoted,
    read_apart,
    read_literally,
    read_question,
    stem_prefix,
    zipf,
)
from hfs_info.search_index import (
    GLOSSARY,
    KINDS,
    Entry,
    Index,
    clean,
    entries,
    highlighted,
    highlighted_title,
    index_for,
    match,
    row_of,
)

if TYPE_CHECKING:
    from hfs_info.models import Dataset, Statistic

__all__ = ["KINDS", "Entry", "answer", "entries", "normalize_query", "rank", "read_question"]
__all__ += ["fts_query", "search", "suggestions"]

# Search refuses a question longer than this (characters): far above what people write (a
# rambling question of a thousand characters is answered), it bounds the work of a huge input.
MAX_QUESTION_LENGTH = 10_000

# How much the other terms of one concept add to its best term (see _concept_scores).
OTHER_TERMS = 0.3
# A record that matches a share s of the question's concepts keeps s**COVERAGE of its score
# (Lucene's classic "coord" factor, made steeper: a record answering the whole question beats
# one that repeats a single word).
COVERAGE = 2.0
# A record the question names exactly ("what is MVD") gains this factor.
NAME_BONUS = 1.3

_NUMBER = deferred(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b", re.I
)
# How well each kind of record answers a question in general, for "what is ..." and for "how
# long / how many ...". Aspects are the rows of a treatment (treatment:botox/duration);
# "definition" names the records that define something (a treatment's summary, a glossary term,
# a drug, a section whose title asks "What is ..."). Each of these priors alone moves the blind
# sets by less than 2 points, but together they move them by about 4 (docs/benchmarks.md,
# ablation), so they are kept as a group; the constants that moved nothing were removed.
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
_NUMBER_PRIOR = {"statistic": 1.6, "with-number": 1.4, "without-number": 0.7}
# For an outcome question ("success rate", "how many get better") the record that holds a
# treatment's outcome figures together (treatment:mvd/results) ranks just above its
# best-placed figure: the answer is the outcome, not one figure picked by a word. The same
# factor places a named entity's own record (_own_first) and a figure's statistic record
# (_figure_first) just above the records they lead, and a record of another treatment than
# the one named just below the named treatment's best (_named_treatment_first).
FIGURES_TOGETHER = 1.01
# The intents whose rules raise a record above others after scoring (the results, another
# treatment, the options, a figure, the reference cited): no record is pruned for them.
_RAISING = frozenset(("outcome", "alternative", "choice", "picture", "source", "existence"))
# The most that kinds and bonuses together can multiply a score by (a bound, for pruning).
MAX_BOOST = (
    max(_PRIOR.values())
    * max(_DEFINITION_PRIOR.values())
    * max(_NUMBER_PRIOR.values())
    * NAME_BONUS
)
# A glossary term or drug the question does not name is about something else (trigeminal
# neuralgia's pain is not the answer to "is it painful"); so is, when no number is asked, a
# figure of a treatment the question does not name (the 90% of surgical cases in which a vessel
# is found is not the answer to "an artery pressing on the nerve"); and so is any treatment's
# record for a question about the condition itself, naming no treatment (_of_condition).
_UNNAMED_TERM = 0.6
# The same factor weighs the words of a story told before a question that names its own topic
# ("my dad is 70 and has had it for years ... what are the odds surgery works?"): the asking
# sentence chooses the record, the story only breaks ties (_told_before).

# A sentence that leans on the one before it is shown with it ("It can, however, be
# embarrassing" needs "The twitching is usually not painful."); a caveat after a sentence is
# shown with it ("However, ...": a caveat stays beside its claim).
_LEANS_BACK = deferred(
    r"^(?:it|its|this|these|that|those|they|their|them|such|both|he|she|however|but|also|"
    r"instead|otherwise|then|there)\b",
    re.I,
)
# ... or names, before its first comma, what the sentence before said ("To reduce these
# complications, ..." needs the complications; "In such cases, ...").
_REFERS_BACK = deferred(r"\b(?:this|these|those|such|that)\b", re.I)
# The most words an opening phrase that refers back has ("To reduce these complications").
OPENING_WORDS = 6


def leans_back(sentence: str) -> bool:
    """Whether ``sentence`` leans on the one before it: it opens with a word that refers back
    ("It", "This", "These", "Such", "They", "However"), or its opening phrase, before the first
    comma, refers back ("To reduce these complications, ...")."""
    if _LEANS_BACK.match(sentence):
        return True
    opening, comma, _ = sentence.partition(",")
    return (
        bool(comma) and len(opening.split()) <= OPENING_WORDS and bool(_REFERS_BACK.search(opening))
    )


_CAVEAT = deferred(r"^(?:however|but|although|though|yet|unless|except)\b|^\w+, however\b", re.I)


class Match(NamedTuple):
    """How one concept met the index: rowid -> relevance; the terms that matched (for
    highlighting and for choosing sentences); the word a typo was read as; the guide's words
    for something only related, when only those matched."""

    scores: dict[int, float]
    terms: tuple[tuple[str, float], ...] = ()
    read_as: str | None = None
    related: tuple[str, ...] = ()
    opposite: tuple[str, ...] = ()  # the guide's words for the opposite, when only those matched


def _concept_match(ix: Index, concept: Concept, words: Callable[[], list[str]]) -> Match:
    """The records ``concept`` matches: as typed and in words of the same meaning; else as a
    stem prefix; else through related words (said as such); else as a near word of the guide
    (a typo, if may_correct allows it)."""
    scores, terms = _scored(ix, concept.terms)
    if concept.asking:  # only the very words: "cost" is never read as another word
        return Match(scores, terms)
    if scores or concept.typed.endswith("*"):
        extra, also = _scored(ix, concept.related)
        for rowid, score in extra.items():  # related words add a little to a direct match
            if rowid in scores:  # (and never make one: "needle" is not the injections)
                scores[rowid] += OTHER_TERMS * score
        return Match(scores, terms + also)
    single = " " not in concept.typed
    prefix = stem_prefix(concept.typed) if single else None
    if prefix is not None and _is_form(prefix, words()):
        term = f'"{prefix}"*'
        scores = match(ix.db, term)
        if scores:
            return Match(scores, ((term, TERM),))
    scores, terms = _scored(ix, concept.related)
    if scores:
        guide_words = tuple(t.strip('"') for t, _ in terms)
        return Match(scores, terms, related=guide_words)
    scores, terms = _scored(ix, concept.opposites)
    if scores:  # "voluntary": the guide's "involuntary", said as the opposite
        return Match(scores, terms, opposite=tuple(t.strip('"') for t, _ in terms))
    if not single or len(concept.typed) < 4:  # too short to tell a slip from another word
        return Match({})
    typed = concept.typed
    for a, b in _halves(typed):  # "intraoperative" for the guide's "intra-operative"
        term = f'"{a} {b}"'
        scores = match(ix.db, term)
        if scores:
            return Match(scores, ((term, TERM),))
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    # A typo of a word of the guide, or of an everyday word the vocabulary knows ("sucess").
    # (or with a first letter that may be spelt so: "karbamazepine", "fenytoin")
    first = {typed[0], *search_analysis.SPELT_ALIKE.get(typed[0], "")}
    known = [w for w in words() if w[0] in first]
    known += [w for t in (vocab.forms, vocab.words) for w in t if w[0] in first and " " not in w]
    # a word spelt as it sounds ("botoks"): the same Soundex code and two slips at most
    alike = search_analysis.sounds_like(typed, known)
    close_words = search_analysis.near_words(typed, known)
    # a word spelt as a learner of English or a person writing by ear may spell it ("sintomas",
    # "simtoms", "espasmo"): the same learnt_spelling, whatever its first letter
    every = [*words(), *(w for t in (vocab.forms, vocab.words) for w in t if " " not in w)]
    learnt = search_analysis.spelt_as_learnt(typed, every)
    for close in dict.fromkeys((*close_words, *alike, *learnt)):
        if close not in learnt and not may_correct(typed, close, sounds=close in alike):
            continue
        as_read = read_question(close, vocab).concepts or read_literally(close, vocab).concepts
        if not as_read:
            continue
        read = _concept_match(ix, as_read[0], words)
        if read.scores and not read.related and not read.opposite:
            return Match(read.scores, read.terms, read_as=close)
    return _glued_slip(ix, typed, every)


def _glued_slip(ix: Index, typed: str, every: list[str]) -> Match:
    """Two words typed as one, one of them with a slip ("belspalsy": bells palsy): one half a
    word of the guide or the vocabulary as typed, the other one slip from such a word
    (may_correct); the phrase they make is matched as the guide's, and said."""
    known = set(every)
    for a, b in _halves(typed):
        if len(a) < 4 or len(b) < 4:
            continue
        for whole, slipped in ((a, b), (b, a)):
            if whole not in known:
                continue
            near = [w for w in every if w[:1] == slipped[:1]]
            for close in search_analysis.near_words(slipped, near):
                if not may_correct(slipped, close):
                    continue
                phrase = f"{a} {close}" if whole == a else f"{close} {b}"
                term = quoted(phrase)
                scores = match(ix.db, term)
                if scores:
                    return Match(scores, ((term, TERM),), read_as=phrase)
    return Match({})


def _counted(ix: Index, concept: Concept, found: Match, among: bool) -> Match:
    """``found`` without the records where the count ``concept`` types is only a part of a
    phone number or of a citation's pages (search_analysis.counts_in), when it is ``among``
    other words: "885 people" is not the phone number 417-885-3888 (a question of the number
    alone still finds where it stands); and, for a share ("8%"), without the records that give
    no such share."""
    if not concept.typed.isdigit() or concept.number is not None:
        return found
    if not among and not concept.percent:
        return found
    spellings = tuple(term.strip('"') for term, _ in concept.terms)
    kept = {}
    for rowid, score in found.scores.items():
        e = ix.rows[rowid]
        text = f"{e.title} {e.names} {e.body} {e.context}"
        if among and not search_analysis.counts_in(spellings, text):
            continue
        if concept.percent and not search_analysis.shares(spellings, text):
            continue  # "8%" is never the 8 people in 100,000
        kept[rowid] = score
    return found._replace(scores=kept)


# What may follow a stem prefix in a word of the guide for that word to be a form of the word
# typed ("diagnos": diagnosis, diagnosed); not "er" ("numb" of "numbness" is not "number").
_FORM_ENDINGS = frozenset(
    ("", "e", "s", "es", "ed", "ing", "ings", "is", "ic", "ical", "y", "ies", "al", "ation")
) | frozenset(("ations", "ion", "ions", "ive", "ment", "ments", "ness", "ful", "ly"))


def _is_form(prefix: str, words: Iterable[str]) -> bool:
    """Whether a word of the guide is ``prefix`` and an ending of a word form."""
    return any(w.startswith(prefix) and w[len(prefix) :] in _FORM_ENDINGS for w in words)


def _halves(word: str) -> list[tuple[str, str]]:
    """Ways to cut a word in two words of three letters or more."""
    return [(word[:i], word[i:]) for i in range(3, len(word) - 2)]


def _scored(
    ix: Index, terms: tuple[tuple[str, float], ...]
) -> tuple[dict[int, float], tuple[tuple[str, float], ...]]:
    """rowid -> the best weighted relevance of any of ``terms``, other terms adding a little (a
    record that says both "people" and "affected" is more about "how many people" than one that
    says one); and the terms that matched."""
    found: dict[int, list[float]] = {}
    matched: list[tuple[str, float]] = []
    for term, weight in terms:
        hits = match(ix.db, term)
        if hits:
            matched.append((term, weight))
        for rowid, score in hits.items():
            found.setdefault(rowid, []).append(weight * score)
    scores = {r: max(s) + OTHER_TERMS * (sum(s) - max(s)) for r, s in found.items()}
    return scores, tuple(matched)


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
    # (an outcome question wants the figures together, not one figure: see _outcome_first)
    if "number" in intents and not ("outcome" in intents and kind == "statistic"):
        if kind == "statistic":
            prior *= _NUMBER_PRIOR["statistic"]
        elif _NUMBER.search(entry.body):
            prior *= _NUMBER_PRIOR["with-number"]
        else:
            prior *= _NUMBER_PRIOR["without-number"]
    return prior


class Ranking(NamedTuple):
    """Every record that answers a question, best first, with its score (higher is better);
    the typed words the guide never uses (topic words, not filler); the typos, each with the
    word it was read as; the words followed to something only related, each with the guide's
    words; and how each concept matched."""

    ranked: list[tuple[Entry, float]]
    unmatched: tuple[str, ...]
    read_as: tuple[tuple[str, str], ...]
    related: tuple[tuple[str, tuple[str, ...]], ...] = ()
    matches: tuple[Match, ...] = ()
    opposites: tuple[tuple[str, tuple[str, ...]], ...] = ()


def rank(ds: Dataset, text: str) -> Ranking:
    """Every record that answers ``text``, ranked. NotFoundError when nothing answers: no topic
    word of the question is in the guide."""
    from hfs_info import query

    query.check_query(text, "search query", MAX_QUESTION_LENGTH)
    ix = index_for(ds)
    return _ranked(ds, ix, _question(ds, text, ix), text)


def _ranges(ds: Dataset) -> tuple[tuple[float, float, str, str], ...]:
    """The ranges of counts the guide gives ("1 to 3 injections"): their ends, how they are
    written (as a statistic's title writes them) and what they count."""
    return tuple(
        (s.value, s.max_value, s.display.removesuffix(f" {s.unit}"), s.unit)
        for s in ds.statistics
        if s.max_value is not None and s.unit != PERCENT and not s.approximate
    )


def _question(ds: Dataset, text: str, ix: Index) -> Question:
    """What ``text`` asks: words typed apart or glued read as the guide's words first; a
    question of nothing but question words and filler read word by word."""
    from hfs_info import query, vocabulary

    wanted = query.check_query(text, "search query", MAX_QUESTION_LENGTH)
    vocab = vocabulary.load()
    is_word = cache(lambda word: bool(match(ix.db, quoted(word))))
    rewritten, apart = read_apart(wanted, is_word, vocab)
    rewritten = search_analysis.as_meant(rewritten)  # "how much people": how many
    if "how" in WORD.findall(rewritten):
        rewritten, slips = _asking_typos(rewritten, is_word, ix)
        apart = (*apart, *slips)
    else:
        rewritten, slips = _frame_typos(rewritten, is_word, ix)
        apart = (*apart, *slips)
    question = read_question(rewritten, vocab)
    if "beyond" in question.intents and _treatment_had(rewritten, ix):
        # "had MVD three weeks ago ... will it get better on its own", "since the operation,
        # will the twitching settle by itself": the course after a treatment, which the guide
        # tells of (the spasm may take time to stop), never the condition left untreated
        kept = tuple(
            c for c in question.concepts if not (c.asking and c.typed in search_analysis.ALONE)
        )
        intents = question.intents
        if not any(c.asking for c in kept):
            intents = intents - {"beyond"}
        question = question._replace(concepts=kept, intents=intents)
    if not question.concepts:
        question = read_literally(rewritten, vocab)._replace(intents=question.intents)
    if question.literal and not any(is_word(c.typed) for c in question.concepts):
        raise NotFoundError(_miss(wanted, "only question words"), suggestions(ds, wanted))
    question = search_analysis.within_ranges(question, _ranges(ds))
    if "failing" in question.intents and _ASKS_IF_FAILED.search(rewritten.replace("n't", " not")):
        # "is that normal or did it fail", "has the operation failed": whether the treatment
        # had works, its outcome; never what else there is
        question = question._replace(intents=(question.intents - {"failing"}) | {"outcome"})
    if "failing" in question.intents:
        failed = _failed(ix, rewritten)
        if len(failed) >= 2 or (failed and _ASKS_NEXT.search(rewritten)):
            # "what if botox and medication don't control my spasms", "what happens if the
            # medication doesn't work": another treatment is asked
            question = question._replace(intents=question.intents | {"alternative"})
        if failed and _FAILS_TO_WORK.search(rewritten.replace("n't", " not")):
            # the work of "doesn't work" is the failing, never how the treatment works
            kept = tuple(c for c in question.concepts if c.typed not in _WORKS)
            question = question._replace(concepts=kept)
    in_guide = cache(lambda phrase: bool(match(ix.db, quoted(phrase))))
    aspect = _asked_aspect(rewritten, in_guide) or _asked_plainly(rewritten, in_guide)
    if aspect is None and _asks_who_gives(rewritten, ix):
        aspect = _aspect_form("how_given", in_guide)
    if aspect is None and (
        "alternative" in question.intents or _asks_when_turned_to(rewritten, ix)
    ):
        aspect = _turned_to(in_guide)
    if aspect is None and _how_often_given(rewritten, question, ix, vocab.subject):
        aspect = _aspect_form("duration", in_guide)
    course = _asks_course(rewritten, ix) if aspect is None else ()
    if course:
        # the words of time passing are the question's frame, as an aspect's asking phrase is
        # ("over the years" is never Botox's "over the years")
        aspect = _course_form(in_guide)
        if aspect is not None:
            frame = set(course) - {"as", "in", "with", "the", "on"}
            kept = tuple(c for c in question.concepts if c.typed not in frame)
            question = question._replace(concepts=kept)
    if aspect is not None and aspect.typed not in {c.typed for c in question.concepts}:
        question = question._replace(concepts=(*question.concepts, aspect))
    given = _aspect_form("how_given", in_guide) if aspect is not None else None
    if given is not None and aspect is not None and aspect.typed == given.typed:
        # "how is the medication taken", "how is the operation performed": the verb of doing
        # a treatment asks how it is given, the aspect found; it is the question's frame,
        # never a topic the guide lacks
        kept = tuple(c for c in question.concepts if c.typed not in _DOING_VERBS)
        question = question._replace(concepts=kept)
    if _treatment_chosen(rewritten):
        # "who decides which treatment I get": choosing among the treatments; the verb of
        # choosing is the question's frame, as "choose" is, never searched ("your doctor
        # decides which muscles" is how Botox is given)
        question = question._replace(
            intents=question.intents | {"choice"},
            concepts=tuple(c for c in question.concepts if c.typed not in _CHOOSING),
        )
    if "outcome" not in question.intents and _asks_if_it_works(rewritten, ix):
        # "does botox work for hemifacial spasm" asks how well it works, not how it works;
        # "is there an operation that cures it" asks first what that treatment is
        there = any(WORD.findall(c)[:2] in _THERE for c in _CLAUSE.split(rewritten.casefold()))
        asked = {"outcome", "existence"} if there else {"outcome"}
        question = question._replace(intents=question.intents | asked)
    if aspect is None and _asks_way_in(rewritten, ix):
        # "how do they get to the nerve in MVD", "how does the botox get into the muscle": how
        # a treatment reaches what it works on is how it is given; a verb of reaching the guide
        # does not use ("access") is the question's frame
        aspect = _aspect_form("how_given", in_guide)
        if aspect is not None:
            kept = tuple(c for c in question.concepts if c.typed not in _ACCESSING)
            question = question._replace(concepts=(*kept, aspect))
    if _danger_of_condition(rewritten, question, ix, vocab.subject):
        # "is hemifacial spasm dangerous": how the condition itself harms, asked of no
        # treatment, is never a treatment's risks or side effects (the guide's words for
        # "dangerous"); the word is searched as typed, as the questions a record answers say it
        question = question._replace(
            concepts=tuple(
                c._replace(terms=((quoted(c.typed), 1.0),)) if c.typed in _DANGER else c
                for c in question.concepts
            )
        )
    lasting = _lasting_asked(rewritten, question, ix)
    if lasting is not None:
        # "is the surgery permanent", "is botox a long term fix": how long a treatment's
        # effect lasts, which one that wears off says (how long it lasts) and the outcome of
        # one that does not (the operation's results, its recurrence with them); the words of
        # lasting are the question's frame, never a topic the guide lacks
        wears_off, lasting_words = lasting
        kept = tuple(c for c in question.concepts if c.typed not in lasting_words)
        question = question._replace(concepts=kept)
        duration = _aspect_form("duration", in_guide) if wears_off else None
        if duration is not None and aspect is None:
            aspect = duration
            question = question._replace(concepts=(*question.concepts, duration))
        elif not wears_off:
            question = question._replace(intents=question.intents | {"outcome"})
    if aspect is None and _purpose_asked(rewritten, ix):
        purpose = _aspect_form("how_it_works", in_guide)
        if purpose is not None:
            question = question._replace(concepts=(*question.concepts, purpose))
    if _caused_by_treatment(rewritten, ix):
        # "can MVD cause hearing loss": what a treatment causes is among its side effects, not
        # the causes of the condition; the verb weighs as a word of the guide's subject does
        caused = tuple(
            c._replace(weight=search_analysis.SUBJECT_WEIGHT) if c.typed in _CAUSING else c
            for c in question.concepts
        )
        question = question._replace(concepts=caused)
    if _asks_what_it_is(rewritten) and any(
        c.typed in vocab.subject or c.weight == search_analysis.SUBJECT_WEIGHT
        for c in question.concepts
    ):
        # "my left eyelid keeps twitching and now my cheek too, what is this": a story of the
        # spasms asked what it is asks for the condition; the places it tells of are its story
        # (the eyelid that droops after Botox, the cheek that trigeminal neuralgia pains)
        # (the condition is asked, not a word's definition: the section on what it is answers)
        question = question._replace(
            intents=question.intents - {"definition"},
            concepts=tuple(
                c._replace(weight=1.0)
                if c.typed in vocab.subject or c.weight == search_analysis.SUBJECT_WEIGHT
                else c._replace(weight=search_analysis.SUBJECT_WEIGHT)
                for c in question.concepts
            ),
        )
    kinds = _kinds_of_named(rewritten, ix)
    if kinds:
        # "how this botox medicine work": the word for a kind of treatment after a treatment's
        # name says what the named one is, as words naming the guide's subject weigh
        question = question._replace(
            concepts=tuple(
                c._replace(weight=search_analysis.SUBJECT_WEIGHT) if c.typed in kinds else c
                for c in question.concepts
            )
        )
    return _why_of_topic(question, rewritten)._replace(read_as=apart)


# A clause asking what a story told before it is, and nothing else: "what is this", "what could
# it be", "what's going on", "what is happening to me", "what do I have".
_WHAT_IT_IS = deferred(
    r"^(?:so |and |but |then )?(?:"
    r"what(?: is|s| s)? (?:this|it|that)"
    r"|what (?:could|can|might|would|will) (?:this|it|that) be"
    r"|what(?: is|s| s)? (?:going on|happening)(?: to (?:me|her|him|them|us))?"
    r"|what (?:do|does|did) (?:i|she|he|they|we) have"
    r")(?: then| exactly)?$"
)


def _asks_what_it_is(text: str) -> bool:
    """Whether ``text`` tells something and then asks, in a clause of its own, only what it
    is ("my cheek jumps all day, what could this be")."""
    clauses = [" ".join(WORD.findall(c)) for c in _CLAUSE.split(text.casefold().replace("'", ""))]
    clauses = [c for c in clauses if c]
    return len(clauses) >= 2 and bool(_WHAT_IT_IS.search(clauses[-1]))


# Words for a kind of treatment: after a treatment's name ("the botox medicine", "carbamazepine
# pills"), they say what it is, and never lead to another treatment.
_KIND_WORDS = frozenset(
    (
        *("medicine", "medicines", "medication", "medications", "drug", "drugs"),
        *("pill", "pills", "tablet", "tablets", "treatment", "treatments", "therapy"),
    )
)


# What comes next, asked of a treatment that fails ("what happens if the pills don't work",
# "what if botox stops working", "what now"): another treatment.
_ASKS_NEXT = deferred(r"\bwhat (?:happens|if|now|next|then|else|other|are my)\b|\bthen what\b")
# Whether a treatment had failed, asked yes or no ("did it fail", "has the operation failed",
# "did the surgery not work").
_ASKS_IF_FAILED = deferred(
    r"\b(?:did|has|have|had)\s+(?:it|they|this|that|(?:the|my|his|her)\s+\w+)\s+"
    r"(?:fail|failed|not work|not worked)\b"
)
# A treatment failing to work ("doesn't work", "stopped working", "no longer works").
_FAILS_TO_WORK = deferred(
    r"\b(?:not|dont|doesnt|didnt|wont|isnt|arent|stop|stops|stopped|longer)\s+"
    r"(?:work|works|working)\b"
)


def _kinds_of_named(text: str, ix: Index) -> frozenset[str]:
    """The words for a kind of treatment (_KIND_WORDS) typed right after a treatment's own name
    ("botox medicine", "botulinum toxin drug")."""
    words = WORD.findall(normalize_query(text))
    out = set()
    for i, word in enumerate(words):
        if word not in _KIND_WORDS or i == 0:
            continue
        for name in (words[i - 1], " ".join(words[max(0, i - 2) : i])):
            rows = ix.own_names.get(name, frozenset())
            if any(_treatment_of(ix.rows[r]) for r in rows):
                out.add(word)
    return frozenset(out)


# Verbs of choosing, in their forms, and the guide's general words for what is chosen among.
_CHOOSING = frozenset(
    (
        *("choose", "chooses", "choosing", "chose", "chosen"),
        *("decide", "decides", "deciding", "decided"),
        *("pick", "picks", "picking", "picked", "select", "selects", "selected"),
    )
)
_OPTIONS = frozenset(("treatment", "treatments", "option", "options", "therapy", "therapies"))
_DETERMINERS = frozenset(("which", "what", "my", "the", "a", "an", "his", "her", "their", "our"))


def _treatment_chosen(text: str) -> bool:
    """Whether a clause has a verb of choosing whose object is a treatment in general words
    ("who decides which treatment I get", "who chooses my treatment", "how do they pick the
    therapy"); not a choice of something else ("who decides which muscles get the botox")."""
    for clause in _CLAUSE.split(text.casefold()):
        words = WORD.findall(clause)
        for k, word in enumerate(words):
            if word not in _CHOOSING:
                continue
            after = words[k + 1 :]
            while after and after[0] in _DETERMINERS:
                after = after[1:]
            if after[:1] and after[0] in _OPTIONS:
                return True
    return False


# Verbs of having something done: "why do I need an MRI", "why would they do an MRI" ("do" as
# the verb, not the auxiliary that opens "why do my eyes twitch").
_HAVING_DONE = frozenset(("need", "needs", "needed")) | frozenset(
    ("get", "gets", "getting", "got", "order", "orders", "ordered", "do", "done", "undergo")
)


def _why_of_topic(question: Question, text: str) -> Question:
    """A clause asking why something is needed or done ("why do I need an MRI", "why would
    they do an MRI") asks what that thing is for, not why the condition happens: "why", found
    only in the everyday questions a record answers ("why does it happen": the causes), then
    weighs as a word of the guide's subject does, when the question names a topic of its own
    ("why do I have hemifacial spasm" keeps it)."""
    whys = [c for c in question.concepts if c.typed == "why"]
    topics = [
        c
        for c in question.concepts
        if c.typed != "why" and c.weight > search_analysis.SUBJECT_WEIGHT
    ]
    if not whys or not topics or not _asks_why_done(text):
        return question
    weighed = tuple(
        c._replace(weight=search_analysis.SUBJECT_WEIGHT) if c.typed == "why" else c
        for c in question.concepts
    )
    return question._replace(concepts=weighed)


def _asks_why_done(text: str) -> bool:
    """Whether a clause has "why", then a verb of needing or having done within its next
    words ("why get an MRI"); "do" just after "why" is the auxiliary ("why do my eyes
    twitch")."""
    for clause in _CLAUSE.split(text.casefold()):
        words = WORD.findall(clause)
        if "why" not in words:
            continue
        after = words[words.index("why") + 1 :][:ASPECT_WORDS]
        if after[:1] == ["do"]:  # the auxiliary ("why do my eyes twitch")
            after = after[1:]
        if _HAVING_DONE.intersection(after):
            return True
    return False


# Verbs of giving or taking a treatment, asked why: "why would they give me an epilepsy drug".
_PURPOSE_VERBS = frozenset(
    ("give", "gave", "given", "giving", "take", "taking", "took", "use", "used", "using")
) | frozenset(("prescribe", "prescribed", "prescribes", "prescribing", "put"))


_WORKS = frozenset(("work", "works", "working"))


def _asks_if_it_works(text: str, ix: Index) -> bool:
    """Whether a clause asks yes or no whether a treatment works: it opens with "do", "does",
    "will" or "would", a treatment is named before "work", and "work" ends the clause or is
    followed by "for" ("does botox work for hemifacial spasm", "do the pills actually work");
    not "does the op work straight away" (how soon), nor "how does it work"."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    for clause in _CLAUSE.split(text.casefold()):
        words = WORD.findall(clause)
        if not words or (words[0] not in _YES_NO and words[:2] not in _THERE):
            continue
        at = next((k for k, w in enumerate(words) if w in _WORKS), None)
        if at is not None and at + 1 < len(words) and words[at + 1] != "for":
            continue
        if at is None:
            # "does surgery cure it", "will the pills help": a verb of curing, asked yes or no
            at = next((k for k, w in enumerate(words) if w in _CURES), None)
            # ("does botox cure it or just wear off" sets two outcomes side by side)
            if at is None or "or" in words[at:]:
                continue
            # what it cures is the condition, however severe ("does surgery cure it for
            # good", "do meds help severe hemifacial spasm"); not another thing ("do the
            # medicines stop the nerve from firing" asks how they work)
            told = words[at + 1 :]
            told = told[: told.index("if")] if "if" in told else told
            if any(
                w not in vocab.subject and w not in _SEVERITY and not is_filler(w, vocab)
                for w in told
            ):
                continue
        before = words[1:at]
        if _EITHER & set(before):
            continue  # two things named ("can valium or klonopin help"): each is asked of
        # "is there an operation that cures it": the treatment stands before its relative word
        while before and before[-1] in _HOW_SURELY | _RELATIVE:
            before.pop()
        # the treatment is what works: its name just before "work" ("does botox take a while
        # to work" asks how soon)
        phrases = {" ".join(before[len(before) - n :]) for n in (1, 2, 3) if n <= len(before)}
        phrases |= {w for p in phrases for w in (*vocab.words.get(p, ()), *vocab.forms.get(p, ()))}
        rows = {r for p in phrases for r in ix.own_names.get(p, frozenset())}
        if any(_treatment_of(ix.rows[r]) for r in rows):
            return True
    return False


# How bad the spasms are, whom and how wholly a treatment cures, as a question may say it.
_SEVERITY = (
    frozenset(("severe", "mild", "bad", "strong", "serious", "worse", "worst"))
    | frozenset(
        ("everybody", "everyone", "anybody", "anyone", "patients", "permanently", "completely")
    )
    | frozenset(("forever", "fully", "totally", "entirely", "good"))
)
# Verbs of curing, asked yes or no of a treatment: "does surgery cure it", "will pills help".
_CURING = frozenset(("cure", "fix", "help", "stop", "end", "solve", "heal", "relieve"))
# ... and their forms after a treatment asked of ("is there an operation that cures it").
_CURES = _CURING | frozenset(
    ("cures", "fixes", "helps", "stops", "ends", "solves", "heals", "relieves")
)
# The words opening a yes-or-no question of whether a treatment works or cures: "does surgery
# cure it", "can medicine cure severe hemifacial spasm", "is there a drug that helps".
_YES_NO = frozenset(("do", "does", "will", "would", "can", "could"))
_THERE = (["is", "there"], ["are", "there"])
_RELATIVE = frozenset(("that", "which", "to"))
_EITHER = frozenset(("or", "and"))
# Words that may stand between a treatment and "work": "do the pills actually work".
_HOW_SURELY = frozenset(("actually", "really", "usually", "always", "even", "still", "ever"))


_WHY_NOT = frozenset(("not", "dont", "doesnt", "shouldnt", "wouldnt", "cant", "couldnt"))


# Words asking how much harm something does: of a treatment, its risks and side effects; of the
# condition itself, what it does to a person (its symptoms).
_DANGER = frozenset(("dangerous", "danger", "dangers", "risky", "harmful"))


def _danger_of_condition(text: str, question: Question, ix: Index, subject: frozenset[str]) -> bool:
    """Whether a question asks whether the condition itself is dangerous: a word of danger, the
    condition named ("hemifacial spasm", "the twitching"), and no treatment named."""
    typed = {c.typed for c in question.concepts if not c.form}
    if not typed & _DANGER or not typed & subject:
        return False
    return not _treatment_words(ix).intersection(WORD.findall(normalize_query(text)))


# Verbs of reaching a place, as a question asks how a treatment gets to what it works on: "how
# do they get to the nerve", "how does the botox get into the muscle", "how do they access it".
_ACCESSING = frozenset(("access", "accessed", "accessing"))
_REACHING = _ACCESSING | frozenset(("reach", "reached", "reaching", "reaches"))
_GETTING = frozenset(("get", "gets", "getting", "got", "go", "goes", "going"))
_GETTING_TO = frozenset(("to", "at", "into", "inside", "in", "through"))


def _asks_way_in(text: str, ix: Index) -> bool:
    """Whether a clause asks how a treatment or those who give it get to what it works on:
    "how" opens it, an asking verb follows, then within a few words a verb of reaching ("reach",
    "access", "get to", "get into", "go in"), and the question names a treatment or the one who
    does it ("they", "the surgeon"); not how long or how soon ("how long to get to normal")."""
    treatments = _treatment_words(ix)
    every = WORD.findall(normalize_query(text))
    named = bool(treatments.intersection(every))
    for clause in _CLAUSE.split(normalize_query(text)):
        words = WORD.findall(clause)
        for i, word in enumerate(words[:-2]):
            if word != "how" or words[i + 1] not in _ASKING_VERBS:
                continue
            rest = words[i + 2 : i + 2 + ASPECT_WORDS]
            at = next(
                (
                    k
                    for k, w in enumerate(rest)
                    if w in _REACHING
                    or (w in _GETTING and k + 1 < len(rest) and rest[k + 1] in _GETTING_TO)
                ),
                None,
            )
            if at is None:
                continue
            doers = _DOERS.intersection(rest[:at]) or treatments.intersection(rest[:at])
            if doers and (named or _DOERS.intersection(rest[:at]) - {"you", "doctor", "doctors"}):
                return True
    return False


# Words asking whether a treatment's effect lasts: "is the surgery permanent", "a long-term
# fix" ("long term" is read as two words).
_LASTING = frozenset(
    ("permanent", "permanently", "permanence", "lifelong", "longterm", "temporary", "temporarily")
)
_LONG_TERM = ("long", "term")
# ... of curing, asked so ("a permanent cure", "fix it for good"): the frame of the question.
_CURED = _CURING | frozenset(("cure", "cures", "cured", "fix", "fixes", "fixed", "solution"))
_THERE_IS = deferred(r"\b(?:is|are) there\b", re.I)


def _lasting_asked(text: str, question: Question, ix: Index) -> tuple[bool, frozenset[str]] | None:
    """Whether a question asks if a treatment's effect lasts: a word of lasting ("permanent",
    "long term") and one or more treatments named by their own names, and nothing else but the
    condition, verbs of curing and filler; not whether there is such a treatment ("is there a
    surgery to fix it permanently" asks what the operation is). (Whether every treatment named
    wears off, that is, has an aspect of how long it lasts; the typed words of lasting) or
    None."""
    from hfs_info import vocabulary

    if _THERE_IS.search(text):
        return None

    vocab = vocabulary.load()
    asked = [c for c in question.concepts if not c.form and not c.background]
    typed = [c.typed for c in asked]
    frame = {w for w in typed if w in _LASTING}
    pairs = set(pairwise(typed))
    if _LONG_TERM in pairs:
        frame |= set(_LONG_TERM)
    if not frame:
        return None
    named: set[str] = set()
    for c in asked:
        if c.typed in frame:
            continue
        of = _of(ix, ix.own_names.get(c.typed, frozenset())) - {""}
        if of:
            named |= of
        elif c.typed in _CURED:
            frame.add(c.typed)  # "a permanent cure": whether it lasts is what is asked
        elif c.typed not in vocab.subject and c.typed not in _treatment_words(ix):
            return None
    if not named:
        return None
    lasting = {e.id.partition("/")[0] for e in ix.rows if e.id.endswith("/duration")}
    return named <= lasting, frozenset(frame)


def _purpose_asked(text: str, ix: Index) -> bool:
    """Whether a clause asks why a treatment is given or taken: "why", then a verb of giving or
    taking within its next words, and a treatment named in the clause after "why" (by its own
    names, a drug, a word of the same meaning: "why would I take Dilantin for my face", "why
    are seizure medicines used for a twitch"). What a treatment is given for is how it works."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    for clause in _CLAUSE.split(text.casefold().replace("n't", " not")):
        words = WORD.findall(clause)
        if "why" not in words:
            continue
        after = words[words.index("why") + 1 :]
        # ("why not just take pills" asks what speaks against them: their limits)
        if not _PURPOSE_VERBS.intersection(after[:ASPECT_WORDS]) or _WHY_NOT.intersection(
            after[:2]
        ):
            continue
        phrases = {" ".join(after[k : k + n]) for n in (1, 2, 3) for k in range(len(after))}
        phrases |= {w for p in phrases for w in (*vocab.words.get(p, ()), *vocab.forms.get(p, ()))}
        rows = {r for p in phrases for r in ix.own_names.get(p, frozenset())}
        if any(_treatment_of(ix.rows[r]) for r in rows):
            return True
    return False


def _treatment_had(text: str, ix: Index) -> bool:
    """Whether ``text`` tells of a treatment had: a treatment named (by one of its own names
    or a word of the same meaning, "the operation": surgery) just after a word of having had
    it ("had MVD", "after the surgery", "since my botox") or just before "ago" ("MVD three
    weeks ago"); not one asked about ("will it go away on its own or do I need surgery")."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    words = WORD.findall(text.casefold())
    own = _treatment_words(ix) - _NOT_TREATMENTS
    for k, word in enumerate(words):
        if word not in own and not own.intersection(vocab.words.get(word, ())):
            continue
        if _HAD.intersection(words[max(0, k - 3) : k]) or "ago" in words[k + 1 : k + 5]:
            return True
    return False


# Words of a treatment's own names that name no treatment alone ("type A", "anti").
_NOT_TREATMENTS = frozenset(("muscle", "type", "anti", "toxin"))
# Words telling that a treatment was had: "had MVD", "after the operation", "since botox".
_HAD = frozenset(("had", "after", "since", "following", "post", "got", "underwent"))


# The verb of causing, in its forms.
_CAUSING = frozenset(("cause", "causes", "caused", "causing"))


def _caused_by_treatment(text: str, ix: Index) -> bool:
    """Whether a clause names a treatment (by one of its own names or a word of the same
    meaning, "pills": medication; a drug names the medication) before a verb of causing: "can
    MVD cause hearing loss", "could the injection have caused this", "does carbamazepine cause
    drowsiness"; not "what causes it", "could Bell's palsy cause it"."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    for clause in _CLAUSE.split(text.casefold()):
        words = WORD.findall(clause)
        at = max((k for k, w in enumerate(words) if w in _CAUSING), default=0)
        phrases = {" ".join(words[k : k + n]) for n in (1, 2, 3) for k in range(at - n + 1)}
        phrases |= {w for p in phrases for w in (*vocab.words.get(p, ()), *vocab.forms.get(p, ()))}
        rows = {r for p in phrases for r in ix.own_names.get(p, frozenset())}
        if any(_treatment_of(ix.rows[r]) for r in rows):
            return True
    return False


def _failed(ix: Index, text: str) -> set[str]:
    """The treatments ``text`` says do not work, as ids: those it names by one of their own
    names or a word of the same meaning ("pills": medication) before a phrase of failing, in
    the same clause ("what if botox and medication don't control my spasms", "the pills and
    botox didn't help"); not those of another clause ("why the Botox stops working, and what
    the operation involves": Botox only)."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    failing = frozenset(vocab.questions.get("failing", ()))
    out: set[str] = set()
    for clause in _CLAUSE.split(text.casefold().replace("n't", " not")):
        words = WORD.findall(clause)
        at = next(
            (
                k
                for k in range(len(words))
                for n in (1, 2, 3)
                if " ".join(words[k : k + n]) in failing
            ),
            None,
        )
        if at is None:
            continue
        # only what the condition before the phrase names ("can I get MVD if botox stops
        # working": Botox failed, MVD is asked about)
        start = max((k + 1 for k in range(at) if words[k] in _CONDITION_WORDS), default=0)
        phrases = {" ".join(words[k : k + n]) for n in (1, 2, 3) for k in range(start, at - n + 1)}
        phrases |= {w for p in phrases for w in (*vocab.words.get(p, ()), *vocab.forms.get(p, ()))}
        rows = {r for p in phrases for r in ix.own_names.get(p, frozenset())}
        out |= {_treatment_of(ix.rows[r]) for r in rows} - {""}
    return out


# Words opening a condition within a clause: "can I get MVD if botox stops working".
_CONDITION_WORDS = frozenset(("if", "when", "because", "since", "once", "now"))
# Where a clause ends: what one clause says failed is not what another asks about.
_CLAUSE = deferred(r"[.,;:?!]")


def _asking_typos(
    text: str, is_word: Callable[[str], bool], ix: Index
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each typo of a question asking "how ..." read as the word it is taken for
    (a question word, a word of a question phrase or of the guide: "how long befor botox starts
    wrking"), so that its asking phrase selects the aspect it selects spelt right; and what was
    read as what. Only a word the guide and the vocabulary never use, as typos are read."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    tables = (vocab.words, vocab.forms, vocab.related)
    frame = _frame_words()
    guide = cache(lambda: _content_words(ix.rows))
    out: list[str] = []
    read: list[tuple[str, str]] = []
    last = 0
    for token in WORD.finditer(text):
        typed = token.group()
        if (
            len(typed) < 4
            or typed in frame
            or typed in vocab.filler
            or any(typed in table for table in tables)
            or is_word(typed)
        ):
            continue
        known = [w for w in (*frame, *guide()) if w[0] == typed[0]]
        known += [w for t in tables[:2] for w in t if w[0] == typed[0] and " " not in w]
        for close in search_analysis.near_words(typed, known):
            if may_correct(typed, close):
                out += [text[last : token.start()], close]
                read.append((typed, close))
                last = token.end()
                break
    return "".join((*out, text[last:])), tuple(read)


def _frame_typos(
    text: str, is_word: Callable[[str], bool], ix: Index
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each typo of a word of a question phrase read as that word ("hemifacial
    spasm defintion": definition; "what is the meanig of MVD": meaning), and what was read as
    what: a word of five letters or more that neither the guide nor the vocabulary uses, no
    common English word, whose closest word (of the question phrases' and the guide's) is a
    word of a question phrase, nearer than every word of the guide ("cheak" is as near cheek
    as cheap). A typo of a guide word is read where the words are matched."""
    from hfs_info import query, vocabulary

    vocab = vocabulary.load()
    tables = (vocab.words, vocab.forms, vocab.related)
    frame = _frame_words()
    out: list[str] = []
    read: list[tuple[str, str]] = []
    last = 0
    for token in WORD.finditer(text):
        typed = token.group()
        if (
            len(typed) < _FRAME_TYPO_LENGTH
            or typed in frame
            or typed in vocab.filler
            or any(typed in table for table in tables)
        ):
            continue
        # the nearest, by the fewest slips (difflib, which near_words weighs ties by, is not
        # imported for this: most questions hold no typo)
        most = 1 if len(typed) < 8 else 2  # as may_correct reads a typo
        near = sorted(
            (query.edit_distance(typed, w, most), w)
            for w in _frame_initials().get(typed[0], ())
            if abs(len(w) - len(typed)) <= most
        )
        if not near or near[0][0] > most or is_word(typed) or not may_correct(typed, near[0][1]):
            continue
        # the guide's words are gathered only for a word nothing else knows: a typo
        slips, close = near[0]
        guide = _guide_initials(ix).get(typed[0], ())
        if all(query.edit_distance(typed, w, slips) > slips for w in guide):
            out += [text[last : token.start()], close]
            read.append((typed, close))
            last = token.end()
    return "".join((*out, text[last:])), tuple(read)


# A typo of a question phrase's word is read only in a word this long: a short word's slip is
# too near too many others ("mean", "cure", "what").
_FRAME_TYPO_LENGTH = 5


@cache
def _frame_initials() -> dict[str, tuple[str, ...]]:
    """The words of question phrases of _FRAME_TYPO_LENGTH letters or more, by first letter."""
    out: dict[str, list[str]] = {}
    for word in sorted(_frame_words()):
        if len(word) >= _FRAME_TYPO_LENGTH:
            out.setdefault(word[0], []).append(word)
    return {letter: tuple(words) for letter, words in out.items()}


def _guide_initials(ix: Index) -> dict[str, tuple[str, ...]]:
    """The guide's own content words, by first letter (kept per index)."""
    got = _GUIDE_INITIALS.get(id(ix))
    if got is not None and got[0] is ix:
        return got[1]
    out: dict[str, list[str]] = {}
    for word in _content_words(ix.rows):
        out.setdefault(word[0], []).append(word)
    initials = {letter: tuple(words) for letter, words in out.items()}
    _GUIDE_INITIALS[id(ix)] = (ix, initials)
    return initials


_GUIDE_INITIALS: dict[int, tuple[Index, dict[str, tuple[str, ...]]]] = {}


@cache
def _frame_words() -> frozenset[str]:
    """The words that frame a question: stop words and the words of question phrases."""
    from hfs_info import vocabulary

    v = vocabulary.load()
    phrases = (p for ps in v.questions.values() for p in ps)
    return frozenset((*v.stop_words, *(w for p in phrases for w in p.split())))


# A question that asks how, how soon or how long something does what it does ("how does MVD
# work", "how long does Botox take to work", "how long does it last", "how is it given"); the
# words between are its subject. "How long does it take to" asks how soon. Read word by word
# (a regular expression would cost every search its compiling).
_ASKING_TIME = {"long": "long", "soon": "soon", "quickly": "soon", "fast": "soon"}
_ASKING_VERBS = frozenset(
    ("do", "does", "did", "will", "would", "can", "could", "should", "is", "are", "was", "were")
)
# An aspect's title typed as a phrase ("botox how it works", "how long they last"): the
# pronoun stands where the asking verb would ("how does it work").
_TITLE_PRONOUNS = frozenset(("it", "they"))
# ... typed with "is"/"are" and no apostrophe ("how its done").
_CONTRACTED = frozenset(("its", "theyre"))
# "how long does it take to ...", "how long do I wait until ...": how soon it does it.
_WAITING = frozenset(("take", "takes", "taking", "wait", "waiting"))
# "how long ... does it start to work", "begin working": how soon it works.
_STARTING = frozenset(("start", "starts", "begin", "begins"))
_WORKING_WORDS = frozenset(("work", "working", "works"))


def _starts_working(words: list[str]) -> list[str] | None:
    """The words from the verb of working, when ``words`` say a thing starts to work ("start to
    work", "begins working"); None otherwise ("the spasm last after it starts")."""
    for k, word in enumerate(words[:-1]):
        if word not in _STARTING:
            continue
        after = words[k + 1 : k + 3]
        if after[:1] == ["to"]:
            after = after[1:]
        if after[:1] and after[0] in _WORKING_WORDS:
            return ["works", *words[k + 3 : k + 3 + ASPECT_WORDS]]
    return None


_UNTIL = frozenset(("to", "before", "until", "till", "til"))
# The most words of the clause searched for the verb of an aspect's title.
ASPECT_WORDS = 8


def _asked_aspect(text: str, in_guide: Callable[[str], bool]) -> Concept | None:
    """The guide's words for the aspect a question asks for by its asking phrase, as a
    question form ("how does MVD work": "how it works"; "how long does Botox take to work":
    "how soon it works"; "how long does it last": "how long it lasts"), when the guide titles
    an aspect so; None otherwise. An aspect's title is the question it answers."""
    from hfs_info import vocabulary

    text = normalize_query(text)
    if "how" not in text:
        return _asked_giver(text, in_guide) if "who" in text else None
    if "how often" in text:
        return _asked_interval(text, in_guide)
    for clause in text.replace("?", ".").replace("!", ".").replace(";", ".").split("."):
        for part in clause.split(","):
            found = _asking_how(WORD.findall(part))
            if found is not None:
                time, words = found
                vocab = vocabulary.load()
                for k, word in enumerate(words):
                    if word in vocab.stop_words:
                        continue  # never a verb ("how long do the shots last")
                    # the word, or the guide's verb for the phrase it begins ("kicks in": works)
                    pair = " ".join((word.removesuffix("s"), *words[k + 1 : k + 2]))
                    same = [w.split()[0] for w in vocab.words.get(pair, ())]
                    for verb in (word, *same):
                        phrases = (f"how {time} it {verb}" if time else f"how it {verb}",)
                        for phrase in (*phrases, f"how it is {verb}"):
                            if in_guide(phrase):
                                return Concept(phrase, ((quoted(phrase), 1.0),), form=True)
                # "how does decompression stop the spasms", "how do the pills help": a verb of
                # doing good asks how the treatment works, whatever the guide's verb
                # ("how do you stop them", "how can I stop it" ask what can be done: the
                # treatments, not how one works)
                effect = next((k for k, w in enumerate(words) if w in _EFFECT_VERBS), None)
                if not time and effect is not None and not _PEOPLE.issuperset(words[:effect]):
                    return _aspect_form("how_it_works", in_guide)
                # "how is the operation done", "how is Botox administered": how it is given
                if not time and _DOING_VERBS.intersection(words):
                    return _aspect_form("how_given", in_guide)
    return _asked_interval(text, in_guide)


def _asked_giver(text: str, in_guide: Callable[[str], bool]) -> Concept | None:
    """The guide's words for how a treatment is given ("how it is given", which says who gives
    it) when a question asks who gives it ("who performs the MVD operation", "who gives the
    injections"): "who" opening a clause, a verb of giving or performing within its next words;
    None otherwise."""
    for clause in text.replace("?", ".").replace("!", ".").replace(";", ".").split("."):
        words = WORD.findall(clause)
        for i, word in enumerate(words):
            if word == "who" and _GIVING_VERBS.intersection(words[i + 1 : i + 1 + ASPECT_WORDS]):
                return _aspect_form("how_given", in_guide)
    return None


# Who carries a treatment out, asked by the kind of person: "what kind of doctor does MVD",
# "which surgeon performs the operation", "what type of specialist gives the shots".
_PRACTITIONERS = frozenset(
    ("doctor", "doctors", "surgeon", "surgeons", "specialist", "specialists", "physician")
) | frozenset(("physicians", "neurosurgeon", "neurosurgeons"))
_KIND_OF = frozenset(("kind", "kinds", "type", "types", "sort", "sorts"))


def _treatment_words(ix: Index) -> frozenset[str]:
    """The words of the treatments' own names (a treatment's summary and its drugs)."""
    got = _TREATMENT_WORDS.get(id(ix))
    if got is not None and got[0] is ix:
        return got[1]
    words = frozenset(
        word
        for name, rowids in ix.own_names.items()
        if any(_treatment_of(ix.rows[r]) and "/" not in ix.rows[r].id for r in rowids)
        for word in WORD.findall(name)
    )
    _TREATMENT_WORDS[id(ix)] = (ix, words)
    return words


_TREATMENT_WORDS: dict[int, tuple[Index, frozenset[str]]] = {}


def _asks_who_gives(text: str, ix: Index) -> bool:
    """Whether a clause asks who carries out a treatment it names: "who does the MVD
    operation" ("who", an asking verb, then nothing but the treatment's name), or a kind of
    doctor asked with "what" or "which" ("what kind of doctor does the surgery", "which
    surgeon operates"); not "who does it affect" (whom the condition affects)."""
    from hfs_info import vocabulary

    stop = vocabulary.load().stop_words
    treatment = _treatment_words(ix)
    for clause in _CLAUSE.split(normalize_query(text)):
        words = WORD.findall(clause)
        named = treatment.intersection(words)
        for i, word in enumerate(words):
            rest = words[i + 1 :]
            if word == "who" and rest[:1] and rest[0] in _DOING_ASKS:
                said = [w for w in rest[1:] if w not in stop]
                if said and named and all(w in treatment for w in said):
                    return True
            if word in ("what", "which") and named:
                kind_of = rest[:1] and rest[0] in _KIND_OF and rest[1:2] == ["of"]
                after = rest[2:] if kind_of else rest
                if after[:1] and after[0] in _PRACTITIONERS:
                    return True
    return False


# Verbs of turning to a treatment, as people ask when or whether to: "when should I consider
# surgery", "at what point do doctors suggest the operation", "should I have the operation".
_TURNING_VERBS = (
    frozenset(
        ("consider", "considered", "recommend", "recommends", "recommended", "suggest", "suggests")
    )
    | frozenset(
        ("suggested", "advise", "advised", "advises", "offer", "offered", "choose", "opt", "go")
    )
    | frozenset(("turn", "switch", "move", "have", "get", "need", "undergo"))
)
# What asks when or whether: "when ...", "at what point ...", "should I ...", "why not ...".
_WHEN_ASKS = frozenset(("when", "point", "should"))
_NOT = frozenset(("not", "dont", "doesnt", "isnt", "arent", "wouldnt", "shouldnt"))
# ... or whether it comes first: "first", with a verb of trying or a word for a choice.
_TRYING = _TURNING_VERBS | frozenset(
    ("try", "tries", "tried", "trying", "option", "choice", "step", "thing", "resort")
)


# What makes a treatment a choice, after it: "when is surgery an option", "... recommended".
_CHOICE = frozenset(
    ("option", "choice", "recommended", "indicated", "considered", "appropriate", "necessary")
)


def _turned_to_one(ix: Index, words: list[str], used: set[str]) -> bool:
    """Whether ``words`` name, alone, one of the treatments ``used`` (those with an aspect
    saying when they are used)."""
    owners = (r for w in words for r in ix.own_names.get(w, frozenset()))
    named = {_treatment_of(ix.rows[r]) for r in owners} - {""}
    return len(named) == 1 and named <= used


def _asks_when_turned_to(text: str, ix: Index) -> bool:
    """Whether a clause asks when, or whether, to turn to a treatment it names that has an
    aspect saying when it is used: "when should I consider surgery", "at what point do doctors
    suggest the operation", "botox stopped working, should I have surgery", "why doesn't
    everyone just get surgery" (a word asking when or whether, then a verb of turning to it,
    then the treatment); not a treatment had again ("when should I have botox again": how long
    it lasts), nor what comes after one ("when can I go back to work after surgery")."""
    treatment = _treatment_words(ix)
    used = {e.id.partition("/")[0] for e in ix.rows if e.id.endswith("/when_used")}
    for clause in _CLAUSE.split(normalize_query(text)):
        words = WORD.findall(clause)
        if _AGAIN.intersection(words) or "after" in words:
            continue
        # "is surgery the first thing doctors try", "do they try the operation first"
        first = "first" in words and _TRYING.intersection(words)
        if first:
            verb = -1
        else:
            asks = next((k for k, w in enumerate(words) if w in _WHEN_ASKS), None)
            why_not = "why" in words and _NOT.intersection(words)
            if asks is None and not why_not:
                continue
            start = asks if asks is not None else words.index("why")
            # "when is surgery an option", "when would botox be recommended": the treatment
            # before the word that makes it a choice
            chosen = next((k for k in range(start + 1, len(words)) if words[k] in _CHOICE), None)
            if (
                asks is not None
                and chosen is not None
                and _turned_to_one(ix, words[start:chosen], used)
            ):
                return True
            turning = [k for k in range(start + 1, len(words)) if words[k] in _TURNING_VERBS]
            if not turning:
                continue
            verb = turning[0]
        ahead = len(words) if first else min(verb + 1 + ASPECT_WORDS, len(words))
        for k in range(verb + 1, ahead):
            if words[k] in treatment:
                # "should I have botox or surgery" chooses between them (_treatment_chosen)
                if "or" in words[k + 1 :] and treatment.intersection(words[k + 1 :]):
                    break
                rows = ix.own_names.get(words[k], frozenset())
                if {_treatment_of(ix.rows[r]) for r in rows} & used:
                    return True
    return False


# Time passing, as people ask how the condition goes on: "does it get worse over time", "will
# it spread as the years go by", "what happens to it in the long run". The guide's words for
# the course of the condition are COURSE: it spreads, down the face over time (from the eye)
# or upward (from the chin).
_TIME_PASSING = (
    ("over", "time"),
    ("over", "the", "years"),
    ("over", "years"),
    ("with", "time"),
    ("in", "time"),
    ("as", "time", "goes"),
    ("as", "time", "passes"),
    ("as", "the", "years"),
    ("as", "years"),
    ("later", "on"),
    ("in", "the", "long", "run"),
    ("long", "term"),
    ("over", "the", "long", "term"),
)
COURSE = ("over time", "spreads")


def _asks_course(text: str, ix: Index) -> tuple[str, ...]:
    """The words of time passing, when a question asks how the condition goes on over time
    and names no treatment ("botox over the years" asks how the treatment fares); () when it
    does not."""
    words = WORD.findall(normalize_query(text))
    if _treatment_words(ix).intersection(words):
        return ()
    spans = {tuple(words[i : i + n]) for n in (2, 3, 4) for i in range(len(words) - n + 1)}
    return tuple(w for phrase in _TIME_PASSING if phrase in spans for w in phrase)


def _course_form(in_guide: Callable[[str], bool]) -> Concept | None:
    """The guide's words for the course of the condition, as a question form, when the guide
    uses them."""
    used = tuple((quoted(words), 1.0) for words in COURSE if in_guide(words))
    return Concept(COURSE[0], used, form=True) if used else None


# Verbs of what a treatment does for the spasms: "how does X stop them" asks how X works.
_EFFECT_VERBS = frozenset(
    ("stop", "stops", "help", "helps", "fix", "fixes", "cure", "cures", "relieve", "relieves")
) | frozenset(("ease", "eases", "treat", "treats", "control", "controls", "calm", "calms"))
# Verbs of carrying a treatment out: "how is the operation done" asks how it is given.
_DOING_VERBS = frozenset(("done", "performed", "administered", "carried", "delivered", "taken"))
# ... and "who performs it", "who gives the shots" ask who gives it, which that aspect says.
_GIVING_VERBS = _DOING_VERBS | frozenset(
    ("perform", "performs", "gives", "give", "administers", "administer", "operates", "injects")
)
# Who asks what to do, not what a treatment does ("how do you stop the spasms").
_PEOPLE = frozenset(("i", "you", "we", "u", "one", "people", "someone", "anyone"))
# "how often do I need ...", "how often will he have to go back": a person's need, asked how
# often, is the interval of a treatment that wears off: how long it lasts.
_NEEDING = frozenset(("need", "needs", "needed"))
_HAVING = frozenset(("have", "has"))


# Verbs of having or giving a treatment: "how often do you get botox", "how often are the
# injections given" ask how often it is had, nothing else of it.
_HAD_VERBS = _GIVING_VERBS | frozenset(
    ("get", "gets", "getting", "have", "has", "having", "had", "given", "repeated", "redone")
)


# Who carries a treatment out, as a question names them: "what do they do", "what does the
# surgeon do" ask what is done, which is how it is given.
_DOERS = frozenset(("they", "you", "surgeon", "surgeons", "neurosurgeon", "doctor", "doctors"))
_DOING_ASKS = frozenset(("do", "does", "did", "will", "would"))
# A treatment asked about as taking a while: "does it take a while to work".
_A_WHILE = (("a", "while"), ("time",), ("some", "time"), ("a", "long", "time"), ("long",))
_TAKING = frozenset(("take", "takes", "taking"))
# ... to do what a treatment does ("to work", "to settle", "to kick in", "to stop them")
_TAKING_EFFECT = _EFFECT_VERBS | frozenset(
    ("work", "working", "settle", "kick", "start", "improve", "wear", "notice", "see")
)
_TO_EFFECT = frozenset(("to", verb) for verb in _TAKING_EFFECT)
# What may follow "what do they do": nothing, or when it is done ("during the operation").
_DURING = frozenset(("during", "in", "inside", "to", "actually", "exactly"))


def _what_done(words: list[str]) -> bool:
    """Whether the words after "what" ask what is done: an asking verb (do, does, will) within
    two words, then one who does it within two, then "do", ending the clause or followed by
    when it is done ("what exactly do they do during the operation", "what does the surgeon
    actually do")."""
    asking = next((k for k, w in enumerate(words[:3]) if w in _DOING_ASKS), None)
    if asking is None:
        return False
    after = words[asking + 1 :]
    doer = next((k for k, w in enumerate(after[:3]) if w in _DOERS), None)
    if doer is None:
        return False
    rest = after[doer + 1 :]
    at = next((k for k, w in enumerate(rest[:2]) if w == "do"), None)
    return at is not None and (at + 1 == len(rest) or rest[at + 1] in _DURING)


# A symptom that goes on after a treatment: "the spasms are still there after surgery".
# Being due for a treatment again: "when will I need another", "when is the next one due".
_DUE = _NEEDING | frozenset(("due",))
_AGAIN = frozenset(("another", "again", "next", "more", "repeat", "repeated", "round"))
_GOING_ON = frozenset(("still", "continue", "continues", "continuing", "persist", "persists"))
# A share of people asked: "how many", "what percentage", "what proportion".
_SHARE_ASKS = frozenset(("how", "what"))
_SHARE_OF = frozenset(("many", "percentage", "percent", "proportion"))


def _asked_plainly(text: str, in_guide: Callable[[str], bool]) -> Concept | None:
    """The guide's words for the aspect a question asks for without an asking phrase of the
    aspect's title: what they do (in the operation), how it is given; whether it takes a while,
    or the spasms are still there after it, how soon it works. None otherwise."""
    for clause in _CLAUSE.split(normalize_query(text)):
        words = WORD.findall(clause)
        for i, word in enumerate(words):
            # "what (exactly) do they do", "what does the surgeon actually do during it"
            # (not what they do about it, for it, if it fails: the treatments; nor what can
            # be done)
            if word == "what" and _what_done(words[i + 1 : i + 1 + ASPECT_WORDS]):
                return _aspect_form("how_given", in_guide)
            # "does it (sometimes) take a while", "can it take time to settle"; not "does it
            # take a while to get a diagnosis"
            if word in _TAKING:
                for phrase in _A_WHILE:
                    after = words[i + 1 + len(phrase) : i + 3 + len(phrase)]
                    if tuple(words[i + 1 : i + 1 + len(phrase)]) == phrase and (
                        not after or after[0] == "for" or tuple(after) in _TO_EFFECT
                    ):
                        return _aspect_form("onset", in_guide)
            # "when will I need another injection", "when is the next botox due": the interval
            # of a treatment that wears off, how long it lasts
            if word == "when":
                rest = words[i + 1 : i + 1 + ASPECT_WORDS]
                due = _DUE.intersection(rest) or any(
                    a in _HAVING and b == "to" for a, b in pairwise(rest)
                )
                if due and _AGAIN.intersection(rest):
                    return _aspect_form("duration", in_guide)
            # "the spasms are still there (a week) after surgery", "twitching continues after"
            # (asked as a share of people, "how many still have spasms after surgery", it is
            # among the results: some report diminished spasms, some a delay)
            shared = any(a in _SHARE_ASKS and b in _SHARE_OF for a, b in pairwise(words))
            if word in _GOING_ON and "after" in words[i + 1 : i + 1 + ASPECT_WORDS] and not shared:
                return _aspect_form("onset", in_guide)
    return None


def _how_often_given(text: str, question: Question, ix: Index, subject: frozenset[str]) -> bool:
    """Whether a question asks how often a treatment is had and nothing else of it ("how often
    do you get botox", "botox injections how often", "how often are the shots given"): "how
    often", a treatment named by its own names, one that wears off (it has an aspect of how
    long it lasts; an operation has none), and no other topic but the condition and verbs of
    having or giving it. The interval is how long each one lasts."""
    if "how often" not in normalize_query(text):
        return False
    asked = [c for c in question.concepts if not c.form and not c.background]
    treatments = {c.typed: _of(ix, ix.own_names.get(c.typed, frozenset())) - {""} for c in asked}
    named = set().union(*treatments.values())
    lasting = {e.id.partition("/")[0] for e in ix.rows if e.id.endswith("/duration")}
    return (
        bool(named)
        and named <= lasting
        and all(treatments[c.typed] or c.typed in subject or c.typed in _HAD_VERBS for c in asked)
    )


def _asked_interval(text: str, in_guide: Callable[[str], bool]) -> Concept | None:
    """The guide's words for how long a treatment lasts ("how long it lasts") when a question
    asks how often someone needs it ("how often will I have to go back for more shots");
    None otherwise. Only "how often" followed, within a clause, by a word of needing."""
    for clause in text.replace("?", ".").replace("!", ".").replace(";", ".").split("."):
        words = WORD.findall(clause)
        for i in range(len(words) - 1):
            if words[i : i + 2] != ["how", "often"]:
                continue
            rest = words[i + 2 : i + 2 + ASPECT_WORDS]
            # ("how often" may end the question: no pairs then)
            if _NEEDING.intersection(rest) or any(
                a in _HAVING and b == "to" for a, b in pairwise(rest)
            ):
                return _aspect_form("duration", in_guide)
    return None


def _aspect_form(aspect: str, in_guide: Callable[[str], bool]) -> Concept | None:
    """The title of a treatment's ``aspect`` as a question form, when the guide titles one so."""
    from hfs_info.models import TREATMENT_ASPECTS

    phrase = dict(TREATMENT_ASPECTS)[aspect].casefold()
    if not in_guide(phrase):
        return None
    return Concept(phrase, ((quoted(phrase), 1.0),), form=True)


def _turned_to(in_guide: Callable[[str], bool]) -> Concept | None:
    """For a question asking what else there is ("what next", "the next option"): the guide's
    words for the aspect that says when a treatment is turned to (its title, "when it is
    used"), as a question form; None when the guide titles no aspect so."""
    return _aspect_form("when_used", in_guide)


def _asking_how(words: list[str]) -> tuple[str, list[str]] | None:
    """The time asked ("long", "soon" or "") and the words that may be the verb, of the first
    "how (long) does ..." in ``words``."""
    for i, word in enumerate(words):
        if word != "how":
            continue
        time = _ASKING_TIME.get(words[i + 1], "") if i + 1 < len(words) else ""
        start = i + 2 if time else i + 1
        if start + 1 < len(words) and words[start] in _TITLE_PRONOUNS:
            return time, words[start + 1 : start + 1 + ASPECT_WORDS]
        if start + 1 < len(words) and words[start] in _CONTRACTED:
            # "how its done", "how theyre given": "it's", "they're" typed without an apostrophe
            return time, ["is", *words[start + 1 : start + ASPECT_WORDS]]
        if start < len(words) and not time and words[start] not in _ASKING_VERBS:
            # asked indirectly ("to know how the Botox actually stops the twitch"): only a verb
            # of doing good is read, as "how it works"
            rest = words[start : start + ASPECT_WORDS]
            if _EFFECT_VERBS.intersection(rest):
                return "", rest
            works = search_analysis.works_unasked(words[start:])
            if works is not None:  # "how botox works", "how this botox medicine work"
                return "", works
            continue
        starting = _starts_working(words[start : start + ASPECT_WORDS + 4]) if time else None
        if starting is not None:
            # "how long after the injection does it start to work": how soon it works
            return "soon", starting
        if start >= len(words) or words[start] not in _ASKING_VERBS:
            continue
        rest = words[start + 1 :]
        if time:
            # "how long does it take to (start) work(ing)", "how long should I wait before it
            # kicks in": how soon it works
            for k, w in enumerate(rest[:-1]):
                if w in _WAITING:
                    stop = min(k + ASPECT_WORDS, len(rest))
                    after = [j for j in range(k + 1, stop) if rest[j] in _UNTIL]
                    if after:
                        return "soon", rest[after[0] + 1 : after[0] + 1 + ASPECT_WORDS]
        return time, rest[:ASPECT_WORDS]
    return None


def _miss(wanted: str, why: str = "", closest: tuple[str, ...] = ()) -> str:
    """One line: nothing answers, the closest topics (if any word matched) and the commands that
    list everything."""
    because = f" ({why})" if why else ""
    near = f"; closest topics: {', '.join(closest)}" if closest else ""
    shown = wanted if len(wanted) <= 80 else wanted[:77].rstrip() + "..."
    return (
        f"nothing in the guide answers {shown!r}{because}{near}; "
        f"see every topic with: {', '.join(LIST_EVERYTHING)}"
    )


# Words of a question that point back at its story ("is that normal", "how often does this
# happen", "could the two be connected"): what is asked is told in the story, which then weighs
# in full.
_POINTS_BACK = deferred(r"\b(?:that|this|these|those|such|the two|both)\b")
# The topic words a sentence that asks must have of its own for the story to weigh less.
OWN_TOPICS = 2


def _told_before(
    ix: Index, wanted: str, pairs: list[tuple[Concept, Match]], subject: frozenset[str]
) -> set[str]:
    """The words of the story told before a question that names its own topic: they weigh
    _UNNAMED_TERM. A question names its own topic when its asking sentences (those that end in
    "?", or, with none, those that ask with a question word) hold at least OWN_TOPICS words the
    guide uses, the guide's subject and question forms aside, and point nowhere back at the
    story. Words told only after the question (an afterthought that elaborates it: "They
    mentioned a scan and something with wires") keep their weight."""
    if not any(c.background for c, _ in pairs):
        return set()
    read = search_analysis.asking_sentences(normalize_query(wanted))
    asks = [a for _, a in read]
    if not any(asks) or all(asks):
        return set()
    if _POINTS_BACK.search(" ".join(p for p, a in read if a)):
        return set()
    own = [
        c
        for c, m in pairs
        if m.scores
        and not c.background
        and not c.form
        and c.weight >= 1.0
        and c.typed not in subject
    ]
    if len(own) < OWN_TOPICS:
        return set()
    before = " ".join(p for p, _ in read[: asks.index(True)])
    # a treatment the story names that the question names too ("scared about brain surgery ...
    # the chances the operation stops it"): the question's own topic, told twice
    asked = {t for c, _ in pairs if not c.background for t in _treatments_named(ix, c)}
    return {
        c.typed
        for c, _ in pairs
        if c.background and c.typed in before and not _treatments_named(ix, c) & asked
    }


def _treatments_named(ix: Index, concept: Concept) -> set[str]:
    """The treatments ``concept`` names by one of their own names or its guide words."""
    names = {concept.typed, *(t.strip('"') for t, _ in concept.terms)}
    rows = {r for name in names for r in ix.own_names.get(name, frozenset())}
    return {_treatment_of(ix.rows[r]) for r in rows} - {""}


def _ranked(
    ds: Dataset, ix: Index, question: Question, wanted: str, limit: int | None = None
) -> Ranking:
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    rows = ix.rows
    words = cache(lambda: _content_words(rows))  # only for a word that matches nothing
    found = [_concept_match(ix, c, words) for c in question.concepts]
    # a count among other words is never a part of a phone number; a share only ever a share
    among = len(question.concepts) > 1
    found = [_counted(ix, c, m, among) for c, m in zip(question.concepts, found, strict=True)]
    # a typo of a word naming the guide's subject ("hemifacal") weighs as that word does
    concepts = [
        c._replace(weight=search_analysis.SUBJECT_WEIGHT) if m.read_as in vocab.subject else c
        for c, m in zip(question.concepts, found, strict=True)
    ]
    pairs = list(zip(concepts, found, strict=True))
    # A question asking for what the guide never speaks of ("how much does surgery cost",
    # "can it go away on its own") has no answer here, whatever its other words match: the
    # surgery figures are not the cost of surgery.
    # It is answered only by a record that uses the words asked with the question's other
    # topic words ("what does HFS stand for": the HFS record; never "what does AVM stand for").
    asked_topics = [set(m.scores) for c, m in pairs if m.scores and not c.form and not c.background]
    beyond = [
        c.typed
        for c, m in pairs
        if c.asking
        and not c.background
        and not any(set(m.scores) & rows for rows in asked_topics or [set(m.scores)])
    ]
    if beyond:
        why = "the guide does not speak of " + ", ".join(repr(word) for word in beyond)
        raise NotFoundError(_miss(wanted, why), suggestions(ds, wanted))
    known = [m.scores for m in found if m.scores]
    # a word found only in a web address ("www.blepharospasm.org") is not a topic of the guide
    addressed = [
        c
        for c, m in pairs
        if m.scores
        and all(rows[r].kind in ADDRESS_KINDS and c.typed in rows[r].title for r in m.scores)
    ]
    subject = vocab.subject
    specific = [
        c
        for c, m in pairs
        if m.scores and not {c.typed, m.read_as} & subject and c not in addressed
    ]
    # a word naming the guide's subject ("disease", "problem") is no topic the guide lacks
    missing = [
        c
        for c, m in pairs
        if not m.scores
        and not c.form
        and not c.background
        and c.typed not in subject
        # a number that names a nerve or figure the guide lacks ("cranial nerve 3") is a topic,
        # where a bare number is an age or a count of the story ("my mum is 61")
        and (c.number is not None or not is_filler(c.typed, vocab))
    ]
    # Honesty: a question whose topic words the guide never uses has no answer here, even if
    # a word naming the guide's subject ("hemifacial spasm") matches.
    if not known or (missing and not specific):
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
    told = _told_before(ix, wanted, pairs, subject)
    elsewhere = _of_others(ix, pairs, question)
    for i, (concept, m) in enumerate(pairs):
        for rowid, score in m.scores.items():
            if (i, rowid) in elsewhere:  # met only in what is said of another condition
                score *= _UNNAMED_TERM
            weight = concept.weight * (_UNNAMED_TERM if concept.typed in told else 1.0)
            totals[rowid] = totals.get(rowid, 0.0) + weight * score
            matched[rowid] = matched.get(rowid, 0.0) + weight
    asked = sum(
        c.weight * (_UNNAMED_TERM if c.typed in told else 1.0) for c, m in pairs if m.scores
    )
    named = _named(ix, found)
    # the record's name as typed (in any word form: FTS5's stemmer compares), or as a typo
    # was read
    phrases = {c.typed for c in question.concepts if not c.typed.endswith("*")}
    phrases |= {m.read_as for m in found if m.read_as}
    titled = _titled(ix, phrases) if named else set()
    base = {r: total * (matched[r] / asked) ** COVERAGE for r, total in totals.items()}
    asked_numbers = numbers(question.concepts)
    numbered = _numbered_names(ix) if asked_numbers else {}
    owners = {e.id: r for r, e in enumerate(rows) if e.kind == "treatment" and "/" not in e.id}
    own = _own_named(ix, question, found)
    # a drug named with a word for what it is one of ("lioresal, what kind of drug is it"): the
    # drug is the entity asked about, the medication only its kind
    kinds = {_treatment_of(rows[r]) for r in own if rows[r].kind == "drug"}
    own -= {r for r in own if rows[r].kind == "treatment" and rows[r].id in kinds}
    # the treatments the question names by their own names (a drug names the medication)
    own_treatments = {_treatment_of(rows[r]) for r in own} - {""}
    figure_asked = "number" in question.intents
    # ("could my Bell's palsy be why my face twitches": the causes, not a treatment's limits)
    about_condition = _of_condition(ix, pairs, subject)
    aspect_asked = any(c.form and c.typed.startswith("how ") for c in question.concepts)
    # one entity named (a treatment with its drugs, or one term): its own record answers
    single = _entities(ix, own) == 1
    boosted = own if single and not figure_asked and not aspect_asked else set()
    # ... in whichever of its records answers most of the question: the glossary term that
    # shares the entity's name is that entity too ("does the facial nerve help with hearing":
    # the glossary's facial nerve speaks of hearing, the nerve's record does not)
    namesakes = {r for rows_ in ix.own_names.values() if rows_ & boosted for r in rows_} - boosted
    # what a word of the name means ("what does decompression mean in microvascular
    # decompression", "define MVD"): the glossary term of the entity's name defines it
    defined = {r for r in boosted | namesakes if rows[r].kind == "glossary"}
    if "meaning" in question.intents and defined:
        boosted, namesakes = defined, set()
    # a drug's names asked ("the brand name of phenytoin", "Lioresal is the brand name of which
    # drug"): the record of the drug named holds them, whatever else the question matches
    drugs = {r for r in own if rows[r].kind == "drug"} if "names" in question.intents else set()
    if drugs and _entities(ix, drugs) == 1:
        boosted = drugs
    ranked: list[tuple[Entry, float]] = []
    top: list[float] = []  # a min-heap of the limit best scores so far
    compared = _compared(ix, own, pairs, "choice" in question.intents) if _compares(wanted) else []
    address = _asks_address(ix, pairs)
    groups = _statistic_groups(ds) if not {"number", "outcome"} & question.intents else {}
    grouped = [groups[rows[r].id][0] for r in base if rows[r].id in groups]
    # the rules that raise a record after scoring (the things compared, an address, the
    # section of figures not told apart) need every record scored
    raising = bool(boosted or compared or address or len(grouped) > len(set(grouped)))
    for rowid in sorted(base, key=lambda r: -base[r]):
        # Kinds and bonuses multiply a score by at most MAX_BOOST: once even that cannot lift a
        # record above the limit-th best, no later one can either (it keeps large editions fast).
        # (see _outcome_first, _own_first)
        prune = not _RAISING & question.intents and not raising
        if prune and limit is not None and len(top) >= limit and base[rowid] * MAX_BOOST < top[0]:
            break
        entry = rows[rowid]
        score = base[rowid] * _kind_prior(entry, question.intents, rowid in named)
        if (
            entry.part_of
            and "number" not in question.intents
            and owners.get(entry.part_of) not in named
        ):
            score *= _UNNAMED_TERM  # a figure of a treatment the question does not name
        if asked_numbers and _other_number(entry, asked_numbers, numbered):
            continue  # about another number: CN VIII is never answered with CN VII
        if rowid in named and rowid in titled:
            score *= NAME_BONUS
        if own_treatments and _treatment_of(entry) not in ("", *own_treatments):
            score *= _UNNAMED_TERM  # a record of another treatment than the one(s) named
        elif about_condition and _treatment_of(entry):
            score *= _UNNAMED_TERM  # a treatment's record, for a question about the condition
        ranked.append((entry, score))
        if limit is not None:
            (heapq.heappush if len(top) < limit else heapq.heappushpop)(top, score)
    if own_treatments:
        ranked = _named_treatment_first(ranked, own_treatments)
        titled_aspect = {
            rows[r].id
            for c, m in pairs
            if c.form and c.typed in _ASPECT_TITLES
            for r in m.scores
            if rows[r].kind == "treatment" and _treatment_of(rows[r]) in own_treatments
        }
        if titled_aspect:
            ranked = _aspect_over_summary(ranked, titled_aspect)
    if boosted:
        # what each record answers of the question, the guide's subject aside
        answered = dict.fromkeys(base, 0.0)
        for concept, m in pairs:
            if concept.weight >= 1.0:
                # a drug answers a word naming what it is one of ("lioresal, what kind of drug
                # is it": baclofen is one of the medication's drugs), whatever its words
                named_kind = ix.own_names.get(m.read_as or concept.typed, frozenset())
                kind_of = {rows[r].id for r in named_kind if rows[r].kind == "treatment"}
                members = {r for r in base if rows[r].kind == "drug"} if kind_of else set()
                for rowid in set(m.scores) | {
                    r for r in members if _treatment_of(rows[r]) in kind_of
                }:
                    answered[rowid] += concept.weight
        covers = {} if drugs else {rows[r].id: w for r, w in answered.items()}
        # how rare the words each record answers are (a word only one record has, "taste",
        # tells more than one many have, "control")
        rarity = dict.fromkeys(covers, 0.0)
        for concept, m in pairs:
            if concept.weight >= 1.0 and m.scores:
                for rowid in m.scores:
                    if rows[rowid].id in rarity:
                        rarity[rows[rowid].id] += concept.weight / len(m.scores)
        ranked = _own_first(ranked, boosted, covers, rows, frozenset(namesakes), rarity)
    if compared:
        ranked = _compared_first(ranked, compared)
    if not own_treatments and len([c for c in _CLAUSE.split(wanted) if c.strip()]) == 1:
        # (one clause: a story told around "why" asks of what it tells)
        answering_why = _why_of_condition(ix, pairs, subject)
        if answering_why:
            ranked = _why_first(ranked, answering_why)
    if len(own_treatments) == 1 and _unknown_after(wanted, pairs):
        (treatment,) = own_treatments
        ranked = _side_effects_first(ranked, f"{treatment}/side_effects")
    if "outcome" in question.intents:
        ranked = _outcome_first(ranked, _namesakes(ix))
        if len(own_treatments) == 1 and not compared:
            ranked = _named_results_first(ranked, own_treatments)
            if "existence" in question.intents:
                ranked = _named_treatment_over_results(ranked, own_treatments)
        ranked = _one_outcome_first(ranked, _one_outcome(ix, pairs, vocab.questions, wanted))
    elif not aspect_asked and (
        figure_asked or any(c.typed.isdigit() and c.number is None for c in question.concepts)
    ):
        ranked = _figure_first(ranked, {rows[r].id: w for r, w in matched.items()})
    if "number" in question.intents and _figures_of_condition(pairs, vocab.subject, wanted):
        ranked = _condition_figures_first(ranked, rows)
    if "alternative" in question.intents:
        # (after the outcome's raise: the results of a treatment tried never lead "what else")
        tried = _tried(ix, pairs)
        # the treatments said to fail are the ones tried; another one named is the one asked
        # about ("can I get MVD if botox stops working")
        failed = _failed(ix, wanted) if "failing" in question.intents else set()
        ranked = _untried_first(ranked, failed or tried, _namesakes(ix))
    if {"number", "outcome"} & question.intents and "source" not in question.intents:
        # "what percent have spasms come back": the figure, not the paper whose title says
        # "recurrence"; a citation named by a word only it has ("Payner", "Samii") stays
        ranked = _citations_below(ranked, pairs, rows)
    if groups:
        covered = {rows[r].id: w for r, w in matched.items()}
        ranked = _stated_together(ranked, groups, covered)
    # a picture named ("diagram", "illustration", "figure"; not "show me the results"), not a
    # number ("is there a figure for how many people have it")
    pictured = any(
        c.form and {t for t, _ in c.terms} & {'"figure"', '"figures"'} for c in question.concepts
    )
    if pictured and "number" not in question.intents:
        # what each record answers of the question, the picture word aside
        topical: dict[int, float] = {}
        for concept, m in pairs:
            if not concept.form:
                for rowid in m.scores:
                    topical[rowid] = topical.get(rowid, 0.0) + concept.weight
        # the words asked, as typed and as read, the picture word aside
        shown = frozenset(
            w for c, m in pairs if not c.form and m.scores for w in (c.typed, m.read_as or "") if w
        )
        ranked = _picture_first(ranked, {rows[r].id: w for r, w in topical.items()}, shown)
    quoted_figures = _quoted_figures(ds, wanted)
    if quoted_figures:
        ranked = _quoted_figures_first(ranked, quoted_figures)
    if address:
        covered = {rows[r].id: w for r, w in matched.items()}
        ranked = _address_first(ranked, covered)
    if _OF_GUIDE.search(normalize_query(wanted)):
        ranked = _guide_first(ranked, rows, pairs, matched)
    if "source" in question.intents:
        ranked = _cited_first(ranked, rows)
        if _asks_whole_source(wanted, pairs, vocab.questions.get("source", ()), subject):
            cites = bool(_CITED & set(WORD.findall(normalize_query(wanted))))
            ranked = _sources_first(ranked, rows, cites)
    if "choice" in question.intents:
        ranked = _together_first(ranked, _choosing_between(ix, pairs), _namesakes(ix), rows)
    if not ranked:  # every record that matched is about another number
        raise NotFoundError(_miss(wanted), suggestions(ds, wanted))
    if _lists_glossary(pairs):
        # "glossary", "word list": the guide's word list, all its terms alike, in its order
        # (alphabetical, as the ids are), never by how long each definition is
        alike = max(weight for _, weight in ranked)
        ranked = [(e, alike if e.kind == "glossary" else weight) for e, weight in ranked]
    ranked.sort(key=lambda pair: (-pair[1], pair[0].id))
    if limit is not None:
        ranked = ranked[:limit]
    return Ranking(
        ranked,
        # named as not in the guide; a word found only in a web address too, when the question
        # has other topic words ("what is blepharospasm and how is it treated": the guide says
        # nothing of it but the address), never when it is all that is asked ("blepharospasm":
        # the address is the answer) or when a web address is asked for ("blepharospasm
        # foundation website": the address that holds it is the answer)
        tuple(
            c.typed
            for c in [
                *missing,
                *(c for c in addressed if specific and not c.background and not address),
            ]
        ),
        (*question.read_as, *((c.typed, m.read_as) for c, m in pairs if m.read_as)),
        # only the words of what is asked: the story around it is never named (as unmatched)
        tuple(
            (c.typed, m.related) for c, m in pairs if m.related and not c.form and not c.background
        ),
        tuple(found),
        # a word read as its opposite is always said, even in the story: it is never swapped
        tuple((c.typed, m.opposite) for c, m in pairs if m.opposite),
    )


def _lists_glossary(pairs: Iterable[tuple[Concept, Match]]) -> bool:
    """Whether a question, its concepts matched as ``pairs``, names nothing but the guide's
    glossary ("glossary", "show me the glossary", "glossary terms"): a list of its terms is
    asked, not one of them."""
    topics = [c for c, m in pairs if m.scores and not c.form]
    glossary = quoted(GLOSSARY)
    return bool(topics) and all(
        {term for term, _ in c.terms} - {quoted(c.typed)} <= {glossary}
        and glossary in {term for term, _ in c.terms}
        for c in topics
    )


_OTHERS: dict[int, tuple[Index, dict[str, frozenset[int]]]] = {}


def _others(ix: Index) -> dict[str, frozenset[int]]:
    """The names of the guide's other conditions and tests: the terms that are only terms (a
    glossary entry that shares no name with a treatment, drug or nerve) that no treatment's
    record speaks of, the guide's subject aside (trigeminal neuralgia, EMG; not the craniotomy
    of MVD nor the acetylcholine Botox blocks); each with the sentences (passage rowids) that
    name it, as its words, outside its own records."""
    kept = _OTHERS.get(id(ix))
    if kept is not None and kept[0] is ix:
        return kept[1]
    from hfs_info import vocabulary

    subject = vocabulary.load().subject
    rows = ix.rows
    shared = {
        r
        for found in ix.own_names.values()
        if any(rows[x].kind != "glossary" for x in found)
        for r in found
    }
    named: dict[str, tuple[frozenset[int], set[int]]] = {}
    spoken: set[int] = set()  # the terms a treatment's record speaks of
    for name, found in ix.own_names.items():
        if found & shared or set(name.split()) & subject:
            continue
        sentences = {
            k for k in match(ix.db, quoted(name), "passages") if row_of(ix, k) not in found
        }
        if any(rows[row_of(ix, k)].kind == "treatment" for k in sentences):
            spoken |= found
        named[name] = (found, sentences)
    out = {
        name: frozenset(sentences)
        for name, (found, sentences) in named.items()
        if not found & spoken
    }
    _OTHERS.clear()
    _OTHERS[id(ix)] = (ix, out)
    return out


def _of_others(
    ix: Index, pairs: list[tuple[Concept, Match]], question: Question
) -> set[tuple[int, int]]:
    """(concept, record) pairs where a topic word of the question matches the record only in
    sentences naming another condition or test the question does not name: "is hemifacial
    spasm painful" is not answered by the Causes sentence on trigeminal neuralgia's pain."""
    typed = " " + " ".join(c.typed for c in question.concepts) + " "
    naming: set[int] = set()
    for name, sentences in _others(ix).items():
        if f" {name} " not in typed:
            naming |= sentences
    out: set[tuple[int, int]] = set()
    if not naming:
        return out
    for i, (concept, m) in enumerate(pairs):
        if concept.weight < 1.0 or concept.form or not m.scores:
            continue
        matched: dict[int, bool] = {}  # record -> whether every sentence matched names another
        for term, _ in m.terms:
            for k in match(ix.db, term, "passages"):
                row = row_of(ix, k)
                matched[row] = matched.get(row, True) and k in naming
        out |= {(i, row) for row, only in matched.items() if only and row in m.scores}
    return out


def _treatment_of(entry: Entry) -> str:
    """The id of the treatment record ``entry`` belongs to ("treatment:mvd" for its aspects
    and figures; the medication for a drug), or "" if none."""
    if entry.part_of:
        return entry.part_of
    if entry.kind == "treatment":
        return entry.id.split("/")[0]
    if entry.kind == "drug":
        return f"treatment:{MEDICATION}"
    return ""


def _own_named(ix: Index, question: Question, found: list[Match]) -> set[int]:
    """The records the question names by one of their own names (title, alias, generic or
    brand name; a typo as it was read), in what it asks (not in the story around it): of a
    glossary term and a treatment or drug sharing a name, the glossary term only when a
    definition is asked."""
    asked = [
        (c, m.read_as or c.typed)
        for c, m in zip(question.concepts, found, strict=True)
        if not c.background and not c.form
    ]
    # a name typed alone asks what it is ("anticonvulsants")
    defines = len(asked) == 1 or "definition" in question.intents
    # a name may be read as several concepts ("botulinum" "toxin"); the guide's subject
    # ("hemifacial spasm") is no entity asked about, but may be part of one ("facial nerve")
    phrases = {
        " ".join(phrase for _, phrase in asked[i : i + n])
        for n in (1, 2, 3)
        for i in range(len(asked) - n + 1)
        if any(c.weight >= 1.0 for c, _ in asked[i : i + n])
    }
    # an everyday word for a name names it too ("jabs": the injections, Botox's own name)
    from hfs_info import vocabulary

    same = vocabulary.load().words
    phrases |= {w for p in phrases for w in same.get(p, ()) if w in ix.own_names}
    names = ix.own_names
    out: set[int] = set()
    for phrase in phrases:
        rowids = names.get(phrase, frozenset())
        glossary = {r for r in rowids if ix.rows[r].kind == "glossary"}
        if glossary and len(glossary) < len(rowids) and not defines:
            rowids = rowids - glossary
        out |= rowids
    return out


def _entities(ix: Index, own: set[int]) -> int:
    """How many entities the records ``own`` are: records of one treatment (its summary and
    its drugs) or sharing a name (the glossary's "facial nerve" and the nerve) are one."""
    names = {r: {n for n, rows in ix.own_names.items() if r in rows} for r in own}
    groups: list[set[str]] = []
    for r in own:
        keys = names[r] | {_treatment_of(ix.rows[r]) or ix.rows[r].id}
        for group in [g for g in groups if g & keys]:
            groups.remove(group)
            keys |= group
        groups.append(keys)
    return len(groups)


# Words that set things side by side ("tegretol vs dilantin", "EMG compared with NCV", "the
# difference between ..."); not "instead of" ("when is MVD used instead of Botox" asks when).
_COMPARING = frozenset(
    ("vs", "versus", "v", "compare", "compared", "comparing", "comparison", "difference")
) | frozenset(("differences", "differ", "differs"))


def _compares(text: str) -> bool:
    """Whether ``text`` sets things side by side (a word of _COMPARING)."""
    return not _COMPARING.isdisjoint(WORD.findall(normalize_query(text)))


def _compared(
    ix: Index, own: set[int], pairs: list[tuple[Concept, Match]], choosing: bool
) -> list[set[str]]:
    """For a question that names two or more things by their own names and asks nothing else
    of them ("carbamazepine vs phenytoin", "trigeminal neuralgia or Bell's palsy", "botox vs
    MVD"), the ids of each thing's records (those sharing a name are one thing: the glossary's
    facial nerve and the nerve); empty otherwise, and when the question chooses between
    treatments ("botox or surgery, which is better": the options, _together_first)."""
    if len(own) < 2 or (choosing and any(ix.rows[r].kind == "treatment" for r in own)):
        return []
    asked = [(c, m) for c, m in pairs if not c.background and not c.form and m.scores]
    named: list[set[int]] = []
    covered: set[int] = set()
    for n in (3, 2, 1):  # a name of several words is read as several concepts: longest first
        for i in range(len(asked) - n + 1):
            if covered & set(range(i, i + n)):
                continue
            phrase = " ".join(m.read_as or c.typed for c, m in asked[i : i + n])
            rowids = ix.own_names.get(phrase, frozenset()) & own
            if rowids:
                named.append(set(rowids))
                covered |= set(range(i, i + n))
    if any(
        c.weight >= 1.0 and c.typed not in _COMPARING | {"between"}  # ("the difference between")
        for k, (c, _) in enumerate(asked)
        if k not in covered
    ):
        return []  # something else is asked of them ("side effects of tegretol vs dilantin")
    things: list[set[int]] = []
    for one in named:
        merged = set(one)
        for thing in [t for t in things if t & merged]:
            things.remove(thing)
            merged |= thing
        things.append(merged)
    if len(things) < 2:
        return []
    return [{ix.rows[r].id for r in thing} for thing in things]


def _compared_first(
    ranked: list[tuple[Entry, float]], compared: list[set[str]]
) -> list[tuple[Entry, float]]:
    """For a question comparing things named (``compared``: each thing's record ids), the
    best-placed record of each thing ranks just above every other record, in the order they
    had: the answer is what the guide says of each, not a record that names them side by side
    (the prescriptions list both drugs; the causes name both conditions)."""
    scores = {e.id: s for e, s in ranked}
    best = [max(ids & scores.keys(), key=lambda i: (scores[i], i), default="") for ids in compared]
    if "" in best:
        return ranked
    others = [s for e, s in ranked if e.id not in best]
    lowest = min(scores[i] for i in best)
    if not others or lowest > max(others):
        return ranked
    factor = max(others) * FIGURES_TOGETHER / lowest
    return [(e, s * factor if e.id in best else s) for e, s in ranked]


def _titled(ix: Index, phrases: set[str]) -> set[int]:
    """The records whose title is one of ``phrases``, word for word, in any word form
    ("anticonvulsant", "anticonvulsent": anticonvulsants; FTS5's stemmer compares)."""
    out: set[int] = set()
    for phrase in phrases:
        words = WORD.findall(phrase)
        if words:
            for rowid in match(ix.db, 'title : ^"' + " ".join(words) + '"'):
                if len(WORD.findall(ix.rows[rowid].title)) == len(words):
                    out.add(rowid)
    return out


def _of_condition(ix: Index, pairs: list[tuple[Concept, Match]], subject: frozenset[str]) -> bool:
    """Whether a question asks about the condition itself: it names it ("hemifacial spasm",
    "twitching") and no treatment, neither by a treatment's own names ("botox", "pills") nor by
    the name of a treatment's aspect as typed ("side effects", "risks", "recovery")."""
    if not any(m.scores and c.typed in subject for c, m in pairs) or _tried(ix, pairs):
        return False

    def key(phrase: str) -> tuple[str, ...]:
        return tuple(w.removesuffix("s") for w in WORD.findall(normalize_query(phrase)))

    aspects = {key(e.title.partition(": ")[2]) for e in ix.rows if e.kind == "treatment"}
    typed = [c.typed for c, m in pairs if m.scores and not c.form and c.typed not in subject]
    phrases = {" ".join(typed[i : i + n]) for n in (1, 2) for i in range(len(typed) - n + 1)}
    return not any(key(phrase) in aspects for phrase in phrases)


def _tried(ix: Index, pairs: list[tuple[Concept, Match]]) -> set[str]:
    """The treatments a question names anywhere, its story too ("I've had Botox and tablets"),
    by one of their own names or a word of the same meaning ("pills": medication), as ids
    ("treatment:botox")."""
    phrases = {c.typed for c, _ in pairs} | {m.read_as for _, m in pairs if m.read_as}
    said = [m for _, m in pairs if not m.related and not m.opposite]  # the very words
    phrases |= {t.strip('"') for m in said for t, _ in m.terms}
    rows = {r for p in phrases for r in ix.own_names.get(p, frozenset())}
    return {_treatment_of(ix.rows[r]) for r in rows} - {""}


def _choosing_between(ix: Index, pairs: list[tuple[Concept, Match]]) -> dict[str, set[str]]:
    """For a question choosing between treatments ("botox or surgery which is better", "how do
    I decide between pills, shots and an operation"): each treatment it names in what it asks
    (by an own name or a word of the same meaning), with the ids of the records that speak of
    it by any of its own names ("compare MVD and Botox": the options say "surgery"); empty
    when it names fewer than two, or asks of anything else too ("which is better for
    hearing", "medication vs botox side effects which is worse"): then it asks that."""
    asked = [(c, m) for c, m in pairs if not c.background and not c.form and m.scores]
    named: dict[str, set[str]] = {}
    covered: set[int] = set()
    # a name of several words is read as several concepts ("muscle relaxant"): longest first
    for n in (3, 2, 1):
        for i in range(len(asked) - n + 1):
            if covered & set(range(i, i + n)):
                continue
            group = asked[i : i + n]
            phrases = {" ".join(m.read_as or c.typed for c, m in group)}
            if n == 1:  # or a word of the same meaning ("pills": medication)
                c, m = group[0]
                phrases.add(c.typed)
                if not m.related and not m.opposite:
                    phrases |= {t.strip('"') for t, _ in m.terms}
            treatments = set().union(*(_of(ix, ix.own_names.get(p, frozenset())) for p in phrases))
            treatments -= {""}
            if len(treatments) == 1:
                named.setdefault(next(iter(treatments)), set())
                covered |= set(range(i, i + n))
    if any(c.weight >= 1.0 for k, (c, _) in enumerate(asked) if k not in covered):
        return {}  # another topic asked of them
    if len(named) < 2:
        return {}
    # a record speaks of a treatment by any of its own names ("surgery" for MVD)
    for treatment, ids in named.items():
        names = [n for n, rows in ix.own_names.items() if _of(ix, rows) == {treatment}]
        ids.update(ix.rows[r].id for r in match(ix.db, " OR ".join(map(quoted, names))))
    return named


def _of(ix: Index, rows: frozenset[int]) -> set[str]:
    """The treatments the records ``rows`` belong to."""
    return {_treatment_of(ix.rows[r]) for r in rows}


def _together_first(
    ranked: list[tuple[Entry, float]],
    named: dict[str, set[str]],
    namesakes: dict[str, str],
    rows: list[Entry],
) -> list[tuple[Entry, float]]:
    """For a question choosing between the treatments ``named`` (each with the ids of the
    records that speak of it), the best-placed record of no one treatment (nor the glossary
    term of one) that speaks of all of them (the treatment options, each with benefits and
    limitations) ranks just above every other record; one the question's words did not match
    ("baclofen or decompression": the options say "medication" and "surgery") is the first
    such record of the guide."""
    if not named:
        return ranked
    together = [
        e
        for e in rows
        if not _treatment_of(e)
        and e.id not in namesakes
        and all(e.id in ids for ids in named.values())
    ]
    if not together:
        return ranked
    scores = {e.id: s for e, s in ranked}
    best = max(together, key=lambda e: (scores.get(e.id, 0.0), -rows.index(e)))
    raised = max(scores.values(), default=1.0) * FIGURES_TOGETHER
    if best.id not in scores:
        return [*ranked, (best, raised)]
    return [(e, max(s, raised) if e is best else s) for e, s in ranked]


def _untried_first(
    ranked: list[tuple[Entry, float]], tried: set[str], namesakes: dict[str, str]
) -> list[tuple[Entry, float]]:
    """For a question asking what else there is, every record of a treatment it names (the
    ones tried), the glossary term of such a treatment's name, and every record of no one
    treatment (the overview of them all), ranks just below the best record of a treatment it
    does not name, when one answers."""
    others = [s for e, s in ranked if _treatment_of(e) not in ("", *tried)]
    if not tried or not others:
        return ranked
    below = max(others) / FIGURES_TOGETHER if FIGURES_TOGETHER else float("inf")

    def of_untried(entry: Entry) -> bool:
        return (_treatment_of(entry) or namesakes.get(entry.id, "")) not in ("", *tried)

    # the overview of every treatment, the tried ones too, is no other treatment either
    return [(e, s if of_untried(e) else min(s, below)) for e, s in ranked]


def _namesakes(ix: Index) -> dict[str, str]:
    """Glossary term id -> the id of the treatment that shares one of its names ("Botox" in the
    glossary and the Botox injections): one thing, in two records."""
    out: dict[str, str] = {}
    for rows in ix.own_names.values():
        treatments = {_treatment_of(ix.rows[r]) for r in rows} - {""}
        if len(treatments) == 1:
            for r in rows:
                if ix.rows[r].kind == "glossary":
                    out.setdefault(ix.rows[r].id, *treatments)
    return out


def _one_outcome(
    ix: Index,
    pairs: list[tuple[Concept, Match]],
    questions: Mapping[str, tuple[str, ...]],
    wanted: str,
) -> set[str]:
    """The figures an outcome question asks for by the guide's own word for one outcome: a
    word of outcome ("come back", "relapse", "return") read as the guide's word ("recurrence")
    that one figure of a treatment uses, as no other of its figures does. Read as typed alone
    ("effectiveness", whose stem meets "effect") it names no figure; nor does a return to
    something ("come back to normal life")."""
    outcome = set(questions.get("outcome", ()))
    rows = ix.rows
    text = " ".join(WORD.findall(normalize_query(wanted))) + " "
    out: set[str] = set()
    for c, m in pairs:
        if c.form or c.background or c.typed not in outcome or f"{c.typed} to " in text:
            continue
        by_guide: set[int] = set()
        for term, _ in c.terms:
            if term != quoted(c.typed):
                by_guide |= set(match(ix.db, term))
        figures: dict[str, list[str]] = {}
        for r in m.scores:
            if r in by_guide and rows[r].kind == "statistic" and rows[r].part_of:
                figures.setdefault(rows[r].part_of, []).append(rows[r].id)
        out |= {ids[0] for ids in figures.values() if len(ids) == 1}
    return out


def _one_outcome_first(
    ranked: list[tuple[Entry, float]], figures: set[str]
) -> list[tuple[Entry, float]]:
    """The figure of the one outcome asked (``figures``, see _one_outcome) ranks just above its
    treatment's results record: "can the spasms come back after surgery" is answered by the 7%
    recurrence, the results with every figure just below."""
    if not figures:
        return ranked
    results = {e.id.split("/")[0]: s for e, s in ranked if e.id.endswith("/results")}
    return [
        (e, max(s, results[e.part_of] * FIGURES_TOGETHER))
        if e.id in figures and e.part_of in results
        else (e, s)
        for e, s in ranked
    ]


def _quoted_figures(ds: Dataset, wanted: str) -> set[str]:
    """The figures a clause that asks quotes by a count and the figure's unit ("is two
    injections normal", "are 3 days normal before it works"): a count the figure gives, or
    within its range (1 to 3 injections), typed right before its unit, in any word form
    ("injection", "injections"). A count told, not asked, quotes none ("I've had botox every 3
    months for years, why does it wear off"); in a text where no clause asks ("three months"),
    every clause is what is asked. A percentage is quoted as such (_figure_first)."""
    clauses = [WORD.findall(c) for c in _CLAUSE.split(normalize_query(wanted))]
    asking = [words for words in clauses if words and words[0] in _ASKING_OPENERS]
    out: set[str] = set()
    for words in asking or clauses:
        out |= _figures_quoted(ds, words)
    return out


# The words a clause that asks opens with ("is two injections normal", "how is 3 months").
_ASKING_OPENERS = frozenset(
    (
        *("is", "are", "was", "were", "does", "do", "did", "should", "can", "could", "will"),
        *("would", "how", "what", "why", "when", "which"),
    )
)


def _figures_quoted(ds: Dataset, words: list[str]) -> set[str]:
    """The figures ``words`` quote by a count and the figure's unit (see _quoted_figures)."""
    from hfs_info.text import CARDINALS, number_of

    out: set[str] = set()
    for count, unit in pairwise(words):
        number = number_of(count) if count.isdigit() or count in CARDINALS else None
        if number is None:
            continue
        for stat in ds.statistics:
            units = stat.unit.split()
            if len(units) != 1 or stat.unit == PERCENT:
                continue
            if unit.rstrip("s") == units[0].rstrip("s") and (
                stat.value <= number <= (stat.max_value or stat.value)
            ):
                out.add(f"statistic:{stat.id}")
    return out


def _quoted_figures_first(
    ranked: list[tuple[Entry, float]], figures: set[str]
) -> list[tuple[Entry, float]]:
    """The figures quoted (_quoted_figures) rank just above the best record."""
    top = max((s for _, s in ranked), default=0.0)
    return [(e, max(s, top * FIGURES_TOGETHER)) if e.id in figures else (e, s) for e, s in ranked]


# The guide itself, pointed at ("this guide", "this page", "this information"): a question of
# it asks who stands behind it, how current it is, what it is for.
_OF_GUIDE = deferred(
    r"\bthis\s+(?:guide|page|webpage|article|information|info|site|website|"
    r"leaflet|document|text)\b"
)
_HOW_OLD = frozenset(("how old", "how current", "how recent"))


def _guide_first(
    ranked: list[tuple[Entry, float]],
    rows: list[Entry],
    pairs: list[tuple[Concept, Match]],
    covered: dict[int, float],
) -> list[tuple[Entry, float]]:
    """For a question pointing at the guide itself ("who is behind this information", "can
    this guide replace my doctor", "how old is this page"), the guide's own record (publisher,
    reviewer, date, what it is for) ranks first when it answers as much of the question as any
    record does (``covered``: rowid -> the weight of the concepts it matches; not "what this
    guide says about how many people get better"), or when its age is asked ("how old": the
    date it was updated, never the age of the people it speaks of)."""
    guide = [r for r, e in enumerate(rows) if e.kind == "source"]
    most = max(covered.values(), default=0.0)
    aged = any(c.typed in _HOW_OLD for c, _ in pairs)
    raised = {rows[r].id for r in guide if aged or (r in covered and covered[r] >= most)}
    if not raised:
        return ranked
    top = max((s for _, s in ranked), default=1.0) * FIGURES_TOGETHER
    rest = [(e, s) for e, s in ranked if e.id not in raised]
    return [*((rows[r], top) for r in guide if rows[r].id in raised), *rest]


def _named_results_first(
    ranked: list[tuple[Entry, float]], named: set[str]
) -> list[tuple[Entry, float]]:
    """For an outcome question naming one treatment ("what are the chances surgery fixes it",
    "does medication cure hemifacial spasm"), that treatment's results rank just above the
    guide's sections: the overview that says "surgery" or "cure" in passing is no answer to how
    well the treatment works. (Two treatments compared: the overview compares them.)"""
    top = max((s for e, s in ranked if e.kind == "section"), default=0.0)
    keys = {f"{t}/results" for t in named}
    return [(e, max(s, top * FIGURES_TOGETHER)) if e.id in keys else (e, s) for e, s in ranked]


def _why_of_condition(
    ix: Index, pairs: list[tuple[Concept, Match]], subject: frozenset[str]
) -> set[str]:
    """The records that answer "why", of no treatment, for a question asking why the
    condition's spasms happen as they do ("why does my face twitch on one side", "why does half
    my face twitch"): the causes, never the overview that says "one side" too."""
    from hfs_info import english

    if not any(c.typed in subject or c.weight == search_analysis.SUBJECT_WEIGHT for c, _ in pairs):
        return set()
    # what else it asks is what the condition's own record says of it ("one side", "half my
    # face") or everyday words ("keep"); never another topic ("an MRI", "my hearing")
    condition = {r for word in subject for r in ix.own_names.get(word, frozenset())}
    for c, m in pairs:
        if c.typed == "why" or c.weight < 1.0 or c.form or c.background:
            continue
        if not set(m.scores) & condition and english.zipf(c.typed) < STORY_ZIPF:
            return set()
    rows = ix.rows
    return {
        rows[r].id
        for c, m in pairs
        if c.typed == "why" and c.weight >= 1.0 and not c.background
        for r in m.scores
        if not _treatment_of(rows[r])
    }


def _why_first(ranked: list[tuple[Entry, float]], why: set[str]) -> list[tuple[Entry, float]]:
    """The best-placed record answering why (``why``) ranks first."""
    mine = [(e, s) for e, s in ranked if e.id in why]
    if not mine:
        return ranked
    best, _ = max(mine, key=lambda pair: (pair[1], pair[0].id))
    top = max(s for _, s in ranked) * FIGURES_TOGETHER
    return [(e, max(s, top)) if e is best else (e, s) for e, s in ranked]


# Words placing what a question tells of after a treatment ("ptosis after BTX"), and words
# asking when or how long (then the time is asked: "when can I drive after MVD").
_AFTER = frozenset(("after", "following", "since", "post"))
_TIME_ASKED = frozenset(("when", "how", "long", "soon", "until", "till", "before"))
_TIME_UNITS = frozenset(
    ("day", "days", "week", "weeks", "month", "months", "year", "years", "while", "time")
)
# How common a word of everyday English is (Zipf) for it to be told as story, never named as a
# thing that follows a treatment: "weeks", "gone", "later" (5.2 to 5.5); not "headache" (4.0)
EVERYDAY_ZIPF = 4.5
# ... and for a word of a "why" question to be its story, not a topic of its own: "keep" (5.5),
# not "hearing" (4.7)
STORY_ZIPF = 5.0


def _unknown_after(text: str, pairs: list[tuple[Concept, Match]]) -> bool:
    """Whether ``text`` tells of a thing the guide never names just before "after" a treatment
    and asks no time ("ptosis after BTX", "a headache after the injections?")."""
    if not any(not m.scores for _, m in pairs):
        return False  # every word found: nothing unknown is told
    words = WORD.findall(normalize_query(text))
    if _TIME_ASKED & set(words) or not _AFTER & set(words):
        return False
    from hfs_info import english, vocabulary

    vocab = vocabulary.load()
    unknown = {
        c.typed
        for c, m in pairs
        if not m.scores
        and not c.form
        and not c.background
        and c.typed not in vocab.subject
        and not is_filler(c.typed, vocab)
    }
    for i, w in enumerate(words):
        if not i or w not in _AFTER or words[i - 1] not in unknown:
            continue
        # a word of everyday English ("weeks", "gone", "later") tells the story, not an effect
        if english.zipf(words[i - 1]) >= EVERYDAY_ZIPF:
            continue
        # what it comes after is a treatment, not a time ("stop workng after years")
        after = [v for v in words[i + 1 :] if v not in _DETERMINERS]
        if after and not after[0].isdigit() and after[0] not in _TIME_UNITS:
            return True
    return False


def _side_effects_first(ranked: list[tuple[Entry, float]], key: str) -> list[tuple[Entry, float]]:
    """Something the guide never names, told after a treatment ("ptosis after BTX"), is asked
    as an effect of it: that treatment's side effects rank first, the unknown word noted."""
    top = max((s for _, s in ranked), default=0.0)
    return [(e, max(s, top * FIGURES_TOGETHER)) if e.id == key else (e, s) for e, s in ranked]


def _named_treatment_over_results(
    ranked: list[tuple[Entry, float]], named: set[str]
) -> list[tuple[Entry, float]]:
    """For a question whether there is a treatment that cures ("is there an operation that
    cures hemifacial spasm", "are there pills to stop it"), the treatment's own record (what it
    is) ranks just above its results (how well it works)."""
    top = max((s for e, s in ranked if e.id in {f"{t}/results" for t in named}), default=0.0)
    return [(e, max(s, top * FIGURES_TOGETHER)) if e.id in named else (e, s) for e, s in ranked]


def _outcome_first(
    ranked: list[tuple[Entry, float]], namesakes: dict[str, str]
) -> list[tuple[Entry, float]]:
    """For an outcome question, a treatment's results record (all its outcome figures
    together) ranks just above the best-placed record of that treatment (its figures, its
    other aspects, its summary, the glossary term of the same name)."""
    best: dict[str, float] = {}
    for entry, score in ranked:
        treatment = entry.part_of or (entry.id.split("/")[0] if entry.kind == "treatment" else "")
        treatment = treatment or namesakes.get(entry.id, "")
        if treatment:
            key = f"{treatment}/results"
            best[key] = max(best.get(key, 0.0), score)
    return [(e, max(s, best.get(e.id, 0.0) * FIGURES_TOGETHER)) for e, s in ranked]


# The titles of a treatment's aspects that are questions, as search reads them ("how it works",
# "when it is used"): an asking phrase read as one selects that aspect.
_ASPECT_TITLES = frozenset(
    title.casefold() for _, title in TREATMENT_ASPECTS if title.split()[0] in ("How", "When")
)


def _aspect_over_summary(
    ranked: list[tuple[Entry, float]], aspects: set[str]
) -> list[tuple[Entry, float]]:
    """For a question whose asking phrase selects an aspect of a treatment it names ("why would
    they give me a seizure medicine": how it works), that aspect ranks just above the
    treatment's summary: the summary names the treatment, the aspect answers what is asked."""
    summary = {e.id: s for e, s in ranked if e.kind == "treatment" and "/" not in e.id}
    return [
        (e, max(s, summary.get(_treatment_of(e), 0.0) * FIGURES_TOGETHER) if e.id in aspects else s)
        for e, s in ranked
    ]


def _named_treatment_first(
    ranked: list[tuple[Entry, float]], named: set[str]
) -> list[tuple[Entry, float]]:
    """A record of another treatment than the one(s) the question names ranks below the best
    record of a named treatment ("how many days in hospital after MVD" is never answered with
    Botox's three days)."""
    mine = [s for e, s in ranked if _treatment_of(e) in named]
    if not mine:
        return ranked
    below = max(mine) / FIGURES_TOGETHER if FIGURES_TOGETHER else float("inf")
    other = ("", *named)
    return [(e, s if _treatment_of(e) in other else min(s, below)) for e, s in ranked]


def _own_first(
    ranked: list[tuple[Entry, float]],
    own: set[int],
    covered: dict[str, float],
    rows: list[Entry],
    namesakes: frozenset[int] = frozenset(),
    rarity: Mapping[str, float] | None = None,
) -> list[tuple[Entry, float]]:
    """For a question that names one entity by its own name and asks for no aspect or figure
    ("botox for hemifacial spasm", "what is Klonopin"), its own record ranks just above every
    record that answers no more of the question (``covered``: the weight of the question's
    concepts, the guide's subject aside, each record matches). Of the entity's records that
    answer as much, the one answering the rarer words (``rarity``) is the entity's: "does the
    facial nerve control taste" is answered by the record that has "taste"."""
    rare = rarity or {}
    ids = {rows[r].id for r in own}
    mine = [(e, s) for e, s in ranked if e.id in ids]
    if not mine:
        return ranked
    best, score = max(mine, key=lambda pair: (pair[1], pair[0].id))
    # a record sharing the entity's name that answers more of the question is the entity's
    alike = {rows[r].id for r in namesakes}
    more = [
        (e, s)
        for e, s in ranked
        if e.id in alike
        and (covered.get(e.id, 0.0), rare.get(e.id, 0.0))
        > (covered.get(best.id, 0.0), rare.get(best.id, 0.0))
    ]
    if more:
        best, score = max(
            more,
            key=lambda pair: (
                covered.get(pair[0].id, 0.0),
                rare.get(pair[0].id, 0.0),
                pair[1],
                pair[0].id,
            ),
        )
    mine_covered = covered.get(best.id, 0.0)
    above = [s for e, s in ranked if s > score and covered.get(e.id, 0.0) <= mine_covered]
    if not above:
        return ranked
    raised = max(above) * FIGURES_TOGETHER
    return [(e, max(s, raised) if e is best else s) for e, s in ranked]


def _statistic_groups(ds: Dataset) -> dict[str, tuple[str, str]]:
    """Statistic record id -> its group (the heading its figures share: "Where the spasm
    starts") and the record of the section that states them, for the statistics of a section
    (a treatment's figures have their own rules: _outcome_first)."""
    treated = {s for t in ds.treatments for s in t.statistics}
    return {
        f"statistic:{s.id}": (s.group, f"section:{s.section}")
        for s in ds.statistics
        if s.id not in treated
    }


def _stated_together(
    ranked: list[tuple[Entry, float]],
    groups: dict[str, tuple[str, str]],
    covered: dict[str, float],
) -> list[tuple[Entry, float]]:
    """For a question that asks for no figure ("where does the twitching usually start"), when
    another statistic of the best-placed statistic's group answers as much of the question
    (``covered``: the weight of the question's concepts each record matches), the question
    does not tell the figures apart: the section that states them together (92% near the eye,
    the remaining 8% near the chin) ranks just above the best of them. One figure told apart
    ("starting at the chin") keeps its place."""
    stats = [(e, s) for e, s in ranked if e.id in groups]
    if not stats:
        return ranked
    best, score = max(stats, key=lambda pair: (pair[1], pair[0].id))
    group, section = groups[best.id]
    alike = [
        e
        for e, _ in stats
        if e is not best
        and groups[e.id][0] == group
        and covered.get(e.id, 0.0) >= covered.get(best.id, 0.0)
    ]
    if not alike:
        return ranked
    raised = score * FIGURES_TOGETHER
    return [(e, max(s, raised) if e.id == section else s) for e, s in ranked]


def _figure_first(
    ranked: list[tuple[Entry, float]], covered: dict[str, float]
) -> list[tuple[Entry, float]]:
    """For a question that asks for a figure or quotes one ("what percentage get immediate
    relief", "85% immediate relief"), the best-placed statistic record (the figure with its
    population, timeframe and source) ranks just above the records that state its figure
    ("In general, 85% have immediate relief") and answer no more of the question (``covered``:
    the weight of the question's concepts each record matches)."""
    from hfs_info import vocabulary

    stats = [(e, s) for e, s in ranked if e.kind == "statistic"]
    if not stats:
        return ranked
    best, score = max(stats, key=lambda pair: (pair[1], pair[0].id))
    # the figure as the statistic's title gives it ("3 days", "85%", "1 to 3 injections"): a
    # record states it when it has each of its numbers (in any spelling) and words
    figure = WORD.findall(normalize_query(best.title.partition(":")[0]))
    if not any(w.isdigit() for w in figure):
        return ranked
    parts = [
        set(search_analysis.count_spellings(int(w))) if w.isdigit() else {w}
        for w in figure
        if w not in vocabulary.load().stop_words
    ]

    def states(entry: Entry) -> bool:
        words = set(WORD.findall(normalize_query(entry.body)))
        return all(part & words for part in parts)

    stating = [
        s
        for e, s in ranked
        if e.kind != "statistic"
        and s > score
        and covered.get(e.id, 0.0) <= covered.get(best.id, 0.0)
        and states(e)
    ]
    if not stating:
        return ranked
    raised = max(stating) * FIGURES_TOGETHER
    return [(e, max(s, raised) if e is best else s) for e, s in ranked]


def _citations_below(
    ranked: list[tuple[Entry, float]], pairs: list[tuple[Concept, Match]], rows: list[Entry]
) -> list[tuple[Entry, float]]:
    """For a question asking a figure or an outcome, and not where it comes from, each
    reference ranks just below the best record that is not one, unless a word of the question
    matches references alone (an author, a journal)."""
    if any(m.scores and all(rows[r].kind == "reference" for r in m.scores) for _, m in pairs):
        return ranked
    others = [s for e, s in ranked if e.kind != "reference"]
    if not others:
        return ranked
    below = max(others) / FIGURES_TOGETHER if FIGURES_TOGETHER else float("inf")
    return [(e, min(s, below) if e.kind == "reference" else s) for e, s in ranked]


# The figures of a topic asked for as a whole: "hemifacial spasm statistics", "HFS numbers".
_FIGURES_ASKED = frozenset(("statistics", "statistic", "stats", "numbers", "figures"))


def _figures_of_condition(
    pairs: list[tuple[Concept, Match]], subject: frozenset[str], text: str
) -> bool:
    """Whether a question asks for the condition's figures as a whole: a noun of figures
    ("statistics", "numbers") and no topic but the condition's own words."""
    if not _FIGURES_ASKED.intersection(WORD.findall(normalize_query(text))):
        return False
    topics = [c for c, m in pairs if not c.form and not c.background]
    return bool(topics) and all(c.typed in subject for c in topics)


def _condition_figures_first(
    ranked: list[tuple[Entry, float]], rows: list[Entry]
) -> list[tuple[Entry, float]]:
    """The statistics of the condition itself rank above every other record, in the order they
    had (those the question's words did not match after them, in the guide's order): a
    statistic of no treatment, nor of a thing with a record of its own (the facial nerve's
    branches are the nerve's figure)."""
    things = {e.title.casefold() for e in rows if e.kind not in ("statistic", "section")}

    def of_condition(entry: Entry) -> bool:
        group = entry.title.partition(": ")[2].casefold()
        return entry.kind == "statistic" and not entry.part_of and group not in things

    top = max((s for _, s in ranked), default=1.0) * FIGURES_TOGETHER
    out = [(e, top + s if of_condition(e) else s) for e, s in ranked]
    have = {e.id for e, _ in ranked}
    unmatched = [e for e in rows if of_condition(e) and e.id not in have]
    return out + [(e, top - k * 1e-6) for k, e in enumerate(unmatched, start=1)]


_CITES = deferred(r"\breference (\d+)\b", re.I)


def _asks_address(ix: Index, pairs: list[tuple[Concept, Match]]) -> bool:
    """Whether a question asks for a web address: a word of what it asks (not of the story
    around it) means a word of the guide found only in web addresses ("websites", "online":
    the guide's "www"; not "linked", which only shares a stem with "web link")."""
    return any(
        not c.background
        and any(ix.rows[r].kind in ADDRESS_KINDS for r in m.scores)
        and any(
            term != quoted(c.typed)
            and (hits := match(ix.db, term))
            and all(ix.rows[r].kind in ADDRESS_KINDS for r in hits)
            for term, _ in m.terms
        )
        for c, m in pairs
        if not m.related and not m.opposite
    )


def _address_first(
    ranked: list[tuple[Entry, float]], covered: dict[str, float]
) -> list[tuple[Entry, float]]:
    """For a question asking for a web address ("useful websites about hemifacial spasm",
    "where can I read more online"), the address that answers most of the question
    (``covered``: the weight of the question's concepts each record matches), the best-placed
    of those answering as much, ranks just above every other record: the kind of answer asked
    for is a web address, not a passage that shares its other words."""
    addresses = [(e, s) for e, s in ranked if e.kind in ADDRESS_KINDS]
    if not addresses:
        return ranked
    best, score = max(addresses, key=lambda p: (covered.get(p[0].id, 0.0), p[1], p[0].id))
    above = [s for e, s in ranked if s > score]
    if not above:
        return ranked
    raised = max(above) * FIGURES_TOGETHER
    return [(e, max(s, raised) if e is best else s) for e, s in ranked]


def _cited_first(ranked: list[tuple[Entry, float]], rows: list[Entry]) -> list[tuple[Entry, float]]:
    """For a question asking where facts come from ("which study are the surgery results taken
    from", "paper on recurrence after MVD"), the reference that the best-placed record citing
    one names ("(reference 1)") ranks just above that record: the study is the answer, not the
    figures it gave."""
    references = {
        m[1]: e for e in rows if e.kind == "reference" and (m := _CITES.fullmatch(e.title))
    }
    citing = [(s, e) for e, s in ranked if e.kind != "reference" and _CITES.search(e.body)]
    if not citing:
        return ranked
    score, entry = max(citing, key=lambda pair: (pair[0], pair[1].id))
    cited = {references[n].id for n in _CITES.findall(entry.body) if n in references}
    raised = score * FIGURES_TOGETHER
    if any(e.id in cited for e, _ in ranked):
        return [(e, max(s, raised) if e.id in cited else s) for e, s in ranked]
    return [
        *ranked,
        *(
            (references[n], raised)
            for n in dict.fromkeys(_CITES.findall(entry.body))
            if n in references
        ),
    ]


# Words asking what a text rests on ("what is this guide based on", "what does it cite"), not
# research to take part in ("studies I could join").
_CITING = frozenset(
    ("based on", "cite", "cites", "citation", "citations", "reference", "references")
) | frozenset(("source", "sources", "where from"))


# ... its references asked for by name ("which references does it cite")
_CITED = frozenset(("cite", "cites", "citation", "citations", "reference", "references"))


def _asks_whole_source(
    text: str,
    pairs: list[tuple[Concept, Match]],
    source: tuple[str, ...],
    subject: frozenset[str],
) -> bool:
    """Whether a question asks what the guide as a whole rests on: a phrase of citing, and no
    topic but words of sources and the guide's subject ("what studies is this guide based on",
    "which references does the guide cite"; not "where do the surgery figures come from")."""
    words = " " + " ".join(WORD.findall(normalize_query(text))) + " "
    if not any(f" {phrase} " in words for phrase in _CITING):
        return False
    return all(c.form or not m.scores or c.typed in source or c.typed in subject for c, m in pairs)


def _sources_first(
    ranked: list[tuple[Entry, float]], rows: list[Entry], cites: bool
) -> list[tuple[Entry, float]]:
    """The guide's own source record and its references above every other record: what the
    guide as a whole is based on; the references first when what it cites is asked."""
    references = [e for e in rows if e.kind == "reference"]
    guide = [e for e in rows if e.kind == "source"]
    sources = [*references, *guide] if cites else [*guide, *references]
    top = max((s for _, s in ranked), default=1.0)
    raised = {e.id: top * FIGURES_TOGETHER ** (len(sources) - i) for i, e in enumerate(sources)}
    rest = [(e, s) for e, s in ranked if e.id not in raised]
    return [*((e, raised[e.id]) for e in sources), *rest]


# How many words open a caption: what the picture is of ("The facial nerve begins").
CAPTION_OPENING = 3


def _opens_with(entry: Entry, asked: frozenset[str]) -> bool:
    """Whether the first words of ``entry``'s text are among the words ``asked``."""
    opening = WORD.findall(normalize_query(entry.body))[:CAPTION_OPENING]
    return bool(asked & set(opening))


def _picture_first(
    ranked: list[tuple[Entry, float]],
    covered: dict[str, float],
    asked: frozenset[str] = frozenset(),
) -> list[tuple[Entry, float]]:
    """For a question that asks for a picture ("illustration of the sponge", "picture of artery
    compressing nerve", "figure 3 ..."), the best-placed figure that shows something the
    question names (``covered``: the weight of the question's concepts each record matches,
    the picture word aside) ranks just above every other record: the guide's picture is what
    is asked, even where the text around it names more of the question's words (Figure 3
    shows the artery and the nerve; "compressing" is the text's word). No figure is raised
    when none shows a topic of the question ("picture of a Botox injection": the guide has
    none)."""
    figures = [(e, s) for e, s in ranked if e.kind == "figure" and covered.get(e.id, 0.0) > 0.0]
    if not figures:
        return ranked
    # of the figures showing as much, the one whose caption opens with a word asked is the
    # picture of it ("the picture of the facial nerve": Figure 1, "The facial nerve begins",
    # not Figure 3, "An artery pressing on the facial nerve")
    most = max(covered.get(e.id, 0.0) for e, _ in figures)
    best, score = max(
        figures,
        key=lambda pair: (
            covered.get(pair[0].id, 0.0) == most and _opens_with(pair[0], asked),
            pair[1],
            pair[0].id,
        ),
    )
    above = [s for e, s in ranked if s > score]
    if not above:
        return ranked
    raised = max(above) * FIGURES_TOGETHER
    return [(e, max(s, raised) if e is best else s) for e, s in ranked]


def _other_number(
    entry: Entry, asked: frozenset[int], numbered: dict[tuple[str, ...], frozenset[int]]
) -> bool:
    """Whether the record names things by number (the 7th nerve, CN VII), none of them a
    number the question asks about. A thing the guide numbers elsewhere, named here by its own
    name (``numbered``: "facial nerve" is the seventh cranial nerve), counts as its number:
    the causes, which name the facial nerve and the fifth cranial nerve, answer "AICA
    compression of CN VII"."""
    from hfs_info.search_analysis import ordinal_of

    if entry.kind == "figure":  # "figure 9" is never answered with Figure 2
        return int(entry.show[-1]) not in asked  # its number, as `figures N` shows it
    words = WORD.findall(normalize_query(f"{entry.title} {entry.names} {entry.body}"))
    # only numbers that name something (7th, seventh, VII), not counts ("8 people", "Reference 1")
    named = {n for n in map(ordinal_of, words) if n is not None}
    if not named or named & asked:
        return False
    said = set(zip(*(words[k:] for k in range(2)), strict=False)) | {(w,) for w in words}
    return not any(numbers & asked for name, numbers in numbered.items() if name in said)


def _numbered_names(ix: Index) -> dict[tuple[str, ...], frozenset[int]]:
    """The one- or two-word titles of records whose other names number them ("facial nerve":
    "seventh cranial nerve", "cranial nerve VII"), each with its numbers."""
    from hfs_info.search_analysis import ordinal_of

    out: dict[tuple[str, ...], frozenset[int]] = {}
    for entry in ix.rows:
        title = tuple(WORD.findall(normalize_query(entry.title)))
        if title[:1] == ("the",):
            title = title[1:]
        numbers = frozenset(
            n for n in map(ordinal_of, WORD.findall(normalize_query(entry.names))) if n is not None
        )
        if numbers and 1 <= len(title) <= 2:
            out[title] = out.get(title, frozenset()) | numbers
    return out


def _named(ix: Index, found: list[Match]) -> set[int]:
    """Records whose title or other names the question uses (it asks about them by name)."""
    terms = [term for m in found for term, _ in m.terms if not m.related and not m.opposite]
    if not terms:
        return set()
    return set(match(ix.db, "{title names} : (" + " OR ".join(dict.fromkeys(terms)) + ")"))


def search(ds: Dataset, text: str, limit: int = 10) -> list[Hit]:
    """The best ``limit`` records for ``text``; NotFoundError when nothing answers."""
    return list(answer(ds, text, limit).hits)


def answer(ds: Dataset, text: str, limit: int = 10) -> Found:
    """What ``search`` finds, with the words of ``text`` the guide never uses, the typos read as
    dataset words and the words followed to related ones; NotFoundError when nothing answers."""
    from hfs_info import query, vocabulary

    query.check_query(text, "search query", MAX_QUESTION_LENGTH)
    ix = index_for(ds)
    # a figure asked at a length of time the guide never states ("the recurrence rate after 10
    # years"): the answer says so first, and the figures are found without it
    at = search_gaps.period(ix, text, vocabulary.load())
    asked_text, text = text, (at[1] if at else text)
    question = _question(ds, text, ix)
    # the notes read the first FIGURE_HITS records whatever the limit: `-n 1` says no less
    ranking = _ranked(ds, ix, question, text, max(limit, FIGURE_HITS))
    rowids = {entry.id: rowid for rowid, entry in enumerate(ix.rows)}
    turned = _negated_figure(text)
    others = _other_parts(ds, ix, ranking.ranked[:FIGURE_HITS]) if turned else []
    if others:  # the guide gives the share that does not: it answers, first
        top = max(score for _, score in ranking.ranked)
        moved = {entry.id for entry in others}
        ranking = ranking._replace(
            ranked=[(entry, top) for entry in others]
            + [(e, score) for e, score in ranking.ranked if e.id not in moved]
        )
        turned = ()
    weighted = [
        (term, c.weight * w)
        for c, m in zip(question.concepts, ranking.matches, strict=True)
        for term, w in m.terms
    ]
    asked = [(c, m) for c, m in zip(question.concepts, ranking.matches, strict=True) if m.terms]
    sentences, found = _sentence_scores(
        ix, [(c.weight, tuple(term for term, _ in m.terms)) for c, m in asked]
    )
    expression = " OR ".join(dict.fromkeys(term for term, _ in weighted))
    shown = [
        (rowids[entry.id], entry, score, _shown(ix, rowids[entry.id], entry, sentences))
        for entry, score in ranking.ranked
    ]
    hits = tuple(_hit(ix, rowid, entry, score, expression, at) for rowid, entry, score, at in shown)
    topics = _topics(ix, asked, found, shown[:FIGURE_HITS])
    no_figure = _no_figure(text, hits, topics)
    unsaid = _unsaid(ix, question, ranking, text, shown[:FIGURE_HITS])
    if no_figure is None and any(what == search_gaps.FIGURE for what, _ in unsaid):
        no_figure = search_gaps.figure_asked(text, vocabulary.load())
    if turned:
        unsaid = (*unsaid, (search_gaps.NEGATED, turned))  # a figure counts what does happen
    condition = _condition_length(question, ranking, text, hits)
    if condition and not unsaid and no_figure is None:
        unsaid, no_figure = ((search_gaps.FIGURE, condition),), "duration"
    vocab = vocabulary.load()
    # a word that frames the question names no topic (search_analysis.frames); a word of the
    # web address that is the first answer is answered (search_gaps.in_address)
    lead = shown[0] if shown else None
    unmatched = tuple(
        w
        for w in ranking.unmatched
        if not _guide_uses(ds, w)
        and not search_analysis.frames(w, text, vocab)
        and not search_gaps.everyday(w, vocab)
        and not search_gaps.remainder(w, text)
        and not search_gaps.names_a_share(ix, w)
        and not search_gaps.initialism(ix, w)
        and not (
            lead is not None
            and search_gaps.in_address(lead[1], w)
            and _answers_all(lead[0], asked, text)
        )
    )
    if (
        not unsaid
        and no_figure is None
        # whom to call about a thing is the contact the guide names for questions, whatever
        # the thing ("who can I call to ask about an appointment")
        and not (lead is not None and search_gaps.reaches(lead[1], text))
        and (
            (unused := search_gaps.asked_unused(text, unmatched, vocab))
            or (
                unused := search_gaps.unused_kind(
                    text, lambda w: _spoken(ds, ix, ranking, w), vocab
                )
            )
            or (unused := search_gaps.unwritten_condition(ix, text, vocab))
        )
    ):
        # what a short question asks about is a thing the guide never names: no answer
        unsaid = ((search_gaps.UNUSED, unused),)
    if at:
        figure = search_analysis.asked_figure(asked_text, vocab) or "number"
        unsaid = ((search_gaps.PERIOD, (at[0], figure)), *unsaid)
    return Found(
        hits[:limit],
        unmatched,
        ranking.read_as,
        ranking.related,
        no_figure,
        ranking.opposites,
        unsaid,
    )


def _spoken(ds: Dataset, ix: Index, ranking: Ranking, word: str) -> bool:
    """Whether the guide uses ``word`` (or a form of it), or search followed it to a related
    word or an opposite of the guide (said so by its own note)."""
    if any(typed == word for typed, _ in (*ranking.related, *ranking.opposites)):
        return True
    return _guide_uses(ds, word) or search_gaps.written(ix, word)


def _answers_all(rowid: int, asked: list[tuple[Concept, Match]], text: str) -> bool:
    """Whether record ``rowid`` matches every topic word of the question that matched (its
    question forms, its story, words only related and words that frame it aside)."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    return all(
        rowid in m.scores
        for c, m in asked
        if not _aside(c, m) and not search_analysis.frames(c.typed, text, vocab)
    )


def _aside(c: Concept, m: Match) -> bool:
    """Whether ``c`` (matched as ``m``) names no topic of what is asked: a question form, the
    story around it, an asking word, or only a related word or an opposite."""
    return bool(c.form or c.background or c.asking or m.related or m.opposite)


def _condition_length(
    question: Question, ranking: Ranking, text: str, hits: tuple[Hit, ...]
) -> tuple[str, ...]:
    """The words naming the condition itself when a question asks how long it lasts and nothing
    else ("how long does the spasm last", "how long will my twitching last"), and the first
    answer is a treatment's: the guide gives no length of time for the condition, and a
    treatment's ("usually lasts three months") is no answer to it. Empty otherwise."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    if not hits or search_analysis.asked_figure(text, vocab) != "duration":
        return ()
    framed = {w for c in question.concepts if c.form for w in c.typed.split()}
    topics = [
        (c, m)
        for c, m in zip(question.concepts, ranking.matches, strict=True)
        if m.scores and not c.form and not c.background and c.typed not in framed
    ]
    named = [c.typed for c, m in topics if {c.typed, m.read_as} & vocab.subject]
    if not named or len(named) != len(topics) or not ranking.ranked:
        return ()
    first = next((e for e, _ in ranking.ranked if e.id == hits[0].id), None)
    return (" ".join(named),) if first is not None and _treatment_of(first) else ()


def _negated_figure(text: str) -> tuple[str, ...]:
    """The words that put a sentence asking for a figure negatively ("what percentage do not
    get relief"), in that clause only: a "not" in the story around it ("I don't want surgery.
    How many get relief?"), or in another clause joined to it ("it has not stopped, and what
    are the odds it gets better"), turns nothing around."""
    from hfs_info import vocabulary

    vocab = vocabulary.load()
    for sentence in text.replace("?", ".").replace("!", ".").split("."):
        for clause in _JOINED_CLAUSE.split(sentence):
            turned = search_gaps.negated(clause)
            if turned and search_analysis.asked_figure(clause, vocab) is not None:
                return turned
    return ()


# Where a sentence joins two clauses ("is it normal for it not to stop right away, and what are
# the odds it gets better"): a "not" of one never turns around the figure the other asks.
_JOINED_CLAUSE = deferred(r"[,;]\s*(?:and|but|so|or)\b")


def _other_parts(ds: Dataset, ix: Index, first: list[tuple[Entry, float]]) -> list[Entry]:
    """For a question put negatively ("what percent don't start near the eye"): the other parts
    of a whole the best records give a part of, when the guide's parts of it add up to 100%
    ("the remaining 8%"); the first such group's, in the guide's order. Empty when none is."""
    groups: dict[str, list[Statistic]] = {}
    for stat in ds.statistics:
        if stat.unit == PERCENT and stat.max_value is None and not stat.approximate:
            groups.setdefault(stat.group, []).append(stat)
    by_id = {f"statistic:{s.id}": s for s in ds.statistics}
    for entry, _ in first:
        part = by_id.get(entry.id)
        parts = groups.get(part.group, []) if part else []
        if part in parts and len(parts) > 1 and sum(s.value for s in parts) == 100:
            wanted = {f"statistic:{s.id}" for s in parts if s is not part}
            return [row for row in ix.rows if row.id in wanted]
    return []


def _asked(question: Question, ranking: Ranking) -> list[search_gaps.Asked]:
    """Each concept of ``question`` as search met it (search_gaps.Asked)."""
    return [
        search_gaps.Asked(c, tuple(t for t, _ in m.terms), m.read_as, bool(m.related))
        for c, m in zip(question.concepts, ranking.matches, strict=True)
    ]


def _unsaid(
    ix: Index,
    question: Question,
    ranking: Ranking,
    text: str,
    first: list[tuple[int, Entry, float, range]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What the guide does not say of what ``text`` names (search_gaps.unsaid)."""
    from hfs_info import vocabulary

    asked = _asked(question, ranking)
    shown = [(rowid, entry, at) for rowid, entry, _, at in first]
    return search_gaps.unsaid(ix, asked, text, question.intents, shown, vocabulary.load())


# The file of every word of the source guide (tools/guide_words.py), and the guide it lists.
GUIDE_WORDS = "guide_words.txt"
_LISTED = ("Hemifacial Spasm", "July 2018")


@cache
def _guide_words() -> frozenset[str]:
    from hfs_info.store import package_data

    data = package_data(GUIDE_WORDS)
    lines = data.decode("utf-8").splitlines() if data is not None else []
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _guide_uses(ds: Dataset, typed: str) -> bool:
    """Whether the source guide uses ``typed`` or a form of it ("performs": perform,
    "commonly": common), where the dataset, the guide in our words, does not ("rule out" is
    "exclude" here): such a word is never said to be "not in the guide". Known only for the
    guide the word list was made from (data/guide_words.txt); another edition (--data) is
    judged by its own words alone."""
    from hfs_info.text import normalize

    if (ds.provenance.title, ds.provenance.updated) != _LISTED:
        return False
    from hfs_info.text import number_of

    words = normalize(typed).split()
    listed = _guide_words()
    if len(words) != 1 or number_of(words[0]) is not None:
        # a phrase is the guide's only where its words stand together, and a number ("cranial
        # nerve 1") only where it names the same thing
        return False
    word = words[0]
    prefix = stem_prefix(word) or (word[:-2] if word.endswith("ly") and len(word) > 5 else None)
    return word in listed or (prefix is not None and _is_form(prefix, listed))


def _topics(
    ix: Index,
    asked: list[tuple[Concept, Match]],
    found: list[set[int]],
    first: list[tuple[int, Entry, float, range]],
) -> list[tuple[str, int, tuple[bool, ...]]]:
    """The question's topic words that the ``first`` hits speak of (in their sentences or
    title; its subject, its asking words, the story around it and words only related aside),
    each with how many sentences of the guide it matches and which hits speak of it."""
    about: list[tuple[str, int, tuple[bool, ...]]] = []
    for (c, m), rows in zip(asked, found, strict=True):
        only_near = m.related or m.opposite  # a related word or an opposite is no topic spoken of
        if rows and c.weight >= 1.0 and not (c.form or c.background or c.asking or only_near):
            titled = match(ix.db, "title : (" + " OR ".join(t for t, _ in m.terms) + ")")
            speaks = tuple(r in titled or bool(rows & set(at)) for r, *_, at in first)
            if any(speaks):
                about.append((c.typed, len(rows), speaks))
    return about


# How many of the first hits are the answer shown for a figure asked ("what percentage ...").
FIGURE_HITS = 3


# The words after which a question names when a figure happens, not what it is of.
_CIRCUMSTANCE = frozenset(("after", "following", "post", "from"))


def _no_figure(
    text: str, hits: tuple[Hit, ...], topics: list[tuple[str, int, tuple[bool, ...]]]
) -> str | None:
    """The kind of figure ``text`` asks for ("what percentage", "how long", "how many hours")
    when none of the first FIGURE_HITS answers (title or answering sentences) that speaks of
    the question's topic holds a figure of that kind: the guide gives no such figure, and the
    answer says so first. The topic is the question's rarest word in English of ``topics``
    (not one as common as filler: "last", "another", "back"): a figure shown for another topic
    ("how long does an MRI take": Botox's three months) is no answer."""
    from hfs_info import vocabulary
    from hfs_info.document import unmarked

    vocab = vocabulary.load()
    kind = search_gaps.figure_asked(text, vocab)
    if kind is None:
        return None
    # the topics of the sentence that asks it: the story around it asks no figure of its words
    sentence = search_gaps.asking_sentence(text, vocab)
    asking = set(WORD.findall(search_analysis.normalize_query(sentence)))
    topics = [t for t in topics if set(t[0].split()) <= asking] if asking else topics
    # a word that asks the figure ("the usual age", "the chances") is no topic of it
    topics = [t for t in topics if t[0] not in search_gaps.FIGURE_WORDS]
    # nor, beside another topic, the treatment after which it is asked ("the chances of going
    # deaf after MVD": the figure is of deafness, MVD only when it happens)
    words = WORD.findall(search_analysis.normalize_query(sentence or text))
    after = {w for i, w in enumerate(words) if i and words[i - 1] in _CIRCUMSTANCE}
    kept = [t for t in topics if t[0] not in after]
    if kept:
        topics = kept
    shown = [unmarked(f"{hit.title}. {hit.snippet}") for hit in hits[:FIGURE_HITS]]
    holds = [search_analysis.holds_figure(kind, s) for s in shown]
    answered = [any(h and s for h, s in zip(holds, speaks, strict=False)) for *_, speaks in topics]
    if not any(holds) or all(answered):  # whichever word is the topic (English's
        return None if any(holds) else kind  # frequencies are read only when it matters)
    if search_gaps.clause_answered(sentence or text, [t[0] for t in topics], answered, vocab):
        return None
    rarest = [
        (rarity, size, k)
        for k, (typed, size, _) in enumerate(topics)
        if (rarity := min(map(zipf, typed.split()))) < search_analysis.FILLER_ZIPF
    ]
    return kind if rarest and not answered[min(rarest)[2]] else None


def _sentence_scores(
    ix: Index, concepts: list[tuple[float, tuple[str, ...]]]
) -> tuple[dict[int, float], list[set[int]]]:
    """passage rowid -> how much of the question the sentence answers: the weights of the
    concepts it matches (any of a concept's terms); and the sentences each concept matches.
    Not BM25: within one record, BM25 prefers the shorter of two sentences with the same words,
    and the one that says "causes" twice (trigeminal neuralgia "causes severe facial pain")
    over the one about the causes; of sentences answering as much, the first in the record,
    its topic sentence, is shown."""
    scores: dict[int, float] = {}
    each: list[set[int]] = []
    for weight, terms in concepts:
        found: set[int] = set()
        for term in terms:
            found |= set(match(ix.db, term, "passages"))
        for rowid in found:
            scores[rowid] = scores.get(rowid, 0.0) + weight
        each.append(found)
    return scores, each


def snippet_sentences(entry: Entry, best: int) -> range:
    """The positions of the sentences shown for the sentence at ``best``: it, the sentence
    before it when it leans on it, what it introduces, and the caveat after it."""
    start, end = best, best + 1
    while start > 0 and leans_back(entry.passages[start]):
        start -= 1
    # a sentence that introduces what follows ("... in these steps:") is shown with it
    while end < len(entry.passages) and entry.passages[end - 1].endswith(":"):
        end += 1
    if end < len(entry.passages) and _CAVEAT.match(entry.passages[end]):
        end += 1
    return range(start, end)


def _shown(ix: Index, rowid: int, entry: Entry, sentences: dict[int, float]) -> range:
    """The passage rowids of the sentences shown for ``entry``: its best-matching sentence,
    whole, with those it leans on (snippet_sentences)."""
    own = range(ix.first[rowid], ix.first[rowid] + len(entry.passages))
    if not own:
        return own
    scored = [k for k in own if k in sentences]
    best = max(scored, key=lambda k: (sentences[k], -k)) if scored else own.start
    at = snippet_sentences(entry, best - own.start)
    return range(own.start + at.start, own.start + at.stop)


def _hit(ix: Index, rowid: int, entry: Entry, score: float, expression: str, shown: range) -> Hit:
    """``entry`` as a Hit: its matches marked, its snippet the whole sentence(s) that answer."""
    parts: list[str] = []
    for k in shown:
        marked = highlighted(ix.db, k, expression) if expression else None
        parts.append(marked if marked is not None else clean(ix_passage(ix, k, rowid, entry)))
    title, text = highlighted_title(ix.db, rowid, expression) if expression else ("", "")
    title = title or clean(entry.title)
    text = text or clean(entry.body)
    return Hit(entry.id, entry.kind, title, entry.command, " ".join(parts), text, round(score, 4))


def ix_passage(ix: Index, k: int, rowid: int, entry: Entry) -> str:
    """The text of passage ``k`` of ``entry`` (entry ``rowid`` of ``ix``)."""
    return entry.passages[k - ix.first[rowid]]


def fts_query(text: str) -> str | None:
    """The FTS5 expression matching any concept of what a person typed (None: nothing to search
    for). Every word is quoted, so operators (AND, OR, NEAR), parentheses, colons, minus signs
    and stray quotes are only ever words or nothing."""
    from hfs_info import vocabulary

    question = read_question(text, vocabulary.load())
    terms = [term for c in question.concepts for term, _ in c.terms]
    return " OR ".join(dict.fromkeys(terms)) or None


# --- misses -------------------------------------------------------------------------------------


def _content_words(rows: list[Entry]) -> list[str]:
    """The dataset's own words that say something (no stop words, no question words)."""
    from hfs_info import vocabulary

    stop = vocabulary.load().stop_words
    found = {
        word
        for entry in rows
        for word in WORD.findall(normalize_query(f"{entry.title} {entry.names} {entry.body}"))
        if len(word) > 2 and word not in stop and not word.isdigit()
    }
    return sorted(found)


def suggestions(ds: Dataset, text: str) -> tuple[str, ...]:
    """For a miss: near misses among the dataset's content words (``botx`` -> ``botox``), never
    applied; then the commands that list everything."""
    import difflib

    from hfs_info import vocabulary

    vocab = vocabulary.load()
    # a word that says nothing is never offered ("both" for "botu")
    words = [
        w
        for w in _content_words(entries(ds))
        if w not in vocab.filler and search_analysis.zipf(w) < search_analysis.FILLER_ZIPF
    ]
    found: dict[str, None] = {}
    known = set(words)
    for word in WORD.findall(normalize_query(text)):
        if word in vocab.stop_words or word in known or zipf(word) >= COMMON_ZIPF:
            continue  # a common English word is never offered as another ("plain": pain)
        if len(word) >= 4:  # the start of a guide word ("botu": botulinum)
            for close in (w for w in words if w.startswith(word) and w != word):
                found.setdefault(close)
        for close in difflib.get_close_matches(word, words, n=2, cutoff=0.75):
            if close != word:
                found.setdefault(close)
    return tuple(found)[:5]


# The kinds of record that are only a web address and its name.
ADDRESS_KINDS = frozenset({"link", "registry"})
# The kinds of record whose command is a topic to offer after a miss.
TOPIC_KINDS = frozenset({"section", "nerve", "treatment", "glossary", "drug"})
# How many of the commands closest to a question that has no answer a miss names.
CLOSEST_TOPICS = 2
# The commands that list everything, offered after a miss.
LIST_EVERYTHING = ("hfs-info", "hfs-info glossary", "hfs-info stats", "hfs-info export")
