"""What round 17 of ranking reads (issue 19): a figure named by its place in the guide's picture
("what does the bottom image show"); whether a treatment cures, asked with "can" or "could"
("can medicine cure severe hemifacial spasm"), or whether there is one that does ("is there an
operation that cures it").

The questions here are not from any question set; the property tests try each reading with any
text around it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, store
from hfs_info.errors import NotFoundError
from hfs_info.search import Match
from hfs_info.search_analysis import Concept
from tests.depth import examples
from tests.searching import first, ix

DS = store.load_packaged()

# --- a figure named by its place: the guide shows figures 3 and 4 as one picture, top and bottom


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is shown in the top picture", "figure:figure-3"),
        ("explain the upper diagram to me", "figure:figure-3"),
        ("the bottom drawing, what is it", "figure:figure-4"),
        ("what does the lower illustration show", "figure:figure-4"),
        ("bottom image", "figure:figure-4"),
    ],
)
def test_a_figure_named_by_its_place_in_the_picture_leads(question: str, expected: str) -> None:
    assert first(question) == expected


_PLACES = st.sampled_from(["top", "upper", "bottom", "lower"])
_AROUND = st.lists(
    st.sampled_from(
        ["what", "does", "the", "show", "of", "my", "face", "eye", "twitch", "surgery", "botox"]
    ),
    max_size=8,
)


@settings(max_examples=examples(80), deadline=None)
@given(before=_AROUND, place=_PLACES, after=_AROUND)
def test_a_place_word_without_a_picture_word_never_names_a_figure(
    before: list[str], place: str, after: list[str]
) -> None:
    # "the bottom of my face twitches": a place in the face, not in the picture
    text = " ".join([*before, place, "of", *after])
    try:
        found = search.answer(DS, text)
    except NotFoundError:
        return
    assert found.hits[0].id not in ("figure:figure-3", "figure:figure-4")


# --- whether a treatment cures: its results; whether there is one that does: the treatment


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("could the pills get rid of my spasms, can pills cure it", "treatment:medication/results"),
        ("can surgery cure hemifacial spasm for good", "treatment:mvd/results"),
        ("could botox fix it", "treatment:botox/results"),
        ("is there an injection that stops the twitching", "treatment:botox"),
        ("are there pills which help", "treatment:medication"),
        ("is there surgery to cure my face spasm", "treatment:mvd"),
    ],
)
def test_whether_a_treatment_cures_leads_with_that_treatment(question: str, expected: str) -> None:
    assert first(question) == expected


def test_two_things_named_are_each_asked_of_not_one_outcome() -> None:
    # "valium or klonopin": the drugs named are the entities asked of
    assert not search._asks_if_it_works("could diazepam or clonazepam help me", ix())
    assert search._asks_if_it_works("could clonazepam help me", ix())
    assert first("could diazepam or clonazepam help me") != "treatment:medication/results"


_ASKED = st.sampled_from(["can", "could", "is there", "are there", "do", "will"])
_CURE_WORDS = st.sampled_from(["cure", "cures", "fix", "stop", "helps", "relieve"])


@settings(max_examples=examples(80), deadline=None)
@given(opener=_ASKED, verb=_CURE_WORDS, after=_AROUND)
def test_a_cure_asked_of_no_treatment_never_reads_as_an_outcome(
    opener: str, verb: str, after: list[str]
) -> None:
    # no treatment named before the verb: no treatment's outcome is asked
    text = " ".join([opener, "anything", "that", verb, *after])
    question = search._question(DS, text, ix())
    assert "existence" not in question.intents


# --- a story of the spasms asked what it is: the condition, never a record of a word of the story

_CONDITION = (
    "section:what-is",
    "section:overview",
    "section:symptoms",
    "glossary:hemifacial-spasm",
)


@pytest.mark.parametrize(
    "question",
    [
        "my left eyelid keeps twitching and now my cheek too, what is this",
        "my cheek jumps all day, what could this be",
        "my eyelid flickers on the left. what is going on?",
        "the corner of my mouth twitches and my eye closes, what do I have",
        "since June my upper lip spasms on one side. What's happening to me?",
    ],
)
def test_a_story_of_spasms_asked_what_it_is_leads_with_the_condition(question: str) -> None:
    assert first(question) in _CONDITION


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("my eye twitches, what is this", True),
        ("my eye twitches. What could it be?", True),
        ("what is this", False),  # no story told
        ("what is this twitching", False),  # the clause names what it asks of
        ("my eye twitches, what is this botox for", False),
    ],
)
def test_what_it_is_is_asked_only_in_a_clause_of_its_own_after_a_story(
    text: str, asks: bool
) -> None:
    assert search._asks_what_it_is(text) is asks


@settings(max_examples=examples(80), deadline=None)
@given(story=_AROUND, tail=_AROUND)
def test_a_clause_naming_more_than_what_it_is_is_no_bare_what_is_this(
    story: list[str], tail: list[str]
) -> None:
    text = " ".join([*story, ",", "what is this", *tail, "botox"])
    assert not search._asks_what_it_is(text)


# --- a thing the guide never names, told after a treatment: that treatment's side effects


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("ptosis after BTX", "treatment:botox/side_effects"),
        ("headache after the injections?", "treatment:botox/side_effects"),
        ("dizziness after surgery", "treatment:mvd/side_effects"),
        ("nausea following carbamazepine", "treatment:medication/side_effects"),
    ],
)
def test_an_unknown_thing_after_a_treatment_is_asked_as_its_side_effect(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "when can I drive after MVD",  # a time asked
        "spasms only reduced, not gone after surgery",  # everyday words of the story
        "why does botox stop workng after years",  # after a time, not a treatment
    ],
)
def test_a_time_or_a_story_after_a_treatment_is_no_side_effect(question: str) -> None:
    assert not first(question).endswith("/side_effects")


@settings(max_examples=examples(80), deadline=None)
@given(before=_AROUND, unit=st.sampled_from(["weeks", "years", "3", "a while"]))
def test_nothing_after_a_time_reads_as_a_side_effect(before: list[str], unit: str) -> None:
    text = " ".join([*before, "ptosis", "after", unit])
    pairs = search._question(DS, text, ix()).concepts
    assert not search._unknown_after(
        text, [(c, search._concept_match(ix(), c, list)) for c in pairs]
    )


# --- of an entity's records that answer as much of the question, the one with the rarer words


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("does the facial nerve control taste", "glossary:facial-nerve"),
        ("does the facial nerve help with tears", "glossary:facial-nerve"),
        ("is the facial nerve sensory", "glossary:facial-nerve"),
    ],
)
def test_the_entity_record_with_the_rarer_words_asked_leads(question: str, expected: str) -> None:
    assert first(question) == expected


@settings(max_examples=examples(60), deadline=None)
@given(words=st.lists(_AROUND.map(" ".join), min_size=1, max_size=3))
def test_an_entity_asked_with_any_words_is_ranked_in_score_order(words: list[str]) -> None:
    text = "facial nerve " + " ".join(words)
    try:
        found = search.answer(DS, text)
    except NotFoundError:
        return
    scores = [hit.score for hit in found.hits]
    assert scores == sorted(scores, reverse=True)


# --- why the condition's spasms are as its definition says: the causes


@pytest.mark.parametrize(
    "question",
    [
        "why is it only on one side of my face",
        "why does half of my face spasm",
        "why do my face muscles twitch on one side",
    ],
)
def test_why_the_spasms_are_as_the_condition_is_leads_with_the_causes(question: str) -> None:
    assert first(question) == "section:causes"


@pytest.mark.parametrize(
    "question",
    [
        "why would I need an MRI for a face twitch",
        "my face twitches on one side. botox: why does it wear off?",
        "why could a face twitch affect my hearing",
    ],
)
def test_why_of_another_topic_is_not_the_causes(question: str) -> None:
    assert first(question) != "section:causes"


_SUBJECT = frozenset(("twitch", "twitching", "spasm", "spasms", "face"))


@settings(max_examples=examples(60), deadline=None)
@given(words=_AROUND)
def test_the_records_raised_for_why_are_of_no_treatment(words: list[str]) -> None:
    text = " ".join(["why", "does", "my", "face", "twitch", *words])
    for record in search._why_of_condition(ix(), _pairs(text), _SUBJECT):
        assert not record.startswith("treatment:")


def _pairs(text: str) -> list[tuple[Concept, Match]]:
    concepts = search._question(DS, text, ix()).concepts
    return [(c, search._concept_match(ix(), c, list)) for c in concepts]


# --- a picture of a thing: of the figures showing as much, the one whose caption opens with it


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("show me the picture of the facial nerve", "figure:figure-1"),
        ("an illustration of the nerve please", "figure:figure-1"),
        ("drawing of the artery", "figure:figure-3"),
        ("image of the sponge", "figure:figure-4"),
    ],
)
def test_a_picture_of_a_thing_is_the_figure_whose_caption_opens_with_it(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@settings(max_examples=examples(60), deadline=None)
@given(words=st.lists(st.sampled_from(["the", "facial", "nerve", "artery", "sponge", "x"])))
def test_a_caption_opens_with_a_word_only_among_its_first_words(words: list[str]) -> None:
    asked = frozenset(words)
    for figure in ("figure:figure-1", "figure:figure-3", "figure:figure-4"):
        entry = next(e for e in ix().rows if e.id == figure)
        opening = entry.body.casefold().split()[: search.CAPTION_OPENING]
        assert search._opens_with(entry, asked) is bool(asked & set(opening))


@settings(max_examples=examples(30), deadline=None)
@given(
    st.sampled_from(["when is", "when would", "at what point is", "when should"]),
    st.sampled_from(["surgery", "the operation", "mvd", "microvascular decompression"]),
    st.sampled_from(["an option", "a choice", "recommended", "indicated", "be considered"]),
)
def test_when_a_treatment_is_a_choice_is_when_it_is_used(
    asks: str, named: str, choice: str
) -> None:
    """Trial 12: "when is surgery an option" led with the overview of the options and never
    reached when the operation is used; the treatment named before the word of a choice."""
    hits = search.search(DS, f"{asks} {named} {choice}", limit=1)
    assert hits[0].id == "treatment:mvd/when_used"
