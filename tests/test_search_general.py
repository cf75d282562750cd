"""Search rules that hold for every word and question of a kind (issue 19, round 4).

Words typed apart or glued are read as the guide's word and said; every word of the guide's shown
text is found when searched alone; a count is never an ordinal nor an ordinal a count; a sentence
that refers back is shown with the sentence it refers to; a question asking for what the guide
never speaks of ("cost", "near me", "on its own") is a miss, whatever its other words match.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.document import HIGHLIGHT_END, HIGHLIGHT_START, unmarked
from hfs_info.errors import NotFoundError
from hfs_info.search_analysis import ALONE, GOING_AWAY, WORD, normalize_query
from hfs_info.search_index import build, match
from hfs_info.text import CARDINALS, ORDINALS, ROMAN
from tests.depth import examples

DS = store.load_packaged()
ENTRIES = search.entries(DS)
VOCAB = vocabulary.load()
INDEX = build(DS)


@cache
def is_word(word: str) -> bool:
    """Whether the guide's index holds ``word`` (in any word form)."""
    return bool(match(INDEX.db, search_analysis.quoted(word)))


def _shown_words() -> list[str]:
    """Every word of every record's shown text: title, other names, sentences."""
    words: set[str] = set()
    for e in ENTRIES:
        words |= set(WORD.findall(normalize_query(f"{e.title} {e.names} {e.body}")))
    return sorted(words)


SHOWN = _shown_words()
# Words of the guide of six letters or more, no digits: what a person might type in two pieces.
LONG_WORDS = [
    w for w in SHOWN if len(w) >= 6 and w.isalpha() and w.isascii() and w not in VOCAB.stop_words
]


# --- every word of the guide is in the guide -----------------------------------------------------


def test_every_word_of_every_record_is_found_when_searched_alone() -> None:
    """No word the guide shows is ever said to be missing from it: searched alone, it answers
    with no note, or, for a word that says nothing (a stop word: "the", "which"), it is a miss
    "(only question words)", never "not in the guide"."""
    assert len(SHOWN) > 400
    for word in SHOWN:
        try:
            found = search.answer(DS, word, limit=3)
        except NotFoundError as miss:
            assert word in VOCAB.stop_words, (word, str(miss))
            assert "(only question words)" in str(miss), word
            continue
        assert found.hits, word
        assert not found.unmatched and not found.related, (word, found.unmatched, found.related)


@pytest.mark.parametrize("word", ["results", "doctor", "people", "usually", "blepharospasm"])
def test_a_question_word_or_filler_the_guide_uses_is_not_swallowed(word: str) -> None:
    found = search.answer(DS, word, limit=3)
    assert found.hits and not found.unmatched
    assert any(
        word in unmarked(h.text).casefold() or word in h.title.casefold() for h in found.hits
    )


def test_results_alone_leads_with_a_results_record() -> None:
    assert search.search(DS, "results", limit=1)[0].id.endswith("/results")


# --- words typed apart or glued ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read", "answer"),
    [
        ("hemi facial spasm", ("hemi facial", "hemifacial"), "glossary:hemifacial-spasm"),
        ("hemi-facial spasm", ("hemi-facial", "hemifacial"), "glossary:hemifacial-spasm"),
        ("what is hemi facial spasm", ("hemi facial", "hemifacial"), "glossary:hemifacial-spasm"),
        ("micro vascular decompression", ("micro vascular", "microvascular"), "treatment:mvd"),
        ("micro-vascular decompression", ("micro-vascular", "microvascular"), "treatment:mvd"),
        ("tri geminal", ("tri geminal", "trigeminal"), "glossary:trigeminal-neuralgia"),
        ("botu linum", ("botu linum", "botulinum"), None),
        ("eye lid", ("eye lid", "eyelid"), None),
        ("7 th nerve", ("7 th", "7th"), "glossary:facial-nerve"),
        ("cn7", ("cn7", "cn 7"), "glossary:facial-nerve"),
    ],
)
def test_words_typed_apart_or_glued_are_read_as_the_guides_word(
    run, typed: str, read: tuple[str, str], answer: str | None
) -> None:
    found = search.answer(DS, typed, limit=3)
    assert read in found.read_as
    assert not found.unmatched and not found.related
    if answer:
        assert found.hits[0].id == answer
    plain = run("search", typed, "-f", "plain").stdout
    assert f"Read {read[0]!r} as {read[1]!r}" in plain


