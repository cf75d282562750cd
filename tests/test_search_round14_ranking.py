"""What round 14 of ranking reads (issue 19): who carries out a treatment, asked by the kind of
person ("what kind of doctor does MVD"); when or whether to turn to a treatment ("at what point
is surgery recommended"); how the condition goes on over time ("does it get worse over time");
and the aspects of a treatment asked in patients' words (the vocabulary's [asks]).

The questions here are not from any question set; the property tests try each reading with any
text around it.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hfs_info import search, store, vocabulary
from tests.searching import first, ix

DS = store.load_packaged()
VOCAB = vocabulary.load()
ASKS = [(record, question) for record, questions in VOCAB.asks.items() for question in questions]

# --- who carries out a treatment: the aspect of how it is given (which names who gives it) ------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what type of surgeon does microvascular decompression", "treatment:mvd/how_given"),
        ("what kind of specialist does the surgery", "treatment:mvd/how_given"),
        ("which doctor gives the botox shots", "treatment:botox/how_given"),
        ("who does the decompression operation", "treatment:mvd/how_given"),
        ("who does botox injections", "treatment:botox/how_given"),
    ],
)
def test_who_carries_out_a_treatment_is_how_it_is_given(question: str, expected: str) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # whom the condition affects: no treatment named, and a verb after "who does"
        ("who does hemifacial spasm affect", "section:affected"),
        ("who does it affect", "section:affected"),
        ("who gets hemifacial spasm", "section:affected"),
    ],
)
def test_who_without_a_treatment_carried_out_keeps_its_answer(question: str, expected: str) -> None:
    assert first(question) == expected


@given(before=st.text(max_size=40), after=st.text(max_size=40))
def test_who_gives_is_read_only_with_a_treatment_named(before: str, after: str) -> None:
    """Any text: the reading never fails, and a text naming no treatment's word is never read
    as asking who gives one."""
    text = f"{before} what kind of doctor {after}"
    named = search._treatment_words(ix()).intersection(
        search.WORD.findall(search.normalize_query(text))
    )
    if not named:
        assert not search._asks_who_gives(text, ix())
    assert search._asks_who_gives("what kind of doctor does the operation", ix())


# --- when or whether to turn to a treatment: the aspect of when it is used -----------------------


@pytest.mark.parametrize(
    "question",
    [
        "when should my husband go for the operation",
        "at what point is surgery recommended",
        "should i get the operation now that the pills do not help",
        "why not just have the operation",
        "the injections wore off sooner each time, should i have surgery",
        "do doctors try the operation first",
        "is surgery the first option",
    ],
)
def test_when_or_whether_to_turn_to_a_treatment_is_when_it_is_used(question: str) -> None:
    assert first(question) == "treatment:mvd/when_used"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # what comes after a treatment: its recovery, not when it is used
        ("when can I go back to work after surgery", "treatment:mvd/recovery"),
        # how soon a treatment works
        ("when do the botox shots start working", "treatment:botox/onset"),
        # choosing between treatments: the options together
        ("should i have botox or surgery", "section:overview"),
        # what is done first in the operation: how it is given
        ("what happens first in the operation", "treatment:mvd/how_given"),
    ],
)
def test_other_questions_of_when_keep_their_answers(question: str, expected: str) -> None:
    assert first(question) == expected


@given(text=st.text(max_size=80))
def test_when_turned_to_never_fails_and_needs_a_treatment(text: str) -> None:
    """Any text: the reading never fails, and a text naming no treatment's word is never read
    as asking when to turn to one."""
    asked = search._asks_when_turned_to(text, ix())
    words = search.WORD.findall(search.normalize_query(text))
    if not search._treatment_words(ix()).intersection(words):
        assert not asked


# --- how the condition goes on over time: how it spreads -----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "will the twitching spread over time",
        "does the spasm change with time",
        "what happens to the twitching over the years",
        "will my spasm spread as the years go by",
    ],
)
def test_the_course_over_time_is_how_the_spasm_spreads(question: str) -> None:
    assert first(question) == "section:symptoms"


def test_a_treatment_over_the_years_is_the_treatments() -> None:
    assert first("botox over the years") == "treatment:botox/limitations"
    assert first("does botox stop working over time") == "treatment:botox/limitations"


def test_a_word_the_guide_never_uses_is_still_named(run) -> None:
    """The course is found, and the typed word the guide does not use is said (exit 0, the
    spread first, 'worse' named as not in the guide, first of all)."""
    got = run("search", "--format", "json", "does it get worse later on")
    assert got.status == 0
    data = json.loads(got.stdout)
    assert data["results"][0]["id"] == "section:symptoms"
    assert data["unmatched"] == ["worse"]
    plain = run("search", "does it get worse later on")
    assert plain.status == 0
    lines = plain.stdout.splitlines()
    assert lines[2] == "Not in the guide: 'worse'. These matches are for the other words."
    assert lines[4] == "Closest passage (section): Symptoms"


@given(before=st.text(max_size=40), after=st.text(max_size=40))
def test_the_course_is_read_only_without_a_treatment(before: str, after: str) -> None:
    """Any text around "over time": the reading never fails; it is never read with a
    treatment's word named, and the words it returns are the phrase's own."""
    text = f"{before} over time {after}"
    course = search._asks_course(text, ix())
    words = search.WORD.findall(search.normalize_query(text))
    if search._treatment_words(ix()).intersection(words):
        assert course == ()
    assert set(course) <= {w for phrase in search._TIME_PASSING for w in phrase}


# --- spasms going on after a treatment, asked as a share of people: the results' figures --------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "how many patients still have spasms after mvd but fewer",
            "statistic:mvd-diminished",
        ),
        ("what proportion still have spasms after surgery", "statistic:mvd-diminished"),
        # not asked as a share: how soon it works, as before
        ("the spasms are still there a week after surgery", "treatment:mvd/onset"),
        ("how common is it to still have spasms after mvd", "treatment:mvd/onset"),
    ],
)
def test_spasms_going_on_asked_as_a_share_are_among_the_results(
    question: str, expected: str
) -> None:
    assert first(question) == expected


# --- a treatment named by an everyday word for its own name ------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("jabs for hemifacial spasm", "treatment:botox"),
        ("a jab for hemifacial spasm", "treatment:botox"),
    ],
)
def test_an_everyday_word_for_a_name_names_the_treatment(question: str, expected: str) -> None:
    assert first(question) == expected


# --- the aspects of a treatment in patients' words (document expansion) --------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("where exactly do they put the botox needle", "treatment:botox/how_given"),
        ("why do my injections not work as well as they did", "treatment:botox/limitations"),
        ("can botox wear out over the years", "treatment:botox/limitations"),
        ("how many patients are spasm free after mvd", "treatment:mvd/results"),
        ("why are my nerves watched in surgery", "treatment:mvd/monitoring"),
        ("who operates on me for mvd", "treatment:mvd/how_given"),
    ],
)
def test_aspects_asked_in_patients_words(question: str, expected: str) -> None:
    assert first(question) == expected


# --- whether a treatment cures the condition, asked yes or no: how well it works -----------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("does the operation cure it", "treatment:mvd/results"),
        ("will the shots help me", "treatment:botox/results"),
        ("does surgery help everyone", "treatment:mvd/results"),
        ("will tablets help if it is mild", "treatment:medication/results"),
    ],
)
def test_whether_a_treatment_cures_the_condition_is_its_results(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # what else it stops: how it works
        ("do the pills stop the nerve firing", "glossary:anticonvulsants"),
        # two outcomes side by side
        ("does botox cure it or just wear off", "treatment:botox"),
        # what else it helps with: no outcome of the spasms
        ("does botox help with wrinkles", "glossary:botox"),
    ],
)
def test_curing_something_else_is_not_read_as_the_results(question: str, expected: str) -> None:
    assert first(question) == expected


@given(
    verb=st.sampled_from(sorted(search._CURING)),
    after=st.text(max_size=40),
)
def test_a_verb_of_curing_reads_any_text_safely(verb: str, after: str) -> None:
    """Any text after "does botox <verb>": the reading never fails; text naming no treatment
    is never read as asking whether one works."""
    search._asks_if_it_works(f"does botox {verb} {after}", ix())
    assert not search._asks_if_it_works(f"does it {verb} {after}", ix()) or (
        search._treatment_words(ix()).intersection(
            search.WORD.findall(search.normalize_query(after))
        )
    )


# --- a treatment asked about while another is said to fail: the one asked about -----------------


@pytest.mark.parametrize(
    "question",
    [
        "can i get mvd if botox stops working",
        "is surgery possible once the injections stop working",
    ],
)
def test_the_treatment_asked_about_is_not_the_one_said_to_fail(question: str) -> None:
    assert first(question) == "treatment:mvd/when_used"


def test_only_what_the_condition_names_has_failed() -> None:
    assert search._failed(ix(), "can i get mvd if botox stops working") == {"treatment:botox"}
    # named before the phrase, with no condition word: all failed, as before
    assert search._failed(ix(), "the pills and botox didn't help") == {
        "treatment:botox",
        "treatment:medication",
    }


@given(before=st.text(max_size=40), after=st.text(max_size=40))
def test_what_failed_is_read_from_any_text(before: str, after: str) -> None:
    """Any text: the reading never fails, and only treatments come out."""
    failed = search._failed(ix(), f"{before} if botox stops working {after}")
    assert all(t.startswith("treatment:") for t in failed)


# --- what else there is, after the treatments tried failed: the treatment not tried ---------------


@pytest.mark.parametrize(
    "question",
    [
        "tablets and injections have both stopped working, what is left",
        "botox did nothing and the pills made me sick, what now",
    ],
)
def test_what_else_after_two_failed_is_the_treatment_not_tried(question: str) -> None:
    assert first(question) == "treatment:mvd/when_used"


# --- an aspect selected by the asking phrase, of a treatment named: above its summary -----------


@pytest.mark.parametrize(
    "question",
    [
        "why would my doctor prescribe an epilepsy pill for my face",
        "why would they put me on a seizure medicine for my face",
    ],
)
def test_the_aspect_asked_ranks_above_the_treatments_summary(question: str) -> None:
    assert first(question) == "treatment:medication/how_it_works"


def test_the_aspect_titles_are_the_question_titles() -> None:
    assert {
        "how it works",
        "how it is given",
        "how soon it works",
        "how long it lasts",
        "when it is used",
    } == search._ASPECT_TITLES


# --- document expansion never answers for what the guide does not say ----------------------------


@pytest.mark.parametrize(("record", "question"), ASKS)
def test_no_question_a_record_answers_uses_a_phrase_the_guide_may_not_say(
    record: str, question: str
) -> None:
    """A phrase asking what a patient guide may not say at all ("by themselves", "cost") is
    searched only as typed: one in the questions a record answers would answer it silently."""
    padded = f" {question} "
    assert not [p for p in VOCAB.questions.get("beyond", ()) if f" {p} " in padded], record
