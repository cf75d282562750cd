"""What round 13 of ranking reads (issue 19): everyday words for "less" of the spasms (the
guide's "diminished"), and "why" asked of a thing needed or done ("why do I need an MRI"), which
asks what that thing is for, not what causes the condition.

The questions here are not from any question set; the property test tries the reading of "why"
with any text.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hfs_info import search, store
from tests.searching import first

DS = store.load_packaged()


# --- less of the spasms: the guide's "diminished spasms" ----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "are the spasms reduced for some patients rather than stopped after decompression",
        "after MVD how many just have less twitching",
        "weaker spasms after the operation, how common is that",
        "how many patients find their spasms lessened after surgery",
    ],
)
def test_less_of_the_spasms_after_surgery_is_the_diminished_figure(question: str) -> None:
    assert first(question) == "statistic:mvd-diminished"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the guide's own "reduce" still answers as before
        ("are complications reduced by monitoring", "treatment:mvd/monitoring"),
        # "mild" is the guide's word for cases medication can treat: not "diminished"
        ("does medication work for milder spasms", "treatment:medication/results"),
    ],
)
def test_the_guides_own_words_keep_their_answers(question: str, expected: str) -> None:
    assert first(question) == expected


# --- why a thing is needed or done: what it is for ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("why would my doctor order an MRI for my face twitching", "section:diagnosis"),
        ("why get an MRI for hemifacial spasm", "section:diagnosis"),
        ("why do surgeons do nerve monitoring during MVD", "treatment:mvd/monitoring"),
        ("why are blood tests needed on carbamazepine", "treatment:medication/monitoring"),
        # asked of the condition alone, "why" still asks its causes
        ("why did I get hemifacial spasm", "section:causes"),
        ("why do I have hemifacial spasm", "section:causes"),
    ],
)
def test_why_a_thing_is_needed_or_done_asks_what_it_is_for(question: str, expected: str) -> None:
    assert first(question) == expected


@given(
    before=st.text(max_size=30),
    verb=st.sampled_from(sorted(search._HAVING_DONE)),
    middle=st.sampled_from(["", "i", "they", "would they", "do i", "does my doctor"]),
    after=st.text(max_size=30),
)
def test_why_then_a_verb_of_having_done_is_read_so(
    before: str, verb: str, middle: str, after: str
) -> None:
    """Any text around it: "why", then a verb of needing or having done within the clause's
    next words, is read so; text without "why" never is; and "why do" followed by no such verb
    is the auxiliary, never read so."""
    clean = search._CLAUSE.sub(" ", before)
    words = search.WORD.findall(clean.casefold())
    auxiliary = not middle and verb == "do"  # "why do ..." alone: the auxiliary
    if "why" not in words and not auxiliary:  # the first "why" of the clause is the one read
        assert search._asks_why_done(f"{clean} why {middle} {verb} {after}")
    whole = f"{before} {verb} {after}"
    if "why" not in search.WORD.findall(whole.casefold()):
        assert not search._asks_why_done(whole)
    assert not search._asks_why_done("why do " + " ".join(["my", "eyes", "twitch"]))


@given(text=st.text(max_size=80))
def test_why_only_ever_weighs_less_and_nothing_else_changes(text: str) -> None:
    """For any text: reading "why" as asked of a thing changes no concept but "why", and that
    one only ever weighs as the guide's subject does."""
    from hfs_info import vocabulary
    from hfs_info.search_analysis import SUBJECT_WEIGHT, read_question

    question = read_question(text, vocabulary.load())
    read = search._why_of_topic(question, text)
    assert len(read.concepts) == len(question.concepts)
    for old, new in zip(question.concepts, read.concepts, strict=True):
        if old.typed != "why":
            assert new == old
        else:
            assert new.weight in (old.weight, SUBJECT_WEIGHT)


# --- choosing a treatment: the guide's "you and your doctor should pick" -----------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who decides which treatment is best for me", "section:overview"),
        ("who chooses my treatment", "section:overview"),
        ("can I choose the treatment myself", "section:overview"),
        ("who selects the treatment option, the neurologist or the surgeon", "section:overview"),
        # a choice of something else keeps its own answer: who decides the muscles
        ("who decides which muscles get injected", "treatment:botox/how_given"),
    ],
)
def test_choosing_a_treatment_leads_with_the_options(question: str, expected: str) -> None:
    assert first(question) == expected


@given(
    before=st.text(max_size=30),
    verb=st.sampled_from(sorted(search._CHOOSING)),
    determiners=st.lists(st.sampled_from(sorted(search._DETERMINERS)), max_size=2),
    option=st.sampled_from(sorted(search._OPTIONS)),
    after=st.text(max_size=30),
)
def test_a_verb_of_choosing_with_a_treatment_as_object_is_read_so(
    before: str, verb: str, determiners: list[str], option: str, after: str
) -> None:
    """Any text around it: a verb of choosing, then a general word for a treatment as its
    object, is read so; another object ("which muscles") never is; no text without a verb of
    choosing ever is."""
    clean = search._CLAUSE.sub(" ", before)
    middle = " ".join(determiners)
    assert search._treatment_chosen(f"{clean} {verb} {middle} {option} {after}")
    if not search._CHOOSING & set(search.WORD.findall(f"{before} {after}".casefold())):
        assert not search._treatment_chosen(f"{before} {verb} {middle} muscles {after}")
        assert not search._treatment_chosen(f"{before} {middle} {option} {after}")


# --- "only" frames a question; an age told by its decade ----------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "only" is not the guide's "affects only 8 people": one side of the face answers
        ("is it one side only", "section:overview"),
        ("is it only ever on one side of the face", "section:overview"),
        # an age told by its decade, or "young", is asked of the age it begins at
        ("can young people get hemifacial spasm", "statistic:average-onset-age"),
        (
            "my mother is in her sixties, is that a typical age for it",
            "statistic:average-onset-age",
        ),
        (
            "I'm in my fifties, is that an unusual age to get hemifacial spasm",
            "statistic:average-onset-age",
        ),
    ],
)
def test_only_frames_and_a_decade_is_an_age(question: str, expected: str) -> None:
    assert first(question) == expected
    assert not search.answer(DS, question).unmatched


def test_a_decade_or_only_typed_alone_is_still_searched() -> None:
    """Typed alone, a word of the vocabulary is searched as the guide's word, and a filler word
    as typed."""
    assert first("forties") == "statistic:average-onset-age"
    assert first("only") == "section:affected"


# --- a treatment named with the general word as its head -----------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what are the limits of drug treatment", "treatment:medication/limitations"),
        ("side effects of drug therapy", "treatment:medication/side_effects"),
        ("how long does injection treatment last", "treatment:botox/duration"),
        ("what drug treatment is there", "treatment:medication"),
    ],
)
def test_a_treatment_named_with_the_general_word_is_that_treatment(
    question: str, expected: str
) -> None:
    assert first(question) == expected
