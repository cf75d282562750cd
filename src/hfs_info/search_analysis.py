"""Reading a question: the words a person typed become concepts to search, and intents.

A question is read the way a Lucene/Elasticsearch analyzer chain reads text:

1. normalised (NFKC, case folding; private-use characters, our highlight markers, dropped);
2. cut into words; question forms ("how long", "what is") set what kind of answer is wanted,
   and stop words ("is", "it", "not") are dropped: neither ever drives the ranking;
3. each remaining word or phrase becomes a *concept*, searched as itself, as the word forms and
   words of the same meaning the vocabulary (vocabulary.py) gives for it, and last, with a
   lower weight, as the guide's words for something only *related* ("numb" -> weakness): a
   concept found only that way is reported, never passed off as the word typed;
4. a number is searched in all its spellings (8, 8th, eighth, VIII) and never as another number.

This module also owns the rules for what may be read as a typo (``may_correct``): never a
number, never a common English word (judged by wordfreq's Zipf scale, data/common_words.txt),
and only by one slip (two in a long word); and which words are filler, never named as topics
the guide lacks (``is_filler``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from hfs_info import query
from hfs_info.text import CARDINALS, ORDINALS, ROMAN, number_of

if TYPE_CHECKING:
    from hfs_info.vocabulary import Vocabulary

# Every term of a concept (word forms, words of the same or of a related meaning, a number's
# spellings) counts as the word typed: weighting them apart moved no blind question
# (docs/benchmarks.md, ablation); a related word is told apart by being reported instead.
TERM = 1.0
# The weight of a word naming what the whole guide is about ("hemifacial spasm", "face"): it
# matches nearly every record, so the question's other words say what is asked.
SUBJECT_WEIGHT = 0.3
# Where one sentence of a question ends: after . ! or ? (and any closing quote) and a space.
_ASKED_SENTENCE = re.compile(r"(?<=[.!?])\s+")

# A word as FTS5's unicode61 tokenizer sees one: letters and digits (an underscore separates).
WORD = re.compile(r"[^\W_]+")
_SEGMENT = re.compile(r'"([^"]*)"?|(\S+)')
_CONTRACTION = re.compile(r"\b(what|who|how|where|it|that|there|he|she|here)'s\b")
# "I've", "you're", "I'd", "we'll", "I'm": the pronoun is all that counts
_PRONOUN_VERB = re.compile(r"(\w)'(?:ve|re|d|ll|m)\b")
_NEGATION = re.compile(r"n't\b")
_POSSESSIVE = re.compile(r"(\w)'s\b")

# A word of at least this Zipf frequency (about once per million words of English) is a common
# word: never read as a typo of another. At FILLER or more it is filler, never a missing topic.
COMMON_ZIPF = 3.0
FILLER_ZIPF = 5.5
COMMON_WORDS = "common_words.txt"


class Concept(NamedTuple):
    """What one word or phrase of a question asks about: FTS5 terms, each with a weight."""

    typed: str
    terms: tuple[tuple[str, float], ...]
    # How much the concept counts: less for the words of a question form ("how long"), which
    # help find the row that answers ("how long it lasts") but must not outweigh the topic.
    weight: float = 1.0
    # Terms of something only related (the guide's "weakness" for "numb"), tried with the
    # others; a concept matched by these alone is reported as a word the guide does not use.
    related: tuple[tuple[str, float], ...] = ()
    # Made of a question form's words ("how common", "success rate"): never a missing topic.
    form: bool = False
    # Only in the story around the question ("My dad had surgery three weeks ago."), not in the
    # sentence that asks: never named as a topic the guide lacks (weighting it less moved no
    # blind set: docs/benchmarks.md).
    background: bool = False


class Question(NamedTuple):
    concepts: tuple[Concept, ...]
    intents: frozenset[str]


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
    """The concepts and intents of what a person typed (before it meets the index). In a text
    of several sentences, some of them questions ("...?"), the questions say what is asked and
    the other sentences are background: their words are never named as missing topics, and
    only those of a sentence that asks without a question mark ("I want to know what to
    expect") set an intent."""
    text = normalize_query(text)
    parts = _sentences(text)
    asked = [p for p in parts if p.rstrip().endswith("?")]
    if len(parts) < 2 or not asked:
        return _read(text, vocabulary)
    question = _read(" ".join(asked), vocabulary)
    story = [p for p in parts if not p.rstrip().endswith("?")]
    told = _read(" ".join(story), vocabulary)
    typed = {c.typed for c in question.concepts}
    background = tuple(
        c._replace(background=True) for c in told.concepts if c.typed not in typed and not c.form
    )
    # a sentence of the story that asks all the same ("they keep asking me how common it is")
    # says what kind of answer is wanted, and its question forms count as asked
    indirect = _read(" ".join(p for p in story if _INDIRECT.search(p)), vocabulary)
    forms = tuple(c for c in indirect.concepts if c.form and c.typed not in typed)
    return Question(question.concepts + forms + background, question.intents | indirect.intents)


def _sentences(text: str) -> list[str]:
    """The sentences of a question, a "quoted phrase" never cut in two."""
    parts: list[str] = []
    for part in _ASKED_SENTENCE.split(text):
        if parts and parts[-1].count('"') % 2:
            parts[-1] += " " + part
        else:
            parts.append(part)
    return parts


# A sentence without a question mark asks all the same when it holds a question word ("they
# keep asking me how common it is", "I want to know what happens next").
_INDIRECT = re.compile(r"\b(?:how|what|why|which|whether)\b")


def _read(text: str, vocabulary: Vocabulary) -> Question:
    text = _CONTRACTION.sub(r"\1 is", text)
    text = _PRONOUN_VERB.sub(r"\1", text)
    text = _NEGATION.sub(" not", text)
    text = _POSSESSIVE.sub(r"\1s", text)
    concepts: list[Concept] = []
    intents: set[str] = set()
    run: list[str] = []  # plain words in a row, read together for phrases ("come back")
    for phrase, token in _SEGMENT.findall(text):
        words = WORD.findall(phrase or token)
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
    questions = _question_forms(vocabulary)
    known = (vocabulary.words, vocabulary.forms, vocabulary.related)
    out: list[Concept] = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words) - i < size:
                continue
            if phrase in questions:
                for intent in questions[phrase]:
                    intents.add(intent)
                if "source" in questions[phrase] and size == 1:
                    # "which study", "what research": asks for where facts come from, and the
                    # word is still a topic (the trials and the references are about research).
                    out.append(_concept(phrase, vocabulary))
                elif "picture" in questions[phrase] and phrase in vocabulary.words:
                    # "picture", "diagram": searched as the guide's word for them ("Figure 2"),
                    # never named as a topic the guide lacks
                    out.append(_concept(phrase, vocabulary)._replace(form=True))
                elif "outcome" in questions[phrase] and _same_meaning(phrase, vocabulary):
                    # "come back", "success": the outcome is asked about, and the word is a
                    # topic of its own (the guide's recurrence, results)
                    out.append(_concept(phrase, vocabulary))
                elif any(phrase in table for table in known):
                    # "how common" asks for a number and about being common
                    concept = _concept(phrase, vocabulary)
                    out.append(concept._replace(form=True))
                break
            if any(phrase in table for table in known) or size == 1:
                # stop words and filler ("read", "help", "explain") are never searched: in a
                # chatty question they matched whatever record happened to use them
                if size == 1 and (phrase in vocabulary.stop_words or phrase in vocabulary.filler):
                    break
                concept = _concept(phrase, vocabulary)
                if phrase in vocabulary.subject:
                    concept = concept._replace(weight=SUBJECT_WEIGHT)
                out.append(concept)
                break
        i += size
    return out


