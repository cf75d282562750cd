"""What round 11 of ranking reads in a question (issue 19): figures a question does not tell
apart, things set side by side, a question about the condition itself, a web address asked
for, how often a treatment that wears off is had; and a clinician's shorthand, a count of
people and the disclaimer in the vocabulary.

Each mechanism reads a kind of asking or a kind of record, never one sentence: the questions
here are not from any question set, and the property tests try each rule with every name of
every drug or treatment, every word for a web address and stories around them.
"""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, store, vocabulary
from hfs_info.search_index import entries
from tests.depth import examples
from tests.searching import first, ids, ix, treatment_names
from tests.searching import record_names as own_names

DS = store.load_packaged()
VOCAB = vocabulary.load()
DRUGS = sorted(e.id for e in entries(DS) if e.kind == "drug")
TREATMENTS = sorted(e.id for e in entries(DS) if e.kind == "treatment" and "/" not in e.id)


# --- figures a question does not tell apart: the section that states them together -------------


@pytest.mark.parametrize(
    "question",
    [
        "where on the face does it begin",
        "where do the spasms normally begin",
        "where does it start",
        "where the spasm starts",
    ],
)
def test_figures_not_told_apart_are_answered_by_their_section(question: str) -> None:
    """92% begin near the eye, 8% near the chin: asked where it starts, the symptoms say both."""
    assert first(question) == "section:symptoms"
    assert {"statistic:onset-near-eye", "statistic:onset-near-chin"} <= set(ids(question, 4))


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("does it begin near the chin", "statistic:onset-near-chin"),
        ("how many people have hemifacial spasm", "statistic:people-affected"),
    ],
)
def test_a_figure_told_apart_or_asked_for_keeps_its_place(question: str, figure: str) -> None:
    assert first(question) == figure


GROUPED = sorted(
    {
        (s.group, f"section:{s.section}")
        for s in DS.statistics
        if not any(s.id in t.statistics for t in DS.treatments)
        and sum(o.group == s.group for o in DS.statistics) >= 2
    }
)


@pytest.mark.parametrize(("group", "section"), GROUPED)
def test_every_group_of_figures_asked_by_its_heading_leads_with_its_section(
    group: str, section: str
) -> None:
    """The heading the figures share ("Who is affected", "Where the spasm starts"), asked,
    is answered by the section that states them: for every such group of the dataset."""
    assert first(group) == section
    assert first(f"{group.lower()}?") == section


# --- things set side by side: each thing's own record ------------------------------------------

SIDE_BY_SIDE = ["{} vs {}", "{} versus {}", "the difference between {} and {}", "{} v {}"]


@settings(max_examples=examples(60), deadline=None)
@given(
    pair=st.sampled_from(list(itertools.permutations(DRUGS, 2))),
    form=st.sampled_from(SIDE_BY_SIDE),
    data=st.data(),
)
def test_two_drugs_side_by_side_lead_with_the_two_drugs(
    pair: tuple[str, str], form: str, data: st.DataObject
) -> None:
    """Not the prescriptions that list them both: what the guide says of each."""
    a, b = (data.draw(st.sampled_from(own_names(drug))) for drug in pair)
    assert set(ids(form.format(a, b), 2)) == set(pair)


@settings(max_examples=examples(40), deadline=None)
@given(
    pair=st.sampled_from(list(itertools.combinations(TREATMENTS, 2))),
    form=st.sampled_from(["{} vs {}", "{} versus {}", "{} vs {} for hemifacial spasm"]),
    data=st.data(),
)
def test_two_treatments_side_by_side_lead_with_the_two_treatments(
    pair: tuple[str, str], form: str, data: st.DataObject
) -> None:
    """A name may be a drug of the medication ("tegretol vs botox": the drug's own record)."""
    a, b = (data.draw(st.sampled_from(treatment_names(t))) for t in pair)
    leading = ids(form.format(a, b), 2)
    assert {search._treatment_of(e) for e in entries(DS) if e.id in leading} == set(pair)


@pytest.mark.parametrize(
    ("question", "leading"),
    [
        ("tegretol vs dilantin", {"drug:carbamazepine", "drug:phenytoin"}),
        ("baclofen versus diazepam", {"drug:baclofen", "drug:diazepam"}),
        ("difference between clonazepam and baclofen", {"drug:clonazepam", "drug:baclofen"}),
        (
            "Bell's palsy compared with trigeminal neuralgia",
            {"glossary:bells-palsy", "glossary:trigeminal-neuralgia"},
        ),
        ("botox vs medication", {"treatment:botox", "treatment:medication"}),
    ],
)
def test_things_side_by_side_lead_with_their_own_records(question: str, leading: set[str]) -> None:
    assert set(ids(question, 2)) == leading


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # something else is asked of them: the record that answers it
        ("side effects of tegretol vs dilantin", "treatment:medication/side_effects"),
        # "instead of" sets nothing side by side: when MVD is used
        ("when is MVD used instead of botox", "treatment:mvd/when_used"),
        # choosing between treatments: the options, each with its benefits and limits
        ("botox or surgery, which is better", "section:overview"),
    ],
)
def test_other_questions_naming_two_things_answer_what_they_ask(question: str, answer: str) -> None:
    assert first(question) == answer


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=80))
def test_reading_a_comparison_never_fails_and_needs_a_word_of_comparing(text: str) -> None:
    words = set(search.WORD.findall(search.normalize_query(text)))
    assert search._compares(text) == bool(words & search._COMPARING)


# --- a question about the condition itself: a treatment's records weigh less -------------------