@settings(max_examples=examples(200), deadline=None)
@given(
    word=st.sampled_from(LONG_WORDS),
    cut=st.integers(min_value=2, max_value=20),
    sep=st.sampled_from([" ", "-", " - "]),
)
def test_any_guide_word_typed_in_two_pieces_is_read_as_itself(
    word: str, cut: int, sep: str
) -> None:
    """Whichever word of the guide, cut wherever: the pieces are read as the word (and said),
    unless each piece is a word of the guide itself ("side effects" stays two words); a piece
    is never named as missing."""
    cut = 2 + cut % (len(word) - 3)
    a, b = word[:cut], word[cut:]
    if " ".join((a, b)) in VOCAB.words or " ".join((a, b)) in VOCAB.forms:
        return
    typed = f"{a}{sep}{b}"
    rewritten, read = search_analysis.read_apart(typed, is_word, VOCAB)
    if a in VOCAB.stop_words or b in VOCAB.stop_words or (is_word(a) and is_word(b)):
        assert read == (), (typed, read)
        return
    assert read == ((typed, word),), (typed, read)
    assert rewritten == word
    try:
        found = search.answer(DS, typed, limit=3)
    except NotFoundError as miss:  # a stop word of the guide ("within") alone is no question
        assert word in VOCAB.filler or "(only question words)" in str(miss), word
        return
    assert a not in found.unmatched and b not in found.unmatched
    assert (typed, word) in found.read_as


_COMMON = ["the", "in", "to", "side", "effects", "blood", "test", "face", "over", "time", "some"]
_COMMON += ["times", "with", "out", "may", "be", "any", "one", "every", "day", "can", "not", "go"]
_COMMON += ["a", "med", "i", "m", "am", "ed", "eye", "lid", "hemi", "facial"]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(_COMMON), min_size=2, max_size=6))
def test_words_are_joined_only_into_a_word_of_the_guide(words: list[str]) -> None:
    """Common words in a row are never joined into a word the guide does not use, nor when each
    is a word of the guide already."""
    _, read = search_analysis.read_apart(" ".join(words), is_word, VOCAB)
    for typed, joined in read:
        parts = typed.split()
        assert is_word(joined), (typed, joined)
        assert not any(p in VOCAB.stop_words for p in parts), (typed, joined)
        assert not all(is_word(p) for p in parts), (typed, joined)


# --- numbers: a count is never an ordinal, an ordinal never a count ------------------------------

_ORDINAL_FORMS = (
    lambda n: f"{n}th",
    lambda n: ORDINALS[n - 1],
    lambda n: ROMAN[n - 1] if n > 1 else "first",
)


def _marked(snippet: str) -> list[str]:
    """The words highlighted in a snippet."""
    spans = re.findall(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_END}", snippet)
    return [w for span in spans for w in WORD.findall(normalize_query(span))]


