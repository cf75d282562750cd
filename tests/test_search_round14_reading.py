"""How the words of a question are read (issue 19, round 14): a number after a label ("number
7") names what the words before the label name; a count never matches a part of a phone number
or of a citation's pages; a second-language or sounded-out spelling of a guide word is read as it
and said.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.errors import NotFoundError
from tests.depth import examples

DS = store.load_packaged()
FACIAL = ("glossary:facial-nerve", "nerve:facial-nerve")


# --- a number after a label names what the question names ----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "which nerve is the number 7",
        "is the facial nerve number 7",
        "the nerve number seven, what does it do",
        "what is cranial nerve no 7",
    ],
)
def test_a_labelled_number_beside_a_nerve_names_the_nerve(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id in FACIAL, [h.id for h in found.hits[:3]]
    assert "contact:guide" not in [h.id for h in found.hits[:3]]
    assert not found.unmatched


def test_a_labelled_number_names_a_figure_after_the_word_figure() -> None:
    assert search.answer(DS, "what is figure number 2").hits[0].id == "figure:figure-2"


def test_the_label_is_not_a_topic_but_a_phone_number_still_is() -> None:
    v = vocabulary.load()
    labelled = search_analysis.read_question("which nerve is the number 7", v)
    assert [c.typed for c in labelled.concepts] == ["nerve", "7"]
    assert labelled.concepts[1].number == 7
    assert search.answer(DS, "what is the phone number").hits[0].id == "contact:guide"


def test_a_label_without_a_naming_word_leaves_the_number_a_count() -> None:
    v = vocabulary.load()
    read = search_analysis.read_question("how many people is number 8", v)
    assert [c.number for c in read.concepts if c.typed == "8"] == [None]


# --- a count is never a part of a phone number or of pages ---------------------------------------


@pytest.mark.parametrize(
    "question", ["885 patients", "38 patients had surgery", "in 686 cases does surgery work"]
)
def test_a_count_among_other_words_is_never_found_inside_a_phone_number_or_pages(
    question: str,
) -> None:
    try:
        found = search.answer(DS, question)
    except NotFoundError:
        return
    ids = [h.id for h in found.hits]
    assert "contact:guide" not in ids and not ids[0].startswith("reference:"), ids


def test_the_number_alone_still_finds_where_it_stands() -> None:
    assert search.answer(DS, "38").hits[0].id == "reference:payner-tew-1996"


def test_the_phone_number_typed_whole_finds_the_contact() -> None:
    for question in ("417-885-3888", "who answers at 417-885-3888"):
        assert search.answer(DS, question).hits[0].id == "contact:guide", question


def test_counts_in_reads_a_joined_number_as_one_thing() -> None:
    assert not search_analysis.counts_in(("885",), "Contact, phone 417-885-3888.")
    assert not search_analysis.counts_in(("38", "691"), "Neurosurgery 38:686-691, 1996.")
    assert search_analysis.counts_in(("1996",), "Neurosurgery 38:686-691, 1996.")
    assert search_analysis.counts_in(("two",), "back to usual life two months after")
    # a range is two numbers, each its own
    assert search_analysis.counts_in(("3",), "1-3 injections")
    assert search_analysis.counts_in(("1998",), "Mayfield Clinic 1998-2018")


@settings(max_examples=examples(150), deadline=None)
@given(
    parts=st.tuples(st.integers(100, 999), st.integers(100, 999), st.integers(1000, 9999)),
    volume=st.integers(1, 99),
    pages=st.tuples(st.integers(1, 999), st.integers(1, 999)),
)
def test_a_part_of_a_phone_number_or_of_pages_never_counts(
    parts: tuple[int, int, int], volume: int, pages: tuple[int, int]
) -> None:
    phone = "-".join(map(str, parts))
    for part in parts:
        assert not search_analysis.counts_in((str(part),), f"call {phone} today")
        assert search_analysis.counts_in((str(part),), f"call {phone} or {part} today")
    cited = f"Neurosurgery {volume}:{pages[0]}-{pages[1]}, 1996."
    for number in (volume, *pages):
        assert not search_analysis.counts_in((str(number),), cited)
    assert search_analysis.counts_in(("1996",), cited)
