"""What round 12 of ranking reads in a record (issue 19): a word of a question met in a record
only where the record speaks of another condition or test ("Hemifacial spasm is related to
trigeminal neuralgia, ... which causes severe facial pain") answers less of a question about
the condition itself ("is hemifacial spasm painful": Symptoms says the twitching is usually
not painful).

The rule reads the records' structure (the glossary's terms that no treatment speaks of, and
the sentences naming them), never one question: the questions here are not from any question
set, and the property test tries it with every such name and any text.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hfs_info import search, search_index, store
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.search_index import index_for
from tests.searching import first, ix

DS = store.load_packaged()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the condition's own property: the Symptoms sentence, not trigeminal neuralgia's pain
        ("is hemifacial spasm painful", "section:symptoms"),
        ("how painful is hemifacial spasm", "section:symptoms"),
        ("do facial spasms hurt a lot", "section:symptoms"),
        # naming the other condition asks about it: its sentence answers
        ("is trigeminal neuralgia painful", "glossary:trigeminal-neuralgia"),
        # a test named by the record of another test is that test's own record
        ("which test measures the electrical activity of muscles", "glossary:electromyogram"),
    ],
)
def test_a_word_met_only_beside_another_condition_answers_less(
    question: str, expected: str
) -> None:
    assert first(question) == expected


def test_the_other_conditions_are_terms_no_treatment_speaks_of() -> None:
    """Trigeminal neuralgia and the tests of the diagnosis; not the craniotomy of MVD, nor the
    acetylcholine Botox blocks, nor the guide's subject, nor a name a treatment shares."""
    others = search._others(ix())
    assert {"trigeminal neuralgia", "electromyogram", "nerve conduction velocity"} <= set(others)
    assert not {"craniotomy", "acetylcholine", "hemifacial spasm", "hfs", "botox"} & set(others)
    rows = ix().rows
    # each sentence counted names the term outside the term's own record
    causes = {search_index.row_of(ix(), k) for k in others["trigeminal neuralgia"]}
    assert {rows[r].id for r in causes} == {"section:causes"}


NAMES = sorted(search._others(index_for(DS)))


@given(
    text=st.text(max_size=60) | st.sampled_from(["painful", "severe pain", "electrical test"]),
    name=st.sampled_from(NAMES),
    named=st.booleans(),
)
def test_reading_other_conditions_never_fails_nor_discounts_a_name_typed(
    text: str, name: str, named: bool
) -> None:
    """Any text: each discounted pair is a topic word's own match; a record is never
    discounted for naming a condition the question names."""
    question_text = f"{text} {name}" if named else text
    index = ix()
    try:
        question = search._question(DS, question_text, index)
    except Exception as error:  # a question of nothing: the search's own domain errors
        assert isinstance(error, (NotFoundError, UsageError))
        return
    found = [search._concept_match(index, c, list) for c in question.concepts]
    pairs = list(zip(question.concepts, found, strict=True))
    discounted = search._of_others(index, pairs, question)
    typed = " " + " ".join(c.typed for c in question.concepts) + " "
    for i, row in discounted:
        concept, match = pairs[i]
        assert row in match.scores and concept.weight >= 1.0 and not concept.form
        sentences = range(index.first[row], index.first[row] + len(index.rows[row].passages))
        naming = {k for n, ks in search._others(index).items() if f" {n} " not in typed for k in ks}
        assert any(k in naming for k in sentences)


