"""What the guide does not give, round 17 (issue 19), written here afresh (none of these
questions is from a question set):

- **the length of an operation asked with "how long is"** ("how long is the MVD operation",
  "how long will the operation be"): the guide's two months are counted from the surgery, no
  length of it (`figure`); how long a recovery or an effect is stays answered;
- **which drug or brand does better** ("which brand lasts longer", "which pill is safer"): the
  guide names one brand of each drug and ranks none (`best`); a drug's brand is answered;
- **the branches of a thing the guide only names** ("the branches of the trigeminal nerve"):
  the guide counts the facial nerve's branches alone (`together`);
- **a treatment's results at a time the guide never states** ("the results of MVD after 15
  years"): its results carry no time (`period`); a time it states ("after two months") is
  answered, and whether a treatment still works after years is asked of no figure;
- **what a test the guide names by its initials looks like** ("what does an MRI look like"):
  no figure of the guide shows one (`picture`); what a thing a figure shows looks like is
  answered.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_gaps, store
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.search_analysis import WORD, normalize_query
from tests.depth import examples
from tests.searching import CLOSEST as _CLOSEST
from tests.searching import answered_json as _json
from tests.searching import first_note as _first_note

DS = store.load_packaged()


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("how long is the MVD operation", "mvd"),
        ("how long is microvascular decompression surgery", "microvascular decompression surgery"),
        ("how long will the operation be", "operation"),
        ("how long was my surgery", "surgery"),
        ("how long is the decompression surgery", "decompression"),
    ],
)
def test_the_length_of_an_operation_is_said_to_be_ungiven(run, question: str, named: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "figure", "about": [named]}
    assert data["results"][0]["id"] == "treatment:mvd/recovery"
    _first_note(run, question, f"The guide gives no length of time for '{named}'" + _CLOSEST)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how long is recovery after MVD", "treatment:mvd/recovery"),
        ("how long is the effect of botox", "statistic:botox-duration"),
        ("how long is it until botox works", "treatment:botox/duration"),
    ],
)
def test_how_long_a_recovery_or_an_effect_is_is_answered(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first
    assert not found.lacks


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("which brand lasts longer", "brand"),
        ("what brand of botulinum toxin works best", "brand"),
        ("which medication has fewer side effects", "medication"),
        ("which pill is safer", "pill"),
    ],
)
def test_the_better_drug_or_brand_is_said_to_be_unranked(run, question: str, named: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "best", "about": [named]}
    note = f"The guide names no best '{named}' (it ranks none above another)"
    _first_note(run, question, note + _CLOSEST)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("what brand is carbamazepine", "drug:carbamazepine"),
        ("what is the brand name of baclofen", "drug:baclofen"),
        ("which drugs are used for hemifacial spasm", "treatment:medication"),
    ],
)
def test_a_drug_and_its_brand_are_answered_without_a_note(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first
    assert not found.lacks


@pytest.mark.parametrize(
    ("question", "about"),
    [
        ("what are the branches of the trigeminal nerve", ["trigeminal", "branches"]),
        ("the trigeminal nerve's divisions", ["trigeminal", "divisions"]),
        ("what is the trigeminal nerves main branch", ["trigeminal", "branch"]),
    ],
)
def test_branches_of_a_thing_only_named_are_said_unspoken_of(run, question, about) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "together", "about": about}
    both = " and ".join(repr(w) for w in about)
    _first_note(run, question, f"The guide never speaks of {both} together" + _CLOSEST)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how many branches does the facial nerve have", "statistic:facial-nerve-branches"),
        ("which branch of the facial nerve goes to the ear", "glossary:facial-nerve"),
        ("the facial nerve branches", "nerve:facial-nerve"),
        ("how can I take part in a study of new treatments", "section:clinical-trials"),
    ],
)
def test_branches_the_guide_speaks_of_are_answered(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first
    assert search_gaps.TOGETHER not in {what for what, _ in found.unsaid}


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("what is the success of MVD after 15 years", "15 years"),
        ("results of microvascular decompression at 20 years", "20 years"),
        ("what are the outcomes of the operation after 12 years", "12 years"),
    ],
)
def test_results_at_a_time_never_stated_are_said_so(run, question: str, span: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "period", "about": [span, "number"]}
    assert data["results"][0]["id"] == "treatment:mvd/results"
    note = f"The guide never speaks of '{span}': no number it gives is for that time"
    _first_note(run, question, note + _CLOSEST)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("what percentage have relief after 2 months", "statistic:mvd-delay"),
        ("does MVD still work after 15 years", "treatment:mvd/onset"),
    ],
)
def test_results_at_a_time_the_guide_states_are_answered(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert first in [hit.id for hit in found.hits[:3]]
    assert not found.lacks


@pytest.mark.parametrize(
    ("question", "named", "first"),
    [
        ("what does the MRI look like", "mri", "section:diagnosis"),
        ("what does the NCV look like", "ncv", "glossary:nerve-conduction-velocity"),
    ],
)
def test_what_a_test_looks_like_is_said_unpictured(run, question, named, first) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "picture", "about": [named]}
    assert data["results"][0]["id"] == first
    _first_note(run, question, f"The guide has no figure of '{named}'" + _CLOSEST)


@pytest.mark.parametrize(
    "question", ["what does the facial nerve look like", "what does MVD look like"]
)
def test_what_a_pictured_thing_looks_like_gets_no_picture_note(question: str) -> None:
    found = search.answer(DS, question)
    assert search_gaps.PICTURE not in {what for what, _ in found.unsaid}


def _parted(what: str, about: tuple[str, ...]) -> bool:
    """Whether ``about`` is a thing and the branches asked of it (the other "together" notes
    may name a thing as the guide writes it)."""
    parts = ("branch", "branches", "division", "divisions", "segment", "segments")
    return what == search_gaps.TOGETHER and about[-1] in parts


_PIECES = st.sampled_from(
    [
        *("how long", "is", "was", "will", "be", "the", "operation", "mvd", "it", "until"),
        *("which", "what", "brand", "pill", "fewer", "better", "longer", "of", "after"),
        *("trigeminal nerve", "branches", "division", "facial nerve", "'s", ",", "?"),
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=16).map(" ".join)


@settings(max_examples=examples(100), deadline=None)
@given(_TEXT)
def test_the_round17_notes_name_only_what_was_typed(text: str) -> None:
    words = WORD.findall(normalize_query(text))
    assert all(w in words for w in search_gaps.best_drug(words))
    try:
        found = search.answer(DS, text)
    except (NotFoundError, UsageError):
        return
    typed = " ".join(words)
    for what, about in found.unsaid:
        if _parted(what, about) or what == search_gaps.BEST:
            assert all(a in typed for a in about)
