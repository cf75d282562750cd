"""A rare word or a non-word spelt as it sounds ("botoks") is read as the guide word it sounds
like, by two slips at most, and the answer says so (issue 19, round 6). Never a common English
word, never a number.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store
from hfs_info.errors import NotFoundError
from hfs_info.search_analysis import COMMON_ZIPF, may_correct, soundex, sounds_like, zipf
from hfs_info.text import number_of
from tests.depth import examples

DS = store.load_packaged()


@pytest.mark.parametrize(
    ("word", "code"),
    # Knuth's examples (The Art of Computer Programming, vol. 3), not cut to four characters
    [
        *(("robert", "r163"), ("rupert", "r163"), ("ashcraft", "a2613"), ("tymczak", "t522")),
        *(("pfister", "p236"), ("botoks", "b32"), ("botox", "b32")),
    ],
)
def test_soundex(word: str, code: str) -> None:
    assert soundex(word) == code


def test_a_word_spelt_as_it_sounds_is_read_and_said(run) -> None:
    found = search.answer(DS, "botoks for twitching")
    assert ("botoks", "botox") in found.read_as
    assert found.hits[0].id in ("treatment:botox", "glossary:botox")
    assert "'botoks' as 'botox'" in run("search", "botoks for twitching", "-f", "plain").stdout


def test_sounding_alike_allows_two_slips_and_three_in_a_long_word_never_more() -> None:
    assert "botox" in sounds_like("botoks", ["botox", "bottle"])
    assert may_correct("botoks", "botox", sounds=True)
    assert not may_correct("botoks", "botox")  # two slips in a short word: only by sound
    # three slips only in a word of SPELT_AS_SAID_LENGTH letters or more spelt as it sounds
    assert may_correct("injecshuns", "injections", sounds=True)
    assert may_correct("botocks", "botox", sounds=True) and not may_correct("botocks", "botox")
    assert not may_correct("boutks", "botox", sounds=True)  # three slips in six letters
    assert not may_correct("injekshunz", "injections", sounds=True)  # five slips


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(sorted(search._content_words(search.entries(DS)))))
def test_a_common_word_or_a_number_is_never_read_by_its_sound(guide_word: str) -> None:
    for word in sounds_like(guide_word, [guide_word + "s", guide_word[:-1], guide_word]):
        if zipf(guide_word) >= COMMON_ZIPF or any(c.isdigit() for c in guide_word):
            assert not may_correct(guide_word, word, sounds=True)
    # a word spelt otherwise but sounding the same is read as the guide word, unless common
    typed = guide_word[:-1] + ("z" if guide_word[-1] == "s" else "s") + guide_word[-1]
    named = number_of(guide_word) is not None  # "first": never read into a number
    if sounds_like(typed, [guide_word]) and zipf(typed) < COMMON_ZIPF and not named:
        assert may_correct(typed, guide_word, sounds=True) == (typed[0] == guide_word[0])


@pytest.mark.parametrize("word", ["bottles", "buttocks", "eighty", "1000"])
def test_no_common_word_or_number_is_rewritten(word: str) -> None:
    try:
        found = search.answer(DS, f"{word} twitching")
    except NotFoundError:
        return
    assert word not in dict(found.read_as)
    assert search_analysis.sounds_like("12345", ["12345", "12354"]) == []


# --- slips of the keys: which near word a typo is read as --------------------------------------


@pytest.mark.parametrize(
    ("typed", "known", "first"),
    [
        ("cuases", ["cases", "causes", "cause"], "causes"),  # two letters swapped, not one added
        ("wrok", ["work", "works", "word"], "work"),  # difflib's ratio missed the swap
        ("botx", ["both", "botox", "bot"], "botox"),  # a letter dropped, not one changed
        ("spams", ["spasm", "spasms"], "spasms"),  # a letter dropped, before two swapped
    ],
)
def test_the_likelier_slip_is_read_first(typed: str, known: list[str], first: str) -> None:
    assert search_analysis.near_words(typed, known)[0] == first


@pytest.mark.parametrize(
    ("question", "typo", "word"),
    [
        ("what cuases HFS", "cuases", "causes"),
        ("how does MVD wrok", "wrok", "work"),
        ("botocks for eye spasm", "botocks", "botox"),
        ("reccurance after mvd surgery", "reccurance", "recurrence"),
    ],
)
def test_a_typo_is_read_as_the_word_meant_and_said(question: str, typo: str, word: str) -> None:
    found = search.answer(DS, question)
    assert (typo, word) in found.read_as
    assert typo not in found.unmatched


_INNER_SWAPS = st.sampled_from(
    sorted(
        w
        for w in search._content_words(search.entries(DS))
        if len(w) >= 6 and w.isalpha() and zipf(w) < COMMON_ZIPF
    )
).flatmap(lambda w: st.tuples(st.just(w), st.integers(1, len(w) - 2)))


@settings(max_examples=examples(200), deadline=None)
@given(_INNER_SWAPS)
def test_two_letters_swapped_inside_a_guide_word_are_read_as_a_word_of_the_guide(
    case: tuple[str, int],
) -> None:
    """A swap of two letters inside a rare word of the guide (the first letter kept) is a slip
    of the keys: the word is read as a word of the guide one slip away, and said, never named
    as not in the guide."""
    word, at = case
    typed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if typed == word or zipf(typed) >= COMMON_ZIPF:
        return
    try:
        found = search.answer(DS, f"what about {typed}")
    except NotFoundError:
        raise AssertionError(typed) from None
    assert typed not in found.unmatched, typed