@settings(max_examples=examples(150), deadline=None)
@given(
    number=st.integers(min_value=1, max_value=12),
    frame=st.sampled_from(
        [
            "{}%",
            "what do the {}% mean",
            "the {} branches",
            "{} people",
            "{} percent of patients",
            "the {} of them",
            "{} months",
        ]
    ),
    as_word=st.booleans(),
)
def test_a_count_never_matches_an_ordinal(number: int, frame: str, as_word: bool) -> None:
    """A percentage or a count ("7%", "5 branches", "seven months") is searched as a count:
    never as 7th, seventh or VII, so it never finds the seventh (facial) nerve by its number."""
    typed = CARDINALS[number - 1] if as_word and "%" not in frame else str(number)
    question = frame.format(typed)
    read = search.read_question(question, VOCAB)
    ordinals = {ORDINALS[number - 1], ROMAN[number - 1], f"{number}th", f"{number}st"}
    ordinals |= {f"{number}nd", f"{number}rd"}
    for concept in read.concepts:
        assert not {t.strip('"') for t, _ in concept.terms} & ordinals, (question, concept)
        assert concept.number is None
    try:
        found = search.answer(DS, question, limit=5)
    except NotFoundError:
        return
    for hit in found.hits:
        assert not set(_marked(hit.snippet)) & ordinals, (question, hit.id, hit.snippet)


@settings(max_examples=examples(150), deadline=None)
@given(
    number=st.integers(min_value=2, max_value=12),
    form=st.integers(min_value=0, max_value=len(_ORDINAL_FORMS) - 1),
    frame=st.sampled_from(["{} cranial nerve", "the {} nerve", "CN {}", "what is the {} nerve"]),
)
def test_an_ordinal_never_matches_a_count(number: int, form: int, frame: str) -> None:
    """A nerve named by number ("7th nerve", "CN VII", "seventh cranial nerve", "CN 7") is
    never a count: no hit is found by a bare 7 or seven ("7% of patients")."""
    question = frame.format(_ORDINAL_FORMS[form](number))
    counts = {str(number), CARDINALS[number - 1]}
    try:
        found = search.answer(DS, question, limit=5)
    except NotFoundError:
        return
    for hit in found.hits:
        assert not set(_marked(hit.snippet)) & counts, (question, hit.id, hit.snippet)


@pytest.mark.parametrize("typed", ["cn 7", "CN 7", "cn7", "nerve 7", "the 7 nerve", "CN seven"])
def test_a_number_beside_a_nerve_names_the_nerve(typed: str) -> None:
    assert search.search(DS, typed, limit=1)[0].id in (
        "glossary:facial-nerve",
        "nerve:facial-nerve",
    )


def test_a_percentage_finds_its_figure_not_the_seventh_nerve() -> None:
    hits = search.search(DS, "what do the 7% mean", limit=3)
    assert "statistic:mvd-recurrence" in [h.id for h in hits] or hits[0].id.startswith(
        "treatment:mvd"
    )
    assert all(h.id not in ("glossary:facial-nerve", "nerve:facial-nerve") for h in hits)


# --- snippets carry what they refer to -----------------------------------------------------------


@settings(max_examples=examples(200), deadline=None)
@given(
    opener=st.sampled_from(
        [
            "This",
            "These",
            "Such",
            "It",
            "They",
            "However,",
            "To reduce these complications,",
            "In such cases,",
            "Because of this,",
            "For these reasons,",
        ]
    ),
    rest=st.lists(st.sampled_from(["the", "nerve", "is", "monitored", "may", "work"]), max_size=8),
)
def test_a_sentence_that_refers_back_leans_on_the_one_before(opener: str, rest: list[str]) -> None:
    sentence = " ".join([opener, *rest]) + "."
    assert search.leans_back(sentence)
    entry = search.Entry("x:y", "section", "T", ("t",), ("First one.", sentence))
    assert list(search.snippet_sentences(entry, 1)) == [0, 1]


@pytest.mark.parametrize(
    "sentence",
    [
        "The nerve is monitored.",
        "Most often the cause is an artery, which presses.",
        "Botox usually works within three days, and lasts three months.",
    ],
)
def test_a_sentence_that_stands_alone_is_shown_alone(sentence: str) -> None:
    assert not search.leans_back(sentence)


