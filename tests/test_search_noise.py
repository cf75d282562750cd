"""The "not in the guide" note names topics, not the words around them (issue 19, round 5).

Classes of words that say nothing about a topic are never named as missing: a word that is only
ever an adverb ("instead", "together"), unless made of an adjective that names something
("genetically"); pronouns ("mine", "myself") and negated auxiliaries typed without an apostrophe
("didnt"); a word ending in -ing typed as it is said ("workin"). Lay words of the same meaning as
the guide's subject ("jumping" for twitching) weigh as the subject does; the tens ("ninety
percent") are counts.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.errors import NotFoundError
from hfs_info.search_analysis import (
    SUBJECT_WEIGHT,
    WORD,
    is_filler,
    normalize_query,
    read_apart,
    read_question,
    zipf,
)
from hfs_info.search_index import index_for, match
from tests.depth import examples

DS = store.load_packaged()
VOCAB = vocabulary.load()
ADVERBS = sorted(search_analysis._adverbs())
# Questions with a topic the guide answers, with a place for another word.
FRAMES = [
    "how long does botox last {}",
    "{} what causes hemifacial spasm",
    "is surgery {} risky for hearing",
    "side effects of carbamazepine {}",
]


def _named(question: str) -> tuple[str, ...]:
    try:
        return search.answer(DS, question).unmatched
    except NotFoundError:
        return ()


def test_the_adverbs_are_many_and_all_common() -> None:
    assert len(ADVERBS) > 300
    assert {"instead", "together", "rather", "anymore", "afterwards", "besides"} <= set(ADVERBS)
    # a word that is also a noun, a verb or an adjective may name a topic
    assert not {"early", "later", "alone", "straight", "cancer", "genetic"} & set(ADVERBS)
    assert all(zipf(w) >= search_analysis.COMMON_ZIPF for w in ADVERBS)


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(ADVERBS), st.sampled_from(FRAMES))
def test_an_adverb_is_never_named_unless_its_adjective_names_something(
    adverb: str, frame: str
) -> None:
    named = _named(frame.format(adverb))
    base = adverb[:-2]
    if adverb.endswith("ly") and not is_filler(base, VOCAB):
        return  # "genetically" says what "genetic" says: it may be named
    assert adverb not in named


def test_an_adverb_made_of_a_topic_adjective_is_still_a_topic() -> None:
    assert not is_filler("genetically", VOCAB)
    assert is_filler("instead", VOCAB)
    assert is_filler("mostly", VOCAB)  # "most" says nothing
    assert "gradually" in _named("does it spread gradually")


PRONOUNS_AND_AUXILIARIES = [
    *("mine", "yours", "hers", "ours", "theirs", "myself", "yourself", "himself", "herself"),
    *("itself", "ourselves", "themselves", "didnt", "wasnt", "arent", "werent", "havent"),
    *("hasnt", "hadnt", "shouldnt", "wouldnt", "couldnt", "vs", "versus"),
]


@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(PRONOUNS_AND_AUXILIARIES), st.sampled_from(FRAMES))
def test_pronouns_and_negated_auxiliaries_are_never_named(word: str, frame: str) -> None:
    assert word in VOCAB.stop_words
    assert word not in _named(frame.format(word))


# Words of the guide ending in -ing that are common English words ("working", "starting").
_ING = sorted(
    {
        w
        for e in search.entries(DS)
        for w in WORD.findall(normalize_query(f"{e.title} {e.body}"))
        if w.endswith("ing") and len(w) >= 6 and zipf(w) >= search_analysis.COMMON_ZIPF
    }
)


@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(_ING))
def test_a_word_typed_as_it_is_said_is_read_with_its_g(word: str) -> None:
    typed = word[:-1]  # "workin"
    if zipf(word) < zipf(typed) + search_analysis.DROPPED_G:
        return  # the short form is a word of its own
    try:
        found = search.answer(DS, f"botox {typed}")
    except NotFoundError:
        return
    assert (typed, word) in found.read_as
    assert typed not in found.unmatched


def test_a_word_ending_in_in_is_left_alone() -> None:
    for word in ("protein", "brain", "within", "begin", "cousin", "margin", "raisin"):
        assert read_apart(f"{word} botox", lambda w: False, VOCAB) == (f"{word} botox", ())
    assert read_apart("startin botox", lambda w: False, VOCAB)[1] == (("startin", "starting"),)


@settings(max_examples=examples(100), deadline=None)
@given(
    st.sampled_from(
        sorted(
            w
            for w, same in VOCAB.words.items()
            if same
            and all(s in VOCAB.subject for s in same)
            and " " not in w
            and w not in VOCAB.subject
            and not match(index_for(DS).db, search_analysis.quoted(w))
        )
    ),
    st.sampled_from(["medicine for {}", "what causes my face {}", "{} after botox"]),
)
def test_a_word_meaning_the_subject_weighs_as_the_subject(word: str, frame: str) -> None:
    """ "jumping" means twitching, which names the guide's whole subject: it weighs as
    twitching does, and searches as twitching does."""
    (concept,) = (c for c in read_question(frame.format(word), VOCAB).concepts if c.typed == word)
    assert concept.weight == SUBJECT_WEIGHT
    same = VOCAB.words[word][0]
    ours = [h.id for h in search.answer(DS, frame.format(word)).hits]
    theirs = [h.id for h in search.answer(DS, frame.format(same)).hits]
    assert ours == theirs


@settings(max_examples=examples(50), deadline=None)
@given(st.integers(min_value=2, max_value=9))
def test_the_tens_are_counts(tens: int) -> None:
    word = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")[tens - 2]
    (concept,) = read_question(f"{word} percent", VOCAB).concepts
    terms = {t for t, _ in concept.terms}
    assert f'"{tens * 10}"' in terms
    assert concept.number is None  # a count, never a numbered thing
    assert not any(t.endswith('th"') for t in terms if t != f'"{word}"')


def test_ninety_percent_finds_the_ninety_percent_figure() -> None:
    found = search.answer(DS, "ninety percent vessel found at surgery")
    assert found.hits[0].id == "statistic:mvd-vessel-found"
    assert not found.unmatched


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("face jumping", {"section:overview", "section:what-is", "glossary:hemifacial-spasm"}),
        ("eye lid twitching one side", {"section:overview", "section:what-is"}),
        ("face jerking on one side", {"section:overview", "section:what-is"}),
        ("eyelid fluttering on one side", {"section:overview", "section:what-is"}),
        ("face muscle cramps", {"section:overview", "section:what-is"}),
        ("jabs for face twitching", {"treatment:botox"}),
        ("saggy eyelid after botox", {"treatment:botox/side_effects"}),
        ("blood vessel squashing the nerve", {"section:causes"}),
        ("can it affect my eyesight", {"section:symptoms"}),
    ],
)
def test_everyday_words_for_symptoms_and_treatments_reach_the_guides(
    question: str, answers: set[str]
) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id in answers
    assert not found.unmatched and not found.related


def test_a_related_word_of_the_story_is_never_named() -> None:
    """Words of the story around a question are never named, as related or as missing."""
    asked = "What are the side effects of carbamazepine?"
    told = search.answer(DS, f"I feel dizzy all the time. {asked}")
    assert not told.related and not told.unmatched
    assert dict(search.answer(DS, "is feeling dizzy a side effect of carbamazepine").related)


FRAME_WORDS = [
    *("expect", "expected", "supposed", "think", "thought", "believe", "meant", "idea", "true"),
    *("known", "seems", "mentioned", "suggest", "consider", "offered"),
]


@settings(max_examples=examples(150), deadline=None)
@given(
    st.sampled_from(FRAME_WORDS),
    st.sampled_from(
        [
            "is that a {} side effect of carbamazepine",
            "is botox {} to last three months",
            "my doctor {} surgery, what are the risks of mvd",
        ]
    ),
)
def test_the_frame_of_a_question_is_never_named(word: str, frame: str) -> None:
    """Thinking, expecting, hearsay and advice ("is that a known side effect", "is it supposed
    to hurt") frame a question; they are filler, never a topic the guide lacks."""
    assert is_filler(word, VOCAB)
    assert word not in _named(frame.format(word))


def test_a_filler_word_has_no_guide_words_to_search() -> None:
    """Filler is never searched beside other words, so a word the vocabulary maps to the guide's
    words ("recommended": used) is never filler: it would lose its mapping."""
    mapped = set(VOCAB.words) | set(VOCAB.forms) | set(VOCAB.related)
    assert not (VOCAB.filler & mapped) - {"help"}  # "help" alone finds the guide's help


@settings(max_examples=examples(100), deadline=None)
@given(st.sampled_from(sorted(VOCAB.subject)), st.sampled_from(FRAMES))
def test_a_word_naming_the_guides_subject_is_never_named_as_missing(word: str, frame: str) -> None:
    assert word not in _named(frame.format(word))


# --- words the guide uses, though not the dataset's paraphrase (data/guide_words.txt) ---------

GUIDE_WORDS = sorted(search._guide_words())


def test_the_guide_word_list_is_single_normalised_words_without_web_addresses() -> None:
    from hfs_info.text import normalize

    assert len(GUIDE_WORDS) > 400
    assert all(normalize(w) == w and " " not in w for w in GUIDE_WORDS)
    assert {"rule", "perform", "common", "spasm", "neurosurgeon"} <= set(GUIDE_WORDS)
    # the words of www.blepharospasm.org and the like are a name to type, not the guide's words
    assert not {"www", "org", "http", "https", "blepharospasm", "aanem"} & set(GUIDE_WORDS)


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(GUIDE_WORDS), st.sampled_from(FRAMES))
def test_a_word_of_the_guide_is_never_named_as_not_in_the_guide(word: str, frame: str) -> None:
    assert word not in _named(frame.format(word))


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("which artery most commonly compresses the facial nerve", "commonly"),  # "most common"
        ("who performs the microvascular decompression", "performs"),
    ],
)
def test_a_word_of_the_guide_missing_from_the_paraphrase_gets_no_note(
    question: str, word: str
) -> None:
    found = search.answer(DS, question)
    assert found.hits and found.unmatched == ()
    # another edition is judged by its own words: the list is the packaged guide's
    other = DS._replace(provenance=DS.provenance._replace(updated="2030"))
    assert word in search.answer(other, question).unmatched