def _same_meaning(phrase: str, vocabulary: Vocabulary) -> bool:
    return phrase in vocabulary.words or phrase in vocabulary.forms


def _question_forms(vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    forms: dict[str, tuple[str, ...]] = {}
    for intent, phrases in vocabulary.questions.items():
        for phrase in phrases:
            forms[phrase] = (*forms.get(phrase, ()), intent)
    return forms


def _concept(phrase: str, vocabulary: Vocabulary) -> Concept:
    terms: dict[str, float] = {quoted(phrase): 1.0}
    for form in _lookup(vocabulary.forms, phrase):
        terms.setdefault(quoted(form), TERM)
    for word in _lookup(vocabulary.words, phrase):
        terms.setdefault(quoted(word), TERM)
    number = number_of(phrase) if " " not in phrase else None
    if number is not None:
        cardinal = phrase.isdigit() or phrase in _NUMBER_WORDS
        for spelling in number_spellings(number, ordinal=not cardinal):
            terms.setdefault(quoted(spelling), TERM)
    related = {
        quoted(word): TERM
        for word in _lookup(vocabulary.related, phrase)
        if quoted(word) not in terms
    }
    return Concept(phrase, tuple(terms.items()), related=tuple(related.items()))


# Number words have one owner, text.py (the lookups read them the same way).
_ROMAN, _ORDINAL_WORDS, _NUMBER_WORDS = ROMAN, ORDINALS, CARDINALS


# What the guide names by number: the cranial nerves, its figures and references.
_NUMBERED = frozenset({"cn", "nerve", "nerves", "cranial nerve", "figure", "figures", "reference"})


def ordinal_of(word: str) -> int | None:
    """The number of a word that names something by number (7th, seventh, VII), not a count
    (8, eight, "one side")."""
    if len(word) < 2 or word.isdigit() or word in _NUMBER_WORDS:
        return None
    return number_of(word)


def number_spellings(number: int, ordinal: bool = False) -> tuple[str, ...]:
    """The ways the guide could write ``number``: 8th, eighth and VIII (roman and words up to
    twelve, as cranial nerves are numbered), and for a count typed as digits 8 and eight too (an
    ordinal, "8th" or "VIII", is not a count: "8 people"); never another number."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 11 <= number % 100 <= 13:
        suffix = "th"
    out = [] if ordinal else [str(number)]
    out.append(f"{number}{suffix}")
    if 1 <= number <= 12:
        out.append(_ORDINAL_WORDS[number - 1])
        if not ordinal:
            out.append(_NUMBER_WORDS[number - 1])
        if number > 1:  # "i" is a pronoun far more often than a numeral
            out.append(_ROMAN[number - 1])
    return tuple(out)


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


def quoted(phrase: str) -> str:
    return '"' + " ".join(WORD.findall(phrase)) + '"'


def numbers(concepts: tuple[Concept, ...]) -> frozenset[int]:
    """The numbers a question names, in whatever spelling (CN VIII, 8th, CN eight), not
    counts spelt as words ("these two things": a word names a number only beside a word for
    what the guide numbers, a nerve or a figure) nor the numbers of the story around a
    question ("my wife is 51")."""
    numbered = any(c.typed in _NUMBERED for c in concepts)
    found = (
        number_of(c.typed)
        for c in concepts
        if " " not in c.typed and not c.background and (numbered or c.typed not in _NUMBER_WORDS)
    )
    return frozenset(n for n in found if n is not None)


def stem_prefix(word: str) -> str | None:
    """A prefix to try when a word matches nothing as typed (``diagnosed`` -> ``diagnos``)."""
    if number_of(word) is not None or any(c.isdigit() for c in word):
        return None  # a number is only ever itself
    for suffix in ("ations", "ation", "ness", "ment", "ings", "ing", "ful", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return None  # no ending to take off: "botulism" is not "botulinum"


# --- what may be read as a typo, and what is filler ---------------------------------------------


@cache
def _zipf_bands() -> tuple[tuple[float, str], ...]:
    """(Zipf, " word word ... ") per frequency band, most frequent first: English words of Zipf
    COMMON_ZIPF or more, compiled from a pinned wordfreq by tools/common_words.py. Kept as text
    and searched, not parsed into a table: only the few words that match nothing are looked up,
    and building a table of 28,000 words would cost more than a whole search."""
    from hfs_info.store import package_data

    data = package_data(COMMON_WORDS)
    if data is None:  # pragma: no cover - every loader we ship with can read data files
        return ()
    bands = []
    for line in data.decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            value, words = line.split("\t", 1)
            bands.append((float(value), f" {words} "))
    return tuple(bands)


@cache
def zipf(word: str) -> float:
    """How common ``word`` is in English (Zipf; 0 for a rare word or a non-word)."""
    needle = f" {word} "
    for value, words in _zipf_bands():
        if needle in words:
            return value
    return 0.0


def may_correct(typed: str, close: str) -> bool:
    """Whether a word the guide never uses may be read as ``close``, a word the guide uses: only
    a rare word or a non-word ("spams", "botx"), never a common English word ("plain",
    "worse"), never a number or into a number (CN VIII is not CN VII), and by one slip of the
    keys (two in a word of eight letters or more), first letter kept."""
    if len(typed) < 4 or typed[0] != close[0]:
        return False
    if any(c.isdigit() for c in typed + close):
        return False
    if number_of(typed) is not None or number_of(close) is not None:
        return False
    if zipf(typed) >= COMMON_ZIPF:
        return False
    slips = 1 if len(typed) < 8 else 2
    return query.edit_distance(typed, close, slips) <= slips


def is_filler(word: str, vocabulary: Vocabulary) -> bool:
    """Whether a word says nothing about a topic: a stop word, a word of the vocabulary's filler
    list (family, greetings, the people one sees), a bare number (an age), or one of the most
    common words of English (Zipf FILLER_ZIPF or more: "own", "thing", "better")."""
    if word.isdigit():  # an age or a count the guide does not give ("my mum is 61")
        return True
    return word in vocabulary.stop_words or word in vocabulary.filler or zipf(word) >= FILLER_ZIPF
