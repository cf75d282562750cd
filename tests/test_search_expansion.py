"""Document expansion (the vocabulary's [asks]): the questions each record answers, searched but
never shown, and reviewed like the dataset: no new facts creep in through them.

A question may use only the record's or the guide's own words, words of the vocabulary that mean
the same thing ([forms], [words]), stop and filler words, and common English words; never a word
the vocabulary marks as only related ("numb" is not weakness), never a number the record does not
give, and never 8 words in a row of the guide.
"""

from __future__ import annotations

import pytest

from hfs_info import search, search_analysis, search_index, store, vocabulary
from hfs_info.search_analysis import WORD, normalize_query, number_of
from tests.test_fidelity import copied_runs

DS = store.load_packaged()
VOCAB = vocabulary.load()
ENTRIES = {e.id: e for e in search_index.entries(DS)}
ASKS = [(record, question) for record, questions in VOCAB.asks.items() for question in questions]


def _words(text: str) -> set[str]:
    return set(WORD.findall(normalize_query(text)))


GUIDE_WORDS = set().union(
    *(_words(f"{e.title} {e.names} {e.body} {e.context}") for e in ENTRIES.values())
)
SAME = {w for table in (VOCAB.forms, VOCAB.words) for key in table for w in key.split()}
RELATED = set(VOCAB.related)


def test_there_are_questions_for_most_records() -> None:
    assert len(ASKS) > 200
    assert len(VOCAB.asks) >= 0.9 * len(ENTRIES)


@pytest.mark.parametrize("record", sorted(VOCAB.asks))
def test_every_record_id_exists(record: str) -> None:
    assert record in ENTRIES


@pytest.mark.parametrize(("record", "question"), ASKS)
def test_no_new_facts(record: str, question: str) -> None:
    entry = ENTRIES[record]
    own = _words(f"{entry.title} {entry.names} {entry.body} {entry.context}")
    # numbers: only the record's own (in any spelling it uses)
    own_numbers = {number_of(w) for w in own} - {None}
    for word in question.split():
        n = number_of(word)
        if n is not None and word not in {"one", "i"}:  # pronouns too ("which one", "i")
            assert word in own or n in own_numbers, f"{question!r}: number {word!r}"
    # no word the vocabulary marks as only related, as a word or a phrase, unless the record
    # itself uses it (the limitations of MVD may say "vessel"; numbness is never weakness)
    padded = f" {question} "
    said = f" {' '.join(WORD.findall(normalize_query(entry.body + ' ' + entry.title)))} "
    for key in RELATED:
        if f" {key} " in padded:
            assert f" {key} " in said, f"{question!r}: {key!r} is only related ([related])"
    for word in question.split():
        known = (
            word in GUIDE_WORDS
            or word in SAME
            or search_analysis.is_filler(word, VOCAB)
            or word in VOCAB.filler
            or search_analysis.zipf(word) >= search_analysis.COMMON_ZIPF
        )
        assert known, f"{question!r}: {word!r} is neither the guide's nor a common word"


@pytest.mark.parametrize(("record", "question"), ASKS)
def test_no_question_copies_the_guide(record: str, question: str) -> None:
    assert copied_runs(question) == []


def test_questions_are_never_shown() -> None:
    found = search.answer(DS, "how long is the recovery after surgery", limit=10)
    shown = " ".join(f"{h.title} {h.snippet} {h.text}" for h in found.hits)
    assert "how long is the recovery after surgery" not in shown.casefold()
    assert found.hits[0].id == "treatment:mvd/recovery"


def test_a_record_is_found_through_its_questions() -> None:
    # "come back" is none of the limitations record's words; its questions say "return"
    hits = search.search(DS, "can the spasms return after the operation", limit=3)
    assert "treatment:mvd/limitations" in [h.id for h in hits]


def test_unknown_ids_and_bad_questions_are_refused() -> None:
    import tomli

    from hfs_info.store import package_data

    data = package_data(vocabulary.SOURCE_NAME)
    assert data is not None
    raw = tomli.loads(data.decode("utf-8"))
    raw["asks"] = {"Not An Id": ["fine question"], "section:causes": ["Bad, Punctuation!"]}
    found = vocabulary.problems(raw)
    assert any("'Not An Id'" in p and "record id" in p for p in found)
    assert any("Bad, Punctuation!" in p for p in found)
    raw["asks"] = ["not a table"]
    assert "asks: must be a table" in vocabulary.problems(raw)


# --- the general rules of round 2 ---------------------------------------------------------------


def test_the_story_around_a_question_is_never_named_as_missing() -> None:
    story = "I went on my holidays and climbed the stairs. How long does botox last?"
    found = search.answer(DS, story, limit=3)
    assert found.hits[0].id == "treatment:botox/duration"
    assert found.unmatched == ()
    # in the sentence that asks, the same word is a topic the guide lacks
    asked = search.answer(DS, "How long does botox last on holidays?", limit=3)
    assert asked.unmatched == ("holidays",)


def test_a_question_without_a_question_mark_is_all_asked() -> None:
    q = search.read_question("My dad had surgery. He wants the results", VOCAB)
    assert not any(c.background for c in q.concepts)
    q = search.read_question("My dad had surgery. What are the results?", VOCAB)
    assert {c.typed for c in q.concepts if c.background} == {"surgery"}


def test_filler_is_never_searched() -> None:
    q = search.read_question("please help me read and explain the risks of surgery", VOCAB)
    assert {c.typed for c in q.concepts} == {"risks", "surgery"}


def test_a_typo_of_a_subject_word_weighs_as_the_subject_word() -> None:
    found = search.answer(DS, "how is hemifacal spasm diagnosed", limit=3)
    assert found.read_as == (("hemifacal", "hemifacial"),)
    assert found.hits[0].id == "section:diagnosis"


def test_a_word_only_in_a_web_address_is_named_but_the_address_is_the_answer() -> None:
    # alone, the word is found in the guide (in the address) and the address answers
    alone = search.answer(DS, "blepharospasm", limit=3)
    assert alone.hits[0].id == "link:blepharospasm-org"
    assert alone.unmatched == ()
    # beside other topic words, it is named: the guide says nothing of it but the address
    asked = search.answer(DS, "what is blepharospasm and how is it treated", limit=3)
    assert asked.unmatched[0] == "blepharospasm"


def test_one_side_is_not_side_effects() -> None:
    hits = search.search(DS, "why is only one side affected", limit=3)
    assert not any(h.id.endswith("/side_effects") for h in hits)
