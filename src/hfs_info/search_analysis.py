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
from collections.abc import Callable
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from hfs_info import query
from hfs_info.english import COMMON_ZIPF as COMMON_ZIPF  # re-exported: search reads it here
from hfs_info.english import bands
from hfs_info.english import zipf as zipf
from hfs_info.patterns import deferred
from hfs_info.text import CARDINALS, ORDINALS, ROMAN, number_of, said_signs

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
_ASKED_SENTENCE = deferred(r"(?<=[.!?])\s+")

# A word as FTS5's unicode61 tokenizer sees one: letters and digits (an underscore separates).
WORD = deferred(r"[^\W_]+")
_SEGMENT = deferred(r'"([^"]*)"?|(\S+)')
_CONTRACTION = deferred(r"\b(what|who|how|where|it|that|there|he|she|here)'s\b")
# "I've", "you're", "I'd", "we'll", "I'm": the pronoun is all that counts
_PRONOUN_VERB = deferred(r"(\w)'(?:ve|re|d|ll|m)\b")
_NEGATION = deferred(r"n't\b")
_POSSESSIVE = deferred(r"(\w)'s\b")

# A word of COMMON_ZIPF or more (english.py) is a common word: never read as a typo of another.
# At FILLER or more it is filler, never a missing topic.
FILLER_ZIPF = 5.5
ADVERBS = "adverbs.txt"
ADJECTIVES = "adjectives.txt"
VERBS = "verbs.txt"
# The guide itself and its parts, as the dataset names the kinds of its records (a test keeps
# them to the dataset's kinds): a word beside one speaks of the guide, not of a topic.
GUIDE_PARTS = frozenset(
    (
        *("guide", "section", "sections", "figure", "figures", "glossary", "link", "links"),
        *("reference", "references", "registry", "registries"),
    )
)
# The words for the guide's web pages and addresses, its links and registries ("the website
# listed for blepharospasm", "who reviewed this page"): they speak of the guide or a part of it
# as its names do.
ADDRESS_PARTS = frozenset(
    ("website", "websites", "site", "sites", "web", "webpage", "url", "page", "pages")
)


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
    # The number the concept names as the guide names things by number (7th, seventh, VII,
    # "CN 7", "nerve 7"), not a count ("7%", "5 branches"): only such a number keeps records
    # about another numbered thing out (CN VIII is never answered with CN VII).
    number: int | None = None
    # Asks for something a patient guide may not say at all ("cost", "near me", "on its own",
    # "stand for"): searched only as typed; when the guide never uses the words, the question
    # has no answer here, whatever its other words match.
    asking: bool = False
    # Terms of the guide's word for the opposite ("involuntary" for "voluntary"), tried only
    # when nothing else matches; a concept matched by these is said as the opposite.
    opposites: tuple[tuple[str, float], ...] = ()
    # A count typed as a percentage ("8%", "8 percent"): it is a share, found only where the
    # guide gives that share (8% is never the 8 people in 100,000).
    percent: bool = False


class Question(NamedTuple):
    concepts: tuple[Concept, ...]
    intents: frozenset[str]
    # Words typed apart or glued, each with the word it was read as ("hemi facial" ->
    # "hemifacial", "cn7" -> "cn 7"): said in the answer, as typos read as words are.
    read_as: tuple[tuple[str, str], ...] = ()
    # Read word by word because nothing but question words and filler was typed ("results",
    # "doctor"): every such word the guide uses is a topic.
    literal: bool = False


# A terminal escape sequence: CSI (ESC [ parameters final), OSC (ESC ] ... BEL or ESC \) or
# another escape (ESC, intermediates, a final: "ESC ( B").
_ESCAPE = deferred(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~]?)")


# NEAR in capitals, as search engines and FTS5 write the operator ("botox NEAR(surgery)"); AND,
# OR and NOT are stop words in any case.
_OPERATOR = deferred(r"\bNEAR\b")


def normalize_query(text: str) -> str:
    """What a person typed, as search reads it: the sign of a notice read as its word ("©":
    copyright), NFKC (full-width letters, ligatures, combining accents composed), case-folded,
    curly apostrophes straightened, private-use characters (which the highlight markers are)
    removed."""
    if "\x1b" in text:  # a terminal escape sequence is no word ("\x1b[31m" is not "31m")
        text = _ESCAPE.sub(" ", text)
    if "NEAR" in text:  # a query operator typed as such, not the guide's "near" (the eye)
        text = _OPERATOR.sub(" ", text)
    if not text.isascii():  # "©" is searched as "copyright", the word it is read as
        text = said_signs(text)
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
    if len(parts) >= 2 and not asked:
        # no question mark: the sentences that ask all the same ("She wants to know how the
        # Botox stops the twitch.") are the question, the others its story
        asked = [p for p in parts if _INDIRECT.search(p)]
        if len(asked) == len(parts):
            asked = []
    if len(parts) < 2 or not asked:
        return _read(text, vocabulary)
    question = _read(" ".join(asked), vocabulary)
    story = [p for p in parts if p not in asked]
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


# Letters with digits glued after them ("cn7", "cn7th"): two words, as lookups read them.
_GLUED = deferred(r"([^\W\d_]+)([0-9]+(?:st|nd|rd|th)?)")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
# What may stand between the parts of one word typed apart: a space or a hyphen.
_APART = deferred(r" ?- ?| ")
# The most parts one word is read from ("micro vas cular" at most).
MOST_PARTS = 3