def test_every_sentence_that_refers_back_is_shown_with_its_antecedent() -> None:
    for entry in ENTRIES:
        for k, sentence in enumerate(entry.passages):
            if k and search.leans_back(sentence):
                assert (k - 1) in search.snippet_sentences(entry, k), (entry.id, sentence)


# "it" or "they" as the subject of a sentence's opening words ("On average it begins at 44")
_OPENING_SUBJECT = re.compile(r"^(?:\S+\s+){1,5}(?:it|they)\s+[a-z]", re.I)


def test_no_sentence_shown_alone_leaves_its_subject_to_the_sentence_before() -> None:
    """Trial 11: "On average it begins at age 44", shown alone under a question about
    trigeminal neuralgia, read as trigeminal neuralgia's age. A sentence a snippet can show
    without the one before it names its subject (a record's first sentence has its title)."""
    for entry in ENTRIES:
        for k, sentence in enumerate(entry.passages):
            if k and not search.leans_back(sentence):
                assert not _OPENING_SUBJECT.match(sentence), (entry.id, sentence)


def test_the_age_figure_names_whose_age_it_is() -> None:
    for question in ("average age for trigeminal neuralgia", "at what age does it usually start"):
        hit = next(h for h in search.search(DS, question) if h.id == "section:affected")
        assert "hemifacial spasm begins at age 44" in unmarked(hit.snippet)


def test_the_deafness_answer_says_which_complications() -> None:
    hit = search.search(DS, "will i go deaf after the operation", limit=1)[0]
    assert "decreased hearing" in unmarked(hit.snippet)


@pytest.mark.parametrize(
    "question", ["what causes hfs", "can stress cause it", "what causes it in young people"]
)
def test_a_causes_question_shows_the_sentence_about_causes(question: str) -> None:
    hit = search.search(DS, question, limit=1)[0]
    assert hit.id == "section:causes"
    assert unmarked(hit.snippet).startswith("Hemifacial spasm can be caused by")


# --- questions the guide cannot answer -----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how much does surgery cost",
        "can it go away on its own",
        "can it go away on it's own",
        "best neurosurgeon near me",
        "what happens if I do nothing",
        "does insurance pay for botox",
        "is botox expensive",
        "is it a stroke",
    ],
)
def test_a_question_asking_what_the_guide_never_says_is_a_miss(run, question: str) -> None:
    result = run("search", question)
    assert result.status == 1, result.stdout
    assert "nothing in the guide answers" in result.stderr


@settings(max_examples=examples(60), deadline=None)
@given(
    asked=st.sampled_from([p for p in VOCAB.questions["beyond"] if not is_word(p)]),
    topic=st.sampled_from(["botox", "surgery", "mvd", "the medication", "the injections"]),
)
def test_any_asking_word_the_guide_never_uses_makes_a_miss(asked: str, topic: str) -> None:
    # "on its own", "by itself" ask of the course left alone beside its going away
    going = "does it go away " if asked in ALONE else ""
    with pytest.raises(NotFoundError, match="the guide does not speak of"):
        search.answer(DS, f"{going}{topic} {asked}")


@settings(max_examples=examples(60), deadline=None)
@given(
    alone=st.sampled_from(sorted(ALONE)),
    going=st.sampled_from(sorted(GOING_AWAY)),
    frame=st.sampled_from(["will it {going} {alone}", "does hemifacial spasm {going} {alone}"]),
)
def test_left_alone_beside_going_away_is_a_miss(alone: str, going: str, frame: str) -> None:
    """'on its own', 'by itself' beside a word of the condition going away or getting better
    ask of its course left alone, which the guide never speaks of."""
    with pytest.raises(NotFoundError):
        search.answer(DS, frame.format(going=going, alone=alone))


