"""What the guide does not say about what a question names, though it names it.

A question may be written in the guide's own words and still ask what the guide never says:
"how many people in 100,000 get trigeminal neuralgia" (the guide's 8 in 100,000 is hemifacial
spasm's), "what is an AVM" (the guide only lists it among what an MRI rules out), "should I
stop taking Tegretol before my MVD operation" (the guide never speaks of the two together).
Each of its words matches, so ranking alone cannot tell; this module reads the question's
*named things* and checks what the guide says of them:

- a named thing is the own name of a record (a treatment, a drug, a glossary term, the nerve:
  "trigeminal neuralgia", "Tegretol", "MVD", "pills") or a word rare in English that the
  guide uses as written ("craniectomy", "Mayfield", "AVM"), not the guide's subject
  (hemifacial spasm) and not a word that only describes the next one ("cranial" nerves);
- **a figure asked of a named thing** is answered only by a sentence shown that holds a
  figure of the kind asked and speaks of that thing (in itself or in its record's title,
  names or context): a figure of another thing is no answer;
- **what a thing is**, asked of a rare word that no record names (the guide mentions it in a
  list or a web address only), is not said;
- **two named things** of which no record speaks together (at least one of them a record's
  own name) are not said together;
- **the length of an aspect** ("how long do the side effects of Botox last"): when what is
  asked the length of is an aspect of a treatment (the title of one of its records: "side
  effects", "recovery") and no sentence shown holding a length of time is of that aspect
  (Botox "usually lasts three months" is how long its effect lasts), the guide gives no length
  of it;
- **an aspect of another thing**: when the first answer is an aspect or a figure of a
  treatment (its side effects, how long it lasts, its risks) that the question does not name,
  and the record never speaks of a thing the question does name ("what are the side effects
  of the MRI": MVD's side effects; "how long does the MRI take": how long Botox lasts), the
  guide does not say that of the thing named;
- **a percentage, an age or a size of what the first answer speaks of without one**, when the
  figures shown are of other things ("what percentage of patients are women": who is affected,
  then the surgery's percentages);
- **a comparison** of two record names ("does Klonopin work better than baclofen") that no
  sentence of the guide speaking of both makes;
- **a treatment** of a record name ("how is Bell's palsy treated") that no record of a
  treatment or a drug speaks of;
- **pain** of a record name ("does the EMG test hurt") that no sentence speaks of with pain;
- **a picture** of a record name that no figure shows ("a figure of where the Botox needles
  go").

Everything is checked against the whole guide, never against a list of examples; nothing here
changes the ranking, only what the answer says first.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from hfs_info.patterns import deferred
from hfs_info.search_analysis import (
    LENGTH_WORDS,
    WORD,
    asked_figure,
    asked_length,
    holds_figure,
    is_filler,
    normalize_query,
    zipf,
)
from hfs_info.search_index import match, titled

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from hfs_info.search_analysis import Concept
    from hfs_info.search_index import Entry, Index
    from hfs_info.vocabulary import Vocabulary

# A word rarer than this in English (Zipf: about three times per million words) names
# something specific when the guide uses it: a term, a place, a person ("craniectomy",
# "Mayfield", "AVM"), not a description ("average", "decreased", "women").
RARE_ZIPF = 3.5
# The kinds of record that are only a web address and its name: a word found in them is
# named, not explained.
ADDRESS_KINDS = frozenset({"link", "registry"})
# What the answer says the guide lacks: a figure of what is named, what a named word is, or
# the named things together.
FIGURE, DEFINITION, TOGETHER, ASPECT = "figure", "definition", "together", "aspect"
COMPARISON, TREATMENT, PAIN, PICTURE = "comparison", "treatment", "pain", "picture"
NEGATED, ELSEWHERE, PERIOD, UNUSED = "negated", "elsewhere", "period", "unused"
AGE_LIMIT, RATE, RECOMMEND, NAMES = "age_limit", "rate", "recommend", "names"
IF_NOT, REPEAT, LASTING, UNTIL = "if_not", "repeat", "lasting", "until"
FINDINGS, CONTACT, TRIALS, BEST = "findings", "contact", "trials", "best"
DIAGNOSIS, WHOSE = "diagnosis", "whose"
LACKS = (
    *(FIGURE, DEFINITION, TOGETHER, ASPECT, COMPARISON, TREATMENT, PAIN, PICTURE, NEGATED),
    *(ELSEWHERE, PERIOD, UNUSED, AGE_LIMIT, RATE, RECOMMEND, NAMES, IF_NOT, REPEAT, LASTING),
    *(UNTIL, FINDINGS, CONTACT, TRIALS, BEST, DIAGNOSIS, WHOSE),
)
# The words that turn a question around ("what percentage do not get relief"): search reads
# them as stop words (the passage is the same), but a figure the guide gives counts what does
# happen, so it is no answer to what does not, and the answer says so first.
NEGATIONS = frozenset(
    (
        *("not", "no", "never", "none", "without", "neither", "nor"),
        *("dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent", "havent", "hasnt"),
        *("wasnt", "werent", "wouldnt", "couldnt"),
    )
)


def negated(text: str) -> tuple[str, ...]:
    """The words of ``text`` that turn a question asking for a figure around ("not", "no",
    "don't"), in the order typed; empty when none does."""
    typed = (w.strip('.,;:!?"()[]') for w in text.split())
    return tuple(
        dict.fromkeys(
            w for w in typed if w.casefold().replace("'", "").replace("\u2019", "") in NEGATIONS
        )
    )


# The end of a sentence, where a question's story stops and what it asks may begin ("she is
# scared of going deaf. how common is hearing loss after this?").
_SENTENCE_END = deferred(r"(?<=[.?!;])\s+")


def figure_asked(text: str, vocab: Vocabulary) -> str | None:
    """The kind of figure ``text`` asks for (search_analysis.asked_figure), read in the whole
    text and then in each of its sentences: a question asked after a story ("my mother is 70
    ... how common is hearing loss after this?") asks it at the start of its own sentence,
    though the word before it ends the story; and one asked after a label of keywords
    ("Payner and Tew how many patients"). None when no sentence asks a figure."""
    kind = asked_figure(text, vocab)
    if kind is not None:
        return kind
    for sentence in _SENTENCE_END.split(text):
        if (kind := asked_figure(sentence, vocab) or _after_label(sentence, vocab)) is not None:
            return kind
    # an average age named as keywords ("average age for trigeminal neuralgia", "HFS mean age
    # of onset") asks the age, as "the recurrence rate for women" asks the percentage
    return "age" if _AVERAGE_AGE.search(normalize_query(text)) else None


_AVERAGE_AGE = deferred(r"\b(?:average|mean|median|typical|usual)\s+age\b")


# The words that ask a figure rather than name its topic ("what's the usual age", "the
# chances", "what proportion"): search_analysis's asking words for an average, a chance, a
# share.
FIGURE_WORDS = frozenset(
    (
        *("average", "mean", "median", "typical", "usual", "normal"),
        *("chance", "chances", "odds", "likelihood", "rate", "rates"),
        *("percentage", "percent", "proportion", "fraction", "share"),
    )
)


def asking_sentence(text: str, vocab: Vocabulary) -> str:
    """The sentence of ``text`` that asks the figure it asks (figure_asked): the story around
    it names no topic of the figure. ``text`` itself when it is one sentence, or when no one
    sentence asks it alone."""
    sentences = _SENTENCE_END.split(text)
    if len(sentences) < 2:
        return text
    for sentence in sentences:
        if asked_figure(sentence, vocab) is not None or _after_label(sentence, vocab):
            return sentence
    return text


# Where one sentence joins clauses: a comma, a dash, a semicolon, "and" or "but" ("what do
# they do and how many people get better right away").
_CLAUSE_END = deferred(r",|\s[-\u2013\u2014]\s|\band\b|\bbut\b", re.IGNORECASE)


def asking_clause(sentence: str, vocab: Vocabulary) -> str:
    """The clause of ``sentence`` that asks the figure it asks ("my doctor mentioned a sponge
    and a hole behind the ear, what exactly do they do and how many people get better right
    away": how many people get better right away); ``sentence`` itself when it is one clause or
    no one clause asks it."""
    clauses = _CLAUSE_END.split(sentence)
    if len(clauses) < 2:
        return sentence
    return next((c for c in clauses if asked_figure(c, vocab) is not None), sentence)


def clause_answered(
    sentence: str, topics: Sequence[str], answered: Sequence[bool], vocab: Vocabulary
) -> bool:
    """Whether every topic of the clause of ``sentence`` that asks the figure is ``answered``
    (a figure of the kind asked is shown of it), when the sentence has more clauses and that one
    names a topic: the other clauses are the story or another question ("what do they do and
    how many people get better right away")."""
    clause = asking_clause(sentence, vocab)
    if clause is sentence:
        return False
    words = set(WORD.findall(normalize_query(clause)))
    mine = [ok for typed, ok in zip(topics, answered, strict=True) if set(typed.split()) <= words]
    return bool(mine) and all(mine)


def _after_label(sentence: str, vocab: Vocabulary) -> str | None:
    """The kind of figure a sentence asks after a label of what it is about, typed first as
    keywords ("Payner and Tew how many patients were in the study", "botox how long does it
    last"): no verb stands before its question word, so the phrase is asked, not described
    ("the test that measures how fast": a verb before it)."""
    from hfs_info.search_analysis import VERBS, _listed

    words = WORD.findall(normalize_query(sentence))
    at = next((k for k, w in enumerate(words) if w in ("how", "what", "which")), 0)
    if not at or not _RELATIVE.isdisjoint(words[:at]):
        return None
    # a question goes on with its verb ("how many patients were", "how long does it"); a
    # described phrase goes on with its subject ("how fast signals travel")
    if _AUXILIARIES.isdisjoint(words[at + 1 : at + 1 + _ASKED_SPAN]):
        return None
    verbs = _listed(VERBS)
    for word in words[:at]:
        forms = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ed")}
        if forms & verbs:
            return None
    return asked_figure(" ".join(words[at:]), vocab)


# The verbs that carry a question after its asking phrase ("how many patients were ...").
_AUXILIARIES = frozenset(
    (
        *("is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would"),
        *("should", "has", "have", "had", "may", "might", "must"),
    )
)
_ASKED_SPAN = 4
# The words that make what follows them a clause describing a thing, not a question ("the test
# that measures how fast").
_RELATIVE = frozenset(("that", "which", "who", "whom", "whose", "whether", "if", "where"))


# The units of a length of time a figure may be asked at ("the recurrence rate after 10 years"),
# each as the guide's figures name it.
_TIME_UNITS = {
    **dict.fromkeys(("year", "years", "yr", "yrs"), "year"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("week", "weeks", "wk", "wks"), "week"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs"), "hour"),
    **dict.fromkeys(("minute", "minutes", "min", "mins"), "minute"),
}
# The words that set a length of time as the time a figure is of: before it ("after 10 years",
# "within 2 weeks"), or after it ("ten years after MVD", "2 weeks later"); not "for" ("for 5
# years": how long someone has had it) nor "ago" (when the story began).
_AT_TIME = frozenset(
    ("after", "within", "at", "in", "by", "over", "beyond", "past", "following", "before", "under")
)
_LATER = frozenset(("later", "on", "out", "post", "postop"))
_TIME_AFTER = _LATER | {"after", "following"}
# The words after a length of time that make it the story, not the time a figure is of.
_STORY_AFTER = frozenset(("ago", "old", "of", "since", "now"))


def _time_spans(text: str) -> list[tuple[str, ...]]:
    """Each length of time in ``text`` read as the time a figure is of, as its words: the
    number and its unit, with the word that sets it (("after", "10", "years"), ("10", "year")
    before "success rate")."""
    from hfs_info.text import number_of

    words = WORD.findall(normalize_query(text))
    out: list[tuple[str, ...]] = []
    for i, (number, unit) in enumerate(pairwise(words)):
        if unit not in _TIME_UNITS or number_of(number) is None:
            continue
        before, after = words[i - 1 : i] if i else [], words[i + 2 : i + 3]
        if before and before[0] in _AT_TIME:
            out.append((before[0], number, unit))
        elif after and after[0] in _TIME_AFTER:
            # "2 weeks later" goes with its time; "ten years after MVD" keeps what it is after
            out.append((number, unit, after[0]) if after[0] in _LATER else (number, unit))
        elif after and before[:1] != ["for"] and after[0] not in _STORY_AFTER:
            # a length of time before what it is of: "the 10 year success rate"
            out.append((number, unit))
    return out


def _times(text: str) -> set[tuple[int, str]]:
    """Every length of time ``text`` states, as (number, unit): "two months" (2, "month")."""
    from hfs_info.text import number_of

    words = WORD.findall(normalize_query(text))
    return {
        (n, _TIME_UNITS[unit])
        for number, unit in pairwise(words)
        if unit in _TIME_UNITS and (n := number_of(number)) is not None
    }


# The words that ask what a treatment's results are: asked at a length of time, its figures
# ("does Botox still work after 10 years" asks whether it works: "diminishes over the years").
_OUTCOMES = frozenset(("result", "results", "outcome", "outcomes", "success"))


def _asks_figure(sentence: str, spans: list[tuple[str, ...]], vocab: Vocabulary) -> bool:
    """Whether ``sentence`` asks a figure, read also without its lengths of time: one before
    what the figure is of may hide it ("what is the 10 year success rate of MVD" asks the
    success rate's percentage, as "what is the success rate of MVD" does)."""
    if asked_figure(sentence, vocab) is not None:
        return True
    # the results a treatment has at a time ("the long term results after 10 years of MVD",
    # "the outcome at 15 years"): its figures are what they are
    said = WORD.findall(normalize_query(sentence))
    if not _OUTCOMES.isdisjoint(said) and any(span[0] in _AT_TIME for span in spans):
        return True
    timed = {w for span in spans for w in span if w not in _AT_TIME | _LATER}
    untimed = " ".join(w for w in WORD.findall(normalize_query(sentence)) if w not in timed)
    return untimed != sentence and asked_figure(untimed, vocab) is not None


def period(ix: Index, text: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """(the length of time as typed, ``text`` without it) when the sentence of ``text`` that
    asks a figure asks it at a length of time no sentence of the guide states ("what is the
    recurrence rate after 10 years": the guide gives 7% with no time): the guide gives no
    figure for that time, and the figures it gives are found without it (its "years" is no
    topic: the 44 years of the average age are no answer). None otherwise: no figure asked, no
    such time, or a time the guide states ("after two months")."""
    from hfs_info.text import number_of

    if _TIME_UNITS.keys().isdisjoint(WORD.findall(text.lower())):
        return None  # no length of time (the common case, told cheaply)
    for sentence in re.split(r"(?<=[.?!])\s+|[?!]", text):
        spans = _time_spans(sentence)
        if not spans or not _asks_figure(sentence, spans, vocab):
            continue
        stated: set[tuple[int, str]] = set()
        for row in ix.rows:
            for said in (row.title, row.names, row.body):
                stated |= _times(said)
        for span in spans:
            number, unit = next(
                (w, u) for w, u in pairwise(span) if u in _TIME_UNITS and number_of(w) is not None
            )
            if (number_of(number), _TIME_UNITS[unit]) in stated:
                continue
            typed = re.compile(  # with the "of" of "after 5 years of shots"
                r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, span)) + r"(?:\W+of)?(?![^\W_])",
                re.IGNORECASE,
            )
            found = typed.search(text)
            if found is None:  # written otherwise than read (an apostrophe): left as it is
                continue
            rest = " ".join(f"{text[: found.start()]} {text[found.end() :]}".split())
            return (" ".join(w for w in span if w not in _AT_TIME | _LATER), rest)
    return None


# The units a figure may be counted per ("new cases each year", "operations a year"), and the
# words that set one as the unit counted per.
_PER_UNITS = frozenset(("year", "month", "week", "day"))
_PER = frozenset(("per", "each", "every"))
# The words that count per year on their own.
_YEARLY = frozenset(("annual", "annually", "yearly"))
# The words before "a year" that make it a length of time, not a unit counted per ("for about
# a year", "within a year", "over a year"), and those after it ("a year ago", "a year later").
_SPAN_BEFORE = frozenset(
    (
        *("for", "about", "around", "over", "nearly", "almost", "than", "in", "within"),
        *("after", "under", "only", "just", "half", "past", "least", "of", "last", "like"),
        *("since", "from", "roughly", "approximately", "some", "whole", "entire", "took"),
    )
)
_SPAN_AFTER = frozenset(("ago", "old", "later", "after", "before", "since", "now", "or", "and"))
# The words that ask a count per unit of time without a question word ("HFS incidence per
# year", "the rate each year").
_COUNTING = frozenset(("incidence", "cases", "rate", "rates", "frequency", "number", "numbers"))
# A figure counted per unit of time, as the guide would state it ("each year", "annually").
_RATE_SAID = deferred(
    r"\b(?:(?:per|each|every|a|an)\s+(?:year|month|week|day)|annual(?:ly)?|yearly)\b",
    re.IGNORECASE,
)


def _per_unit(words: list[str]) -> str | None:
    """The words of ``words`` that set a unit of time a figure is counted per ("each year", "per
    year", "a year" after a count: "operations a year", "annually"), as typed; None when none
    does ("for about a year", "a year ago": how long, not how often)."""
    for k, word in enumerate(words):
        if word in _YEARLY:
            return word
        if word not in _PER_UNITS or not k:
            continue
        before, after = words[k - 1], words[k + 1 : k + 2]
        if before in _PER:
            return f"{before} {word}"
        counted = before in ("a", "an") and k > 1 and words[k - 2] not in _SPAN_BEFORE
        if counted and (not after or after[0] not in _SPAN_AFTER):
            return f"{before} {word}"
    return None


def rate(ix: Index, text: str, vocab: Vocabulary) -> str | None:
    """The unit of time ``text`` asks a figure to be counted per ("how many new cases are
    diagnosed each year", "how many MVD operations a year", "incidence per year"), as typed,
    when no record of the guide counts anything per a unit of time: its figures are shares,
    ages, lengths of time and a prevalence, none a yearly (or monthly) count. None otherwise:
    no such unit, no figure asked of it, or the guide states such a count."""
    for sentence in _SENTENCE_END.split(text):
        words = WORD.findall(normalize_query(sentence))
        per = _per_unit(words)
        if per is None:
            continue
        if figure_asked(sentence, vocab) is None and _COUNTING.isdisjoint(words):
            continue
        said = (text for row in ix.rows for text in (row.title, row.names, row.body))
        if any(_RATE_SAID.search(text) for text in said):
            return None
        return per
    return None


# The words that ask for the best doctor or place ("the best neurosurgeon for MVD in Ohio",
# "top hospitals for MVD"), and the doctors and places a patient may ask one of.
_BEST = frozenset(("best", "top", "finest", "leading"))
# Words that praise a doctor or place, asking for one only when a word before seeks it ("where
# can I find a good neurosurgeon", not "a good doctor will check for a tumor").
_GOOD = frozenset(("good", "experienced", "reputable"))
_SEEKING = frozenset(("find", "recommend", "suggest", "know", "where", "who", "which", "any"))
_PROVIDERS = frozenset(
    (
        *("doctor", "doctors", "surgeon", "surgeons", "neurosurgeon", "neurosurgeons"),
        *("neurologist", "neurologists", "specialist", "specialists", "physician", "physicians"),
        *("hospital", "hospitals", "clinic", "clinics", "center", "centers", "centre", "centres"),
        *("expert", "experts"),
    )
)
# The words before "recommend" that ask for a recommendation ("can you recommend", "anyone
# recommend"), not a doctor's in the story ("my doctor recommended a neurosurgeon"); and those
# before "recommended" that ask for one ("any recommended surgeons").
_ASKING_RECOMMEND = frozenset(
    ("you", "u", "can", "could", "would", "anyone", "anybody", "someone", "somebody", "please")
)
_A_RECOMMENDED = frozenset(("any", "a", "some", "highly", "most"))
# How many words may stand between the word asking and the doctor or place ("the best MVD
# surgeons", "recommend a good neurosurgeon").
_RECOMMEND_SPAN = 3
# The words that ask the kind of doctor ("the best type of doctor", "what kind of doctor is
# best"): the guide may answer it.
_KIND_OF = frozenset(("kind", "kinds", "type", "types", "sort", "sorts"))


def _asks_recommendation(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` asks for the best or a recommended doctor or place."""
    word, before = words[k], words[k - 1] if k else ""
    if word in _BEST:
        return True
    if word in _GOOD:
        return not _SEEKING.isdisjoint(words[:k])
    if word == "recommend":
        return not k or before in _ASKING_RECOMMEND
    return word == "recommended" and (not k or before in _A_RECOMMENDED)


def recommended(words: list[str]) -> tuple[str, ...]:
    """The doctor or place ``words`` ask the best of, or a recommendation of ("the best
    neurosurgeon for MVD in Ohio", "which clinic is best", "can you recommend a good
    neurologist"), as typed: a patient guide names none to choose (its reviewer and clinic are
    its source, no recommendation). Empty otherwise: a doctor's recommendation in the story
    ("my doctor recommended a neurosurgeon"), and the kind of doctor asked ("the best type of
    doctor", "what kind of doctor is best"), which the guide may answer."""
    for k in range(len(words)):
        if not _asks_recommendation(words, k):
            continue
        for after in words[k + 1 : k + 1 + _RECOMMEND_SPAN]:
            if after in _KIND_OF:
                break
            if after in _PROVIDERS:
                return (after,)
        # "which clinic is best", "what hospital is the best"
        before = words[max(0, k - 4) : k]
        for at, provider in enumerate(before):
            between = before[at + 1 :]
            linked = bool(between) and set(between) <= {"is", "are", "the"}
            if provider in _PROVIDERS and linked and _KIND_OF.isdisjoint(words[max(0, k - 7) : k]):
                return (provider,)
    return ()


# A cited study asked what it found ("what did the Samii study find", "how many people in the
# Samii study had hearing loss"): the guide lists a reference by its citation alone unless a
# figure of it is drawn from it (its record's context then holds that figure's group); the words
# that ask a study's findings, and the words that only name a study.
_FINDING = frozenset(
    (
        *("find", "finds", "found", "findings", "finding", "show", "shows", "showed", "shown"),
        *("conclude", "concluded", "conclusion", "conclusions", "report", "reports"),
        *("reported", "discover", "discovered", "learn", "learned", "prove", "proved"),
    )
)
_RESULTS = frozenset(("result", "results", "outcome", "outcomes", "effect", "effects"))
_STUDY = frozenset(
    (
        *("study", "studies", "series", "paper", "papers", "article", "articles", "trial"),
        *("research", "journal", "reference", "ref", "publication", "published", "authors"),
        *("author", "cited", "source", "citation", "et", "al"),
    )
)
_ASKING = frozenset(("what", "how", "which", "did", "do", "does", "were", "was", "whether"))
# The figures a citation may hold: a count of patients ("a series of 143 patients"), a year.
_COUNTS = frozenset(("number", "people", "age"))


def _cited_only(entry: Entry, words: list[str]) -> str | None:
    """The word of ``words`` that names ``entry``, a reference none of the guide's figures is
    drawn from (its record's context names no group of figures), by an author's name ("Samii")
    or its number ("reference 2"); None otherwise."""
    if entry.kind != "reference" or entry.context:
        return None
    # the authors stand before the citation's first colon ("Samii M, Günther T, ...: title")
    authors = set(WORD.findall(normalize_query(entry.body.split(":", 1)[0])))
    number = entry.title.rsplit(" ", 1)[-1]
    for k, word in enumerate(words):
        if word in authors and zipf(word) < RARE_ZIPF and not word.isdigit() and len(word) > 2:
            return word
        if word in ("reference", "ref") and words[k + 1 : k + 2] == [number]:
            return f"{word} {number}"
    return None


def unreported(
    first: Sequence[tuple[int, Entry, range]], text: str, vocab: Vocabulary
) -> tuple[str, ...]:
    """The cited study ``text`` asks the findings of, as typed ("Samii"), when the guide lists
    it as a reference only (no figure of the guide is drawn from it): asked what it found or
    showed, what its results were, a figure of it ("what percentage were cured") or a count of
    what its citation does not hold ("how many people in the Samii study had hearing loss"; its
    143 patients are in the citation), or a figure the citation lacks ("its 10-year results").
    Empty when no such reference is among the first answers or only the citation is asked
    ("Samii 143 patients long-term results", "what year was the Samii study published")."""
    words = WORD.findall(normalize_query(text))
    for _, entry, _ in first[:3]:
        if (named := _cited_only(entry, words)) is not None:
            break
    else:
        return ()
    cited = set(WORD.findall(normalize_query(entry.body)))
    asking = not _ASKING.isdisjoint(words)
    kind = figure_asked(text, vocab)
    untold = [
        w
        for w in words
        if w not in cited
        and w not in _STUDY
        and w not in named.split()
        and (w.isdigit() or not is_filler(w, vocab))
    ]
    if (
        not _FINDING.isdisjoint(words)
        or (asking and kind is None and not _RESULTS.isdisjoint(words))
        or (kind is not None and kind not in _COUNTS and asking)
        or (kind is not None and untold)
        or any(w.isdigit() for w in untold)
    ):
        return (named,)
    return ()


# The contact the guide names: a name, a phone number and what it is for. What a question may
# ask of it besides ("is the phone line open on weekends", "what is their email"), by the words
# that ask it.
_CONTACT_ASKS: dict[str, str] = {
    **dict.fromkeys(
        (
            *("open", "opens", "opening", "hours", "closed", "weekend", "weekends", "weekday"),
            *("weekdays", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"),
            *("sunday", "sundays", "saturdays", "evening", "evenings", "night", "nights"),
            *("holiday", "holidays", "overnight", "24"),
        ),
        "opening hours",
    ),
    **dict.fromkeys(("email", "mail", "emails"), "email address"),
    **dict.fromkeys(("address", "located", "location", "directions"), "address"),
    **dict.fromkeys(("website", "site", "web", "online", "url"), "website"),
    **dict.fromkeys(("fax",), "fax number"),
    **dict.fromkeys(
        ("cost", "costs", "free", "charge", "charges", "price", "fee", "fees", "insurance"),
        "cost",
    ),
}


def contact_unsaid(first: Sequence[tuple[int, Entry, range]], text: str) -> tuple[str, ...]:
    """What ``text`` asks of the guide's contact, the first answer, that the guide does not give
    (it gives a name, a phone number and what to call for): its opening hours ("weekends"),
    email address, address, website, fax number or cost ("free"), each named once as typed.
    Empty otherwise."""
    if not first or first[0][1].kind != "contact":
        return ()
    held = set(WORD.findall(normalize_query(first[0][1].body)))
    words = WORD.findall(normalize_query(text))
    # as typed, one thing in two words named once ("email address", "opening hours")
    asked: list[list[str]] = []
    for k, w in enumerate(words):
        if w not in _CONTACT_ASKS or w in held:
            continue
        if k and asked and words[k - 1] == asked[-1][-1]:
            asked[-1].append(w)
        else:
            asked.append([w])
    return tuple(dict.fromkeys(" ".join(run) for run in asked))


# A number as written after what it numbers ("CN 7", "nerve VIII"), not an ordinal word.
_NUMERAL = deferred(r"\d+|[ivxlc]+")
# The words that ask how to reach someone.
_REACH = frozenset(
    ("phone", "telephone", "call", "number", "contact", "email", "reach", "ring", "dial")
)


def reaches(first: Entry, text: str) -> bool:
    """Whether ``text`` asks how to reach someone and the first answer is the guide's contact."""
    return first.kind == "contact" and bool(
        _REACH.intersection(WORD.findall(normalize_query(text)))
    )


def contact_of_another(
    ix: Index, first: Sequence[tuple[int, Entry, range]], text: str
) -> tuple[str, ...]:
    """The names of the guide's other parties that ``text`` asks the contact of, when the
    contact is the first answer: the publisher, the reviewer, the places they are in ("Mayfield
    Clinic phone number": the number the guide gives is the Springfield institute's). A rare
    word of the source record that the contact's own record does not hold, as typed, when the
    contact is among the first answers and the question asks how to reach someone."""
    words = WORD.findall(normalize_query(text))
    entry = next((e for _, e, _ in first if e.kind == "contact"), None)
    if entry is None or not _REACH.intersection(words):
        return ()
    contact = set(WORD.findall(normalize_query(entry.body)))
    source = {
        w
        for e in ix.rows
        if e.kind == "source"
        for w in WORD.findall(normalize_query(e.body))
        if w not in contact and zipf(w) < RARE_ZIPF and not w.isdigit()
    }
    return tuple(dict.fromkeys(w for w in words if w in source))


# Trials asked of as they stand now ("are there any trials open right now", "new drugs being
# tested"): the guide says what trials are and where they are listed, and names none.
_NOW = frozenset(("now", "currently", "today", "presently", "recruiting", "ongoing", "moment"))
_NEW = frozenset(("new", "newer", "newest", "latest", "experimental", "upcoming"))
_DRUGS = frozenset(
    ("drug", "drugs", "medicine", "medicines", "medication", "medications", "pill", "pills")
)
_TESTED = frozenset(("tested", "testing", "trial", "trials", "trialled", "trialed", "studied"))
# Where to find trials, or joining one, is what the guide answers ("where can I find trials of
# new drugs").
_FINDING_TRIALS = frozenset(("where", "join", "find", "look", "sign", "enrol", "enroll"))
_TRIAL_KINDS = frozenset(("section", "registry"))


def trials_now(first: Sequence[tuple[int, Entry, range]], text: str) -> tuple[str, ...]:
    """The words of ``text`` that ask of trials or new drugs as they stand now ("are there any
    trials for hemifacial spasm open right now": now; "are new drugs being tested": new drugs),
    as typed, when the first answer is what the guide says of clinical trials (it says what
    they are and where they are listed, and names no trial); empty otherwise ("where can I
    find clinical trials", "is research going on")."""
    if not first:
        return ()
    entry = first[0][1]
    if entry.kind not in _TRIAL_KINDS or not (
        entry.kind == "registry" or entry.id.endswith("clinical-trials")
    ):
        return ()
    words = WORD.findall(normalize_query(text))
    # a new drug asked of ("are any new drugs being tested"), not new treatments in general:
    # that clinical trials test new treatments is what the guide says
    if now := [w for w in words if w in _NOW]:
        return (now[0],)
    if not _TESTED.isdisjoint(words) and _FINDING_TRIALS.isdisjoint(words):
        for k, w in enumerate(words):
            drug = next((d for d in words[k + 1 : k + 3] if d in _DRUGS), None)
            if w in _NEW and drug is not None:
                return (f"{w} {drug}",)
    return ()


# The drugs a question may ask the best of ("which drug is the best for hemifacial spasm",
# "the most effective pill"): the guide names drugs a doctor may prescribe and ranks none; the
# best treatment it leaves to you and your doctor ("which treatment is best" it answers).
_DRUG_KINDS = frozenset(
    (
        *("drug", "drugs", "medicine", "medicines", "medication", "medications", "pill", "pills"),
        *("tablet", "tablets", "anticonvulsant", "anticonvulsants", "relaxant", "relaxants"),
        *("brand", "brands"),
    )
)
_TREATMENT_WORDS = frozenset(("treatment", "treatments", "option", "options", "choice", "therapy"))
_MOST = frozenset(("most", "more"))
_CLAUSE_BREAK = frozenset(("for", "to", "in", "on", "with", "me", "is", "are", "or", "and"))
_EFFECTIVE = frozenset(("effective", "successful", "best"))


def best_drug(words: list[str]) -> tuple[str, ...]:
    """The drug ``words`` ask the best of, as typed ("which drug is the best", "the best
    medicine for hemifacial spasm", "which pill works best", "the most effective
    anticonvulsant"); empty when a treatment is asked the best of ("is medication the best
    treatment": the guide leaves that to you and your doctor) or no best is asked."""
    for k, word in enumerate(words):
        best = word in _BEST or (word in _EFFECTIVE and words[k - 1 : k] in (["most"], ["more"]))
        around = words[max(0, k - 4) : k + 3]
        if not best or not _TREATMENT_WORDS.isdisjoint(around):
            continue
        for after in words[k + 1 : k + 1 + _RECOMMEND_SPAN]:
            if after in _DRUG_KINDS:
                return (after,)
            if after in _CLAUSE_BREAK:  # "best for me: pills, shots or surgery"
                break
        # "which drug is the best", "which pill works best"
        before = words[max(0, k - 4) : k]
        for at, drug in enumerate(before):
            between = [w for w in before[at + 1 :] if w not in _MOST]
            linked = set(between) <= {"is", "are", "the", "works", "work"}
            if drug in _DRUG_KINDS and linked:
                return (drug,)
    return _better_drug(words)


# A drug or brand asked which of them does better ("which brand has fewer antibodies", "what
# medication works better"): the words asking which, and the words comparing.
_WHICH = frozenset(("which", "what"))
_COMPARATIVES = frozenset(
    (
        *("better", "best", "fewer", "less", "lower", "safer", "stronger", "longer", "worse"),
        *("more", "most", "least", "cheaper", "weaker", "milder", "faster", "quicker"),
    )
)


def _better_drug(words: list[str]) -> tuple[str, ...]:
    """The drug or brand ``words`` ask which of does better, as typed ("which brand has fewer
    antibodies", "what drug works better"): the guide names one brand of each drug and ranks
    none above another. Empty otherwise ("what brand is carbamazepine"), and when the question
    names what it chooses between ("which drug has fewer side effects, carbamazepine or
    phenytoin": a comparison the guide never makes, said so of the two)."""
    if not _CHOICE.isdisjoint(words) or "than" in words:
        return ()
    for k, word in enumerate(words):
        which = word in _DRUG_KINDS and words[k - 1 : k] and words[k - 1] in _WHICH
        if which and not _COMPARATIVES.isdisjoint(words[k + 1 : k + 1 + 2 * _RECOMMEND_SPAN]):
            return (word,)
    return ()


# A test asked whether it diagnoses ("is there a blood test that diagnoses hemifacial spasm",
# "can a CT scan detect it"): the guide's diagnosis names its tests (an MRI scan, an EMG and an
# NCV study); a test of another kind is none of them.
_DIAGNOSING = frozenset(
    (
        *("diagnose", "diagnoses", "diagnosed", "diagnosing", "diagnosis", "diagnostic"),
        *("detect", "detects", "detected", "confirm", "confirms", "confirmed"),
    )
)
_TESTS = frozenset(("test", "tests", "scan", "scans", "screening"))
_DIAGNOSIS_TERMS = '"diagnosis" OR "diagnose" OR "diagnosed"'


_ASKS_WHETHER = frozenset(
    ("is", "are", "can", "could", "does", "do", "will", "would", "should", "what", "which")
)


def untested(ix: Index, text: str, vocab: Vocabulary) -> tuple[str, ...]:
    """The test ``text`` asks whether it diagnoses, as typed ("blood test"), in a clause that
    asks it ("is there a blood test that diagnoses it", "can a CT scan detect it"), when no
    record of the guide's diagnosis (one speaking of diagnosis) says its first word: the guide
    names no such test among its own. Empty when no test of a kind is asked ("what test
    confirms it"), the diagnosis names it ("can an MRI scan detect it") or the test is told of
    in a story ("he was told he might need a 'needle test' to confirm it")."""
    for clause in _CLAUSE_END.split(text):
        for sentence in _SENTENCE_END.split(clause):
            words = WORD.findall(normalize_query(sentence))
            asks = bool(words) and words[0] in _ASKS_WHETHER
            if (
                asks
                and not _DIAGNOSING.isdisjoint(words)
                and (test := _untested_in(ix, words, vocab))
            ):
                return test
    return ()


def _untested_in(ix: Index, words: list[str], vocab: Vocabulary) -> tuple[str, ...]:
    """The test of a kind ``words`` name that the guide's diagnosis does not (untested)."""
    for k, word in enumerate(words[1:], start=1):
        kind = words[k - 1]
        if word not in _TESTS or is_filler(kind, vocab) or kind in vocab.subject:
            continue
        said = {
            w
            for rowid in match(ix.db, _DIAGNOSIS_TERMS)
            for text in (ix.rows[rowid].title, *ix.rows[rowid].passages)
            for w in WORD.findall(normalize_query(text))
        }
        if kind not in said:
            return (f"{kind} {word}",)
    return ()


# The words that ask the names of things ("what are the names of the five branches", "name
# the branches of the facial nerve", "list the five branches").
_NAMES_OF = frozenset(("names", "name", "list", "called"))
# What follows the things a sentence counts when it names them ("five branches: ...", "drugs
# such as ...", "branches (the temporal ...)", not "(Figure 1)").
_LISTS = r"\s*(?::|,?\s+(?:such as|including|include|namely|e\.g\.)|\((?!fig))"


def names_asked(ix: Index, text: str, vocab: Vocabulary) -> str | None:
    """The things ``text`` asks the names of ("what are the names of the five branches of the
    facial nerve", "what are the 5 branches": branches), as typed, when the guide only counts
    them: a sentence of it
    gives a number of them ("five main branches") and none names them (a list after them: a
    colon, "such as", a bracket that is no figure's number). None otherwise: no names asked,
    of things the guide does not count, or names it gives ("list the medications": each
    drug)."""
    from hfs_info.text import number_of

    words = WORD.findall(normalize_query(text))
    for k, word in enumerate(words):
        # "what are the five branches": the things counted, asked what they are
        listed_asked = (
            word in ("are", "were")
            and words[k - 1 : k] in (["what"], ["which"])
            and words[k + 1 : k + 2] == ["the"]
            and k + 2 < len(words)
            and number_of(words[k + 2]) is not None
        )
        if word not in _NAMES_OF and not listed_asked:
            continue
        # the run of words of what is named, its count and articles aside: its last word
        run: list[str] = []
        for after in words[k + 1 :]:
            if after in ("of", "the", "all", "them") and not run:
                continue
            if number_of(after) is not None and not run:
                continue
            if after in vocab.stop_words:
                break
            run.append(after)
        if not run or not run[-1].endswith("s") or len(run[-1]) < 4:
            continue  # one thing's name ("what is the name of the operation"): no list asked
        head = run[-1]
        counted = re.compile(
            rf"(?<![^\W_])(\w+)(?:\W+\w+)?\W+{re.escape(head)}(?![^\W_])", re.IGNORECASE
        )
        listed = re.compile(rf"(?<![^\W_]){re.escape(head)}{_LISTS}", re.IGNORECASE)
        sentences = [
            str(row[0])
            for row in ix.db.execute(
                "SELECT text FROM passages WHERE rowid IN ("
                + ",".join(map(str, sorted(match(ix.db, f'"{head}"', "passages"))))
                + ")"
            )
        ]
        if any(listed.search(sentence) for sentence in sentences):
            return None
        if any(
            number_of(found.group(1).lower()) is not None
            for sentence in sentences
            for found in counted.finditer(sentence)
        ):
            return head
        return None
    return None


# A question asking what follows when something does not happen ("what happens if the surgeon
# doesn't find any blood vessel"), up to its condition's first word.
_WHAT_IF = deferred(
    r"\bwhat\s+(?:happens|will\s+happen|would\s+happen|happen|is\s+done|do\s+they\s+do)"
    r"\s+(?:if|when)\b|\bwhat\s+if\b",
    re.IGNORECASE,
)
# The guide's words that say something does not happen (FTS5 terms).
_NOT_TERMS = '"not" OR "no" OR "never" OR "doesn" OR "don" OR "fail" OR "fails" OR "cannot"'


def _if_not(ix: Index, asked: Sequence[Asked], text: str, vocab: Vocabulary) -> str | None:
    """The condition, as typed, of a question asking what follows when something does not
    happen ("what happens if the surgeon doesn't find any blood vessel": "the surgeon doesn't
    find any blood vessel"), when no sentence of the guide that says something does not happen
    speaks of every topic of the condition (each as search read it: "medications and
    injections do not control the spasms" answers "what if Botox doesn't work"). None
    otherwise."""
    found = _WHAT_IF.search(text)
    if found is None:
        return None
    # the condition, to the end of its clause ("... don't work or I can't stand the side
    # effects": two conditions, the first read)
    condition = re.split(r"[.?!;,]|\bor\b", text[found.end() :], maxsplit=1)[0].strip()
    words = WORD.findall(normalize_query(condition))
    if not negated(condition) or not words:
        return None
    # what does not happen, not what it happens to: a record's own name ("Botox", "the pills")
    # is spoken of by its own words ("injections")
    topics = [
        a
        for a in asked
        if _may_be_topic(a, vocab)
        and a.concept.typed.split()[0] in words
        and a.concept.typed not in ix.own_names
        and a.concept.typed not in vocab.subject
        and not is_filler(a.concept.typed, vocab)
    ]
    if not topics:
        return None
    sentences = set(match(ix.db, _NOT_TERMS, "passages"))
    for a in topics:
        sentences &= set(match(ix.db, " OR ".join(a.terms), "passages"))
    return condition if not sentences else None


# A short question's words are what it asks: in one of at most this many words, a thing the guide
# never names, standing where a question puts what it asks about, is what it asks about.
ASKED_WORDS = 9
# The words before the thing a question asks about ("is Botox safe during pregnancy", "a sign
# of MS", "can it cause headaches", "is there a diet ..."): after them, a word names a thing.
_OBJECT_BEFORE = frozenset(("of", "in", "during", "a", "an", "cause", "causes"))


def asked_unused(text: str, unmatched: Sequence[str], vocab: Vocabulary) -> tuple[str, ...]:
    """The words of ``unmatched`` (topic words the guide never uses) that name what a short
    question asks about, not a word around it: an English word (not a typo), known as no
    adjective, adverb or verb, after a word that introduces a thing ("safe during pregnancy",
    "a sign of MS", "cause headaches"), and not describing a next word the guide uses ("an
    organisation website": the website is what is asked). The passages found are then only the
    closest, for the question's other words. Empty otherwise."""
    from hfs_info.search_analysis import ADJECTIVES, ADVERBS, VERBS, _listed

    words = WORD.findall(normalize_query(text))
    if not unmatched or len(words) > ASKED_WORDS:
        return ()
    unused = set(unmatched)
    out: list[str] = []
    for k, word in enumerate(words):
        if word not in unused or word in out or not k or words[k - 1] not in _OBJECT_BEFORE:
            continue
        after = words[k + 1 : k + 2]
        if after and after[0] not in unused and not is_filler(after[0], vocab):
            continue  # it describes the next word ("an organisation website")
        if zipf(word) <= 0 or any(word in _listed(name) for name in (ADJECTIVES, ADVERBS, VERBS)):
            continue
        out.append(word)
        # with the words the guide never uses that follow it ("multiple sclerosis")
        for more in words[k + 1 :]:
            if more not in unused:
                break
            if more not in out:
                out.append(more)
    return tuple(out)


# The words that make two nouns after them a measured condition ("high blood pressure", "low
# blood sugar").
_LEVEL = frozenset(("high", "low", "raised", "elevated", "increased", "reduced"))


def unwritten_condition(ix: Index, text: str, vocab: Vocabulary) -> tuple[str, ...]:
    """A measured condition a question names in three words ("can high blood pressure cause
    it": a level, then two nouns) when the guide writes neither the two nouns together nor the
    level with the first (its blood is of a "blood vessel" and "blood tests", its pressure
    that of a vessel on the nerve): a thing it never names, though each word finds passages.
    Empty otherwise."""
    from hfs_info.search_analysis import ADJECTIVES, ADVERBS, _listed

    words = WORD.findall(normalize_query(text))
    for level, a, b in zip(words, words[1:], words[2:], strict=False):
        if level not in _LEVEL or not (a.isalpha() and b.isalpha()):
            continue
        if any(w in vocab.stop_words or w in vocab.subject or is_filler(w, vocab) for w in (a, b)):
            continue
        if any(w in _listed(ADVERBS) or w in _listed(ADJECTIVES) for w in (a, b)):
            continue  # two nouns name the thing ("low down near": no thing)
        if not (_written(ix, a) and _written(ix, b)):
            continue  # a word the guide never uses: search's own note says so
        if _together(ix, a, b) or _together(ix, level, a):
            continue
        return (f"{level} {a} {b}",)
    return ()


def _together(ix: Index, a: str, b: str) -> bool:
    """Whether a record of the guide writes ``a`` and then ``b`` (or its plural) next to each
    other, case aside."""
    found = re.compile(rf"(?<![^\W_]){re.escape(a)}\W+{re.escape(b)}s?(?![^\W_])", re.IGNORECASE)
    return any(
        found.search(text)
        for rowid in match(ix.db, f'"{a}" AND "{b}"')
        for text in (ix.rows[rowid].title, ix.rows[rowid].names, ix.rows[rowid].body)
    )


# The words after a thing that ask what it does, not what it is ("what is the neurosurgeon
# going to do").
_DOING = frozenset(("going", "gonna", "do", "does", "doing", "did"))


# A question asking which of some kinds is the more common ("is the left side more common",
# "more often in older women", "which side is affected more often").
_MORE_COMMON = deferred(
    r"\b(?:more|most|less|least)\s+(?:common(?:ly)?|often|frequent(?:ly)?|likely|affected)\b"
    r"|\bwhich\s+side\b",
    re.IGNORECASE,
)


# How many words the sentence asking which kind is the more common may have: a longer one
# names more than the kinds it compares.
_KIND_WORDS = 14


def unused_kind(text: str, uses: Callable[[str], bool], vocab: Vocabulary) -> tuple[str, ...]:
    """The words a question asking which kind is the more common ("is the left side more
    common", "is it more frequent in older women") names its kinds with, when the guide never
    uses them (it speaks of "one side of the face", of women, never of the left or the right
    side or of older women): an English word (not a typo), no stop word or filler by the
    vocabulary, standing before a word the guide uses ("left side") or beside another such word
    with "or" between ("left or right"). ``uses``: whether the guide uses a word (or a form of
    it). Empty otherwise."""
    from hfs_info.search_analysis import frames

    asking = next((s for s in _SENTENCE_END.split(text) if _MORE_COMMON.search(s)), None)
    if asking is None:
        return ()
    words = WORD.findall(normalize_query(asking))
    if len(words) > _KIND_WORDS:
        return ()
    out: list[str] = []
    for k, word in enumerate(words):
        if not word.isalpha() or word in vocab.stop_words or word in vocab.filler:
            continue
        if word in vocab.subject or word in out or word.endswith("ing") or zipf(word) <= 0:
            continue
        if uses(word) or frames(word, asking, vocab):
            continue
        after = words[k + 1 : k + 2]
        if after and after[0] in _TIME_UNITS:
            continue  # when the story happened ("last month", "next week"), not a kind
        if after and after[0] not in vocab.stop_words and uses(after[0]):
            out.append(word)  # it names a kind of a thing of the guide ("left side")
        elif after == ["or"] and k + 2 < len(words) and not uses(words[k + 2]):
            out.append(word)  # "left or right side"
        elif k > 1 and words[k - 1] == "or" and words[k - 2] in out:
            out.append(word)
    return tuple(out)


# The groups of people a figure may be asked for ("in women", "among older patients", "for
# children").
_GROUPS = frozenset(
    (
        *("women", "woman", "men", "man", "females", "males", "children", "child", "kids"),
        *("teenagers", "teens", "adults", "elderly", "seniors", "diabetics", "smokers"),
        *("older", "younger", "athletes", "asians", "africans", "europeans", "americans"),
    )
)
_FOR_GROUP = frozenset(("in", "among", "for", "amongst"))


def _group_unfigured(
    ix: Index, words: list[str], kind: str, first: Sequence[tuple[int, Entry, range]]
) -> str | None:
    """The group of people a figure is asked for, after "in", "among" or "for" ("the
    recurrence rate in women", "the average age in men"), that the guide writes (a word it
    never writes is said otherwise), when a figure of the kind asked is shown but no sentence
    shown that holds one speaks of the group: the guide's figure is of all patients. None
    otherwise (no figure shown at all: search says so itself)."""
    groups = [
        word
        for before, word in pairwise(words)
        if before in _FOR_GROUP and word in _GROUPS and _written(ix, word)
    ]
    if not groups:
        return None
    held = [
        set(WORD.findall(normalize_query(sentence)))
        for _, _, shown in first
        for k in shown
        if holds_figure(kind, sentence := titled(ix, k))
    ]
    if not held:
        return None
    return next((g for g in groups if not any(g in said for said in held)), None)


# The kinds of figure only a figure answers (asked_figure): how many times may be answered
# "indefinitely", how long "for life"; a percentage, an age or a size only by a number.
_FIGURES_ONLY = frozenset(("percentage", "age", "size"))


# Plain classes, not NamedTuples: creating a NamedTuple class costs every search more than
# everything this module does for a question (docs/benchmarks.md).
class Thing:
    """Something a question names: as typed, the FTS5 terms that find it (its names, each
    name's last word for a name of several words: "the nerve" speaks of the facial nerve),
    whether it is a record's own name (else a word of the guide that may be rare), and the
    records it is the own name of."""

    __slots__ = ("own", "phrase", "records", "terms", "typed")

    def __init__(
        self,
        typed: str,
        terms: tuple[str, ...],
        own: bool,
        records: frozenset[int] = frozenset(),
        phrase: bool = False,
    ) -> None:
        self.typed, self.terms, self.own, self.records = typed, terms, own, records
        self.phrase = phrase


class Asked:
    """One concept of a question, as search met it: the concept, the FTS5 terms that matched,
    the word a typo was read as, and whether only related words matched."""

    __slots__ = ("concept", "read_as", "related", "terms")

    def __init__(
        self, concept: Concept, terms: tuple[str, ...], read_as: str | None, related: bool
    ) -> None:
        self.concept, self.terms, self.read_as, self.related = concept, terms, read_as, related


def _may_be_topic(a: Asked, vocab: Vocabulary) -> bool:
    """Whether ``a`` may be a topic of what is asked: matched as itself, not a question form,
    not the story around the question, not the guide's subject, not a stop word or the
    vocabulary's filler (filler by its frequency in English is told only where it matters)."""
    c = a.concept
    return (
        bool(a.terms)
        and not a.related
        and c.weight >= 1.0
        and not _aside(c)
        and c.typed not in vocab.stop_words
        and c.typed not in vocab.filler
    )


def _aside(c: Concept) -> bool:
    """Whether ``c`` is no topic: a question form, the story around the question, or asking
    for what a patient guide may not say at all."""
    return c.form or c.background or c.asking


def _phrase(terms: list[str]) -> str:
    """An FTS5 expression for one name: its words next to each other (a stop word, such as the
    "s" of "Bell's palsy", may stand between them)."""
    words = [f'"{w}"' for w in terms]
    return words[0] if len(words) == 1 else f"NEAR({' '.join(words)}, {len(words)})"


def things(
    ix: Index,
    asked: Sequence[Asked],
    text: str,
    vocab: Vocabulary,
    subject: list[Thing] | None = None,
) -> list[Thing]:
    """The things ``asked`` names (see the module's docstring), in the question's order; the
    guide's subject, named by a record's own name ("hemifacial spasm", "HFS"), is no such thing
    (it is spoken of everywhere) and goes to ``subject`` when given."""
    typed = [a.read_as or a.concept.typed for a in asked]
    # a word of a name may weigh less ("facial" of "facial nerve" names the guide's subject)
    part = [bool(a.terms) and not a.related and not _aside(a.concept) for a in asked]
    out: list[Thing] = []
    used: set[int] = set()
    records: list[frozenset[int]] = []
    # a record's own name, as one to three concepts in a row ("trigeminal" "neuralgia")
    for size in (3, 2, 1):
        for i in range(len(asked) - size + 1):
            span = range(i, i + size)
            if used.intersection(span) or not all(part[k] for k in span):
                continue
            name = " ".join(typed[k] for k in span)
            rowids = ix.own_names.get(name)
            if not rowids:
                continue
            mine = name in vocab.subject or set(name.split()) <= vocab.subject
            if not mine and not any(asked[k].concept.weight >= 1.0 for k in span):
                continue
            used.update(span)
            if any(rowids <= seen for seen in records):
                continue  # the same thing named again ("MVD operation")
            records.append(rowids)
            names = {n for n, rows in ix.own_names.items() if rows & rowids} | {name}
            found = {_phrase(n.split()) for n in names}
            if mine:
                # the guide's subject is spoken of everywhere: only a comparison reads it
                if subject is not None:
                    subject.append(Thing(name, tuple(sorted(found)), True, rowids))
                continue
            found |= {_phrase(n.split()[-1:]) for n in names if " " in n}
            out.append(Thing(name, tuple(sorted(found)), True, rowids))
    for k, a in enumerate(asked):
        word = a.concept.typed
        if k in used or not part[k] or a.concept.weight < 1.0 or a.read_as or not word.isalpha():
            continue
        if word in vocab.stop_words or word in vocab.filler:
            continue
        # as the guide writes it, not only a form of one of its words ("droop": drooping); how
        # rare it is in English is read only where it would be noted (_rare)
        if _written(ix, word):
            out.append(Thing(word, (f'"{word}"',), False))
    return out


def _phrases(
    ix: Index, asked: Sequence[Asked], text: str, named: list[Thing], vocab: Vocabulary
) -> list[Thing]:
    """The things the question names in two words in a row that the guide writes together
    ("facial weakness", "blood vessel", "immediate relief"), neither a stop word nor filler nor
    a word of a thing already named ("botox injection"): a thing of the guide with no record
    of its own."""
    words = WORD.findall(normalize_query(text))
    pairs = set(pairwise(words))
    taken = {w for t in named if t.own for w in t.typed.split()}
    out: list[Thing] = []
    for a, b in pairwise(asked):
        if a.read_as or b.read_as or max(a.concept.weight, b.concept.weight) < 1.0:
            continue
        pair = (a.concept.typed, b.concept.typed)
        if pair not in pairs or taken.intersection(pair):
            continue
        if not all(bool(x.terms) and not x.related and not _aside(x.concept) for x in (a, b)):
            continue
        if any(w in vocab.stop_words or w in vocab.filler for w in pair):
            continue
        if pair[1] in vocab.subject or (pair[0] in vocab.subject and not _adjective(pair[0])):
            continue  # the subject itself ("facial spasm"), or what it does ("spasm starts")
        if pair[1].endswith("ing") and not (_adjective(pair[0]) or pair[0].endswith("ed")):
            continue  # what a thing does ("a vessel compressing the nerve"), not a thing
        name = " ".join(pair)
        if name in ix.own_names or (out and pair[0] == out[-1].typed.split()[-1]):
            continue
        if _written(ix, name):
            # a sentence speaks of it with both words ("on average it begins at age 44")
            out.append(Thing(name, (f'("{pair[0]}" AND "{pair[1]}")',), False, phrase=True))
    return out


# The endings of English adjectives made from nouns ("facial", "surgical", "vascular").
_ADJECTIVE_ENDINGS = ("al", "ar", "ic", "ive", "ous")


def _adjective(word: str) -> bool:
    """Whether ``word`` has the ending of an adjective made from a noun ("facial" of "face"):
    it describes the next word, whatever the subject it is of."""
    return word.endswith(_ADJECTIVE_ENDINGS)


def everyday(word: str, vocab: Vocabulary) -> bool:
    """Whether ``word`` is the plural or the possessive (its apostrophe dropped) of a word of
    everyday talk ("dads", "my moms eye": dad, mom): the story around a question, like the word
    itself, never a topic the guide lacks."""
    return len(word) > 2 and word.endswith("s") and word[:-1] in vocab.filler


# The words that, before "of", name what is left of a whole ("the rest of my face", "for the
# remainder of my life"): the whole is the topic, never they. ("Does rest help" asks of rest.)
_REMAINDER = frozenset(("rest", "remainder"))


def remainder(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` only as what is left of a whole, before "of" ("the
    rest of the face"): no topic the guide lacks."""
    if word not in _REMAINDER:
        return False
    words = WORD.findall(normalize_query(text))
    at = [k for k, w in enumerate(words) if w == word]
    return bool(at) and all(words[k + 1 : k + 2] == ["of"] for k in at)


# The small words a name's initials skip ("National Institutes of Health": NIH).
_UNINITIALLED = frozenset(("of", "the", "and", "for", "on", "in", "de", "&"))
# The words that name a share, the kind of figure the guide gives as "%" ("which study do the
# surgery percentages come from").
_SHARE_WORDS = frozenset(("percentage", "percentages", "percent", "percents", "proportion"))


def initialism(ix: Index, word: str) -> bool:
    """Whether ``word`` (three to six letters) is the initials of a name the guide writes in
    capitals ("NIH": the National Institutes of Health), its small words aside: the guide
    names it, only spelt out, so it is no word the guide lacks."""
    if not word.isalpha() or not 3 <= len(word) <= 6:
        return False
    return word.casefold() in _initials(ix)


# The initials of the last index's names, read once (a search reads them only for a word the
# guide does not use), with that index: another index (another edition) reads its own.
_INITIALS: list[tuple[Index, frozenset[str]]] = []


def _initials(ix: Index) -> frozenset[str]:
    """The initials of every name of capitalised words the guide writes ("National Institutes
    of Health": nih; a sentence's first "The" aside), three letters or more."""
    if _INITIALS and _INITIALS[0][0] is ix:
        return _INITIALS[0][1]
    capital = re.compile(r"[A-Z][\w'-]*|of|the|and|for|on|in|de|&")
    names = re.compile(r"(?:[A-Z][\w'-]*(?:\s+(?:of|the|and|for|on|in|de|&))*\s+)+[A-Z][\w'-]*")
    out: set[str] = set()
    for row in ix.rows:
        for text in (row.title, row.names, row.body):
            for name in names.finditer(text):
                parts = [w for w in capital.findall(name.group()) if w not in _UNINITIALLED]
                if parts[:1] in (["The"], ["A"], ["An"]):
                    parts = parts[1:]  # a sentence's first word ("The National Institutes")
                if len(parts) >= 3:
                    out.add("".join(w[0] for w in parts).casefold())
    _INITIALS[:] = [(ix, frozenset(out))]
    return _INITIALS[0][1]


def names_a_share(ix: Index, word: str) -> bool:
    """Whether ``word`` names a share ("percentages", "proportion") and the guide gives shares
    (as "%"): the kind of figure asked, which the guide holds, not a topic it lacks."""
    if word not in _SHARE_WORDS:
        return False
    return any("%" in row.body for row in ix.rows)


def in_address(entry: Entry, word: str) -> bool:
    """Whether ``entry`` is a web address (a link or a registry) that holds ``word``
    ("www.aanem.org/Patients": aanem): a question whose first answer it is asked for that
    address, so the word is not one the guide lacks."""
    if entry.kind not in ADDRESS_KINDS:
        return False
    words = WORD.findall(normalize_query(f"{entry.title} {entry.body}"))
    return word.casefold() in words


def _rare(thing: Thing, text: str, vocab: Vocabulary) -> bool:
    """Whether ``thing`` names something: a record's own name, or a word rare in English that
    does not only describe the next word of the question. (English's frequencies are read
    only for a word that would otherwise be noted.)"""
    if thing.own:
        return True
    words = WORD.findall(normalize_query(text))
    return zipf(thing.typed) < RARE_ZIPF and not _describes(thing.typed, words, vocab)


# What _written found of each word, for one index at a time (another edition reads its own).
_WRITTEN: list[tuple[Index, dict[str, bool]]] = []
_WRITTEN_KEPT = 4096


def _written(ix: Index, word: str) -> bool:
    """Whether a record of the guide writes ``word`` as it is (case aside), not only a form of
    it."""
    if not _WRITTEN or _WRITTEN[0][0] is not ix:
        _WRITTEN[:] = [(ix, {})]
    known = _WRITTEN[0][1]
    if len(known) > _WRITTEN_KEPT:
        known.clear()  # a long-running caller typing ever new words keeps a bounded memory
    if word not in known:
        found = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", re.IGNORECASE)
        known[word] = any(  # of the records FTS5 finds it in (by its stem), those that write it so
            found.search(text)
            for rowid in match(ix.db, f'"{word}"')
            for text in (ix.rows[rowid].title, ix.rows[rowid].names, ix.rows[rowid].body)
        )
    return known[word]


def written(ix: Index, word: str) -> bool:
    """Whether a record of the guide writes ``word`` as it is (case aside)."""
    return _written(ix, word)


def _describes(word: str, words: list[str], vocab: Vocabulary) -> bool:
    """Whether ``word`` stands before another topic word of the question, describing it
    ("cranial nerves", "Teflon sponge"): the two name one thing, not ``word`` alone."""
    return any(
        w == word and k + 1 < len(words) and not is_filler(words[k + 1], vocab)
        for k, w in enumerate(words)
    )


def _records(ix: Index, terms: tuple[str, ...]) -> set[int]:
    """The records that speak of any of ``terms`` anywhere (title, names, text, context, the
    questions they answer), a word ending in "is" in its "es" form too ("paralysis": Botox
    "paralyses muscle"; "diagnosis", "diagnoses")."""
    forms = [f'"{t[1:-3]}es"' for t in terms if _GREEK_IS.fullmatch(t)]
    return set(match(ix.db, " OR ".join((*terms, *forms))))


# A quoted word of six letters or more ending in "is" ("paralysis", "diagnosis"), whose plural
# and verb end in "es" ("paralyses").
_GREEK_IS = deferred(r'"[a-z]{4,}is"')


def _named_by_record(ix: Index, terms: tuple[str, ...]) -> bool:
    """Whether a record other than a web address is named by any of ``terms`` (its title or
    other names): the guide has a record about it."""
    expression = "{title names} : (" + " OR ".join(terms) + ")"
    return any(ix.rows[r].kind not in ADDRESS_KINDS for r in match(ix.db, expression))


def unsaid(
    ix: Index,
    asked: Sequence[Asked],
    text: str,
    intents: frozenset[str],
    first: Sequence[tuple[int, Entry, range]],
    vocab: Vocabulary,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What the guide does not say of what ``text`` names, each as (what it lacks, the named
    things): FIGURE (no sentence of the ``first`` hits, each (rowid, entry, passage rowids
    shown), holds a figure of the kind asked about them), DEFINITION (what the word is),
    TOGETHER (the things side by side)."""
    subject: list[Thing] = []
    named = things(ix, asked, text, vocab, subject)
    rare = cache(lambda thing: _rare(thing, text, vocab))
    out: list[tuple[str, tuple[str, ...]]] = []
    words = WORD.findall(normalize_query(text))
    # the best doctor or place asked, or a count per year: the guide gives neither, whatever the
    # question names
    if provider := recommended(words):
        out.append((RECOMMEND, provider))
    elif drug := best_drug(words):
        out.append((BEST, drug))
    if (per := rate(ix, text, vocab)) is not None:
        out.append((RATE, (per,)))
    if (unnamed := names_asked(ix, text, vocab)) is not None:
        out.append((NAMES, (unnamed,)))
    # a cited study's findings, the contact's hours, trials under way now: the guide gives a
    # citation, a name and a phone number, what trials are and where they are listed
    if study := unreported(first, text, vocab):
        out.append((FINDINGS, study))
    if about := contact_unsaid(first, text):
        out.append((CONTACT, about))
    if others := contact_of_another(ix, first, text):
        out.append((WHOSE, others))
    if under_way := trials_now(first, text):
        out.append((TRIALS, under_way))
    if not out and (test := untested(ix, text, vocab)):
        out.append((DIAGNOSIS, test))
    if not out and (case := _if_not(ix, asked, text, vocab)) is not None:
        out.append((IF_NOT, (case,)))
    kind = figure_asked(text, vocab)
    # the things the guide names in two words, asked a figure of ("facial weakness")
    candidates = [*named, *_phrases(ix, asked, text, named, vocab)] if kind is not None else named
    if kind is not None and candidates:
        # what is asked the length of itself ("how long does the MVD operation take")
        head = _head(_asked_length(text), vocab) if kind == "duration" else None
        itself = {t.typed for t in candidates if head is not None and _names(t, head)}
        lacking = tuple(
            t.typed for t in _figure_of(ix, candidates, kind, first, itself) if t.phrase or rare(t)
        )
        # a word of a two-word thing is said in it ("drooping eyelid", not "eyelid" again)
        within = {w for t in candidates if t.phrase and t.typed in lacking for w in t.typed.split()}
        lacking = tuple(typed for typed in lacking if typed not in within)
        if lacking:
            out.append((FIGURE, lacking))
    # a count of things that no sentence shown counts ("how many muscles does the facial nerve
    # control": its five are branches)
    if kind == "number" and not out and (counted := _uncounted(ix, asked, text, first, vocab)):
        out.append((FIGURE, (counted,)))
    # the group a figure is asked for ("the recurrence rate in women"): a figure of all
    # patients is none of the group's
    if kind is not None and not out and (group := _group_unfigured(ix, words, kind, first)):
        out.append((FIGURE, (group,)))
    if kind == "duration" and not out and (aspect := _aspect_length(ix, text, first, vocab)):
        out.append((FIGURE, (aspect,)))
    # when a thing comes back ("how long before the spasms recur after MVD"): only a length of
    # time said of its coming back answers
    if not out and (returning := _unreturned(ix, named, words, kind)):
        out.append((UNTIL, (returning,)))
    # a count or a length may be answered in words ("repeated indefinitely", "rare"); a
    # percentage, an age or a size is not
    if kind in _FIGURES_ONLY and not out and (topic := _unfigured(ix, asked, kind, first, vocab)):
        out.append((FIGURE, (topic,)))
    # a question asking a figure ("what is the recurrence rate") asks the figure, not what the
    # thing is: the figure notes above speak of it
    if "definition" in intents and kind is None:
        topics = [a for a in asked if _may_be_topic(a, vocab)]
        if len(topics) > 1:  # filler aside ("what is the usual ..."), one topic may be left
            topics = [
                a for a in topics if not all(is_filler(w, vocab) for w in a.concept.typed.split())
            ]
        if len(topics) == 1 and (word := _undefined(ix, topics[0])) is not None:
            # "what is a neurosurgeon going to do": what it does, not what it is
            after = words[words.index(word) + 1 :] if word in words else []
            if _DOING.isdisjoint(after):
                out.append((DEFINITION, (word,)))
    # a thing likened to another ("is HFS the same as blepharospasm", "HFS vs blepharospasm")
    # that the guide only mentions (a web address, a list): it never says what it is, so it
    # likens nothing to it
    if not out and kind is None and _likens(words):
        for likened in asked:
            if (word := _undefined(ix, likened)) is not None and _only_addressed(ix, word):
                out.append((DEFINITION, (word,)))
                break
    # (a question asking for another treatment than the ones it names is answered by another's)
    if (
        named
        and first
        and "alternative" not in intents
        and (other := _aspect_of_other(ix, named, first[0][0], asked))
    ):
        # a thing already said to have no figure of the kind asked is not said again
        figured = {typed for what, about in out if what == FIGURE for typed in about}
        lacking = tuple(
            t.typed for t in other if t.typed not in figured and (rare(t) or _abbreviation(ix, t))
        )
        if lacking:
            out.append((ASPECT, lacking))
    # the length of a thing the guide speaks of without one ("how long does hearing loss last")
    if kind == "duration" and not out and (lasting := _unlasting(ix, asked, text, vocab)):
        out.append((FIGURE, (lasting,)))
    if not out and (elsewhere := _aspect_elsewhere(ix, asked, named, vocab)):
        out.append((ELSEWHERE, elsewhere))
    if not out and (untreated := _untreated(ix, named, words, vocab)):
        out.append((TREATMENT, untreated))
    looks = _looks(words)
    if ("picture" in intents or looks) and not out:
        # a picture asked of a thing no figure of the guide shows ("a figure of where the Botox
        # needles go"): its figures are of the nerve, the skull and the operation; what a thing
        # looks like is asked of a rare word the guide names too ("what does an AVM look like")
        unshown = tuple(
            t.typed
            for t in named
            if (t.own or (looks and (rare(t) or _initials_looked(ix, t, words))))
            and not _pictured(ix, t)
        )
        if unshown:
            out.append((PICTURE, unshown))
    if not out and (painless := _unpained(ix, named, words)):
        out.append((PAIN, painless))
    if not out and (ageless := _no_age_limit(ix, named, words)):
        out.append((AGE_LIMIT, ageless))
    for lack, asking, answering in _OVER_TIME:
        if not out and (unchanged := _unsaid_of(ix, named, words, asking, answering, rare)):
            out.append((lack, unchanged))
    # the guide's subject may be compared with another thing ("is trigeminal neuralgia more
    # common than hemifacial spasm")
    compared = sorted((*named, *subject), key=lambda t: _position(t, words))
    if (pair := _compared(ix, compared, words)) is not None:
        out.append((COMPARISON, pair))
    records = {t.typed: _records(ix, t.terms) for t in named} if len(named) > 1 else {}
    # a word before the number that names a numbered thing ("CN 7", "nerve 8") is that thing,
    # which its own words ("cranial nerve") do not find: never a topic apart from another
    numbered = {
        a.concept.typed
        for a, b in pairwise(asked)
        if b.concept.number is not None and _NUMERAL.fullmatch(b.concept.typed)
    }
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            if a.typed in numbered or b.typed in numbered:
                continue
            apart = not records[a.typed] & records[b.typed]
            if _choice(a, b, words):
                continue  # "craniotomy vs craniectomy": what the guide says of each answers
            if (a.own or b.own) and apart and rare(a) and rare(b):
                out.append((TOGETHER, (a.typed, b.typed)))
    if not out and (parts := _parts_unsaid(ix, named, words)) is not None:
        out.append((TOGETHER, parts))
    if not out and (pair := _phrase_apart(ix, asked, text, named, vocab, rare)) is not None:
        out.append((TOGETHER, pair))
    return tuple(out)


# The parts a thing may be asked of ("the trigeminal nerve's main branches", "the divisions of
# the trigeminal nerve"; not "part", said of much else: "take part in a study"), each with the
# guide's words for them (FTS5 terms), and how far from the thing's name the part may stand.
_PARTS = {
    **dict.fromkeys(("branch", "branches"), '"branch" OR "branches"'),
    **dict.fromkeys(("division", "divisions"), '"division" OR "divisions"'),
    **dict.fromkeys(("segment", "segments"), '"segment" OR "segments"'),
}
_PART_SPAN = 3


def _parts_unsaid(ix: Index, named: list[Thing], words: list[str]) -> tuple[str, str] | None:
    """A named thing and the parts asked of it ("what are the trigeminal nerve's branches":
    the guide names the facial nerve's five branches, never the trigeminal nerve's), when no
    sentence of the guide speaks of the thing, by its whole name, with that word for its parts;
    None otherwise."""
    for k, word in enumerate(words):
        if word not in _PARTS:
            continue
        for t in named:
            at = _position(t, words)
            end = at + len(t.typed.split())
            if at < 0 or not (at - _PART_SPAN <= k <= end + _PART_SPAN) or at <= k < end:
                continue
            whole = " OR ".join(term for term in t.terms if " " in term) or " OR ".join(t.terms)
            said = set(match(ix.db, f"({whole}) AND ({_PARTS[word]})", "passages"))
            if not said and not any(
                set(match(ix.db, _PARTS[word], "passages")).intersection(_sentences(ix, r))
                for r in t.records
            ):
                return (t.typed, word)
    return None


def _phrase_apart(
    ix: Index,
    asked: Sequence[Asked],
    text: str,
    named: list[Thing],
    vocab: Vocabulary,
    rare: Callable[[Thing], bool],
) -> tuple[str, str] | None:
    """(a thing named, a thing the guide names in two words) that no record of the guide
    speaks of together ("can an MRI show which blood vessel is pressing": the MRI rules out
    other conditions; the blood vessel is found in surgery): the first a word rare in English
    the guide writes, or one it writes only in capitals ("MRI"), and no record's own name
    (whose aspects speak of it in other words); the second two words neither of which is an
    adjective or an adverb. None otherwise."""
    from hfs_info.search_analysis import ADJECTIVES, ADVERBS, _listed

    # (the things of two words first: most questions name none, and the rest is dearer)
    phrases = _phrases(ix, asked, text, named, vocab)
    if not phrases:
        return None
    # a thing of two nouns ("blood vessel"), not a description ("most frequent", "cranial nerve")
    described = {*_listed(ADJECTIVES), *_listed(ADVERBS)}
    phrases = [
        p
        for p in phrases
        if described.isdisjoint(p.typed.split()) and not _adjective(p.typed.split()[0])
    ]
    if not phrases:
        return None
    unnamed = [
        (t.typed, _records(ix, t.terms))
        for t in named
        if not t.own and (rare(t) or _abbreviation(ix, t))
    ]
    # an aspect of a treatment asked ("the risks of the blood tests"), a word of the title of
    # an aspect record after its treatment's name ("Microvascular decompression (MVD): risks")
    aspects = {
        word
        for row in ix.rows
        if row.kind == "treatment" and "/" in row.id and ": " in row.title
        for word in WORD.findall(row.title.split(": ", 1)[1].lower())
    }
    for a in asked:
        typed = a.concept.typed
        if not _may_be_topic(a, vocab) or a.read_as or typed not in aspects:
            continue
        if typed in ix.own_names or is_filler(typed, vocab):
            continue
        unnamed.append((typed, _records(ix, a.terms)))
    for typed, mine in unnamed:
        for phrase in phrases:
            if set(phrase.typed.split()) & set(typed.split()):
                continue
            if not mine & _records(ix, phrase.terms):
                return (typed, phrase.typed)
    return None


# The words that compare one thing with another before "than" ("works better than", "is
# safer than", "more effective than"), and the words of a sentence that compares.
_COMPARING = frozenset(
    (
        *("better", "worse", "safer", "riskier", "stronger", "weaker", "faster", "slower"),
        *("more", "less", "longer", "shorter", "easier", "harder", "best", "worst"),
        *("older", "younger", "rarer", "commoner", "higher", "lower", "greater", "fewer"),
    )
)
# How many words before "than" may stand between the comparing word and it ("more
# effective than", "better at stopping spasms than").
_COMPARED_SPAN = 4


def _compared(ix: Index, named: list[Thing], words: list[str]) -> tuple[str, str] | None:
    """The two record names a question compares ("does Klonopin work better than baclofen":
    one before a comparing word and "than", one after), when no sentence of the guide that
    speaks of both compares anything: the guide makes no such comparison. None otherwise, for
    two treatments (the guide says each has benefits and limitations, to be weighed with your
    doctor: "is MVD better than Botox", "is Tegretol safer than surgery"), and for things that
    are no record's own name ("more often in women than men" is answered).
    A choice asked between the two ("which is safer, Tegretol or Dilantin", "which works
    better: baclofen or Valium") compares them as well: a comparing word after "which", the
    two either side of "or".
    ``words``: the question's words, as read."""
    if "than" in words:
        at = words.index("than")
        if not _COMPARING.intersection(words[max(0, at - _COMPARED_SPAN) : at]):
            return None
    elif "which" in words and "or" in words[words.index("which") :]:
        which = words.index("which")
        at = words.index("or", which)
        if not _COMPARING.intersection(words[which:at]):
            return None
    else:
        return None
    own = [t for t in named if t.own]
    before = [t for t in own if _position(t, words) in range(at)]
    after = [t for t in own if _position(t, words) > at]
    if not before or not after:
        return None
    a, b = before[-1], after[0]
    mine, theirs = _treatments(ix, a), _treatments(ix, b)
    if mine and theirs and mine != theirs:
        return None  # two treatments: the guide says each has benefits and limitations
    both = set(match(ix.db, " OR ".join(a.terms), "passages")) & set(
        match(ix.db, " OR ".join(b.terms), "passages")
    )
    comparing = re.compile(r"\b(?:than|" + "|".join(sorted(_COMPARING)) + r")\b", re.IGNORECASE)
    texts = ix.db.execute(
        f"SELECT text FROM passages WHERE rowid IN ({','.join(map(str, sorted(both)))})"
    ).fetchall()
    if any(comparing.search(str(row[0])) for row in texts):
        return None
    return (a.typed, b.typed)


# The words that ask how something is treated ("how is Bell's palsy treated", "a cure for"),
# and the kinds of record that speak of a treatment.
_TREATING = frozenset(
    ("treat", "treats", "treated", "treating", "treatment", "treatments", "cure", "cured", "cures")
)
_TREATMENT_KINDS = frozenset(("treatment", "drug"))
# The active forms of those words: what stands before them treats ("can craniectomy treat it").
_TREATS = frozenset(("treat", "treats", "treating", "cure", "cures"))
# The kinds of record that only name a place, a person or an address (the guide's source, its
# links and registries).
_NAMING_KINDS = ADDRESS_KINDS | {"source"}


# A sentence that points to a figure of the guide ("(Figure 2)", "(Figures 3 and 4)"); compiled
# only where a picture is asked (re caches it), not at every search's import.
_POINTS = r"\bfig(?:ure)?s?\.? \d"


def _pictured(ix: Index, thing: Thing) -> bool:
    """Whether a figure of the guide shows ``thing``: a figure record speaks of it, or a
    sentence that speaks of it points to a figure ("a craniotomy ... (Figure 2)")."""
    if any(ix.rows[r].kind == "figure" for r in _records(ix, thing.terms)):
        return True
    spoken = sorted(match(ix.db, " OR ".join(thing.terms), "passages"))
    texts = ix.db.execute(
        f"SELECT text FROM passages WHERE rowid IN ({','.join(map(str, spoken))})"
    ).fetchall()
    return any(re.search(_POINTS, str(row[0]), re.IGNORECASE) for row in texts)


def _untreated(
    ix: Index, named: list[Thing], words: list[str], vocab: Vocabulary
) -> tuple[str, ...]:
    """The record names, and the rare words the guide only mentions ("how is an aneurysm
    treated": an MRI rules one out), a question asks the treatment of ("how is Bell's palsy
    treated") that no record of a treatment or a drug speaks of (anywhere: title, names, text,
    context, questions answered): the guide treats only its subject. Empty when the question
    names a treatment or a drug itself ("can Botox treat ...": what the treatment does), or
    asks no treatment."""
    if not _TREATING.intersection(words):
        return ()
    own = [t for t in named if t.own]
    if any(ix.rows[r].kind in _TREATMENT_KINDS for t in own for r in t.records):
        return ()
    # (a rare word before the word asking its treatment is no description: "an aneurysm
    # treated")
    # treated"); a word before an active one is what treats ("can craniectomy treat it")
    rest = [w for w in words if w not in _TREATING]
    active = [k for k, w in enumerate(words) if w in _TREATS]
    out: list[str] = []
    for t in named:
        kinds = {ix.rows[r].kind for r in _records(ix, t.terms)}
        if kinds & _TREATMENT_KINDS:
            continue
        if not t.own and (
            zipf(t.typed) >= RARE_ZIPF
            or _describes(t.typed, rest, vocab)
            or any(k > _position(t, words) for k in active)
            # a word only of the guide's source or an address names a place or a person
            # ("what treatments does Mayfield offer"), not what is treated
            or kinds <= _NAMING_KINDS
        ):
            continue
        out.append(t.typed)
    return tuple(out)


# The words that set two things side by side as a choice between them ("craniotomy vs
# craniectomy", "an AVM or an aneurysm").
_CHOICE = frozenset(("vs", "versus", "v", "or"))
_ARTICLES = frozenset(("a", "an", "the"))


def _choice(a: Thing, b: Thing, words: list[str]) -> bool:
    """Whether the question sets ``a`` and ``b`` side by side as a choice ("craniotomy vs
    craniectomy", "called craniotomy or craniectomy"): only a word of choice, and articles,
    stand between them. What the guide says of each is then the answer, though it never
    speaks of the two together."""
    first, second = sorted((a, b), key=lambda t: _position(t, words))
    start = _position(first, words) + len(first.typed.split())
    between = words[start : _position(second, words)]
    return (
        _position(first, words) >= 0
        and bool(_CHOICE.intersection(between))
        and set(between) <= _CHOICE | _ARTICLES
    )


# The words that ask for an age bound ("is there an age limit for MVD", "too old for surgery",
# "the maximum age for Botox"): after "age", before it, and after "too".
_BOUND_AFTER_AGE = frozenset(
    ("limit", "limits", "cutoff", "cut", "restriction", "restrictions", "requirement", "bar")
)
_BOUND_BEFORE_AGE = frozenset(("maximum", "minimum", "max", "min", "upper", "lower", "oldest"))
_TOO = frozenset(("old", "young"))


def _no_age_limit(ix: Index, named: list[Thing], words: list[str]) -> tuple[str, ...]:
    """The record names a question asks an age bound of ("is there an age limit for MVD", "is
    he too old for the operation", "the minimum age for Botox") when no sentence of their
    records holds an age: the guide gives the age at which the spasm begins on average, no
    age for a treatment. Empty when no age bound is asked, or of no record's name."""
    asked = any(
        (a == "age" and b in _BOUND_AFTER_AGE)
        or (a in _BOUND_BEFORE_AGE and b == "age")
        or (a == "too" and b in _TOO)
        for a, b in pairwise(words)
    )
    if not asked:
        return ()
    out: list[str] = []
    for t in named:
        if not t.own:
            continue
        sentences = {k for r in t.records for k in _sentences(ix, r)}
        if any(_holds_age(ix, k) for k in sentences):
            continue
        out.append(t.typed)
    return tuple(out)


def _holds_age(ix: Index, k: int) -> bool:
    """Whether sentence ``k`` (a passage rowid), read with its record's title, holds an age."""
    return holds_figure("age", titled(ix, k))


def _initials_looked(ix: Index, thing: Thing, words: list[str]) -> bool:
    """Whether ``thing`` is an initialism asked what it looks like ("what does the MRI look
    like"), not what something looks like on it ("an AVM look like on MRI")."""
    looked = next((k for k, w in enumerate(words) if w in ("look", "looks")), -1)
    return 0 <= _position(thing, words) < looked and _abbreviation(ix, thing)


def _looks(words: list[str]) -> bool:
    """Whether the question asks what something looks like ("what does an AVM look like")."""
    return any(a in ("look", "looks") and b == "like" for a, b in pairwise(words))


# The words that ask whether something hurts (not "pain", which asks as often what eases it:
# "does Tegretol help facial pain"), and the guide's words for pain (FTS5 terms).
_HURTING = frozenset(("hurt", "hurts", "painful"))
_PAIN_TERMS = '"pain" OR "painful" OR "painless" OR "hurt" OR "hurts"'


def _unpained(ix: Index, named: list[Thing], words: list[str]) -> tuple[str, ...]:
    """The record names (and the names the guide writes only in capitals: "MRI") a question
    asks the pain of ("does the EMG test hurt", "is the Botox shot painful", "does the MRI
    hurt") that no sentence of the guide speaks of together with pain: the guide says
    whether the twitching hurts (its subject, never named here), not whether a test or a
    treatment does. Empty when the question asks no pain."""
    if not _HURTING.intersection(words):
        return ()
    pain = set(match(ix.db, _PAIN_TERMS, "passages"))
    return tuple(
        t.typed
        for t in named
        # a record's name, or a test the guide writes only as its capitals ("does the MRI hurt")
        if (t.own or _abbreviation(ix, t))
        and not pain & set(match(ix.db, " OR ".join(t.terms), "passages"))
        and not any(pain.intersection(_sentences(ix, r)) for r in t.records)
    )


# What becomes of a named thing later, asked of it: whether it can be done again ("can MVD be
# repeated"), and whether it lasts, moves or must be replaced ("does the Teflon sponge ever need
# replacing", "what happens if the sponge moves"). Each as (what the guide lacks, the words
# that ask it, the guide's words that would answer it: FTS5 terms). A thing of which some
# sentence speaks with those words is answered ("can Botox be repeated": "repeated
# indefinitely"; "is MVD permanent": its recurrence).
# A thing asked of so is a word less common than this in English (Zipf; "sponge" 3.6), though
# it may describe nothing rare: the guide's own objects, not the story's ("stay", "head").
_OVER_TIME_ZIPF = 4.0
# How far (in words) the thing may stand from the word that asks what becomes of it.
_OVER_TIME_SPAN = 5
_OVER_TIME: tuple[tuple[str, frozenset[str], str], ...] = (
    (
        REPEAT,
        frozenset(
            (
                *("repeat", "repeated", "repeating", "repeatable", "redo", "redone"),
                *("reoperation", "reoperate", "revision"),
            )
        ),
        '"repeat" OR "repeated" OR "again" OR "indefinitely" OR "second"',
    ),
    (
        LASTING,
        frozenset(
            (
                *("forever", "permanent", "permanently", "dissolve", "dissolves", "degrade"),
                *("replace", "replaced", "replacing", "replacement", "removed", "remove"),
                *("shift", "shifts", "slip", "slips", "dislodge", "dislodged"),
                *("wear", "wears", "lifetime", "lifelong", "migrate", "migrates"),
            )
        ),
        '"permanent" OR "temporary" OR "lasts" OR "last" OR "indefinitely" OR "recurrence"'
        ' OR "return" OR "diminishes" OR "removed" OR "replaced"',
    ),
)


def _unsaid_of(
    ix: Index,
    named: list[Thing],
    words: list[str],
    asking: frozenset[str],
    answering: str,
    rare: Callable[[Thing], bool],
) -> tuple[str, ...]:
    """The record names (and the rare words of the guide) a question asks something of with
    ``asking`` words that no sentence of the guide speaking of them says with ``answering``
    (the guide's words for it). Empty when the question does not ask it."""
    # where the thing asked of may stand: in the same clause as an asking word ("the sponge
    # ever need replacing"), not a place of the story ("in Cincinnati ... will the stitches be
    # removed")
    where = [
        range(k - _OVER_TIME_SPAN, k + _OVER_TIME_SPAN + 1)
        for k, w in enumerate(words)
        if w in asking
    ]
    if asking is _OVER_TIME[1][1]:
        # "long term" ends the clause it asks of ("is the sponge safe to leave in the brain
        # long term"): its span reaches twice as far back
        where += [
            range(k - 2 * _OVER_TIME_SPAN, k + _OVER_TIME_SPAN + 1)
            for k in range(len(words))
            if _long_term(words, k)
        ]
    if asking is _OVER_TIME[0][1]:
        where += _again(words)
    if not where:
        return ()
    said = set(match(ix.db, answering, "passages"))
    return tuple(
        t.typed
        for t in named
        if any(_position(t, words) in span for span in where)
        and (t.own or _abbreviation(ix, t) or rare(t) or zipf(t.typed) < _OVER_TIME_ZIPF)
        and t.typed not in asking
        and not _cited_name(ix, t)
        and not said & set(match(ix.db, " OR ".join(t.terms), "passages"))
        and not any(said.intersection(_sentences(ix, r)) for r in t.records)
    )


def _cited_name(ix: Index, thing: Thing) -> bool:
    """Whether ``thing`` is named by the guide's references alone (an author, "Samii"): a
    citation, asked of, is no thing that lasts or is repeated."""
    records = _records(ix, thing.terms)
    return bool(records) and all(ix.rows[r].kind == "reference" for r in records)


def _long_term(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` ends "long term" ("is the sponge safe long term"): what becomes of a
    thing over time, asked; not "long-term results" (of a study or treatment: what the
    figures are for)."""
    return (
        words[k] == "term"
        and words[k - 1 : k] == ["long"]
        and _RESULTS.isdisjoint(words[k + 1 : k + 2])
        and _OUTCOME_FIGURES.isdisjoint(words[k + 1 : k + 3])
    )


# What long-term results may be asked as ("a long-term cure rate", "long-term success").
_OUTCOME_FIGURES = frozenset(("cure", "rate", "rates", "relief", "success", "outcome"))


# A thing had again ("can I have the operation again", "could they do MVD twice") or a second
# one ("a second MVD"): the verbs of undergoing, the words after it, the word before it.
_UNDERGO = frozenset(("have", "has", "had", "get", "gets", "do", "done", "undergo", "redo"))
_AGAIN = frozenset(("again", "twice"))
_SECOND = frozenset(("second", "2nd", "another"))


def _again(words: list[str]) -> list[range]:
    """Where a thing asked to be had again stands in ``words``: between a verb of undergoing
    and "again" or "twice" after it (at most five words apart: "have the MVD operation
    again"; "the spasms started again after MVD" has none), or right after "second" or
    "another" ("a second MVD")."""
    out: list[range] = []
    for k, word in enumerate(words):
        if word in _AGAIN:
            verbs = [v for v in range(max(0, k - _OVER_TIME_SPAN), k) if words[v] in _UNDERGO]
            if verbs:
                out.append(range(verbs[-1] + 1, k))
        elif word in _SECOND:
            out.append(range(k + 1, k + 3))
    return out


def _sentences(ix: Index, rowid: int) -> range:
    """The passage rowids of record ``rowid`` (its sentences, items and points)."""
    return range(ix.first[rowid], ix.first[rowid] + len(ix.rows[rowid].passages))


def _treatments(ix: Index, thing: Thing) -> set[str]:
    """The treatments ``thing`` is the own name of, or a drug given in ("Tegretol":
    medication)."""
    return {
        _treats(row) or row.id.split("/")[0]
        for row in (ix.rows[r] for r in thing.records)
        if row.kind in _TREATMENT_KINDS
    }


def _position(thing: Thing, words: list[str]) -> int:
    """Where the first word of ``thing`` stands in ``words`` (-1 when it does not)."""
    first = thing.typed.split()[0]
    return words.index(first) if first in words else -1


def _head(words: list[str], vocab: Vocabulary) -> str | None:
    """The word that names what ``words`` speak of: the last of their first words in a row that
    are not stop words ("the MVD operation": operation; "recovery from MVD": recovery; "surgery
    recovery": recovery)."""
    run: list[str] = []
    for word in words:
        if word in vocab.stop_words:
            if run:
                break
            continue
        run.append(word)
    return run[-1] if run else None


def _names(thing: Thing, word: str) -> bool:
    """Whether ``word`` is (the last word of) one of ``thing``'s names."""
    return f'"{word}"' in thing.terms or thing.typed.split()[-1] == word


def _figure_of(
    ix: Index,
    named: list[Thing],
    kind: str,
    first: Sequence[tuple[int, Entry, range]],
    itself: set[str],
) -> list[Thing]:
    """The named things no sentence shown holding a figure of ``kind`` speaks of (in itself or
    in its record's title, names, context or questions answered); for the things asked the
    length of (``itself``), a length of time counted from them ("two months after surgery")
    is no figure of them. None when no sentence shown holds such a figure (search's own note
    says so: Found.no_figure)."""
    figures: list[tuple[int, int, bool]] = []  # (record rowid, passage rowid, a length itself)
    for rowid, _, shown in first:
        for k in shown:
            sentence = titled(ix, k)
            if holds_figure(kind, sentence):
                own = not itself or holds_figure(kind, sentence, itself=True)
                figures.append((rowid, k, own))
    if not figures:
        return []
    lacking: list[Thing] = []
    for thing in named:
        length = thing.typed in itself
        if any(_belongs(ix, r, thing) and (own or not length) for r, _, own in figures):
            continue  # a figure of the thing's own record, an aspect or a statistic of it
        expression = " OR ".join(thing.terms)
        sentences = set(match(ix.db, expression, "passages"))
        records = set(match(ix.db, "{title names context asks} : (" + expression + ")"))
        if not any(
            (k in sentences or r in records) and (own or not length) for r, k, own in figures
        ):
            lacking.append(thing)
    return lacking


# The things a count may be asked of that a number need not count ("how many times": "repeated
# indefinitely"; people: a share of them).
_NOT_COUNTED = frozenset(("times", "time", "ones", "kinds", "types", "ways", "things"))


def _uncounted(
    ix: Index,
    asked: Sequence[Asked],
    text: str,
    first: Sequence[tuple[int, Entry, range]],
    vocab: Vocabulary,
) -> str | None:
    """The things "how many" asks the count of ("how many muscles does the facial nerve
    control": muscles), as typed, when no sentence of the guide (read with its record's title)
    gives a number of them ("five main branches" counts branches). None otherwise: no such count
    asked, people or times asked (read elsewhere), or a number of them shown."""
    from hfs_info.search_analysis import _PEOPLE
    from hfs_info.text import number_of

    words = WORD.findall(normalize_query(text))
    at = next((k for k, pair in enumerate(pairwise(words)) if pair == ("how", "many")), None)
    if at is None:
        return None
    run: list[str] = []
    for word in words[at + 2 :]:
        if word in vocab.stop_words or word in _AUXILIARIES:
            break
        run.append(word)
    if not run:
        return None
    thing = run[-1]
    if thing in _NOT_COUNTED or thing.rstrip("s") in {p.rstrip("s") for p in _PEOPLE}:
        return None
    if thing in vocab.subject or len(thing) < 4:
        return None
    if not thing.isalpha() or not thing.endswith("s") or thing in ix.own_names:
        return None
    # the thing as search read it: itself, never a typo read as a word or a related word, and
    # with the other words it stands for ("jabs": injections)
    concept = next((a for a in asked if a.concept.typed == thing), None)
    if concept is None or concept.read_as or concept.related or not concept.terms:
        return None
    names = {thing[:-1]} | {
        w.rstrip("s") for term in concept.terms for w in WORD.findall(term.lower())
    }
    # any sentence of the guide: one not shown that counts them is the ranking's miss, and the
    # note would deny what the guide gives
    for row in ix.rows:
        for sentence in row.passages:
            said = WORD.findall(normalize_query(f"{row.title}. {sentence}"))
            for n, word in enumerate(said):
                if not any(word.startswith(name) for name in names):
                    continue
                # a number just before it, or one word before ("1 to 3 injections", "five
                # main branches")
                if any(number_of(w) is not None for w in said[max(0, n - 2) : n]):
                    return None
    if not first:
        return None
    return thing


def _belongs(ix: Index, rowid: int, thing: Thing) -> bool:
    """Whether record ``rowid`` is one ``thing`` is the own name of, or an aspect or a figure
    of one (treatment:botox/duration, a statistic of treatment:botox)."""
    entry = ix.rows[rowid]
    for own in thing.records:
        mine = ix.rows[own].id
        if entry.id == mine or entry.id.startswith(mine + "/") or entry.part_of == mine:
            return True
    return False


def _unfigured(
    ix: Index,
    asked: Sequence[Asked],
    kind: str,
    first: Sequence[tuple[int, Entry, range]],
    vocab: Vocabulary,
) -> str | None:
    """The topic of the question the first answer speaks of without a figure of ``kind``, when
    a figure of that kind is shown only in sentences and records that never speak of it ("what
    percentage of patients are women": who is affected, then the surgery's percentages); None
    when no figure of the kind is shown at all (search's own note says so: Found.no_figure)."""
    if not first:
        return None
    sentences = [
        (rowid, k, holds_figure(kind, titled(ix, k))) for rowid, _, shown in first for k in shown
    ]
    lead = first[0][0]
    if not any(held for *_, held in sentences) or any(
        held for rowid, _, held in sentences if rowid == lead
    ):
        return None
    for a in asked:
        words = a.concept.typed.split()
        if not _may_be_topic(a, vocab) or set(words) <= vocab.subject:
            continue
        expression = " OR ".join(a.terms)
        spoken = set(match(ix.db, expression, "passages"))
        records = set(match(ix.db, "{title names} : (" + expression + ")"))
        if not any(k in spoken for rowid, k, _ in sentences if rowid == lead):
            continue  # the first answer does not speak of it
        if not any(held and (k in spoken or rowid in records) for rowid, k, held in sentences):
            return a.concept.typed
    return None


# The words that liken two things or ask them told apart ("the same as", "vs", "the
# difference between", "tell apart").
_SAMENESS = frozenset(
    (
        *("vs", "versus", "difference", "differences", "different", "differ"),
        *("apart", "distinguish", "compare", "compared", "similar"),
    )
)


def _likens(words: list[str]) -> bool:
    """Whether ``words`` liken two things or ask them told apart ("vs", "the difference", "the
    same as", "the same thing"; not "the same side")."""
    if not _SAMENESS.isdisjoint(words):
        return True
    return any(
        w == "same" and words[k + 1 : k + 2] in (["as"], ["thing"], ["condition"])
        for k, w in enumerate(words)
    )


def _only_addressed(ix: Index, word: str) -> bool:
    """Whether the guide writes ``word`` only in web addresses (its links and registries:
    "www.blepharospasm.org"): it names the thing and says nothing of it."""
    kinds = {ix.rows[r].kind for r in _records(ix, (f'"{word}"',))}
    return bool(kinds) and kinds <= ADDRESS_KINDS


def _undefined(ix: Index, a: Asked) -> str | None:
    """The word ``a`` when it is rare, the guide writes it as typed, and no record is about it
    (it is only mentioned: in a list, a caption, a web address): the guide does not say what it
    is. A word the guide never writes, found through the name it stands for ("AICA": the
    anterior inferior cerebellar artery), is not one the guide names: the note would deny the
    passage that answers."""
    word = a.concept.typed
    if a.read_as or " " in word or _named_by_record(ix, a.terms):
        return None
    if not _written(ix, word):
        return None
    return word if zipf(word) < RARE_ZIPF else None


def _aspect_of_other(
    ix: Index, named: list[Thing], rowid: int, asked: Sequence[Asked]
) -> list[Thing]:
    """The things named that the first answer (record ``rowid``), an aspect of a treatment the
    question does not name and asks (a word of the question finds the aspect's title: "side
    effects", "how long it lasts", "risks" for "dangerous"), never speaks of (in its title,
    names, text, context or questions answered); none when the answer is no aspect, or when
    the question names its treatment (or a drug of it)."""
    entry = ix.rows[rowid]
    owner = entry.id.split("/")[0] if "/" in entry.id else ""
    if not owner:
        return []
    for thing in named:
        for rowid in thing.records:
            row = ix.rows[rowid]
            if row.id.split("/")[0] == owner or row.part_of == owner or _treats(row) == owner:
                return []  # the question names the treatment the aspect is of
    terms = [t for a in asked if not a.related for t in a.terms]
    if not terms or rowid not in match(ix.db, "{title} : (" + " OR ".join(terms) + ")"):
        return []  # the question does not ask this aspect: the answer is only near
    return [t for t in named if rowid not in _records(ix, t.terms)]


def _aspect_elsewhere(
    ix: Index, asked: Sequence[Asked], named: list[Thing], vocab: Vocabulary
) -> tuple[str, str] | None:
    """(what is asked, the treatment named) when the question names one treatment (or a drug
    of it) and asks an aspect that the guide gives only of other treatments: a word of the
    question, neither filler nor a name of a treatment, finds the aspect part of a treatment's
    record titles ("MVD: recovery" for "back to work", "Medication: monitoring" for "check"),
    and no record of the treatment named has that aspect ("can I go back to work the same day
    after Botox": the guide gives the recovery of MVD alone). None otherwise."""
    mine = {
        _treats(row) or row.id.split("/")[0]
        for t in named
        if t.own
        for row in (ix.rows[r] for r in t.records)
        if row.kind in _TREATMENT_KINDS
    }
    if len(mine) != 1:
        return None
    (treatment,) = mine
    thing = next(t for t in named if t.own and treatment in _treatments(ix, t))
    # the aspects the treatment has a record of ("treatment:botox/onset": onset), and their
    # titles ("side effects")
    own = [row for row in ix.rows if row.id.startswith(treatment + "/")]
    have = {row.id.split("/", 1)[1] for row in own}
    titles = {row.title.split(": ", 1)[-1].lower() for row in own}
    for a in asked:
        c = a.concept
        if not a.terms or a.related or _aside(c):
            continue
        expression = " OR ".join(a.terms)
        rows = [ix.rows[r] for r in match(ix.db, "{title names} : (" + expression + ")")]
        if any(row.kind in _TREATMENT_KINDS and "/" not in row.id for row in rows):
            continue  # a name of a treatment ("surgery"), not an aspect of one
        aspects = [row for row in rows if row.kind == "treatment" and "/" in row.id]
        if not aspects or {row.id.split("/")[1] for row in aspects} & have:
            continue
        # an aspect that speaks of one the treatment has is that one too (MVD's risks are "side
        # effects" the guide gives of Botox as well: "the risks of Botox" are answered)
        said = " ".join(p.lower() for row in aspects for p in row.passages)
        if any(title in said for title in titles):
            continue
        # (filler, such as "used" or "long", is read last: it is the dearest to tell)
        if not is_filler(c.typed, vocab):
            return (c.typed, thing.typed)
    return None


def _treats(row: Entry) -> str:
    """The treatment a drug is given in: the medication."""
    return "treatment:medication" if row.kind == "drug" else ""


def _abbreviation(ix: Index, thing: Thing) -> bool:
    """Whether the guide writes ``thing`` only as an abbreviation, in capitals ("MRI", "EMG"):
    a name, however common in English."""
    word = thing.typed
    if thing.own or not word.isalpha():
        return False
    found = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", re.IGNORECASE)
    written = [
        m.group()
        for rowid in match(ix.db, f'"{word}"')
        for text in (ix.rows[rowid].title, ix.rows[rowid].names, ix.rows[rowid].body)
        for m in found.finditer(text)
    ]
    return bool(written) and all(w == word.upper() for w in written)


def _singular(words: list[str]) -> tuple[str, ...]:
    return tuple(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


# "How long is the operation": the verbs that ask the length of what follows them, the words
# that end what is asked (a time until or after it: "how long is it until Botox works"), and
# the words that ask of something else than what follows ("how long is it").
_IS = frozenset(("is", "was", "are", "were"))
_LENGTH_ENDS = frozenset(("to", "before", "until", "till", "til", "for", "after", "following"))
_NOT_ASKED = frozenset(("it", "this", "that", "they", "there"))


def _asked_length(text: str) -> list[str]:
    """The words of what ``text`` asks the length of itself: search_analysis.asked_length's
    ("how long does the operation take"), or what follows "how long is" / "how long will ...
    be" up to a word that counts from or until something ("how long is the MVD operation",
    "how long will the hospital stay be after MVD": the hospital stay); empty when it asks
    none ("how long is it until Botox works")."""
    if found := asked_length(text):
        return found
    words = WORD.findall(normalize_query(text))
    for i in range(len(words) - 3):
        if words[i : i + 2] != ["how", "long"]:
            continue
        will_be = words[i + 2] == "will" and "be" in words[i + 3 : i + 3 + LENGTH_WORDS]
        if words[i + 2] not in _IS and not will_be:
            continue
        start = i + 3
        if words[start] in _NOT_ASKED:
            return []
        run: list[str] = []
        for word in words[start : start + LENGTH_WORDS]:
            if word in _LENGTH_ENDS or word == "be":
                break
            run.append(word)
        return run
    return []


def _length_asked(text: str, vocab: Vocabulary) -> list[str]:
    """The first run of words, stop words aside, of what ``text`` asks the length of."""
    run: list[str] = []
    for word in _asked_length(text):
        if word in vocab.stop_words:
            if run:
                break
            continue
        run.append(word)
    return run


# The words that say something comes back, as typed ("recur", "come back"): a length of time
# asked of them is the time until it does. "Return" is not among them: people return to their
# lives ("return to work after MVD", which the guide times).
_RETURNING = frozenset(("recur", "recurs", "recurred", "recurring", "recurrence", "relapse"))
_COME = frozenset(("come", "comes", "coming", "came"))
# The guide's words for it (FTS5 terms), and for how long an effect lasts until it does
# ("Botox usually lasts three months" answers "how long before the twitching comes back").
_RETURN_TERMS = '"recurrence" OR "recur" OR "recurs" OR "relapse"'
_RETURN_WORDS = ("recur", "relapse")
_LASTS = frozenset(("last", "lasts", "lasting"))
# The words after "time" that ask a length of time until something ("the average time before
# spasms recur", "time to recurrence").
_UNTIL_WORDS = frozenset(("before", "until", "till", "to"))


# The words that ask a length of time, and the words that join a second question to a first
# ("how long is recovery and does it come back": the length is of the recovery).
_WHEN_WORDS = frozenset(("long", "soon", "time", "when", "until", "till", "quickly"))
_JOINING = frozenset(("and", "or", "but", "also"))


def _comes_back(words: list[str]) -> str | None:
    """The words of ``words`` that say something comes back ("recur", "come back"; not "come
    back to work"), asked in one clause with a word asking a length of time; or None."""
    for k, word in enumerate(words):
        if word in _RETURNING:
            typed = word
        elif word in _COME and words[k + 1 : k + 2] == ["back"] and words[k + 2 : k + 3] != ["to"]:
            typed = f"{word} back"
        else:
            continue
        for at, asking in enumerate(words):
            between = words[min(at, k) + 1 : max(at, k)]
            if asking in _WHEN_WORDS and _JOINING.isdisjoint(between):
                return typed
    return None


def _unreturned(ix: Index, named: list[Thing], words: list[str], kind: str | None) -> str | None:
    """What a question asks the time until it comes back ("how long before the spasms recur
    after MVD", "the average time before spasms come back"), as typed, when no sentence of the
    guide saying something comes back holds a length of time, and no sentence of a thing the
    question names says how long it lasts (Botox's three months is how long until the
    twitching returns): the guide counts how many it comes back to (7%), never when. None
    otherwise."""
    # ("how long" may be read as no figure asked after a story: "after the operation how
    # long before it comes back")
    timed = kind == "duration" or any(
        (w == "time" and words[k + 1 : k + 2] and words[k + 1] in _UNTIL_WORDS)
        or (w == "how" and words[k + 1 : k + 2] in (["long"], ["soon"]))
        for k, w in enumerate(words)
    )
    if not timed or (returning := _comes_back(words)) is None:
        return None
    # how long a thing named lasts (its record's aspects and figures: "Usually lasts three
    # months" of treatment:botox/duration)
    for t in named:
        for rowid, row in enumerate(ix.rows):
            if not _belongs(ix, rowid, t):
                continue
            for k in _sentences(ix, rowid):
                text = titled(ix, k)
                if not _LASTS.isdisjoint(WORD.findall(text.lower())) and holds_figure(
                    "duration", row.passages[k - ix.first[rowid]]
                ):
                    return None
    said = sorted(match(ix.db, _RETURN_TERMS, "passages"))
    texts = ix.db.execute(
        f"SELECT text FROM passages WHERE rowid IN ({','.join(map(str, said))})"
    ).fetchall()
    # (an item of a list of its own: "2% report a delay in the month after surgery" times no
    # recurrence)
    if any(
        holds_figure("duration", part)
        for row in texts
        for part in str(row[0]).split(";")
        if any(w in part.lower() for w in _RETURN_WORDS)
    ):
        return None
    return returning


def _aspect_length(
    ix: Index, text: str, first: Sequence[tuple[int, Entry, range]], vocab: Vocabulary
) -> str | None:
    """The aspect asked the length of ("the side effects of Botox": side effects), when it is
    the title of a treatment's aspect record ("Botox injections: side effects") and no sentence
    shown that holds a length of time is of such a record; else None."""
    run = _length_asked(text, vocab)
    if not run:
        return None
    asked = _singular(run)
    aspects = {
        rowid
        for rowid, row in enumerate(ix.rows)
        if "/" in row.id
        and ": " in row.title
        and _singular(WORD.findall(row.title.split(": ", 1)[1].lower())) == asked
    }
    if not aspects:
        return None
    lengths = [
        rowid for rowid, _, shown in first for k in shown if holds_figure("duration", titled(ix, k))
    ]
    if not lengths or aspects.intersection(lengths):
        return None  # no length shown (search says so itself), or one of the aspect asked
    return " ".join(run)


def _unlasting(ix: Index, asked: Sequence[Asked], text: str, vocab: Vocabulary) -> str | None:
    """What a question asks the length of ("how long does hearing loss last after MVD": hearing
    loss, the guide's "decreased hearing"), when it names no record (a treatment's own length is
    read above), the guide speaks of it (each concept of it, as search matched it, in one
    sentence), and no sentence that speaks of it, read with its record's title, holds a length
    of time: the guide gives no length of it. None otherwise."""
    run = _length_asked(text, vocab)
    # what follows a record's own name is asked of it ("the sponge surgery recovery pain": the
    # recovery pain of the surgery); a record's own name last is read above (its figures)
    if any(" ".join(run[k:]) in ix.own_names for k in range(len(run))):
        return None  # "how long does botulinum toxin last": a record's own name, read above
    named = [k for k, w in enumerate(run) if w in ix.own_names]
    if named:
        run = run[named[-1] + 1 :]
    if not run or any(w in vocab.filler or w in vocab.subject or not w.isalpha() for w in run):
        return None
    name = _unlasting_run(ix, asked, run)
    if name is None and len(run) > 1:  # "recovery pain": the pain, said of nothing with a length
        name = _unlasting_run(ix, asked, run[-1:])
    return name


def _unlasting_run(ix: Index, asked: Sequence[Asked], run: list[str]) -> str | None:
    """``run`` (what is asked the length of), when the guide speaks of it and gives no length of
    it (_unlasting); None otherwise."""
    name = " ".join(run)
    parts = [a for a in asked if a.terms and (a.concept.typed == name or a.concept.typed in run)]
    if not parts or any(a.related or a.read_as or _aside(a.concept) for a in parts):
        return None  # a word read otherwise: search says so itself
    covered = {w for a in parts for w in a.concept.typed.split()}
    if not set(run) <= covered:
        return None
    expression = " AND ".join("(" + " OR ".join(a.terms) + ")" for a in parts)
    sentences = set(match(ix.db, expression, "passages"))
    if not sentences:
        return None  # never said together: not a thing the guide speaks of
    for rowid in match(ix.db, "{title} : (" + expression + ")"):
        sentences.update(_sentences(ix, rowid))
    if any(holds_figure("duration", titled(ix, k)) for k in sentences):
        return None
    return name