def read_apart(
    text: str, is_word: Callable[[str], bool], vocabulary: Vocabulary
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each word typed apart or glued read as one word, and what was read as
    what. Two or three words in a row ("hemi facial", "micro-vascular", "botu linum", "eye
    lid") whose letters together make a word of the guide (``is_word``) are that word, unless
    one part is a stop word, each part already is a word of the guide, or the words are a
    phrase of the vocabulary ("a med" and "can not" stay apart, "side effects" stays two words,
    "brain stem" is the vocabulary's phrase for brainstem). A number and
    its ordinal ending typed apart ("7 th") are one ordinal; letters with a number glued after
    them ("cn7") are two words, as lookups read them. Nothing else is joined, and no number is
    joined to a word."""
    text, shorthand = read_sexes(normalize_query(text))
    tokens = list(WORD.finditer(text))
    out: list[str] = []
    read: list[tuple[str, str]] = list(shorthand)
    last = i = 0
    while i < len(tokens):
        word = tokens[i].group()
        size, replacement = 1, None
        glued = _GLUED.fullmatch(word)
        if glued:
            replacement = f"{glued[1]} {glued[2]}"
        elif (
            word.isdigit()
            and _apart(text, tokens[i : i + 2])
            and tokens[i + 1].group() in _ORDINAL_ENDINGS
        ):
            size, replacement = 2, word + tokens[i + 1].group()
        if replacement is None:
            for size in range(MOST_PARTS, 1, -1):
                group = tokens[i : i + size]
                if len(group) < size or not _apart(text, group):
                    continue
                if joined := _joined(group, is_word, vocabulary):
                    replacement = joined
                    break
            else:
                size = 1
        if replacement is None and _dropped_g(word, is_word):
            replacement = word + "g"  # "workin": working, as it is said
        if replacement is None:
            i += 1
            continue
        start, end = tokens[i].start(), tokens[i + size - 1].end()
        out += [text[last:start], replacement]
        read.append((text[start:end], replacement))
        last = end
        i += size
    out.append(text[last:])
    return "".join(out), tuple(read)


# A word typed without the g of its -ing ("workin") is read with it when the -ing word is at
# least this much more common (Zipf: a hundred times); "raisin" stays a raisin.
DROPPED_G = 2.0


def _dropped_g(word: str, is_word: Callable[[str], bool]) -> bool:
    """Whether ``word`` is a word ending in -ing typed as it is said ("workin", "startin",
    "nothin"): not a word of the guide, and far less common than the word with its g."""
    if len(word) < 5 or not word.endswith("in") or not word.isalpha() or is_word(word):
        return False
    return zipf(word + "g") >= COMMON_ZIPF and zipf(word + "g") >= zipf(word) + DROPPED_G


def _apart(text: str, group: list[re.Match[str]]) -> bool:
    """Whether ``group`` holds two or more words typed one after the other, only a space or a
    hyphen between them."""
    return len(group) > 1 and all(
        _APART.fullmatch(text[a.end() : b.start()]) for a, b in pairwise(group)
    )


def _joined(
    group: list[re.Match[str]], is_word: Callable[[str], bool], vocabulary: Vocabulary
) -> str | None:
    parts = [m.group() for m in group]
    joined = "".join(parts)
    stop_words = vocabulary.stop_words
    if any(c.isdigit() for c in joined) or joined in stop_words:
        return None
    if " ".join(parts) in vocabulary.words or " ".join(parts) in vocabulary.forms:
        return None
    if any(p in stop_words for p in parts) or all(is_word(p) for p in parts):
        # a stop word is a word of its own ("a med" is not "amed", "can not" not "cannot"),
        # and so are words of the guide side by side ("side effects")
        return None
    return joined if is_word(joined) else None


def read_literally(text: str, vocabulary: Vocabulary) -> Question:
    """A question of nothing but question words and filler ("results", "doctor", "how long"),
    read word by word: each word that is not a stop word is a topic (it names no missing
    topic if the guide lacks it: it is filler)."""
    words = WORD.findall(normalize_query(text))
    concepts = {
        w: _concept(w, vocabulary, _naming(words, i))
        for i, w in enumerate(words)
        if w not in vocabulary.stop_words
    }
    return Question(tuple(concepts.values()), frozenset(), literal=True)


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
_INDIRECT = deferred(r"\b(?:how|what|why|which|whether)\b")


# Phrases of the vocabulary's "beyond" questions that say "left alone" ("on its own"); and the
# words of a condition going away or getting better, beside which they ask of its course.
ALONE = frozenset(
    ("on its own", "on it is own", "on their own", "by itself", "by themselves", "naturally")
)
GOING_AWAY = frozenset(
    (
        *("go", "goes", "going", "gone", "went", "away", "disappear", "disappears", "vanish"),
        *("better", "improve", "improves", "improved", "improving", "heal", "heals", "healed"),
        *("resolve", "resolves", "resolved", "cure", "cured", "cures", "recover", "recovers"),
        *("stop", "stops", "stopped", "clear", "clears", "fade", "fades", "ease", "eases"),
        *("subside", "subsides", "settle", "settles", "end", "ends", "pass", "passes", "fix"),
        *("untreated", "left"),
    )
)


# "How much" before a word for things counted, as a learner of English writes "how many".
_MUCH_AS_MANY = (
    r"\bhow much (?=(?:people|patients|persons|person|times|days|weeks|months|years|injections"
    r"|shots|cases|pills|tablets|operations|surgeries)\b)"
)


# A clinician's shorthand for which sex is affected more: F>M, M > F, F<M, F:M (female and
# male), the letters standing alone (not part of a word), as a chart writes it.
_SEXES = deferred(r"(?<![\w>:<])([fm]) ?([<>:]) ?([fm])(?![\w>:<])")
_SEX_NAMES = {"f": "women", "m": "men"}


def read_sexes(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` (normalized) with a chart's shorthand for the sexes read as words, and what was
    read as what: F>M (and M<F) is "more often in women", M>F "more often in men", F:M "women
    and men". The same letter on both sides, or letters inside a word, stay as typed."""
    if not (">" in text or "<" in text or ":" in text):
        return text, ()
    read: list[tuple[str, str]] = []

    def sexes(match: re.Match[str]) -> str:
        first, sign, second = match.groups()
        if first == second:
            return match.group()
        if sign == ":":
            words = f"{_SEX_NAMES[first]} and {_SEX_NAMES[second]}"
        else:
            words = f"more often in {_SEX_NAMES[first if sign == '>' else second]}"
        read.append((match.group(), words))
        return f" {words} "

    text = _SEXES.sub(sexes, text)
    return (" ".join(text.split()), tuple(read)) if read else (text, ())


def as_meant(text: str) -> str:
    """``text`` with a learner's "how much" read as meant: "how much people" is how many,
    "how much time" how long (the question forms search reads)."""
    if "how much" not in text:
        return text
    text = re.sub(_MUCH_AS_MANY, "how many ", text)
    return re.sub(r"\bhow much time\b", "how long", text)


def _left_alone(text: str) -> bool:
    """Whether "on its own", "by itself" (ALONE) asks of the course left alone: a word of going
    away or getting better is typed ("will it go away by itself"), and an ALONE phrase does not
    say how a movement comes, right after its verb ("my eye keeps closing by itself", "stop
    twitching on its own after the shots": unbidden, whatever else goes away)."""
    words = WORD.findall(text)
    # "left" of the left side, eye or cheek is no "left alone"
    going = {w for i, w in enumerate(words) if not (w == "left" and _side_after(words, i))}
    if not GOING_AWAY.intersection(going):
        return False
    found = [
        (i, len(phrase.split()))
        for phrase in ALONE
        for i in range(len(words))
        if words[i : i + len(phrase.split())] == phrase.split()
    ]
    return not found or not all(_unbidden(words, i, size) for i, size in found)


def _unbidden(words: list[str], i: int, size: int) -> bool:
    """Whether the ALONE phrase of ``size`` words at ``words[i]`` says how a movement comes:
    right after its verb ("closing by itself", "pulls up on its own"), not after stopping it
    ("stop twitching on its own" asks of the course) unless a treatment's time follows ("stop
    closing by itself after the shots")."""
    at = i - 2 if i > 1 and words[i - 1] == "all" else i - 1
    if at < 0 or not (_moving(words[at]) or words[at] in _MOVEMENTS):
        return False
    stopping = at > 0 and words[at - 1] in GOING_AWAY
    return not stopping or bool(_TREATED.intersection(words[i + size : i + size + 1]))


# Words after "by itself" that say when, with what: "stop closing by itself after the shots".
_TREATED = frozenset(("after", "with", "following", "once", "since"))


# Verbs of the face's movements, as a learner of English may write them before "alone" ("the
# eye close alone", "my face moves alone", "the mouth goes up alone").
_MOVEMENTS = frozenset(
    (
        *("close", "closes", "closed", "shut", "shuts", "move", "moves", "moved", "twitch"),
        *("twitches", "twitched", "jump", "jumps", "jumped", "blink", "blinks", "wink", "winks"),
        *("pull", "pulls", "pulled", "contract", "contracts", "squeeze", "squeezes", "up"),
    )
)


# What "left" may be the side of: "my left eye", "the left side of my face".
_SIDED = frozenset(
    ("side", "eye", "eyes", "eyelid", "cheek", "face", "half", "ear", "mouth", "lip", "brow")
)


def _side_after(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` ("left") names a side: a part of the face follows it."""
    return i + 1 < len(words) and words[i + 1] in _SIDED


def _moves_alone(words: list[str]) -> bool:
    """Whether "alone" follows a verb of a movement ("closing alone", "close alone")."""
    return any(
        w == "alone" and i > 0 and (words[i - 1] in _MOVEMENTS or _moving(words[i - 1]))
        for i, w in enumerate(words)
    )


def _moving(word: str) -> bool:
    """Whether ``word`` is a verb of a movement going on ("closing", "twitching", "shut"), not
    of going away or getting better ("going", "stopping", "improving")."""
    if word == "shut":
        return True
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    stems = (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem)
    return not GOING_AWAY.intersection(stems) and word not in GOING_AWAY


def _read(text: str, vocabulary: Vocabulary) -> Question:
    if '"' not in text and any(c.isdigit() for c in text):
        # a phone number typed is one thing, its parts are not counts
        text = re.sub(JOINED_NUMBER, lambda m: f'"{m.group()}"', text)
    text = as_meant(text)
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
    if "beyond" in intents and not _left_alone(text):
        # "by itself" asks of the course left alone only beside the condition going away or
        # getting better ("will it go away by itself"); "my eye keeps closing by itself" says
        # the spasm comes unbidden
        concepts = [c for c in concepts if not (c.asking and c.typed in ALONE)]
        if not any(c.asking for c in concepts):
            intents.discard("beyond")
    if "%" in text:  # "8%": the count 8 as a share, as "8 percent" is (no question form)
        typed = set(re.findall(r"(\d+)\s*%", text))
        concepts = [
            c._replace(percent=True) if c.typed in typed and c.number is None else c
            for c in concepts
        ]
    if "alone" in text and _moves_alone(WORD.findall(text)):
        # "my eye is closing alone", "the mouth go up alone": the spasm comes unbidden, as
        # "by itself" after such a verb says; never a topic the guide lacks
        concepts = [c for c in concepts if c.typed != "alone"]
    concepts = _sexes_compared(concepts, vocabulary)
    concepts = _where_it_twitches(concepts, vocabulary)
    # A word typed twice is one concept.
    unique = {c.typed: c for c in concepts}
    return Question(tuple(unique.values()), frozenset(intents))


# The parts of the face the spasm is told of as twitching in, that the guide names only for
# something else: a drooping eyelid (Botox), the pain of trigeminal neuralgia (forehead, cheek,
# jaw, teeth), what the facial nerve moves (mouth, lips, eyebrows).
_FACE_PARTS = frozenset(
    (
        *("eyelid", "eyelids", "lid", "lids", "cheek", "cheeks", "jaw", "forehead", "mouth"),
        *("lip", "lips", "brow", "brows", "eyebrow", "eyebrows"),
    )
)
# The guide's words of the spasm's movement: a word typed that is one, or means one.
_TWITCHING = frozenset(("twitch", "twitches", "twitching", "twitched", "spasm", "spasms", "tic"))


def _where_it_twitches(concepts: list[Concept], vocabulary: Vocabulary) -> list[Concept]:
    """``concepts`` with a part of the face that the spasm twitches in ("my eyelid keeps
    twitching and now my cheek too", "spasms in my lip") weighed as the guide's subject is:
    it says where the spasm is, not a topic of its own (the cheek of trigeminal neuralgia's
    pain, the drooping eyelid of Botox); only beside a word of twitching, typed or of the same
    meaning ("fluttering")."""
    if not any(c.typed in _FACE_PARTS for c in concepts):
        return concepts
    moving = any(
        c.typed in _TWITCHING or _TWITCHING.intersection(vocabulary.words.get(c.typed, ()))
        for c in concepts
    )
    if not moving:
        return concepts
    return [
        c._replace(weight=SUBJECT_WEIGHT, terms=(*c.terms, (_PART_OF[c.typed], PART_TERM)))
        if c.typed in _FACE_PARTS
        else c
        for c in concepts
    ]


# What the guide calls the place of each part of the face the spasm twitches in: near the eye
# (an eyelid, a brow), and down the face (a cheek, the mouth, the jaw); weighed below the part
# typed.
_PART_OF = {
    **dict.fromkeys(("eyelid", "eyelids", "lid", "lids", "brow", "brows"), '"eye"'),
    **dict.fromkeys(("eyebrow", "eyebrows"), '"eye"'),
    **dict.fromkeys(("cheek", "cheeks", "jaw", "forehead", "mouth", "lip", "lips"), '"face"'),
}
PART_TERM = 0.5


# The guide's comparison of the sexes is "more often in women": its words, other than the
# sexes, in a question that asks which sex it affects more ("is it more common in women or
# men", "do men get it more", "does it affect males").
_COMPARING = frozenset(
    (
        "more", "less", "fewer", "than", "common", "commoner", "often", "frequent",
        "frequently", "likely", "affect", "affects", "affected", "prevalent", "prevalence",
        "mostly", "mainly", "predominantly", "equally", "both", "either", "compared",
        "comparison", "how common", "how often", "how likely", "how frequent", "rare", "rarer",
        "prone", "susceptible", "likelier", "commonly",
    )
)  # fmt: skip
_GUIDE_SEX = '"women"'


def _sexes_compared(concepts: list[Concept], vocabulary: Vocabulary) -> list[Concept]:
    """A question that asks only which sex hemifacial spasm affects more, or whether men get
    it, is answered by the guide's comparison ("slightly more often in women"), which speaks
    of men too: a word for men there is the comparison's other side, found as the guide's
    word, never a topic the guide lacks. Asked of anything else ("the age of onset in men",
    "the ratio of men to women"), the guide says nothing of men, and the word stays only
    related (the answer says so)."""
    men = [c for c in concepts if any(term == _GUIDE_SEX for term, _ in c.related)]
    if not men:
        return concepts
    for c in concepts:
        sex = c in men or any(term == _GUIDE_SEX for term, _ in c.terms)
        subject = c.typed in vocabulary.subject or _names_subject(c.typed, vocabulary)
        if not (sex or subject or c.typed in _COMPARING):
            return concepts
    return [
        c._replace(terms=(*c.terms, *c.related), related=()) if c in men else c for c in concepts
    ]


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
            # "failing" is an intent only: its words are read as they would be without it
            if phrase in questions and questions[phrase] == ("failing",):
                intents.add("failing")
            elif phrase in questions:
                for intent in questions[phrase]:
                    intents.add(intent)
                if "beyond" in questions[phrase]:
                    out.append(Concept(phrase, ((quoted(phrase), 1.0),), form=True, asking=True))
                elif "source" in questions[phrase] and size == 1:
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
                if size == 1 and _labels_number(words, i):  # "number" of "nerve number 7"
                    break
                concept = _concept(phrase, vocabulary, _naming(words, i) if size == 1 else "")
                if size == 1 and concept.number is None and _as_share(words, i):
                    concept = concept._replace(percent=True)  # "8 percent", "8%"
                if phrase in vocabulary.subject or _names_subject(phrase, vocabulary):
                    concept = concept._replace(weight=SUBJECT_WEIGHT)
                out.append(concept)
                break
        i += size
    return out


# Words after a count that make it a share ("8 percent", "8 per cent", "8 pc").
_SHARE_WORDS = frozenset(("percent", "per", "pc", "pct", "percentage"))


def _as_share(words: list[str], i: int) -> bool:
    """Whether the count at ``words[i]`` (digits) is a percentage: "percent" after it."""
    return words[i].isdigit() and i + 1 < len(words) and words[i + 1] in _SHARE_WORDS


def shares(spellings: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` gives a share of one of the count's ``spellings`` ("8%", "8 percent")."""
    return any(
        re.search(rf"(?<![\d.,]){re.escape(spelling)}\s*(?:%|percent\b|per cent\b)", text, re.I)
        for spelling in spellings
        if spelling.isdigit()
    )


def _names_subject(phrase: str, vocabulary: Vocabulary) -> bool:
    """Whether ``phrase`` means only words naming the guide's subject ("jumping": twitching):
    it weighs as they do."""
    same = (*_lookup(vocabulary.words, phrase), *_lookup(vocabulary.forms, phrase))
    return bool(same) and all(word in vocabulary.subject for word in same)


def _same_meaning(phrase: str, vocabulary: Vocabulary) -> bool:
    return phrase in vocabulary.words or phrase in vocabulary.forms


def _question_forms(vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    forms: dict[str, tuple[str, ...]] = {}
    for intent, phrases in vocabulary.questions.items():
        for phrase in phrases:
            forms[phrase] = (*forms.get(phrase, ()), intent)
    return forms


def _concept(phrase: str, vocabulary: Vocabulary, naming: str = "") -> Concept:
    """The concept of ``phrase``; ``naming`` is what a number beside it names ("nerve" in "CN
    7" and "the 7 nerve", "figure" in "figure 2"), empty for a number that counts."""
    terms: dict[str, float] = {quoted(phrase): 1.0}
    for form in _lookup(vocabulary.forms, phrase):
        terms.setdefault(quoted(form), TERM)
    for word in _lookup(vocabulary.words, phrase):
        terms.setdefault(quoted(word), TERM)
    number = _number(phrase, naming)
    if number is None and phrase in _TENS:  # "ninety percent": a count, never an ordinal
        number = _TENS[phrase]
    names = None
    if number is not None:
        count = phrase.isdigit() or phrase in _NUMBER_WORDS or phrase in _TENS
        if count and not naming:  # "7%", "5 branches": only ever a count
            spellings = count_spellings(number)
        else:  # the guide writes "Figure 2" and "Reference 1" with digits, a nerve never
            spellings = number_spellings(number, ordinal=naming != "figure")
            names = number
        for spelling in spellings:
            terms.setdefault(quoted(spelling), TERM)
        if count and phrase.isdigit() and number >= 1000:
            # "100000" as the guide writes it, "100,000": its groups of digits, as words
            terms.setdefault(quoted(f"{number:,}".replace(",", " ")), TERM)
        if naming == "figure" and phrase.isdigit():
            # "figure 9" is the guide's Figure 9 or Reference 9 or nothing, never the 9% of
            # a count: the number is searched as the guide writes those, after their word
            terms = {quoted(f"figure {phrase}"): 1.0, quoted(f"reference {phrase}"): TERM}
        elif naming == "nerve" and phrase.isdigit():
            # The guide numbers a nerve 7th, seventh or VII, never with bare digits: "CN 8"
            # is the eighth nerve, not the 8 people in 100,000 (nor "CN 3" Figure 3); and an
            # ordinal as common as filler says other things ("the first month", "a second
            # operation"), so "CN 1" is not read as "first".
            del terms[quoted(phrase)]
            for spelling in spellings:
                if spelling.isalpha() and zipf(spelling) >= FILLER_ZIPF:
                    terms.pop(quoted(spelling), None)
            terms = {term: 1.0 if i == 0 else w for i, (term, w) in enumerate(terms.items())}
    related = {
        quoted(word): TERM
        for word in _lookup(vocabulary.related, phrase)
        if quoted(word) not in terms
    }
    opposites = tuple((quoted(word), TERM) for word in _lookup(vocabulary.opposites, phrase))
    return Concept(
        phrase,
        tuple(terms.items()),
        related=tuple(related.items()),
        number=names,
        opposites=opposites,
    )


def within_ranges(
    question: Question, ranges: tuple[tuple[float, float, str, str], ...]
) -> Question:
    """``question`` with a count typed inside a range the guide gives of the thing the question
    names (``ranges``: each range's ends, how the guide writes it, "1 to 3", and what it counts,
    "injections") searched as that range too: "are two injections normal" is answered where the
    guide says 1 to 3 injections ("2 months" is never that range). A count at an end of a range
    is found as typed already; a percentage, an ordinal or a number that names a thing ("CN 2")
    is no count."""
    named = {term for c in question.concepts for term, _ in c.terms}
    ranges = tuple(r for r in ranges if quoted(r[3]) in named)
    if not ranges:
        return question
    concepts = []
    for c in question.concepts:
        count = c.typed.isdigit() or c.typed in CARDINALS
        n = number_of(c.typed) if count and c.number is None and not c.percent else None
        inside = [said for low, high, said, _ in ranges if n is not None and low < n < high]
        if inside:
            c = c._replace(terms=(*c.terms, *((quoted(said), TERM) for said in inside)))
        concepts.append(c)
    return question._replace(concepts=tuple(concepts))


def _number(word: str, naming: str) -> int | None:
    """The number ``word`` stands for; a roman numeral of one letter ("i", "v", "x") only
    beside a word for what the guide numbers ("CN V")."""
    if " " in word or (len(word) < 2 and not word.isdigit() and not naming):
        return None
    return number_of(word)


# What a number beside these words names: a cranial nerve ("CN 7", "cranial nerve 7", "the 7
# nerve", "7 cranial nerve"), or a figure or reference of the guide ("figure 2"). A number
# anywhere else counts ("7%", "5 branches", "12 cranial nerves"): it never stands for an
# ordinal (the 7% recurrence is not the seventh nerve), and an ordinal never for a count.
_NAMING_BEFORE = {"cn": "nerve", "nerve": "nerve", "figure": "figure", "fig": "figure"}
_NAMING_BEFORE |= {"figures": "figure", "reference": "figure", "references": "figure"}
# everyday words for the guide's figures: "picture 4" is Figure 4
_NAMING_BEFORE |= dict.fromkeys(
    ("picture", "pictures", "diagram", "image", "illustration"), "figure"
)
_NAMING_AFTER = {"nerve": "nerve", "cranial": "nerve", "cn": "nerve"}


# Words that label the number after them ("number 7", "no 7", "nr 7"): the number is named as
# what the words before the label name ("which nerve is the number 7", "figure number 2").
_LABELS = frozenset(("number", "no", "nr", "num"))
# How many words before a label may name what its number is ("which nerve is the number 7").
LABEL_REACH = 4


def _naming(words: list[str], i: int) -> str:
    """What the number at ``words[i]`` (if it is one) names, from the words beside it, or
    across a label from the words before it ("nerve number 7", "which nerve is the number 7")."""
    before = _NAMING_BEFORE.get(words[i - 1], "") if i > 0 else ""
    after = _NAMING_AFTER.get(words[i + 1], "") if i + 1 < len(words) else ""
    return before or after or _labelled(words, i)


def _labelled(words: list[str], i: int) -> str:
    """What a number after a label names: the nearest naming word within LABEL_REACH words
    before the label ("which nerve is the number 7": a nerve); empty when none is there."""
    if i < 1 or words[i - 1] not in _LABELS:
        return ""
    for word in reversed(words[max(0, i - 1 - LABEL_REACH) : i - 1]):
        if word in _NAMING_BEFORE or word in _NAMING_AFTER:
            return _NAMING_BEFORE.get(word) or _NAMING_AFTER[word]
    return ""


def _labels_number(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a label of a number the question names a thing by ("nerve number
    7", "what number is the facial nerve", "which nerve number"): a word of the question's
    wording then, never a topic ("number" is not the phone's)."""
    if words[i] not in _LABELS:
        return False
    if i + 1 < len(words) and _labelled(words, i + 1):
        return True
    # no number typed: "number" asks which, of a thing the guide numbers named in the question
    # (not a number to call: "is there a number I can ring for the nerve clinic")
    if words[i] != "number" or _CALLING.intersection(words):
        return False
    return any(w in _NAMING_BEFORE or w in _NAMING_AFTER for w in words)


# Words of calling someone: beside them, "number" is a phone number.
_CALLING = frozenset(
    ("call", "ring", "phone", "dial", "contact", "reach", "telephone", "talk", "speak", "text")
)


def count_spellings(number: int) -> tuple[str, ...]:
    """The ways the guide could write a count: 8 and eight (up to twelve); never 8th or VIII."""
    return (str(number), _NUMBER_WORDS[number - 1]) if 1 <= number <= 12 else (str(number),)


# Number words have one owner, text.py (the lookups read them the same way).
_ROMAN, _ORDINAL_WORDS, _NUMBER_WORDS = ROMAN, ORDINALS, CARDINALS
# The tens, as people write a percentage in words ("ninety percent"): counts only (no nerve
# or figure is numbered past twelve).
_TENS = {
    word: 10 * n
    for n, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2
    )
}


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
    counts ("7%", "these two things", "5 branches": a digit or a number word names only beside
    a word for what the guide numbers, a nerve or a figure) nor the numbers of the story around
    a question ("my wife is 51")."""
    return frozenset(c.number for c in concepts if c.number is not None and not c.background)


# A number of several parts written as one: a phone number (417-885-3888), a citation's volume
# and pages (38:686-691). A part of one is not a number of its own; a range ("1-3 injections",
# "1998-2018") is two numbers, each its own.
JOINED_NUMBER = r"\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d+:\d+(?:[\u2013-]\d+)?\b"


def counts_in(spellings: tuple[str, ...], text: str) -> bool:
    """Whether a number, in one of its ``spellings`` (7, seven), stands in ``text`` on its own,
    not as a part of a phone number or of a citation's volume and pages ("885" of 417-885-3888
    is no count of 885, "85" of 85:754-760 no 85 of anything)."""
    text = re.sub(JOINED_NUMBER, " ", text)
    if "igure" in text or "eference" in text:  # "Figure 2" is no count of 2 ("since 2 years")
        text = _LABEL.sub(" ", text.casefold())
    found = WORD.findall(text.casefold())
    words = set(found)
    if any(" " in spelling for spelling in spellings):  # "100 000": 100,000 in words
        words |= {" ".join(pair) for pair in pairwise(found)}
    return any(spelling in words for spelling in spellings)


def stem_prefix(word: str) -> str | None:
    """A prefix to try when a word matches nothing as typed (``diagnosed`` -> ``diagnos``)."""
    if number_of(word) is not None or any(c.isdigit() for c in word):
        return None  # a number is only ever itself
    for suffix in ("ations", "ation", "ness", "ment", "ings", "ing", "ful", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    for ending, base in _COMPARED:  # "riskier": risk(s), "weaker": weak(ness)
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and _compares(word, stem + base):
            return stem
    return None  # no ending to take off: "botulism" is not "botulinum"


# The endings of an adjective compared, with what its plain form ends in instead ("riskier":
# risky, "weakest": weak); read so only when the plain form is an English adjective.
_COMPARED = (("iest", "y"), ("ier", "y"), ("est", ""), ("er", ""))


def _compares(word: str, plain: str) -> bool:
    """Whether ``word`` is ``plain`` compared: ``plain`` is an English adjective, and ``word``
    no more common than it (a word of its own is: "number" is not more "numb")."""
    return plain in _listed(ADJECTIVES) and zipf(word) <= zipf(plain)


# --- what may be read as a typo, and what is filler ---------------------------------------------


def near_words(typed: str, known: list[str], limit: int = 3) -> list[str]:
    """The words of ``known`` within two slips of the keys of ``typed`` (Damerau edit distance:
    a letter added, dropped, changed, or two swapped), closest first; of words as close, the
    likelier slip first: a letter dropped ("botx": botox before both, "spams": spasms), two
    swapped ("cuases": causes before cases), a letter added, a letter changed; then the most
    alike by difflib's ratio. (difflib's ratio alone ranks a swap of two letters below an added
    one and misses "wrok" for "work".)"""
    from difflib import SequenceMatcher

    scored = []
    for word in dict.fromkeys(known):
        if word == typed or abs(len(word) - len(typed)) > 2:
            continue
        slips = query.edit_distance(typed, word, 2)
        if slips <= 2:
            # the likelier slip first: a letter dropped, two swapped, one added, one changed
            if len(word) > len(typed):
                slip = 0
            elif sorted(word) == sorted(typed):
                slip = 1
            else:
                slip = 2 if len(word) < len(typed) else 3
            alike = SequenceMatcher(None, typed, word).ratio()
            scored.append((slips, slip, -alike, word))
    return [word for *_, word in sorted(scored)[:limit]]


# From how many letters a word spelt as it sounds (sounds_like) may be three slips away.
SPELT_AS_SAID_LENGTH = 7


# First letters that may spell the same sound, which a person who heard a word may swap (c and
# k in "karbamazepine", f and the ph of "fenytoin"): such a slip is one of the slips may_correct
# counts, never more.
SPELT_ALIKE = {"c": "ks", "k": "cq", "q": "k", "s": "c", "f": "p", "g": "j", "j": "g", "z": "x"}


def may_correct(typed: str, close: str, sounds: bool = False) -> bool:
    """Whether a word the guide never uses may be read as ``close``, a word the guide uses: only
    a rare word or a non-word ("spams", "botx"), never a common English word ("plain",
    "worse"), never a number or into a number (CN VIII is not CN VII), and by one slip of the
    keys (two in a word of eight letters or more, or in a word that ``sounds`` like it:
    sounds_like; three in such a word of SPELT_AS_SAID_LENGTH letters or more), first letter
    kept (or a first letter spelt alike: SPELT_ALIKE)."""
    if len(typed) < 4 or close[0] not in (typed[0], *SPELT_ALIKE.get(typed[0], "")):
        return False
    if any(c.isdigit() for c in typed + close):
        return False
    if number_of(typed) is not None or number_of(close) is not None:
        return False
    if zipf(typed) >= COMMON_ZIPF:
        return False
    slips = 1 if len(typed) < 8 and not sounds else 2
    if sounds and len(typed) >= SPELT_AS_SAID_LENGTH:
        slips = 3  # a long word spelt as it sounds: "botocks" for botox, "reccurance"
    return query.edit_distance(typed, close, slips) <= slips


# Soundex (the US census's phonetic code, as Knuth gives it): letters that sound alike share a
# digit; vowels and y are not coded but part two letters of one sound, h and w do not.
_SOUNDEX = {
    **dict.fromkeys("bfpv", "1"),
    **dict.fromkeys("cgjkqsxz", "2"),
    **dict.fromkeys("dt", "3"),
    "l": "4",
    **dict.fromkeys("mn", "5"),
    "r": "6",
}


def soundex(word: str) -> str:
    """The Soundex code of ``word``, not cut to four characters: its first letter, then the
    digit of each sound ("botoks" and "botox": b32)."""
    code = [word[0]]
    last = _SOUNDEX.get(word[0], "")
    for letter in word[1:]:
        digit = _SOUNDEX.get(letter, "")
        if digit and digit != last:
            code.append(digit)
        if letter not in "hw":  # h and w do not separate two letters of one sound
            last = digit
    return "".join(code)


# The fewest letters a word spelt as it sounds has, to be read as a guide word.
SOUNDS_LIKE_LENGTH = 5


def sounds_like(typed: str, known: list[str]) -> list[str]:
    """The words of ``known`` that ``typed`` (a word of SOUNDS_LIKE_LENGTH letters or more, not
    a number) sounds like: the same Soundex code, within two letters of its length."""
    if len(typed) < SOUNDS_LIKE_LENGTH or not typed.isalpha():
        return []
    code = soundex(typed)
    return [
        w
        for w in dict.fromkeys(known)
        if w != typed and abs(len(w) - len(typed)) <= 2 and w.isalpha() and soundex(w) == code
    ]


# How a word is spelt by ear, or by a reader of Spanish or Portuguese (the guide's readers who
# learnt English later): letters of one sound written alike, in order. Accents are dropped
# first (operação: operacao); then the endings such a reader adds or writes otherwise ("-ción",
# "-ção", by ear "-shun" for -tion; a final vowel: síntoma, espasmo, toxina, medicina); then
# one spelling of a sound (ph f, th t, y i, ck k, c before e i s, c k, qu k, x ks, z s); a nasal
# before another consonant written n (symptoms, simtoms, sintoms); an e before an s and a
# consonant dropped (espasmo, estress, especialist); doubled letters once.
_LEARNT_ENDINGS = (
    *(("coes", "sions"), ("cao", "sion"), ("cion", "sion"), ("tion", "sion")),
    *(("shun", "sion"), ("shon", "sion")),  # by ear: "injecshun", "operashon"
)
_LEARNT_SOUNDS = (
    (r"ph", "f"),
    (r"th", "t"),
    (r"y", "i"),
    (r"ck", "k"),
    (r"c(?=[eis])", "s"),
    (r"qu|c", "k"),
    (r"x", "ks"),
    (r"z", "s"),
    (r"[mn]+p?(?=[^aeiou])", "n"),
    (r"^e(?=s[^aeiou])", ""),
    (r"(.)\1+", r"\1"),
)


@cache
def _learnt_sounds() -> tuple[tuple[re.Pattern[str], str], ...]:
    """_LEARNT_SOUNDS compiled when a word is first read so (not at import: start-up time)."""
    return tuple((re.compile(sound), spelling) for sound, spelling in _LEARNT_SOUNDS)


# The fewest letters a word read by its learner's spelling has: shorter words are too alike.
LEARNT_LENGTH = 5


@cache
def learnt_spelling(word: str) -> str:
    """``word`` as it sounds, the same for the ways a learner of English or a person writing by
    ear may spell it: "sintomas", "simtoms" and "symptoms" are all "sintoms"; "espasmo" and
    "spasm" "spasm"; "operacion" and "operation" "operasion"."""
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    ended = _learnt_ending(word)
    if ended is None:
        if len(word) > LEARNT_LENGTH and word[-1] in "aeo":
            word = word[:-1]  # síntoma, espasmo, medicina, toxina, nerve
        elif len(word) > LEARNT_LENGTH and word[-1] == "s" and word[-2] in "aeo":
            word = word[:-2] + "s"  # sintomas, espasmos
        ended = _learnt_ending(word)
    word = ended or word
    for sound, spelling in _learnt_sounds():
        word = sound.sub(spelling, word)
    return word


def _learnt_ending(word: str) -> str | None:
    """``word`` with its ending as said (-ción, -ção, -tion: -sion), or None if it has none."""
    for ending, said in _LEARNT_ENDINGS:
        for plural in ("", "s"):
            if word.endswith(ending + plural):
                return word[: len(word) - len(ending + plural)] + said + plural
    return None


def spelt_as_learnt(typed: str, known: list[str]) -> list[str]:
    """The words of ``known`` spelt as ``typed`` sounds to a learner (learnt_spelling): for a
    rare word or a non-word of LEARNT_LENGTH letters or more, never a number."""
    if len(typed) < LEARNT_LENGTH or not typed.isalpha() or zipf(typed) >= COMMON_ZIPF:
        return []
    if number_of(typed) is not None:
        return []
    key = learnt_spelling(typed)
    return [
        w
        for w in dict.fromkeys(known)
        if w != typed
        and w.isalpha()
        and len(w) >= LEARNT_LENGTH
        and number_of(w) is None
        and learnt_spelling(w) == key
    ]


# The words "work" may follow in "how X works" with no asking verb: how near the verb must be.
WORKS_REACH = 4
_WORKING = frozenset(("work", "works", "working"))
_HOW_MUCH = frozenset(("many", "much", "far", "often", "well", "long", "soon", "fast", "quickly"))


def works_unasked(words: list[str]) -> list[str] | None:
    """The words after "how" of "how X works" asked with no asking verb, as a learner of English
    or an indirect question asks it ("how botox works", "how this botox medicine work", "I want
    to know how the operation works"), with the verb as the guide titles the aspect ("works");
    None when "how" goes with a word saying how much or how well ("how well botox works", "how
    many people it works for") or no "work" is near."""
    if not words or words[0] in _HOW_MUCH or words[0] in _listed(ADJECTIVES):
        return None
    if words[0] in _adverbs():
        return None
    at = next((k for k, w in enumerate(words[: WORKS_REACH + 1]) if w in _WORKING), None)
    if not at:
        return None
    return [*words[:at], "works", *words[at + 1 : at + 2]]


def is_filler(word: str, vocabulary: Vocabulary) -> bool:
    """Whether a word says nothing about a topic: a stop word, a word of the vocabulary's filler
    list (family, greetings, the people one sees), a bare number (an age), a single letter ("r"
    for "are"), one of the most common words of English (Zipf FILLER_ZIPF or more: "own",
    "thing", "better"), a word that is only ever an adverb ("instead", "together", "mostly":
    data/adverbs.txt) unless it is made of an adjective that names something ("genetically"),
    or a slip of the keys away from a stop or filler word ("afer")."""
    if word.isdigit() or len(word) == 1:  # an age ("my mum is 61"), a letter ("r u ok")
        return True
    if word in vocabulary.stop_words or word in vocabulary.filler or zipf(word) >= FILLER_ZIPF:
        return True
    if word in _adverbs():
        # an adverb says how, when or how much, never what ("instead", "together", "mostly");
        # one made of an adjective says what its adjective says ("genetically", "surgically")
        return not word.endswith("ly") or is_filler(word[:-2], vocabulary)
    return _slip_of_filler(word, vocabulary)


@cache
def _adverbs() -> frozenset[str]:
    """The common English words that are only ever adverbs (data/adverbs.txt, compiled from a
    pinned lemminflect by tools/adverbs.py)."""
    from hfs_info.store import package_data

    data = package_data(ADVERBS)
    if data is None:  # pragma: no cover - every loader we ship with can read data files
        return frozenset()
    lines = data.decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _slip_of_filler(word: str, vocabulary: Vocabulary) -> bool:
    """Whether ``word`` is a non-word one slip of the keys from a stop or filler word ("afer",
    "wat", "til", "becuase"): a typo of a word that says nothing says nothing either."""
    if len(word) < 3 or any(c.isdigit() for c in word):
        return False
    # a word of English is a slip only of a word a hundred times more common ("wat" for what;
    # never "form" for from), as a dropped g is read (is_filler)
    least = zipf(word) + SLIP_RATIO_ZIPF if zipf(word) >= COMMON_ZIPF else 0.0
    return any(
        w[0] == word[0]
        and abs(len(w) - len(word)) <= 1
        and query.edit_distance(word, w, 1) <= 1
        and (not least or zipf(w) >= least)
        for w in (*vocabulary.stop_words, *vocabulary.filler, *_most_common())
        if len(w) >= 3
    )


# How much more common (on the Zipf scale: 2 is a hundred times) a word must be for a word of
# English one slip from it to be read as its slip.
SLIP_RATIO_ZIPF = 2.0


def frames(word: str, text: str, vocabulary: Vocabulary) -> bool:
    """Whether ``word`` frames the question rather than naming a topic the guide lacks: it says
    what the answer asked should be like, or it speaks of the guide itself."""
    return (
        describes_answer(word, text, vocabulary)
        or speaks_of_guide(word, text, vocabulary)
        or compares_sexes(word, text, vocabulary)
    )


def compares_sexes(word: str, text: str, vocabulary: Vocabulary) -> bool:
    """Whether ``word`` ("men") is the other side of the guide's comparison of the sexes as
    ``text`` asks it ("is it more common in women or men"): the guide's "more often in women"
    answers, so the word is no topic the guide lacks (see _sexes_compared)."""
    if _GUIDE_SEX.strip('"') not in _lookup(vocabulary.related, word):
        return False
    return any(
        c.typed == word and any(term == _GUIDE_SEX for term, _ in c.terms)
        for c in read_question(text, vocabulary).concepts
    )


def describes_answer(word: str, text: str, vocabulary: Vocabulary) -> bool:
    """Whether ``word``, as ``text`` uses it, only says what the answer asked for should be
    like: an adjective (only ever one in English: data/adjectives.txt) standing before the word
    that names the answer the question asks for, a word by which the vocabulary reads what is
    asked ("the realistic odds", "the overall picture", "the actual difference") or the figure
    asked ("the typical age"). It describes the answer, not a topic the guide lacks; an
    adjective before a thing ("a genetic test") names a kind of thing and stays a topic."""
    if word not in _listed(ADJECTIVES):
        return False
    words = WORD.findall(normalize_query(text))
    answers = _answer_words(vocabulary)
    for k, typed in enumerate(words):
        if typed != word:
            continue
        run: list[str] = []  # the words it describes, up to the next stop word
        for after in words[k + 1 :]:
            if after in vocabulary.stop_words:
                break
            run.append(after)
        if run and run[-1] in answers:
            return True
    return False


def speaks_of_guide(word: str, text: str, vocabulary: Vocabulary) -> bool:
    """Whether ``word``, as ``text`` uses it, speaks of the guide rather than of a topic: it
    names a part of the guide ("the links section"), or it is a verb (only ever one in English:
    data/verbs.txt) beside a word naming the guide or a part of it, words that say nothing
    aside ("according to the glossary", "what is shown in Figure 4", "what does Figure 3
    illustrate", "as defined in the guide"). A noun beside the guide stays a topic ("is
    pregnancy in the guide")."""
    parts = _PARTS
    if word in parts:
        return True
    if word not in _listed(VERBS):
        return False
    words = WORD.findall(normalize_query(text))
    content = [w for w in words if w in parts or not is_filler(w, vocabulary)]
    return any(
        typed == word and ((k and content[k - 1] in parts) or content[k + 1 : k + 2] in _PART_AFTER)
        for k, typed in enumerate(content)
    )


_PARTS = GUIDE_PARTS | ADDRESS_PARTS
_PART_AFTER = [[part] for part in _PARTS]


def _answer_words(vocabulary: Vocabulary) -> frozenset[str]:
    """The words that name an answer a question asks for: the last word of each phrase by which
    the vocabulary reads what is asked (odds, outcomes, picture, difference), but for what a
    patient guide may not say at all (cost, insurance: topics the guide lacks), and the figures
    and units a figure is asked in (age, hours)."""
    out = {
        phrase.split()[-1]
        for intent, phrases in vocabulary.questions.items()
        if intent != "beyond"
        for phrase in phrases
    }
    out |= {"age", *_UNITS, *_UNITS.values()}
    return frozenset(out - vocabulary.stop_words)


@cache
def _listed(name: str) -> frozenset[str]:
    """The words of a data file compiled at build time (one a line, # comments)."""
    from hfs_info.store import package_data

    data = package_data(name)
    if data is None:  # pragma: no cover - every loader we ship with can read data files
        return frozenset()
    lines = data.decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def _most_common() -> tuple[str, ...]:
    """The English words common enough to be filler (Zipf FILLER_ZIPF or more)."""
    return tuple(w for value, words in bands() if value >= FILLER_ZIPF for w in words.split())


# --- a figure asked for ---------------------------------------------------------------------------

# Read word by word, not by regular expressions: compiling them would cost every search more
# than reading (docs/benchmarks.md).

# Number words as the guide writes a figure (not "one": "one side" counts nothing).
_FIGURE_WORDS = frozenset(
    (
        *CARDINALS[1:],
        *("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
        *("hundred", "thousand"),
    )
)
# The units a question may ask a count of ("how many hours"): the answer must hold a number of
# them. Each unit and its plural.
_UNITS = {
    "second": "seconds",
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "night": "nights",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "mg": "mg",
    "milligram": "milligrams",
    "unit": "units",
    "ml": "ml",
}
# The words after "how many" that ask how many people: answered by a share of them or a count.
_PEOPLE = frozenset(
    ("people", "patients", "persons", "ppl", "folks", "individuals", "cases", "sufferers")
)
_TIMES = frozenset(("second", "minute", "hour", "day", "night", "week", "month", "year"))
# What kind of figure each asking phrase wants (its words, as read).
_FIGURE_ASKS = {
    ("what", "percentage"): "percentage",
    ("what", "percent"): "percentage",
    ("which", "percentage"): "percentage",
    ("what", "proportion"): "percentage",
    ("what", "share"): "percentage",
    ("what", "fraction"): "percentage",
    ("how", "likely"): "percentage",
    ("how", "long"): "duration",
    ("how", "soon"): "duration",
    ("how", "quickly"): "duration",
    ("how", "fast"): "duration",
    ("how", "many"): "number",
    ("how", "often"): "frequency",
    ("what", "age"): "age",
    ("how", "old"): "age",
    ("how", "common"): "number",
    ("how", "frequent"): "frequency",
    ("how", "frequently"): "frequency",
    ("how", "big"): "size",
    ("how", "large"): "size",
    ("how", "wide"): "size",
    ("how", "deep"): "size",
    ("what", "size"): "size",
}
# "what is the percentage of ...", "what are the odds": the words after "what is/are the" that
# ask for a percentage; "what recurrence rate", "what success rate": a rate asked of one word.
_PERCENTAGES = frozenset(("percentage", "percent", "proportion", "fraction", "share"))
# The units a size is given in ("3 cm", "a 2.5-centimetre opening"): a size is a number of them.
_SIZES = frozenset(
    ("mm", "cm", "millimeter", "millimetre", "centimeter", "centimetre", "inch", "inche")
)
# "what are the chances", "what is the success rate", "what's my risk rate": the words after
# "what is/are the (one word)" that ask for a percentage.
_CHANCES = frozenset(("chance", "chances", "odds", "likelihood", "rate", "rates"))
# "what is the average age", "what's the typical number": the words after "what is/are the"
# that ask for a figure (an age when "age" follows, else a number).
_AVERAGE = frozenset(("average", "mean", "median", "typical", "usual"))
# The words beside a number that make it an age ("at age 44", "aged 60", "44 years").
_AGE_BEFORE = frozenset(("age", "aged", "ages"))
_AGE_AFTER = frozenset(("year", "years"))


def _is_figure_number(word: str) -> bool:
    return word[0].isdigit() or word in _FIGURE_WORDS


def asked_figure(text: str, vocabulary: Vocabulary) -> str | None:
    """The kind of figure ``text`` asks for ("percentage" for what percentage, the chances or a
    rate; "duration" for how long, how soon; "number" for how many, how often, an average;
    "age" for what age, how old, the average age; or the unit asked a count of: "hours" for
    "how many hours"), None when it asks for none. Only
    a phrase that asks is read: at the start of a clause, after a stop word or filler ("and how
    long", "I want to know how long", "after how many years"), never inside a phrase about
    something else ("the test that measures how fast nerve signals travel")."""
    words = WORD.findall(normalize_query(text).replace("what's", "what is"))
    for i, word in enumerate(words):
        if word not in ("how", "what", "which"):
            continue
        kind = _FIGURE_ASKS.get((word, words[i + 1])) if i + 1 < len(words) else None
        if i and not is_filler(words[i - 1], vocabulary) and not (kind and i + 2 == len(words)):
            continue  # "the test that measures how fast": not what is asked ("shots how often",
            # the phrase ending the question, is)
        after = words[i + 2 : i + 3]
        if kind is None and word == "what":
            # "what are the chances", "what is the success rate", "what is my risk rate"
            rest = words[i + 1 : i + 5]
            asks = rest[:1] in (["is"], ["are"], ["s"]) and rest[1:2] in (["the"], ["my"])
            if asks and (set(rest[2:4]) & _CHANCES or (rest[2:3] and rest[2] in _PERCENTAGES)):
                return "percentage"
            if rest[1:2] in (["rate"], ["rates"]) and not is_filler(rest[0], vocabulary):
                return "percentage"  # "what recurrence rate", not "what is rate"
            if asks and rest[2:3] and rest[2] in _AVERAGE:
                return "age" if rest[3:4] == ["age"] else "number"
        if kind is None:
            continue
        if kind == "frequency" and not _HAD.intersection(words):
            kind = "number"  # how often the condition occurs: a share or a count answers
        if kind != "percentage" and after:
            unit = after[0][:-1] if after[0].endswith("s") else after[0]
            if unit in _UNITS:
                return _UNITS[unit]
            if (word, words[i + 1]) == ("how", "many") and after[0] in _PEOPLE:
                return "people"  # "how many people get relief": a share of them, or a count
        return kind
    if not {"how", "what", "which"} & set(words):
        # keywords that name a share ("hearing loss percent", "mvd success rate"); a number
        # before the word states a figure instead ("85 percent")
        for i, word in enumerate(words):
            if word in _KEYWORD_SHARES and not (i and words[i - 1].isdigit()):
                return "percentage"
    return None


# The words that ask for a share in a query of keywords, without a question word.
_KEYWORD_SHARES = frozenset(("percent", "percentage", "odds", "likelihood", "rate", "rates"))


def holds_figure(kind: str, text: str, itself: bool = False) -> bool:
    """Whether ``text`` holds a figure of ``kind`` (asked_figure): a percentage or a ratio ("8
    people in 100,000"), a duration ("within three days"), a number, an age ("at age 44", "44
    years"), or a number of the unit asked ("2 hours"). ``itself``: a length of time of the
    thing itself, not one counted from it ("two months after surgery" is not how long surgery
    takes)."""
    text = normalize_query(text)
    words = WORD.findall(text)
    numbers = [i for i, w in enumerate(words) if _is_figure_number(w)]
    if kind == "number":
        # a year ("1996"), a citation's volume and pages ("38:686-691") or the number of a
        # reference or a figure ("reference 1", "Figures 3 and 4") counts nothing
        counts = WORD.findall(_YEAR.sub(" ", _CITED.sub(" ", _LABEL.sub(" ", text))))
        return any(_is_figure_number(w) for w in counts)
    if kind == "age":  # "at age 44", "aged 60", "44 years"
        return any(
            _AGE_BEFORE.intersection(words[max(0, i - 2) : i])
            or _AGE_AFTER.intersection(words[i + 1 : i + 3])
            for i in numbers
        )
    if kind == "size":  # "3 cm", "2.5 millimetres", "an inch" is no figure
        return any(
            (w[:-1] if w.endswith("s") else w) in _SIZES
            for i in numbers
            for w in words[i + 1 : i + 2]
        )
    if kind == "frequency":
        # how often: a share ("92%", "8 in 100,000"), a number of times, or a count per unit
        # of time ("every three months", "twice a year"); how long a thing lasts ("usually
        # lasts three months") is no frequency, nor is a word such as "routinely"
        if holds_figure("percentage", text) or _OFTEN.intersection(words):
            return True
        if any(words[i + 1 : i + 2] in (["times"], ["time"]) for i in numbers):
            return True
        return any(
            w in _PER and any(_unit(x) in _TIMES for x in words[k + 1 : k + 3])
            for k, w in enumerate(words)
        )
    if kind == "people":  # a share of people ("85%", "8 in 100,000") or a count of them
        return holds_figure("percentage", text) or any(
            w in _PEOPLE for i in numbers for w in words[i + 1 : i + 3]
        )
    if kind == "percentage":
        if "%" in text or "percent" in words:
            return True
        # "8 people in 100,000", "1 in 3", "2 out of 10"
        return any(
            w in ("in", "out") and any(_is_figure_number(x) for x in words[j + 1 : j + 3])
            for i in numbers
            for j, w in enumerate(words[i + 1 : i + 3], start=i + 1)
        )
    if kind == "duration" and not itself and _AT_ONCE.intersection(words):
        return True  # "immediate relief": how soon something happens, not how long it lasts
    counted = (
        [i for i, w in enumerate(words) if w in ("few", "several", "couple")] + numbers
        if kind == "duration"
        else numbers
    )
    for i in counted:
        # "three days", "a couple of weeks"; "two months after surgery" is counted from it
        for j, w in enumerate(words[i + 1 : i + 3], start=i + 1):
            unit = w[:-1] if w.endswith("s") else w
            held = (unit in _TIMES) if kind == "duration" else w in (kind, kind.rstrip("s"))
            if held and not (itself and words[j + 1 : j + 2] and words[j + 1] in _COUNTED_FROM):
                return True
    return False


# The words of a question asking how often something is had or done ("how often do I need
# botox", "botox shots how often", "how often are blood tests done"), which only a frequency
# answers: how long a treatment lasts is no interval the guide gives.
_HAD = frozenset(
    (
        *("need", "needs", "needed", "have", "has", "get", "gets", "given", "give", "done"),
        *("repeat", "repeated", "redone", "go", "botox", "injection", "injections", "shot"),
        *("shots", "jab", "jabs", "test", "tests", "scan", "scans", "pill", "pills", "tablet"),
        *("tablets", "dose", "doses", "medication", "medicine", "drug", "drugs"),
    )
)
# Words that give a frequency themselves, and those that count per a unit of time ("every
# three months", "per year").
_OFTEN = frozenset(("twice", "daily", "weekly", "monthly", "yearly", "annually", "hourly"))
_PER = frozenset(("every", "per", "each", "a", "an"))


def _unit(word: str) -> str:
    """A unit of time as written once ("months": month)."""
    return word[:-1] if word.endswith("s") else word


# The words that say something happens at once: a time until it, in words.
_AT_ONCE = frozenset(("immediate", "immediately"))
# Numbers joined by a colon or a dash: a citation's volume and pages, a span of years.
_CITED = deferred(r"\d+(?:[:\u2013-]\d+)+")
# A year: not followed by a word it would count ("1996.", "July 2018"; "1996 patients" counts).
_YEAR = deferred(r"\b(?:1[89]|20)\d\d\b(?![ \t]+[^\W\d_])")
# A reference or a figure of the guide named by its number.
_LABEL = deferred(r"\b(?:references?|figures?|fig)\.? \d+(?: and \d+)?")


def asked_length(text: str) -> list[str]:
    """The words of what a question asks the length of itself ("how long does the operation
    take": the operation; "how long will the test last"), empty when it asks none: not how
    long until something happens ("how long does it take to work", "... before it kicks in")."""
    words = WORD.findall(normalize_query(text))
    for i, word in enumerate(words[:-2]):
        if word != "how" or words[i + 1] != "long" or words[i + 2] not in _ASKING_VERBS:
            continue
        for j in range(i + 3, min(i + 3 + LENGTH_WORDS, len(words))):
            if words[j] in _LASTING:
                after = words[j + 1 : j + 2]
                return [] if after and after[0] in _UNTIL else words[i + 3 : j]
    return []


# The verbs a question asks the length of something with, and what may follow them to ask how
# long until something happens instead ("take to work", "last until").
_ASKING_VERBS = frozenset(("do", "does", "did", "will", "would", "is", "was", "can", "should"))
_LASTING = frozenset(("take", "takes", "last", "lasts"))
_UNTIL = frozenset(("to", "before", "until", "till", "til", "for"))
# The most words between "how long does" and "take" that name what is asked about.
LENGTH_WORDS = 6
# The words after a length of time that count it from something ("two months after surgery"):
# not the length of that something.
_COUNTED_FROM = frozenset(("after", "following", "since", "from"))


def asking_sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences of ``text`` (normalized), each with whether it asks, as read_question
    reads them: those that end in "?", or, when none does, those with a question word."""
    parts = _sentences(text)
    asks = [p.rstrip().endswith("?") for p in parts]
    if not any(asks):
        asks = [bool(_INDIRECT.search(p)) for p in parts]
    return list(zip(parts, asks, strict=True))