@pytest.mark.parametrize("alone", sorted(ALONE))
@pytest.mark.parametrize(
    "frame",
    ["my eye keeps closing {}", "my cheek keeps twitching all {}", "why does my face twitch {}"],
)
def test_twitching_by_itself_is_answered(alone: str, frame: str) -> None:
    """'by itself' beside twitching, with no word of going away, says the spasm comes
    unbidden: the question is answered, never refused as the course left alone, and the
    phrase is never named as a topic the guide lacks."""
    found = search.answer(DS, frame.format(alone))
    assert found.hits
    assert alone not in found.unmatched
    assert search.answer(DS, "my eye keeps closing by itself").hits[0].id in {
        "section:symptoms",
        "section:what-is",
    }


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("what does AVM stand for", "section:diagnosis"),
        ("what does MVD stand for", "glossary:microvascular-decompression"),
        ("what does EMG stand for", "glossary:electromyogram"),
    ],
)
def test_an_abbreviation_is_defined_where_the_guide_writes_it_out(
    question: str, answer: str
) -> None:
    assert search.search(DS, question, limit=1)[0].id == answer


@settings(max_examples=examples(100), deadline=None)
@given(
    escape=st.sampled_from(["\x1b[31m", "\x1b[0m", "\x1b[1;32m", "\x1b]8;;http://x\x07", "\x1b(B"]),
    where=st.integers(min_value=0, max_value=2),
)
def test_a_terminal_escape_sequence_is_no_word(escape: str, where: int) -> None:
    """The debris of an escape sequence ("31m") is never a word: not searched, never named."""
    question = ("{}botox side effects", "botox{} side effects", "botox side effects{}")[where]
    found = search.answer(DS, question.format(escape))
    assert not found.unmatched and not found.read_as, found
    assert found.hits[0].id == "treatment:botox/side_effects"


# --- noise: what is never named, never offered ---------------------------------------------------


@pytest.mark.parametrize("typo", ["afer", "becuase", "shoud", "wich", "abot", "wehn"])
def test_a_slip_of_a_word_that_says_nothing_is_not_named_as_missing(typo: str) -> None:
    assert search_analysis.is_filler(typo, VOCAB)
    found = search.answer(DS, f"side effects of surgery {typo} all")
    assert typo not in found.unmatched


@pytest.mark.parametrize("topic", ["cancer", "genetic", "stress", "pregnancy", "diet"])
def test_a_topic_word_is_still_named_as_missing(topic: str) -> None:
    assert not search_analysis.is_filler(topic, VOCAB)


@settings(max_examples=examples(50), deadline=None)
@given(st.sampled_from("bcdefghjklmnopqrtuvwxyz"))
def test_a_single_letter_is_never_named_as_missing(letter: str) -> None:
    found = search.answer(DS, f"botox side effects {letter}")
    assert letter not in found.unmatched


def test_near_in_capitals_is_an_operator_not_the_guides_near() -> None:
    found = search.answer(DS, 'botox AND (NEAR "x', limit=3)
    assert found.hits[0].id.endswith("botox") and not found.unmatched


def test_the_start_of_a_guide_word_is_offered_never_a_word_that_says_nothing() -> None:
    offered = search.suggestions(DS, "botu")
    assert "botulinum" in offered and "both" not in offered
    for word in offered:
        assert word not in VOCAB.filler and word not in VOCAB.stop_words


# --- a number that names a nerve or a figure is only ever that nerve or figure -------------

_GUIDE_NERVES = {5, 7, 8}  # the guide's trigeminal, facial and hearing nerves
_GUIDE_FIGURES = {f.number for f in DS.figures}


