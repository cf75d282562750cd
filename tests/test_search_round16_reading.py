"""How the words of a question are read (issue 19, round 16): the sign of the guide's notice
("©") and the word for it; "glossary" alone, the guide's word list; a comparison of the sexes the
guide makes, never a missing topic; a count inside a range the guide gives; a clinician's
shorthand for the guide's cause, place and operation; the verb of doing a treatment, the frame
of how it is given; a relation asked, the guide's "related to".
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.search_analysis import Concept, Question
from hfs_info.text import SIGN_WORDS, said_signs
from tests.depth import examples
from tests.searching import answered_json

DS = store.load_packaged()
# The guide's own glossary (its six terms, alphabetical as the guide lists them).
GLOSSARY = [
    "glossary:anticonvulsants",
    "glossary:bells-palsy",
    "glossary:botox",
    "glossary:facial-nerve",
    "glossary:microvascular-decompression",
    "glossary:trigeminal-neuralgia",
]


# --- the sign of the guide's notice ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["copyright", "©", "© 2018", "who owns the copyright", "copyright of the guide"]
)
def test_the_copyright_sign_and_its_word_find_the_guides_notice(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == "source:guide", [h.id for h in found.hits[:3]]


def test_the_notice_is_shown_with_its_sign_read_out(run) -> None:
    result = run("search", "©", "-f", "plain", "-n", "1")
    assert result.status == 0
    assert "Best answer (source): Hemifacial Spasm" in result.stdout
    assert "Match: Copyright © Mayfield Clinic 1998-2018" in result.stdout


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("© Mayfield Clinic 1998-2018", "Copyright © Mayfield Clinic 1998-2018"),
        ("Copyright © Mayfield Clinic", "Copyright © Mayfield Clinic"),
        ("who holds the ©", "who holds the copyright ©"),
        ("Botox®", "Botoxregistered ®"),
        ("no sign here", "no sign here"),
    ],
)
def test_said_signs_reads_a_sign_out_beside_it(text: str, said: str) -> None:
    assert said_signs(text) == said


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from("©® aBcopyright1-"), max_size=20))
def test_said_signs_only_adds_words_and_is_idempotent(text: str) -> None:
    said = said_signs(text)
    rest = iter(said)
    assert all(c in rest for c in text)  # every character kept, in order
    assert said_signs(said) == said
    for sign, word in SIGN_WORDS.items():
        if sign in text:
            assert word in said.casefold()
    if not set(SIGN_WORDS) & set(text):
        assert said == text


# --- "glossary" alone: the guide's word list ------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["glossary", "the glossary", "show me the glossary", "glossary terms", "word list"],
)
def test_the_glossary_named_alone_lists_the_guides_terms_in_order(question: str) -> None:
    found = search.answer(DS, question)
    assert [h.id for h in found.hits] == GLOSSARY
    assert not found.unmatched and not found.related and not found.unsaid


def test_glossary_alone_is_answered_not_a_miss(run) -> None:
    data = answered_json(run, "glossary")
    assert [r["id"] for r in data["results"]] == GLOSSARY
    assert len({r["score"] for r in data["results"]}) == 1  # alike: a list, not a ranking


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("glossary botox", "glossary:botox"),
        ("glossary hemifacial spasm", "glossary:hemifacial-spasm"),
    ],
)
def test_glossary_beside_a_term_still_defines_that_term(question: str, first: str) -> None:
    assert search.answer(DS, question).hits[0].id == first


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("list the side effects of botox", "treatment:botox/side_effects"),
        ("list all treatments", "section:overview"),
        ("a list of the drugs", "treatment:medication"),
    ],
)
def test_a_list_asked_for_is_the_form_of_the_answer(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first, [h.id for h in found.hits[:3]]


# --- a comparison of the sexes the guide makes ----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "are men more prone to hemifacial spasm",
        "do males get hfs as often as females",
        "is hfs rarer in men",
        "which sex gets hemifacial spasm more, men or women",
        "is it more common in women or men",
    ],
)
def test_a_comparison_of_the_sexes_is_answered_without_a_note(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == "section:affected"
    assert not found.related and not found.unmatched and not found.unsaid


def test_the_comparison_is_shown_as_the_best_answer(run) -> None:
    result = run("search", "is it more common in women or men", "-f", "plain", "-n", "1")
    assert result.status == 0
    assert "does not mention" not in result.stdout
    assert "Best answer (section): Who is affected?" in result.stdout
    assert "slightly more often in women" in result.stdout


@pytest.mark.parametrize(
    "question",
    ["what age do men get it", "treatment for men with hfs", "ratio of men to women with hfs"],
)
def test_men_asked_of_anything_else_are_still_only_related(question: str) -> None:
    found = search.answer(DS, question)
    assert ("men", ("women",)) in found.related


def test_men_in_a_comparison_frame_the_question() -> None:
    vocab = vocabulary.load()
    assert search_analysis.compares_sexes("men", "is it more common in women or men", vocab)
    assert not search_analysis.compares_sexes("men", "what age do men get it", vocab)
    assert not search_analysis.compares_sexes("women", "is it more common in women", vocab)


# --- a count inside a range the guide gives -------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "are two injections usual",
        "two jabs of botox, is that normal",
        "I had two injections, is that the usual number",
        "two pricks of botox",
    ],
)
def test_a_count_inside_the_guides_range_finds_the_range(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id in ("statistic:botox-injections", "treatment:botox/how_given")
    assert not found.unmatched


def test_a_count_of_another_thing_is_not_read_as_the_range() -> None:
    assert search.answer(DS, "botox lasted 2 months").hits[0].id == "statistic:botox-duration"


RANGES = ((1.0, 3.0, "1 to 3", "injections"),)


def _count(typed: str, *terms: str) -> Concept:
    return Concept(typed, tuple((f'"{t}"', 1.0) for t in (typed, *terms)))


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(min_value=0, max_value=40), st.sampled_from(["injections", "months"]))
def test_within_ranges_adds_the_range_only_inside_it_and_of_its_thing(n: int, unit: str) -> None:
    question = Question((_count(str(n)), _count(unit)), frozenset())
    out = search_analysis.within_ranges(question, RANGES)
    added = {t for t, _ in out.concepts[0].terms} - {t for t, _ in question.concepts[0].terms}
    assert added == ({'"1 to 3"'} if unit == "injections" and 1 < n < 3 else set())
    assert out.concepts[1:] == question.concepts[1:]


# --- a clinician's shorthand ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("REZ compression", "section:causes"),
        ("NVC hemifacial spasm", "section:causes"),
        ("neurovascular conflict", "treatment:mvd/findings"),
        ("intraop monitoring", "treatment:mvd/monitoring"),
        ("SNHL after MVD", "treatment:mvd/side_effects"),
        ("onabotulinumtoxinA for hfs", "treatment:botox"),
        ("recurrence post MVD", "treatment:mvd/limitations"),
    ],
)
def test_a_clinicians_shorthand_is_the_guides_word(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first, [h.id for h in found.hits[:3]]
    assert not found.unmatched and not found.related


def test_a_retrosigmoid_opening_is_the_one_behind_the_ear() -> None:
    found = search.answer(DS, "retrosigmoid craniotomy")
    assert "figure:figure-2" in [h.id for h in found.hits[:3]]
    assert not found.unmatched


def test_a_vascular_loop_leads_to_the_vessel_with_a_note(run) -> None:
    result = run("search", "AICA loop", "-f", "plain", "-n", "1")
    assert result.status == 0
    assert "The guide does not mention 'loop'; closest: blood vessel." in result.stdout
    assert "Closest passage (section): Causes" in result.stdout


# --- the frame of a question: doing a treatment, a relation, what is typical ---------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how is the medication taken", "treatment:medication/how_given"),
        ("how are the pills taken", "treatment:medication/how_given"),
        ("how is botox administered", "treatment:botox/how_given"),
        ("relationship between TN and HFS", "section:causes"),
        ("is there a connection between bells palsy and hemifacial spasm", "section:causes"),
        ("am I in the typical age group", "statistic:average-onset-age"),
        ("the doctor only did two pokes, is that normal", "statistic:botox-injections"),
    ],
)
def test_the_frame_of_a_question_is_never_a_missing_topic(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first, [h.id for h in found.hits[:3]]
    assert not found.unmatched and not found.related


# --- an organisation the guide links to by its address alone --------------------------------------


def test_an_organisation_asked_by_its_full_name_leads_to_its_link_with_a_note(run) -> None:
    question = "american association of neuromuscular and electrodiagnostic medicine"
    found = search.answer(DS, question)
    assert found.hits[0].id == "link:aanem-patients"
    assert ("electrodiagnostic medicine", ("aanem",)) in found.related
    result = run("search", question, "-f", "plain", "-n", "1")
    assert "The guide does not mention 'american association of neuromuscular'" in result.stdout


# --- "stats" alone: the guide's figures -----------------------------------------------------------


@pytest.mark.parametrize("question", ["stats", "statistics", "show me the stats"])
def test_the_statistics_named_alone_list_every_figure_of_the_guide(question: str) -> None:
    found = search.answer(DS, question, limit=len(DS.statistics))
    assert sorted(h.id for h in found.hits) == sorted(f"statistic:{s.id}" for s in DS.statistics)
    assert not found.unmatched and not found.related and not found.unsaid


def test_stats_beside_a_treatment_lead_with_its_figures() -> None:
    ids = [h.id for h in search.answer(DS, "mvd stats").hits[:6]]
    assert all(i.startswith("statistic:mvd-") for i in ids), ids