@pytest.mark.parametrize("word", ["zorblax", "astronaut", "blepharospasm"])
def test_a_word_the_guide_never_uses_is_still_named(word: str) -> None:
    assert word in _named(f"how long does botox last {word}")


def test_no_word_the_guide_uses_is_only_related() -> None:
    """A word of [related] is said to be one "the guide does not mention" when the dataset lacks
    it; so no such word may be one the source guide uses ("fail": the guide says medication and
    injections sometimes fail to control the spasms)."""
    index = index_for(DS)  # (a phrase, "other side", cannot be told from the list of words)
    for word in VOCAB.related:
        if word in GUIDE_WORDS:
            assert match(index.db, '"' + word + '"'), f"{word!r} is the guide's, not related"


# Words of the guide that search need not find: its page furniture, and verbs too general to
# point anywhere.
_NOT_SEARCHED = {
    "available": "a heading's word (What treatments are available?)",
    "bottom": "names a panel of a figure (bottom image)",
    "comply": "the publisher's HONcode statement",
    "materials": "the publisher's statement",
    "glossary": "a heading",
    "style": "of 'life style', found as a phrase",
    "rule": "of 'rule out', found as a phrase",
    "following": "'the month following surgery': 'after' is a stop word",
    "undergo": "'undergo blood tests': the tests are found",
    "perform": "'perform a neurological exam': the exam is found",
    "sends": "'sends signals', found as a phrase",
}


