"""What round 15 of ranking reads (issue 19): whether a treatment's effect lasts ("is the
surgery permanent"); how a treatment gets to what it works on ("how do they get to the nerve");
whether the condition itself is dangerous ("is hemifacial spasm dangerous").

The questions here are not from any question set; the property tests try each reading with any
text around it.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, store, vocabulary
from tests.depth import examples
from tests.searching import first, ids, ix

DS = store.load_packaged()

# --- whether a treatment's effect lasts: how long it lasts, or the outcome -------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # one that wears off: how long it lasts
        ("is botox permanent", "treatment:botox/duration"),
        ("are the injections a long term fix", "treatment:botox/duration"),
        ("is botox a permanent cure for hemifacial spasm", "treatment:botox/duration"),
        ("is botox only temporary", "treatment:botox/duration"),
        # one that does not: its results (the spasms coming back are among them)
        ("is the operation permanent", "treatment:mvd/results"),
        ("is microvascular decompression a permanent fix", "treatment:mvd/results"),
        ("does surgery fix the twitching permanently", "treatment:mvd/results"),
    ],
)
def test_whether_a_treatment_lasts_is_how_long_it_lasts_or_its_outcome(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    "question",
    ["is the surgery permanent", "is botox a long term fix", "are the shots permanent"],
)
def test_the_words_of_lasting_are_never_named_as_missing(question: str) -> None:
    found = search.answer(DS, question)
    assert found.unmatched == ()
    assert not found.unsaid


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # something else is permanent: its own record, not the treatment's outcome
        ("is the facial weakness from botox permanent", "treatment:botox/side_effects"),
        ("are the side effects of botox temporary", "treatment:botox/side_effects"),
        # whether such a treatment exists: the treatment itself
        ("is there an operation to fix it permanently", "treatment:mvd"),
    ],
)
def test_lasting_of_something_else_keeps_its_answer(question: str, expected: str) -> None:
    assert first(question) == expected


@settings(max_examples=examples(60), deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                *("is", "botox", "surgery", "the", "long", "term", "fix", "permanent"),
                *("weakness", "hemifacial", "spasm", "pills", "there", "a", "lasting", "cure"),
            ]
        ),
        max_size=7,
    ),
    junk=st.text(max_size=20),
)
def test_lasting_is_read_only_with_a_word_of_lasting_and_a_treatment(
    words: list[str], junk: str
) -> None:
    """Any words: the reading never fails; it fires only with a word of lasting and a
    treatment named, and what it drops is only words of lasting and of curing."""
    text = " ".join([*words, junk])
    index = ix()
    question = search.read_question(text, vocabulary.load())
    got = search._lasting_asked(text, question, index)
    if got is None:
        return
    typed = [c.typed for c in question.concepts]
    assert set(typed) & search._LASTING or ("long", "term") in set(pairwise(typed))
    assert search._treatment_words(index) & set(typed) or any(index.own_names.get(t) for t in typed)
    assert got[1] <= search._LASTING | set(search._LONG_TERM) | search._CURED


# --- how a treatment gets to what it works on: how it is given ---------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do they get to the nerve in MVD", "treatment:mvd/how_given"),
        ("how does the surgeon access the facial nerve", "treatment:mvd/how_given"),
        ("how do they get into the head for MVD", "treatment:mvd/how_given"),
        ("how does the botox get into the muscle", "treatment:botox/how_given"),
        ("how do they reach the nerve during the operation", "treatment:mvd/how_given"),
    ],
)
def test_how_a_treatment_gets_to_its_target_is_how_it_is_given(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # how long to get somewhere is a time, not a way in
        ("how long does it take to get back to normal after surgery", "treatment:mvd/recovery"),
        # no one doing it and no treatment: not a treatment's way in
        ("how does the facial nerve get to the face", "nerve:facial-nerve"),
    ],
)
def test_getting_to_without_a_treatment_or_with_a_time_keeps_its_answer(
    question: str, expected: str
) -> None:
    assert first(question) == expected


def test_accessing_is_never_named_as_missing() -> None:
    found = search.answer(DS, "how do surgeons access the nerve")
    assert found.unmatched == ()
    assert found.hits[0].id == "treatment:mvd/how_given"


@settings(max_examples=examples(60), deadline=None)
@given(before=st.text(max_size=30), after=st.text(max_size=30))
def test_way_in_needs_how_and_a_verb_of_reaching(before: str, after: str) -> None:
    """Any text: the reading never fails, and a text without "how" is never read as asking a
    way in."""
    text = f"{before} they get to {after}"
    got = search._asks_way_in(text, ix())
    if "how" not in search.normalize_query(text):
        assert not got


# --- whether the condition itself is dangerous: what it does (its symptoms) --------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is hemifacial spasm dangerous", "section:symptoms"),
        ("is this twitching dangerous", "section:symptoms"),
        ("is my face spasm a danger to me", "section:symptoms"),
        # a treatment named: its risks or side effects
        ("is the surgery dangerous", "treatment:mvd/risks"),
        ("is botox dangerous", "treatment:botox/side_effects"),
    ],
)
def test_danger_of_the_condition_is_what_it_does(question: str, expected: str) -> None:
    assert first(question) == expected


@settings(max_examples=examples(60), deadline=None)
@given(before=st.text(max_size=30), after=st.text(max_size=30))
def test_danger_of_the_condition_is_never_read_with_a_treatment_named(
    before: str, after: str
) -> None:
    """Any text naming a treatment: the danger asked is the treatment's, never the
    condition's."""
    text = f"{before} is botox for hemifacial spasm dangerous {after}"
    index = ix()
    question = search._question(DS, text, index)
    assert not search._danger_of_condition(text, question, index, vocabulary.load().subject)


# --- the condition's figures asked as a whole: its statistics ---------------------------------

CONDITION_FIGURES = {
    "statistic:onset-near-eye",
    "statistic:onset-near-chin",
    "statistic:people-affected",
    "statistic:average-onset-age",
}


@pytest.mark.parametrize(
    "question",
    ["hemifacial spasm statistics", "HFS numbers", "stats on facial spasm", "spasm statistics"],
)
def test_the_conditions_figures_asked_whole_lead_with_its_statistics(question: str) -> None:
    assert set(ids(question, 4)) == CONDITION_FIGURES


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a thing with a record of its own: its figure
        ("facial nerve statistics", "statistic:facial-nerve-branches"),
        # one figure asked: that one
        ("how many people get hemifacial spasm", "statistic:people-affected"),
    ],
)
def test_figures_of_something_else_keep_their_answer(question: str, expected: str) -> None:
    assert first(question) == expected


# --- a figure asked, not its source: the figure before the citation --------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what percent have spasms come back", "statistic:mvd-recurrence"),
        ("how often does hemifacial spasm recur after surgery", "statistic:mvd-recurrence"),
        # a source asked, or a citation named by a word only it has: the citation
        ("which study are the recurrence figures from", "reference:payner-tew-1996"),
        ("how many patients in the Samii study", "reference:samii-2002"),
    ],
)
def test_a_figure_asked_leads_with_the_figure_not_the_citation(
    question: str, expected: str
) -> None:
    assert first(question) == expected