# --- an aspect asked without the words of its title --------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # what they do (during it): how it is given
        ("what does the surgeon actually do", "treatment:mvd/how_given"),
        ("what exactly do they do during the operation", "treatment:mvd/how_given"),
        ("decompression surgery, what do they do", "treatment:mvd/how_given"),
        ("botox shots how its done", "treatment:botox/how_given"),
        ("how theyre done, the botox injections", "treatment:botox/how_given"),
        # taking a while, or spasms still there after it: how soon it works
        ("does botox take a while to work", "treatment:botox/onset"),
        ("can the operation take time to work", "treatment:mvd/onset"),
        ("still twitching two days after my botox injections", "treatment:botox/onset"),
        ("the spasms continue after my mvd, is that ok", "treatment:mvd/onset"),
        # when another one is due: how long it lasts
        ("when will i need another botox injection", "treatment:botox/duration"),
        ("when is the next botox due", "treatment:botox/duration"),
        ("when do i have to go back for more shots", "treatment:botox/duration"),
    ],
)
def test_an_aspect_asked_plainly_leads_with_that_aspect(question: str, expected: str) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # what is done about it, for it, if another fails: not how one treatment is given
        ("what can you do about hemifacial spasm", "glossary:hemifacial-spasm"),
        ("what will the doctor do at my first visit", "section:diagnosis"),
        ("what do they do if botox fails", "treatment:botox"),
        # taking a while to be diagnosed is not a treatment taking a while to work
        ("does it take a while to get a diagnosis", "section:diagnosis"),
        # going back to work is not another round of a treatment
        ("when do i need to go back to work after mvd", "treatment:mvd/recovery"),
    ],
)
def test_doing_and_waiting_in_other_senses_are_not_read_as_an_aspect(
    question: str, expected: str
) -> None:
    assert first(question) == expected


PLAIN = search._DOERS | search._DOING_ASKS | search._TAKING | search._GOING_ON | search._DURING
PLAIN |= search._DUE | search._AGAIN | {"when"}
WORDS = st.sampled_from(
    sorted(PLAIN | {"what", "do", "a", "while", "time", "to", "work", "after", "for", "how", "its"})
)


@given(st.lists(WORDS, max_size=12).map(" ".join) | st.text(max_size=80))
def test_reading_an_aspect_asked_plainly_never_fails_and_names_an_aspect(text: str) -> None:
    """Any text: nothing, or the title of how it is given or how soon it works, as the guide
    titles them; "how given" only with "what" and "do", "how soon" only with a verb of taking
    or of going on."""
    found = search._asked_plainly(text, lambda phrase: True)
    if found is None:
        return
    words = set(search.WORD.findall(search.normalize_query(text)))
    assert found.form
    assert found.typed in ("how it is given", "how soon it works", "how long it lasts")
    if found.typed == "how it is given":
        assert {"what", "do"} <= words
    elif found.typed == "how soon it works":
        assert words & (search._TAKING | search._GOING_ON)
    else:
        assert "when" in words and words & search._AGAIN


# --- what the guide as a whole is based on ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what research is this information based on", "source:guide"),
        ("what studies does this cite", "reference:payner-tew-1996"),
        ("which references does the guide cite", "reference:payner-tew-1996"),
        # research to take part in is not what the guide rests on
        ("are there studies i could join", "section:clinical-trials"),
    ],
)
def test_what_the_guide_rests_on_leads_with_its_sources(question: str, expected: str) -> None:
    assert first(question) == expected


def test_a_topic_beside_the_sources_keeps_the_reference_of_its_figures() -> None:
    """Where one record's figures come from is the reference that record cites, not every one
    of the guide's sources."""
    found = [h.id for h in search.search(DS, "which study is the mvd recurrence figure based on")]
    assert "reference:payner-tew-1996" in found[:3]
    assert "reference:samii-2002" not in found[:3]
    assert "source:guide" not in found[:3]


@given(st.text(max_size=80) | st.sampled_from(sorted(search._CITING)).map("what is it {}".format))
def test_asking_for_the_whole_source_needs_a_word_of_citing(text: str) -> None:
    words = " " + " ".join(search.WORD.findall(search.normalize_query(text))) + " "
    asked = search._asks_whole_source(text, [], ("studies",), frozenset())
    assert asked == any(f" {phrase} " in words for phrase in search._CITING)


# --- when a treatment is turned to, in a clinician's words or as what is left --------------------


@pytest.mark.parametrize(
    "question",
    [
        "when is surgery indicated",
        "who is a candidate for surgery",
        "indications for the operation",
        "the injections and medicine failed. is there any other option left?",
        "is there any other option left",
    ],
)
def test_when_a_treatment_is_turned_to_leads_with_when_it_is_used(question: str) -> None:
    assert first(question) == "treatment:mvd/when_used"


# --- what a treatment causes: its side effects, not the causes of the condition -----------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("do the pills cause nausea", "treatment:medication/side_effects"),
        ("does tegretol cause sleepiness", "treatment:medication/side_effects"),
        ("can the operation cause facial weakness", "treatment:mvd/side_effects"),
        ("can botox cause a droopy eyelid", "treatment:botox/side_effects"),
        # no treatment causing: the causes of the condition
        ("what causes hemifacial spasm", "section:causes"),
        ("could bells palsy cause my twitching", "section:causes"),
    ],
)
def test_what_a_treatment_causes_leads_with_its_side_effects(question: str, expected: str) -> None:
    assert first(question) == expected


