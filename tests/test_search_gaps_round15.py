"""What the guide does not give, round 15 (issue 19): what becomes of a named thing later,
written here afresh (none of these questions is from a question set):

- **whether a thing can be done again** ("could the MVD operation be redone", "is a repeat
  MVD possible"): the guide says Botox "can be repeated indefinitely" and nothing of the kind
  of any other treatment (`repeat`);
- **whether a thing lasts, or must be removed or replaced** ("will the Teflon sponge wear
  out", "does the sponge dissolve over time"): the guide says the sponge is put in place, and
  nothing of what becomes of it (`lasting`); a thing of which a sentence says how long it lasts
  or that it returns ("is the facial weakness from Botox permanent": temporary; "is MVD
  permanent": its recurrence) gets no such note;
- **a figure asked at a length of time written before what it is of** ("what is the 10 year
  success rate of MVD", "the five-year recurrence rate"): read as the figure asked without
  the time, the guide never speaks of that time (`period`);
- **what is left of a whole** ("the rest of my face", "for the remainder of my life") is no
  word the guide lacks: the whole is the topic; "rest" asked of itself ("should I rest after
  Botox") is still said to be not in the guide;
- **a thing likened to one the guide names only in a web address** ("is HFS the same as
  blepharospasm", "hemifacial spasm vs blepharospasm"): it never says what that is
  (`definition`); "the same side" likens nothing;
- **the time until something comes back** ("how soon after MVD do spasms recur"): the guide
  counts how many recur, never when (`until`); Botox's three months answer it of Botox.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_gaps, store, vocabulary
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.search_analysis import WORD, asked_figure, normalize_query
from tests.depth import examples
from tests.searching import CLOSEST as _CLOSEST
from tests.searching import answered_json as _json
from tests.searching import first_note as _first_note

DS = store.load_packaged()
VOCAB = vocabulary.load()
_LASTING = " over time (whether it lasts, or must be removed or replaced)" + _CLOSEST


@pytest.mark.parametrize(
    ("question", "named", "first"),
    [
        ("could the MVD operation be redone", "mvd", "treatment:mvd"),
        ("is a repeat MVD possible", "mvd", "treatment:mvd"),
        ("can the surgery be repeated", "surgery", "treatment:mvd"),
        (
            "can they redo the microvascular decompression if it fails",
            "microvascular decompression",
            "treatment:mvd/when_used",
        ),
    ],
)
def test_whether_a_treatment_can_be_repeated_is_said_first(
    run, question: str, named: str, first: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "repeat", "about": [named]}
    assert data["results"][0]["id"] == first
    note = f"The guide does not say whether '{named}' can be repeated" + _CLOSEST
    _first_note(run, question, note)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("can I have the operation again", "operation"),
        ("could they do MVD twice", "mvd"),
        ("is a second microvascular decompression possible", "microvascular decompression"),
        ("can I have another MVD if it fails", "mvd"),
    ],
)
def test_a_treatment_had_again_or_a_second_one_is_asked_to_be_repeated(
    question: str, named: str
) -> None:
    found = search.answer(DS, question)
    assert found.unsaid[0] == (search_gaps.REPEAT, (named,))


@pytest.mark.parametrize(
    "question",
    [
        "can I get botox again",
        "when can I drive again after MVD",
        "the spasms started again after MVD",
        "is there another treatment besides MVD",
    ],
)
def test_again_of_botox_or_of_the_story_is_no_repeat_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.REPEAT for what, _ in found.unsaid)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(["have", "the", "mvd", "again", "second", "a", "do", "x"])))
def test_a_thing_had_again_stands_between_the_verb_and_again_or_after_second(
    words: list[str],
) -> None:
    for span in search_gaps._again(words):
        assert len(span) <= search_gaps._OVER_TIME_SPAN
        before = words[span.start - 1] if span.start > 0 else None
        after = words[span.stop] if span.stop < len(words) else None
        assert before in search_gaps._SECOND or (
            after in search_gaps._AGAIN and before in search_gaps._UNDERGO
        )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("will the teflon sponge wear out", "'teflon' or 'sponge'"),
        ("is the teflon sponge permanent", "'teflon' or 'sponge'"),
        ("does the sponge dissolve over time", "'sponge'"),
        ("can the sponge slip out of place", "'sponge'"),
        ("will the sponge ever be removed", "'sponge'"),
    ],
)
def test_whether_a_thing_lasts_or_is_replaced_is_said_first(run, question: str, named: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0]["lacks"] == "lasting"
    assert data["results"][0]["id"] == "treatment:mvd/how_it_works"
    _first_note(run, question, f"The guide does not say what becomes of {named}" + _LASTING)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("can the botox injections be repeated", "treatment:botox/results"),
        ("is the facial weakness from Botox permanent", "treatment:botox/side_effects"),
        # whether the operation lasts is its outcome (round 15 ranking): its results lead
        ("is mvd permanent", "treatment:mvd/results"),
        ("does botox wear off", "treatment:botox/duration"),
        ("what muscles does the facial nerve move", None),
    ],
)
def test_no_repeat_or_lasting_note_where_the_guide_says_it(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert all(what not in (search_gaps.REPEAT, search_gaps.LASTING) for what, _ in found.unsaid)
    if first is not None:
        assert found.hits[0].id == first


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        ("how soon after MVD do spasms recur", "recur"),
        ("how long until the twitching comes back after microvascular decompression", "comes back"),
        ("the usual time to recurrence after the operation", "recurrence"),
        ("after the sponge operation how long before the spasm can come back", "come back"),
    ],
)
def test_the_time_until_something_comes_back_is_said_first(run, question: str, typed: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "until", "about": [typed]}
    _first_note(run, question, f"The guide gives no length of time until '{typed}'" + _CLOSEST)


@pytest.mark.parametrize(
    "question",
    [
        "how long before the twitching comes back after botox",
        "how long is the recovery and will the spasm come back",
        "how long until I come back to work after MVD",
        "how many patients have the spasms come back after MVD",
    ],
)
def test_no_until_note_where_the_guide_times_it_or_none_is_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.UNTIL for what, _ in found.unsaid)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("can", "the", "mvd", "botox", "sponge", "teflon", "be", "repeated", "redo"),
                *("permanent", "forever", "replaced", "removed", "is", "will", "surgery", "a"),
                *("facial", "weakness", "nerve", "wear", "dissolve", "tegretol", "hearing"),
            ]
        ),
        min_size=1,
        max_size=9,
    )
)
def test_a_repeat_or_lasting_note_names_a_typed_thing_asked_so(words: list[str]) -> None:
    text = " ".join(words)
    try:
        found = search.answer(DS, text)
    except (NotFoundError, UsageError):
        return
    typed = WORD.findall(normalize_query(text))
    for what, about in found.unsaid:
        if what not in (search_gaps.REPEAT, search_gaps.LASTING):
            continue
        asking = {lack: asks for lack, asks, _ in search_gaps._OVER_TIME}[what]
        assert not asking.isdisjoint(typed)  # a word asks it
        assert about and all(set(thing.split()) <= set(typed) for thing in about)
        assert not asking.intersection(about)  # the thing is never the asking word


@given(st.text(max_size=80))
def test_the_round_15_notes_never_fail_on_any_text(text: str) -> None:
    try:
        found = search.answer(DS, text)
    except (NotFoundError, UsageError):
        return
    typed = WORD.findall(normalize_query(text))
    for what, about in found.unsaid:
        if what in (search_gaps.REPEAT, search_gaps.LASTING, search_gaps.UNTIL):
            assert all(set(thing.split()) <= set(typed) for thing in about)


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("what is the 10 year success rate of MVD", "10 year"),
        ("what is the 3-year success rate of microvascular decompression", "3 year"),
        ("whats the five year recurrence rate after MVD", "five year"),
    ],
)
def test_a_figure_asked_at_a_length_of_time_before_it_is_said_first(
    question: str, span: str
) -> None:
    found = search.answer(DS, question)
    assert found.unsaid[0][0] == search_gaps.PERIOD
    assert found.unsaid[0][1][0] == span


@pytest.mark.parametrize(
    "question",
    ["what is the success rate of MVD", "is 3 months normal for botox", "what is MVD"],
)
def test_no_period_note_without_a_time_or_a_figure_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.PERIOD for what, _ in found.unsaid)


@given(st.lists(st.sampled_from(["what", "is", "the", "10", "year", "success", "rate", "of"])))
def test_a_figure_asked_with_its_time_is_asked_without_it(words: list[str]) -> None:
    sentence = " ".join(words)
    spans = search_gaps._time_spans(sentence)
    asked = search_gaps._asks_figure(sentence, spans, VOCAB)
    if asked_figure(sentence, VOCAB) is not None:
        assert asked
    elif asked:  # found only without the time: a time was there to take away
        assert spans


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("will the twitching spread over the rest of my face", "section:symptoms"),
        ("could I stay on Botox for the remainder of my life", None),
        ("does the spasm reach the rest of the face over time", "section:symptoms"),
    ],
)
def test_what_is_left_of_a_whole_is_no_word_the_guide_lacks(
    question: str, first: str | None
) -> None:
    found = search.answer(DS, question)
    assert "rest" not in found.unmatched and "remainder" not in found.unmatched
    if first is not None:
        assert found.hits[0].id == first


def test_rest_asked_of_itself_is_still_not_in_the_guide() -> None:
    found = search.answer(DS, "should I rest after botox")
    assert "rest" in found.unmatched


@given(st.lists(st.sampled_from(["the", "rest", "of", "my", "face", "remainder", "bed"])))
def test_a_remainder_word_stands_before_of_every_time_it_is_typed(words: list[str]) -> None:
    text = " ".join(words)
    for word in ("rest", "remainder", "face"):
        if search_gaps.remainder(word, text):
            assert word in search_gaps._REMAINDER
            at = [k for k, w in enumerate(words) if w == word]
            assert at and all(words[k + 1 : k + 2] == ["of"] for k in at)


@pytest.mark.parametrize(
    "question",
    [
        "is hemifacial spasm the same as blepharospasm",
        "HFS versus blepharospasm",
        "what is the difference between hemifacial spasm and blepharospasm",
        "is blepharospasm the same condition",
    ],
)
def test_a_thing_likened_to_one_only_in_a_web_address_is_said_first(run, question: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "definition", "about": ["blepharospasm"]}


@pytest.mark.parametrize(
    "question",
    [
        "craniotomy vs craniectomy",
        "the twitching is on the same side as my old Bell's palsy",
        "is it the same botox they use for wrinkles",
        "where is the blepharospasm website",
    ],
)
def test_no_likening_note_without_a_word_only_in_an_address_or_no_likening(
    question: str,
) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.DEFINITION for what, _ in found.unsaid)


@given(st.lists(st.sampled_from(["the", "same", "as", "side", "vs", "thing", "a", "is"])))
def test_likening_is_a_likening_word_or_the_same_as_a_thing(words: list[str]) -> None:
    if search_gaps._likens(words):
        assert not search_gaps._SAMENESS.isdisjoint(words) or any(
            w == "same" and words[k + 1 : k + 2] in (["as"], ["thing"], ["condition"])
            for k, w in enumerate(words)
        )
    else:
        assert "vs" not in words