def test_every_content_word_of_the_guide_is_found() -> None:
    """A word the guide uses is found as typed, as a form, or through the vocabulary's word of
    the same meaning ("exits": leaves, "rule out": exclude), so that search never says "nothing
    in the guide answers" a word the guide uses; the exceptions are listed with their reason."""
    index = index_for(DS)
    lost = [
        w
        for w in GUIDE_WORDS
        if not (w in VOCAB.stop_words or is_filler(w, VOCAB) or w.isdigit())
        and not match(index.db, '"' + w + '"')
        and w not in VOCAB.words
        and w not in VOCAB.forms
        and w not in _NOT_SEARCHED
    ]
    assert lost == []
    assert all(w in GUIDE_WORDS for w in _NOT_SEARCHED)


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("where does the nerve exit the skull", "statistic:facial-nerve-branches"),
        ("exits", "statistic:facial-nerve-branches"),
        ("separates", "section:what-is"),
        ("what is the lifestyle after surgery", "treatment:mvd/recovery"),
        ("who wrote this guide", "source:guide"),
        ("how is botox delivered", "treatment:botox/how_given"),
        ("what conditions does the MRI rule out", "section:diagnosis"),  # "exclude" here
        # the disclaimer: the guide's "not intended to replace", our "take the place of"
        ("does this information replace my doctor's advice", "source:guide"),
        ("is the guide a substitute for my neurologist", "source:guide"),
        # trial 10: "medical" alone is the medication by its stem, and "advice" is filler
        ("is this medical advice", "source:guide"),
        ("is what I read here medical advice?", "source:guide"),
        # trial 10: the options are all the treatments, not Botox ("are injections an option")
        ("what are the treatment options", "section:overview"),
        ("what are my options", "section:overview"),
    ],
)
def test_the_guides_words_that_the_paraphrase_says_otherwise_find_it(
    question: str, record: str
) -> None:
    found = search.answer(DS, question)
    assert (found.unmatched, found.related) == ((), ())
    assert found.hits[0].id == record


