"""What a question asks beyond its topic words, round 9 (issue 19): choosing between the
treatments it names, an aspect's title typed as a phrase, how a treatment is done and who
does it, and the spasms "back".

Each mechanism reads a kind of asking (an intent of the vocabulary, a verb's class, a phrase of
the vocabulary), never one sentence: the property tests try it with every name of every
treatment, every phrase of the intent and stories around it.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, store, vocabulary
from hfs_info.search_index import entries
from tests.depth import examples
from tests.searching import first, ix

DS = store.load_packaged()
VOCAB = vocabulary.load()
TREATMENTS = sorted(e.id for e in entries(DS) if e.kind == "treatment" and "/" not in e.id)


def entry(record_id: str) -> search.Entry:
    return next(e for e in ix().rows if e.id == record_id)


def names_of(treatment: str) -> list[str]:
    """Every own name of ``treatment`` (its title's words, aliases, brand names, a drug's
    names), as typed."""
    return sorted(
        name
        for name, rows in ix().own_names.items()
        if {search._treatment_of(ix().rows[r]) for r in rows} == {treatment}
    )


def of_no_one_treatment(record_id: str) -> bool:
    return search._treatment_of(entry(record_id)) == "" and record_id not in search._namesakes(ix())


# --- choosing between treatments: the record that speaks of them all ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "botox or surgery which is better",
        "pros and cons of medication vs botox vs surgery",
        "how do i decide between pills shots and operation",
        "Should I choose Botox or surgery?",
        "which is best, tablets or injections?",
        "compare MVD and Botox",
    ],
)
def test_choosing_between_treatments_leads_with_the_options(question: str) -> None:
    assert first(question) == "section:overview"


def test_the_options_lead_because_they_speak_of_every_treatment_named() -> None:
    """The record raised is of no one treatment and its text names each treatment asked."""
    overview = entry("section:overview").body.casefold()
    assert of_no_one_treatment("section:overview")
    assert all(word in overview for word in ("medication", "surgery", "botox"))


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        # another topic asked of them: that topic answers, not the options
        ("surgery vs injections which one can affect hearing", {"treatment:mvd/side_effects"}),
        ("MVD vs botox which one lasts longer", {"treatment:botox/duration"}),
        # one treatment named: nothing to choose between
        ("is botox better", {"treatment:botox/results"}),
        ("pros and cons of MVD", {"treatment:mvd", "figure:figure-2"}),
    ],
)
def test_a_choice_asked_of_something_else_or_of_one_treatment_is_not_the_options(
    question: str, answers: set[str]
) -> None:
    assert first(question) in answers


def test_pros_and_cons_are_asking_words_never_topics_the_guide_lacks() -> None:
    found = search.answer(DS, "pros and cons of medication vs botox vs surgery")
    assert found.unmatched == ()
    assert "pros and cons" in VOCAB.questions["choice"]


@settings(max_examples=examples(80), deadline=None)
@given(
    pair=st.sampled_from(list(itertools.combinations(TREATMENTS, 2))),
    data=st.data(),
    phrase=st.sampled_from(
        [p for p in VOCAB.questions["choice"] if p not in ("which one", "which should i")]
    ),
    story=st.sampled_from(["", "My doctor gave me options. ", "hi, "]),
)
def test_any_choice_between_any_names_of_two_treatments_leads_with_a_record_of_them_all(
    pair: tuple[str, str], data: st.DataObject, phrase: str, story: str
) -> None:
    one = data.draw(st.sampled_from(names_of(pair[0])), label="one")
    other = data.draw(st.sampled_from(names_of(pair[1])), label="other")
    hits = search.search(DS, f"{story}{phrase}: {one} or {other}?")
    assert of_no_one_treatment(hits[0].id), (one, other, [h.id for h in hits[:3]])


@settings(max_examples=examples(60), deadline=None)
@given(
    pair=st.sampled_from(list(itertools.combinations(TREATMENTS, 2))),
    data=st.data(),
    phrase=st.sampled_from(["better", "best", "which is better", "choose"]),
    topic=st.sampled_from(["side effects", "hearing", "recovery", "drowsiness"]),
)
def test_a_choice_that_asks_of_another_topic_is_never_raised_to_the_options(
    pair: tuple[str, str], data: st.DataObject, phrase: str, topic: str
) -> None:
    one = data.draw(st.sampled_from(names_of(pair[0])), label="one")
    other = data.draw(st.sampled_from(names_of(pair[1])), label="other")
    question = f"{one} or {other}, {phrase} for {topic}"
    plain = f"{one} or {other} {topic}"
    # the choice words change nothing when another topic is asked of the treatments
    chosen = search.rank(DS, question)
    together = search._choosing_between(
        ix(), list(zip(search._question(DS, question, ix()).concepts, chosen.matches, strict=True))
    )
    assert together == {}, (question, plain)


# --- an aspect's title typed as a phrase ---------------------------------------------------------


@pytest.mark.parametrize("treatment", ["treatment:botox", "treatment:mvd", "treatment:medication"])
@pytest.mark.parametrize(
    ("asking", "aspect"),
    [("{} how it works", "how_it_works"), ("{}: how it is given", "how_given")],
)
def test_an_aspect_title_typed_after_a_name_selects_that_aspect(
    treatment: str, asking: str, aspect: str
) -> None:
    for name in names_of(treatment):
        assert first(asking.format(name)) == f"{treatment}/{aspect}", name


def test_the_aspect_title_with_a_typo_in_the_name() -> None:
    assert first("botulinim toxin how it works") == "treatment:botox/how_it_works"
    assert first("botox injections how long they last") in {
        "treatment:botox/duration",
        "statistic:botox-duration",
    }


def test_how_it_is_read_as_a_title_only_with_a_verb_the_guide_titles_an_aspect_with() -> None:
    """'is that how it normally is' names no such verb: no treatment's aspect is asked."""
    assert "/" not in first("is that how it normally is")


