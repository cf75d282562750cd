"""An asking phrase selects the aspect whose title asks the same (issue 19, round 5).

A treatment's aspects are titled by the question each answers ("how it works", "how soon it
works", "how long it lasts", "how it is given"). A question asking that ("how does MVD work",
"how long does Botox take to work", "how long does it last", "how are the shots given") leads
with that aspect, not with the treatment's summary or another aspect that shares a word.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, store
from tests.depth import examples

DS = store.load_packaged()
ENTRIES = {e.id: e for e in search.entries(DS)}
# Each treatment and the names a person may call it by.
NAMES = {t.id: (t.name.lower(), *t.aliases) for t in DS.treatments}
# Each aspect a question asks for by its phrasing, and the phrasings (TREATMENT: its name).
ASKS = {
    "how_it_works": (
        "how does {} work",
        "how do {} work",
        "how does {} actually work",
        "so how does the {} work?",
    ),
    "onset": (
        "how long does {} take to work",
        "how long do {} take to start working",
        "how soon does {} work",
        "how quickly will {} work",
        "how long should i wait for {} to work",
        "how long does it take for {} to kick in",
        "how long do i wait before {} kicks in",
    ),
    "duration": ("how long does {} last", "how long will {} last"),
    "how_given": ("how is {} given", "how are {} given"),
}


def _cases() -> list[tuple[str, str, str]]:
    return [
        (treatment, aspect, asks)
        for treatment in NAMES
        for aspect, phrasings in ASKS.items()
        if f"treatment:{treatment}/{aspect}" in ENTRIES
        for asks in phrasings
    ]


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(_cases()), st.data())
def test_an_asking_phrase_leads_with_the_aspect_titled_so(
    case: tuple[str, str, str], data: st.DataObject
) -> None:
    treatment, aspect, asks = case
    name = data.draw(st.sampled_from(NAMES[treatment]))
    question = asks.format(name)
    hits = [h.id for h in search.answer(DS, question).hits]
    assert hits[0] == f"treatment:{treatment}/{aspect}", (question, hits[:3])


def test_a_question_asking_no_aspect_adds_nothing() -> None:
    """ "what is MVD" asks for a definition: no aspect's title is read into it."""
    from hfs_info.search_analysis import quoted
    from hfs_info.search_index import index_for, match

    in_guide = lambda phrase: bool(match(index_for(DS).db, quoted(phrase)))  # noqa: E731
    assert search._asked_aspect("what is mvd", in_guide) is None
    assert search._asked_aspect("how does it feel", in_guide) is None
    assert search._asked_aspect("how long does botox take to work", in_guide).typed == (
        "how soon it work"
    )


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [
        ("how long befor botox starts working", "how long before botox starts working"),
        ("how long untill botox works", "how long until botox works"),
        ("how long befor mvd works", "how long before mvd works"),
        ("how long shuold i wait before botox works", "how long should i wait before botox works"),
    ],
)
def test_an_asking_phrase_with_a_typo_is_read_after_the_typo(typed: str, spelt: str) -> None:
    """The asking phrase is read after a typo of its words is corrected, and says so: a typo
    selects the aspect the word spelt right selects."""
    found = search.answer(DS, typed)
    assert found.hits[0].id == search.answer(DS, spelt).hits[0].id
    assert found.hits[0].id.endswith("/onset")
