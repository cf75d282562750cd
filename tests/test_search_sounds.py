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


def test_sounding_alike_allows_two_slips_never_more() -> None:
    assert "botox" in sounds_like("botoks", ["botox", "bottle"])
    assert may_correct("botoks", "botox", sounds=True)
    assert not may_correct("botoks", "botox")  # two slips in a short word: only by sound
    assert not may_correct("injecshuns", "injections", sounds=True)  # three slips


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