@pytest.mark.parametrize(
    "question",
    [
        "how many ppl out of 100k get it",
        "8 in 100k",
        # chat spelling of "people": the guide's figure, never "the guide gives no number" (trial 7)
        "how many ppl get hfs in the us",
        "how many ppl have hemifacial spasm",
    ],
)
def test_a_number_written_short_finds_the_guides_figure(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == "statistic:people-affected"
    assert (found.unmatched, found.no_figure, found.unsaid) == ((), None, ())


@pytest.mark.parametrize(
    ("word", "slip"),
    [("wat", True), ("afer", True), ("becuase", True), ("form", False), ("wheel", False)],
)
def test_a_word_of_english_is_a_slip_only_of_a_far_more_common_word(word: str, slip: bool) -> None:
    """'wat' is what typed fast (what is thousands of times more common); 'form' is a word of
    its own, not a slip of 'from' (under a hundred times more common)."""
    assert search_analysis._slip_of_filler(word, VOCAB) is slip
    assert (word in _named(f"how long does botox last {word}")) is (not slip)


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("sx of hfs", "section:symptoms"),
        ("hfs dx", "section:diagnosis"),
        ("tx for hfs", "section:overview"),
        ("etiology of the spasm", "section:causes"),
        ("aetiology", "section:causes"),
    ],
)
def test_clinicians_shorthand_for_the_guides_headings_finds_them(
    question: str, record: str
) -> None:
    found = search.answer(DS, question)
    assert (found.unmatched, found.related) == ((), ())
    assert found.hits[0].id == record


@pytest.mark.parametrize(
    ("question", "word", "record"),
    [
        ("epidemiology of hfs", "epidemiology", "section:affected"),
        ("ddx", "ddx", "section:diagnosis"),
    ],
)
def test_a_clinical_term_only_near_the_guides_heading_is_said_so(
    question: str, word: str, record: str
) -> None:
    found = search.answer(DS, question)
    assert word in dict(found.related)
    assert found.hits[0].id == record


@pytest.mark.parametrize(
    "question",
    [
        "what does the word neuralgia mean",
        "show me the whole glossary entry for botox",
        "hemifacal spasm (sp?)",
    ],
)
def test_the_frame_of_a_question_is_not_a_topic(question: str) -> None:
    """'the word', 'the whole', '(sp?)' say how one asks, not what about."""
    found = search.answer(DS, question)
    assert found.hits and found.unmatched == ()
