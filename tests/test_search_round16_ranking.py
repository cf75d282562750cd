"""What round 16 of ranking reads (issue 19): a story told before a question that names its own
topic only breaks ties; the spasms coming back, asked, are the recurrence figure; a figure
quoted by its count and unit ("is two injections normal"); the guide itself, pointed at ("how
old is this information"); the outcome of the one treatment named, before the sections; what
comes after a treatment that fails ("what happens if the medication doesn't work").

The questions here are not from any question set; the property tests try each reading with any
text around it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, store
from hfs_info.errors import NotFoundError
from tests.depth import examples
from tests.searching import first, ids, plain

DS = store.load_packaged()

# --- the story told before a question that names its own topic --------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "My wife's left eye closes on its own and the corner of her mouth pulls. What do "
            "the botox injections do to the muscle?",
            "treatment:botox/how_it_works",
        ),
        (
            "My mum is 66 and her eye and mouth twitch on one side. How does the medication "
            "calm the nerve?",
            "treatment:medication/how_it_works",
        ),
        (
            "My uncle's eyelid flickers and his cheek pulls up all day. What does the surgeon "
            "do in the operation?",
            "treatment:mvd/how_given",
        ),
    ],
)
def test_a_story_of_symptoms_does_not_outweigh_the_question_asked(
    question: str, expected: str
) -> None:
    assert first(question) == expected


def test_a_question_pointing_back_at_its_story_keeps_the_story_whole() -> None:
    # "how often does that happen": what happens is told in the story
    question = (
        "My brother had the MVD operation and the spasms came back. How often does that happen?"
    )
    assert first(question) == "statistic:mvd-recurrence"


def test_the_story_weighs_less_only_before_a_question_with_topics_of_its_own() -> None:
    ix = search.index_for(DS)
    text = "My mum is 66 and her eye twitches. How does the medication calm the nerve?"
    question = search._question(DS, text, ix)
    ranking = search.rank(DS, text)
    pairs = list(zip(question.concepts, ranking.matches, strict=True))
    told = search._told_before(ix, text, pairs, frozenset(("hemifacial",)))
    assert told == {c.typed for c in question.concepts if c.background}
    assert told  # the story's words ("eye", "twitches"...)
    # pointing back ("is that normal"), or a question of one topic word: the story is whole
    for asked in ("Is that normal?", "How does it calm?"):
        back = f"My mum is 66 and her eye twitches. {asked}"
        q = search._question(DS, back, ix)
        r = search.rank(DS, back)
        pairs = list(zip(q.concepts, r.matches, strict=True))
        assert search._told_before(ix, back, pairs, frozenset()) == set()


def test_a_treatment_the_story_names_as_the_question_does_keeps_its_weight() -> None:
    ix = search.index_for(DS)
    text = "I'm scared of brain surgery and my eye twitches. What are the odds the operation works?"
    question = search._question(DS, text, ix)
    ranking = search.rank(DS, text)
    pairs = list(zip(question.concepts, ranking.matches, strict=True))
    told = search._told_before(ix, text, pairs, frozenset())
    assert "brain surgery" not in told  # the operation asked, told twice
    assert "eye" in told


# --- the spasms coming back: the recurrence figure --------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "will the twitching come back after the operation",
        "how often do spasms return after MVD",
        "my mum's spasms came back after her MVD, does that happen often",
        "her face started to twitch again after the decompression, how often does that happen",
    ],
)
def test_the_spasms_coming_back_are_answered_by_the_recurrence_figure(question: str) -> None:
    assert ids(question) == [
        "statistic:mvd-recurrence",
        "treatment:mvd/results",
        "treatment:mvd/limitations",
    ]


def test_coming_back_to_something_is_no_recurrence() -> None:
    # "come back to work": returning to something, never the spasms returning
    assert "statistic:mvd-recurrence" not in ids("how soon can I come back to work after surgery")


def test_an_outcome_word_that_only_shares_a_stem_names_no_figure() -> None:
    # "effectiveness" meets Botox's "effect lasts" by its stem: the results still lead
    assert first("does the effectiveness of botox diminish over the years") != (
        "statistic:botox-duration"
    )


# --- a figure quoted by its count and unit ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many injections per visit", "statistic:botox-injections"),
        ("are three injections normal for the spasm?", "statistic:botox-injections"),
        (
            "the nurse gave me 2 shots near my eye. is two injections enough for this?",
            "statistic:botox-injections",
        ),
        ("is 3 days normal before the botox works", "statistic:botox-onset"),
    ],
)
def test_a_figure_quoted_by_count_and_unit_leads(question: str, expected: str) -> None:
    assert first(question) == expected


def test_a_count_told_in_the_story_quotes_no_figure() -> None:
    assert search._quoted_figures(DS, "I've had botox every 3 months for years, why?") == set()
    assert search._quoted_figures(DS, "is every 3 months normal for botox") == {
        "statistic:botox-duration"
    }
    # a count outside the figure's range, or of another unit, quotes nothing
    assert search._quoted_figures(DS, "are 5 injections normal") == set()
    assert search._quoted_figures(DS, "are 3 weeks normal") == set()


def test_a_number_typed_without_its_thousands_comma_is_the_guides_number() -> None:
    assert first("8 per 100000") == "statistic:people-affected"


# --- the guide itself, pointed at ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how old is this information",
        "how old is this page, is it still current?",
        "can this page replace my doctor",
        "who holds the copyright",
        "copyright",
    ],
)
def test_the_guide_pointed_at_is_answered_by_its_own_record(question: str) -> None:
    assert first(question) == "source:guide"


def test_the_guide_named_as_where_to_look_is_no_question_of_the_guide() -> None:
    assert first("what does this guide say about botox side effects") == (
        "treatment:botox/side_effects"
    )
    # the age of people is still the age of people
    assert first("how old are people when it starts") == "statistic:average-onset-age"


def test_copyright_is_said_plainly(run) -> None:
    shown = plain(run, "who holds the copyright")
    assert "© Mayfield Clinic 1998-2018" in shown
    assert "Not in the guide" not in shown


# --- the outcome of the one treatment named -----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what are the chances medication stops the spasms", "treatment:medication/results"),
        ("what are the odds the operation fixes my spasm", "treatment:mvd/results"),
    ],
)
def test_the_outcome_of_one_treatment_named_leads_the_sections(
    question: str, expected: str
) -> None:
    assert first(question) == expected


def test_two_treatments_compared_keep_the_overview() -> None:
    assert first("how does surgery compare to botox for long term results") == ("section:overview")


# --- a treatment that fails: what comes next, and why ---------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "what happens if botox stops working",
        "what if the pills don't help my spasm",
        "what happens if the medication doesn't work",
    ],
)
def test_what_comes_after_a_treatment_that_fails_is_another_treatment(question: str) -> None:
    assert first(question) == "treatment:mvd/when_used"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my shots don't work anymore, why is that", "treatment:botox/limitations"),
        ("botox doesnt work anymore why", "treatment:botox/limitations"),
        # how a treatment works is still how it works
        ("how does botox work", "treatment:botox/how_it_works"),
    ],
)
def test_the_work_of_doesnt_work_is_the_failing_not_how_it_works(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "my husband had MVD 3 weeks ago and his face is still twitching, is that normal or did "
        "it fail",
        "has the operation failed if my face still twitches a month later?",
    ],
)
def test_whether_the_treatment_had_failed_asks_its_outcome(question: str) -> None:
    assert first(question) == "treatment:mvd/results"


def test_what_if_a_treatment_fails_still_asks_what_else() -> None:
    assert first("what if botox fails") == "treatment:mvd/when_used"


# --- properties: any text around each reading -----------------------------------------------

_WORDS = st.sampled_from(
    [
        *("my", "mum", "is", "66", "eye", "twitch", "again", "come", "back", "to", "work"),
        *("this", "page", "guide", "how", "old", "two", "injections", "3", "days", "months"),
        *("botox", "surgery", "chances", "is", "that", "normal", "?", ".", ",", "every"),
        *("information", "copyright", "the", "operation", "spasms", "return", "100000"),
        *("what", "happens", "if", "doesnt", "work", "stopped", "working", "pills", "why"),
        *("did", "it", "fail", "has", "failed", "or"),
    ]
)


@settings(max_examples=examples(80), deadline=None)
@given(words=st.lists(_WORDS, min_size=1, max_size=12))
def test_any_text_is_ranked_or_missed_never_broken(words: list[str]) -> None:
    text = " ".join(words)
    try:
        found = search.answer(DS, text)
    except NotFoundError:
        return
    scores = [hit.score for hit in found.hits]
    assert scores == sorted(scores, reverse=True)
    assert len({hit.id for hit in found.hits}) == len(found.hits)


@settings(max_examples=examples(80), deadline=None)
@given(words=st.lists(_WORDS, max_size=12))
def test_a_quoted_figure_is_one_whose_count_and_unit_were_typed(words: list[str]) -> None:
    text = " ".join(words)
    quoted = search._quoted_figures(DS, text)
    typed = set(text.split())
    for figure in quoted:
        unit = next(s.unit for s in DS.statistics if f"statistic:{s.id}" == figure)
        assert any(w.rstrip("s") == unit.rstrip("s") for w in typed)