TREATMENT_WORDS = sorted(
    name
    for name, rows in index_for(DS).own_names.items()
    if all(search._treatment_of(index_for(DS).rows[r]) for r in rows)
)


@given(
    before=st.text(max_size=30),
    name=st.sampled_from(TREATMENT_WORDS),
    verb=st.sampled_from(sorted(search._CAUSING)),
    after=st.text(max_size=30),
)
def test_a_treatment_named_before_a_verb_of_causing_is_read_as_causing(
    before: str, name: str, verb: str, after: str
) -> None:
    """Any text around it: a treatment's own name, then a verb of causing in the same clause,
    is read so; and no text without a verb of causing ever is."""
    clean = search._CLAUSE.sub(" ", before)
    assert search._caused_by_treatment(f"{clean} {name} {verb} {after}", ix())
    words = set(search.WORD.findall((before + " " + after).casefold()))
    if not words & search._CAUSING:
        assert not search._caused_by_treatment(f"{before} {name} {after}", ix())


@pytest.mark.parametrize(
    "question",
    [
        "are my nerves watched during surgery",
        "will they be watching my hearing nerve in the operation",
    ],
)
def test_nerves_watched_during_the_operation_are_monitored(question: str) -> None:
    assert first(question) == "treatment:mvd/monitoring"


# --- why a treatment is given: what it is given for, how it works --------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "why would they give an epilepsy drug for a face twitch",
            "treatment:medication/how_it_works",
        ),
        ("why take tegretol for hemifacial spasm", "treatment:medication/how_it_works"),
        ("why do they use anticonvulsants for hfs", "treatment:medication/how_it_works"),
        ("why would they use botox", "treatment:botox/how_it_works"),
        # what speaks against it is asked: its limits
        ("why don't they just give pills", "treatment:medication/limitations"),
    ],
)
def test_why_a_treatment_is_given_leads_with_how_it_works(question: str, expected: str) -> None:
    assert first(question) == expected


@given(
    before=st.text(max_size=30),
    verb=st.sampled_from(sorted(search._PURPOSE_VERBS)),
    name=st.sampled_from(TREATMENT_WORDS),
    negated=st.booleans(),
)
def test_why_a_named_treatment_is_given_is_read_as_its_purpose(
    before: str, verb: str, name: str, negated: bool
) -> None:
    """Any text before it: "why", a verb of giving, a treatment named, in one clause, asks its
    purpose; "why not" never does; and nothing does without "why"."""
    clean = search._CLAUSE.sub(" ", before)
    text = f"{clean} why {'not ' if negated else ''}{verb} {name}"
    words = search.WORD.findall(clean.casefold().replace("n't", " not"))
    if "why" in words:  # the first "why" of the clause is the one read
        return
    assert search._purpose_asked(text, ix()) == (not negated)
    assert not search._purpose_asked(f"{clean} {verb} {name}", ix())


# --- whether a treatment works: how well, not how -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("does mvd work", "treatment:mvd/results"),
        ("will the operation work for me", "treatment:mvd/results"),
        ("do the shots work for hfs", "treatment:botox/results"),
        # how it works, asked so
        ("how does botox work", "treatment:botox/how_it_works"),
    ],
)
def test_whether_a_treatment_works_leads_with_its_results(question: str, expected: str) -> None:
    assert first(question) == expected


@given(
    opening=st.sampled_from(["do", "does", "will", "would", "how does", "can", "could", "why"]),
    name=st.sampled_from(TREATMENT_WORDS),
    after=st.sampled_from(["", " for me", " for hfs", " straight away", " in the end"]),
)
def test_whether_it_works_is_read_only_as_a_yes_or_no_ending_at_work(
    opening: str, name: str, after: str
) -> None:
    asked = search._asks_if_it_works(f"{opening} {name} work{after}", ix())
    # (round 17: "can" and "could" ask yes or no as well: "can botox work for hfs")
    yes_no = opening in ("do", "does", "will", "would", "can", "could")
    assert asked == (yes_no and after in ("", " for me", " for hfs"))
