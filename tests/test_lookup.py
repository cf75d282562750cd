"""Lookups never land on a different concept: not across a number, not from one word of the
guide to another, and a miss says where to look instead."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import query, store
from hfs_info.errors import NotFoundError
from hfs_info.models import GlossaryEntry, Treatment
from hfs_info.text import normalize

DS = store.load_packaged()


# The names each record answers to, as the lookups publish them; that they answer to them is
# tested below, and what they are is checked against the records' own fields here.
term_names = query.term_names


def treatment_names(t: Treatment) -> tuple[str, ...]:
    return query.treatment_names(DS, t)


TERMS = [(name, r) for r in (*DS.glossary, *DS.medications) for name in term_names(r)]
TREATMENTS = [(name, t) for t in DS.treatments for name in treatment_names(t)]

# Written independently of query.number_of, so that the test does not share its mistakes.
_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_ROMAN = "i ii iii iv v vi vii viii ix x xi xii"
CANON = {w: i for i, w in enumerate(_WORDS.split(), 1)} | {
    r: i for i, r in enumerate(_ROMAN.split(), 1)
}


def numbers(text: str) -> list[int]:
    found = []
    for word in normalize(text).split():
        digits = re.fullmatch(r"(\d+)(st|nd|rd|th)?", word)
        if digits:
            found.append(int(digits.group(1)))
        elif word in CANON:
            found.append(CANON[word])
    return sorted(found)


# Words a reader may look up that are NOT any entry here: other cranial nerves, other
# procedures, other drugs and toxins. Each must be a plain miss, with no "did you mean".
NEAR_MISSES = [
    # other cranial nerves, and ways of writing them
    "CN V",
    "CN VI",
    "CN VIII",
    "CN X",
    "CN 8",
    "cn vi",
    "cranial nerve V",
    "cranial nerve 5",
    "cranial nerve",
    "cranial",
    "fifth cranial nerve",
    "fifth nerve",
    "5th nerve",
    "8th nerve",
    "eighth nerve",
    "sixth nerve",
    "hearing nerve",
    "trigeminal nerve",
    "optic nerve",
    "vagus nerve",
    "abducens nerve",
    "nerve",
    # other procedures
    "craniectomy",
    "decompressive craniectomy",
    "laminectomy",
    "rhizotomy",
    "radiofrequency rhizotomy",
    "gamma knife",
    "myectomy",
    "neurectomy",
    "balloon compression",
    "deep brain stimulation",
    # other drugs and toxins
    "oxcarbazepine",
    "lorazepam",
    "oxazepam",
    "clobazam",
    "fosphenytoin",
    "gabapentin",
    "tizanidine",
    "valproate",
    "lamotrigine",
    "clonidine",
    "dantrolene",
    "botulinum toxin type B",
    "Dysport",
    "Xeomin",
    "Myobloc",
    # words the guide uses without defining them
    "AVM",
    "aneurysm",
    "brainstem",
    "trigeminal",
    "seventh",
]


@pytest.mark.parametrize(("name", "record"), TERMS, ids=[n for n, _ in TERMS])
def test_every_term_and_alias_finds_its_own_entry(name: str, record: object) -> None:
    assert query.find_term(DS, name) is record
    assert query.find_term(DS, f"  {name.upper()} ") is record


@pytest.mark.parametrize(("name", "record"), TREATMENTS, ids=[n for n, _ in TREATMENTS])
def test_every_treatment_name_finds_its_treatment(name: str, record: Treatment) -> None:
    assert query.find_treatment(DS, name) is record


def test_the_names_are_the_records_own_and_the_drugs_lead_to_medication() -> None:
    for entry in DS.glossary:
        assert set(term_names(entry)) == {entry.term, *entry.aliases}
    for drug in DS.medications:
        assert set(term_names(drug)) == {drug.generic, drug.brand}
    for treatment in DS.treatments:
        assert {treatment.id, treatment.name, *treatment.aliases} <= set(treatment_names(treatment))
    assert query.find_treatment(DS, "Tegretol").id == "medication"
    assert query.find_treatment(DS, "carbamazepine").id == "medication"
    assert query.find_treatment(DS, "botox").id != "medication"


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_near_misses_are_plain_misses(words: str) -> None:
    for lookup in (query.find_term, query.find_treatment):
        with pytest.raises(NotFoundError) as info:
            lookup(DS, words)
        assert info.value.suggestions == (), (words, info.value.suggestions)
        assert "try: hfs-info search" in str(info.value)


@pytest.mark.parametrize("words", ["CN V", "cranial nerve V", "cn vi", "cranial nerve", "cranial"])
def test_the_fifth_and_sixth_nerves_are_never_the_facial_nerve(words: str) -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, words)
    assert not any("facial nerve" in s for s in info.value.suggestions)


def _mutations(draw: st.DrawFn) -> str:
    name, _ = draw(st.sampled_from(TERMS + TREATMENTS))
    words = normalize(name).split()
    numbered = [i for i, w in enumerate(words) if numbers(w)]
    if numbered and draw(st.booleans()):
        # Another number in another spelling: VII -> V, 7th -> 8th, seventh -> fifth.
        at = draw(st.sampled_from(numbered))
        n = draw(st.integers(1, 12))
        form = draw(st.sampled_from(["arabic", "ordinal", "word", "roman"]))
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n, "th")
        words[at] = {
            "arabic": str(n),
            "ordinal": f"{n}{suffix}",
            "word": _WORDS.split()[n - 1],
            "roman": _ROMAN.split()[n - 1],
        }[form]
    text = " ".join(words)
    cut = draw(st.integers(1, len(text)))
    return text[:cut]


@settings(max_examples=400, deadline=None)
@given(st.composite(_mutations)())
def test_no_answer_or_suggestion_crosses_a_number(words: str) -> None:
    """Whatever is typed (a name cut short, a number changed), an answer or a suggestion has
    exactly the numbers typed, whole."""
    for lookup, names in ((query.find_term, term_names), (query.find_treatment, treatment_names)):
        try:
            found = lookup(DS, words)  # type: ignore[operator]
        except NotFoundError as miss:
            for label in miss.suggestions:
                name = label.rsplit(" (", 1)[0]
                assert numbers(name) == numbers(words), (words, label)
            continue
        matching = [n for n in names(found) if normalize(n).startswith(normalize(words))]
        assert any(numbers(n) == numbers(words) for n in matching), (words, found)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([n for n, _ in TERMS]), st.integers(0, 30))
def test_a_cut_name_answers_with_its_own_entry_or_not_at_all(name: str, cut: int) -> None:
    """A name typed short never silently answers with a different entry than a name of the
    answer it begins: the prefix belongs to the entry returned."""
    typed = normalize(name)[: max(1, len(normalize(name)) - cut)]
    try:
        found = query.find_term(DS, typed)
    except NotFoundError:
        return
    assert any(normalize(n).startswith(typed) for n in term_names(found))


def test_suggestions_are_capped_and_closest_first() -> None:
    # A large edition whose names mostly begin with "t": the miss must stay one short line.
    words = [f"t{a}{b}{c}" for a in "abcdefgh" for b in "aeiou" for c in "klmnoprs"]
    glossary = tuple(GlossaryEntry(f"g{i}", w, "x", (), "text") for i, w in enumerate(words))
    big = DS._replace(glossary=(*DS.glossary, *glossary))
    with pytest.raises(NotFoundError) as info:
        query.find_term(big, "tb")
    assert len(info.value.suggestions) == query.MAX_SUGGESTIONS
    with pytest.raises(NotFoundError) as info:
        query.find_term(big, "tbakx")
    assert info.value.suggestions[0] == "tbak (term)"  # one letter off comes first
    assert len(info.value.suggestions) <= query.MAX_SUGGESTIONS


def test_suggestions_say_what_they_are() -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "tegretal")
    assert info.value.suggestions == ("Tegretol (drug: carbamazepine)",)
    with pytest.raises(NotFoundError) as info:
        query.find_treatment(DS, "botx")
    assert info.value.suggestions == ("botox (treatment)",)


@pytest.mark.parametrize("words", ["craniectomy", "AVM", "brainstem", "8th nerve", "CN V"])
def test_cli_a_word_without_an_entry_points_to_search(run, words: str) -> None:
    result = run("glossary", words)
    assert result.status == 1
    assert result.stdout == ""
    quoted = words if " " not in words else f"'{words}'"
    assert result.stderr == (
        f"hfs-info: {words!r} is not in the glossary; try: hfs-info search {quoted}\n"
    )


def test_cli_a_treatment_miss_names_the_treatments(run) -> None:
    result = run("treatments", "laser")
    assert result.status == 1
    assert result.stderr == (
        "hfs-info: 'laser' is not a treatment of the guide; the treatments are medication, "
        "botox, mvd; try: hfs-info search laser\n"
    )


def test_cli_a_typo_is_offered_not_applied(run) -> None:
    result = run("glossary", "tegretal")
    assert result.status == 1
    assert result.stderr.splitlines() == [
        "hfs-info: 'tegretal' is not in the glossary; try: hfs-info search tegretal; "
        "did you mean: Tegretol (drug: carbamazepine)?",
    ]
