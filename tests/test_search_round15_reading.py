"""How the words of a question are read (issue 19, round 15): a clinician's short forms of the
guide's drugs and drug class (AED, CBZ) are the guide's words; a class the guide never names
(benzodiazepines) leads to its drugs only with a note; a chart's F>M is read as words and
said; a chart's short forms of times and of the operation (yrs, mo, post-op, pts, side fx) and
a real word slipped into the guide's own phrase ("clinical trails") are read as the guide's.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.errors import NotFoundError
from tests.depth import examples

DS = store.load_packaged()
MEDICATION = ("treatment:medication", "glossary:anticonvulsants")
BENZODIAZEPINES = ("treatment:medication/how_given", "drug:diazepam", "drug:clonazepam")


# --- short forms of the guide's drugs and drug class ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "are AEDs used for facial twitching",
        "antiepileptic medication for hemifacial spasm",
        "is an AED prescribed for this",
        "which antiepileptics are used",
        "antiseizure drugs",
    ],
)
def test_an_antiepileptic_is_the_guides_anticonvulsant(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id in MEDICATION, [h.id for h in found.hits[:3]]
    assert not found.unmatched and not found.related


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("what is CBZ", "drug:carbamazepine"),
        ("does cbz help the twitching", "drug:carbamazepine"),
        ("is rivotril used", "drug:clonazepam"),
        ("side effects of CBZ", "treatment:medication/side_effects"),
    ],
)
def test_a_short_or_foreign_name_of_a_drug_is_that_drug(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first, [h.id for h in found.hits[:3]]
    assert not found.unmatched and not found.related


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        ("can benzos help hfs", "benzos"),
        ("are benzodiazepines prescribed for the twitch", "benzodiazepines"),
        ("is a benzo used for facial spasm", "benzo"),
    ],
)
def test_a_class_the_guide_never_names_leads_to_its_drugs_with_a_note(
    question: str, typed: str
) -> None:
    found = search.answer(DS, question)
    assert found.related == ((typed, ("diazepam", "clonazepam")),)
    assert found.hits[0].id in BENZODIAZEPINES, [h.id for h in found.hits[:3]]
    ids = [h.id for h in found.hits[:3]]
    assert "drug:diazepam" in ids or "drug:clonazepam" in ids or ids[0].endswith("how_given")


def test_benzos_says_the_guide_does_not_mention_the_word(run) -> None:
    result = run("search", "benzos for the twitching", "-f", "plain", "-n", "3")
    assert result.status == 0
    assert "The guide does not mention 'benzos'; closest: diazepam, clonazepam." in result.stdout
    assert "Closest passage (treatment): Medication: how it is given" in result.stdout
    assert "Match: muscle relaxant" in result.stdout


# --- a chart's F>M --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "typed", "read"),
    [
        ("is hfs F>M", "f>m", "more often in women"),
        ("hemifacial spasm M > F?", "m > f", "more often in men"),
        ("hfs m<f", "m<f", "more often in women"),
        ("F:M in hfs", "f:m", "women and men"),
    ],
)
def test_a_charts_shorthand_for_the_sexes_is_read_and_said(
    question: str, typed: str, read: str
) -> None:
    found = search.answer(DS, question)
    assert (typed, read) in found.read_as
    assert found.hits[0].id == "section:affected"
    # a comparison of the sexes is the guide's own ("more often in women"): asked of men too,
    # it answers, and men are no topic the guide lacks (round 16)
    assert not found.related and not found.unmatched


def test_f_more_than_m_is_said_in_plain_output(run) -> None:
    result = run("search", "HFS F>M?", "-f", "plain", "-n", "1")
    assert result.status == 0
    assert "Read 'f>m' as 'more often in women'." in result.stdout
    assert "Best answer (section): Who is affected?" in result.stdout


@pytest.mark.parametrize("question", ["fm radio", "f>f", "what is the 5:1 ratio"])
def test_other_letters_and_signs_are_not_the_sexes(question: str) -> None:
    _, read = search_analysis.read_sexes(search_analysis.normalize_query(question))
    assert read == ()
    with pytest.raises(NotFoundError):
        search.answer(DS, question)


_SHORTHAND = re.compile(r"(?<![\w>:<])[fm] ?[<>:] ?[fm](?![\w>:<])")


@settings(max_examples=examples(300), deadline=None)
@given(st.text("fmab <>:1?", max_size=16))
def test_read_sexes_reads_only_two_different_letters_standing_alone(text: str) -> None:
    text = search_analysis.normalize_query(text)
    out, read = search_analysis.read_sexes(text)
    for typed, words in read:
        assert typed in text and typed[0] != typed[-1]
        assert words in out
    if not any(m.group()[0] != m.group()[-1] for m in _SHORTHAND.finditer(text)):
        assert (out, read) == (text, ())


# --- a chart's short forms and a slipped letter in the guide's own phrase -------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("recovery post-op mvd", "treatment:mvd/recovery"),
        ("how do pts recover after mvd", "treatment:mvd/recovery"),
        ("postoperative hearing loss", "treatment:mvd/side_effects"),
        ("3 yrs of twitching, how long does botox last", "treatment:botox/duration"),
        ("meds side fx", "treatment:medication/side_effects"),
        ("clinical trails for twitching", "section:clinical-trials"),
        ("is the nerve squeezed by an artery", "section:causes"),
    ],
)
def test_a_charts_short_form_is_the_guides_word(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first, [h.id for h in found.hits[:3]]
    assert not found.unmatched and not found.related


def test_progression_is_the_spasms_spreading() -> None:
    found = search.answer(DS, "progression of the spasm down the face")
    assert found.hits[0].id in ("section:symptoms", "statistic:onset-near-eye")
    assert not found.unmatched


@pytest.mark.parametrize("question", ["hiking trails", "mountain trails"])
def test_the_common_word_trails_alone_is_never_rewritten(question: str) -> None:
    with pytest.raises(NotFoundError):
        search.answer(DS, question)


# --- a question asked in Spanish, Portuguese or French --------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("riesgos de la cirugia", "treatment:mvd/risks"),
        ("efeitos colaterais da cirurgia", "treatment:mvd/side_effects"),
        ("efectos secundarios del botox", "treatment:botox/side_effects"),
        ("recuperación", "treatment:mvd/recovery"),
        ("chirurgie", "treatment:mvd"),
        ("relaxantes musculares", "treatment:medication"),
        ("nervio facial comprimido", "section:causes"),
    ],
)
def test_a_heading_asked_in_another_language_is_the_guides(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first, [h.id for h in found.hits[:3]]
    assert not found.unmatched


def test_the_small_words_of_another_language_are_never_missing_topics() -> None:
    found = search.answer(DS, "tratamiento del espasmo hemifacial")
    assert not found.unmatched
    assert found.hits[0].id == "section:overview"


# --- everyday phrasing of the guide's words -------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how does the surgeon get at the nerve",
        "how do they access the nerve during surgery",
        "how do surgeons get to the facial nerve",
    ],
)
def test_getting_to_the_nerve_is_how_the_operation_reaches_it(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == "treatment:mvd/how_given", [h.id for h in found.hits[:3]]
    assert not found.unmatched


@pytest.mark.parametrize(
    ("question", "typed", "term"),
    [
        ("my lip quivers", "quivers", '"twitching"'),
        ("my cheek keeps quivering", "quivering", '"twitching"'),
        ("HFS workup", "workup", '"diagnosis"'),
        ("what tests are in the workup", "workup", '"diagnosis"'),
    ],
)
def test_an_everyday_or_clinical_word_is_read_as_the_guides(
    question: str, typed: str, term: str
) -> None:
    read = search_analysis.read_question(question, vocabulary.load())
    concept = next(c for c in read.concepts if c.typed == typed)
    assert (term, 1.0) in concept.terms and not concept.related
    assert typed not in search.answer(DS, question).unmatched


def test_a_clinicians_workup_is_the_diagnosis() -> None:
    assert search.answer(DS, "HFS workup").hits[0].id == "section:diagnosis"
    assert search.answer(DS, "my lip quivers").hits[0].id == "section:what-is"


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("HFS pathophys", "section:causes"),
        ("pathophysiology of hemifacial spasm", "section:causes"),
        ("what is the pathogenesis of the twitching", "section:causes"),
    ],
)
def test_how_the_disease_comes_about_is_its_causes(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first, [h.id for h in found.hits[:3]]
    assert not found.unmatched


def test_a_charts_cx_is_the_complications_and_mra_only_near_the_mri() -> None:
    found = search.answer(DS, "MVD cx")
    assert "treatment:mvd/risks" in [h.id for h in found.hits[:3]] and not found.unmatched
    found = search.answer(DS, "is an MRA needed")
    assert found.related == (("mra", ("mri",)),)
    assert found.hits[0].id == "section:diagnosis"
