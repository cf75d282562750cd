"""What the guide does not give, round 13 (issue 19): classes of question the guide cannot
answer though it names what they ask about, and a choice that is no "together" gap.

- **how a thing is treated**, asked of a rare word the guide only mentions ("how is an aneurysm
  treated": an MRI rules one out) that no record of a treatment speaks of, is said first
  (`treatment`), as for a record's own name; a word before an active "treat" is what treats
  ("can craniectomy treat it") and is never noted;
- **what a thing looks like**, asked of a rare word the guide names and no figure shows
  ("what does an AVM look like on MRI"), is said first (`picture`), as for a picture asked;
- **how long a thing lasts** that the guide speaks of (in its own words: "hearing loss" is the
  guide's "decreased hearing") but never with a length of time, is said first (`figure`);
- **a choice between two named things** ("craniotomy vs craniectomy") is answered by what the
  guide says of each: no "never speaks of them together" note.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_gaps, store, vocabulary
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.search_analysis import WORD, normalize_query
from hfs_info.search_index import index_for
from tests.depth import examples
from tests.searching import CLOSEST as _CLOSEST
from tests.searching import answered_json as _json
from tests.searching import plain as _plain

DS = store.load_packaged()
VOCAB = vocabulary.load()
IX = index_for(DS)


@pytest.mark.parametrize(
    ("question", "named", "first"),
    [
        ("how is an aneurysm treated", "aneurysm", "section:overview"),
        ("what is the treatment for an AVM", "avm", "treatment:botox"),
        ("what cures an aneurysm", "aneurysm", "section:overview"),
        ("is there a cure for an AVM", "avm", "section:overview"),
    ],
)
def test_the_treatment_of_a_rare_word_the_guide_only_mentions_is_said_first(
    run, question: str, named: str, first: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"] == [{"lacks": "treatment", "about": [named]}]
    assert data["results"][0]["id"] == first
    note = f"The guide does not say how '{named}' is treated" + _CLOSEST
    plain = _plain(run, question)
    assert note in plain
    assert plain.index(note) < plain.index("Closest passage (")


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("can craniectomy treat it", "section:overview"),  # what treats, not what is treated
        ("is teflon used to treat the spasm", "glossary:botox"),  # a treatment's own word
        ("how is hemifacial spasm treated", "section:overview"),  # the guide's subject
        ("what treatments does Mayfield offer", "source:guide"),  # a name of the source
    ],
)
def test_no_treatment_note_for_what_treats_or_what_the_guide_treats(
    run, question: str, first: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"] == []
    assert data["results"][0]["id"] == first


@pytest.mark.parametrize(
    ("question", "named", "first"),
    [
        ("what does an AVM look like on MRI", "avm", "section:diagnosis"),
        ("what does an aneurysm look like on a scan", "aneurysm", "section:diagnosis"),
        ("what would an AVM look like on the MRI pictures", "avm", "section:diagnosis"),
    ],
)
def test_what_a_rare_word_no_figure_shows_looks_like_is_said_first(
    run, question: str, named: str, first: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"] == [{"lacks": "picture", "about": [named]}]
    assert data["results"][0]["id"] == first
    note = f"The guide has no figure of '{named}'" + _CLOSEST
    plain = _plain(run, question)
    assert note in plain and plain.index(note) < plain.index("Closest passage (")


@pytest.mark.parametrize(
    "question",
    ["what does the teflon sponge look like", "what does the facial nerve look like"],
)
def test_no_picture_note_for_what_a_figure_shows(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.PICTURE for what, _ in found.unsaid)


@pytest.mark.parametrize(
    ("question", "named", "first"),
    [
        ("how long does hearing loss last after MVD", "hearing loss", "treatment:mvd/recovery"),
        ("how long does the hearing loss last", "hearing loss", "treatment:botox/duration"),
        (
            "how long will the decreased hearing last",
            "decreased hearing",
            "treatment:botox/duration",
        ),
    ],
)
def test_the_length_of_a_thing_the_guide_gives_no_length_of_is_said_first(
    run, question: str, named: str, first: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"] == [{"lacks": "figure", "about": [named]}]
    assert data["results"][0]["id"] == first
    note = f"The guide gives no length of time for '{named}'" + _CLOSEST
    plain = _plain(run, question)
    assert note in plain and plain.index(note) < plain.index("Closest passage (")


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how long does recovery take after mvd", "treatment:mvd/recovery"),
        ("how long does the effect of botox last", "treatment:botox/duration"),
    ],
)
def test_no_length_note_where_the_guide_gives_the_length(run, question: str, first: str) -> None:
    data = _json(run, question)
    assert data["unsaid"] == []
    assert data["results"][0]["id"] == first
    assert "Best answer (" in _plain(run, question)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("craniotomy vs craniectomy", "glossary:craniotomy"),
        ("is it a craniotomy or a craniectomy", "glossary:craniotomy"),
        ("tegretol vs baclofen", "drug:baclofen"),
    ],
)
def test_a_choice_between_two_named_things_gets_no_together_note(
    run, question: str, first: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"] == []
    assert data["results"][0]["id"] == first


def test_two_things_not_set_as_a_choice_keep_their_together_note(run) -> None:
    data = _json(run, "should I stop taking Tegretol before my MVD operation")
    assert data["unsaid"] == [{"lacks": "together", "about": ["tegretol", "mvd"]}]


# The records' own names of one word that are no name of the guide's subject ("mvd",
# "tegretol", "craniotomy"), for the property below.
_OWN = sorted(
    name
    for name in IX.own_names
    if name.isascii() and name.isalpha() and name not in VOCAB.subject and len(name) > 2
)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.sampled_from(_OWN),
    st.sampled_from(_OWN),
    st.sampled_from(["vs", "versus", "or", "or the", "vs a"]),
    st.sampled_from(["", "what is ", "is it ", "which is it: "]),
)
def test_a_choice_between_two_own_names_is_never_a_together_gap(
    a: str, b: str, joined: str, before: str
) -> None:
    question = f"{before}{a} {joined} {b}"
    try:
        found = search.answer(DS, question)
    except NotFoundError:
        return
    assert all(what != search_gaps.TOGETHER for what, _ in found.unsaid)


# The words of the records of a treatment or a drug (as written), rare in English.
_TREATMENT_WORDS = sorted(
    {
        w
        for row in IX.rows
        if row.kind in ("treatment", "drug")
        for w in WORD.findall(normalize_query(f"{row.title} {row.body}"))
        if w.isalpha() and len(w) > 3
    }
)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.sampled_from(_TREATMENT_WORDS),
    st.sampled_from(["how is {} treated", "what is the treatment for {}", "a cure for {}"]),
)
def test_a_word_a_treatment_speaks_of_is_never_said_untreated(word: str, form: str) -> None:
    try:
        found = search.answer(DS, form.format(word))
    except NotFoundError:
        return
    for what, about in found.unsaid:
        if what == search_gaps.TREATMENT:
            assert word not in about


@settings(max_examples=examples(200), deadline=None)
@given(
    st.sampled_from(["how long does", "how long will", "how long do"]),
    st.text(max_size=30),
    st.sampled_from(["last", "take", "lasts"]),
    st.text(max_size=20),
)
def test_a_length_gap_names_only_typed_words_and_never_fails(
    start: str, thing: str, verb: str, rest: str
) -> None:
    question = f"{start} {thing} {verb} {rest}"
    try:
        found = search.answer(DS, question)
    except (NotFoundError, UsageError):
        return
    typed = set(WORD.findall(normalize_query(question)))
    read = {w for as_read in dict(found.read_as).values() for w in str(as_read).split()}
    for what, about in found.unsaid:
        if what == search_gaps.FIGURE:
            for named in about:  # as typed, or as a typo was read
                assert set(named.split()) <= typed | read


@pytest.mark.parametrize(
    ("question", "named", "first"),
    [
        (
            "is there an age limit for having MVD surgery",
            "mvd surgery",
            "treatment:mvd/limitations",
        ),
        (
            "My dad is 82 years old with heart problems. Is he too old for the MVD operation,"
            " is there an age limit?",
            "mvd",
            "treatment:mvd/limitations",
        ),
        ("is there a maximum age for botox", "botox", "treatment:botox/limitations"),
        ("am I too old for surgery", "surgery", "treatment:mvd"),
    ],
)
def test_an_age_bound_of_a_treatment_is_said_first(
    run, question: str, named: str, first: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"] == [{"lacks": "age_limit", "about": [named]}]
    assert data["results"][0]["id"] == first
    note = f"The guide gives no age limit for '{named}'" + _CLOSEST
    plain = _plain(run, question)
    assert note in plain and plain.index(note) < plain.index("Closest passage (")


@pytest.mark.parametrize(
    "question",
    ["at what age does hfs start", "is hemifacial spasm an age thing", "what age do people get it"],
)
def test_no_age_limit_note_where_no_bound_is_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.AGE_LIMIT for what, _ in found.unsaid)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.sampled_from(["is", "there", "an", "for", "my", "dad", "age", "old", "too"])),
    st.sampled_from(_OWN),
    st.text(max_size=20),
)
def test_an_age_limit_note_needs_a_bound_asked_and_names_a_record_without_an_age(
    frame: list[str], name: str, noise: str
) -> None:
    question = f"{' '.join(frame)} {name} {noise}"
    try:
        found = search.answer(DS, question)
    except (NotFoundError, UsageError):
        return
    words = " ".join(WORD.findall(normalize_query(question)))
    for what, about in found.unsaid:
        if what != search_gaps.AGE_LIMIT:
            continue
        # an age, or "too old", "too young", is asked
        assert {"age", "too"} & set(words.split())
        for typed in about:
            assert typed in IX.own_names
            records = IX.own_names[typed]
            assert not any(
                search_gaps._holds_age(IX, k)
                for r in records
                for k in search_gaps._sentences(IX, r)
            )
