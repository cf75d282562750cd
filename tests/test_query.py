"""Lookups: names, aliases, normalisation, prefixes, near misses and bounds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import query, store
from hfs_info.errors import HfsError, NotFoundError, UsageError
from hfs_info.text import inert, normalize
from tests.depth import examples

DS = store.load_packaged()


@pytest.mark.parametrize(
    ("words", "term"),
    [
        ("mvd", "microvascular decompression"),
        ("MVD", "microvascular decompression"),
        ("Microvascular Decompression", "microvascular decompression"),
        ("tic convulsif", "hemifacial spasm"),
        ("HFS", "hemifacial spasm"),
        ("bells palsy", "Bell's palsy"),
        ("Bell’s palsy", "Bell's palsy"),
        ("BELL'S   PALSY", "Bell's palsy"),
        ("botulinum toxin", "Botox"),
        ("seventh cranial nerve", "facial nerve"),
        ("CN VII", "facial nerve"),
        ("EMG", "electromyogram"),
        ("micro", "microvascular decompression"),  # a prefix the guide reads only one way
        ("bell", "Bell's palsy"),
        ("hemi", "hemifacial spasm"),
    ],
)
def test_find_term(words: str, term: str) -> None:
    assert query.find_term(DS, words).term == term


@pytest.mark.parametrize(
    ("words", "treatment"),
    [
        ("medication", "medication"),
        ("drugs", "medication"),
        ("botox", "botox"),
        ("Botulinum Toxin", "botox"),
        ("injections", "botox"),
        ("mvd", "mvd"),
        ("surgery", "mvd"),
        ("Microvascular decompression (MVD)", "mvd"),
        ("micro", "mvd"),
    ],
)
def test_find_treatment(words: str, treatment: str) -> None:
    assert query.find_treatment(DS, words).id == treatment


def test_near_miss_suggests_and_does_not_guess() -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "botx")
    assert info.value.suggestions == ("Botox (term)",)
    assert str(info.value) == "'botx' is not in the glossary; try: hfs-info search botx"


def test_a_prefix_the_guide_also_uses_otherwise_is_only_offered() -> None:
    # "trigeminal" is also the trigeminal nerve; "surg" also surgeon and surgical.
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "trigem")
    assert info.value.suggestions == ("trigeminal neuralgia (term)",)
    with pytest.raises(NotFoundError) as info:
        query.find_treatment(DS, "surg")
    assert info.value.suggestions == ("surgery (treatment: mvd)",)


def test_unknown_without_suggestions() -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "zzzzqqq")
    assert info.value.suggestions == ()


@pytest.mark.parametrize("bad", ["", "   ", "x" * (query.MAX_QUERY_LENGTH + 1)])
def test_empty_and_overlong_queries_are_usage_errors(bad: str) -> None:
    with pytest.raises(UsageError):
        query.find_term(DS, bad)


def test_normalize() -> None:
    assert normalize("  Bell’s  Palsy ") == "bells palsy"
    assert normalize("Bélls-palsy") == "bells palsy"
    assert normalize("C.N. VII") == "c n vii"


def test_inert_makes_controls_visible() -> None:
    assert inert("a\x1b[31mb") == "a^[[31mb"
    assert inert("x\u202ey") == "x<U+202E>y"
    assert inert("\x85\x00\x7f") == "<U+0085>^@^?"
    assert inert("line\n\ttab") == "line\n\ttab"


HOSTILE = st.lists(
    st.sampled_from(
        [*list("abcmvdotx ()[]\"'*-:^/\\"), "AND", "OR", "NEAR", "\x1b", "\u202e", "\x00", "é"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(HOSTILE | st.text(max_size=300))
def test_lookups_raise_only_domain_errors(words: str) -> None:
    for lookup in (query.find_term, query.find_treatment):
        try:
            found = lookup(DS, words)
        except HfsError:
            continue
        assert found is not None


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=200))
def test_inert_leaves_no_control_characters(text: str) -> None:
    shown = inert(text)
    assert not any(
        (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in "\u202a\u202e\u2066"
        for c in shown
    )
