"""Whose contact (issue 19, trial 12): the guide names one contact, the Springfield
Neurological and Spine Institute, with its phone number. Asked for the contact of another of
the guide's parties (its publisher, the Mayfield Clinic; its reviewer; where they are), search
leads with that contact only after saying the guide gives none for the party named (`whose`):
"Mayfield Clinic phone number" once read as the Mayfield Clinic's number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_gaps, store
from hfs_info.errors import NotFoundError
from tests.depth import examples
from tests.searching import CLOSEST as _CLOSEST
from tests.searching import answered_json as _json

DS = store.load_packaged()


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Mayfield Clinic phone number", ["mayfield"]),
        ("how do I call dr mandybur", ["mandybur"]),
        ("what is the phone number of the mayfield clinic", ["mayfield"]),
        ("can I phone George Mandybur with questions", ["mandybur"]),
    ],
)
def test_the_contact_of_another_party_is_said_to_be_missing(
    run, question: str, named: list[str]
) -> None:
    data = _json(run, question)
    assert "contact:guide" in [r["id"] for r in data["results"][:2]]
    assert data["unsaid"][0] == {"lacks": "whose", "about": named}
    said = " or ".join(repr(n) for n in named)
    note = f"The guide gives no contact for {said}: the one it names is another's" + _CLOSEST
    plain = run("search", question, "-f", "plain").stdout
    assert plain.index(note) < plain.index("Closest passage (")


@pytest.mark.parametrize(
    "question",
    ["who is the Mayfield Clinic", "who reviewed this guide", "is George Mandybur a doctor"],
)
def test_the_parties_asked_of_without_reaching_them_get_no_note(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.WHOSE for what, _ in found.unsaid)


@pytest.mark.parametrize(
    "question",
    [
        "what is the phone number",
        "who do I call with questions",
        "springfield institute phone number",
        "phone number to call with questions",
    ],
)
def test_the_contact_itself_is_answered_without_the_note(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == "contact:guide"
    assert all(what != search_gaps.WHOSE for what, _ in found.unsaid)


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["phone", "number", "call", "contact", "who", "do", "i", "the", "springfield", "with"]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_no_words_but_the_contacts_own_name_no_party_is_named(words: list[str]) -> None:
    """Words of asking and the contact's own name never name another party."""
    try:
        found = search.answer(DS, " ".join(words))
    except NotFoundError:  # a miss (exit 1) says nothing of a party either
        return
    assert all(what != search_gaps.WHOSE for what, _ in found.unsaid)


@pytest.mark.parametrize(
    "question",
    ["who can I call to ask about an appointment", "what number do I ring about my referral"],
)
def test_whom_to_call_about_a_thing_is_the_contact_not_a_thing_never_named(question: str) -> None:
    """Set Y: the contact, named for questions, answers whom to call about anything; the word
    the guide never uses is still named, but not as what the question asks (`unused`)."""
    found = search.answer(DS, question)
    assert found.hits[0].id == "contact:guide"
    assert all(what != search_gaps.UNUSED for what, _ in found.unsaid)
