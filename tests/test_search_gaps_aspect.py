"""The aspect asked of another thing (issue 19, round 9): when the first answer is an aspect of a
treatment the question does not name ("what are the side effects of the MRI": MVD's side
effects), and that record never speaks of what the question names, the answer says first that
the guide does not say that of it. An aspect asked of a treatment by any of its names, or of a
drug given in it, is never so noted.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_gaps, store
from hfs_info.errors import NotFoundError
from hfs_info.search_analysis import WORD, normalize_query
from hfs_info.search_index import index_for
from tests.depth import examples
from tests.searching import SCHEMA

DS = store.load_packaged()
IX = index_for(DS)
ENTRIES = {e.id: e for e in search.entries(DS)}
TREATMENTS = {e.id for e in ENTRIES.values() if e.kind == "treatment" and "/" not in e.id}
# every own name of a treatment, or of a drug given in one
TREATMENT_NAMES = sorted(
    name
    for name, rows in IX.own_names.items()
    if any(IX.rows[r].id in TREATMENTS or IX.rows[r].kind == "drug" for r in rows)
)
ASPECTS = [
    "what are the side effects of {}",
    "how long does {} last",
    "is {} dangerous",
    "what are the risks of {}",
    "how long is recovery after {}",
    "how soon does {} work",
]


@pytest.mark.parametrize(
    "question",
    ["what are the side effects of the MRI", "is an MRI dangerous", "how long does the MRI take"],
)
def test_the_aspect_of_another_thing_is_said_first(run, question: str) -> None:
    found = search.answer(DS, question)
    assert found.unsaid == ((search_gaps.ASPECT, ("mri",)),)
    first = found.hits[0]
    assert "/" in first.id and first.id.startswith("treatment:")
    assert "mri" not in set(WORD.findall(normalize_query(ENTRIES[first.id].body)))
    data = json.loads(run("search", question, "-f", "json").stdout)
    SCHEMA.validate(data)
    assert data["unsaid"] == [{"lacks": "aspect", "about": ["mri"]}]
    plain = " ".join(run("search", question, "-f", "plain").stdout.split())
    note = (
        "The guide does not say this of 'mri': the closest passages, about another thing, follow."
    )
    assert note in plain
    assert plain.index(note) < plain.index("Closest passage (")


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(TREATMENT_NAMES), st.sampled_from(ASPECTS))
def test_an_aspect_asked_of_a_treatment_by_any_name_is_never_noted(name: str, ask: str) -> None:
    try:
        found = search.answer(DS, ask.format(name))
    except NotFoundError:
        return
    assert all(what != search_gaps.ASPECT for what, _ in found.unsaid)


NAMED = sorted({*IX.own_names, "mri", "emg", "ncv", "teflon", "sponge", "aica", "tumor"})


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(NAMED), st.sampled_from(ASPECTS))
def test_an_aspect_note_is_given_only_of_a_thing_the_first_answer_never_speaks_of(
    name: str, ask: str
) -> None:
    try:
        found = search.answer(DS, ask.format(name))
    except NotFoundError:
        return
    for what, about in found.unsaid:
        if what != search_gaps.ASPECT:
            continue
        first = ENTRIES[found.hits[0].id]
        owner = first.id.split("/")[0]
        assert "/" in first.id and owner in TREATMENTS
        # the question names no name of that treatment
        assert owner not in {IX.rows[r].id for r in IX.own_names.get(name, ())}
        text = f"{first.title} {first.names} {first.context} {first.body}".lower()
        for thing in about:
            assert thing not in set(WORD.findall(normalize_query(text)))


def test_an_answerable_question_in_the_sets_gets_no_aspect_note() -> None:
    # measured on every question set (docs/benchmarks.md, round 9); a sample of the classes
    for question in [
        "Why would they do an MRI if they already know it is hemifacial spasm?",
        "what are the side effects of tegretol",
        "is the MRI scan safe",
        "what does the sponge do",
        "how long does botox last",
    ]:
        found = search.answer(DS, question)
        assert all(what != search_gaps.ASPECT for what, _ in found.unsaid), question