def about_condition(question: str) -> bool:
    index = ix()
    read = search._question(DS, question, index)
    words = lambda: search._content_words(index.rows)  # noqa: E731
    pairs = [(c, search._concept_match(index, c, words)) for c in read.concepts]
    return search._of_condition(index, pairs, VOCAB.subject)


@pytest.mark.parametrize(
    "question",
    [
        "what exams will a doctor do for facial spasm",
        "eyelid flickering on one side of my face",
        "what is happening in the brain with hemifacial spasm",
    ],
)
def test_a_question_about_the_condition_leads_with_no_treatment(question: str) -> None:
    assert about_condition(question)
    assert not any(search._treatment_of(e) for e in entries(DS) if e.id in ids(question))


def test_a_cause_asked_about_the_condition_leads_with_the_causes() -> None:
    """Not Botox's limitations (which speak of years too)."""
    assert first("years ago I had bells palsy, is that why my face twitches now") == (
        "section:causes"
    )


@pytest.mark.parametrize(
    "question",
    [
        "side effects for hemifacial spasm",  # a treatment's aspect, by its name
        "recovery time for hemifacial spasm",
        "risks of treating hemifacial spasm",
        "my left side twitches",  # no word naming the condition
    ],
)
def test_an_aspect_named_or_no_condition_named_is_not_about_the_condition(question: str) -> None:
    assert not about_condition(question)


@settings(max_examples=examples(60), deadline=None)
@given(
    treatment=st.sampled_from(TREATMENTS),
    form=st.sampled_from(
        ["{} for hemifacial spasm", "does {} help the twitching", "my face spasm and the {}"]
    ),
    data=st.data(),
)
def test_a_question_naming_a_treatment_is_never_about_the_condition_alone(
    treatment: str, form: str, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(treatment_names(treatment)))
    assert not about_condition(form.format(name))


# --- a web address asked for --------------------------------------------------------------------


@settings(max_examples=examples(40), deadline=None)
@given(
    word=st.sampled_from(["websites", "website", "web", "online", "links"]),
    form=st.sampled_from(
        ["good {} on facial twitching", "any {} for patients?", "where can I read more {}"]
    ),
)
def test_a_web_address_asked_for_leads_with_an_address(word: str, form: str) -> None:
    assert first(form.format(word)).split(":")[0] in search.ADDRESS_KINDS


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("any links for patients", "link:aanem-patients"),
        ("useful web pages about blepharospasm", "link:blepharospasm-org"),
        ("which website lists drug company trials", "registry:centerwatch"),
    ],
)
def test_the_address_answering_most_of_the_question_leads(question: str, answer: str) -> None:
    assert first(question) == answer


def test_a_word_sharing_only_a_stem_with_web_link_asks_no_address() -> None:
    """The word "linked" asks no web address (it shares only a stem with "web link")."""
    index = ix()
    read = search._question(DS, "face pain disease linked to the nerve", index)
    words = lambda: search._content_words(index.rows)  # noqa: E731
    pairs = [(c, search._concept_match(index, c, words)) for c in read.concepts]
    assert not search._asks_address(index, pairs)


# --- how often a treatment that wears off is had: how long it lasts ----------------------------


@settings(max_examples=examples(40), deadline=None)
@given(
    form=st.sampled_from(
        ["how often do you get {}", "{} how often", "how often are {} given", "how often {}"]
    ),
    data=st.data(),
)
def test_how_often_botox_is_had_is_how_long_it_lasts(form: str, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(treatment_names("treatment:botox")))
    assert first(form.format(name)) == "treatment:botox/duration"


@settings(max_examples=examples(40), deadline=None)
@given(
    treatment=st.sampled_from(
        [t for t in TREATMENTS if f"{t}/duration" not in {e.id for e in entries(DS)}]
    ),
    form=st.sampled_from(["how often do you get {}", "how often is the {} done"]),
    data=st.data(),
)
def test_how_often_of_a_treatment_that_does_not_wear_off_is_never_botoxs_interval(
    treatment: str, form: str, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(treatment_names(treatment)))
    assert "treatment:botox/duration" not in ids(form.format(name))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("how often should I get my injections", "treatment:botox/duration"),
        ("botox shots how often", "treatment:botox/duration"),
        # something else asked of it
        ("how often does botox cause a droopy eyelid", "treatment:botox/side_effects"),
    ],
)
def test_how_often_asked_of_a_treatment(question: str, answer: str) -> None:
    assert first(question) == answer


# --- the vocabulary: a clinician's words, a count of people --------------------------------------


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("adverse effects of botox", "treatment:botox/side_effects"),
        ("AEs of the anticonvulsants", "treatment:medication/side_effects"),
        ("clinical presentation of hemifacial spasm", "section:symptoms"),
        ("pharmacotherapy for facial spasm", "treatment:medication"),
        ("incidence of hemifacial spasm", "section:affected"),
        ("how many folks get hemifacial spasm", "statistic:people-affected"),
        ("how many individuals have this condition", "statistic:people-affected"),
    ],
)
def test_everyday_and_clinical_words_for_the_guides_own(run, question: str, answer: str) -> None:
    """Said in other words, the same thing: found with no note that the guide lacks a word."""
    result = run("search", question, "--format", "json")
    assert result.status == 0
    data = json.loads(result.stdout)
    assert data["results"][0]["id"] == answer
    assert (data["unmatched"], data["related"], data["unsaid"]) == ([], {}, [])


@pytest.mark.parametrize(
    "question", ["how is the medicine taken", "how are the tablets taken", "how is baclofen taken"]
)
def test_how_a_medicine_is_taken_is_how_it_is_given(question: str) -> None:
    assert first(question) == "treatment:medication/how_given"