@given(
    number=st.integers(1, 40),
    form=st.sampled_from(["cn {}", "CN {}", "cranial nerve {}", "nerve {}", "cn{}"]),
)
@settings(max_examples=examples(120), deadline=None)
def test_a_nerve_number_the_guide_lacks_is_said_so_never_another(number: int, form: str) -> None:
    """ "CN 3" is the third nerve, which the guide never names: never Figure 3, Botox's 3 days or
    8 people in 100,000; a nerve the guide has is found ("cn 8": the hearing nerve)."""
    question = form.format(number)
    try:
        found = search.answer(DS, question)
    except NotFoundError:
        assert number not in _GUIDE_NERVES, question
        return
    ids = [hit.id for hit in found.hits]
    assert not any(i.startswith("figure:") for i in ids[:1]), (question, ids)
    if number in _GUIDE_NERVES:
        assert str(number) not in found.unmatched, question
    else:
        assert str(number) in found.unmatched, (question, ids)


@given(
    number=st.integers(1, 40), form=st.sampled_from(["figure {}", "fig {}", "what is figure {}"])
)
@settings(max_examples=examples(80), deadline=None)
def test_a_figure_number_is_that_figure_or_said_to_be_missing(number: int, form: str) -> None:
    question = form.format(number)
    try:
        found = search.answer(DS, question)
    except NotFoundError:
        assert number not in _GUIDE_FIGURES, question
        return
    ids = [hit.id for hit in found.hits]
    if number in _GUIDE_FIGURES:
        assert ids[0] == f"figure:figure-{number}", (question, ids)
    else:
        assert str(number) in found.unmatched, (question, ids)
        assert not any(i.startswith("figure:") for i in ids), (question, ids)
        assert not any(i.startswith("statistic:") for i in ids[:1]), (question, ids)


@pytest.mark.parametrize("digit", ["\u0663", "\u00b3", "\u2463", "\uff13"])
def test_a_digit_of_another_script_is_not_read_as_a_number(run, digit: str) -> None:
    """Only 0-9 are read as digits of a number glued to letters ("cn7"): an Arabic-Indic,
    superscript, circled or full-width digit leaves the word as it is (it was an internal
    error in glossary)."""
    for command in ("glossary", "search", "treatments"):
        result = run(command, f"cn{digit}")
        assert result.status in (0, 1), (command, result.stderr)
        assert "internal error" not in result.stderr


def test_a_figure_is_known_by_its_number_whatever_its_id() -> None:
    """An edition may give a figure any id, even one ending in another number: "figure 2"
    finds the figure numbered 2."""
    last = max(f.number for f in DS.figures)
    renamed = DS._replace(
        figures=tuple(f._replace(id=f"drawing-{last + 1 - f.number}") for f in DS.figures)
    )
    for figure in renamed.figures:
        found = search.answer(renamed, f"figure {figure.number}")
        assert found.hits[0].id == f"figure:{figure.id}", [h.id for h in found.hits]


# --- any question made of the words the rules read never breaks search ------------------------

# The words search's rules look for (question phrases, asking words, stop words) with a few
# topics and the punctuation that ends a clause: sequences of them reach the edges of every
# rule ("how often" ending the question, a clause of one word, a phrase cut short).
_RULE_WORDS = sorted(
    {w for phrases in VOCAB.questions.values() for p in phrases for w in p.split()}
    | set(VOCAB.stop_words)
    | {"botox", "mvd", "surgery", "pills", "nerve", "mri", "emg", "pain", "hurt", "treated"}
    | {"?", ".", "!", ";", ",", "vs", "than", "better", "picture", "percentage", "size"}
)


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.sampled_from(_RULE_WORDS), min_size=1, max_size=12))
def test_no_question_of_the_rules_words_breaks_search(words: list[str]) -> None:
    """Search answers or says it cannot (NotFoundError, or a usage error for what it refuses):
    never another exception, whatever order the words its rules read come in."""
    from hfs_info.errors import UsageError

    with contextlib.suppress(NotFoundError, UsageError):
        search.answer(DS, " ".join(words))


@pytest.mark.parametrize("text", ["how often", "botox how often", "how often?", "how often. x"])
def test_a_question_ending_in_its_asking_words_is_answered_or_missed(text: str) -> None:
    with contextlib.suppress(NotFoundError):
        search.answer(DS, text)