# --- how a treatment is done, and who does it ----------------------------------------------------


@settings(max_examples=examples(60), deadline=None)
@given(
    treatment=st.sampled_from(TREATMENTS),
    data=st.data(),
    asking=st.sampled_from(
        [
            "how is {} done",
            "how is the {} performed",
            "how is {} administered",
            "who performs {}",
            "who gives the {}",
            "Who actually performs the {}?",
        ]
    ),
)
def test_how_a_treatment_is_done_or_who_does_it_is_how_it_is_given(
    treatment: str, data: st.DataObject, asking: str
) -> None:
    name = data.draw(st.sampled_from(names_of(treatment)), label="name")
    hits = [h.id for h in search.search(DS, asking.format(name))[:3]]
    assert f"{treatment}/how_given" in hits, (name, hits)


@pytest.mark.parametrize(
    "question", ["who performs the MVD operation", "how is the microvascular decompression done"]
)
def test_the_operation_done_leads_with_how_it_is_given(question: str) -> None:
    assert first(question) == "treatment:mvd/how_given"


@pytest.mark.parametrize(
    "question",
    [
        "who gets hemifacial spasm",  # who is affected: no verb of giving
        "who is more likely to get it, men or women",
        "how does botox work",  # asks how it works
    ],
)
def test_who_or_how_without_a_verb_of_giving_asks_something_else(question: str) -> None:
    assert not first(question).endswith("/how_given")


# --- the spasms back: they come back -------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how many out of 100 people get the spasms back after surgery",
        "will I get my twitching back after MVD",
        "chance the spasm back after the operation",
    ],
)
def test_the_spasms_back_after_surgery_is_their_recurrence(question: str) -> None:
    top = [h.id for h in search.search(DS, question)[:3]]
    assert {"statistic:mvd-recurrence", "treatment:mvd/limitations"} & set(top), top
    assert "statistic:mvd-return-to-life" not in top[:1]


def test_back_to_life_is_still_the_return_to_life() -> None:
    assert first("when will I be back to my usual life after surgery") in {
        "treatment:mvd/recovery",
        "statistic:mvd-return-to-life",
    }


# --- what a word of a name means: the glossary term --------------------------------------------


def glossary_namesakes() -> list[tuple[str, str]]:
    """(an own name, the glossary term it names) for every name that names a glossary term and
    another record (a treatment, the nerve) too."""
    out = []
    for name, rows in ix().own_names.items():
        kinds = {ix().rows[r].kind for r in rows}
        if "glossary" in kinds and len(kinds) > 1:
            glossary = next(ix().rows[r].id for r in rows if ix().rows[r].kind == "glossary")
            out.append((name, glossary))
    return sorted(out)


def test_what_a_word_of_the_name_means_is_the_glossary_term() -> None:
    question = "what does decompression mean in microvascular decompression"
    assert first(question) == "glossary:microvascular-decompression"


@settings(max_examples=examples(40), deadline=None)
@given(
    named=st.sampled_from(glossary_namesakes()),
    asking=st.sampled_from(["what does {} mean", "define {}", "meaning of {}", "{} meaning"]),
)
def test_the_meaning_asked_of_a_name_shared_with_a_glossary_term_is_that_term(
    named: tuple[str, str], asking: str
) -> None:
    name, glossary = named
    assert first(asking.format(name)) == glossary


def test_a_kind_asked_is_not_a_meaning_asked() -> None:
    """'what kind of surgeon' asks no word's meaning: the glossary term does not lead."""
    assert "what kind of" not in VOCAB.questions["meaning"]
    assert not first("who does the MVD operation, what kind of surgeon").startswith("glossary:")
